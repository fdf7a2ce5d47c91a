"""The cue tables of the intent rules, one module per language plus the relay's subject topics."""

from __future__ import annotations

from ghostdesk.triage.cues import de, en, es, fr, it
from ghostdesk.triage.cues.base import Cue
from ghostdesk.triage.cues.subject import SUBJECT

# Every language's cues, by ISO 639-1 code; each is applied to every message (see ghostdesk.triage.intent).
TEXT: dict[str, tuple[Cue, ...]] = {
    "en": en.FOR + en.AGAINST,
    "de": de.FOR + de.AGAINST,
    "fr": fr.FOR + fr.AGAINST,
    "es": es.FOR + es.AGAINST,
    "it": it.FOR + it.AGAINST,
}

__all__ = ["SUBJECT", "TEXT", "Cue"]
