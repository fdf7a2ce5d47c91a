"""Which part of a message holds the buyer's own words for this message, and what they say about one thing."""

from __future__ import annotations

import re

from ghostdesk.models import BuyerMessage
from ghostdesk.triage.folding import fold


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


# --- the buyer's name as they sign --------------------------------------------------------------------

# Closing words a signature line may open with ("Best regards, Anna Weber", "Liebe Grüße Anna"), folded.
_CLOSING = re.compile(
    r"^(?:(?:best|kind|warm|warmest|many|with)\s+)?(?:regards|wishes|thanks|thank\s+you)\b|^(?:yours\s+)?"
    r"(?:sincerely|faithfully|truly)\b|^(?:thanks|thank\s+you|cheers|best|all\s+the\s+best|bw|kr|regards)\b"
    r"|^(?:mit\s+)?(?:freundlichen|freundliche|viele|liebe|beste|herzliche|schone|schoene)\s+(?:grussen|grusse"
    r"|gruessen|gruesse|gruss|gruß)\b|^(?:gruss|grusse|gruesse|lg|vg|mfg|danke|vielen\s+dank)\b"
    r"|^(?:bien\s+)?cordialement\b|^(?:bien\s+a\s+vous|salutations|merci(?:\s+beaucoup|\s+a\s+l'avance)?"
    r"|bonne\s+(?:journee|soiree))\b"
    r"|^(?:un\s+)?saludos?(?:\s+cordiales)?\b|^(?:atentamente|muchas\s+gracias|gracias)\b"
    r"|^(?:cordiali|distinti|cari)?\s*saluti\b|^(?:grazie(?:\s+mille)?|a\s+presto|buona\s+giornata)\b"
    r"|^(?:diolch|ta)\b",
    re.IGNORECASE,
)
# A word of a name: capitalised ("Anna", "O'Brien", "Tremblay-Roy", "Stöckl"), or a particle ("van", "de").
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?:['’-][^\W\d_]+)*")
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "dos", "y", "zu"}
)
# Capitalised words that close or greet rather than name (folded), for lines the closing pattern missed.
_NOT_NAMES = frozenset(
    {
        *("amazon", "marketplace", "customer", "team", "support", "service", "order", "thanks", "regards"),
        *(
            "frohe",
            "weihnachten",
            "ostern",
            "merry",
            "christmas",
            "happy",
            "joyeux",
            "feliz",
            "buon",
            "natale",
        ),
        *("gruss", "grusse", "danke", "merci", "gracias", "grazie", "saluti", "saludos", "cordialement"),
        *("sent", "envoye", "gesendet", "enviado", "inviato", "iphone", "android", "outlook", "samsung"),
    }
)
_MAX_NAME_WORDS = 5
_SIGNATURE_LINES = 3


def signature_name(message: BuyerMessage) -> str | None:
    """The full name the buyer signs with ("Best regards,\\nMelanie Okonkwo"), or None.

    Read from the last few lines of the buyer's own words: a line of two to five name words (capitalised,
    particles such as "van" or "de" allowed), after any closing words ("Liebe Grüße Anna Weber"), with no
    digits and no sentence punctuation. A single word ("Anna") is no full name and is never returned: a
    first name alone must never be searched for, too many buyers share it.
    """
    lines = [line.strip() for line in own_words(message).splitlines() if line.strip()]
    for line in reversed(lines[-_SIGNATURE_LINES:]):
        name = _name_in(line)
        if name:
            return name
    return None


def _name_in(line: str) -> str | None:
    text = line.strip().rstrip(",")
    if len(text) > 60 or any(ch.isdigit() for ch in text) or re.search(r"[.!?:;@/()\"«»]\s*$|[!?@/]", text):
        return None
    closing = _CLOSING.match(fold(text))
    if closing:
        # the folded and the original text align word by word; drop as many words as the closing had
        words = text.split()[len(closing.group(0).split()) :]
        text = " ".join(words).lstrip(",").strip()
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS:
        return None
    capitalised = 0
    for word in words:
        if not _NAME_WORD.fullmatch(word.rstrip(".")) and not re.fullmatch(r"[^\W\d_]\.", word):
            return None
        if word.lower() in _PARTICLES:
            continue
        if not word[0].isupper() or fold(word).strip(".") in _NOT_NAMES:
            return None
        capitalised += 1
    return " ".join(words) if capitalised >= 2 else None
