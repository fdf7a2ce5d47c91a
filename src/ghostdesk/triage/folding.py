"""Text folding for rule matching: one spelling per word, whatever the buyer's keyboard.

Buyers write "Rückerstattung", "Rueckerstattung" and "ruckerstattung", "reçu" and "recu", "ORDER" and
"order", with typographic apostrophes from phones. The triage rules are written once against the folded
form (lower case, no accents, ``ß`` as ``ss``, straight apostrophes, single spaces) instead of spelling
every variant in every pattern.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})
_LIGATURES = {"ß": "ss", "ẞ": "ss", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o"}
_LIGATURE_RE = re.compile("|".join(_LIGATURES))
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophe- and space-normalised ``text``; line breaks are kept."""
    text = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group(0)], text.translate(_APOSTROPHES))
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold())
