"""Evidence for an A-to-z claim: the timeline of one order's buyer messages, as JSON and as a document.

When a buyer files an A-to-z Guarantee claim about an order stuck on Pending, the seller must show that
they answered, in time, and what they said: when the buyer's message arrived, since when the order was
pending, what the buyer was told and when (the automatic acknowledgement, the agent's reply), and who
approved it. Everything here comes from what ghostdesk recorded (messages, cases, drafts and the
append-only audit log); nothing is re-rendered or guessed.

:func:`collect_evidence` reads the stores (the API route and ``ghostdesk evidence`` share it);
:func:`build_evidence` is the pure part; :meth:`Evidence.to_dict` and :func:`render_document` give the two
forms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ghostdesk.models import OrderFacts
from ghostdesk.records import AckStatus, CaseRecord, DraftRecord, DraftStatus, MessageRecord
from ghostdesk.review.audit import AuditAction, AuditEntry
from ghostdesk.review.errors import EvidenceNotFound

if TYPE_CHECKING:
    from ghostdesk.aws.audit import AuditLog
    from ghostdesk.aws.tables import CaseStore, DraftStore, MessageStore

PENDING_STATUSES = frozenset({"PENDING", "PENDING_AVAILABILITY"})
AUTOMATIC = "ghostdesk (automatic)"


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    kind: str  # order_placed, message_received, acknowledgement_sent, diagnosed, draft_queued, edited, ...
    summary: str
    actor: str | None = None
    case_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "kind": self.kind,
            "summary": self.summary,
            "actor": self.actor,
            "case_id": self.case_id,
            "details": self.details,
        }


@dataclass(frozen=True)
class Communication:
    """Something the buyer was told: when, how, by whom, and (for an agent's reply) the exact text."""

    at: datetime
    kind: str  # "acknowledgement" | "reply"
    by: str
    case_id: str
    message_ids: tuple[str, ...] = ()
    approved_by: str | None = None
    approved_at: datetime | None = None
    macro: str | None = None
    macro_version: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "kind": self.kind,
            "by": self.by,
            "case_id": self.case_id,
            "message_ids": list(self.message_ids),
            "approved_by": self.approved_by,
            "approved_at": self.approved_at.isoformat() if self.approved_at else None,
            "macro": self.macro,
            "macro_version": self.macro_version,
            "text": self.text,
        }


@dataclass(frozen=True)
class BuyerMessageSummary:
    case_id: str
    received_at: datetime
    subject: str
    text: str
    channel: str
    marketplace: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "received_at": self.received_at.isoformat(),
            "subject": self.subject,
            "text": self.text,
            "channel": self.channel,
            "marketplace": self.marketplace,
        }


@dataclass(frozen=True)
class Evidence:
    order_id: str | None  # None for a case that names no order (a ghost without an ID)
    case_ids: tuple[str, ...]
    generated_at: datetime
    order: OrderFacts | None  # as the latest diagnosis saw it
    order_status: str | None
    order_checked_at: datetime | None
    pending_since: datetime | None
    messages: tuple[BuyerMessageSummary, ...]
    told: tuple[Communication, ...]
    timeline: tuple[TimelineEvent, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "order_id": self.order_id,
            "case_ids": list(self.case_ids),
            "generated_at": self.generated_at.isoformat(),
            "order": self.order.to_dict() if self.order else None,
            "order_status": self.order_status,
            "order_checked_at": self.order_checked_at.isoformat() if self.order_checked_at else None,
            "pending_since": self.pending_since.isoformat() if self.pending_since else None,
            "messages": [m.to_dict() for m in self.messages],
            "told": [c.to_dict() for c in self.told],
            "timeline": [e.to_dict() for e in self.timeline],
        }


# -- reading the stores --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceSources:
    cases: CaseStore
    messages: MessageStore
    drafts: DraftStore
    audit: AuditLog | None  # None: no audit table configured (evidence then lacks the agents' actions)


