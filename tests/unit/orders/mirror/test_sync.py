"""The order sync's checkpoint: the first sync, resuming after the quota ran out, incremental windows,
the lease that keeps two runs apart, and the time budget.

A fake searchOrders pages through a list of orders by ``lastUpdatedTime`` (three per page here, so a
window takes several pages); quota and mirror are the real ones in moto, time is a manual clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ghostdesk.orders.mirror import OrderMirror
from ghostdesk.orders.quota import SEARCH_ORDERS, DynamoTokenBuckets
from ghostdesk.orders.sync import (
    Checkpoint,
    CheckpointStore,
    SyncDeps,
    SyncPolicy,
    SyncWindow,
    sync_orders,
)
from ghostdesk.orders.throttled import QuotaGate
from tests.unit.orders.builders import amazon_order, stamp
from tests.unit.orders.mirror.conftest import ManualClock, Tables


class FakeSearch:
    """searchOrders by update time over a list of orders, ``page_size`` per page, recording each call."""

    def __init__(self, orders: list[dict[str, Any]], page_size: int = 3) -> None:
        self.orders = orders
        self.page_size = page_size
        self.calls: list[dict[str, Any]] = []

    def search_orders_page(
        self,
        *,
        last_updated_after: datetime,
        last_updated_before: datetime,
        pagination_token: str | None = None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        self.calls.append(
            {"after": last_updated_after, "before": last_updated_before, "token": pagination_token}
        )
        matching = sorted(
            (o for o in self.orders if last_updated_after <= _updated(o) <= last_updated_before),
            key=lambda o: (o["lastUpdatedTime"], o["orderId"]),
        )
        start = int(pagination_token or 0)
        page = matching[start : start + self.page_size]
        more = start + self.page_size < len(matching)
        return page, str(start + self.page_size) if more else None


def _updated(order: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(order["lastUpdatedTime"].replace("Z", "+00:00"))


class Setup:
    def __init__(self, tables: Tables, orders: list[dict[str, Any]]) -> None:
        self.clock = ManualClock()
        self.mirror = OrderMirror(tables.client, tables.orders, clock=self.clock.datetime)
        self.checkpoints = CheckpointStore(tables.client, tables.orders)
        self.buckets = DynamoTokenBuckets(tables.client, tables.quota, scope="na", clock=self.clock.epoch)
        self.search = FakeSearch(orders)
        self.deps = SyncDeps(
            mirror=self.mirror,
            checkpoints=self.checkpoints,
            search=lambda: self.search,
            quota=QuotaGate(self.buckets, sleep=self.clock.sleep, monotonic=self.clock.epoch),
            clock=self.clock.datetime,
            policy=SyncPolicy(first_window=timedelta(days=30)),
        )

    def run(self, time_left_s: float = 280.0) -> Any:
        return sync_orders(self.deps, time_left_s=lambda: time_left_s)

    def order(self, n: int, updated_days_ago: float) -> dict[str, Any]:
        updated = self.clock.now - timedelta(days=updated_days_ago)
        return amazon_order(f"111-{n:07d}-0000000", created=updated - timedelta(hours=1), updated=updated)


def orders_for(setup: Setup) -> list[dict[str, Any]]:
    recent = [setup.order(n, updated_days_ago=1 + 3 * n) for n in range(7)]  # 1 .. 19 days ago
    return [*recent, setup.order(99, updated_days_ago=45)]  # outside the first window


def test_the_first_sync_mirrors_every_order_updated_in_the_window_and_records_its_coverage(
    tables: Tables,
) -> None:
    s = Setup(tables, [])
    s.search.orders = orders_for(s)

    report = s.run()

    assert (report.outcome, report.pages, report.orders_seen, report.windows_completed) == ("done", 3, 7, 1)
    assert s.mirror.get("111-0000003-0000000") is not None
    assert s.mirror.get("111-0000099-0000000") is None  # older than 30 days: not mirrored
    coverage = s.checkpoints.coverage()
    assert coverage is not None
    assert coverage.since == s.clock.now - timedelta(days=30)
    assert coverage.until == s.clock.now - SyncPolicy().listing_lag
    assert [c["token"] for c in s.search.calls] == [None, "3", "6"]


def test_a_run_out_of_quota_saves_its_page_and_the_next_run_resumes_there(tables: Tables) -> None:
    s = Setup(tables, [])
    s.search.orders = orders_for(s)
    for _ in range(19):  # one searchOrders token left of the burst of 20
        assert s.buckets.take(SEARCH_ORDERS).granted

    first = s.run()
    assert (first.outcome, first.pages) == ("quota", 1)
    assert first.retry_after_s is not None
    saved = s.checkpoints.load()
    assert saved is not None
    assert saved.coverage is None  # the window is not done
    assert saved.window is not None
    assert saved.window.page_token == "3"

    s.clock.advance(400)  # two tokens' worth at 0.0056/s (95 %): the two pages left
    second = s.run()
    assert (second.pages, second.windows_completed) == (2, 1)
    assert [c["token"] for c in s.search.calls] == [None, "3", "6"]  # no page fetched twice
    assert len({(c["after"], c["before"]) for c in s.search.calls}) == 1  # one window throughout
    assert s.checkpoints.coverage() is not None
    # The 400 s that passed meanwhile are the next window; it waits for the next token.
    assert second.outcome == "quota"


def test_later_runs_read_only_what_changed_since_the_coverage_with_an_overlap(tables: Tables) -> None:
    s = Setup(tables, [])
    s.search.orders = orders_for(s)
    s.run()
    covered = s.checkpoints.coverage()
    assert covered is not None

    s.clock.advance(300)
    changed = amazon_order(
        "111-0000002-0000000",
        status="UNSHIPPED",
        created=s.clock.now - timedelta(days=7),
        updated=s.clock.now - timedelta(minutes=3),
    )
    s.search.orders = [*s.search.orders, changed]
    s.search.orders.remove(next(o for o in s.search.orders if o["orderId"] == changed["orderId"]))
    s.search.calls.clear()

    report = s.run()

    assert (report.outcome, report.pages, report.orders_seen) == ("done", 1, 1)
    assert s.search.calls[0]["after"] == covered.until - SyncPolicy().overlap
    entry = s.mirror.get("111-0000002-0000000")
    assert entry is not None
    assert entry.facts is not None
    assert entry.facts.status == "UNSHIPPED"
    again = s.run()  # caught up: no call spent
    assert (again.outcome, again.pages) == ("nothing_to_do", 0)


def test_a_second_run_while_one_holds_the_lease_does_nothing(tables: Tables) -> None:
    s = Setup(tables, [])
    s.search.orders = orders_for(s)
    assert s.checkpoints.acquire_lease("another-run", now=s.clock.now, lease=timedelta(minutes=6))

    report = s.run()

    assert report.outcome == "busy"
    assert s.search.calls == []
    s.clock.advance(7 * 60)  # the other run died: its lease runs out
    assert s.run().outcome == "done"


def test_a_run_stops_paging_when_its_invocation_is_almost_out_of_time(tables: Tables) -> None:
    s = Setup(tables, [])
    s.search.orders = orders_for(s)
    report = s.run(time_left_s=5.0)
    assert (report.outcome, report.pages) == ("time", 0)
    assert s.search.calls == []


def test_an_expired_page_token_restarts_its_window_instead_of_failing(tables: Tables) -> None:
    s = Setup(tables, [])
    s.search.orders = orders_for(s)
    window = SyncWindow(
        after=s.clock.now - timedelta(days=30),
        before=s.clock.now - timedelta(days=1, minutes=3),
        page_token="3",
        page_token_at=s.clock.now - timedelta(hours=25),
    )
    s.checkpoints.acquire_lease("setup", now=s.clock.now, lease=timedelta(minutes=1))
    s.checkpoints.save("setup", Checkpoint(window=window))
    s.checkpoints.release("setup")

    report = s.run()

    assert report.outcome == "done"
    assert s.search.calls[0]["token"] is None
    assert stamp(s.search.calls[0]["before"]) == stamp(window.before)
