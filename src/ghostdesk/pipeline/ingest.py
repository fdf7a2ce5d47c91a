"""Ingest: from an SES receipt to a stored message, handed on to acknowledgement and diagnosis.

Nothing is ever dropped. A mail that cannot be read is stored with the reason; a mail that fails a
guard is stored with the guard's reason and not answered. The record is written once (a redelivered
notification finds it and only finishes the hand-on if a previous attempt stopped short of it), and
made to fit a DynamoDB item first (:mod:`ghostdesk.pipeline.limits`). Messages from verified webhooks
enter through :func:`ingest_message` and take the same path from the guards on.
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
from ghostdesk.observability import exception_summary, logger, redact
from ghostdesk.pipeline.limits import TRUNCATED, fit_for_storage, for_triage
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
    """An email SES received: read from S3 (or the notification), parsed, guarded, stored, handed on."""
    return _ingest_once(receipt.message_id, lambda: _read(receipt, deps), deps)


def ingest_message(record: MessageRecord, message: BuyerMessage, deps: IngestDeps) -> IngestResult:
    """A message that arrived already read (a verified webhook): the same guards, storage and hand-on
    as mail. ``record`` carries the ID, receipt time, where the raw request is kept and its expiry."""
    return _ingest_once(record.message_id, lambda: (classify(record, message, deps.settings), None), deps)


def _ingest_once(
    message_id: str, build: Callable[[], tuple[MessageRecord, int | None]], deps: IngestDeps
) -> IngestResult:
    found = deps.messages.get(message_id)
    if found is not None:
        record = found[0]
        if record.handed_on:
            logger.info("duplicate delivery", extra={"message_id": message_id})
            return IngestResult.DUPLICATE
    else:
        record, raw_bytes = build()
        record = _store(record, deps, raw_bytes=raw_bytes)
    return _hand_on(record, deps)


def _read(receipt: SesReceipt, deps: IngestDeps) -> tuple[MessageRecord, int]:
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
    return _parse_into(record, raw, settings), len(raw)


def _store(record: MessageRecord, deps: IngestDeps, *, raw_bytes: int | None) -> MessageRecord:
    record = fit_for_storage(_mark_resend(record, deps))
    if not deps.messages.put_new(record):
        # A parallel worker stored it first; continue from what it stored.
        stored = deps.messages.get(record.message_id)
        assert stored is not None
        return stored[0]
    logger.info(
        "message stored",
        extra={
            "message_id": record.message_id,
            "status": record.status.value,
            # A parser error's text may quote the mail: the log keeps only its code.
            "status_reason": None if record.status is MessageStatus.FAILED else record.status_reason,
            "ack": record.ack_status.value if record.ack_status else None,
            "ack_reason": record.ack_reason,
            "channel": record.message.channel.value if record.message else None,
            "language": record.message.language if record.message else None,
            "raw_bytes": raw_bytes,
            "truncated": bool(record.message and TRUNCATED in record.message.defects),
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
        # No traceback in the log: the exception's text may quote the mail (it is kept in the record).
        logger.error("parser failed", extra={"message_id": record.message_id, **exception_summary(exc)})
        return record.with_changes(
            status=MessageStatus.FAILED,
            status_reason=f"parser error: {type(exc).__name__}: {redact(str(exc))[:300]}",
            ack_status=AckStatus.SUPPRESSED,
            ack_reason="unreadable",
        )
    return classify(record, message, settings)


def classify(record: MessageRecord, message: BuyerMessage, settings: Settings) -> MessageRecord:
    """A read message triaged and guarded: may it be acknowledged, and is it an order inquiry at all?"""
    triage = triage_message(for_triage(message))
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
