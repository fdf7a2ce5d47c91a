"""Realistic sample facts per language, for previewing macros (``ghostdesk macros render``) and tests."""

from __future__ import annotations

from dataclasses import replace

from ghostdesk.replies.context import ReplyContext

_BASE: dict[str, ReplyContext] = {
    "en": ReplyContext(
        seller_name="Gadget World",
        buyer_first_name="Emma",
        marketplace_name="Amazon.co.uk",
        item_title="USB-C Charging Cable, 2 m, Braided Nylon",
        carrier="Royal Mail",
        tracking_number="JB123456789GB",
    ),
    "de": ReplyContext(
        seller_name="Technik-Laden",
        buyer_first_name="Jonas",
        marketplace_name="Amazon.de",
        item_title="USB-C Ladekabel, 2 m, Nylon geflochten",
        carrier="DHL",
        tracking_number="00340434161094000000",
    ),
    "fr": ReplyContext(
        seller_name="Déco Maison",
        buyer_first_name="Camille",
        marketplace_name="Amazon.fr",
        item_title="Lampe de chevet en lin, 35 cm",
        carrier="Colissimo",
        tracking_number="6A12345678901",
    ),
    "es": ReplyContext(
        seller_name="Hogar y Deco",
        buyer_first_name="Lucía",
        marketplace_name="Amazon.es",
        item_title="Juego de sábanas de algodón, 150 x 190 cm",
        carrier="SEUR",
        tracking_number="SE123456789ES",
    ),
    "it": ReplyContext(
        seller_name="Casa Bella",
        buyer_first_name="Giulia",
        marketplace_name="Amazon.it",
        item_title="Set di 6 bicchieri in vetro soffiato",
        carrier="BRT",
        tracking_number="123456789012345",
    ),
}
_ORDER_ID = "302-1234567-7654321"
_STATUS = {
    "pending": "PENDING",
    "pending_long": "PENDING",
    "pending_availability": "PENDING_AVAILABILITY",
    "order_found.unshipped": "UNSHIPPED",
    "order_found.partially_shipped": "PARTIALLY_SHIPPED",
    "order_found.shipped": "SHIPPED",
    "order_found.cancelled": "CANCELLED",
}


def sample_context(macro: str, language: str) -> ReplyContext:
    """Facts a real draft of this macro would carry, in the style of the language's marketplace."""
    base = _BASE.get(language, _BASE["en"])
    family = macro.split(".")[0]
    status = _STATUS.get(macro) or _STATUS.get(family)
    shipped = macro in ("order_found.shipped", "order_found.partially_shipped")
    context = replace(
        base,
        order_id=None if family == "ghost" and macro != "ghost.not_found" else _ORDER_ID,
        order_status=status,
        carrier=base.carrier if shipped else None,
        tracking_number=base.tracking_number if shipped else None,
    )
    if macro == "ghost.not_found":
        context = replace(context, order_id="305-9876543-1234567", item_title=None)
    elif macro == "ghost.wrong_identifier":
        context = replace(
            context,
            item_title=None,
            given_identifier="1Z999AA10123456784",
            given_identifier_kind="tracking",
            given_identifier_carrier="UPS",
        )
    elif macro == "ghost.other_channel":
        context = replace(
            context,
            other_channel="Shopify",
            other_order_number="#1001",
            order_status="SHIPPED",
            item_title=None,
        )
    elif family == "ghost" or macro.startswith("ack."):
        context = replace(context, item_title=None)
    if macro == "ack.ghost_no_order_id":
        context = replace(context, order_id=None)
    return context
