"""SP-API usage plans as token buckets shared by every Lambda, kept in DynamoDB.

Amazon meters a selling partner's calls per operation with a token bucket: ``getOrder`` refills at 0.5
tokens a second and holds at most 30, ``searchOrders`` refills at 0.0056 a second and holds 20. Every
Lambda environment that calls the API draws on that one bucket at Amazon, so the model of it must be
shared too: one DynamoDB item per (scope, operation) keeps the tokens and the time they were last
refilled, and every change is a compare-and-set on exactly those two values read a moment earlier. Two
environments racing for the last token cannot both win; the loser re-reads and tries again.

Beyond taking a token now, a caller that must not give up (a buyer's message waiting to be diagnosed)
can **reserve** a slot: the bucket goes into debt by one token and the caller learns when its token will
exist. The reservation is kept under the caller's key (an order ID), so the queue message can be
delayed until exactly that moment and redeem it when it comes back, instead of re-polling every second
and being counted as a receive each time. Reservations are handed out in order, so waiters are served
at the plan's rate, first come first served, and none waits longer than it must.

The bucket refills a little slower than Amazon's published rate (``headroom``, 95 % by default): our
requests reach Amazon a few milliseconds after we take the token, and without a margin a request sent
exactly on the refill tick can still find Amazon's bucket a hair short of a token. When Amazon reports a
different rate (``x-amzn-RateLimit-Limit``), the bucket adopts it; when Amazon throttles us anyway
(another application of the same seller, a lower plan), the bucket is emptied so ours agrees with theirs.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeVar

from ghostdesk.aws.dynamo import is_conditional_failure

GET_ORDER = "getOrder"
SEARCH_ORDERS = "searchOrders"

_T = TypeVar("_T")


@dataclass(frozen=True)
class RatePlan:
    """An operation's usage plan: tokens added per second, and the most the bucket holds."""

    rate: float
    burst: int


#: Amazon's default usage plans for the Orders API 2026-01-01 (the model's "Usage Plan" tables).
AMAZON_DEFAULT_PLANS: Mapping[str, RatePlan] = MappingProxyType(
    {GET_ORDER: RatePlan(rate=0.5, burst=30), SEARCH_ORDERS: RatePlan(rate=0.0056, burst=20)}
)
DEFAULT_HEADROOM = 0.95
DEFAULT_MAX_DEBT_S = 900.0  # reservations reach at most 15 minutes ahead; beyond that, back off


@dataclass(frozen=True)
class Bucket:
    """One bucket's state. ``tokens`` may be negative: that many slots are reserved ahead."""

    tokens: float
    refilled_at: float  # epoch seconds
    rate: float  # Amazon's rate as last reported (requests per second)
    burst: int

    def refill_rate(self, headroom: float) -> float:
        return self.rate * headroom

    def at(self, now: float, headroom: float) -> Bucket:
        """The bucket at ``now``: refilled for the time passed, never beyond the burst.

        A clock that lags the one that last wrote (another Lambda) never moves time backwards.
        """
        elapsed = max(0.0, now - self.refilled_at)
        tokens = min(float(self.burst), self.tokens + elapsed * self.refill_rate(headroom))
        return replace(self, tokens=tokens, refilled_at=max(now, self.refilled_at))

    def seconds_until(self, tokens: float, headroom: float) -> float:
        """How long until the bucket holds ``tokens`` (0 when it already does)."""
        missing = tokens - self.tokens
        return 0.0 if missing <= 0 else missing / self.refill_rate(headroom)


class Outcome(StrEnum):
    GRANTED = "granted"  # a token was taken: call now
    RESERVED = "reserved"  # a future slot was reserved: call after wait_s
    DENIED = "denied"  # nothing taken: ask again after wait_s


@dataclass(frozen=True)
class Grant:
    outcome: Outcome
    wait_s: float = 0.0

    @property
    def granted(self) -> bool:
        return self.outcome is Outcome.GRANTED


class QuotaStoreError(RuntimeError):
    """The bucket could not be updated (persistent contention or a DynamoDB failure)."""


