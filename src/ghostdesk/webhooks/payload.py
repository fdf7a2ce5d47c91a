"""What a webhook sends: one buyer message, as JSON or as a submitted form, read into a BuyerMessage.

The body (``application/json``, or ``application/x-www-form-urlencoded`` as an HTML form posts it)::

    {"email": "anna@example.net",          required: where the answer goes
     "message": "Where is my order ...?",  required: the buyer's words ("body" and "text" are accepted too)
     "name": "Anna Kowalski",              optional
     "subject": "Order 113-...",           optional
     "id": "ticket-4711",                  optional: the sender's own ID; a resend with it is a duplicate
     "language": "de"}                     optional: a hint when the text is too short to tell

The message becomes the same :class:`~ghostdesk.models.BuyerMessage` a parsed email does (channel
``webhook``, the sender's address as reply address, quoted history split off, language detected), so
triage, guards, diagnosis and replies treat it exactly like mail.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl

from ghostdesk.mail.compose import clean_header_text
from ghostdesk.mail.language import detect_language
from ghostdesk.mail.quoting import split_reply
from ghostdesk.models import BuyerMessage, Channel
from ghostdesk.webhooks.errors import InvalidPayload, PayloadTooLarge

MAX_BODY_BYTES = 64 * 1024
MAX_TEXT_CHARS = 20_000
_ADDRESS = re.compile(
    r"^[^@\s<>\"(),;:\\\[\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$"
)
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class WebhookMessage:
    email: str
    text: str
    name: str = ""
    subject: str = ""
    sender_id: str | None = None
    language: str | None = None


def _fields(body: bytes, content_type: str) -> dict[str, object]:
    media = content_type.split(";", 1)[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidPayload("the body must be UTF-8") from None
    if media == "application/x-www-form-urlencoded":
        return dict(parse_qsl(text, keep_blank_values=True, max_num_fields=50))
    try:
        document = json.loads(text)
    except ValueError:
        raise InvalidPayload("the body must be a JSON object (or a submitted form)") from None
    if not isinstance(document, dict):
        raise InvalidPayload("the body must be a JSON object")
    return document


def _text(fields: dict[str, object], *names: str) -> str:
    for name in names:
        value = fields.get(name)
        if value is None:
            continue
        if not isinstance(value, str | int):
            raise InvalidPayload(f"{name} must be text")
        return str(value)
    return ""


def read_payload(body: bytes, content_type: str | None) -> WebhookMessage:
    if len(body) > MAX_BODY_BYTES:
        raise PayloadTooLarge(f"the body is larger than {MAX_BODY_BYTES} bytes")
    fields = _fields(body, content_type or "application/json")
    email = _text(fields, "email").strip().lower()
    if not _ADDRESS.match(email):
        raise InvalidPayload("email must be the buyer's email address")
    text = _TEXT_CONTROL.sub("", _text(fields, "message", "body", "text")).strip()
    if not text:
        raise InvalidPayload("message must hold the buyer's words")
    language = _text(fields, "language").strip().lower() or None
    sender_id = clean_header_text(_text(fields, "id"), limit=200) or None
    return WebhookMessage(
        email=email,
        text=text[:MAX_TEXT_CHARS],
        name=clean_header_text(_text(fields, "name"), limit=200),
        subject=clean_header_text(_text(fields, "subject"), limit=500),
        sender_id=sender_id,
        language=language if language and _LANGUAGE.match(language) else None,
    )


def buyer_message(
    payload: WebhookMessage, *, channel: str, received_at: datetime, default_language: str
) -> BuyerMessage:
    fresh, quoted = split_reply(payload.text)
    rfc_id = (
        f"<{re.sub(r'[^A-Za-z0-9._-]', '_', payload.sender_id)}@{channel}.webhook.ghostdesk>"
        if payload.sender_id
        else None
    )
    return BuyerMessage(
        message_id=rfc_id,
        subject=payload.subject,
        from_address=payload.email,
        from_name=payload.name,
        to=(),
        date=received_at,
        in_reply_to=None,
        references=(),
        text=payload.text,
        fresh_text=fresh,
        quoted_text=quoted,
        channel=Channel.WEBHOOK,
        language=detect_language(fresh or payload.text, payload.language or default_language),
    )
