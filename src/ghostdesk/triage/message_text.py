"""Which part of a message holds the buyer's own words for this message."""

from __future__ import annotations

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
