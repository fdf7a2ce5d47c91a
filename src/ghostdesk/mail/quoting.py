"""The buyer's fresh words apart from quoted history and signatures.

A buyer who replies to an earlier message usually carries the whole thread along, and that thread names
older orders, tracking numbers and our own previous answers. Diagnosis must read only what the buyer
wrote this time, so the text is split line by line:

* ``>``-quoted lines are history;
* a reply header ("On <date>, X wrote:", "Am ... schrieb ...:", "Le ... a écrit :", ... also wrapped over
  two or three lines) introduces history: when ``>`` lines follow it, the history ends with them (a
  bottom-posted answer below is fresh again), otherwise everything below it is history;
* Outlook-style history ("-----Original Message-----", a "From:/Sent:" header block in any of the common
  languages, a line of underscores before such a block, "Begin forwarded message:") runs to the end;
* a signature ("-- ", "Sent from my iPhone" and its translations, a mailing-list footer) is cut from the
  fresh words up to the next history.

The rules are line-based and conservative: a rule that would swallow fresh words needs two pieces of
evidence (a header needs a date or an address as well as its verb; a From: line needs a Sent:/Date:/To:
line below it; a mobile signature must be a short line of its own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_FRESH, _QUOTED = "fresh", "quoted"

_QUOTE_PREFIX = re.compile(r"^\s{0,3}>")

_REPLY_VERBS = (
    r"wrote|writes|has written|schrieb|hat geschrieben|a écrit|a ecrit|escribió|escribio|ha escrito|"
    r"ha scritto|escreveu|schreef|heeft geschreven|skrev|kirjoitti|napisał\(a\)|napisał|napisal|"
    r"написал\(а\)|написала|написал|написав|yazdı|írta|napsal|scrie|έγραψε"
)
# "On <date>, <name> wrote:" in many languages. The verb ends the header ("... a écrit :"), or the
# writer's name follows it ("Am 12.03.2024 schrieb Max <max@example.de>:").
_REPLY_HEADER_VERB = re.compile(
    rf"^.{{4,400}}?(?<!\w)(?:{_REPLY_VERBS})(?:\s*:?|\s.{{0,150}}:)\s*$", re.IGNORECASE
)
_REPLY_HEADER_OPENER = re.compile(
    r"^(on|am|le|el|il|in data|em|no dia|op|den|dne|w dniu|dnia|pe|ma|ti|ke|to|pa|la|su)\b", re.IGNORECASE
)
# Verb-less headers: "30.09.2017, 18.30, "John" <j@x.com>:", "2017-11-24 16:32 GMT+01:00 Jo <j@x.com>:"
_REPLY_HEADER_ADDRESS = re.compile(r"^.{0,300}@[^\s]+?\s*>?\)?\s*:\s*$")
_DATE_OR_TIME = re.compile(r"\d{1,4}[./:-]\d{1,2}|\d{1,2}\s+\w{3,}\.?\s+\d{2,4}|\b(19|20)\d{2}\b")

_ORIGINAL_MESSAGE = re.compile(
    r"^\s*[-_=*]{2,}\s*(original message|original-nachricht|ursprüngliche nachricht|message d'origine|"
    r"mensaje original|messaggio originale|oorspronkelijk bericht|origineel bericht|mensagem original|"
    r"oprindelig besked|opprinnelig melding|ursprungligt meddelande|alkuperäinen viesti|"
    r"wiadomość oryginalna|исходное сообщение|forwarded message|weitergeleitete nachricht|"
    r"message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|"
    r"mensagem encaminhada|mensagem reencaminhada)\s*[-_=*]*\s*$",
    re.IGNORECASE,
)
_FORWARD_INTRO = re.compile(
    r"^\s*(begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|"
    r"inicio del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht|"
    r"início da mensagem reencaminhada|início da mensagem encaminhada)\s*:?\s*$",
    re.IGNORECASE,
)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
_FORWARDED = re.compile(
    r"forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|"
    r"doorgestuurd bericht|mensagem (?:en|reen)caminhada|begin forwarded|weitergeleiteten nachricht|"
    r"réexpédié|reenviado|inoltrato",
    re.IGNORECASE,
)

# Header labels of a quoted header block (Outlook and webmail), en/de/fr/es/it/nl/pt and a few more.
_FROM_LABEL = re.compile(
    r"^\s*\*?\s*(from|von|de|da|van|fra|från|od|от|发件人|寄件者)\s*\*?\s*[:：]", re.IGNORECASE
)
_OTHER_LABEL = re.compile(
    r"^\s*\*?\s*(sent|date|to|subject|cc|gesendet|datum|an|betreff|envoyé|à|a|objet|enviado|enviada|"
    r"fecha|para|asunto|inviato|data|oggetto|verzonden|aan|onderwerp|assunto|sendt|dato|til|emne|"
    r"skickat|till|ämne|отправлено|кому|тема|发送时间|收件人|主题|日期)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
# GMX and web.de put the date first: "Gesendet: Donnerstag, 02. März 2028 um 19:02 Uhr" / "Von: ...".
_DATE_LABEL = re.compile(
    r"^\s*\*?\s*(sent|date|gesendet|datum|envoyé|date d'envoi|enviado|fecha|inviato|data)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
# Forward prefixes of a subject: "Fwd:", "Fw:", "WG:" (weitergeleitet), "TR:" (transféré), "RV:"/"Rv:"
# (reenviado), "I:" (inoltrato), "Enc:" (encaminhado), "Doorst:".
_FORWARD_SUBJECT = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|wg|tr|rv|i|inoltro|enc|doorst)\s*:", re.IGNORECASE
)
_ONE_LINE_HEADER_BLOCK = re.compile(
    r"^\s*\*?(from|von|de|da|van)\s*:.+\b(sent|gesendet|envoyé|enviado|inviato|verzonden|date|datum)\s*:",
    re.IGNORECASE,
)

_SIGNATURE_DELIMITER = re.compile(r"^(--|-- |—+|__)\s*$")
_CLOSING_BRACKET = re.compile(r"^>\)?\s*:\s*$")  # the "<address\n>:" a wrapped header leaves behind
_SEPARATOR = re.compile(r"^[\s\-_=*~—]+$")
_DATED_LABEL = re.compile(r"^\s*[^\W\d][\w ]{1,24}\s*:\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_EDGE_DASHES = re.compile(r"^[-=\s]{2,}|[-=\s]{2,}$")
_LINK_SUFFIX = re.compile(r"<https?://[^>]*>|\(https?://[^)]*\)|https?://\S+")
_MOBILE_SIGNATURE = re.compile(
    r"^("
    r"sent from my [\w\- ]{2,40}|sent from [\w\-]{2,20}|sent from [\w\- ]{2,30} (for|on) [\w\- ]{2,25}|"
    r"sent from (outlook|yahoo mail|mail|gmail|aol mail|my mobile|samsung mobile|proton ?mail)[\w\- ]{0,25}|"
    r"sent with [\w\- ]{2,30}|"
    r"sent via [\w\- ]{2,30}|get outlook for [\w\- ]{2,20}|"
    r"von meinem [\w\- ]{2,30} gesendet|gesendet von (meinem )?[\w\-äöü ]{2,30}|gesendet mit [\w\- ]{2,30}|"
    r"envoyé (de|depuis|à partir de) (mon |ma )?[\w\-é ]{2,30}|"
    r"enviado (desde|de|do) (mi |meu |o meu )?[\w\- ]{2,30}|"
    r"inviato (da|dal|dalla) (mio |mia )?[\w\- ]{2,30}|"
    r"(verzonden|verstuurd) (vanaf|met|van) (mijn )?[\w\- ]{2,30}|"
    r"sendt fra min [\w\- ]{2,30}|skickat från min [\w\- ]{2,30}|lähetetty [\w\- ]{2,30}"
    r")[.!]?$",
    re.IGNORECASE,
)


def _is_quoted(line: str) -> bool:
    return bool(_QUOTE_PREFIX.match(line))


def _reply_header_span(lines: Sequence[str], index: int) -> int:
    """How many lines (1-3) starting at ``index`` form a reply header; 0 when they do not."""
    first = lines[index].strip()
    if not first or _is_quoted(first) or len(first) > 400:
        return 0
    joined = ""
    for span in (1, 2, 3):
        if index + span > len(lines):
            return 0
        piece = lines[index + span - 1].strip()
        if not piece or (_is_quoted(piece) and not _CLOSING_BRACKET.match(piece)):
            return 0
        joined = f"{joined} {piece}".strip() if joined else piece
        if span > 1 and not (_REPLY_HEADER_OPENER.match(first) or _DATE_OR_TIME.search(first)):
            return 0  # only a line that starts like a header may continue onto the next one
        if _looks_like_reply_header(joined):
            return span
    return 0


def _looks_like_reply_header(text: str) -> bool:
    if len(text) > 500:
        return False
    text = _EDGE_DASHES.sub("", text)  # "---- On <date> x@y.com wrote ----" (Zoho)
    evidence = bool(_DATE_OR_TIME.search(text)) or "@" in text
    if _REPLY_HEADER_VERB.match(text):
        if not evidence:
            return False
        return text.endswith(":") or bool(_REPLY_HEADER_OPENER.match(text)) or "@" in text
    return bool(_REPLY_HEADER_ADDRESS.match(text)) and bool(_DATE_OR_TIME.search(text))


def _header_block_at(lines: Sequence[str], index: int) -> bool:
    """A "From: ... / Sent: ..." block: a From label with another header label within the next lines, or
    (GMX, web.de) a dated Sent/Date label with a From label right below it."""
    line = lines[index]
    if _ONE_LINE_HEADER_BLOCK.match(line):
        return True
    if _DATE_LABEL.match(line) and _DATE_OR_TIME.search(line):
        below = [candidate for candidate in lines[index + 1 : index + 3] if candidate.strip()]
        return bool(below) and bool(_FROM_LABEL.match(below[0]))
    if not _FROM_LABEL.match(line):
        return False
    seen = 0
    for following in lines[index + 1 : index + 7]:
        if not following.strip():
            if seen:
                break
            continue
        if _OTHER_LABEL.match(following):
            return True
        seen += 1
        if seen > 2:  # a wrapped From: value may take a line or two, not more
            break
    return False


def _history_starts_at(lines: Sequence[str], index: int) -> bool:
    """Unquoted history that runs to the end: Outlook separators, forwarded blocks, header blocks."""
    line = lines[index]
    if _ORIGINAL_MESSAGE.match(line) or _FORWARD_INTRO.match(line):
        return True
    if _UNDERSCORES.match(line):  # Outlook's separator line, when a From: line follows it
        for position in range(index + 1, min(index + 4, len(lines))):
            if lines[position].strip():
                return bool(_FROM_LABEL.match(lines[position]))
        return False
    return _header_block_at(lines, index)


def _signature_starts_at(lines: Sequence[str], index: int) -> bool:
    line = lines[index].rstrip()
    if _SIGNATURE_DELIMITER.match(line):
        return True
    if _UNDERSCORES.match(line):  # a mailing-list or legal footer (history was ruled out before)
        return True
    candidate = _LINK_SUFFIX.sub("", line).strip()
    if not candidate or len(candidate) > 60 or not _MOBILE_SIGNATURE.match(candidate):
        return False
    # A real mobile signature ends the fresh words: at most a few lines (a name) before history or the end.
    remainder = 0
    for position in range(index + 1, len(lines)):
        text = lines[position]
        if _is_quoted(text) or _history_starts_at(lines, position) or _reply_header_span(lines, position):
            break
        if text.strip():
            remainder += 1
    return remainder <= 3


def is_forward(quoted: str) -> bool:
    """Whether the history opens with a forwarded message rather than a reply's quote.

    A buyer who forwards Amazon's order confirmation brings us the order they mean; a quote of a reply
    thread holds older exchanges. Triage and diagnosis treat the two differently.
    """
    for line in quoted.splitlines():
        if not line.strip() or _SEPARATOR.match(line):
            continue
        return bool((_ORIGINAL_MESSAGE.match(line) or _FORWARD_INTRO.match(line)) and _FORWARDED.search(line))
    return False


def forwarded_text(quoted: str, subject: str = "") -> str:
    """The words of the message the buyer forwarded, without its header block and its own history; "".

    A buyer who forwards Amazon's order confirmation or shipping notice gives us its order ID and tracking
    number on purpose. The history holds a forward when it opens (after the buyer's own signature) with a
    forward marker ("---------- Forwarded message ---------", "Begin forwarded message:", "Message
    transféré"), or with a header block or an "Original Message" line under a forward subject ("Fwd:",
    "WG:", "TR:", "I:", "RV:"). A reply's quote never counts: it is history, not evidence.
    """
    lines = quoted.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if not _skippable_before_forward(line)), None)
    if start is None:
        return ""
    line = lines[start]
    marker = bool((_ORIGINAL_MESSAGE.match(line) or _FORWARD_INTRO.match(line)) and _FORWARDED.search(line))
    opens_history = bool(_ORIGINAL_MESSAGE.match(line) or _FORWARD_INTRO.match(line)) or _header_block_at(
        lines, start
    )
    if not (marker or (_FORWARD_SUBJECT.match(subject) and opens_history)):
        return ""
    body = start + 1 if _ORIGINAL_MESSAGE.match(line) or _FORWARD_INTRO.match(line) else start
    while body < len(lines) and not lines[body].strip():
        body += 1
    if body < len(lines) and (_FROM_LABEL.match(lines[body]) or _DATE_LABEL.match(lines[body])):
        while body < len(lines) and lines[body].strip():  # the forwarded header block, wrapped lines too
            body += 1
    fresh, _ = split_reply("\n".join(lines[body:]))
    return fresh


def _skippable_before_forward(line: str) -> bool:
    """Blank lines, separators and the buyer's own mobile signature above a forwarded message."""
    text = line.strip()
    return (
        not text
        or bool(_SEPARATOR.match(text))
        or bool(_SIGNATURE_DELIMITER.match(text))
        or bool(_MOBILE_SIGNATURE.match(_LINK_SUFFIX.sub("", text).strip()))
    )


def split_reply(text: str) -> tuple[str, str]:
    """``(fresh, quoted)``: the buyer's new words, and everything else (history, signatures) in order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kinds = _classify(lines)
    fresh = _join([line for line, kind in zip(lines, kinds, strict=True) if kind == _FRESH])
    quoted = _join([line for line, kind in zip(lines, kinds, strict=True) if kind != _FRESH])
    return fresh, quoted


def _classify(lines: Sequence[str]) -> list[str]:
    count = len(lines)
    kinds = [_FRESH] * count
    index = 0
    while index < count:
        line = lines[index]
        if _is_quoted(line) or _is_wrapped_quote(lines, index):
            kinds[index] = _QUOTED
            index += 1
            continue
        if not line.strip():
            index += 1
            continue
        if _history_starts_at(lines, index):
            start = _history_lead_in(lines, index)
            kinds[start:] = [_QUOTED] * (count - start)
            break
        span = _reply_header_span(lines, index)
        if span:
            after = index + span
            while after < count and not lines[after].strip():
                after += 1
            if after < count and _is_quoted(lines[after]):
                kinds[index:after] = [_QUOTED] * (after - index)
                index = after
                continue
            kinds[index:] = [_QUOTED] * (count - index)
            break
        if _signature_starts_at(lines, index):
            end = index + 1
            while end < count and not (
                _is_quoted(lines[end])
                or _history_starts_at(lines, end)
                or (lines[end].strip() and _reply_header_span(lines, end))
            ):
                end += 1
            kinds[index:end] = [_QUOTED] * (end - index)
            index = end
            continue
        index += 1
    return kinds


def _is_wrapped_quote(lines: Sequence[str], index: int) -> bool:
    """An unquoted line between two quoted ones is a quoted line some client wrapped without its ``>``."""
    return (
        0 < index < len(lines) - 1
        and bool(lines[index].strip())
        and _is_quoted(lines[index - 1])
        and bool(lines[index - 1].strip(" >"))
        and _is_quoted(lines[index + 1])
    )


def _history_lead_in(lines: Sequence[str], index: int) -> int:
    """Where history really begins: separator lines and a "Message du : <date>" line above it belong to it."""
    start = index
    position = index - 1
    while position >= 0:
        text = lines[position]
        if not text.strip() or _SEPARATOR.match(text) or _DATED_LABEL.match(text):
            if text.strip():
                start = position
            position -= 1
            continue
        break
    return start


def _join(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
