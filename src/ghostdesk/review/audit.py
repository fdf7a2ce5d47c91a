"""What the audit log holds: who did what to which draft, when, and exactly what changed.

The log is append-only (``ghostdesk.aws.audit.AuditLog`` only ever adds entries, and the API's IAM role
may only put and query): it is what an A-to-z claim is defended with, so nothing in it is ever rewritten.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class AuditAction(StrEnum):
    EDITED = "edited"  # editable slots changed (before/after of each)
    APPROVED = "approved"  # an agent approved the reply; it is being handed to SES
    SENT = "sent"  # SES accepted the reply: its Message-IDs and the exact text the buyer got
    SEND_FAILED = "send_failed"  # SES refused or did not answer: nothing or maybe nothing went out
    REJECTED = "rejected"
    NO_RESPONSE_NEEDED = "no_response_needed"
    # What ghostdesk itself does to a draft (actor "system"), audited like an agent's action:
    ESCALATED = "escalated"  # the deadline is near and no reply was sent: the alert topic was told
    BREACHED = "breached"  # the deadline passed with no reply sent: recorded and alerted
    UPDATED = "updated"  # the order changed (it left Pending): the draft was redrafted; old text kept
    FOLLOW_UP_CREATED = "follow_up_created"  # the buyer was told "pending" and the order moved on


@dataclass(frozen=True)
class Actor:
    """The agent behind a request, from the verified JWT claims (Cognito: ``sub``, ``email``)."""

    sub: str
    email: str | None = None
    username: str | None = None

    @property
    def label(self) -> str:
        """How people name this agent in the console and in evidence: the email, else the username."""
        return self.email or self.username or self.sub

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> Actor:
        username = claims.get("cognito:username") or claims.get("username")
        return cls(
            sub=str(claims["sub"]),
            email=str(claims["email"]) if claims.get("email") else None,
            username=str(username) if username else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {"sub": self.sub, "email": self.email, "username": self.username}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Actor:
        return cls(sub=str(data["sub"]), email=data.get("email"), username=data.get("username"))


def _sort_key(at: datetime) -> str:
    # Fixed width UTC with microseconds, so entries sort by time as strings do.
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class AuditEntry:
    """One action on one draft. ``changes`` maps what changed to ``{"before": ..., "after": ...}``."""

    draft_id: str
    action: AuditAction
    actor: Actor
    at: datetime
    case_id: str | None = None
    order_id: str | None = None
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    note: str | None = None  # the agent's reason, or why a send failed
    details: dict[str, Any] = field(default_factory=dict)  # e.g. the sent reply's Message-IDs and text
    entry_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    expires_at: int | None = None

    @property
    def sort_key(self) -> str:
        """Unique within the draft and ordered by time: ``<UTC timestamp>#<entry id>``."""
        return f"{_sort_key(self.at)}#{self.entry_id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "draft_id": self.draft_id,
            "action": self.action.value,
            "actor": self.actor.to_dict(),
            "at": self.at.isoformat(),
            "case_id": self.case_id,
            "order_id": self.order_id,
            "changes": self.changes,
            "note": self.note,
            "details": self.details,
            "entry_id": self.entry_id,
            "expires_at": self.expires_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AuditEntry:
        return cls(
            draft_id=str(data["draft_id"]),
            action=AuditAction(data["action"]),
            actor=Actor.from_dict(data["actor"]),
            at=datetime.fromisoformat(data["at"]),
            case_id=data.get("case_id"),
            order_id=data.get("order_id"),
            changes=dict(data.get("changes") or {}),
            note=data.get("note"),
            details=dict(data.get("details") or {}),
            entry_id=str(data["entry_id"]),
            expires_at=int(data["expires_at"]) if data.get("expires_at") is not None else None,
        )


def changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """``{name: {"before", "after"}}`` for every key whose value differs between the two mappings."""
    return {
        key: {"before": before.get(key), "after": after.get(key)}
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }
