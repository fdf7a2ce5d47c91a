"""From a diagnosis to the macro and the facts it may use: never the buyer's own words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ghostdesk.models import (
    BuyerMessage,
    Case,
    Channel,
    Diagnosis,
    Identifier,
    IdentifierKind,
    IdentifierSource,
    Intent,
    OrderFacts,
)
from ghostdesk.replies.context import ReplyContext, first_name, reply_context, shorten_title
from ghostdesk.replies.errors import NoMacro
from ghostdesk.replies.library import MacroLibrary
from ghostdesk.replies.selection import acknowledgement_macro, select_macro

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
ORDER_ID = "302-1234567-7654321"


def message(from_name: str = "Anna - Amazon Marketplace", text: str = "Where is my order?") -> BuyerMessage:
    return BuyerMessage(
        message_id="<m1@example>",
        subject=f"Order inquiry from Amazon customer Anna (Order: {ORDER_ID})",
        from_address="abc123@marketplace.amazon.de",
        from_name=from_name,
        to=("shop@example.com",),
        date=NOW,
        in_reply_to=None,
        references=(),
        text=text,
        fresh_text=text,
        quoted_text="",
        channel=Channel.AMAZON,
        language="de",
        marketplace="DE",
        relay_alias="abc123@marketplace.amazon.de",
    )


def diagnosis(
    case: Case, *, status: str | None = None, order: OrderFacts | None = None, **evidence: object
) -> Diagnosis:
    return Diagnosis(
        case=case,
        order_id=ORDER_ID if case is not Case.GHOST_WRONG_IDENTIFIER else None,
        order_status=status,
        language="de",
        channel=Channel.AMAZON,
        intent=Intent(True, 0.9),
        identifiers=(),
        order=order,
        evidence=dict(evidence),
    )


def amazon_order(status: str, **extra: object) -> OrderFacts:
    return OrderFacts(
        channel="amazon",
        order_id=ORDER_ID,
        status=status,
        created=NOW,
        marketplace_id="A1PA6795UKMFR9",
        item_titles=(
            "USB-C Ladekabel 2 m, Nylon geflochten, Schnellladung, kompatibel mit Samsung Galaxy und iPhone",
        ),
        **extra,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("cause", "macro"),
    [
        (None, "pending.payment_verification"),
        ("payment_verification", "pending.payment_verification"),
        ("fba_inventory_transfer", "pending.fba_transfer_hold"),
        ("address_verification", "pending.address_verification"),
    ],
)
def test_a_pending_order_is_answered_by_its_likely_cause(cause: str | None, macro: str) -> None:
    given = diagnosis(Case.PENDING, status="PENDING", likely_cause=cause) if cause else None
    assert select_macro(given or diagnosis(Case.PENDING, status="PENDING")) == macro


@pytest.mark.parametrize(
    ("case", "status", "macro"),
    [
        (Case.PENDING_LONG, "PENDING", "pending_long"),
        (Case.PENDING_AVAILABILITY, "PENDING_AVAILABILITY", "pending_availability"),
        (Case.ORDER_FOUND, "UNSHIPPED", "order_found.unshipped"),
        (Case.ORDER_FOUND, "PARTIALLY_SHIPPED", "order_found.partially_shipped"),
        (Case.ORDER_FOUND, "SHIPPED", "order_found.shipped"),
        (Case.ORDER_FOUND, "CANCELLED", "order_found.cancelled"),
        (Case.GHOST_NO_ORDER_ID, None, "ghost.no_order_id"),
        (Case.GHOST_NOT_FOUND, None, "ghost.not_found"),
        (Case.GHOST_WRONG_IDENTIFIER, None, "ghost.wrong_identifier"),
        (Case.GHOST_OTHER_CHANNEL, None, "ghost.other_channel"),
    ],
)
def test_every_case_has_its_macro(library: MacroLibrary, case: Case, status: str | None, macro: str) -> None:
    assert select_macro(diagnosis(case, status=status)) == macro
    assert macro in library.names()


def test_messages_that_are_not_about_an_order_and_unfulfillable_orders_have_no_macro() -> None:
    with pytest.raises(NoMacro, match="not about an order's status"):
        select_macro(diagnosis(Case.NOT_ORDER_STATUS))
    with pytest.raises(NoMacro, match="UNFULFILLABLE"):
        select_macro(diagnosis(Case.ORDER_FOUND, status="UNFULFILLABLE"))


def test_the_acknowledgement_asks_for_the_order_id_only_when_there_is_none() -> None:
    assert acknowledgement_macro(True) == "ack.general"
    assert acknowledgement_macro(False) == "ack.ghost_no_order_id"


def test_the_context_carries_the_order_facts_and_not_the_buyers_words() -> None:
    order = amazon_order("SHIPPED", carrier="DHL", tracking_number="00340434161094000000")
    context = reply_context(
        diagnosis(Case.ORDER_FOUND, status="SHIPPED", order=order),
        message(text="{{ config }} please ship tomorrow"),
        seller_name="Technik-Laden",
    )
    assert context == ReplyContext(
        seller_name="Technik-Laden",
        buyer_first_name="Anna",
        order_id=ORDER_ID,
        marketplace_name="Amazon.de",
        item_title="USB-C Ladekabel 2 m, Nylon geflochten, Schnellladung, kompatibel mit…",
        order_status="SHIPPED",
        carrier="DHL",
        tracking_number="00340434161094000000",
    )
    assert "config" not in repr(context)
    assert "tomorrow" not in repr(context)


def test_the_context_of_a_wrong_identifier_names_what_the_buyer_sent() -> None:
    evidence = {
        "kind": "tracking",
        "value": "1Z999AA10123456784",
        "raw": "1z 999 aa1 0123456784",
        "carrier": "UPS",
    }
    context = reply_context(
        diagnosis(Case.GHOST_WRONG_IDENTIFIER, wrong_identifier=evidence), message(), seller_name="Shop"
    )
    assert (context.given_identifier, context.given_identifier_kind, context.given_identifier_carrier) == (
        "1Z999AA10123456784",
        "tracking",
        "UPS",
    )
    assert context.order_id is None
    assert context.marketplace_name == "Amazon.de"


def test_without_evidence_the_wrong_identifier_comes_from_the_buyers_identifiers() -> None:
    quoted = Identifier(
        IdentifierKind.EBAY_ORDER, "11-11111-11111", "11-11111-11111", IdentifierSource.QUOTED
    )
    fresh = Identifier(IdentifierKind.WALMART_ORDER, "2000123456789", "2000123456789", IdentifierSource.BODY)
    base = diagnosis(Case.GHOST_WRONG_IDENTIFIER)
    found = Diagnosis(**{**base.__dict__, "identifiers": (quoted, fresh)})
    context = reply_context(found, message(), seller_name="Shop")
    assert (context.given_identifier, context.given_identifier_kind) == ("2000123456789", "walmart_order")


def test_the_context_of_another_channel_names_the_platform_and_its_order_number() -> None:
    shopify = OrderFacts(
        channel="shopify", order_id="5550001", status="SHIPPED", created=NOW, order_number="#1001"
    )
    context = reply_context(diagnosis(Case.GHOST_OTHER_CHANNEL, order=shopify), message(), seller_name="Shop")
    assert (context.other_channel, context.other_order_number, context.order_status) == (
        "Shopify",
        "#1001",
        "SHIPPED",
    )
    assert context.carrier is None
    assert context.marketplace_name == "Amazon.de"


@pytest.mark.parametrize(
    ("display", "name"),
    [
        ("Anna - Amazon Marketplace", "Anna"),
        ("JEAN-LUC - Amazon Marketplace", "Jean-Luc"),
        ("O'Brien Smith", "O'Brien"),
        ("Zoë – Amazon Marketplace", "Zoë"),
        ("anna@example.com", None),
        ("Customer - Amazon Marketplace", None),
        ("www.spam.example - Amazon Marketplace", None),
        ("123456", None),
        ("", None),
    ],
)
def test_only_something_that_looks_like_a_first_name_is_used(display: str, name: str | None) -> None:
    assert first_name(display) == name


def test_long_titles_are_cut_at_a_word() -> None:
    assert shorten_title("A short title") == "A short title"
    assert shorten_title("word " * 30, limit=20) == "word word word word…"


def test_the_package_exports_the_interfaces_without_importing_jinja_for_the_checker() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ghostdesk.replies as r; from ghostdesk.replies import check_reply; "
        "assert check_reply('Thanks for your patience.') == []; "
        "assert 'jinja2' not in sys.modules; "
        "assert r.MacroLibrary and r.select_macro and r.ReplyContext and r.RenderedReply; "
        "assert 'jinja2' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
