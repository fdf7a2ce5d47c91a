"""The domain's vocabulary: plain, immutable models shared by every stage.

They carry no AWS or HTTP types, so the logic that takes and returns them (parsing, triage, diagnosis,
rendering) is pure and can be tested and replayed without a cloud. Each model knows how to become JSON
(``to_dict``) because that is how it travels between queues, tables and the agent API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Channel(StrEnum):
    """Where a buyer message came from (how it reached us, not where the order was placed)."""

    AMAZON = "amazon"  # the buyer-seller messaging relay, alias@marketplace.amazon.<tld>
    EBAY = "ebay"  # ...@members.ebay.<tld>
    DIRECT = "direct"  # plain mail to the seller's address
    WEBHOOK = "webhook"  # a help-desk form or another channel posting to /webhooks/{channel}


class Case(StrEnum):
    """The diagnosis outcomes of DESIGN.md; one per message, each with its own reply macro."""

    PENDING = "pending"
    PENDING_LONG = "pending_long"
    PENDING_AVAILABILITY = "pending_availability"
    ORDER_FOUND = "order_found"
    GHOST_NO_ORDER_ID = "ghost_no_order_id"
    GHOST_NOT_FOUND = "ghost_not_found"
    GHOST_WRONG_IDENTIFIER = "ghost_wrong_identifier"
    GHOST_OTHER_CHANNEL = "ghost_other_channel"
    NOT_ORDER_STATUS = "not_order_status"


class IdentifierKind(StrEnum):
    AMAZON_ORDER = "amazon_order"
    TRACKING = "tracking"
    EBAY_ORDER = "ebay_order"
    WALMART_ORDER = "walmart_order"
    SHOPIFY_ORDER = "shopify_order"


class IdentifierSource(StrEnum):
    """Where in the message an identifier was found; buyer's words outrank boilerplate and history."""

    BODY = "body"  # the buyer's own (fresh) words
    SUBJECT = "subject"
    RELAY = "relay"  # the relay's own header lines ("Order ID 123-...:") outside the buyer's words
    QUOTED = "quoted"  # quoted history: older mail, never the subject of this message


@dataclass(frozen=True)
class Identifier:
    """One identifier the buyer gave, recognised for what it is.

    ``value`` is normalised (Amazon IDs always as 3-7-7 with dashes, tracking numbers upper-case without
    spaces); ``raw`` is the text as typed, so an agent can see what the buyer actually wrote.
    """

    kind: IdentifierKind
    value: str
    raw: str
    source: IdentifierSource = IdentifierSource.BODY
    carrier: str | None = None  # tracking numbers: "UPS", "DHL", "USPS", "FedEx", "Royal Mail", ...

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind.value,
            "value": self.value,
            "raw": self.raw,
            "source": self.source.value,
        }
        if self.carrier:
            data["carrier"] = self.carrier
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Identifier:
        return cls(
            kind=IdentifierKind(data["kind"]),
            value=data["value"],
            raw=data.get("raw", data["value"]),
            source=IdentifierSource(data.get("source", "body")),
            carrier=data.get("carrier"),
        )


@dataclass(frozen=True)
class Intent:
    """Is this an order-status inquiry? With the evidence, so a wrong call can be understood."""

    is_order_status: bool
    score: float
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"is_order_status": self.is_order_status, "score": self.score, "reasons": list(self.reasons)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Intent:
        return cls(bool(data["is_order_status"]), float(data["score"]), tuple(data.get("reasons", ())))


