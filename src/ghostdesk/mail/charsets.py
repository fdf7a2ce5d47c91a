"""Bytes of unknown or mislabelled encoding to text, and RFC 2047 header words to text, never failing.

Buyer mail is written by every mail program there is, and many of them lie about their charset: a body
declared ``iso-8859-1`` that is really UTF-8, ``gb2312`` that is really UTF-8, ``us-ascii`` with 8-bit
bytes, or a charset name no codec knows. The reader must still show the words, so decoding follows a
fixed ladder (declared, then UTF-8, then Windows-1252, then Latin-1) and says which rung it used in a
short defect string, so the agent and the logs can see that a guess was made.
"""

from __future__ import annotations

import binascii
import codecs
import re

# Labels mail programs use that Python does not know, or knows by a narrower codec than the sender meant
# (WHATWG's encoding standard makes the same substitutions: Latin-1 and ASCII labels are read as
# Windows-1252, GB2312 as GB18030, EUC-KR as CP949).
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "iso-8859-8-i": "iso-8859-8",
    "iso-8859-6-i": "iso-8859-6",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cn-gb": "gb18030",
    "euc-cn": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "x-sjis": "cp932",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "windows-31j": "cp932",
    "x-mac-roman": "mac_roman",
    "macintosh": "mac_roman",
    "unicode-1-1-utf-7": "utf-7",
    "utf8": "utf-8",
    "unicode": "utf-8",
    "windows-874": "cp874",
    "tis-620": "cp874",
}

# Codecs that exist in Python but must never decode mail: they interpret escapes or are not charsets.
_REFUSED_CODECS = frozenset(
    {"undefined", "unicode_escape", "raw_unicode_escape", "punycode", "idna", "mbcs", "oem", "palmos"}
)

# Single-byte codecs in which any byte string decodes "successfully": for these a strict decode proves
# nothing, so valid UTF-8 with non-ASCII bytes is taken to be UTF-8 that was mislabelled.
_PERMISSIVE_SINGLE_BYTE = re.compile(r"^(ascii|latin_1|iso8859_\d+|cp125\d|cp437|cp850|mac_roman|koi8_[ru])$")

_MAX_LABEL = 40


def normalise_label(label: str | None) -> str | None:
    """A charset label as mail carries it, made comparable: lower-case, unquoted, trimmed; None if empty."""
    if not label:
        return None
    cleaned = label.strip().strip("\"'").strip().lower()
    return cleaned[:_MAX_LABEL] or None


