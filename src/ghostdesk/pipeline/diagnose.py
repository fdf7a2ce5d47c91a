"""Diagnose step: look the stored message up against the marketplaces, record the case, request a draft."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ghostdesk import desk_metrics
from ghostdesk.aws.queues import WorkQueue
from ghostdesk.aws.tables import CaseStore, MessageStore
from ghostdesk.diagnosis import DiagnosisPolicy, diagnose, plan_lookups
from ghostdesk.models import Case
from ghostdesk.observability import logger
from ghostdesk.orders.lookup import ChannelSearch, gather_facts
from ghostdesk.orders.source import OrderSource
from ghostdesk.records import CaseRecord, MessageRecord, MessageStatus
from ghostdesk.settings import Settings


class MessageNotReady(RuntimeError):
    """The message record is missing or not parsed yet; the queue retries."""


@dataclass
class DiagnoseDeps:
    settings: Settings
    messages: MessageStore
    cases: CaseStore
    respond_queue: WorkQueue
    amazon: Callable[[], OrderSource]  # built on first need: most messages never reach a marketplace
    other_channels: Callable[[], Sequence[ChannelSearch]]
    clock: Callable[[], datetime]


def diagnose_stored_message(message_id: str, deps: DiagnoseDeps) -> CaseRecord | None:
    existing = deps.cases.get(message_id)
    if existing is not None:
        _request_draft(existing, deps)  # a retry after a crash between the two writes
        return existing

    found = deps.messages.get(message_id)
    if found is None:
        raise MessageNotReady(f"message {message_id} is not stored")
    record = found[0]
    if record.status is not MessageStatus.PARSED or record.message is None or record.triage is None:
        logger.info("nothing to diagnose", extra={"message_id": message_id, "status": record.status.value})
        return None

    now = deps.clock()
    policy = DiagnosisPolicy.from_days(deps.settings.pending_threshold_days)
    continuing = is_reply_to_our_acknowledgement(record, deps.messages)
    plan = plan_lookups(record.message, record.triage, now, policy, continuing_thread=continuing)
    facts = gather_facts(
        plan,
        deps.amazon() if (plan.amazon_order_ids or plan.buyer_email) else None,
        deps.other_channels() if plan.search_other_channels else (),
        buyer_emails=[record.message.from_address] if record.message.channel.value == "direct" else [],
    )
    diagnosis = diagnose(record.message, record.triage, facts, now, policy, continuing_thread=continuing)
    case = CaseRecord(
        case_id=message_id,
        message_id=message_id,
        created_at=now,
        diagnosis=diagnosis,
        expires_at=record.expires_at or int((now + timedelta(days=deps.settings.retention_days)).timestamp()),
    )
    if deps.cases.put_new(case):
        desk_metrics.case_diagnosed(diagnosis.case.value)
    else:
        stored = deps.cases.get(message_id)
        assert stored is not None
        case = stored
    logger.info(
        "diagnosed",
        extra={
            "message_id": message_id,
            "case": diagnosis.case.value,
            "order_status": diagnosis.order_status,
            "matched_by": diagnosis.evidence.get("matched_by"),
            "continuing_thread": continuing,
        },
    )
    _request_draft(case, deps)
    return case


def _request_draft(case: CaseRecord, deps: DiagnoseDeps) -> None:
    if case.diagnosis.case is not Case.NOT_ORDER_STATUS:
        deps.respond_queue.send({"kind": "draft", "message_id": case.message_id})


def is_reply_to_our_acknowledgement(record: MessageRecord, messages: MessageStore) -> bool:
    """Whether the buyer is answering our acknowledgement (e.g. sending the order ID we asked for)."""
    message = record.message
    if message is None:
        return False
    candidates = [message.in_reply_to, *message.references]
    return any(messages.sent_reply_exists(c) for c in candidates if c)