def collect_evidence(key: str, sources: EvidenceSources, *, now: datetime) -> Evidence:
    """The evidence for a case ID or an Amazon order ID.

    A case about an order stands for the whole order: a claim concerns the order, and every message the
    buyer sent about it belongs on the record. Raises :class:`EvidenceNotFound`.
    """
    key = key.strip()
    case = sources.cases.get(key) if key else None
    order_id = case.order_id if case else key
    cases = sources.cases.by_order(order_id) if order_id else []
    if case is not None and all(c.case_id != case.case_id for c in cases):
        cases.append(case)
    if not cases:
        raise EvidenceNotFound(f"no case and no order {key!r} is on record")
    messages: dict[str, MessageRecord] = {}
    drafts: dict[str, list[DraftRecord]] = {}
    audit: dict[str, list[AuditEntry]] = {}
    for c in cases:
        found = sources.messages.get(c.message_id)
        if found is not None:
            messages[c.case_id] = found[0]
        drafts[c.case_id] = sources.drafts.by_case(c.case_id)
        for draft in drafts[c.case_id]:
            audit[draft.draft_id] = sources.audit.for_draft(draft.draft_id) if sources.audit else []
    return build_evidence(
        order_id=order_id or None,
        cases=cases,
        messages=messages,
        drafts=drafts,
        audit=audit,
        now=now,
    )


# -- the pure part ---------------------------------------------------------------------------------------


def build_evidence(
    *,
    order_id: str | None,
    cases: Sequence[CaseRecord],
    messages: Mapping[str, MessageRecord],
    drafts: Mapping[str, Sequence[DraftRecord]],
    audit: Mapping[str, Sequence[AuditEntry]],
    now: datetime,
) -> Evidence:
    """Put the records of one order (or one case) in order: what happened, when, and who did it."""
    ordered = sorted(cases, key=lambda c: c.created_at)
    latest = ordered[-1]
    order = next((c.diagnosis.order for c in reversed(ordered) if c.diagnosis.order), None)
    status = latest.diagnosis.order_status
    pending_since = order.created if order and status in PENDING_STATUSES else None

    events: list[TimelineEvent] = []
    told: list[Communication] = []
    buyer: list[BuyerMessageSummary] = []
    if order is not None:
        where = order.marketplace_name or order.channel
        events.append(TimelineEvent(order.created, "order_placed", f"Order placed ({where})"))
    for case in ordered:
        record = messages.get(case.case_id)
        if record is not None:
            _message_events(case, record, events, told, buyer)
        diagnosis = case.diagnosis
        reason = diagnosis.evidence.get("reason")
        events.append(
            TimelineEvent(
                case.created_at,
                "diagnosed",
                f"Diagnosed as {diagnosis.case.value}"
                + (f" (order status {diagnosis.order_status})" if diagnosis.order_status else "")
                + (f": {reason}" if reason else ""),
                actor=AUTOMATIC,
                case_id=case.case_id,
                details={"case": diagnosis.case.value, "order_status": diagnosis.order_status},
            )
        )
        for draft in drafts.get(case.case_id, ()):
            _draft_events(draft, audit.get(draft.draft_id, ()), events, told)

    events.sort(key=lambda e: e.at)
    told.sort(key=lambda c: c.at)
    buyer.sort(key=lambda m: m.received_at)
    return Evidence(
        order_id=order_id,
        case_ids=tuple(c.case_id for c in ordered),
        generated_at=now,
        order=order,
        order_status=status,
        order_checked_at=latest.created_at,
        pending_since=pending_since,
        messages=tuple(buyer),
        told=tuple(told),
        timeline=tuple(events),
    )