@dataclass(frozen=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True)
class BuyerMessage:
    """A received email, parsed: who wrote, on which channel, in which thread, and their own words.

    ``text`` is the whole readable body (plain text, or text recovered from HTML); ``fresh_text`` is only
    what the buyer wrote this time, without quoted history, signatures or the relay's boilerplate.
    ``quoted_text`` keeps the history apart, because it may name older orders that must not be confused
    with the one this message is about.
    """

    message_id: str | None  # RFC 5322 Message-ID including the angle brackets, as sent
    subject: str
    from_address: str  # addr-spec, lower-case
    from_name: str
    to: tuple[str, ...]
    date: datetime | None
    in_reply_to: str | None
    references: tuple[str, ...]
    text: str
    fresh_text: str
    quoted_text: str
    channel: Channel
    language: str  # ISO 639-1
    marketplace: str | None = None  # country code of the Amazon marketplace ("US", "DE", "UK", ...)
    relay_alias: str | None = None  # the address a reply must go to when the mail came through a relay
    relay_order_id: str | None = None  # the order the relay says the message is about (subject / header)
    reply_to: str | None = None
    auto_headers: dict[str, str] = field(default_factory=dict)  # lower-case header -> value, for guards
    html_only: bool = False
    attachments: tuple[Attachment, ...] = ()
    defects: tuple[str, ...] = ()  # what the parser had to work around, for the agent and the logs

    @property
    def reply_address(self) -> str:
        """Where an answer goes: the relay alias, else Reply-To, else From."""
        return self.relay_alias or self.reply_to or self.from_address

    def to_dict(self) -> dict[str, Any]:
        return {
            "message_id": self.message_id,
            "subject": self.subject,
            "from_address": self.from_address,
            "from_name": self.from_name,
            "to": list(self.to),
            "date": self.date.isoformat() if self.date else None,
            "in_reply_to": self.in_reply_to,
            "references": list(self.references),
            "text": self.text,
            "fresh_text": self.fresh_text,
            "quoted_text": self.quoted_text,
            "channel": self.channel.value,
            "language": self.language,
            "marketplace": self.marketplace,
            "relay_alias": self.relay_alias,
            "relay_order_id": self.relay_order_id,
            "reply_to": self.reply_to,
            "auto_headers": dict(self.auto_headers),
            "html_only": self.html_only,
            "attachments": [
                {"filename": a.filename, "content_type": a.content_type, "size": a.size}
                for a in self.attachments
            ],
            "defects": list(self.defects),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BuyerMessage:
        date = data.get("date")
        return cls(
            message_id=data.get("message_id"),
            subject=data.get("subject", ""),
            from_address=data.get("from_address", ""),
            from_name=data.get("from_name", ""),
            to=tuple(data.get("to", ())),
            date=datetime.fromisoformat(date) if date else None,
            in_reply_to=data.get("in_reply_to"),
            references=tuple(data.get("references", ())),
            text=data.get("text", ""),
            fresh_text=data.get("fresh_text", ""),
            quoted_text=data.get("quoted_text", ""),
            channel=Channel(data.get("channel", "direct")),
            language=data.get("language", "en"),
            marketplace=data.get("marketplace"),
            relay_alias=data.get("relay_alias"),
            relay_order_id=data.get("relay_order_id"),
            reply_to=data.get("reply_to"),
            auto_headers=dict(data.get("auto_headers", {})),
            html_only=bool(data.get("html_only", False)),
            attachments=tuple(
                Attachment(a.get("filename"), a["content_type"], int(a["size"]))
                for a in data.get("attachments", ())
            ),
            defects=tuple(data.get("defects", ())),
        )


@dataclass(frozen=True)
class Triage:
    """What can be known from the message alone, before any marketplace is asked."""

    intent: Intent
    identifiers: tuple[Identifier, ...]

    @property
    def amazon_order_ids(self) -> tuple[str, ...]:
        """Amazon IDs the message is about, most trustworthy first, never from quoted history."""
        rank = {
            IdentifierSource.BODY: 0,
            IdentifierSource.SUBJECT: 1,
            IdentifierSource.RELAY: 2,
        }
        found = [i for i in self.identifiers if i.kind is IdentifierKind.AMAZON_ORDER and i.source in rank]
        found.sort(key=lambda i: rank[i.source])
        seen: dict[str, None] = {}
        for ident in found:
            seen.setdefault(ident.value, None)
        return tuple(seen)

    @property
    def foreign_identifiers(self) -> tuple[Identifier, ...]:
        """Tracking numbers and other platforms' order numbers the buyer gave instead of an Amazon ID."""
        return tuple(
            i
            for i in self.identifiers
            if i.kind is not IdentifierKind.AMAZON_ORDER and i.source is not IdentifierSource.QUOTED
        )

    def to_dict(self) -> dict[str, Any]:
        return {"intent": self.intent.to_dict(), "identifiers": [i.to_dict() for i in self.identifiers]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Triage:
        return cls(
            Intent.from_dict(data["intent"]),
            tuple(Identifier.from_dict(i) for i in data.get("identifiers", ())),
        )


@dataclass(frozen=True)
class OrderFacts:
    """An order as diagnosis needs it, from any channel, normalised from that channel's own shape.

    For Amazon, ``status`` is the Orders API 2026-01-01 ``fulfillment.fulfillmentStatus``; other channels
    map their statuses onto the same vocabulary where they can and keep the original in ``raw_status``.
    """

    channel: str  # "amazon", "shopify", "ebay", "walmart"
    order_id: str
    status: str
    created: datetime
    last_updated: datetime | None = None
    fulfilled_by: str | None = None  # "AMAZON" | "MERCHANT"
    marketplace_id: str | None = None
    marketplace_name: str | None = None
    buyer_name: str | None = None
    buyer_email: str | None = None
    programs: tuple[str, ...] = ()
    carrier: str | None = None
    tracking_number: str | None = None
    item_titles: tuple[str, ...] = ()
    raw_status: str | None = None
    order_number: str | None = None  # the number a buyer sees when it differs from order_id (Shopify "#1001")

    def to_dict(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "order_id": self.order_id,
            "status": self.status,
            "created": self.created.isoformat(),
            "last_updated": self.last_updated.isoformat() if self.last_updated else None,
            "fulfilled_by": self.fulfilled_by,
            "marketplace_id": self.marketplace_id,
            "marketplace_name": self.marketplace_name,
            "buyer_name": self.buyer_name,
            "buyer_email": self.buyer_email,
            "programs": list(self.programs),
            "carrier": self.carrier,
            "tracking_number": self.tracking_number,
            "item_titles": list(self.item_titles),
            "raw_status": self.raw_status,
            "order_number": self.order_number,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OrderFacts:
        last = data.get("last_updated")
        return cls(
            channel=data["channel"],
            order_id=data["order_id"],
            status=data["status"],
            created=datetime.fromisoformat(data["created"]),
            last_updated=datetime.fromisoformat(last) if last else None,
            fulfilled_by=data.get("fulfilled_by"),
            marketplace_id=data.get("marketplace_id"),
            marketplace_name=data.get("marketplace_name"),
            buyer_name=data.get("buyer_name"),
            buyer_email=data.get("buyer_email"),
            programs=tuple(data.get("programs", ())),
            carrier=data.get("carrier"),
            tracking_number=data.get("tracking_number"),
            item_titles=tuple(data.get("item_titles", ())),
            raw_status=data.get("raw_status"),
            order_number=data.get("order_number"),
        )


@dataclass(frozen=True)
class LookupResult:
    """Everything the marketplaces said about one message: the facts diagnosis is a pure function of.

    ``amazon`` maps each Amazon order ID that was asked for to its facts, or to None when Amazon has no
    such order for this seller. ``by_alias`` are orders whose buyer email is the message's relay alias.
    ``other_channels`` are orders found on connected non-Amazon channels. ``unavailable`` names sources
    that could not be asked (quota, outage): diagnosis must not call an order a ghost on their silence.
    """

    amazon: dict[str, OrderFacts | None] = field(default_factory=dict)
    by_alias: tuple[OrderFacts, ...] = ()
    other_channels: tuple[OrderFacts, ...] = ()
    unavailable: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "amazon": {k: (v.to_dict() if v else None) for k, v in self.amazon.items()},
            "by_alias": [o.to_dict() for o in self.by_alias],
            "other_channels": [o.to_dict() for o in self.other_channels],
            "unavailable": list(self.unavailable),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LookupResult:
        return cls(
            amazon={k: (OrderFacts.from_dict(v) if v else None) for k, v in data.get("amazon", {}).items()},
            by_alias=tuple(OrderFacts.from_dict(o) for o in data.get("by_alias", ())),
            other_channels=tuple(OrderFacts.from_dict(o) for o in data.get("other_channels", ())),
            unavailable=tuple(data.get("unavailable", ())),
        )


@dataclass(frozen=True)
class Diagnosis:
    """The case a message belongs to, and the evidence that led there (shown to agents, kept for A-to-Z)."""

    case: Case
    order_id: str | None
    order_status: str | None
    language: str
    channel: Channel
    intent: Intent
    identifiers: tuple[Identifier, ...]
    order: OrderFacts | None = None
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case.value,
            "order_id": self.order_id,
            "order_status": self.order_status,
            "language": self.language,
            "channel": self.channel.value,
            "intent": self.intent.to_dict(),
            "identifiers": [i.to_dict() for i in self.identifiers],
            "order": self.order.to_dict() if self.order else None,
            "evidence": self.evidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Diagnosis:
        order = data.get("order")
        return cls(
            case=Case(data["case"]),
            order_id=data.get("order_id"),
            order_status=data.get("order_status"),
            language=data.get("language", "en"),
            channel=Channel(data.get("channel", "direct")),
            intent=Intent.from_dict(data["intent"]),
            identifiers=tuple(Identifier.from_dict(i) for i in data.get("identifiers", ())),
            order=OrderFacts.from_dict(order) if order else None,
            evidence=dict(data.get("evidence", {})),
        )
