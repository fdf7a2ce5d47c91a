"""Triage: what can be known from a buyer message alone, before any marketplace is asked.

Two questions, answered from the text: which identifiers did the buyer give (:mod:`.identifiers`):
Amazon order IDs, carrier tracking numbers, eBay, Walmart or Shopify order numbers; and is this an
order-status inquiry (:mod:`.intent`), judged with the message's order context (the relay's order line,
the identifiers the buyer gave). Diagnosis then asks the marketplaces about exactly those.
"""

from __future__ import annotations

from ghostdesk.models import BuyerMessage, Identifier, IdentifierKind, IdentifierSource, Triage
from ghostdesk.triage.identifiers import find_identifiers, scan_text
from ghostdesk.triage.intent import RELAY_ORDER_LINE, THREAD_ORDER, classify_intent
from ghostdesk.triage.message_text import own_words
from ghostdesk.triage.thread import (
    continued_intent,
    history_order_ids,
    what_is_said_about,
    without_settled_orders,
)

__all__ = ["classify_intent", "find_identifiers", "scan_text", "triage"]


def triage(message: BuyerMessage) -> Triage:
    """Intent (from the subject and the buyer's own words) and identifiers (from the whole message)."""
    words = own_words(message)
    identifiers = _asked_about_first(find_identifiers(message), words)
    question = without_settled_orders(words, identifiers)
    refs = order_references(message, identifiers)
    intent = classify_intent(message.subject, question, message.language, order_refs=refs)
    return Triage(intent=continued_intent(message, intent, identifiers), identifiers=identifiers)


_GIVEN = {
    IdentifierKind.AMAZON_ORDER: "order ID",
    IdentifierKind.TRACKING: "tracking number",
    IdentifierKind.EBAY_ORDER: "eBay order number",
    IdentifierKind.WALMART_ORDER: "Walmart order number",
    IdentifierKind.SHOPIFY_ORDER: "shop order number",
}


def order_references(message: BuyerMessage, identifiers: tuple[Identifier, ...]) -> tuple[str, ...]:
    """What makes this message about an order apart from its words: the relay's order line, the
    identifiers the buyer gave (typed, in the subject, or in a notice they forwarded; never ones that
    only quoted history names), and the one order of the thread a reply answers (weak, like the relay's
    line: see :data:`ghostdesk.triage.intent.THREAD_ORDER`). Each is a reason of order context for
    :func:`classify_intent`."""
    refs: list[str] = []
    if message.relay_order_id:
        refs.append(RELAY_ORDER_LINE)
    elif history_order_ids(message, identifiers):
        refs.append(THREAD_ORDER)
    kinds = dict.fromkeys(
        i.kind
        for i in identifiers
        if i.source in (IdentifierSource.BODY, IdentifierSource.SUBJECT)
        and not (i.source is IdentifierSource.SUBJECT and message.relay_order_id == i.value)
    )
    refs += [f"{_GIVEN[kind]} given" for kind in kinds]
    return tuple(refs)


def _asked_about_first(identifiers: tuple[Identifier, ...], words: str) -> tuple[Identifier, ...]:
    """The buyer's Amazon order IDs reordered so the one their question is about comes first.

    "111-... arrived fine, but 114-... is still pending" names two orders and asks about the second.
    Each ID the buyer typed is judged by what they say about it (see :func:`what_is_said_about`); the
    IDs that read most like a status question come first, ties keep the order of appearance. Other
    identifiers and sources keep their places.
    """
    body = [
        i for i in identifiers if i.kind is IdentifierKind.AMAZON_ORDER and i.source is IdentifierSource.BODY
    ]
    if len(body) < 2:
        return identifiers
    ranked = iter(sorted(body, key=lambda i: what_is_said_about(words, i), reverse=True))
    return tuple(next(ranked) if i in body else i for i in identifiers)