def _message_events(
    case: CaseRecord,
    record: MessageRecord,
    events: list[TimelineEvent],
    told: list[Communication],
    buyer: list[BuyerMessageSummary],
) -> None:
    message = record.message
    subject = message.subject if message else ""
    events.append(
        TimelineEvent(
            record.received_at,
            "message_received",
            f"Buyer's message received: {subject!r}" if subject else "Buyer's message received",
            case_id=case.case_id,
            details={
                "message_id": message.message_id if message else None,
                "ses_message_id": record.message_id,
            },
        )
    )
    if message is not None:
        buyer.append(
            BuyerMessageSummary(
                case_id=case.case_id,
                received_at=record.received_at,
                subject=message.subject,
                text=message.fresh_text or message.text,
                channel=message.channel.value,
                marketplace=message.marketplace,
            )
        )
    if record.ack_status is AckStatus.SENT and record.ack_sent_at is not None:
        ids = (record.ack_message_id,) if record.ack_message_id else ()
        events.append(
            TimelineEvent(
                record.ack_sent_at,
                "acknowledgement_sent",
                "Automatic acknowledgement sent to the buyer",
                actor=AUTOMATIC,
                case_id=case.case_id,
                details={"message_ids": list(ids)},
            )
        )
        said = record.ack_reply or {}
        told.append(
            Communication(
                record.ack_sent_at,
                "acknowledgement",
                AUTOMATIC,
                case.case_id,
                message_ids=ids,
                macro=said.get("macro"),
                macro_version=int(said["version"]) if said.get("version") is not None else None,
                text=said.get("text"),
            )
        )
    elif record.ack_status is AckStatus.SUPPRESSED:
        events.append(
            TimelineEvent(
                record.received_at,
                "acknowledgement_suppressed",
                "No automatic acknowledgement" + (f" ({record.ack_reason})" if record.ack_reason else ""),
                actor=AUTOMATIC,
                case_id=case.case_id,
            )
        )


_ACTION_WORDS = {
    AuditAction.EDITED: "Draft edited",
    AuditAction.APPROVED: "Reply approved",
    AuditAction.SENT: "Reply sent to the buyer",
    AuditAction.SEND_FAILED: "Reply not sent",
    AuditAction.REJECTED: "Draft rejected",
    AuditAction.NO_RESPONSE_NEEDED: "Marked as needing no response",
    AuditAction.ESCALATED: "Escalated: the reply deadline is near",
    AuditAction.BREACHED: "Reply deadline passed with no reply sent",
    AuditAction.UPDATED: "Draft brought up to date",
    AuditAction.FOLLOW_UP_CREATED: "Follow-up draft queued",
}


def _draft_events(
    draft: DraftRecord,
    entries: Sequence[AuditEntry],
    events: list[TimelineEvent],
    told: list[Communication],
) -> None:
    macro = draft.reply.get("macro")
    version = draft.reply.get("version")
    events.append(
        TimelineEvent(
            draft.created_at,
            "draft_queued",
            f"Reply draft queued for approval (macro {macro} v{version}), due by "
            f"{draft.deadline.astimezone(UTC):%Y-%m-%d %H:%M} UTC",
            actor=AUTOMATIC,
            case_id=draft.case_id,
            details={"draft_id": draft.draft_id, "deadline": draft.deadline.isoformat()},
        )
    )
    approval: AuditEntry | None = None
    for entry in entries:
        summary = _ACTION_WORDS[entry.action]
        if entry.action is AuditAction.EDITED:
            edited = sorted(
                k.split(".", 1)[-1].replace("_", " ") for k in entry.changes if k.startswith("slots.")
            )
            summary += f" ({', '.join(edited)})" if edited else ""
        if entry.note:
            summary += f": {entry.note}"
        events.append(
            TimelineEvent(
                entry.at,
                entry.action.value,
                summary,
                actor=entry.actor.label,
                case_id=draft.case_id,
                details={"draft_id": draft.draft_id, "changes": entry.changes, **_public_details(entry)},
            )
        )
        if entry.action is AuditAction.APPROVED:
            approval = entry
        if entry.action is AuditAction.SENT:
            who = approval or entry
            told.append(
                Communication(
                    entry.at,
                    "reply",
                    who.actor.label,
                    draft.case_id,
                    message_ids=tuple(entry.details.get("message_ids", ())),
                    approved_by=who.actor.label,
                    approved_at=who.at,
                    macro=entry.details.get("macro"),
                    macro_version=entry.details.get("macro_version"),
                    text=entry.details.get("text"),
                )
            )
    if (
        draft.status is DraftStatus.SENT
        and draft.sent_at
        and not any(e.action is AuditAction.SENT for e in entries)
    ):
        # No audit entry (the log was unavailable): the draft's own record still says what went out.
        told.append(
            Communication(
                draft.sent_at,
                "reply",
                draft.decided_by or "unknown",
                draft.case_id,
                message_ids=draft.sent_message_ids,
                approved_by=draft.decided_by,
                approved_at=draft.decided_at,
                macro=str(macro) if macro else None,
                macro_version=int(version) if version is not None else None,
                text=draft.body,
            )
        )


