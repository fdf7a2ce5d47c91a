"""Which part of a message holds the buyer's own words for this message, and what they say about one thing."""

from __future__ import annotations

import re

from ghostdesk.models import BuyerMessage


def own_words(message: BuyerMessage) -> str:
    """The buyer's fresh words; when the parser could not separate them, the text without quoted history.

    Quoted history may name older orders and older complaints, so neither intent nor "the order this
    message is about" may be read from it. If ``quoted_text`` is not a verbatim part of ``text`` (the parser
    re-wrapped it), lines that appear in it or start with ``>`` are dropped instead.
    """
    if message.fresh_text.strip():
        return message.fresh_text
    text, quoted = message.text, message.quoted_text.strip()
    if quoted and quoted in text:
        return text.replace(quoted, "")
    quoted_lines = {line.strip() for line in quoted.splitlines() if line.strip()}
    return "\n".join(
        line
        for line in text.splitlines()
        if not line.lstrip().startswith(">") and line.strip() not in quoted_lines
    )


# A sentence ends at . ! ? followed by a space or the end, or at a line break ("405.2201937.6648120" is
# one ID, not three sentences).
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
# Where a buyer turns from one order to another: "X came fine, *but* this one ...", "X è arrivato, questo
# *invece* ..." (none of these words has an accent, so the original text is searched and offsets hold).
_CONTRAST = re.compile(
    r"\b(?:but|however|whereas|this\s+one|the\s+new\s+one|aber|jedoch|diese\s+(?:hier|jetzt|neue)|mais"
    r"|alors\s+que|celle-ci|pero|sin\s+embargo|en\s+cambio|este\s+(?:otro|nuevo)|invece|questo\s+(?:invece"
    r"|nuovo|qui))\b|,\s*ma\b",
    re.IGNORECASE,
)


def segment_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the buyer speaks about the thing at ``text[start:end]``, as a span: from the start of its
    sentence (at most 40 characters back) to the end of the sentence or the first turn to something else
    ("but", "invece")."""
    left = max(0, start - 40)
    for match in _SENTENCE_END.finditer(text, left, start):
        left = match.end()
    right_end = _SENTENCE_END.search(text, end)
    right = right_end.end() if right_end else len(text)
    turn = _CONTRAST.search(text, end, right)
    if turn:
        right = turn.start()
    return left, right
