"""Diagnosis: which case a buyer message is, as a pure function of (message, order facts, now).

Nothing here talks to a marketplace. :func:`plan_lookups` says what must be asked, an adapter asks it
(``ghostdesk.orders.lookup``), and :func:`diagnose` decides from the answers. That split keeps the rules
replayable: the evidence stored with a case is enough to re-run the decision and get the same answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ghostdesk import marketplaces
from ghostdesk.models import (
    BuyerMessage,
    Case,
    Channel,
    Diagnosis,
    Identifier,
    IdentifierKind,
    LookupResult,
    OrderFacts,
    Triage,
)
from ghostdesk.triage.folding import fold
from ghostdesk.triage.message_text import signature_name
from ghostdesk.triage.thread import settled_order_ids, superseded_order_ids, thread_order_ids

# Amazon FulfillmentStatus values (Orders API 2026-01-01)
PENDING = "PENDING"
PENDING_AVAILABILITY = "PENDING_AVAILABILITY"
OPEN_STATUSES = frozenset({PENDING_AVAILABILITY, PENDING, "UNSHIPPED", "PARTIALLY_SHIPPED"})
MAX_AMAZON_LOOKUPS = 5  # a message naming more IDs than this is a list, not an inquiry about one order
# An Amazon order ID that is not found but differs from one of the buyer's open orders (found by their relay
# alias) in at most this many of its 17 digits is a typo of it: a swap of two digits is two. IDs further
# apart are another order (another seller's, usually) and stay ghost_not_found.
MAX_TYPO_DIGITS = 2


class FactsIncomplete(RuntimeError):
    """A marketplace could not be asked, and without it the answer would be a guess (e.g. "ghost").

    The caller retries later instead of telling a buyer their order does not exist.
    """

    def __init__(self, sources: tuple[str, ...]) -> None:
        super().__init__(f"order facts incomplete: {', '.join(sources)} unavailable")
        self.sources = sources


@dataclass(frozen=True)
class DiagnosisPolicy:
    pending_threshold: timedelta = timedelta(days=7)
    alias_search_window: timedelta = timedelta(days=60)

    @classmethod
    def from_days(cls, pending_threshold_days: float) -> DiagnosisPolicy:
        return cls(pending_threshold=timedelta(days=pending_threshold_days))


@dataclass(frozen=True)
class LookupPlan:
    """What to ask the marketplaces for one message."""

    amazon_order_ids: tuple[str, ...] = ()
    buyer_email: str | None = None  # a relay alias to match against merchant-fulfilled orders
    created_after: datetime | None = None
    search_other_channels: bool = False
    # The names other channels are searched by: the sender's display name, then the full name the buyer
    # signs with when it differs ("M. Okonkwo" writes, "Melanie Okonkwo" signs). Channels match full names
    # only, so a first name alone never finds anyone.
    buyer_names: tuple[str, ...] = ()
    foreign_identifiers: tuple[Identifier, ...] = ()
    # Ask by ``buyer_email`` only when none of ``amazon_order_ids`` exists: the buyer gave an ID, and the
    # alias is how a mistyped one is recognised (see :func:`diagnose`), not a look-up every message needs.
    alias_fallback: bool = False

    @property
    def buyer_name(self) -> str | None:
        """The first name candidate (the sender's display name when there is one)."""
        return self.buyer_names[0] if self.buyer_names else None

    @property
    def empty(self) -> bool:
        return not (self.amazon_order_ids or self.buyer_email or self.search_other_channels)


@dataclass(frozen=True)
class _Candidates:
    """The Amazon order IDs a message is about, and where they came from.

    ``origin`` is "message" (the buyer's words, the subject, the relay's line), "thread" (quoted or
    forwarded history of a reply that names nothing else, see :mod:`ghostdesk.triage.thread`) or "none".
    ``superseded`` are the thread's IDs when the buyer says they mean another order.
    """

    ids: tuple[str, ...]
    origin: str
    superseded: tuple[str, ...] = ()


def _candidates(message: BuyerMessage, triage: Triage) -> _Candidates:
    superseded = superseded_order_ids(message, triage)
    if superseded:
        return _Candidates((), "none", superseded)
    if triage.amazon_order_ids:
        ids = triage.amazon_order_ids
        settled = settled_order_ids(message, triage)
        # "Unlike my last order X, which came fine, this one ...": the relay's or subject's order first.
        ids = tuple(i for i in ids if i not in settled) + tuple(i for i in ids if i in settled)
        return _Candidates(ids[:MAX_AMAZON_LOOKUPS], "message")
    thread = thread_order_ids(message, triage)[:MAX_AMAZON_LOOKUPS]
    return _Candidates(thread, "thread" if thread else "none")


def plan_lookups(
    message: BuyerMessage,
    triage: Triage,
    now: datetime,
    policy: DiagnosisPolicy = DiagnosisPolicy(),
    *,
    continuing_thread: bool = False,
) -> LookupPlan:
    """The look-ups a diagnosis of this message needs; none for messages that are not about order status."""
    if not (triage.intent.is_order_status or continuing_thread):
        return LookupPlan()
    candidates = _candidates(message, triage)
    ids = candidates.ids
    # Without an ID the alias finds the order; with IDs the buyer typed, it is the fallback for a typo.
    use_alias = message.channel is Channel.AMAZON and (not ids or candidates.origin == "message")
    alias = message.relay_alias if use_alias else None
    return LookupPlan(
        amazon_order_ids=ids,
        buyer_email=alias,
        alias_fallback=bool(ids) and alias is not None,
        created_after=now - policy.alias_search_window if alias else None,
        # Other channels are searched only for ghosts; whether it is one is known after Amazon answers,
        # so the gatherer asks them when the Amazon look-ups come back empty.
        search_other_channels=True,
        buyer_names=buyer_name_candidates(message),
        foreign_identifiers=triage.foreign_identifiers,
    )


def buyer_name_candidates(message: BuyerMessage) -> tuple[str, ...]:
    """The sender's display name and the full name in their signature, each once (by its folded words).

    Amazon's relay shows a first name only ("Burkhard"); a buyer writing from a work address shows an
    initial ("M. Okonkwo"). The name they sign with ("Burkhard Stöckl") is the one their order on another
    channel carries. A signature of a single word is never a candidate (see
    :func:`ghostdesk.triage.message_text.signature_name`).
    """
    names: list[str] = []
    seen: set[frozenset[str]] = set()
    for name in (message.from_name, signature_name(message)):
        if not name or not name.strip():
            continue
        key = frozenset(fold(name).replace(".", " ").split())
        if key not in seen:
            seen.add(key)
            names.append(name.strip())
    return tuple(names)


def diagnose(
    message: BuyerMessage,
    triage: Triage,
    facts: LookupResult,
    now: datetime,
    policy: DiagnosisPolicy = DiagnosisPolicy(),
    *,
    continuing_thread: bool = False,
) -> Diagnosis:
    """Decide the case. Raises :class:`FactsIncomplete` rather than calling an unconfirmed order a ghost."""
    base: dict[str, Any] = {
        "language": message.language,
        "channel": message.channel,
        "intent": triage.intent,
        "identifiers": triage.identifiers,
    }
    if not (triage.intent.is_order_status or continuing_thread):
        return Diagnosis(
            case=Case.NOT_ORDER_STATUS,
            order_id=None,
            order_status=None,
            evidence={"reason": "not an order-status inquiry", "intent_reasons": list(triage.intent.reasons)},
            **base,
        )

    candidates = _candidates(message, triage)
    lookups: list[dict[str, Any]] = []
    for order_id in candidates.ids:
        source = _source_of(triage, order_id)
        if order_id not in facts.amazon:
            result = "not_asked"
        else:
            result = "found" if facts.amazon[order_id] else "not_found"
        lookups.append({"identifier": order_id, "kind": "amazon_order", "source": source, "result": result})

    found = [facts.amazon[i] for i in candidates.ids if facts.amazon.get(i)]
    if found:
        order = found[0]
        assert order is not None
        matched_by = "order_id" if candidates.origin == "message" else "thread_order_id"
        return _order_case(message, order, now, policy, lookups, matched_by=matched_by, base=base)

    by_alias = tuple(o for o in facts.by_alias if o.order_id not in candidates.superseded)
    given_ids = candidates.ids if candidates.origin == "message" else ()
    if by_alias and given_ids:
        typo = _mistyped_order(given_ids, by_alias)
        if typo is not None:
            return _alias_after_unknown_id(message, typo, by_alias, now, policy, lookups, base=base)
        by_alias = ()  # the buyer named an order, and none of theirs is it: not found, below
    if by_alias:
        order, alias_candidates = _pick_alias_match(by_alias)
        lookups.append({"identifier": "relay_alias", "kind": "buyer_email", "result": "found"})
        diagnosis = _order_case(message, order, now, policy, lookups, matched_by="relay_alias", base=base)
        diagnosis.evidence["alias_candidates"] = alias_candidates
        if candidates.superseded:
            diagnosis.evidence["superseded_order_ids"] = list(candidates.superseded)
        return diagnosis

    if facts.other_channels:
        other = facts.other_channels[0]
        lookups.append(
            {"identifier": other.order_number or other.order_id, "kind": other.channel, "result": "found"}
        )
        return Diagnosis(
            case=Case.GHOST_OTHER_CHANNEL,
            order_id=None,
            order_status=other.status,
            order=other,
            evidence={
                "reason": f"no Amazon order; an order was found on the seller's {other.channel} channel",
                "matched_by": "other_channel",
                "other_channel": other.channel,
                "other_order_id": other.order_id,
                "other_order_number": other.order_number,
                "lookups": lookups,
            },
            **base,
        )

    if facts.unavailable:
        # Silence from a marketplace we could not reach proves nothing.
        raise FactsIncomplete(facts.unavailable)

    if candidates.origin == "message" and candidates.ids:
        not_found: dict[str, Any] = {
            "reason": "the Amazon order ID the buyer gave is not an order of this seller",
            "lookups": lookups,
            "marketplace": message.marketplace,
        }
        if facts.by_alias:
            # Shown to the agent, not chosen: none is open and close enough to the ID to be its typo.
            not_found["alias_orders"] = _alias_orders(facts.by_alias)
        return Diagnosis(
            case=Case.GHOST_NOT_FOUND,
            order_id=candidates.ids[0],
            order_status=None,
            evidence=not_found,
            **base,
        )

    foreign = triage.foreign_identifiers
    if foreign:
        wrong = foreign[0]
        return Diagnosis(
            case=Case.GHOST_WRONG_IDENTIFIER,
            order_id=None,
            order_status=None,
            evidence={
                "reason": f"the buyer gave a {_describe(wrong)}, not an Amazon order ID; nothing matched it",
                "wrong_identifier": wrong.to_dict(),
                "lookups": lookups,
            },
            **base,
        )

    evidence: dict[str, Any] = {
        "reason": "no order identifier in the message"
        + (" and no order matched the buyer's relay alias" if message.relay_alias else ""),
        "lookups": lookups,
    }
    if candidates.superseded:
        evidence["reason"] = "the buyer asks about another order than the thread's, without its ID"
        evidence["superseded_order_ids"] = list(candidates.superseded)
    return Diagnosis(
        case=Case.GHOST_NO_ORDER_ID,
        order_id=None,
        order_status=None,
        evidence=evidence,
        **base,
    )


def _order_case(
    message: BuyerMessage,
    order: OrderFacts,
    now: datetime,
    policy: DiagnosisPolicy,
    lookups: list[dict[str, Any]],
    *,
    matched_by: str,
    base: dict[str, Any],
) -> Diagnosis:
    age = now - order.created
    evidence: dict[str, Any] = {
        "matched_by": matched_by,
        "status": order.status,
        "created": order.created.isoformat(),
        "age_hours": round(age.total_seconds() / 3600, 1),
        "age_days": round(age.total_seconds() / 86400, 2),
        "fulfilled_by": order.fulfilled_by,
        "marketplace_id": order.marketplace_id,
        "marketplace_name": order.marketplace_name,
        "pending_threshold_days": policy.pending_threshold.total_seconds() / 86400,
        "lookups": lookups,
    }
    relay_market = marketplaces.by_code(message.marketplace) if message.marketplace else None
    if relay_market and order.marketplace_id and relay_market.marketplace_id != order.marketplace_id:
        evidence["marketplace_mismatch"] = {
            "message_marketplace": relay_market.code,
            "order_marketplace_id": order.marketplace_id,
        }

    if order.status == PENDING_AVAILABILITY:
        case = Case.PENDING_AVAILABILITY
        evidence.update(pending_evidence(message, order, age, policy))
        evidence["reason"] = "pre-order: payment is authorised when the item is released"
    elif order.status == PENDING:
        long = age > policy.pending_threshold
        case = Case.PENDING_LONG if long else Case.PENDING
        evidence.update(pending_evidence(message, order, age, policy))
        evidence["reason"] = (
            f"pending for {evidence['age_days']} days, "
            + ("past" if long else "within")
            + f" the {evidence['pending_threshold_days']:g}-day threshold"
        )
    else:
        case = Case.ORDER_FOUND
        evidence["reason"] = f"the order exists with status {order.status}"
        if order.tracking_number:
            evidence["carrier"] = order.carrier
            evidence["tracking_number"] = order.tracking_number
    return Diagnosis(
        case=case,
        order_id=order.order_id,
        order_status=order.status,
        order=order,
        evidence=evidence,
        **base,
    )


_ADDRESS_CUES = re.compile(
    r"\b(verify|confirm|verification)\w*\s+(my\s+|the\s+)?address"
    r"|address\s+(verification|confirmation|check)"
    r"|adresse\w*\s*(bestatig|verifi|pruf)"
    r"|(bestatig|verifi|pruf)\w*\s+(\w+\s+){0,2}adresse"
    r"|verif\w*\s+(de\s+)?(mon\s+|l')?adresse|adresse\s+(a|de)\s+verifier"
    r"|verific\w*\s+(de\s+|la\s+|mi\s+)*direccion|direccion\s+(sin\s+)?verificar"
    r"|verific\w*\s+(dell'|l'|il\s+mio\s+)?indirizzo|indirizzo\s+da\s+verificare",
)


_FULFILMENT = {
    "AMAZON": "fulfilled by Amazon (FBA)",
    "MERCHANT": "fulfilled by the merchant (FBM)",
}


def pending_evidence(
    message: BuyerMessage, order: OrderFacts, age: timedelta, policy: DiagnosisPolicy
) -> dict[str, Any]:
    """What an agent (and an A-to-z defence) needs to know about a pending order.

    Who fulfils it, whether it is a pre-order, its age against the threshold (as numbers and as the
    sentence an agent reads), and the most likely cause with the reason that cause was chosen.
    """
    threshold_days = policy.pending_threshold.total_seconds() / 86400
    age_days = age.total_seconds() / 86400
    past = age > policy.pending_threshold
    margin = age_days - threshold_days
    cause, why = likely_pending_cause(message, order)
    side = "past" if past else "before"
    comparison = (
        f"pending {age_days:.1f} days: {abs(margin):.1f} days {side} the {threshold_days:g}-day threshold"
    )
    return {
        "fulfilment": _FULFILMENT.get(order.fulfilled_by or "", "fulfilment channel not disclosed"),
        "pre_order": order.status == PENDING_AVAILABILITY or "PREORDER" in order.programs,
        "past_threshold": past,
        "days_past_threshold": round(margin, 2),  # negative: days left before the threshold
        "age_vs_threshold": comparison,
        "likely_cause": cause,
        "likely_cause_reason": why,
    }


def likely_pending_cause(message: BuyerMessage, order: OrderFacts) -> tuple[str, str]:
    """The most likely reason an order sits in Pending, and why that one was chosen."""
    if order.status == PENDING_AVAILABILITY:
        return (
            "pre_order_release",
            "pre-order not yet released: Amazon authorises the payment when the item is released",
        )
    if _ADDRESS_CUES.search(fold(message.fresh_text)):
        return "address_verification", "the buyer mentions an address verification"
    if order.fulfilled_by == "AMAZON":
        return (
            "fba_inventory_transfer",
            "Amazon-fulfilled order: pending FBA orders are commonly held while inventory moves between "
            "fulfilment centres",
        )
    if "PREORDER" in order.programs:
        return "payment_verification", "released pre-order: payment is being authorised"
    return "payment_verification", "payment verification is the most common reason an order stays pending"


def _pick_alias_match(orders: tuple[OrderFacts, ...]) -> tuple[OrderFacts, list[dict[str, Any]]]:
    """The order a buyer most likely means when they wrote without an ID: the newest open one."""
    ranked = sorted(orders, key=lambda o: (o.status in OPEN_STATUSES, o.created), reverse=True)
    return ranked[0], _alias_orders(ranked)


def _alias_orders(orders: tuple[OrderFacts, ...] | list[OrderFacts]) -> list[dict[str, Any]]:
    return [{"order_id": o.order_id, "status": o.status, "created": o.created.isoformat()} for o in orders]


@dataclass(frozen=True)
class _Typo:
    """A given ID that no order has, and the buyer's open order it is a typo of."""

    given: str
    order: OrderFacts
    differing_digits: int


def digits_differing(a: str, b: str) -> int | None:
    """How many digits two Amazon order IDs differ in, position by position; None if not comparable."""
    da, db = [ch for ch in a if ch.isdigit()], [ch for ch in b if ch.isdigit()]
    if len(da) != len(db):
        return None
    return sum(x != y for x, y in zip(da, db, strict=True))


def _mistyped_order(given: tuple[str, ...], orders: tuple[OrderFacts, ...]) -> _Typo | None:
    """The buyer's open order (by relay alias) that a given, unknown ID is a typo of, or None.

    "114-6650832-..." for "114-6650382-...": the buyer swapped two digits. Only open orders count (a
    delivered order is not what "it still says pending" is about), and only within
    :data:`MAX_TYPO_DIGITS`; of several, the closest, then the newest.
    """
    best: tuple[int, float, _Typo] | None = None
    for order in orders:
        if order.status not in OPEN_STATUSES:
            continue
        for value in given:
            n = digits_differing(value, order.order_id)
            if n is None or not 0 < n <= MAX_TYPO_DIGITS:
                continue
            key = (n, -order.created.timestamp())
            if best is None or key < best[:2]:
                best = (n, key[1], _Typo(value, order, n))
    return best[2] if best else None


def _alias_after_unknown_id(
    message: BuyerMessage,
    typo: _Typo,
    by_alias: tuple[OrderFacts, ...],
    now: datetime,
    policy: DiagnosisPolicy,
    lookups: list[dict[str, Any]],
    *,
    base: dict[str, Any],
) -> Diagnosis:
    """The case of the buyer's open order when the ID they gave is not found but is a typo of it."""
    lookups.append({"identifier": "relay_alias", "kind": "buyer_email", "result": "found"})
    diagnosis = _order_case(
        message, typo.order, now, policy, lookups, matched_by="relay_alias_after_unknown_id", base=base
    )
    plural = "s" if typo.differing_digits > 1 else ""
    why = (
        f"the ID given ({typo.given}) was not found; the buyer's relay alias matches order "
        f"{typo.order.order_id} ({typo.order.status}), which differs from it in {typo.differing_digits} "
        f"digit{plural}"
    )
    diagnosis.evidence["reason"] = f"{why}; {diagnosis.evidence['reason']}"
    diagnosis.evidence["unknown_order_id"] = typo.given
    diagnosis.evidence["digits_differing"] = typo.differing_digits
    diagnosis.evidence["alias_candidates"] = _alias_orders(by_alias)
    return diagnosis


def _source_of(triage: Triage, order_id: str) -> str:
    for ident in triage.identifiers:
        if ident.kind is IdentifierKind.AMAZON_ORDER and ident.value == order_id:
            return ident.source.value
    return "unknown"


_KIND_NAMES = {
    IdentifierKind.TRACKING: "tracking number",
    IdentifierKind.EBAY_ORDER: "eBay order number",
    IdentifierKind.WALMART_ORDER: "Walmart order number",
    IdentifierKind.SHOPIFY_ORDER: "Shopify order number",
    IdentifierKind.AMAZON_ORDER: "Amazon order ID",
}


def _describe(ident: Identifier) -> str:
    name = _KIND_NAMES[ident.kind]
    return f"{ident.carrier} {name}" if ident.carrier else name