def python_codec(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when no safe text codec matches it."""
    name = normalise_label(label)
    if name is None:
        return None
    name = _LABEL_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    canonical = info.name.replace("-", "_")  # "iso8859-2" and "iso8859_2" are the same codec
    if canonical in _REFUSED_CODECS or not getattr(info, "_is_text_encoding", True):
        return None
    return canonical


def _mostly_utf8(data: bytes) -> bool:
    """Undeclared bytes that are UTF-8 but for a stray byte or two (a cut header, one Latin-1 letter)."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 0x7F) - broken
    return broken <= 2 and valid >= 2 * broken


def _few_replacements(text: str) -> bool:
    """True when a lossy decode lost so little that it is better than a wholesale guess."""
    return text.count("\ufffd") <= max(2, len(text) // 100)


def decode_bytes(data: bytes, declared: str | None) -> tuple[str, list[str]]:
    """Decode ``data`` declared as ``declared``; returns the text and the defects of the guesswork.

    The ladder: the declared codec (strict), UTF-8 (strict), the declared multi-byte codec with a few
    replacements, Windows-1252 (strict), Latin-1 (which cannot fail). Valid UTF-8 declared as a
    single-byte charset is read as UTF-8: a real Latin-1 text is almost never valid UTF-8.
    """
    defects: list[str] = []
    if not data:
        return "", defects
    label = normalise_label(declared)
    codec = python_codec(label)
    if label is not None and codec is None:
        defects.append(f"undecodable_charset:{label}")
    if codec is not None and _PERMISSIVE_SINGLE_BYTE.match(codec) and not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            defects.append(f"mislabelled_charset:{label}")
            return text, defects
    if codec is not None:
        try:
            return data.decode(codec), defects
        except (UnicodeDecodeError, LookupError):
            pass
    if codec != "utf_8":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if codec is not None:
                defects.append(f"mislabelled_charset:{label}")
            return text, defects
        if codec is None and _mostly_utf8(data):
            defects.append("charset_errors:utf-8")
            return data.decode("utf-8", errors="replace"), defects
    if codec is not None and not _PERMISSIVE_SINGLE_BYTE.match(codec):
        # Declared multi-byte text with a few broken bytes is still best read in its own charset.
        # (Undeclared text that is not valid UTF-8 is far more likely Windows-1252 than broken UTF-8.)
        text = data.decode(codec, errors="replace")
        if _mostly_utf8(data) if codec == "utf_8" else _few_replacements(text):
            defects.append(f"charset_errors:{label}")
            return text, defects
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        defects.append("charset_fallback:latin-1")
    else:
        defects.append("charset_fallback:cp1252")
    return text, defects


def recover_raw_header(value: str) -> tuple[str, list[str]]:
    """Undo the parser's surrogate escapes in a header that carried raw 8-bit bytes (no RFC 2047)."""
    if not _has_surrogates(value):
        return value, []
    raw = value.encode("utf-8", "surrogateescape")
    text, defects = decode_bytes(raw, None)
    return text, ["raw_8bit_header", *defects]


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_FOLD = re.compile(r"\r?\n(?=[ \t])")
_NEWLINES = re.compile(r"[\r\n]+")
_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,80})\?([bBqQ])\?([^?]*?)(?:\?=|$)")
_Q_ESCAPE = re.compile(rb"=([0-9A-Fa-f]{2})")


def unfold(value: str) -> str:
    """RFC 5322 unfolding, plus stray line breaks (which some mailers leave) turned into spaces."""
    return _NEWLINES.sub(" ", _FOLD.sub("", value))


def _decode_word_payload(encoding: str, payload: str) -> bytes | None:
    if encoding in "bB":
        compact = "".join(payload.split())
        if len(compact) % 4 == 1:
            compact = compact[:-1]
        compact += "=" * (-len(compact) % 4)
        try:
            return binascii.a2b_base64(compact)
        except (binascii.Error, ValueError):
            return None
    raw = payload.replace("_", " ").encode("utf-8", "surrogateescape")
    return _Q_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)


def decode_words(value: str) -> tuple[str, list[str]]:
    """Decode RFC 2047 encoded words in an unstructured header value, leniently.

    Accepts what real mail contains beyond the RFC: words glued to text without whitespace, a missing
    final ``?=``, language tags (``utf-8*en``), unknown charsets, and multi-byte characters split across
    two adjacent words (their bytes are joined before decoding). Whitespace between two encoded words is
    dropped, as the RFC says.
    """
    value, defects = recover_raw_header(unfold(value))
    if "=?" not in value:
        return value, defects
    out: list[str] = []
    pending_charset: str | None = None
    pending_bytes = bytearray()

    def flush() -> None:
        nonlocal pending_charset
        if pending_charset is not None:
            text, word_defects = decode_bytes(bytes(pending_bytes), pending_charset)
            out.append(text)
            defects.extend(word_defects)
        pending_bytes.clear()
        pending_charset = None

    position = 0
    for match in _ENCODED_WORD.finditer(value):
        between = value[position : match.start()]
        if between and not (between.isspace() and pending_charset is not None):
            flush()
            out.append(between)
        charset = match.group(1).split("*", 1)[0]
        payload = _decode_word_payload(match.group(2), match.group(3))
        if payload is None:
            flush()
            out.append(match.group(0))
            defects.append("bad_encoded_word")
        else:
            if pending_charset is not None and normalise_label(charset) != normalise_label(pending_charset):
                flush()
            pending_charset = charset
            pending_bytes.extend(payload)
        position = match.end()
    flush()
    out.append(value[position:])
    return "".join(out), list(dict.fromkeys(defects))
