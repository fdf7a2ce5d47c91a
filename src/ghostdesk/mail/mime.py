"""Raw email bytes to headers, readable text and a list of attachments, for any input, quickly.

Why the structure is parsed with ``compat32`` and not ``policy.default``: the modern policy builds a
header object for every header of every part while parsing, which costs 2 s on a 3 MB message with
3,000 parts (the corpus's ``enclosed-endless.eml``) and can raise on malformed headers; ``compat32``
parses the same tree in a tenth of the time and never interprets a header until asked. Headers we need
are then decoded on purpose: addresses through ``policy.default``'s header registry (falling back to
``email.utils.getaddresses`` and a plain search when it raises), everything else through the lenient
RFC 2047 decoder in :mod:`ghostdesk.mail.charsets`.

Limits protect the Lambda from hostile or broken mail: nesting deeper than ``MAX_DEPTH``, more than
``MAX_PARTS`` parts, or a nesting the standard parser cannot recurse into, are read as far as is safe and
reported in ``defects`` rather than raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from ghostdesk.mail.charsets import decode_bytes, decode_words, recover_raw_header, unfold
from ghostdesk.mail.html_text import html_to_text, looks_like_html
from ghostdesk.models import Attachment

MAX_DEPTH = 16
MAX_PARTS = 256
MAX_MULTIPART_DECLARATIONS = 120  # beyond this the standard parser's recursion is at risk
MAX_TEXT_CHARS = 500_000
MAX_HEADER_CHARS = 8_192  # decoded header values are cut here: no legitimate header is longer
_ADDRESS_HEADER_INPUT = 16_384


class UnreadableEmail(ValueError):
    """The bytes are not an email at all (empty, or no header block): nothing can be read from them."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ParsedEmail:
    """What the MIME layer can tell about a message, before any notion of channels or quoting."""

    headers: tuple[tuple[str, str], ...]  # (lower-case name, decoded unfolded value), in message order
    subject: str
    from_name: str
    from_address: str
    to: tuple[str, ...]
    reply_to: str | None
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    date: datetime | None
    text: str
    html_only: bool
    attachments: tuple[Attachment, ...]
    defects: tuple[str, ...]

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (any case), decoded, or None."""
        wanted = name.lower()
        for key, value in self.headers:
            if key == wanted:
                return value
        return None


# -- entry point -------------------------------------------------------------------------------------

_HEADER_LINE = re.compile(rb"^[A-Za-z0-9][A-Za-z0-9_.-]{0,75}[ \t]*:")
_MULTIPART_DECLARATION = re.compile(rb"(?i)content-type:[ \t]*(?:multipart|message)/")
_KNOWN_HEADERS = frozenset(
    {
        b"from",
        b"to",
        b"cc",
        b"subject",
        b"date",
        b"message-id",
        b"received",
        b"return-path",
        b"mime-version",
        b"content-type",
        b"delivered-to",
        b"reply-to",
        b"sender",
        b"x-original-to",
        b"dkim-signature",
        b"authentication-results",
        b"content-transfer-encoding",
        b"in-reply-to",
        b"references",
    }
)


def parse_email(raw: bytes) -> ParsedEmail:
    """Parse ``raw`` (RFC 5322 bytes as SES stores them); raises only :class:`UnreadableEmail`."""
    raw = _strip_leading_noise(raw)
    _require_header_block(raw)
    defects: list[str] = []
    message, flat = _parse_tree(raw, defects)
    collector = _BodyCollector(defects)
    if flat:
        collector.collect_flat(message)
    else:
        collector.visit(message, 0)
    headers = _decoded_headers(message, defects)
    text, html_only = collector.result()
    if html_only:
        defects.append("html_only")
    from_name, from_address = _first_address(message, "from", defects)
    reply_to = _first_address(message, "reply-to", defects)[1] or None
    return ParsedEmail(
        headers=headers,
        subject=_first(headers, "subject") or "",
        from_name=from_name,
        from_address=from_address,
        to=tuple(addr for _, addr in _addresses(message, "to", defects) if addr),
        reply_to=reply_to,
        message_id=_first_msgid(_first(headers, "message-id")),
        in_reply_to=_first_msgid(_first(headers, "in-reply-to")),
        references=_msgids(" ".join(v for k, v in headers if k == "references")),
        date=_parse_date(_first(headers, "date"), defects),
        text=text,
        html_only=html_only,
        attachments=tuple(collector.attachments),
        defects=tuple(dict.fromkeys(defects)),
    )


def _strip_leading_noise(raw: bytes) -> bytes:
    """Drop a byte-order mark and blank lines before the first header (they hide the whole header block)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    while raw:
        line_end = raw.find(b"\n")
        line = raw if line_end < 0 else raw[: line_end + 1]
        if line.strip():
            break
        raw = b"" if line_end < 0 else raw[line_end + 1 :]
    return raw


