"""MirroredOrderSource: when diagnosis is answered from the mirror, and when (and how) it asks Amazon.

A fake SP-API counts the calls; the quota buckets and the mirror are the real ones in moto; time is a
manual clock, so waiting for a token takes no real time.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import pytest

from ghostdesk.orders.mirror import OrderMirror, Source
from ghostdesk.orders.mirrored import FreshnessPolicy, MirroredOrderSource, Verdict, decide
from ghostdesk.orders.quota import GET_ORDER, DynamoTokenBuckets
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from ghostdesk.orders.sync import Checkpoint, CheckpointStore, Coverage
from ghostdesk.orders.throttled import QuotaGate
from tests.unit.orders.builders import amazon_order
from tests.unit.orders.mirror.conftest import ManualClock, Tables
from tests.unit.orders.mirror.test_mirror import change

ORDER = "113-4829175-6031482"
ALIAS = "abcd1234efgh5678@marketplace.amazon.com"


class FakeSpApi:
    """getOrder over a dict of orders, counting calls; ``failures`` are raised first, in order."""

    def __init__(self, orders: list[dict[str, Any]] | None = None) -> None:
        self.orders = {o["orderId"]: o for o in orders or []}
        self.calls: Counter[str] = Counter()
        self.failures: list[Exception] = []

    def get_raw_order(self, order_id: str) -> dict[str, Any] | None:
        self.calls[order_id] += 1
        if self.failures:
            raise self.failures.pop(0)
        return self.orders.get(order_id)


class Setup:
    def __init__(self, tables: Tables, orders: list[dict[str, Any]] | None = None) -> None:
        self.clock = ManualClock()
        self.mirror = OrderMirror(tables.client, tables.orders, clock=self.clock.datetime)
        self.checkpoints = CheckpointStore(tables.client, tables.orders)
        self.buckets = DynamoTokenBuckets(tables.client, tables.quota, scope="na", clock=self.clock.epoch)
        self.api = FakeSpApi(orders)
        self.source = MirroredOrderSource(
            self.mirror,
            lambda: self.api,
            QuotaGate(self.buckets, sleep=self.clock.sleep, monotonic=self.clock.epoch, draw=lambda: 0.5),
            self.clock.datetime,
            timedelta(minutes=15),
            checkpoints=self.checkpoints,
            coverage_cache_s=0,
            sleep=self.clock.sleep,
            monotonic=self.clock.epoch,
        )

    def covered_until(self, until: datetime, since: datetime | None = None) -> None:
        """As if the scheduled sync had mirrored every change up to ``until``."""
        self.checkpoints.acquire_lease("test", now=self.clock.now, lease=timedelta(minutes=1))
        coverage = Coverage(since=since or until - timedelta(days=30), until=until)
        self.checkpoints.save("test", Checkpoint(coverage=coverage))
        self.checkpoints.release("test")

    def drain(self, tokens: int = 30) -> None:
        for _ in range(tokens):
            assert self.buckets.take(GET_ORDER).granted


def test_a_mirrored_order_is_answered_without_calling_amazon(tables: Tables) -> None:
    s = Setup(tables)
    s.mirror.put_order(amazon_order(ORDER, created=s.clock.now - timedelta(days=2)), Source.POLL)
    facts = s.source.get_order(ORDER)
    assert facts is not None
    assert facts.status == "PENDING"
    assert s.api.calls == Counter()


def test_a_miss_is_fetched_once_and_then_answered_from_the_mirror(tables: Tables) -> None:
    s = Setup(tables, [amazon_order(ORDER)])
    first = s.source.get_order(ORDER)
    second = s.source.get_order(ORDER)
    assert first == second
    assert first is not None
    assert s.api.calls[ORDER] == 1
    entry = s.mirror.get(ORDER)
    assert entry is not None
    assert entry.source is Source.GET_ORDER


def test_stale_data_of_a_pending_order_is_refreshed_unless_the_sync_vouches_for_it(tables: Tables) -> None:
    s = Setup(tables, [amazon_order(ORDER, status="UNSHIPPED")])
    s.mirror.put_order(amazon_order(ORDER, created=s.clock.now - timedelta(days=2)), Source.POLL)
    s.clock.advance(20 * 60)  # 20 minutes later: older than the 15 minutes a pending order is trusted

    s.covered_until(s.clock.now - timedelta(minutes=3))  # ... but the sync saw no change since
    covered = s.source.get_order(ORDER)
    assert covered is not None
    assert covered.status == "PENDING"
    assert s.api.calls[ORDER] == 0

    s.covered_until(s.clock.now - timedelta(minutes=19))  # the sync stalled: trust runs out
    refreshed = s.source.get_order(ORDER)
    assert refreshed is not None
    assert refreshed.status == "UNSHIPPED"
    assert s.api.calls[ORDER] == 1


def test_unknown_ids_asked_three_times_cost_one_call_each(tables: Tables) -> None:
    s = Setup(tables)
    unknown = [f"114-{n:07d}-0000000" for n in range(20)]
    for _ in range(3):
        for order_id in unknown:
            assert s.source.get_order(order_id) is None
    assert sum(s.api.calls.values()) == 20

    s.clock.advance(11 * 60)  # the remembered 404 expires: the order may exist by now
    assert s.source.get_order(unknown[0]) is None
    assert sum(s.api.calls.values()) == 21


def test_a_summary_only_entry_is_completed_with_get_order(tables: Tables) -> None:
    s = Setup(tables, [amazon_order(ORDER, buyer_email=ALIAS)])
    s.mirror.apply_change(change("Pending", s.clock.now - timedelta(days=3)))
    facts = s.source.get_order(ORDER)
    assert facts is not None
    assert facts.buyer_email == ALIAS
    assert s.api.calls[ORDER] == 1


def test_without_a_token_the_message_is_handed_back_with_its_slot_and_served_on_return(
    tables: Tables,
) -> None:
    s = Setup(tables, [amazon_order(ORDER)])
    s.drain()
    s.buckets.reserve(GET_ORDER, "someone-else-1")
    s.buckets.reserve(GET_ORDER, "someone-else-2")  # two messages are already waiting in line

    with pytest.raises(QuotaExceeded) as waited:
        s.source.get_order(ORDER)
    interval = 1 / (0.5 * 0.95)
    assert waited.value.retry_after_s == pytest.approx(7.0)  # 3 x 2.1 s, rounded up to whole seconds
    assert 3 * interval <= waited.value.retry_after_s
    assert s.api.calls[ORDER] == 0

    # A second message about the same order, meanwhile, waits for the same slot.
    with pytest.raises(QuotaExceeded):
        s.source.get_order(ORDER)

    s.clock.advance(waited.value.retry_after_s)  # SQS hands the message back
    facts = s.source.get_order(ORDER)
    assert facts is not None
    assert s.api.calls[ORDER] == 1
    assert s.source.get_order(ORDER) == facts  # the other message: answered from the mirror
    assert s.api.calls[ORDER] == 1


def test_a_token_moments_away_is_waited_for_in_place(tables: Tables) -> None:
    s = Setup(tables, [amazon_order(ORDER)])
    s.drain()
    started = s.clock.now
    assert s.source.get_order(ORDER) is not None
    assert (s.clock.now - started).total_seconds() == pytest.approx(1 / (0.5 * 0.95))


def test_a_429_empties_the_bucket_adopts_amazons_rate_and_retries_after_a_jittered_wait(
    tables: Tables,
) -> None:
    s = Setup(tables, [amazon_order(ORDER)])
    s.api.failures = [QuotaExceeded("amazon", retry_after_s=2.0, rate_limit=0.4)]
    assert s.source.get_order(ORDER) is not None
    assert s.api.calls[ORDER] == 2
    bucket = s.buckets.peek(GET_ORDER)
    assert bucket.rate == pytest.approx(0.4)
    assert bucket.tokens < 1.0  # emptied by the 429, refilling since


def test_5xx_is_retried_within_the_budget_then_reported_unavailable(tables: Tables) -> None:
    s = Setup(tables, [amazon_order(ORDER)])
    s.api.failures = [MarketplaceUnavailable("amazon", "getOrder: HTTP 503")] * 2
    assert s.source.get_order(ORDER) is not None
    assert s.api.calls[ORDER] == 3

    other = "113-0000000-0000001"
    s.api.failures = [MarketplaceUnavailable("amazon", "getOrder: HTTP 500")] * 5
    with pytest.raises(MarketplaceUnavailable):
        s.source.get_order(other)
    assert s.api.calls[other] == 3  # max_attempts


def test_alias_look_ups_read_the_buyer_email_index_once_the_first_sync_is_done(tables: Tables) -> None:
    s = Setup(tables)
    s.mirror.put_order(
        amazon_order(ORDER, created=s.clock.now - timedelta(days=2), buyer_email=ALIAS), Source.POLL
    )
    since = s.clock.now - timedelta(days=60)
    with pytest.raises(MarketplaceUnavailable, match="first sync"):
        s.source.find_by_buyer_email(ALIAS, created_after=since)

    s.covered_until(s.clock.now - timedelta(minutes=2))
    assert [f.order_id for f in s.source.find_by_buyer_email(ALIAS, created_after=since)] == [ORDER]
    assert s.api.calls == Counter()


def test_decide_names_the_reason_for_every_verdict(tables: Tables) -> None:
    s = Setup(tables)
    now = s.clock.now
    policy = FreshnessPolicy()
    assert decide(None, now=now, coverage=None, policy=policy).verdict is Verdict.FETCH
    s.mirror.put_not_found("114-0000000-0000000")
    remembered = s.mirror.get("114-0000000-0000000")
    assert decide(remembered, now=now, coverage=None, policy=policy).verdict is Verdict.NOT_FOUND
    s.mirror.put_order(amazon_order(ORDER, status="SHIPPED", created=now - timedelta(days=9)), Source.POLL)
    shipped = s.mirror.get(ORDER)
    later = now + timedelta(hours=3)
    assert decide(shipped, now=later, coverage=None, policy=policy).verdict is Verdict.HIT  # not pending
    day_later = now + timedelta(hours=25)
    stale = decide(shipped, now=day_later, coverage=None, policy=policy)
    assert (stale.verdict, stale.reason) == (Verdict.FETCH, "the mirror is 25 h old")
