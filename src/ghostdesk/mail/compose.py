"""Outgoing replies as MIME: threaded, properly marked, and safe from header injection.

Everything a buyer controls (their subject, their display name) is sanitised before it reaches a
header: CR/LF and other control characters are removed, so no buyer can add a Bcc or a second body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_REPLY_PREFIX = re.compile(r"^\s*(re|aw|sv|antw|r|rif|ref|rv|res|tr)\s*(\[\d+\])?\s*:", re.IGNORECASE)
MAX_REFERENCES = 20


@dataclass(frozen=True)
class ReplyTarget:
    """What a reply needs from the message it answers."""

    to: str
    subject: str
    message_id: str | None
    references: tuple[str, ...] = ()


def clean_header_text(value: str, *, limit: int = 500) -> str:
    """One safe header line: control characters become spaces, whitespace collapses, length is capped.

    Lone surrogates (what undecodable bytes of a broken header become) are replaced, since no message
    holding one can be written out as bytes.
    """
    return " ".join(_SURROGATE.sub("\ufffd", _CONTROL.sub(" ", value)).split())[:limit]


def reply_subject(subject: str) -> str:
    subject = clean_header_text(subject)
    if not subject:
        return "Re: your message"
    return subject if _REPLY_PREFIX.match(subject) else f"Re: {subject}"


def thread_references(target: ReplyTarget) -> tuple[str, ...]:
    refs = [r for r in target.references if r]
    if target.message_id and target.message_id not in refs:
        refs.append(target.message_id)
    if len(refs) > MAX_REFERENCES:  # RFC 5322 3.6.4: keep the root and the most recent
        refs = [refs[0], *refs[-(MAX_REFERENCES - 1) :]]
    return tuple(clean_header_text(r, limit=250) for r in refs)


def compose_reply(
    target: ReplyTarget,
    *,
    sender: str,
    sender_name: str,
    text: str,
    html: str | None,
    language: str,
    now: datetime,
    auto_submitted: bool,
) -> EmailMessage:
    """A reply to ``target`` with text (and HTML) alternatives.

    ``auto_submitted`` marks acknowledgements per RFC 3834 (``auto-replied``) so that other robots do
    not answer them; an agent-approved reply is a human answer and carries no such mark.
    """
    msg = EmailMessage()
    local, _, domain = sender.partition("@")
    msg["From"] = Address(
        display_name=clean_header_text(sender_name, limit=100), username=local, domain=domain
    )
    msg["To"] = clean_header_text(target.to, limit=320)
    msg["Subject"] = reply_subject(target.subject)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain=domain or None)
    if target.message_id:
        msg["In-Reply-To"] = clean_header_text(target.message_id, limit=250)
    refs = thread_references(target)
    if refs:
        msg["References"] = " ".join(refs)
    if auto_submitted:
        msg["Auto-Submitted"] = "auto-replied"
        msg["X-Auto-Response-Suppress"] = "All"
    msg.set_content(text, subtype="plain", charset="utf-8")
    if html:
        msg.add_alternative(html, subtype="html", charset="utf-8")
    # After the body: set_content() replaces every Content-* header of the message.
    msg["Content-Language"] = clean_header_text(language, limit=8)
    return msg