def _require_header_block(raw: bytes) -> None:
    if not raw.strip():
        raise UnreadableEmail("empty")
    lines = raw[:65536].splitlines()
    if lines and lines[0].startswith(b"From "):  # mbox envelope line
        lines = lines[1:]
    if not lines or not _HEADER_LINE.match(lines[0]):
        raise UnreadableEmail("no_header_block")
    for line in lines:
        if not line.strip():
            break
        match = _HEADER_LINE.match(line)
        if match and line[: match.end() - 1].strip().lower() in _KNOWN_HEADERS:
            return
        if match and line.lower().startswith(b"x-"):
            return
    raise UnreadableEmail("no_header_block")


def _parse_tree(raw: bytes, defects: list[str]) -> tuple[Message, bool]:
    """The parsed tree, and whether it is only the top headers (nesting too deep to parse as a tree).

    The standard parser recurses once per nesting level and fails somewhere past a few hundred; a
    message declaring that many multiparts is read flat instead (every part found by its boundary line).
    """
    parser = BytesParser(policy=policy.compat32)
    if len(_MULTIPART_DECLARATION.findall(raw)) > MAX_MULTIPART_DECLARATIONS:
        defects.append("nesting_too_deep")
        return parser.parsebytes(raw, headersonly=True), True
    try:
        return parser.parsebytes(raw), False
    except RecursionError:
        defects.append("nesting_too_deep")
        return parser.parsebytes(raw, headersonly=True), True


# -- body ------------------------------------------------------------------------------------------

_DEFECT_NAMES = {
    "StartBoundaryNotFoundDefect": "missing_boundary",
    "NoBoundaryInMultipartDefect": "missing_boundary",
    "CloseBoundaryNotFoundDefect": "missing_final_boundary",
    "MissingHeaderBodySeparatorDefect": "missing_header_separator",
    "FirstHeaderLineIsContinuationDefect": "broken_first_header",
    "InvalidBase64PaddingDefect": "invalid_base64",
    "InvalidBase64CharactersDefect": "invalid_base64",
    "InvalidBase64LengthDefect": "invalid_base64",
    "MultipartInvariantViolationDefect": "",
}
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")
_BOUNDARY_LINE = re.compile(r"^--([^\s\"]{1,200}?)(?:--)?[ \t]*\r?$", re.MULTILINE)
_BODY_TEXT_TYPES = frozenset({"text/plain", "text/html"})


def _defect_name(defect: object) -> str:
    name = type(defect).__name__
    if name in _DEFECT_NAMES:
        return _DEFECT_NAMES[name]
    return _CAMEL.sub("_", name.removesuffix("Defect")).lower()


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # a header value the parser cannot read: RFC 2045 says treat it as text/plain
        return "text/plain"


