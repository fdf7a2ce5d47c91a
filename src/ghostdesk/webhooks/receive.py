"""``POST /webhooks/{channel}``: a signed message from another channel, verified, then taken in like mail.

In order, and nothing is stored before the last step:

1. the channel must exist (a key in the webhook secret), else 404;
2. the signature must hold and be fresh (:mod:`.signatures`), else 401;
3. the body must be a message (:mod:`.payload`), else 400;
4. it must not be a replay, else 401: a ghostdesk-scheme signature is taken in once; a Shopify delivery
   ID is bound to the body it first came with, and a body to its delivery ID (Shopify's retries keep
   the ID; a captured body re-sent under fresh headers does not). A request seen before is refused only
   once its message was taken in, so a sender's retry after a failure on our side still gets through;
5. the raw request is kept in the raw-mail bucket (under ``webhook/``) and the message goes through
   :func:`ghostdesk.pipeline.ingest.ingest_message`: the same guards, record and hand-on as mail.

The message's ID is derived from the channel and the body, so a retried delivery finds the stored
message and is answered ``duplicate`` without a second acknowledgement.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ghostdesk.observability import logger
from ghostdesk.pipeline.ingest import IngestDeps, IngestResult, ingest_message
from ghostdesk.records import MessageRecord, MessageStatus
from ghostdesk.webhooks.channels import CHANNEL_NAME, ChannelDirectory
from ghostdesk.webhooks.errors import UnknownChannel, WebhookError, WebhookRejected
from ghostdesk.webhooks.payload import buyer_message, read_payload
from ghostdesk.webhooks.signatures import REPLAY_WINDOW, Delivery, Scheme, verify

RAW_PREFIX = "webhook/"
_MEDIA_TYPE = re.compile(r"^[a-z0-9.+-]+/[a-z0-9.+-]+$")


@dataclass
class WebhookDeps:
    channels: ChannelDirectory
    ingest: IngestDeps
    clock: Callable[[], datetime]
    window: timedelta = REPLAY_WINDOW


@dataclass(frozen=True)
class WebhookOutcome:
    channel: str
    message_id: str
    duplicate: bool
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "result": "duplicate" if self.duplicate else "accepted",
            "message_id": self.message_id,
            "status": self.status,
        }


def receive_webhook(
    channel: str, headers: Mapping[str, str], body: bytes, deps: WebhookDeps
) -> WebhookOutcome:
    try:
        return _receive(channel, headers, body, deps)
    except WebhookError as exc:
        # The channel name is ours (it matched a key) or a short code; never the request's content.
        logger.warning(
            "webhook refused",
            extra={"channel": channel if CHANNEL_NAME.match(channel) else None, "code": exc.code},
        )
        raise


def _receive(channel: str, headers: Mapping[str, str], body: bytes, deps: WebhookDeps) -> WebhookOutcome:
    keys = deps.channels.keys_for(channel) if CHANNEL_NAME.match(channel) else None
    if keys is None:
        raise UnknownChannel(f"no webhook channel {channel[:40]!r} is configured")
    now = deps.clock()
    delivery = verify(keys.scheme, body, headers, keys.secrets, now=now, window=deps.window)
    payload = read_payload(body, _content_type(headers))
    message_id = f"wh-{channel}-{delivery.body_digest[:40]}"
    _guard_replay(channel, delivery, message_id, deps, now)
    settings = deps.ingest.settings
    raw_key = f"{RAW_PREFIX}{channel}/{message_id}"
    if deps.ingest.messages.get(message_id) is None:  # a retry finds its request kept already
        deps.ingest.raw_mail.put(raw_key, body, content_type=_media_type(headers))
    record = MessageRecord(
        message_id=message_id,
        received_at=now,
        status=MessageStatus.RECEIVED,
        raw_bucket=deps.ingest.raw_mail.bucket,
        raw_key=raw_key,
        expires_at=int((now + timedelta(days=settings.retention_days)).timestamp()),
    )
    message = buyer_message(
        payload, channel=channel, received_at=now, default_language=settings.default_language
    )
    result = ingest_message(record, message, deps.ingest)
    stored = deps.ingest.messages.get(message_id)
    status = stored[0].status.value if stored else MessageStatus.RECEIVED.value
    logger.info(
        "webhook received",
        extra={"channel": channel, "message_id": message_id, "result": result.value, "status": status},
    )
    return WebhookOutcome(channel, message_id, result is IngestResult.DUPLICATE, status)


def _media_type(headers: Mapping[str, str]) -> str:
    media = (_content_type(headers) or "").split(";", 1)[0].strip().lower()
    return media if _MEDIA_TYPE.match(media) else "application/json"


def _content_type(headers: Mapping[str, str]) -> str | None:
    for key, value in headers.items():
        if key.lower() == "content-type":
            return value
    return None


def _guard_replay(
    channel: str, delivery: Delivery, message_id: str, deps: WebhookDeps, now: datetime
) -> None:
    """Refuse a delivery seen before (see the module doc).

    A claim alone would turn a sender's retry after our own failure into a "replay"; so a delivery seen
    before is refused only once its message was fully taken in. Until then, taking it in again is
    exactly what must happen, and it cannot store anything twice (the message ID is the body's).
    """
    messages = deps.ingest.messages
    expires_at = int((now + timedelta(days=deps.ingest.settings.retention_days)).timestamp())
    if delivery.scheme is Scheme.GHOSTDESK:
        seen = messages.claim_once(
            f"webhook|{channel}|signature|{delivery.delivery_id}",
            owner=uuid.uuid4().hex,
            expires_at=expires_at,
        )
        if seen is not None and _taken_in(message_id, deps):
            raise WebhookRejected("this signed request was received before", code="replayed")
        return
    other_body = messages.claim_once(
        f"webhook|{channel}|delivery|{delivery.delivery_id}",
        owner=delivery.body_digest,
        expires_at=expires_at,
    )
    if other_body is not None:
        raise WebhookRejected("this delivery ID came before with another body", code="replayed")
    other_id = messages.claim_once(
        f"webhook|{channel}|body|{delivery.body_digest}", owner=delivery.delivery_id, expires_at=expires_at
    )
    if other_id is not None and _taken_in(message_id, deps):
        raise WebhookRejected("this body came before under another delivery ID", code="replayed")


def _taken_in(message_id: str, deps: WebhookDeps) -> bool:
    found = deps.ingest.messages.get(message_id)
    return found is not None and found[0].handed_on
