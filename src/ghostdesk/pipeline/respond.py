"""Respond step: the immediate acknowledgement (sent) and the reply draft (stored for approval)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from ghostdesk import desk_metrics
from ghostdesk.aws.mail import SesMailer
from ghostdesk.aws.tables import CaseStore, DraftStore, MessageStore
from ghostdesk.mail.compose import ReplyTarget, compose_reply, reply_subject, thread_references
from ghostdesk.observability import logger
from ghostdesk.pipeline.batch import RetryLater
from ghostdesk.records import AckStatus, DraftRecord, DraftStatus, MessageRecord, MessageStatus
from ghostdesk.replies.context import acknowledgement_context, reply_context
from ghostdesk.replies.errors import NoMacro
from ghostdesk.replies.selection import acknowledgement_macro, select_macro
from ghostdesk.settings import Settings

if TYPE_CHECKING:  # Jinja loads when the library is built, on first use, not at import
    from ghostdesk.replies.library import MacroLibrary


# Longer than RespondFunction's timeout: a claim of our own younger than this may still be sending.
ACK_LEASE = timedelta(minutes=5)


class RecordNotReady(RuntimeError):
    """What this step needs is not stored yet; the queue retries."""


class AckResult(StrEnum):
    SENT = "sent"
    ALREADY_SENT = "already_sent"
    SUPPRESSED = "suppressed"


@dataclass
class RespondDeps:
    settings: Settings
    messages: MessageStore
    cases: CaseStore
    drafts: DraftStore
    mailer: Callable[[], SesMailer]
    library: MacroLibrary
    clock: Callable[[], datetime]


def _load(message_id: str, deps: RespondDeps) -> MessageRecord:
    found = deps.messages.get(message_id)
    if found is None:
        raise RecordNotReady(f"message {message_id} is not stored")
    return found[0]


def _language(record: MessageRecord, deps: RespondDeps) -> str:
    from ghostdesk import marketplaces

    assert record.message is not None
    market = marketplaces.by_code(record.message.marketplace) if record.message.marketplace else None
    home = marketplaces.resolve(deps.settings.marketplace)
    return deps.library.resolve_language(
        record.message.language, market.language if market else home.language, deps.settings.default_language
    )


def acknowledge(message_id: str, deps: RespondDeps) -> AckResult:
    record = _load(message_id, deps)
    if record.ack_status is AckStatus.SENT:
        return AckResult.ALREADY_SENT
    if record.ack_status is not AckStatus.PENDING or record.message is None or record.triage is None:
        return AckResult.SUPPRESSED
    message, now = record.message, deps.clock()

    window_key = f"ack|{message.reply_address.lower()}|{record.thread_key}"
    until = now + timedelta(hours=deps.settings.ack_window_hours)
    claim = deps.messages.claim_window(window_key, owner=message_id, until=until, now=now)
    if not claim.taken:
        if claim.mine and claim.claimed_at is not None and now - claim.claimed_at < ACK_LEASE:
            # Another delivery of this same request is sending right now; its outcome decides. Come back
            # when its lease is over: it will have recorded the send, or it died and the lease says so.
            left = ACK_LEASE - (now - claim.claimed_at)
            raise RetryLater(f"acknowledgement of {message_id} is in flight", left.total_seconds() + 1)
        # Someone else's claim: this sender and thread had their acknowledgement. Our own stale claim:
        # an earlier attempt stopped between claiming and recording, so its email may have gone out.
        # At most one acknowledgement per message, so neither sends; the reason says which it was.
        reason = "ack_outcome_unknown" if claim.mine else "ack_window"
        deps.messages.update(message_id, ack_status=AckStatus.SUPPRESSED, ack_reason=reason)
        log = logger.warning if claim.mine else logger.info
        log("acknowledgement suppressed", extra={"message_id": message_id, "reason": reason})
        return AckResult.SUPPRESSED

    try:
        language = _language(record, deps)
        name = acknowledgement_macro(bool(record.triage.amazon_order_ids))
        context = acknowledgement_context(message, record.triage, seller_name=deps.settings.sender_name)
        reply = deps.library.render(name, language, context)
        deps.library.ensure_sendable(
            reply
        )  # a locked macro has no findings; if it ever does, nothing goes out
        email = compose_reply(
            ReplyTarget(message.reply_address, message.subject, message.message_id, message.references),
            sender=deps.settings.sender,
            sender_name=deps.settings.sender_name,
            text=reply.text,
            html=reply.html,
            language=reply.language,
            now=now,
            auto_submitted=True,
        )
        sent = deps.mailer().send(email, to=message.reply_address)
    except Exception:
        deps.messages.release_window(window_key)  # let the retry acknowledge
        raise

    for rfc_id in sent.message_ids:
        deps.messages.record_sent_reply(rfc_id, answering=message_id, expires_at=record.expires_at)
    deps.messages.update(
        message_id,
        ack_status=AckStatus.SENT,
        ack_sent_at=now,
        ack_message_id=sent.message_ids[0],
        ack_reason=None,
        # Kept as evidence of what the buyer was told (A-to-Z claims), exactly as sent.
        ack_reply={
            "macro": reply.macro,
            "version": reply.version,
            "language": reply.language,
            "text": reply.text,
        },
    )
    desk_metrics.acknowledgement_sent(record.received_at, now)
    logger.info(
        "acknowledgement sent",
        extra={
            "message_id": message_id,
            "ses_message_id": sent.ses_message_id,
            "macro": name,
            "language": reply.language,
            "latency_s": round((now - record.received_at).total_seconds(), 3),
        },
    )
    return AckResult.SENT


def draft_reply(message_id: str, deps: RespondDeps) -> DraftRecord | None:
    draft_id = f"d-{message_id}"
    existing = deps.drafts.get(draft_id)
    if existing is not None:
        return existing[0]
    record = _load(message_id, deps)
    case = deps.cases.get(message_id)
    if case is None:
        raise RecordNotReady(f"case {message_id} is not diagnosed yet")
    if record.message is None or record.status is not MessageStatus.PARSED:
        return None
    message, diagnosis, now = record.message, case.diagnosis, deps.clock()
    try:
        macro = select_macro(diagnosis)
    except NoMacro:
        return None

    language = _language(record, deps)
    context = reply_context(diagnosis, message, seller_name=deps.settings.sender_name)
    reply = deps.library.render(macro, language, context)
    findings = deps.library.check(reply)
    status = DraftStatus.NEEDS_ATTENTION if findings else DraftStatus.PENDING_APPROVAL
    target = ReplyTarget(message.reply_address, message.subject, message.message_id, message.references)
    draft = DraftRecord(
        draft_id=draft_id,
        message_id=message_id,
        case_id=case.case_id,
        status=status,
        case=diagnosis.case.value,
        order_id=diagnosis.order_id,
        to=message.reply_address,
        subject=reply_subject(message.subject),
        in_reply_to=message.message_id,
        references=thread_references(target),
        language=reply.language,
        channel=message.channel.value,
        reply=reply.to_dict(),
        deadline=record.received_at + timedelta(hours=deps.settings.sla_hours),
        created_at=now,
        status_reason=("compliance findings: " + ", ".join(f.rule for f in findings)) if findings else None,
        expires_at=record.expires_at,
    )
    if not deps.drafts.put_new(draft):
        stored = deps.drafts.get(draft_id)
        assert stored is not None
        return stored[0]
    desk_metrics.draft_queued()
    logger.info(
        "draft queued",
        extra={
            "message_id": message_id,
            "draft_id": draft_id,
            "case": draft.case,
            "macro": macro,
            "status": status.value,
            "deadline": draft.deadline.isoformat(),
        },
    )
    return draft
