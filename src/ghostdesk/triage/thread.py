"""Which order a message in a thread is about, when the buyer's own words name none.

Two situations the identifiers alone get wrong:

* **A reply about the same order.** "Still nothing." in reply to our answer about order X is about X,
  though X is named only in the quoted history, and quoted history is otherwise never evidence (it names
  older orders). So the quoted Amazon order ID counts when the message is a reply (``In-Reply-To`` or a
  "Re:"/"AW:"/"R:" subject), the buyer's words, subject and relay name no identifier at all, the history
  names exactly one Amazon order, and the buyer does not say they mean another order. A forwarded
  message (Amazon's order confirmation, say) is the buyer's evidence, not history: its IDs are found as
  the buyer's own (see :func:`ghostdesk.mail.quoting.forwarded_text`); should the forward not be
  separable, its IDs still count whenever the buyer's words and the subject name none.
* **A reply about another order.** "I meant the other order, the one from yesterday" in a relay thread
  whose subject still carries the first order's ID: that ID is the thread's, not the one asked about.

Two more about replies and several orders:

* **A reply that only gives what we asked for** ("Sure, it's 114-...", below our request for the order
  ID) has no topic words of its own; it continues the thread's topic, read from the quoted history.
* **An order named in passing** ("unlike my last order 111-..., which came in two days, this one is still
  pending"): what the buyer says about each ID they typed decides which one the question is about; an ID
  they call settled (arrived, fine, thanks) yields to the relay's or the subject's order.

All are decided from the text only (pure, no look-ups); triage and diagnosis apply them.
"""

from __future__ import annotations

import re
from typing import Final

from ghostdesk.mail.quoting import is_forward
from ghostdesk.models import BuyerMessage, Identifier, IdentifierKind, IdentifierSource, Intent, Triage
from ghostdesk.triage.folding import fold
from ghostdesk.triage.intent import NO_CUE, classify_intent, cue_sum
from ghostdesk.triage.message_text import own_words, segment_around

_REPLY_SUBJECT: Final = re.compile(
    r"^\s*(?:re|aw|r|rif|sv|vs|antw|antwort|ref|rv|rta|res|odp|yan)\s*(?:\[\d+\])?\s*:", re.IGNORECASE
)

# "another order", "my other order", "a new order", "otro pedido", "eine andere/neue/weitere Bestellung",
# "une autre/nouvelle commande", "un altro/nuovo ordine" (folded text).
_OTHER_ORDER: Final = re.compile(
    r"\b(?:another|(?:my|the|a|an)\s+(?:other|new|second|different|separate|newer|more\s+recent))\s+"
    r"(?:\w+\s+)?(?:order|purchase)\b"
    r"|\b(?:ordered|bought|purchased)\s+(?:\w+\s+)?(?:again|another)\b|\bre-?ordered\b|\bplaced\s+another\b"
    r"|\b(?:commande|achete)e?s?\s+(?:a\s+nouveau|de\s+nouveau)\b|\brecommande\b"
    r"|\bvuelto\s+a\s+(?:pedir|comprar)\b|\b(?:pedido|comprado)\s+de\s+nuevo\b"
    r"|\b(?:ordinato|comprato)\s+(?:di\s+nuovo|ancora)\b|\briordinato\b"
    r"|\b(?:andere[nrsm]?|neue[nrsm]?|weitere[nrsm]?|zweite[nrsm]?|nachste[nrsm]?|naechste[nrsm]?)\s+"
    r"(?:\w+\s+)?(?:bestellung|auftrag)\b|\bnoch\s+(?:einmal|mal)\s+bestellt\b|\berneut\s+bestellt\b"
    r"|\b(?:autre|nouvelle|deuxieme|seconde)\s+commande\b|\brepasse\s+(?:une\s+)?commande\b"
    r"|\b(?:otro|nuevo|segundo)\s+pedido\b|\bel\s+otro\b"
    r"|\b(?:altro|nuovo|secondo)\s+ordine\b|\bun\s+altro\s+acquisto\b"
)
# ... unless that other order is the one the buyer says arrived ("my other order came fine").
_RECEIVED: Final = re.compile(
    r"\b(?:arrived|came|received|got\s+it|fine|ok|angekommen|erhalten|bekommen|arrivee?|recue?|llego"
    r"|recibido|llegado|arrivato|ricevuto)\b"
)
_CLAUSE_END: Final = re.compile(r"[.!?;\n]")
_THREAD_CHARS: Final = 4_000  # the most recent part of a quoted thread is what the reply answers


def is_reply(message: BuyerMessage) -> bool:
    """A reply to an earlier message (ours or the buyer's), by its headers or its subject."""
    return bool(message.in_reply_to) or bool(_REPLY_SUBJECT.match(message.subject))


