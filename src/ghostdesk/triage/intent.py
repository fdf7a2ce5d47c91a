"""Is this buyer message an order-status inquiry? Rules, not a model, so every verdict can be explained.

An order-status inquiry is anything that, answered well, needs the order's status: where is my order, it
has not shipped, it is stuck on pending, you have no record of my order, it has not arrived, what does
the tracking say, I have heard nothing, my payment is pending. Everything else (product questions,
returns and refunds, cancellations for a change of mind, invoices, address changes, account issues,
feedback, thanks, complaints about a product that did arrive) is not.

How the verdict is reached:

* **Order context first.** In a seller's inbox most messages about an order ask where it is, so a message
  that is about an order is an order-status inquiry *unless another topic wins*; one that is not about any
  order needs positive evidence. A message is about an order when the relay says so (its order line, or a
  topic such as "Shipping inquiry", "Order delivery inquiry", "WHERES_MY_STUFF"), when the buyer gave an
  order ID, a tracking number or another shop's order number (the caller passes these as ``order_refs``),
  or when the buyer speaks of an order they have ("my order", "mon colis", "ho ordinato", "bestellt";
  :data:`ghostdesk.triage.cues.ORDER_WORDS`). Order context weighs :data:`CONTEXT_WEIGHT`, enough on its
  own to reach the threshold and outweighed by any one clear other-topic cue (an invoice request, a
  return, a receipt confirmation, a refund, a cancellation), but not by a polite "thanks". The relay's
  order line *alone* weighs :data:`RELAY_LINE_WEIGHT`: Amazon adds it to every message sent from an order
  page ("Is this BPA free?" too), so it makes any status cue enough without being a verdict itself. The
  one order a reply's quoted thread names (:data:`THREAD_ORDER`) is the same weak context.
* **Premises are not points.** "It hasn't shipped yet" next to a change request (new address, cancel, gift
  note, another colour) is why the change is still possible; "it arrived" next to "the rest is missing" is
  about the part that came; "tracking says delivered" next to "I sent it back" is the return parcel's.
  Such statements are listed as not counted.
* **Cues.** The subject and the buyer's text are *folded* (lower case, no accents, ``ß`` as ``ss``) and
  matched against cues in English, German, French, Spanish and Italian. All languages' cues always run:
  the language a message is labelled with is often the marketplace's, not the writer's. Each cue adds its
  weight once: positive cues ("where is my order", "not received", "pending") boost, negative ones (other
  topics) count against. Some are cancelled by what surrounds them: "not received *my refund*" is a refund
  question, "cancel it *if* it has not shipped" is a cancellation, "it has *not* arrived" is no receipt.
* **Relay topics** in the subject count as cues too (a return topic against, a shipping topic for), weaker
  than a clear cue in the text: a buyer who picks "Shipping inquiry" to ask for an invoice asks for one.
* The message is an order-status inquiry when the sum (context included) reaches :data:`THRESHOLD`.
  ``score`` maps the sum onto 0..1 (0.5 at the threshold). ``reasons`` opens with the rule that decided,
  then the order context and each cue that fired, with its weight and the words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from ghostdesk.models import Intent
from ghostdesk.triage.cues import ORDER_WORDS, SUBJECT, SUBJECT_ORDER_TOPIC, TEXT, Cue
from ghostdesk.triage.cues.base import (
    CARRIER_REPORT,
    CHANGE_REQUEST,
    NOT_YET_SHIPPED,
    PART_MISSING,
    RECEIVED,
    RETURN_SENT,
)
from ghostdesk.triage.folding import fold

THRESHOLD: Final = 1.0
# What being about an order weighs: reaches the threshold alone; one clear other-topic cue (-0.8 and
# stronger) takes it below, a polite "thanks" (-0.3) does not.
CONTEXT_WEIGHT: Final = 1.6
# The relay's order line alone is weaker: Amazon adds it to every message a buyer sends from an order page,
# whatever they write about, so it makes any status cue enough but is no verdict by itself. (Counted as
# full context it read 30% of a fresh set of other-topic relay messages as status questions; see
# tests/fixtures/triage/negatives_with_order_context.json, set B.)
RELAY_LINE_WEIGHT: Final = 0.6
RELAY_ORDER_LINE: Final = "relay order line"
# A reply whose quoted thread names exactly one order (our answer about it): weak context like the relay's
# line. "Ya van 12 días. ¿Qué hago?" above our answer about a pending order is about that order, but a
# thread can be about a return too, so it takes a status cue of the buyer's own to be a status question.
THREAD_ORDER: Final = "order named in the quoted thread"
WEAK_CONTEXT: Final = frozenset({RELAY_ORDER_LINE, THREAD_ORDER})
NO_CUE: Final = "no order-status cue"  # the reason given when no cue of either kind fired
SUPPORTED_LANGUAGES: Final = frozenset(TEXT)
# A buyer says what they want at the start; the cue scan is linear in the text (about 7 µs a character),
# so a pasted log or a forwarded newsletter is cut here rather than allowed to cost seconds.
MAX_TEXT_CHARS: Final = 20_000

# A message that only thanks ("Thank you so much!", "Danke, alles bestens") asks nothing: short, no
# question, no number. Said in order context it must not read as "where is it".
_THANKS = re.compile(
    r"\b(?:thanks?|thank\s+you|cheers|danke\w*|merci|gracias|grazie|ringrazi\w*|agradec\w*)\b"
)
_WORD = re.compile(r"\w+")
_LONG_NUMBER = re.compile(r"\d{5}")
_ONLY_THANKS_WORDS: Final = 14
_ONLY_THANKS: Final = "only thanks, no question"
_ONLY_THANKS_WEIGHT: Final = -1.5


@dataclass(frozen=True)
class _Hit:
    label: str
    weight: float
    words: str
    role: str = ""

    def reason(self) -> str:
        return f'{self.weight:+.1f} {self.label}: "{self.words}"'


def _hits(text: str, cues: Iterable[tuple[str, Cue]], roles: set[str] | None = None) -> list[_Hit]:
    """One hit per cue that fires; words claimed by cues of several languages count once, the strongest.

    ``roles`` collects the role of every cue that fired, also of those whose words a stronger cue claimed:
    "devolví" is a return (-2.0) *and* says the item was sent back, which decides what the tracking is of.
    """
    best: dict[str, _Hit] = {}
    for lang, cue in cues:
        words = cue.first_hit(text)
        if words is None:
            continue
        if roles is not None and cue.role:
            roles.add(cue.role)
        hit = _Hit(f"{lang}: {cue.name}" if lang else cue.name, cue.weight, words[:60], cue.role)
        current = best.get(words)
        if current is None or abs(hit.weight) > abs(current.weight):
            best[words] = hit
    return list(best.values())


def _score(total: float) -> float:
    """The cue sum squashed into 0..1, 0.5 exactly at the threshold."""
    return round(1.0 / (1.0 + math.exp(-2.0 * (total - THRESHOLD))), 3)


def cue_sum(text: str) -> float:
    """The summed cue weights of a piece of the buyer's text (no subject, no order context): > 0 reads as a
    status question, < 0 as something else (it arrived, a return, thanks). Used to tell which of several
    orders a message asks about."""
    folded = fold(text[:MAX_TEXT_CHARS])
    return sum(
        hit.weight for hit in _hits(folded, ((lang, cue) for lang, cues in TEXT.items() for cue in cues))
    )


def order_words(text: str) -> str | None:
    """The words by which the buyer speaks of an order they have ("my parcel", "j'ai commandé"), or None."""
    return _order_words(fold(text[:MAX_TEXT_CHARS]))


def _order_words(folded: str) -> str | None:
    for pattern in ORDER_WORDS.values():
        match = pattern.search(folded)
        if match:
            return match.group(0)[:60]
    return None


def _only_thanks(folded_text: str, hits: list[_Hit]) -> _Hit | None:
    if any(hit.weight > 0 for hit in hits) or "?" in folded_text or _LONG_NUMBER.search(folded_text):
        return None
    match = _THANKS.search(folded_text)
    if match is None or len(_WORD.findall(folded_text)) > _ONLY_THANKS_WORDS:
        return None
    return _Hit(_ONLY_THANKS, _ONLY_THANKS_WEIGHT, match.group(0))


# A statement that only makes sense as the premise of another cue: (premise role, the role that makes it one,
# what the reasons say about it).
_PREMISES: Final = (
    (NOT_YET_SHIPPED, CHANGE_REQUEST, "the precondition of a change request"),
    (RECEIVED, PART_MISSING, "the part that came, while part of the order is missing"),
    (CARRIER_REPORT, RETURN_SENT, "the tracking of the parcel the buyer sent back"),
)


def _without_premises(hits: list[_Hit], roles: set[str]) -> tuple[list[_Hit], list[tuple[_Hit, str]]]:
    """Drop statements that are the premise of the buyer's real point.

    "Please change the address, it hasn't been dispatched yet" and "cancel it, it hasn't shipped, I changed
    my mind" state the order's status as the reason a change is still possible, not as a complaint; "the
    pot arrived, but the lid is missing, is it sent separately?" confirms a receipt only of what came; "I
    sent it back, tracking says delivered, when do I get my money?" quotes the return parcel's tracking.
    ``roles`` are the roles of every cue that fired (see :func:`_hits`).
    """
    dropped: list[tuple[_Hit, str]] = []
    for premise, trigger, why in _PREMISES:
        if trigger in roles:
            dropped += [(hit, why) for hit in hits if hit.role == premise]
    kept = [hit for hit in hits if all(hit is not gone for gone, _ in dropped)]
    return kept, dropped


def classify_intent(subject: str, text: str, language: str, *, order_refs: Sequence[str] = ()) -> Intent:
    """Whether the buyer asks about the status of an order, with the rule and the cues that decided it.

    ``language`` is the message's ISO 639-1 code. Cues of every supported language are applied whatever
    it says (it is often the marketplace's language, not the writer's); for a language without its own
    cue set the reasons say so. ``order_refs`` name what, outside the words, makes the message about an
    order (the relay's order line, an identifier the buyer gave); each is a reason of order context.
    """
    text = text[:MAX_TEXT_CHARS]
    folded_subject = fold(subject)
    folded_text = fold(subject + "\n" + text)
    roles: set[str] = set()
    subject_hits = _hits(folded_subject, (("", cue) for cue in SUBJECT))
    # A delivery topic is the relay saying the message is about an order: it is order context, not a cue
    # on top of it (counted twice it would outweigh the buyer's own "please send an invoice").
    topics = [hit for hit in subject_hits if hit.label in SUBJECT_ORDER_TOPIC]
    hits = [hit for hit in subject_hits if hit not in topics]
    hits += _hits(folded_text, ((lang, cue) for lang, cues in TEXT.items() for cue in cues), roles)
    only_thanks = _only_thanks(fold(text), hits)
    if only_thanks:
        hits.append(only_thanks)
    hits, premises = _without_premises(hits, roles)

    context = list(order_refs)
    context += [f"relay topic ({hit.words})" for hit in topics]
    words = _order_words(folded_text)
    if words:
        context.append(f'order words ("{words}")')

    weight = _context_weight(context, order_refs)
    # rounded: weights have one decimal, and 0.6 + 1.2 - 0.8 must reach the threshold it shows it reaches
    total = round(sum(hit.weight for hit in hits) + weight, 6)
    is_status = total >= THRESHOLD
    ranked = sorted(hits, key=lambda hit: -abs(hit.weight))
    reasons = [_decision(is_status, context, ranked, total)] if context or hits else []
    if context:
        strength = "" if weight == CONTEXT_WEIGHT else " (weak alone: lowers the bar only)"
        reasons.append(f"{weight:+.1f} order context{strength}: {'; '.join(context)}")
    reasons += [hit.reason() for hit in ranked]
    reasons += [f'(not counted) {hit.label}: "{hit.words}", {why}' for hit, why in premises]
    lang = language.lower()[:2]
    if lang and lang not in SUPPORTED_LANGUAGES:
        reasons.append(
            f"no cue set for language {lang!r}: judged on the other languages' cues and the subject"
        )
    if not hits:
        reasons.append(NO_CUE)
    return Intent(is_order_status=is_status, score=_score(total), reasons=tuple(reasons))


def _context_weight(context: list[str], order_refs: Sequence[str]) -> float:
    """Full weight for what the buyer did (topic, identifiers, words); less for the relay's line or the
    quoted thread's order alone (:data:`WEAK_CONTEXT`)."""
    if not context:
        return 0.0
    if set(context) <= WEAK_CONTEXT and set(order_refs) <= WEAK_CONTEXT:
        return RELAY_LINE_WEIGHT
    return CONTEXT_WEIGHT


def _decision(is_status: bool, context: list[str], ranked: list[_Hit], total: float) -> str:
    """The rule that decided, in one line an agent can read."""
    against = [hit for hit in ranked if hit.weight < 0]
    boosted = any(hit.weight > 0 for hit in ranked)
    if context and is_status:
        if boosted:
            return f"order status: about an order, with status cues (sum {total:+.1f})"
        return f"order status: about an order, and no other topic outweighs it (sum {total:+.1f})"
    if context and against:
        winner = against[0].label
        return f'not order status: about an order, but another topic wins ("{winner}", sum {total:+.1f})'
    if context:
        what = "the relay's order line" if context == [RELAY_ORDER_LINE] else "weak order context"
        return f"not order status: only {what}, and no status cue (sum {total:+.1f})"
    if is_status:
        return f"order status: status cues alone (sum {total:+.1f}, no order context)"
    return f"not order status: no order context and too little status evidence (sum {total:+.1f})"
