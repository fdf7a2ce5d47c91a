"""Calling SP-API within its quota: wait for a token, retry 429 and 5xx with full jitter, within a budget.

:class:`QuotaGate` wraps one SP-API request. Before the request it takes a token from the shared bucket
(:mod:`ghostdesk.orders.quota`); a token a couple of seconds away is waited for in place, a farther one
becomes :class:`~ghostdesk.orders.source.QuotaExceeded` with the exact wait, which the queue consumer
turns into a message delay (SQS visibility) - never a failure. A 429 from Amazon empties our bucket (so
it agrees with Amazon's) and a 5xx or timeout is retried, both after a full-jitter backoff, for at most
``max_attempts`` tries inside ``budget_s`` seconds, so a call never outlives the Lambda that makes it.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ghostdesk.orders.amazon import CHANNEL
from ghostdesk.orders.quota import DynamoTokenBuckets, Grant, Outcome
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded

log = logging.getLogger(__name__)

_T = TypeVar("_T")


@dataclass(frozen=True)
class RetryPolicy:
    """How long one SP-API call may wait and retry before it hands the wait back to the queue."""

    max_attempts: int = 3
    base_s: float = 0.5  # full jitter: a retry waits uniformly in [0, min(cap, base * 2**n))
    cap_s: float = 4.0
    budget_s: float = 10.0  # the whole call, waits included: a diagnose batch of 5 fits a 60 s timeout
    inline_wait_s: float = 2.5  # a token at most this far away is waited for in place

    def backoff(self, attempt: int, draw: Callable[[], float]) -> float:
        return float(draw() * min(self.cap_s, self.base_s * 2.0**attempt))


class ReservationTaken(Exception):
    """Another worker asking for the same key redeemed the reserved slot: it is fetching that very
    thing, so the caller should look for its result instead of calling again."""


def queue_delay(wait_s: float) -> float:
    """A wait as a queue delay: whole seconds (SQS visibility), rounded up with a little margin, so the
    message never comes back before its token exists."""
    return float(max(1, math.ceil(wait_s + 0.25)))


class QuotaGate:
    """SP-API requests paced by shared token buckets, with bounded retries."""

    def __init__(
        self,
        buckets: DynamoTokenBuckets,
        *,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        draw: Callable[[], float] = random.random,
    ) -> None:
        self.buckets = buckets
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._monotonic = monotonic
        self._draw = draw

    def call(self, operation: str, request: Callable[[], _T], *, key: str | None = None) -> _T:
        """Run ``request`` (one SP-API call) when the bucket allows, retrying 429/5xx within the budget.

        With ``key`` (e.g. the order ID) a caller that has to wait reserves a slot under that key, so it
        is served in turn when it comes back; without, it simply asks again later.
        Raises QuotaExceeded (wait, then try again), MarketplaceUnavailable, or ReservationTaken.
        """
        started = self._monotonic()
        attempt = 0
        while True:
            self._permit(operation, key, started)
            try:
                return request()
            except QuotaExceeded as throttled:
                self.buckets.throttled(operation, throttled.rate_limit)
                log.warning("%s throttled by Amazon (attempt %d)", operation, attempt + 1)
                failure: Exception = throttled
            except MarketplaceUnavailable as unavailable:
                log.warning("%s failed (attempt %d): %s", operation, attempt + 1, unavailable.reason)
                failure = unavailable
            attempt += 1
            delay = self.policy.backoff(attempt, self._draw)
            elapsed = self._monotonic() - started
            if attempt >= self.policy.max_attempts or elapsed + delay > self.policy.budget_s:
                if isinstance(failure, QuotaExceeded):
                    wait = self.buckets.peek(operation).seconds_until(1.0, self.buckets.headroom)
                    raise QuotaExceeded(
                        CHANNEL,
                        retry_after_s=queue_delay(max(wait, failure.retry_after_s)),
                        rate_limit=failure.rate_limit,
                    ) from failure
                raise failure
            self._sleep(delay)

    def call_if_spare(self, operation: str, request: Callable[[], _T], *, keep: float) -> _T | None:
        """Run ``request`` once, only if a token is free with ``keep`` left over; None otherwise.

        For background work that must never take quota from buyers' messages; no retries (a later poll
        does the same work).
        """
        if not self.buckets.take(operation, keep=keep).granted:
            return None
        try:
            return request()
        except QuotaExceeded as throttled:
            self.buckets.throttled(operation, throttled.rate_limit)
            return None

    def _permit(self, operation: str, key: str | None, started: float) -> None:
        """Return once a token is ours; raise QuotaExceeded when the wait is longer than worth waiting."""
        while True:
            grant = self.buckets.reserve(operation, key) if key else self.buckets.take(operation)
            if grant.granted:
                return
            if grant.outcome is Outcome.DENIED and key and grant.wait_s == 0:
                raise ReservationTaken(f"{operation} {key}: reserved slot redeemed by another worker")
            self._wait_or_hand_back(operation, grant, started)

    def _wait_or_hand_back(self, operation: str, grant: Grant, started: float) -> None:
        elapsed = self._monotonic() - started
        if grant.wait_s <= self.policy.inline_wait_s and elapsed + grant.wait_s <= self.policy.budget_s:
            self._sleep(grant.wait_s)
            return
        log.info(
            "%s quota: waiting outside",
            operation,
            extra={"wait_s": round(grant.wait_s, 2), "outcome": grant.outcome},
        )
        raise QuotaExceeded(CHANNEL, retry_after_s=queue_delay(grant.wait_s))