def _public_details(entry: AuditEntry) -> dict[str, Any]:
    # The sent text is shown once, under "what the buyer was told"; the timeline keeps the IDs.
    return {k: v for k, v in entry.details.items() if k != "text"}


# -- the readable document -----------------------------------------------------------------------------


def _when(at: datetime | None) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if at else "unknown"


def _quote(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in text.strip().splitlines()] or [">"]


def render_document(evidence: Evidence) -> str:
    """The evidence as a Markdown document a seller can paste into a claim response or print."""
    title = f"Amazon order {evidence.order_id}" if evidence.order_id else f"case {evidence.case_ids[0]}"
    lines = [f"# Evidence: {title}", "", f"Generated {_when(evidence.generated_at)} by ghostdesk.", ""]

    lines += ["## The order", ""]
    order = evidence.order
    if order is None:
        lines.append("- No order was found for this message on any connected channel.")
    else:
        lines.append(
            f"- Status: {evidence.order_status or order.status} "
            f"(as checked with the marketplace at {_when(evidence.order_checked_at)})"
        )
        lines.append(f"- Placed: {_when(order.created)}")
        if evidence.pending_since is not None:
            first = evidence.messages[0].received_at if evidence.messages else evidence.generated_at
            days = (first - evidence.pending_since).total_seconds() / 86400
            lines.append(
                f"- Pending since: {_when(evidence.pending_since)} "
                f"({days:.1f} days when the buyer first wrote)"
            )
        if order.fulfilled_by:
            lines.append(f"- Fulfilled by: {order.fulfilled_by}")
        if order.marketplace_name or order.marketplace_id:
            lines.append(f"- Marketplace: {order.marketplace_name or order.marketplace_id}")
    lines.append("")

    lines += ["## Timeline", "", "| When (UTC) | What | Who |", "| --- | --- | --- |"]
    for event in evidence.timeline:
        what = event.summary.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {event.at.astimezone(UTC):%Y-%m-%d %H:%M:%S} | {what} | {event.actor or 'buyer'} |")
    lines.append("")

    lines += ["## What the buyer was told", ""]
    if not evidence.told:
        lines += ["Nothing has been sent to the buyer yet.", ""]
    for item in evidence.told:
        if item.kind == "acknowledgement":
            lines.append(f"### {_when(item.at)}: automatic acknowledgement")
        else:
            lines.append(f"### {_when(item.at)}: reply approved by {item.approved_by or item.by}")
        lines.append("")
        if item.approved_at is not None:
            lines.append(f"- Approved: {_when(item.approved_at)}")
        if item.macro:
            lines.append(f"- Macro: {item.macro} (version {item.macro_version})")
        if item.message_ids:
            lines.append(f"- Message-ID: {', '.join(item.message_ids)}")
        lines.append("")
        if item.text:
            lines += [*_quote(item.text), ""]

    lines += ["## The buyer's messages", ""]
    for message in evidence.messages:
        lines += [f"### {_when(message.received_at)}: {message.subject or '(no subject)'}", ""]
        lines += [*_quote(message.text), ""]
    return "\n".join(lines).rstrip() + "\n"
