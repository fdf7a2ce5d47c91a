"""The shared SP-API token buckets against moto DynamoDB, as several Lambdas would use them at once.

Given Amazon's usage plans, when many workers take tokens concurrently, then together they never get
more than the burst at once nor more than the plan refills, they adopt the rate Amazon reports, and a
worker that must wait is given its own slot in line.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from ghostdesk.orders.quota import (
    AMAZON_DEFAULT_PLANS,
    GET_ORDER,
    SEARCH_ORDERS,
    DynamoTokenBuckets,
    Outcome,
    RatePlan,
)
from tests.unit.orders.mirror.conftest import ManualClock, Tables


def buckets(tables: Tables, clock: ManualClock, **options: object) -> DynamoTokenBuckets:
    return DynamoTokenBuckets(
        tables.client,
        tables.quota,
        scope="na",
        clock=clock.epoch,
        **options,  # type: ignore[arg-type]
    )


def test_concurrent_workers_never_get_more_than_the_burst_at_once(tables: Tables) -> None:
    clock = ManualClock()  # time stands still: nothing refills while they race
    shared = buckets(tables, clock)
    granted = []
    lock = threading.Lock()

    def worker() -> None:
        mine = DynamoTokenBuckets(tables.client, tables.quota, scope="na", clock=clock.epoch)
        for _ in range(10):
            if mine.take(GET_ORDER).granted:
                with lock:
                    granted.append(1)

    with ThreadPoolExecutor(max_workers=8) as pool:
        for future in [pool.submit(worker) for _ in range(8)]:
            future.result()

    assert len(granted) == AMAZON_DEFAULT_PLANS[GET_ORDER].burst == 30
    assert shared.peek(GET_ORDER).tokens == pytest.approx(0.0)


def test_concurrent_workers_together_stay_within_the_refill_rate(tables: Tables) -> None:
    plan = RatePlan(rate=20.0, burst=5)  # a fast plan so the test takes a second, not minutes
    granted: list[float] = []
    lock = threading.Lock()
    started = time.time()
    deadline = started + 1.5

    def worker() -> None:
        mine = DynamoTokenBuckets(tables.client, tables.quota, scope="na", plans={GET_ORDER: plan})
        while time.time() < deadline:
            if mine.take(GET_ORDER).granted:
                with lock:
                    granted.append(time.time())
            else:
                time.sleep(0.005)

    with ThreadPoolExecutor(max_workers=6) as pool:
        for future in [pool.submit(worker) for _ in range(6)]:
            future.result()

    elapsed = max(granted) - started
    allowed = plan.burst + plan.rate * 0.95 * elapsed
    assert len(granted) <= allowed + 1  # never more than the bucket could have held
    assert len(granted) >= 0.6 * allowed  # and the workers did get what was there
    # No window of one second holds more than the burst plus one second of refill.
    for t in granted:
        in_window = [g for g in granted if t <= g < t + 1.0]
        assert len(in_window) <= plan.burst + plan.rate + 1


def test_an_empty_bucket_refills_at_the_plan_rate_with_headroom(tables: Tables) -> None:
    clock = ManualClock()
    quota = buckets(tables, clock)
    for _ in range(30):
        assert quota.take(GET_ORDER).granted
    denied = quota.take(GET_ORDER)
    assert denied.outcome is Outcome.DENIED
    assert denied.wait_s == pytest.approx(1 / (0.5 * 0.95))

    clock.advance(10)  # 10 s x 0.5/s x 95 % = 4.75 tokens
    assert [quota.take(GET_ORDER).granted for _ in range(5)] == [True] * 4 + [False]


def test_the_bucket_adopts_the_rate_amazon_reports_and_empties_on_a_429(tables: Tables) -> None:
    clock = ManualClock()
    quota = buckets(tables, clock)
    quota.take(SEARCH_ORDERS)
    quota.observe_rate(SEARCH_ORDERS, 0.0222)  # a seller with a higher plan than the default
    assert quota.peek(SEARCH_ORDERS).rate == pytest.approx(0.0222)

    quota.throttled(SEARCH_ORDERS, rate_limit=0.0056)  # Amazon said no, and named the real plan
    bucket = quota.peek(SEARCH_ORDERS)
    assert bucket.tokens == pytest.approx(0.0)
    assert bucket.rate == pytest.approx(0.0056)
    assert quota.take(SEARCH_ORDERS).wait_s == pytest.approx(1 / (0.0056 * 0.95))


def test_take_with_keep_uses_only_spare_tokens(tables: Tables) -> None:
    clock = ManualClock()
    quota = buckets(tables, clock)
    granted = sum(quota.take(GET_ORDER, keep=10).granted for _ in range(40))
    assert granted == 20  # ten stay for buyers' messages
    assert quota.take(GET_ORDER).granted  # which still get them


def test_waiting_workers_get_distinct_slots_in_order_and_redeem_them_once(tables: Tables) -> None:
    clock = ManualClock()
    quota = buckets(tables, clock)
    for _ in range(30):
        quota.take(GET_ORDER)
    interval = 1 / (0.5 * 0.95)

    first = quota.reserve(GET_ORDER, "111-0000000-0000001")
    second = quota.reserve(GET_ORDER, "111-0000000-0000002")
    again = quota.reserve(GET_ORDER, "111-0000000-0000001")  # the same order asks again: same slot

    assert (first.outcome, second.outcome, again.outcome) == (Outcome.RESERVED,) * 3
    assert first.wait_s == pytest.approx(interval)
    assert second.wait_s == pytest.approx(2 * interval)
    assert again.wait_s == pytest.approx(interval)

    clock.advance(interval)
    assert quota.reserve(GET_ORDER, "111-0000000-0000001").outcome is Outcome.GRANTED  # its turn
    assert quota.reservation(GET_ORDER, "111-0000000-0000001") is None  # used up
    assert quota.reserve(GET_ORDER, "111-0000000-0000002").outcome is Outcome.RESERVED  # not yet
    clock.advance(interval)
    assert quota.reserve(GET_ORDER, "111-0000000-0000002").outcome is Outcome.GRANTED


def test_concurrent_reservations_are_spaced_by_the_refill_interval(tables: Tables) -> None:
    clock = ManualClock()
    quota = buckets(tables, clock)
    for _ in range(30):
        quota.take(GET_ORDER)

    def reserve(n: int) -> float:
        mine = DynamoTokenBuckets(tables.client, tables.quota, scope="na", clock=clock.epoch)
        grant = mine.reserve(GET_ORDER, f"order-{n}")
        assert grant.outcome is Outcome.RESERVED
        return grant.wait_s

    with ThreadPoolExecutor(max_workers=6) as pool:
        waits = sorted(pool.map(reserve, range(12)))

    interval = 1 / (0.5 * 0.95)
    assert waits == pytest.approx([interval * (n + 1) for n in range(12)])


def test_reservations_reach_only_so_far_ahead(tables: Tables) -> None:
    clock = ManualClock()
    quota = buckets(tables, clock, max_debt_s=10.0)
    for _ in range(30):
        quota.take(GET_ORDER)
    outcomes = [quota.reserve(GET_ORDER, f"order-{n}").outcome for n in range(6)]
    assert outcomes == [Outcome.RESERVED] * 4 + [Outcome.DENIED] * 2  # 4 slots fit in 10 s at 0.475/s


def test_buckets_of_different_sellers_do_not_share_tokens(tables: Tables) -> None:
    clock = ManualClock()
    na = buckets(tables, clock)
    eu = DynamoTokenBuckets(tables.client, tables.quota, scope="eu", clock=clock.epoch)
    for _ in range(30):
        na.take(GET_ORDER)
    assert not na.take(GET_ORDER).granted
    assert eu.take(GET_ORDER).granted