def _payload_bytes(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    payload = _undecoded_payload(part)
    if isinstance(payload, str):
        return payload.encode("utf-8", "surrogateescape")
    return b""


def _undecoded_payload(part: Message) -> str | list[Message]:
    """The payload as parsed, without the stdlib's charset guess (which raises on some RFC 2231 values)."""
    try:
        payload = part.get_payload()
    except Exception:
        payload = part.__dict__.get("_payload", "")
    if isinstance(payload, list):
        return [child for child in payload if isinstance(child, Message)]
    return payload if isinstance(payload, str) else ""


def _filename(part: Message) -> str | None:
    """The attachment's name: RFC 2231 and RFC 2047 decoded, raw UTF-8 (as Yahoo sends it) recovered."""
    source = part
    raw_headers = [
        (key, value)
        for key, value in _raw_headers(part)
        if key.lower() in ("content-disposition", "content-type")
    ]
    if any(_has_raw_bytes(value) for _, value in raw_headers):
        source = Message()
        for key, value in raw_headers:
            source[key] = recover_raw_header(value)[0]
    try:
        found = source.get_filename() or source.get_param("name")
    except Exception:
        return None
    name = found[2] if isinstance(found, tuple) else found  # an RFC 2231 value it could not collapse
    if not isinstance(name, str) or not name.strip():
        return None
    decoded, _ = decode_words(name)
    return decoded.strip()[:255]


def _has_raw_bytes(value: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in value)


class _BodyCollector:
    """Walks a parsed tree and gathers text blocks (plain or from HTML) and attachments."""

    def __init__(self, defects: list[str]) -> None:
        self.defects = defects
        self.blocks: list[tuple[str, str]] = []  # (kind "plain" | "html", text)
        self.attachments: list[Attachment] = []
        self.parts_seen = 0
        self.text_chars = 0

    def result(self) -> tuple[str, bool]:
        texts = [text for _, text in self.blocks if text.strip()]
        html_only = bool(texts) and all(kind == "html" for kind, text in self.blocks if text.strip())
        return "\n\n".join(t.strip("\n") for t in texts), html_only

    def _note_defects(self, part: Message) -> None:
        for defect in part.defects:
            name = _defect_name(defect)
            if name:
                self.defects.append(name)

    def visit(self, part: Message, depth: int) -> None:
        if self.parts_seen >= MAX_PARTS:
            self.defects.append("truncated_parts")
            return
        if depth > MAX_DEPTH:
            self.defects.append("nesting_too_deep")
            return
        self.parts_seen += 1
        self._note_defects(part)
        ctype = _content_type(part)
        payload = _undecoded_payload(part)
        if isinstance(payload, list):
            children = payload
            if ctype.startswith("message/"):
                self._visit_enclosed(part, children, depth)
            elif ctype == "multipart/alternative":
                self._visit_alternative(children, depth)
            else:
                for child in children:
                    self.visit(child, depth + 1)
            return
        if ctype.startswith("multipart/"):
            self._visit_broken_multipart(part, ctype, depth)
            return
        self._visit_leaf(part, ctype)

    def _visit_alternative(self, children: list[Message], depth: int) -> None:
        """Take the plain-text alternative when it says something, else the richest one that does."""
        typed = [(c, _content_type(c)) for c in children]

        def rank(item: tuple[Message, str]) -> int:
            ctype = item[1]
            if ctype == "text/plain":
                return 0
            if ctype.startswith("multipart/"):
                return 1
            if ctype == "text/html":
                return 2
            return 3

        for child, _ in sorted(typed, key=rank):
            mark = (len(self.blocks), len(self.attachments))
            self.visit(child, depth + 1)
            if any(text.strip() for _, text in self.blocks[mark[0] :]):
                return
            del self.blocks[mark[0] :]
            del self.attachments[mark[1] :]
            if self.parts_seen >= MAX_PARTS:
                return

    def _visit_enclosed(self, part: Message, payload: list[Message], depth: int) -> None:
        """An attached message: listed when it is an attachment, shown as forwarded history when inline."""
        inner = payload[0] if payload else None
        if inner is None:
            return
        if part.get_content_disposition() == "attachment":
            subject, _ = decode_words(str(inner.get("subject", "") or ""))
            name = _filename(part) or (subject.strip()[:120] + ".eml" if subject.strip() else None)
            self.attachments.append(Attachment(name, _content_type(part), _enclosed_size(inner)))
            return
        header_lines = ["---------- Forwarded message ----------"]
        for label in ("From", "Date", "Subject", "To"):
            value = inner.get(label)
            if value is not None:
                decoded, _ = decode_words(str(value))
                header_lines.append(f"{label}: {decoded.strip()[:MAX_HEADER_CHARS]}")
        self.blocks.append(("plain", "\n".join(header_lines)))
        mark = len(self.blocks)
        self.visit(inner, depth + 1)
        if len(self.blocks) == mark:  # nothing readable inside: drop the lone header block
            self.blocks.pop()

    def _visit_broken_multipart(self, part: Message, ctype: str, depth: int) -> None:
        """A multipart whose boundary never appears: find the boundary actually used, else read it as text."""
        self.defects.append("missing_boundary")
        body = _undecoded_payload(part)
        if not isinstance(body, str):
            return
        boundary = _guess_boundary(body)
        if boundary is not None:
            header = f'Content-Type: {ctype}; boundary="{boundary}"\n\n'.encode()
            try:
                recovered = BytesParser(policy=policy.compat32).parsebytes(
                    header + body.encode("utf-8", "surrogateescape")
                )
            except RecursionError:
                recovered = None
            if recovered is not None and recovered.is_multipart():
                self.defects.append("recovered_boundary")
                self.visit(recovered, depth + 1)
                return
        self._add_text(_payload_bytes(part), part.get_content_charset(), sniff_html=True)

    def _visit_leaf(self, part: Message, ctype: str) -> None:
        disposition = part.get_content_disposition()
        if ctype in _BODY_TEXT_TYPES and disposition != "attachment":
            self._add_text(_payload_bytes(part), part.get_content_charset(), html=ctype == "text/html")
            self._flowed(part)
            self._note_defects(part)  # base64 defects are registered while decoding
            return
        data = _payload_bytes(part)
        self._note_defects(part)
        self.attachments.append(Attachment(_filename(part), ctype, len(data)))

    def _flowed(self, part: Message) -> None:
        """RFC 3676 format=flowed: join soft-broken lines so quoted lines and sentences stay whole."""
        if str(part.get_param("format", "") or "").lower() != "flowed" or not self.blocks:
            return
        delsp = str(part.get_param("delsp", "") or "").lower() == "yes"
        kind, text = self.blocks[-1]
        if kind == "plain":
            self.blocks[-1] = (kind, unflow(text, delsp=delsp))

    def _add_text(
        self, data: bytes, charset: str | None, *, html: bool = False, sniff_html: bool = False
    ) -> None:
        if self.text_chars >= MAX_TEXT_CHARS:
            self.defects.append("text_truncated")
            return
        text, charset_defects = decode_bytes(data, charset)
        self.defects.extend(charset_defects)
        if html or (sniff_html and looks_like_html(text)):
            text, html_defects = html_to_text(text)
            self.defects.extend(html_defects)
            kind = "html"
        else:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            kind = "plain"
        if self.text_chars + len(text) > MAX_TEXT_CHARS:
            text = text[: MAX_TEXT_CHARS - self.text_chars]
            self.defects.append("text_truncated")
        self.text_chars += len(text)
        self.blocks.append((kind, text))

    def collect_flat(self, message: Message) -> None:
        """Read a message parsed headers-only: every leaf part found by its boundary line, in order."""
        body = _undecoded_payload(message)
        if isinstance(body, str) and _content_type(message).startswith("multipart/"):
            for chunk in _flat_chunks(body):
                if self.parts_seen >= MAX_PARTS:
                    self.defects.append("truncated_parts")
                    break
                part = BytesParser(policy=policy.compat32).parsebytes(chunk, headersonly=True)
                ctype = _content_type(part)
                if ctype.startswith(("multipart/", "message/")):
                    continue
                self.parts_seen += 1
                self._visit_leaf(part, ctype)
        if not self.blocks and not self.attachments:
            self._add_text(_payload_bytes(message), message.get_content_charset(), sniff_html=True)


def unflow(text: str, *, delsp: bool) -> str:
    """Join RFC 3676 soft line breaks (a line ending in a space continues on the next line)."""
    out: list[str] = []
    carry: str | None = None
    carry_depth = -1
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" ") and depth:
            content = content[1:]
        if carry is not None and depth == carry_depth:
            content = carry + content
        elif carry is not None:
            out.append((">" * carry_depth + (" " if carry_depth else "")) + carry)
        carry = None
        if content.endswith(" ") and content.strip() != "--":
            carry = content[:-1] if delsp else content
            carry_depth = depth
            continue
        out.append((">" * depth + (" " if depth else "")) + content)
    if carry is not None:
        out.append((">" * carry_depth + (" " if carry_depth else "")) + carry)
    return "\n".join(out)


