"""The cue tables of the intent rules, one module per language plus the relay's subject topics."""

from __future__ import annotations

import re

from ghostdesk.triage.cues import de, en, es, fr, it
from ghostdesk.triage.cues.base import Cue
from ghostdesk.triage.cues.subject import SUBJECT, SUBJECT_ORDER_TOPIC

# Every language's cues, by ISO 639-1 code; each is applied to every message (see ghostdesk.triage.intent).
TEXT: dict[str, tuple[Cue, ...]] = {
    "en": en.FOR + en.AGAINST,
    "de": de.FOR + de.AGAINST,
    "fr": fr.FOR + fr.AGAINST,
    "es": es.FOR + es.AGAINST,
    "it": it.FOR + it.AGAINST,
}

# The words by which a buyer speaks of an order they have placed, by language (order context).
ORDER_WORDS: dict[str, re.Pattern[str]] = {
    lang: re.compile(module.ORDER_WORDS)
    for lang, module in (("en", en), ("de", de), ("fr", fr), ("es", es), ("it", it))
}

__all__ = ["ORDER_WORDS", "SUBJECT", "SUBJECT_ORDER_TOPIC", "TEXT", "Cue"]
