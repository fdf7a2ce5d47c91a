"""Ingest: from an SES receipt to a stored message, handed on to acknowledgement and diagnosis.

Nothing is ever dropped. A mail that cannot be read is stored with the reason; a mail that fails a
guard is stored with the guard's reason and not answered. The record is written once (a redelivered
notification finds it and only finishes the hand-on if a previous attempt stopped short of it).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ghostdesk.aws.mail import RawMailStore
from ghostdesk.aws.queues import WorkQueue
from ghostdesk.aws.tables import MessageStore
from ghostdesk.mail.guards import acknowledgement_block_reason
from ghostdesk.mail.reader import UnreadableEmail, read_email
from ghostdesk.models import BuyerMessage
from ghostdesk.observability import logger, redact
from ghostdesk.pipeline.ses import SesReceipt
from ghostdesk.records import AckStatus, MessageRecord, MessageStatus
from ghostdesk.settings import Settings
from ghostdesk.triage import triage as triage_message

INLINE_PREFIX = "inline/"  # where ingest keeps mail that SES delivered inline (SNS action) instead of in S3


class IngestResult(StrEnum):
    HANDED_ON = "handed_on"
    STORED_ONLY = "stored_only"  # kept, but nothing to do (unreadable, quarantined, machine mail)
    DUPLICATE = "duplicate"


@dataclass
class IngestDeps:
    settings: Settings
    messages: MessageStore
    raw_mail: RawMailStore
    diagnose_queue: WorkQueue
    respond_queue: WorkQueue
    clock: Callable[[], datetime]


def ingest(receipt: SesReceipt, deps: IngestDeps) -> IngestResult:
    found = deps.messages.get(receipt.message_id)
    if found is not None:
        record = found[0]
        if record.handed_on:
            logger.info("duplicate delivery", extra={"message_id": receipt.message_id})
            return IngestResult.DUPLICATE
    else:
        record = _read_and_store(receipt, deps)
    return _hand_on(record, deps)


def _read_and_store(receipt: SesReceipt, deps: IngestDeps) -> MessageRecord:
    settings = deps.settings
    bucket, key = receipt.bucket, receipt.key
    if receipt.content is not None:
        raw = receipt.content
        if not (bucket and key):
            key = INLINE_PREFIX + receipt.message_id
            deps.raw_mail.put(key, raw)
            bucket = deps.raw_mail.bucket
    else:
        assert bucket
        assert key
        raw = deps.raw_mail.get(key, bucket=bucket)

    record = MessageRecord(
        message_id=receipt.message_id,
        received_at=receipt.timestamp,
        status=MessageStatus.RECEIVED,
        raw_bucket=bucket,
        raw_key=key,
        verdicts=receipt.verdicts,
        expires_at=int((receipt.timestamp + timedelta(days=settings.retention_days)).timestamp()),
    )
    record = _parse_into(record, raw, settings)
    record = _mark_resend(record, deps)
    if not deps.messages.put_new(record):
        # A parallel worker stored it first; continue from what it stored.
        stored = deps.messages.get(receipt.message_id)
        assert stored is not None
        return stored[0]
    logger.info(
        "message stored",
        extra={
            "message_id": record.message_id,
            "status": record.status.value,
            "status_reason": record.status_reason,
            "ack": record.ack_status.value if record.ack_status else None,
            "ack_reason": record.ack_reason,
            "channel": record.message.channel.value if record.message else None,
            "language": record.message.language if record.message else None,
            "raw_bytes": len(raw),
        },
    )
    return record


def _parse_into(record: MessageRecord, raw: bytes, settings: Settings) -> MessageRecord:
    try:
        message = read_email(raw, default_language=settings.default_language)
    except UnreadableEmail as exc:
        return record.with_changes(
            status=MessageStatus.UNREADABLE,
            status_reason=str(exc),
            ack_status=AckStatus.SUPPRESSED,
            ack_reason="unreadable",
        )
    except Exception as exc:  # the parser must never take a message down with it
        logger.exception("parser failed", extra={"message_id": record.message_id})
        return record.with_changes(
            status=MessageStatus.FAILED,
            status_reason=f"parser error: {type(exc).__name__}: {redact(str(exc))[:300]}",
            ack_status=AckStatus.SUPPRESSED,
            ack_reason="unreadable",
        )

    triage = triage_message(message)
    changes: dict[str, object] = {
        "message": message,
        "triage": triage,
        "thread_key": thread_key(message),
        "status": MessageStatus.PARSED,
    }
    failed = record.verdicts.failures()
    block = acknowledgement_block_reason(message, own_addresses=(settings.sender,))
    if failed:
        changes |= {
            "status": MessageStatus.QUARANTINED,
            "status_reason": "SES verdicts failed: " + ", ".join(failed),
            "ack_status": AckStatus.SUPPRESSED,
            "ack_reason": "verdict_failed",
        }
    elif block:
        changes |= {
            "ack_status": AckStatus.SUPPRESSED,
            "ack_reason": block,
            "status_reason": f"guard: {block}",
        }
    elif not triage.intent.is_order_status:
        changes |= {"ack_status": AckStatus.SUPPRESSED, "ack_reason": "not_order_status"}
    else:
        changes |= {"ack_status": AckStatus.PENDING}
    return record.with_changes(**changes)


def _mark_resend(record: MessageRecord, deps: IngestDeps) -> MessageRecord:
    """A buyer (or their mail server) sending the same email again gets no second answer."""
    message = record.message
    if record.status is not MessageStatus.PARSED or message is None or not message.message_id:
        return record
    first = deps.messages.claim_once(
        f"rfc|{message.from_address}|{message.message_id}",
        owner=record.message_id,
        expires_at=record.expires_at,
    )
    if first is None:
        return record
    return record.with_changes(
        status=MessageStatus.DUPLICATE,
        status_reason=f"same email as message {first}",
        ack_status=AckStatus.SUPPRESSED,
        ack_reason="duplicate",
    )


def _hand_on(record: MessageRecord, deps: IngestDeps) -> IngestResult:
    machine_mail = record.ack_reason not in (None, "not_order_status")
    if record.status is not MessageStatus.PARSED or machine_mail:
        deps.messages.update(record.message_id, handed_on=True)
        return IngestResult.STORED_ONLY
    # The acknowledgement is requested first: it must never wait behind a marketplace look-up.
    if record.ack_status is AckStatus.PENDING:
        deps.respond_queue.send({"kind": "acknowledge", "message_id": record.message_id})
    deps.diagnose_queue.send({"kind": "diagnose", "message_id": record.message_id})
    deps.messages.update(record.message_id, handed_on=True)
    return IngestResult.HANDED_ON


_SUBJECT_PREFIX = re.compile(
    r"^\s*((re|aw|sv|antw|r|rif|ref|rv|res|tr|fw|fwd|wg)\s*(\[\d+\])?\s*:\s*)+", re.I
)


def thread_key(message: BuyerMessage) -> str:
    """Identifies a conversation with one sender: the thread root, or the subject without Re:/Fwd:."""
    root = (message.references[0] if message.references else None) or message.in_reply_to
    if not root:
        root = " ".join(_SUBJECT_PREFIX.sub("", message.subject).lower().split())
    digest = hashlib.sha256(f"{message.reply_address}|{root}".encode()).hexdigest()
    return digest[:32]