def _guess_boundary(body: str) -> str | None:
    """The boundary a broken multipart really uses: a ``--token`` line followed by MIME part headers."""
    counts: dict[str, int] = {}
    for match in _BOUNDARY_LINE.finditer(body):
        following = body[match.end() : match.end() + 200].lstrip("\r\n")
        if following[:8].lower() == "content-":
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda key: counts[key])


def _flat_chunks(body: str) -> list[bytes]:
    raw = body.encode("utf-8", "surrogateescape")
    starts: list[tuple[int, int]] = []
    for match in re.finditer(rb"^--[^\s\"]{1,200}[ \t]*\r?$", raw, re.MULTILINE):
        starts.append((match.start(), match.end()))
    chunks: list[bytes] = []
    for index, (_, end) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(raw)
        chunk = raw[end:stop].lstrip(b"\r\n")
        if chunk[:8].lower() == b"content-":
            chunks.append(chunk)
        if len(chunks) > MAX_PARTS:
            break
    return chunks


def _enclosed_size(inner: Message) -> int:
    try:
        return len(inner.as_bytes())
    except Exception:
        return 0


# -- headers ---------------------------------------------------------------------------------------


def _decoded_headers(message: Message, defects: list[str]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for name, value in _raw_headers(message):
        raw_value = value
        if len(raw_value) > 4 * MAX_HEADER_CHARS:
            raw_value = raw_value[: 4 * MAX_HEADER_CHARS]
            defects.append(f"header_truncated:{name.lower()[:40]}")
        decoded, header_defects = decode_words(raw_value)
        defects.extend(header_defects)
        if len(decoded) > MAX_HEADER_CHARS:
            decoded = decoded[:MAX_HEADER_CHARS]
            defects.append(f"header_truncated:{name.lower()[:40]}")
        out.append((name.strip().lower(), decoded.strip()))
    return tuple(out)


def _raw_headers(message: Message) -> list[tuple[str, str]]:
    """Header values exactly as received (8-bit bytes still surrogate-escaped, not replaced by U+FFFD)."""
    return [(name, value if isinstance(value, str) else str(value)) for name, value in message.raw_items()]


def _first(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    for key, value in headers:
        if key == name:
            return value
    return None


_ADDR_SPEC = re.compile(r"[^\s<>()\[\]\"',;:]+@[^\s<>()\[\]\"',;:]+\.[^\s<>()\[\]\"',;:]+")


def _addresses(message: Message, name: str, defects: list[str]) -> list[tuple[str, str]]:
    """(display name, lower-case addr-spec) pairs of a header, by the most capable parser that copes."""
    values = [value for key, value in _raw_headers(message) if key.lower() == name]
    if not values:
        return []
    text, raw_defects = recover_raw_header(unfold(", ".join(values)))
    defects.extend(raw_defects)
    text = text[:_ADDRESS_HEADER_INPUT]
    pairs: list[tuple[str, str]] = []
    try:
        parsed = policy.default.header_factory(name, text)
        pairs = [(a.display_name, a.addr_spec) for a in parsed.addresses]
    except Exception:
        defects.append(f"bad_address_header:{name}")
        try:
            pairs = getaddresses([text])
        except Exception:
            pairs = []
    result: list[tuple[str, str]] = []
    for display, addr in pairs:
        addr = (addr or "").strip().strip("<>").lower()
        if "@" not in addr:
            continue
        display_text, _ = decode_words(display or "")
        result.append((display_text.strip().strip("\"'").strip(), addr))
    if not result:
        found = _ADDR_SPEC.search(text)
        if found:
            result.append(("", found.group(0).lower()))
    return result


def _first_address(message: Message, name: str, defects: list[str]) -> tuple[str, str]:
    found = _addresses(message, name, defects)
    return found[0] if found else ("", "")


_MSGID = re.compile(r"<[^<>\s]{1,500}>")


def _first_msgid(value: str | None) -> str | None:
    if not value:
        return None
    found = _MSGID.search(value)
    if found:
        return found.group(0)
    stripped = value.strip()
    return stripped.split()[0] if stripped else None


def _msgids(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_MSGID.findall(value)))


def _parse_date(value: str | None, defects: list[str]) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append("bad_date")
        return None
    if parsed.tzinfo is None:  # "-0000": the sender did not know its zone; RFC 5322 says read it as UTC
        parsed = parsed.replace(tzinfo=UTC)
    return parsed
