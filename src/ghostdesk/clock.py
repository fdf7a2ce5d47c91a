"""The clock: Amazon's 24-hour reply deadline, watched so that a breach is seen coming.

Every few minutes (ClockFunction, ``rate(5 minutes)``) the clock reads the open drafts (waiting for
approval or needing attention) whose deadline is near, earliest first, and for each decides
(:func:`due_action`):

- **escalate** once, when the deadline is within the lead time (``GHOSTDESK_ESCALATION_LEAD_HOURS``,
  4 by default) and no reply has been sent: the draft is marked ``escalated_at`` and one alert goes to
  the alert topic, early enough for someone to act;
- **breach** once, when the deadline has passed with the draft still open: the draft is marked
  ``breached_at``, one alert goes out, and the ``Breaches`` metric counts it (an alarm watches it).

Each mark is a conditional write that only one caller can win, so two runs that overlap (a slow run
and the next schedule, a retried invocation) alert once. The alert follows the mark; if SNS does not
take it, the mark is taken back and the next run tries again. Both marks are audited (actor
"system"). Alerts carry the draft's ID, case, order ID, deadline, the time left and a link to the
console, never the buyer's name, address or words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from ghostdesk import desk_metrics
from ghostdesk.observability import logger
from ghostdesk.records import DraftRecord, DraftStatus
from ghostdesk.review.audit import AuditAction
from ghostdesk.review.automatic import system_entry

if TYPE_CHECKING:
    from ghostdesk.aws.audit import AuditLog
    from ghostdesk.aws.tables import DraftStore

#: Drafts whose clock runs: no reply has gone out and an agent can still act on them.
WATCHED = (DraftStatus.PENDING_APPROVAL, DraftStatus.NEEDS_ATTENTION)


class ClockAction(StrEnum):
    ESCALATE = "escalation"
    BREACH = "breach"

    @property
    def mark(self) -> str:
        return "escalated_at" if self is ClockAction.ESCALATE else "breached_at"

    @property
    def audit_action(self) -> AuditAction:
        return AuditAction.ESCALATED if self is ClockAction.ESCALATE else AuditAction.BREACHED


class AlertPublisher(Protocol):
    def publish(self, subject: str, body: str, attributes: Mapping[str, str]) -> str: ...


@dataclass
class ClockDeps:
    drafts: DraftStore
    audit: AuditLog
    alerts: Callable[[], AlertPublisher]  # built on first need: most runs alert nobody
    clock: Callable[[], datetime]
    lead: timedelta
    retention_days: int
    console_url: str | None = None


@dataclass
class ClockReport:
    """What one run did (logged, and returned by the function)."""

    examined: int = 0
    escalated: list[str] = field(default_factory=list)
    breached: list[str] = field(default_factory=list)
    taken: int = 0  # another run marked the draft first
    failed: list[str] = field(default_factory=list)  # drafts whose alert or audit entry did not go out

    def to_dict(self) -> dict[str, Any]:
        return {
            "examined": self.examined,
            "escalated": len(self.escalated),
            "breached": len(self.breached),
            "taken_by_another_run": self.taken,
            "failed": self.failed,
        }


class ClockIncomplete(RuntimeError):
    """Some alerts could not be published; their drafts are left unmarked for the next run."""


# ------------------------------------------------------------------------------------ the decision


def due_action(draft: DraftRecord, now: datetime, lead: timedelta) -> ClockAction | None:
    """What the clock owes this draft now, if anything. Pure.

    A draft already breached is never escalated afterwards; one escalated earlier is still recorded as
    breached once its deadline passes.
    """
    if draft.status not in WATCHED or draft.breached_at is not None:
        return None
    if draft.deadline <= now:
        return ClockAction.BREACH
    if draft.deadline - now <= lead and draft.escalated_at is None:
        return ClockAction.ESCALATE
    return None


def describe_duration(delta: timedelta) -> str:
    """ "3 h 05 min", "12 min", "2 d 4 h": how people read a deadline's distance."""
    minutes = max(0, int(abs(delta).total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


@dataclass(frozen=True)
class Alert:
    subject: str
    body: str
    attributes: dict[str, str]


def console_link(console_url: str | None, draft_id: str) -> str | None:
    """The console's address that opens this draft (``#draft=<id>``)."""
    if not console_url:
        return None
    return f"{console_url.rstrip('/')}/#draft={quote(draft_id, safe='')}"


def alert_for(draft: DraftRecord, action: ClockAction, now: datetime, console_url: str | None) -> Alert:
    """The alert for one draft: IDs, case, deadline and time left; nothing about the buyer. Pure."""
    deadline = draft.deadline.astimezone(UTC)
    order = draft.order_id or "no order ID"
    if action is ClockAction.ESCALATE:
        left = describe_duration(draft.deadline - now)
        subject = f"ghostdesk: reply due in {left} - order {order} ({draft.case})"
        headline = f"A buyer's reply is due in {left} and has not been approved yet."
        time_line = f"Time left: {left}"
    else:
        late = describe_duration(now - draft.deadline)
        subject = f"ghostdesk: reply deadline missed by {late} - order {order} ({draft.case})"
        headline = "Amazon's reply deadline passed and no reply has been sent. Answer the buyer now."
        time_line = f"Overdue by: {late}"
    lines = [
        headline,
        "",
        f"Draft: {draft.draft_id}",
        f"Case: {draft.case} (case ID {draft.case_id})",
        f"Order: {order}",
        f"Status: {draft.status.value}",
        f"Deadline: {deadline:%Y-%m-%d %H:%M} UTC",
        time_line,
    ]
    if draft.follow_up_of:
        lines.append(f"Follow-up to: {draft.follow_up_of}")
    link = console_link(console_url, draft.draft_id)
    if link:
        lines += ["", f"Open it in the console: {link}"]
    return Alert(
        subject=subject,
        body="\n".join(lines) + "\n",
        attributes={"kind": action.value, "case": draft.case, "draft_id": draft.draft_id},
    )


# ------------------------------------------------------------------------------------------ a run


def run_clock(deps: ClockDeps) -> ClockReport:
    """One run: every watched draft due within the lead time, escalated or breached as it needs."""
    now = deps.clock()
    report = ClockReport()
    for status in WATCHED:
        for draft in deps.drafts.due(status, by=now + deps.lead):
            report.examined += 1
            action = due_action(draft, now, deps.lead)
            if action is not None:
                _act(draft, action, now, deps, report)
    return report


def _act(
    draft: DraftRecord, action: ClockAction, now: datetime, deps: ClockDeps, report: ClockReport
) -> None:
    if not deps.drafts.mark(draft.draft_id, action.mark, now, statuses=WATCHED):
        report.taken += 1  # decided meanwhile, or another run got there first
        return
    alert = alert_for(draft, action, now, deps.console_url)
    try:
        deps.alerts().publish(alert.subject, alert.body, alert.attributes)
    except Exception:
        logger.exception("alert not published", extra={"draft_id": draft.draft_id, "kind": action.value})
        try:
            deps.drafts.unmark(draft.draft_id, action.mark, now)
        except Exception:
            logger.exception("mark not taken back", extra={"draft_id": draft.draft_id})
        report.failed.append(draft.draft_id)
        return
    marked = draft.with_changes(**{action.mark: now})
    try:
        deps.audit.append(
            system_entry(
                marked,
                action.audit_action,
                now,
                retention_days=deps.retention_days,
                changes={action.mark: {"before": None, "after": now.isoformat()}},
                note=alert.subject.removeprefix("ghostdesk: "),
                details={"deadline": draft.deadline.isoformat(), "status": draft.status.value},
            )
        )
    except Exception:
        # The alert went out and the mark holds: never alert twice, but say the log lacks the entry.
        logger.exception("audit entry not written", extra={"draft_id": draft.draft_id})
        report.failed.append(draft.draft_id)
    if action is ClockAction.ESCALATE:
        desk_metrics.escalated()
        report.escalated.append(draft.draft_id)
    else:
        desk_metrics.breached()
        report.breached.append(draft.draft_id)
    logger.info(
        "deadline " + action.value,
        extra={
            "draft_id": draft.draft_id,
            "case": draft.case,
            "deadline": draft.deadline.isoformat(),
            "minutes_left": round((draft.deadline - now).total_seconds() / 60),
        },
    )
