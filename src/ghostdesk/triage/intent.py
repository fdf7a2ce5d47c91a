"""Is this buyer message an order-status inquiry? Rules, not a model, so every verdict can be explained.

An order-status inquiry is anything that, answered well, needs the order's status: where is my order, it
has not shipped, it is stuck on pending, you have no record of my order, it has not arrived, what does
the tracking say, I have heard nothing, my payment is pending. Everything else (product questions,
returns and refunds, cancellations for a change of mind, invoices, address changes, account issues,
feedback, thanks, complaints about a product that did arrive) is not.

How the verdict is reached:

* The subject and the buyer's text are *folded* (lower case, no accents, ``ß`` as ``ss``) and matched
  against cues in English, German, French, Spanish and Italian. All languages' cues always run: the
  language a message is labelled with is often the marketplace's, not the writer's, and a German buyer on
  amazon.fr still writes German. Patterns allow cheap typos ("recieved", "shiped", "bestelung").
* Each cue adds its weight once (positive for status, negative for other topics). Some are cancelled by
  what surrounds them: "not received *my refund*" is a refund question, "cancel it *if* it has not shipped"
  is a cancellation, "it has *not* arrived" is no receipt confirmation.
* Amazon relay subjects carry a topic ("Shipping inquiry", "Order delivery inquiry", "WHERES_MY_STUFF",
  "Versandanfrage", "Return policy inquiry", ...). It counts as evidence, weaker than a clear cue in the
  text: a buyer who picks "Shipping inquiry" to ask for an invoice is asking for an invoice.
* The message is an order-status inquiry when the sum reaches :data:`THRESHOLD`. ``score`` maps the sum
  onto 0..1 (0.5 at the threshold); ``reasons`` lists each cue that fired, with its weight and the words.

The decision is made on the message's own words; identifiers are not evidence here (an order ID is just
as present in a return request), they are :mod:`ghostdesk.triage.identifiers`' business.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ghostdesk.models import Intent
from ghostdesk.triage.cues import SUBJECT, TEXT, Cue
from ghostdesk.triage.folding import fold

THRESHOLD: Final = 1.0
NO_CUE: Final = "no order-status cue"  # the reason given when no cue of either kind fired
SUPPORTED_LANGUAGES: Final = frozenset(TEXT)
# A buyer says what they want at the start; the cue scan is linear in the text (about 7 µs a character),
# so a pasted log or a forwarded newsletter is cut here rather than allowed to cost seconds.
MAX_TEXT_CHARS: Final = 20_000


@dataclass(frozen=True)
class _Hit:
    label: str
    weight: float
    words: str

    def reason(self) -> str:
        return f'{self.weight:+.1f} {self.label}: "{self.words}"'


def _hits(text: str, cues: Iterable[tuple[str, Cue]]) -> list[_Hit]:
    """One hit per cue that fires; words claimed by cues of several languages count once, the strongest."""
    best: dict[str, _Hit] = {}
    for lang, cue in cues:
        words = cue.first_hit(text)
        if words is None:
            continue
        hit = _Hit(f"{lang}: {cue.name}" if lang else cue.name, cue.weight, words[:60])
        current = best.get(words)
        if current is None or abs(hit.weight) > abs(current.weight):
            best[words] = hit
    return list(best.values())


def _score(total: float) -> float:
    """The cue sum squashed into 0..1, 0.5 exactly at the threshold."""
    return round(1.0 / (1.0 + math.exp(-2.0 * (total - THRESHOLD))), 3)


def cue_sum(text: str) -> float:
    """The summed cue weights of a piece of the buyer's text (no subject): > 0 reads as a status question,
    < 0 as something else (it arrived, a return, thanks). Used to tell which of several orders a message
    asks about."""
    folded = fold(text[:MAX_TEXT_CHARS])
    return sum(
        hit.weight for hit in _hits(folded, ((lang, cue) for lang, cues in TEXT.items() for cue in cues))
    )


def classify_intent(subject: str, text: str, language: str) -> Intent:
    """Whether the buyer asks about the status of an order, with the cues that decided it.

    ``language`` is the message's ISO 639-1 code. Cues of every supported language are applied whatever
    it says (it is often the marketplace's language, not the writer's); for a language without its own
    cue set the reasons say so, because only English and the relay topic can speak for such a message.
    """
    folded_subject = fold(subject)
    folded_text = fold(subject + "\n" + text[:MAX_TEXT_CHARS])
    hits = _hits(folded_subject, (("", cue) for cue in SUBJECT))
    hits += _hits(folded_text, ((lang, cue) for lang, cues in TEXT.items() for cue in cues))
    total = sum(hit.weight for hit in hits)
    reasons = [hit.reason() for hit in sorted(hits, key=lambda hit: -abs(hit.weight))]
    lang = language.lower()[:2]
    if lang and lang not in SUPPORTED_LANGUAGES:
        reasons.append(
            f"no cue set for language {lang!r}: judged on the other languages' cues and the subject"
        )
    if not hits:
        reasons.append(NO_CUE)
    return Intent(is_order_status=total >= THRESHOLD, score=_score(total), reasons=tuple(reasons))
