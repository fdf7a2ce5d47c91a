"""The facts a reply macro may see, and nothing else.

A macro is rendered from a :class:`ReplyContext`: a handful of plain strings taken from the diagnosis and
the order systems. The buyer's own words are never part of it, so nothing a buyer writes can reach a
reply, let alone be evaluated as a template. The one buyer-supplied value, the first name in the relay's
display name, is accepted only when it looks like a name.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from ghostdesk import marketplaces
from ghostdesk.models import (
    BuyerMessage,
    Case,
    Diagnosis,
    IdentifierKind,
    IdentifierSource,
    OrderFacts,
    Triage,
)

_TITLE_MAX = 70
_CHANNEL_NAMES = {"shopify": "Shopify", "ebay": "eBay", "walmart": "Walmart", "amazon": "Amazon"}
# Words that sit where a first name would, but are not one: relay suffixes, roles, placeholders.
_NOT_NAMES = frozenset(
    (
        *("amazon", "marketplace", "customer", "buyer", "kunde", "kundin", "client", "cliente", "acheteur"),
        *("comprador", "acquirente", "info", "support", "service", "team", "noreply", "no-reply", "unknown"),
        *("mr", "mrs", "ms", "dr", "herr", "frau", "m", "mme", "sr", "sra", "sig", "sig.ra"),
    )
)
_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_])){1,30}")
_RELAY_SUFFIX = re.compile(r"\s+[-–—]\s+.*(?:amazon|marketplace).*$", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class ReplyContext:
    """The only facts a macro may use. Every value is plain text or None; never the buyer's message."""

    seller_name: str
    buyer_first_name: str | None = None  # from the relay's "Anna - Amazon Marketplace"; None when unsure
    order_id: str | None = None  # the Amazon order ID (3-7-7), also the one a ghost buyer gave
    marketplace_name: str | None = None  # "Amazon.de"
    item_title: str | None = None  # the first item's title, shortened
    order_status: str | None = None  # Orders API fulfillment status ("SHIPPED", ...) or the other channel's
    carrier: str | None = None
    tracking_number: str | None = None
    other_channel: str | None = None  # the platform's name where the order was found: "Shopify", "eBay"
    other_order_number: str | None = None  # the number the buyer saw there ("#1001")
    given_identifier: str | None = None  # what the buyer sent instead of an Amazon order ID
    given_identifier_kind: str | None = None  # IdentifierKind value: "tracking", "ebay_order", ...
    given_identifier_carrier: str | None = None  # for a tracking number: "UPS", "DHL", ...

    @property
    def marketplace_language(self) -> str | None:
        """The main language of the order's marketplace (Amazon.de -> "de"), if known."""
        if not self.marketplace_name:
            return None
        found = marketplaces.by_domain(self.marketplace_name)
        return found.language if found else None

    def facts(self) -> tuple[str, ...]:
        """Values that come from order systems or the seller, not from anyone typing a reply.

        The compliance checker does not hold these against a reply: an item title may say "24h", a
        tracking number may look like a phone number. The buyer's first name is not among them.
        """
        values = (
            self.seller_name,
            self.order_id,
            self.marketplace_name,
            self.item_title,
            self.carrier,
            self.tracking_number,
            self.other_channel,
            self.other_order_number,
            self.given_identifier,
            self.given_identifier_carrier,
        )
        return tuple(v for v in values if v)

    def template_variables(self) -> dict[str, Any]:
        return asdict(self)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReplyContext:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: (None if v is None else str(v)) for k, v in data.items() if k in known}
        values["seller_name"] = str(data.get("seller_name") or "")
        return cls(**values)


def first_name(display_name: str | None) -> str | None:
    """The buyer's first name from a display name such as "Anna - Amazon Marketplace", or None.

    Only something that looks like a name is returned: letters, with an inner hyphen or apostrophe, two
    to thirty-one characters. An email address, a number or a role ("Customer") gives None, and the
    macro greets without a name.
    """
    if not display_name:
        return None
    name = _RELAY_SUFFIX.sub("", display_name.strip().strip('"').strip())
    if "@" in name or not name:
        return None
    token = name.split()[0].rstrip(",.")
    if not _NAME.fullmatch(token) or token.casefold().rstrip(".") in _NOT_NAMES:
        return None
    if token.isupper() or token.islower():
        token = "-".join(part[:1].upper() + part[1:].lower() for part in token.split("-"))
    return token