class DynamoTokenBuckets:
    """Token buckets for one selling partner (``scope``), one item per operation, in a DynamoDB table.

    The table has a string hash key ``id`` and a TTL attribute ``expires_at`` (reservations expire).
    ``clock`` is wall-clock epoch seconds, shared by every Lambda through NTP.
    """

    def __init__(
        self,
        client: Any,
        table_name: str,
        *,
        scope: str,
        plans: Mapping[str, RatePlan] = AMAZON_DEFAULT_PLANS,
        headroom: float = DEFAULT_HEADROOM,
        max_debt_s: float = DEFAULT_MAX_DEBT_S,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        cas_attempts: int = 40,
    ) -> None:
        if not 0 < headroom <= 1:
            raise ValueError("headroom must be in (0, 1]")
        self._client = client
        self.table_name = table_name
        self.scope = scope
        self._plans = dict(plans)
        self.headroom = headroom
        self._max_debt_s = max_debt_s
        self._clock = clock
        self._sleep = sleep
        self._cas_attempts = cas_attempts
        self._known_rates: dict[str, float] = {}

    # --- taking tokens ---------------------------------------------------------------------------
    def take(self, operation: str, *, keep: float = 0.0) -> Grant:
        """Take a token now if, after taking it, at least ``keep`` tokens remain; never reserves.

        ``keep`` lets background work (enriching the mirror) use only spare capacity, leaving the rest
        of the burst to buyers' messages.
        """

        def decide(bucket: Bucket) -> tuple[Bucket | None, Grant]:
            if bucket.tokens - 1.0 >= keep:
                return replace(bucket, tokens=bucket.tokens - 1.0), Grant(Outcome.GRANTED)
            return None, Grant(Outcome.DENIED, bucket.seconds_until(1.0 + keep, self.headroom))

        return self._change(operation, decide)

    def reserve(self, operation: str, key: str) -> Grant:
        """A token now, or a reserved slot for ``key`` (the bucket goes into debt), or a denial.

        A slot is only reserved within ``max_debt_s`` of now. If ``key`` already holds a reservation,
        that one is returned (as RESERVED with its remaining wait, or GRANTED when its time has come and
        it was redeemed here), so one key never holds two slots.
        """
        for _ in range(self._cas_attempts):
            existing = self.reservation(operation, key)
            if existing is not None:
                return self._redeem_or_wait(operation, key, existing)
            result = self._try_reserve(operation, key)
            if result is not None:
                return result
        raise QuotaStoreError(f"{operation}: token bucket too contended to reserve a slot")

    def reservation(self, operation: str, key: str) -> float | None:
        """Seconds until ``key``'s reserved slot (zero or less: it is due), or None without one."""
        item = self._client.get_item(
            TableName=self.table_name,
            Key={"id": {"S": self._reservation_id(operation, key)}},
            ConsistentRead=True,
        ).get("Item")
        if item is None:
            return None
        return float(item["slot_at"]["N"]) - self._clock()

    def redeem(self, operation: str, key: str) -> bool:
        """Use ``key``'s reservation (call the API now); False if someone else already redeemed it."""
        try:
            self._client.delete_item(
                TableName=self.table_name,
                Key={"id": {"S": self._reservation_id(operation, key)}},
                ConditionExpression="attribute_exists(id)",
            )
        except Exception as exc:
            if is_conditional_failure(exc):
                return False
            raise
        return True

    # --- what Amazon told us ---------------------------------------------------------------------
    def throttled(self, operation: str, rate_limit: float | None = None) -> None:
        """Amazon answered 429: its bucket is empty, so ours is too (reserved slots stay reserved)."""

        def decide(bucket: Bucket) -> tuple[Bucket | None, None]:
            rate = rate_limit if rate_limit and rate_limit > 0 else bucket.rate
            return replace(bucket, tokens=min(bucket.tokens, 0.0), rate=rate), None

        self._change(operation, decide)
        if rate_limit and rate_limit > 0:
            self._known_rates[operation] = rate_limit

    def observe_rate(self, operation: str, rate_limit: float | None) -> None:
        """Adopt the rate Amazon reported in ``x-amzn-RateLimit-Limit`` when it differs from ours."""
        if not rate_limit or rate_limit <= 0 or self._known_rates.get(operation) == rate_limit:
            return

        def decide(bucket: Bucket) -> tuple[Bucket | None, None]:
            if abs(bucket.rate - rate_limit) <= 1e-9 * max(1.0, rate_limit):
                return None, None
            return replace(bucket, rate=rate_limit), None

        self._change(operation, decide)
        self._known_rates[operation] = rate_limit

    def peek(self, operation: str) -> Bucket:
        """The bucket as it stands now (refilled, nothing taken): for logs, tests and benchmarks."""
        item = self._read(operation)
        return self._bucket(operation, item).at(self._clock(), self.headroom)

    # --- internals -------------------------------------------------------------------------------
    def _bucket_id(self, operation: str) -> str:
        return f"bucket#{self.scope}#{operation}"

    def _reservation_id(self, operation: str, key: str) -> str:
        return f"reservation#{self.scope}#{operation}#{key}"

    def _plan(self, operation: str) -> RatePlan:
        try:
            return self._plans[operation]
        except KeyError:
            raise ValueError(f"no usage plan for SP-API operation {operation!r}") from None

    def _read(self, operation: str) -> dict[str, Any] | None:
        item: dict[str, Any] | None = self._client.get_item(
            TableName=self.table_name, Key={"id": {"S": self._bucket_id(operation)}}, ConsistentRead=True
        ).get("Item")
        return item

    def _bucket(self, operation: str, item: Mapping[str, Any] | None) -> Bucket:
        if item is None:  # never used: full, as Amazon's is
            plan = self._plan(operation)
            return Bucket(tokens=float(plan.burst), refilled_at=0.0, rate=plan.rate, burst=plan.burst)
        return Bucket(
            tokens=float(item["tokens"]["N"]),
            refilled_at=float(item["refilled_at"]["N"]),
            rate=float(item["rate"]["N"]),
            burst=int(item["burst"]["N"]),
        )

    def _put_request(self, operation: str, item: Mapping[str, Any] | None, bucket: Bucket) -> dict[str, Any]:
        """A conditional Put of the new state: compare-and-set on the tokens and refill time read."""
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "Item": {
                "id": {"S": self._bucket_id(operation)},
                "tokens": {"N": f"{bucket.tokens:.9f}"},
                "refilled_at": {"N": f"{bucket.refilled_at:.6f}"},
                "rate": {"N": repr(float(bucket.rate))},
                "burst": {"N": str(bucket.burst)},
            },
        }
        if item is None:
            request["ConditionExpression"] = "attribute_not_exists(id)"
        else:
            request["ConditionExpression"] = "tokens = :tokens AND refilled_at = :refilled_at"
            request["ExpressionAttributeValues"] = {
                ":tokens": item["tokens"],
                ":refilled_at": item["refilled_at"],
            }
        return request

    def _change(self, operation: str, decide: Callable[[Bucket], tuple[Bucket | None, _T]]) -> _T:
        """Read, decide, compare-and-set; again from the top when another environment got there first."""
        for attempt in range(self._cas_attempts):
            item = self._read(operation)
            bucket = self._bucket(operation, item).at(self._clock(), self.headroom)
            new, result = decide(bucket)
            if new is None:
                return result
            try:
                self._client.put_item(**self._put_request(operation, item, new))
            except Exception as exc:
                if not is_conditional_failure(exc):
                    raise
                self._backoff(attempt)
                continue
            return result
        raise QuotaStoreError(f"{operation}: token bucket too contended ({self._cas_attempts} attempts)")

    def _try_reserve(self, operation: str, key: str) -> Grant | None:
        """One compare-and-set round of :meth:`reserve`; None when it lost a race and must re-read."""
        item = self._read(operation)
        bucket = self._bucket(operation, item).at(self._clock(), self.headroom)
        if bucket.tokens >= 1.0:
            taken = replace(bucket, tokens=bucket.tokens - 1.0)
            try:
                self._client.put_item(**self._put_request(operation, item, taken))
            except Exception as exc:
                if not is_conditional_failure(exc):
                    raise
                self._backoff(0)
                return None
            return Grant(Outcome.GRANTED)
        wait = bucket.seconds_until(1.0, self.headroom)
        if wait > self._max_debt_s:
            return Grant(Outcome.DENIED, wait - self._max_debt_s)
        slot_at = bucket.refilled_at + wait
        reserved = replace(bucket, tokens=bucket.tokens - 1.0)
        put_bucket = self._put_request(operation, item, reserved)
        put_bucket.pop("TableName")
        try:
            self._client.transact_write_items(
                TransactItems=[
                    {"Put": {"TableName": self.table_name, **put_bucket}},
                    {
                        "Put": {
                            "TableName": self.table_name,
                            "Item": {
                                "id": {"S": self._reservation_id(operation, key)},
                                "slot_at": {"N": f"{slot_at:.6f}"},
                                # Deleted by TTL if its holder never comes back (the token is then lost).
                                "expires_at": {"N": str(int(slot_at + 3600))},
                            },
                            "ConditionExpression": "attribute_not_exists(id)",
                        }
                    },
                ]
            )
        except Exception as exc:
            if _transaction_cancelled(exc):
                self._backoff(0)
                return None  # the bucket moved, or the key reserved meanwhile: look again
            raise
        return Grant(Outcome.RESERVED, wait)

    def _redeem_or_wait(self, operation: str, key: str, wait: float) -> Grant:
        if wait > 0:
            return Grant(Outcome.RESERVED, wait)
        if self.redeem(operation, key):
            return Grant(Outcome.GRANTED)
        return Grant(Outcome.DENIED, 0.0)  # someone else holding the same key redeemed it just now

    def _backoff(self, attempt: int) -> None:
        # Full jitter on a few milliseconds: the racers spread out instead of colliding again.
        self._sleep(random.random() * min(0.05, 0.002 * 2**attempt))  # noqa: S311 - jitter, not crypto


def _transaction_cancelled(exc: Exception) -> bool:
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return False
    return bool(response.get("Error", {}).get("Code") == "TransactionCanceledException")
