"""Text preparation shared by every rule: case folding that keeps offsets, facts masked, sentences.

Rules match on a folded copy of the reply (lower case, one kind of apostrophe and space) that has exactly
the length of the original, so a finding can always quote the offending words as the agent typed them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

_CHAR_MAP = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "\u2011": "-",
}

# A sentence ends at . ! ? ; or a line break, but not after a digit ("bis zum 5. März") nor inside an
# address-like token ("amazon.de/..."), because either would cut a time expression or a link in two.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?;]+(?=\s)|\n+")
# Nor after an abbreviation: "in ca. einer Woche", "approx. 2 days", "Mr. Patel" are one sentence each.
_ABBREVIATION_BEFORE = re.compile(
    r"(?<![\w.])(?:ca|approx|env|aprox|ggf|evtl|bzw|usw|z\.b|u\.a|d\.h|inkl|max|min|mr|mrs|ms|dr|st|sr|"
    r"sra|srta|sig|sig\.ra|sig\.na|dott|mme|mlle|m|hr|fr|nr|tel|vs|e\.g|i\.e|p\.ej|p\.es|cf|"
    r"mo|di|mi|do|sa|so|lun|mar|mer|jeu|ven|sam|dim|mié|mie|jue|vie|sáb|sab|gio|mon|tue|tues|wed|thu|thur|"
    r"thurs|fri|sat|sun|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec|déc|janv|févr|avr|juil|ene|abr|"
    r"ago|dic|gen|mag|giu|lug|set|ott)$"
)


@dataclass(frozen=True)
class PreparedText:
    """The original reply and its folded twin of the same length."""

    original: str
    folded: str

    def quote(self, start: int, end: int) -> str:
        """The original words at a span of the folded text, tidied to one line."""
        return " ".join(self.original[start:end].split())


def fold(text: str) -> str:
    """Lower case, with typographic apostrophes, quotes and spaces made plain, keeping every offset."""
    out: list[str] = []
    for ch in text:
        mapped = _CHAR_MAP.get(ch)
        if mapped is not None:
            out.append(mapped)
            continue
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def strip_accents(text: str) -> str:
    """The text with accents taken off letters ("expédié" -> "expedie"), keeping every offset.

    Agents often type French, Spanish and Italian without accents; the word rules also run on this copy,
    with their patterns stripped the same way, so "sara spedito domani" is read like "sarà spedito domani".
    """
    out: list[str] = []
    for ch in text:
        if ch.isascii() or not ch.isalpha():
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if base.isascii() and base.isalpha() else ch)
    return "".join(out)


def prepare(text: str, known_facts: Iterable[str] = ()) -> PreparedText:
    """Fold the text and blank out facts that come from the order systems.

    An item title ("Charger 24h Quick"), a tracking number that looks like a phone number, or the seller's
    own name ("Gadget-World.de") are facts the macro quotes, not words anyone chose; masking them keeps
    them from raising findings. Only exact occurrences are masked: text a human typed around them is not.
    """
    folded = fold(text)
    for fact in sorted({f for f in known_facts if f and len(f.strip()) >= 3}, key=len, reverse=True):
        needle = fold(fact)
        start = folded.find(needle)
        while start != -1:
            end = start + len(needle)
            folded = folded[:start] + "x" * len(needle) + folded[end:]
            start = folded.find(needle, end)
    for start, end in trade_name_spans(text):
        folded = folded[:start] + "x" * (end - start) + folded[end:]
    return PreparedText(original=text, folded=folded)


# A shop's name is no offer, even when it holds an offer word: "Druckerpatronen Discount" in the sign-off,
# "vielen Dank für Ihren Einkauf bei Elektro Discount Müller", "comprar en Ferretería Descuento Castro".
# A name is a run of capitalised words; it counts as the seller's name where names stand: at the end of the
# reply or of a short line (the sign-off), after "at", "bei", "chez", "en", "da" ..., or before "Team".
_TITLE = r"[A-ZÀ-ÖØ-Þ][^\s,.;:!?()\"“”«»]*"
_JOIN = r"(?:&|\+|-|–|de|del|della|di|du|des|la|le|von|van|y|e|et|und|and|of)"
_NAME_RUN = re.compile(rf"{_TITLE}(?:[ \t]+(?:{_JOIN}[ \t]+)?{_TITLE})+")
_OFFER_WORD = re.compile(r"(?:discounts?|descuentos?|sconto|sconti|rabatt|promo|outlet)", re.IGNORECASE)
_OFFER_TERMS = re.compile(
    r"(?:codes?|codice|c[oó]digo|prices?|preise?|prix|precios?|prezzi|off|sale)", re.IGNORECASE
)
_DETERMINERS = re.compile(
    r"(?:the|our|your|a|an|this|get|use|enjoy|save|der|die|das|ein|eine|einen|unser\w*|ihr\w*|jetzt|le|la|"
    r"les|un|une|notre|votre|el|los|las|una|nuestr\w*|su|il|lo|gli|nostr\w*|mit|con|avec|with)",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(
    r"\b(?:at|from|by|bei|von|vom|chez|de|en|da|di|dal|in|with|team|equipo|équipe|squadra)\s+$", re.IGNORECASE
)
_TEAM_AFTER = re.compile(r"[ \t-]*(?:team|equipo|équipe|squadra)\b", re.IGNORECASE)


def trade_name_spans(text: str) -> list[tuple[int, int]]:
    """Where the reply names a shop whose name holds an offer word ("Auto Pièces Discount")."""
    if not _OFFER_WORD.search(text):
        return []
    spans: list[tuple[int, int]] = []
    for run in _NAME_RUN.finditer(text):
        words = run.group().split()
        if not any(_OFFER_WORD.fullmatch(w) for w in words) or any(_OFFER_TERMS.fullmatch(w) for w in words):
            continue
        if _DETERMINERS.fullmatch(words[0]) or re.search(
            r"[\d%€$£]\s*$", text[max(0, run.start() - 3) : run.start()]
        ):
            continue  # "our Discount Club", "10% Discount Today" are offers
        line_start = text.rfind("\n", 0, run.start()) + 1
        line_end = text.find("\n", run.end())
        line_end = len(text) if line_end == -1 else line_end
        rest_of_line = text[run.end() : line_end].strip(" \t.,;:!-–—")
        at_end = not text[run.end() :].strip(" \t\n.,;:!-–—")
        sign_off = not rest_of_line and len(text[line_start:line_end].split()) <= 6
        if (
            at_end
            or sign_off
            or _NAME_BEFORE.search(text, 0, run.start())
            or _TEAM_AFTER.match(text, run.end())
        ):
            spans.append((run.start(), run.end()))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, stripped of surrounding blanks; empty sentences are dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group() == "." and _ABBREVIATION_BEFORE.search(
            text, max(0, match.start() - 8), match.start()
        ):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    tidy: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            tidy.append((s, e))
    return tidy


class _HTMLText(HTMLParser):
    _BLOCKS = frozenset({"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.targets.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_checkable_text(html: str) -> str:
    """The words of an HTML reply plus every link target, so a link hidden behind text is still seen."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    if parser.targets:
        text += "\n\n" + "\n".join(parser.targets)
    return text


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:html|body|p|div|br|a|span|table)\b", text[:4000], re.IGNORECASE))