def shorten_title(title: str | None, limit: int = _TITLE_MAX) -> str | None:
    """An item title cut at a word boundary, because catalogue titles run to 200 characters."""
    if not title:
        return None
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–|/")
    return cut + "…"


def marketplace_display_name(order: OrderFacts | None, message: BuyerMessage) -> str | None:
    """ "Amazon.de" for the order's marketplace, else for the marketplace the message came through."""
    found: marketplaces.Marketplace | None = None
    if order is not None and order.channel == "amazon":
        if order.marketplace_id:
            found = marketplaces.by_id(order.marketplace_id)
        if found is None and order.marketplace_name:
            found = marketplaces.by_domain(order.marketplace_name)
    if found is None and message.marketplace:
        found = marketplaces.by_code(message.marketplace)
    if found is None:
        return None
    return "A" + found.domain[1:]


def reply_context(diagnosis: Diagnosis, message: BuyerMessage, *, seller_name: str) -> ReplyContext:
    """Build the facts for a reply from a diagnosis and the message it is about (never its text)."""
    order = diagnosis.order
    amazon_order = order if order is not None and order.channel == "amazon" else None
    other_order = order if order is not None and order.channel != "amazon" else None
    given = _given_identifier(diagnosis)
    buyer = first_name(message.from_name)
    if buyer is None and amazon_order is not None:
        buyer = first_name(amazon_order.buyer_name)
    status = diagnosis.order_status or (order.status if order is not None else None)
    return ReplyContext(
        seller_name=seller_name,
        buyer_first_name=buyer,
        order_id=diagnosis.order_id or (amazon_order.order_id if amazon_order else None),
        marketplace_name=marketplace_display_name(amazon_order, message),
        item_title=shorten_title(order.item_titles[0]) if order is not None and order.item_titles else None,
        order_status=status.upper() if status else None,
        carrier=amazon_order.carrier if amazon_order else None,
        tracking_number=amazon_order.tracking_number if amazon_order else None,
        other_channel=_CHANNEL_NAMES.get(other_order.channel, other_order.channel.title())
        if other_order
        else None,
        other_order_number=(other_order.order_number or other_order.order_id) if other_order else None,
        given_identifier=given[0] if given else None,
        given_identifier_kind=given[1] if given else None,
        given_identifier_carrier=given[2] if given else None,
    )


def _given_identifier(diagnosis: Diagnosis) -> tuple[str, str, str | None] | None:
    """What the buyer sent instead of an Amazon order ID: the diagnosis's evidence, else its identifiers."""
    if diagnosis.case is not Case.GHOST_WRONG_IDENTIFIER:
        return None
    evidence = diagnosis.evidence.get("wrong_identifier")
    if isinstance(evidence, dict) and evidence.get("value"):
        carrier = evidence.get("carrier")
        return str(evidence["value"]), str(evidence.get("kind") or ""), str(carrier) if carrier else None
    for ident in diagnosis.identifiers:
        if ident.kind is not IdentifierKind.AMAZON_ORDER and ident.source is not IdentifierSource.QUOTED:
            return ident.value, ident.kind.value, ident.carrier
    return None


def acknowledgement_context(message: BuyerMessage, triage: Triage, *, seller_name: str) -> ReplyContext:
    """Facts for the immediate acknowledgement: only what the message itself says, no marketplace data.

    The acknowledgement never waits on a marketplace, so it can name the order ID the buyer gave but
    nothing about the order itself.
    """
    ids = triage.amazon_order_ids
    return ReplyContext(
        seller_name=seller_name,
        buyer_first_name=first_name(message.from_name),
        order_id=ids[0] if ids else None,
        marketplace_name=marketplace_display_name(None, message),
    )
