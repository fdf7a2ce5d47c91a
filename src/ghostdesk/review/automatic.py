"""What ghostdesk does to drafts by itself, in the same audit log as what agents do.

The clock marks drafts as escalated or breached, and a follow-up redrafts a reply when the order moves
on. An A-to-z defence (and an agent wondering why a draft changed) must see those too, so each is an
:class:`~ghostdesk.review.audit.AuditEntry` whose actor is :data:`SYSTEM`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ghostdesk.records import DraftRecord
from ghostdesk.review.audit import Actor, AuditAction, AuditEntry

#: The actor of every automatic change; the console and the evidence show it as "system".
SYSTEM = Actor(sub="system")


def system_entry(
    draft: DraftRecord, action: AuditAction, at: datetime, *, retention_days: int, **fields: Any
) -> AuditEntry:
    """An audit entry for an automatic change, kept as long as the draft it describes (at least)."""
    expires_at = int((at + timedelta(days=retention_days)).timestamp())
    return AuditEntry(
        draft_id=draft.draft_id,
        action=action,
        actor=SYSTEM,
        at=at,
        case_id=draft.case_id,
        order_id=draft.order_id,
        expires_at=max(expires_at, draft.expires_at or 0),
        **fields,
    )
