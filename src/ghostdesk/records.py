"""What ghostdesk keeps about each message, case and draft: the records the stores persist.

Records are the pipeline's memory between Lambdas (queues carry only IDs) and the agent's view of the
work. Each has a stable JSON form; nothing here knows about DynamoDB.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from ghostdesk.models import BuyerMessage, Diagnosis, Triage


class MessageStatus(StrEnum):
    RECEIVED = "received"  # stored raw; not parsed yet
    PARSED = "parsed"  # read and triaged; handed on
    UNREADABLE = "unreadable"  # not an email we can read; kept raw with the reason
    FAILED = "failed"  # the parser broke on it; kept raw with the error, never answered
    QUARANTINED = "quarantined"  # spam/virus/authentication verdicts failed: kept, flagged, never answered
    DUPLICATE = (
        "duplicate"  # the same email (sender and Message-ID) arrived before: kept, not processed again
    )


class AckStatus(StrEnum):
    PENDING = "pending"  # requested, not sent yet
    SENT = "sent"
    SUPPRESSED = "suppressed"  # a guard said no (auto-reply, bulk, loop, window, not an inquiry ...)


class DraftStatus(StrEnum):
    PENDING_APPROVAL = "pending_approval"
    SENDING = "sending"  # approved; being handed to SES (the claim that makes one approval send once)
    SENT = "sent"
    REJECTED = "rejected"
    NO_RESPONSE_NEEDED = "no_response_needed"
    NEEDS_ATTENTION = "needs_attention"  # could not be drafted safely: an agent must write this one


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class SesVerdicts:
    spam: str = "PASS"
    virus: str = "PASS"
    spf: str = "GRAY"
    dkim: str = "GRAY"
    dmarc: str = "GRAY"

    def failures(self) -> tuple[str, ...]:
        return tuple(
            name for name in ("spam", "virus", "spf", "dkim", "dmarc") if getattr(self, name) == "FAIL"
        )

    def to_dict(self) -> dict[str, str]:
        return {
            "spam": self.spam,
            "virus": self.virus,
            "spf": self.spf,
            "dkim": self.dkim,
            "dmarc": self.dmarc,
        }

    @classmethod
    def from_dict(cls, data: dict[str, str] | None) -> SesVerdicts:
        return cls(**(data or {}))


@dataclass(frozen=True)
class MessageRecord:
    message_id: str  # SES's message ID: the unit of work everything else hangs from
    received_at: datetime
    status: MessageStatus
    raw_bucket: str | None = None
    raw_key: str | None = None
    status_reason: str | None = None
    verdicts: SesVerdicts = field(default_factory=SesVerdicts)
    message: BuyerMessage | None = None
    triage: Triage | None = None
    thread_key: str | None = None
    ack_status: AckStatus | None = None
    ack_reason: str | None = None
    ack_sent_at: datetime | None = None
    ack_message_id: str | None = None  # the RFC Message-ID of our acknowledgement, to recognise replies to it
    ack_reply: dict[str, Any] | None = None  # what the acknowledgement said: macro, version, language, text
    handed_on: bool = False
    expires_at: int | None = None  # epoch seconds: DynamoDB TTL deletes the record then

    def with_changes(self, **changes: Any) -> MessageRecord:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "message_id": self.message_id,
            "received_at": self.received_at.isoformat(),
            "status": self.status.value,
            "raw_bucket": self.raw_bucket,
            "raw_key": self.raw_key,
            "status_reason": self.status_reason,
            "verdicts": self.verdicts.to_dict(),
            "message": self.message.to_dict() if self.message else None,
            "triage": self.triage.to_dict() if self.triage else None,
            "thread_key": self.thread_key,
            "ack_status": self.ack_status.value if self.ack_status else None,
            "ack_reason": self.ack_reason,
            "ack_sent_at": _iso(self.ack_sent_at),
            "ack_message_id": self.ack_message_id,
            "ack_reply": self.ack_reply,
            "handed_on": self.handed_on,
            "expires_at": self.expires_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MessageRecord:
        return cls(
            message_id=data["message_id"],
            received_at=datetime.fromisoformat(data["received_at"]),
            status=MessageStatus(data["status"]),
            raw_bucket=data.get("raw_bucket"),
            raw_key=data.get("raw_key"),
            status_reason=data.get("status_reason"),
            verdicts=SesVerdicts.from_dict(data.get("verdicts")),
            message=BuyerMessage.from_dict(data["message"]) if data.get("message") else None,
            triage=Triage.from_dict(data["triage"]) if data.get("triage") else None,
            thread_key=data.get("thread_key"),
            ack_status=AckStatus(data["ack_status"]) if data.get("ack_status") else None,
            ack_reason=data.get("ack_reason"),
            ack_sent_at=_dt(data.get("ack_sent_at")),
            ack_message_id=data.get("ack_message_id"),
            ack_reply=data.get("ack_reply"),
            handed_on=bool(data.get("handed_on", False)),
            expires_at=int(data["expires_at"]) if data.get("expires_at") is not None else None,
        )


@dataclass(frozen=True)
class CaseRecord:
    case_id: str  # = the message ID: one case per buyer message
    message_id: str
    created_at: datetime
    diagnosis: Diagnosis
    expires_at: int | None = None

    @property
    def order_id(self) -> str | None:
        return self.diagnosis.order_id

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "message_id": self.message_id,
            "created_at": self.created_at.isoformat(),
            "diagnosis": self.diagnosis.to_dict(),
            "expires_at": self.expires_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CaseRecord:
        return cls(
            case_id=data["case_id"],
            message_id=data["message_id"],
            created_at=datetime.fromisoformat(data["created_at"]),
            diagnosis=Diagnosis.from_dict(data["diagnosis"]),
            expires_at=int(data["expires_at"]) if data.get("expires_at") is not None else None,
        )


@dataclass(frozen=True)
class DraftRecord:
    """A reply waiting for an agent. ``reply`` is the rendered macro (name, version, slots, text, html)."""

    draft_id: str
    message_id: str
    case_id: str
    status: DraftStatus
    case: str
    order_id: str | None
    to: str
    subject: str
    in_reply_to: str | None
    references: tuple[str, ...]
    language: str
    channel: str
    reply: dict[str, Any]
    deadline: datetime
    created_at: datetime
    updated_at: datetime | None = None
    status_reason: str | None = None
    expires_at: int | None = None
    # The agent's decision (approve, reject, no response needed) and, once SES took it, the reply's IDs.
    decided_by: str | None = None
    decided_at: datetime | None = None
    sent_at: datetime | None = None
    sent_message_ids: tuple[str, ...] = ()
    # The clock's marks (ghostdesk.clock): when the draft was escalated as its deadline neared, and
    # when the deadline passed with no reply sent. Each is set once.
    escalated_at: datetime | None = None
    breached_at: datetime | None = None
    # Follow-ups (ghostdesk.followup): the sent draft this one follows up on, and the order news that
    # brought this draft up to date (what happened, when, and the diagnosis it was redrafted from).
    follow_up_of: str | None = None
    order_news: dict[str, Any] | None = None

    @property
    def body(self) -> str:
        return str(self.reply.get("text", ""))

    def with_changes(self, **changes: Any) -> DraftRecord:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "draft_id": self.draft_id,
            "message_id": self.message_id,
            "case_id": self.case_id,
            "status": self.status.value,
            "case": self.case,
            "order_id": self.order_id,
            "to": self.to,
            "subject": self.subject,
            "in_reply_to": self.in_reply_to,
            "references": list(self.references),
            "language": self.language,
            "channel": self.channel,
            "reply": self.reply,
            "deadline": self.deadline.isoformat(),
            "created_at": self.created_at.isoformat(),
            "updated_at": _iso(self.updated_at),
            "status_reason": self.status_reason,
            "expires_at": self.expires_at,
            "decided_by": self.decided_by,
            "decided_at": _iso(self.decided_at),
            "sent_at": _iso(self.sent_at),
            "sent_message_ids": list(self.sent_message_ids),
            "escalated_at": _iso(self.escalated_at),
            "breached_at": _iso(self.breached_at),
            "follow_up_of": self.follow_up_of,
            "order_news": self.order_news,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DraftRecord:
        return cls(
            draft_id=data["draft_id"],
            message_id=data["message_id"],
            case_id=data["case_id"],
            status=DraftStatus(data["status"]),
            case=data["case"],
            order_id=data.get("order_id"),
            to=data["to"],
            subject=data["subject"],
            in_reply_to=data.get("in_reply_to"),
            references=tuple(data.get("references", ())),
            language=data["language"],
            channel=data.get("channel", "direct"),
            reply=dict(data.get("reply", {})),
            deadline=datetime.fromisoformat(data["deadline"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            updated_at=_dt(data.get("updated_at")),
            status_reason=data.get("status_reason"),
            expires_at=int(data["expires_at"]) if data.get("expires_at") is not None else None,
            decided_by=data.get("decided_by"),
            decided_at=_dt(data.get("decided_at")),
            sent_at=_dt(data.get("sent_at")),
            sent_message_ids=tuple(data.get("sent_message_ids", ())),
            escalated_at=_dt(data.get("escalated_at")),
            breached_at=_dt(data.get("breached_at")),
            follow_up_of=data.get("follow_up_of"),
            order_news=dict(data["order_news"]) if data.get("order_news") else None,
        )