def refers_to_another_order(text: str) -> bool:
    """Whether the buyer says they are asking about another (newer) order than the thread's."""
    folded = fold(text)
    for match in _OTHER_ORDER.finditer(folded):
        clause = _CLAUSE_END.split(folded[match.end() : match.end() + 60], maxsplit=1)[0]
        if not _RECEIVED.search(clause):
            return True
    return False


def thread_order_ids(message: BuyerMessage, triage: Triage) -> tuple[str, ...]:
    """Amazon order IDs from quoted or forwarded history that this message is about; usually none."""
    return history_order_ids(message, triage.identifiers)


def history_order_ids(message: BuyerMessage, identifiers: tuple[Identifier, ...]) -> tuple[str, ...]:
    """:func:`thread_order_ids` from the identifiers alone (triage uses it before its verdict exists)."""
    if any(i.source is not IdentifierSource.QUOTED for i in identifiers):
        return ()
    quoted = tuple(
        dict.fromkeys(
            i.value
            for i in identifiers
            if i.kind is IdentifierKind.AMAZON_ORDER and i.source is IdentifierSource.QUOTED
        )
    )
    if not quoted or refers_to_another_order(own_words(message)):
        return ()
    if is_forward(message.quoted_text):
        return quoted
    if is_reply(message) and len(quoted) == 1:
        return quoted
    return ()


def superseded_order_ids(message: BuyerMessage, triage: Triage) -> tuple[str, ...]:
    """The thread's order IDs (subject, relay line) when the buyer says they mean another order.

    Only in replies, and only when the buyer's own words name no Amazon order: an ID they typed is the
    one they mean.
    """
    if not is_reply(message):
        return ()
    body = [
        i
        for i in triage.identifiers
        if i.kind is IdentifierKind.AMAZON_ORDER and i.source is IdentifierSource.BODY
    ]
    if body or not refers_to_another_order(own_words(message)):
        return ()
    return triage.amazon_order_ids


def what_is_said_about(words: str, ident: Identifier) -> float:
    """The cue sum of what the buyer says about one identifier they typed.

    Above 0 they ask about it; below 0 they settle it ("arrived fine, thanks").
    """
    span = _segment_of(words, ident)
    if span is None:
        return 0.0
    # The ID itself reads as "it", so "order 111-... came in two days" is "order it came": a receipt.
    return cue_sum(words[span[0] : span[1]].replace(ident.raw, "it"))


def _segment_of(words: str, ident: Identifier) -> tuple[int, int] | None:
    at = words.find(ident.raw)
    return segment_around(words, at, at + len(ident.raw)) if at >= 0 else None


def without_settled_orders(words: str, identifiers: tuple[Identifier, ...]) -> str:
    """The buyer's words minus what they say about orders they call fine, when another order is named.

    "Unlike my last order X, which came in two days, this one is still pending": the question is the
    second half; "which came" is about X and must not count against it.
    """
    amazon = [
        i
        for i in identifiers
        if i.kind is IdentifierKind.AMAZON_ORDER and i.source is not IdentifierSource.QUOTED
    ]
    if len(amazon) < 2:
        return words
    spans = []
    for ident in amazon:
        if ident.source is not IdentifierSource.BODY:
            continue
        span = _segment_of(words, ident)
        if span and what_is_said_about(words, ident) < 0:
            spans.append(span)
    if not spans or len(spans) == len(amazon):
        return words
    for start, end in sorted(spans, reverse=True):
        words = words[:start] + " " + words[end:]
    return words


def settled_order_ids(message: BuyerMessage, triage: Triage) -> tuple[str, ...]:
    """Amazon order IDs the buyer typed only to say they are fine ("X arrived, thank you")."""
    words = own_words(message)
    return tuple(
        i.value
        for i in triage.identifiers
        if i.kind is IdentifierKind.AMAZON_ORDER
        and i.source is IdentifierSource.BODY
        and what_is_said_about(words, i) < 0
    )


def continued_intent(message: BuyerMessage, intent: Intent, identifiers: tuple[Identifier, ...]) -> Intent:
    """A reply whose words carry no topic but an identifier takes the topic of the thread it answers.

    "Sure, it's 114-..." below our request for the order ID continues an order-status thread; the same
    answer below a return conversation is part of the return. A thread without a clear topic leaves the
    verdict as it was (the order context of the identifier decides).
    """
    if NO_CUE not in intent.reasons or not is_reply(message):
        return intent
    if not message.quoted_text.strip() or not any(i.source is IdentifierSource.BODY for i in identifiers):
        return intent
    history = message.quoted_text[:_THREAD_CHARS]
    thread = classify_intent("", history, message.language)
    if thread.is_order_status:
        return Intent(
            True,
            thread.score,
            ("a reply giving an identifier, in an order-status thread", *thread.reasons),
        )
    if intent.is_order_status and cue_sum(history) < 0:
        return Intent(
            False,
            thread.score,
            ("a reply giving an identifier, in a thread about another topic", *thread.reasons),
        )
    return intent
