"""The deadline clock: a breach of the 24-hour deadline is seen coming and alerted before it happens.

Given drafts waiting for approval with their deadlines, each run of the clock escalates (once) the ones
whose deadline is within the lead time, records (once) those whose deadline passed, and leaves every
other draft alone; runs that overlap alert nobody twice; an alert SNS would not take is tried again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from datetime import timedelta

import pytest

from ghostdesk.aws.dynamo import ConflictError
from ghostdesk.clock import ClockAction, ClockDeps, alert_for, console_link, due_action, run_clock
from ghostdesk.observability import metrics
from ghostdesk.records import DraftRecord, DraftStatus
from tests.unit.deadlines.conftest import (
    REFERENCE_TIME,
    Desk,
    audit_actions,
    emitted_metrics,
    simple_draft,
    stored,
)

LEAD = timedelta(hours=4)
NOW = REFERENCE_TIME
CONSOLE = "https://desk.shop.example/"


class AlertRecorder:
    """Stands in for the alert topic: keeps what was published; ``failures`` publishes fail first."""

    def __init__(self, failures: int = 0) -> None:
        self.alerts: list[tuple[str, str, dict[str, str]]] = []
        self.failures = failures
        self.lock = threading.Lock()

    def publish(self, subject: str, body: str, attributes: Mapping[str, str]) -> str:
        with self.lock:
            if self.failures:
                self.failures -= 1
                raise ConnectionError("the alert topic cannot be reached")
            self.alerts.append((subject, body, dict(attributes)))
            return f"message-{len(self.alerts)}"

    def kinds(self) -> list[tuple[str, str]]:
        return [(a[2]["kind"], a[2]["draft_id"]) for a in self.alerts]


def clock_deps(desk: Desk, alerts: AlertRecorder, *, lead: timedelta = LEAD) -> ClockDeps:
    return ClockDeps(
        drafts=desk.drafts,
        audit=desk.audit,
        alerts=lambda: alerts,
        clock=desk.clock,
        lead=lead,
        retention_days=90,
        console_url=CONSOLE,
    )


@pytest.fixture
def alerts() -> AlertRecorder:
    return AlertRecorder()


@pytest.fixture(autouse=True)
def _fresh_metrics() -> Iterator[None]:
    metrics.clear_metrics()
    yield
    metrics.clear_metrics()


def flushed(capsys: pytest.CaptureFixture[str]) -> dict[str, float]:
    metrics.flush_metrics()
    return emitted_metrics(capsys.readouterr().out)


# ------------------------------------------------------------------------------------- the decision


@pytest.mark.parametrize(
    ("left", "expected"),
    [
        (timedelta(hours=4, minutes=1), None),  # not yet within the lead time
        (timedelta(hours=4), ClockAction.ESCALATE),  # exactly the lead time away
        (timedelta(minutes=1), ClockAction.ESCALATE),
        (timedelta(0), ClockAction.BREACH),  # the deadline is now: no reply was sent in time
        (-timedelta(hours=3), ClockAction.BREACH),
    ],
)
def test_a_draft_is_escalated_within_the_lead_time_and_breached_at_its_deadline(
    left: timedelta, expected: ClockAction | None
) -> None:
    assert due_action(simple_draft("d-1", NOW + left), NOW, LEAD) is expected


def test_what_was_done_once_is_not_done_again_and_decided_drafts_are_left_alone() -> None:
    near, past = NOW + timedelta(hours=1), NOW - timedelta(minutes=5)
    assert due_action(simple_draft("d-1", near, escalated_at=NOW), NOW, LEAD) is None
    assert due_action(simple_draft("d-1", past, escalated_at=NOW), NOW, LEAD) is ClockAction.BREACH
    assert due_action(simple_draft("d-1", past, breached_at=NOW), NOW, LEAD) is None
    assert due_action(simple_draft("d-1", near, status=DraftStatus.NEEDS_ATTENTION), NOW, LEAD) is (
        ClockAction.ESCALATE
    )
    for status in (
        DraftStatus.SENT,
        DraftStatus.SENDING,
        DraftStatus.REJECTED,
        DraftStatus.NO_RESPONSE_NEEDED,
    ):
        assert due_action(simple_draft("d-1", past, status=status), NOW, LEAD) is None


def test_an_alert_names_the_draft_and_the_time_left_but_nothing_about_the_buyer() -> None:
    draft = simple_draft("d-0100019000demo", NOW + timedelta(hours=3, minutes=5))
    alert = alert_for(draft, ClockAction.ESCALATE, NOW, CONSOLE)

    assert alert.subject == "ghostdesk: reply due in 3 h 05 min - order 113-4829175-6031482 (pending)"
    assert len(alert.subject) <= 100
    assert alert.subject.isascii()
    for fact in (
        "Draft: d-0100019000demo",
        "Order: 113-4829175-6031482",
        "Deadline: 2026-11-20 15:05 UTC",
        "Time left: 3 h 05 min",
        "https://desk.shop.example/#draft=d-0100019000demo",
    ):
        assert fact in alert.body
    for personal in ("Emily", "abcd1234efgh5678", "marketplace.amazon.com", draft.subject, draft.body):
        assert personal not in alert.body
        assert personal not in alert.subject
    assert alert.attributes == {"kind": "escalation", "case": "pending", "draft_id": "d-0100019000demo"}

    breach = alert_for(draft, ClockAction.BREACH, draft.deadline + timedelta(minutes=12), None)
    assert breach.subject.startswith("ghostdesk: reply deadline missed by 12 min")
    assert "Overdue by: 12 min" in breach.body
    assert "console" not in breach.body  # no console address configured: no link


def test_the_console_link_opens_the_draft_even_when_its_id_needs_escaping() -> None:
    assert console_link("https://x.example/desk", "d-a/b c") == "https://x.example/desk/#draft=d-a%2Fb%20c"
    assert console_link(None, "d-1") is None


# ------------------------------------------------------------------------------------------- runs


def test_a_draft_nearing_its_deadline_is_escalated_once_before_the_deadline_passes(
    desk: Desk, alerts: AlertRecorder, capsys: pytest.CaptureFixture[str]
) -> None:
    desk.drafts.put_new(simple_draft("d-near", NOW + timedelta(hours=5)))
    deps = clock_deps(desk, alerts)

    assert run_clock(deps).escalated == []  # five hours left: nothing yet
    desk.clock.advance(hours=1, minutes=30)  # 3 h 30 min left
    report = run_clock(deps)
    run_clock(deps)  # the next run five minutes later: already escalated

    assert report.escalated == ["d-near"]
    assert alerts.kinds() == [("escalation", "d-near")]
    draft = stored(desk, "d-near")
    assert draft.escalated_at == desk.clock.now
    assert draft.breached_at is None
    assert draft.deadline > desk.clock.now  # seen coming: alerted before the deadline
    assert audit_actions(desk, "d-near") == [("escalated", "system")]
    assert flushed(capsys) == {"Escalations": 1.0}


def test_a_deadline_that_passes_is_recorded_as_a_breach_once_and_alerted(
    desk: Desk, alerts: AlertRecorder, capsys: pytest.CaptureFixture[str]
) -> None:
    desk.drafts.put_new(simple_draft("d-late", NOW + timedelta(hours=2)))
    deps = clock_deps(desk, alerts)
    run_clock(deps)  # escalated
    desk.clock.advance(hours=2, minutes=7)

    report = run_clock(deps)
    run_clock(deps)

    assert report.breached == ["d-late"]
    assert alerts.kinds() == [("escalation", "d-late"), ("breach", "d-late")]
    draft = stored(desk, "d-late")
    assert draft.breached_at == desk.clock.now
    assert audit_actions(desk, "d-late") == [("escalated", "system"), ("breached", "system")]
    breach_entry = desk.audit.for_draft("d-late")[-1]
    assert breach_entry.changes == {"breached_at": {"before": None, "after": desk.clock.now.isoformat()}}
    assert flushed(capsys) == {"Escalations": 1.0, "Breaches": 1.0}


def test_the_lead_time_decides_how_early_a_draft_is_escalated(desk: Desk, alerts: AlertRecorder) -> None:
    desk.drafts.put_new(simple_draft("d-3h", NOW + timedelta(hours=3)))
    assert run_clock(clock_deps(desk, alerts, lead=timedelta(hours=1))).escalated == []
    assert run_clock(clock_deps(desk, alerts, lead=timedelta(hours=6))).escalated == ["d-3h"]


def test_every_open_draft_is_watched_and_decided_ones_are_not(desk: Desk, alerts: AlertRecorder) -> None:
    soon = NOW + timedelta(hours=1)
    desk.drafts.put_new(simple_draft("d-waiting", soon))
    desk.drafts.put_new(simple_draft("d-attention", soon, status=DraftStatus.NEEDS_ATTENTION))
    desk.drafts.put_new(simple_draft("d-sent", soon - timedelta(hours=5), status=DraftStatus.SENT))
    desk.drafts.put_new(simple_draft("d-rejected", soon - timedelta(hours=5), status=DraftStatus.REJECTED))
    for n in range(30):  # a busy morning: every one of them is seen
        desk.drafts.put_new(simple_draft(f"d-backlog-{n:02d}", NOW - timedelta(minutes=n + 1)))

    report = run_clock(clock_deps(desk, alerts))

    assert sorted(report.escalated) == ["d-attention", "d-waiting"]
    assert len(report.breached) == 30
    assert {draft_id for _, draft_id in alerts.kinds()} == {
        "d-waiting",
        "d-attention",
        *(f"d-backlog-{n:02d}" for n in range(30)),
    }
    assert stored(desk, "d-sent").escalated_at is None
    assert stored(desk, "d-rejected").breached_at is None


def test_a_run_that_overlaps_another_alerts_nobody_twice(desk: Desk, alerts: AlertRecorder) -> None:
    for n in range(3):
        desk.drafts.put_new(simple_draft(f"d-{n}", NOW + timedelta(hours=1, minutes=n)))
    deps = clock_deps(desk, alerts)
    reading = desk.drafts.due

    class SlowReader:
        """The first run has read the queue (the drafts unmarked) when the second run starts and ends."""

        def __init__(self) -> None:
            self.other_run_done = False

        def due(self, status: DraftStatus, *, by: object) -> Iterator[DraftRecord]:
            for draft in list(reading(status, by=by)):  # type: ignore[arg-type]
                if not self.other_run_done:
                    self.other_run_done = True
                    run_clock(deps)
                yield draft

        def __getattr__(self, name: str) -> object:
            return getattr(desk.drafts, name)

    first = run_clock(ClockDeps(**{**deps.__dict__, "drafts": SlowReader()}))

    assert sorted(alerts.kinds()) == [("escalation", "d-0"), ("escalation", "d-1"), ("escalation", "d-2")]
    assert first.escalated == []
    assert first.taken == 3
    assert [a for a, _ in audit_actions(desk, "d-1")] == ["escalated"]


def test_runs_racing_in_parallel_escalate_each_draft_exactly_once(desk: Desk, alerts: AlertRecorder) -> None:
    for n in range(12):
        desk.drafts.put_new(simple_draft(f"d-{n:02d}", NOW + timedelta(minutes=30 + n)))
    deps = clock_deps(desk, alerts)
    start = threading.Barrier(3)
    reports = []

    def run() -> None:
        start.wait()
        reports.append(run_clock(deps))

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(draft_id for _, draft_id in alerts.kinds()) == [f"d-{n:02d}" for n in range(12)]
    assert sum(len(r.escalated) for r in reports) == 12
    for n in range(12):
        assert [a for a, _ in audit_actions(desk, f"d-{n:02d}")] == ["escalated"]


def test_an_alert_the_topic_does_not_take_is_sent_by_the_next_run(desk: Desk) -> None:
    desk.drafts.put_new(simple_draft("d-1", NOW + timedelta(hours=1)))
    flaky = AlertRecorder(failures=1)
    deps = clock_deps(desk, flaky)

    failed = run_clock(deps)
    assert failed.failed == ["d-1"]
    assert stored(desk, "d-1").escalated_at is None  # the mark was taken back
    assert audit_actions(desk, "d-1") == []

    desk.clock.advance(minutes=5)
    again = run_clock(deps)
    assert again.escalated == ["d-1"]
    assert flaky.kinds() == [("escalation", "d-1")]


def test_the_clocks_mark_never_costs_an_agent_their_edit_and_is_never_wiped(
    desk: Desk, alerts: AlertRecorder
) -> None:
    desk.drafts.put_new(simple_draft("d-1", NOW + timedelta(hours=1)))
    opened = desk.drafts.get("d-1")
    assert opened is not None
    draft, revision = opened  # an agent opened the draft at this revision

    run_clock(clock_deps(desk, alerts))

    marked = desk.drafts.get("d-1")
    assert marked is not None
    assert marked[1] == revision  # the agent's revision still holds: saving the edit is not refused
    with pytest.raises(ConflictError):  # but a write that does not know the mark cannot wipe it
        desk.drafts.save(draft.with_changes(status_reason="edited"), revision)
    desk.drafts.save(marked[0].with_changes(status_reason="edited"), revision)
    assert stored(desk, "d-1").escalated_at == NOW


def test_a_breach_is_counted_where_the_breaches_alarm_looks() -> None:
    from ghostdesk import desk_metrics

    desk_metrics.breached()
    document = metrics.serialize_metric_set()
    (directive,) = document["_aws"]["CloudWatchMetrics"]
    assert directive["Namespace"] == "Ghostdesk"  # the alarm's Namespace
    assert directive["Dimensions"] == [["service"]]
    assert document["service"] == "ghostdesk"  # the alarm's one dimension
    assert directive["Metrics"] == [{"Name": "Breaches", "Unit": "Count"}]
