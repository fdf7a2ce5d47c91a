"""Amazon orders for diagnosis: the mirror first, ``getOrder`` only for what the mirror cannot answer.

:class:`MirroredOrderSource` is the :class:`~ghostdesk.orders.source.OrderSource` the diagnose step uses
in AWS. For each order ID it reads the mirror and decides (:func:`decide`, pure):

- a complete entry, current enough -> answered from the mirror, no call;
- "Amazon has no such order", remembered for a few minutes -> answered as not found, no call (twenty
  unknown IDs asked three times each cost twenty calls, not sixty);
- nothing mirrored, a summary only, a pending order whose data is stale, anything very old -> one
  ``getOrder`` through the shared quota (:class:`~ghostdesk.orders.throttled.QuotaGate`), and the answer
  is written back, found or not.

"Current enough" counts the sync's coverage: an order the scheduled sync has not rewritten did not
change up to the checkpoint's ``covered_until``, however long ago its entry was written. So with the
sync running, a pending order is refreshed only when its data is really older than ``stale_after``.

Alias look-ups (a buyer who wrote without an order ID) are answered from the mirror's buyer-email index
only: searching Amazon for them would page through every merchant-fulfilled order. Until the first sync
has finished that index is incomplete, and the look-up says the marketplace could not be asked, so the
message waits for the sync instead of calling a real order a ghost.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from botocore.exceptions import BotoCoreError, ClientError

from ghostdesk.models import OrderFacts
from ghostdesk.orders.amazon import CHANNEL, AmazonOrderError, order_facts_from_api
from ghostdesk.orders.mirror import MirrorConflict, MirrorEntry, OrderMirror, Source
from ghostdesk.orders.quota import GET_ORDER
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from ghostdesk.orders.sync import CheckpointStore, Coverage
from ghostdesk.orders.throttled import QuotaGate, ReservationTaken

log = logging.getLogger(__name__)

PENDING_STATUSES = frozenset({"PENDING", "PENDING_AVAILABILITY"})


class RawOrders(Protocol):
    def get_raw_order(self, order_id: str) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class FreshnessPolicy:
    """When mirrored data is too old to answer from."""

    pending_stale_after: timedelta = timedelta(minutes=15)  # pending orders move: payment clears in minutes
    max_age: timedelta = timedelta(hours=24)  # anything: the sync should have kept it current
    not_found_for: timedelta = timedelta(minutes=10)  # a 404 is remembered this long


class Verdict(StrEnum):
    HIT = "hit"
    NOT_FOUND = "not_found"
    FETCH = "fetch"


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reason: str


def decide(
    entry: MirrorEntry | None, *, now: datetime, coverage: Coverage | None, policy: FreshnessPolicy
) -> Decision:
    """Answer from the mirror, or ask Amazon, and why."""
    if entry is None:
        return Decision(Verdict.FETCH, "not in the mirror")
    if entry.facts is None:
        if now - entry.synced_at < policy.not_found_for:
            return Decision(Verdict.NOT_FOUND, "Amazon had no such order moments ago")
        return Decision(Verdict.FETCH, "the remembered 404 has expired")
    if not entry.complete:
        return Decision(Verdict.FETCH, "the mirror holds only a summary of this order")
    current_as_of = entry.synced_at
    if coverage is not None and coverage.since <= entry.synced_at:
        current_as_of = max(current_as_of, coverage.until)
    age = now - current_as_of
    if entry.facts.status in PENDING_STATUSES and age > policy.pending_stale_after:
        return Decision(Verdict.FETCH, f"pending, and the mirror is {age.total_seconds() / 60:.0f} min old")
    if age > policy.max_age:
        return Decision(Verdict.FETCH, f"the mirror is {age.total_seconds() / 3600:.0f} h old")
    return Decision(Verdict.HIT, "mirrored and current")


class MirroredOrderSource:
    """The mirror in front of SP-API, implementing :class:`~ghostdesk.orders.source.OrderSource`.

    ``spapi`` builds the SP-API client on first need (a Lambda that only reads the mirror never fetches
    credentials); ``quota`` paces its calls. ``coverage`` is read from ``checkpoints`` at most every
    ``coverage_cache_s`` seconds.
    """

    def __init__(
        self,
        mirror: OrderMirror,
        spapi: Callable[[], RawOrders],
        quota: QuotaGate,
        clock: Callable[[], datetime],
        stale_after: timedelta = FreshnessPolicy.pending_stale_after,
        *,
        checkpoints: CheckpointStore,
        policy: FreshnessPolicy | None = None,
        coverage_cache_s: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._mirror = mirror
        self._spapi = spapi
        self._quota = quota
        self._clock = clock
        base = policy or FreshnessPolicy()
        self.policy = FreshnessPolicy(
            pending_stale_after=stale_after, max_age=base.max_age, not_found_for=base.not_found_for
        )
        self._checkpoints = checkpoints
        self._coverage_cache_s = coverage_cache_s
        self._coverage_read: tuple[float, Coverage | None] | None = None
        self._sleep = sleep
        self._monotonic = monotonic
        self.decisions: dict[Verdict, int] = dict.fromkeys(Verdict, 0)

    # --- OrderSource -----------------------------------------------------------------------------
    def get_order(self, order_id: str) -> OrderFacts | None:
        order_id = order_id.strip()
        for _ in range(2):
            entry = self._mirror.get(order_id)
            decision = decide(entry, now=self._clock(), coverage=self.coverage(), policy=self.policy)
            self.decisions[decision.verdict] += 1
            log.debug("mirror %s", decision.verdict, extra={"order_id": order_id, "reason": decision.reason})
            if decision.verdict is Verdict.HIT:
                assert entry is not None
                return entry.facts
            if decision.verdict is Verdict.NOT_FOUND:
                return None
            log.info("getOrder needed", extra={"order_id": order_id, "reason": decision.reason})
            try:
                raw = self._quota.call(GET_ORDER, lambda: self._spapi().get_raw_order(order_id), key=order_id)
            except ReservationTaken:
                self._sleep(0.5)  # another message about this order is fetching it: read its answer
                continue
            return self._remember(order_id, raw)
        raise QuotaExceeded(CHANNEL, retry_after_s=2.0)

    def find_by_buyer_email(self, email: str, *, created_after: datetime) -> list[OrderFacts]:
        if self.coverage(refresh=True) is None:
            raise MarketplaceUnavailable(
                CHANNEL, "the order mirror's first sync has not finished; alias look-ups wait for it"
            )
        return self._mirror.find_by_buyer_email(email, created_after=created_after)

    # --- internals -------------------------------------------------------------------------------
    def coverage(self, *, refresh: bool = False) -> Coverage | None:
        now = self._monotonic()
        cached = self._coverage_read
        if refresh or cached is None or now - cached[0] >= self._coverage_cache_s:
            cached = (now, self._checkpoints.coverage())
            self._coverage_read = cached
        return cached[1]

    def _remember(self, order_id: str, raw: dict[str, Any] | None) -> OrderFacts | None:
        """Cache what Amazon said (best effort: a failed write costs a later call, not this answer)."""
        try:
            facts = order_facts_from_api(raw) if raw is not None else None
        except AmazonOrderError as exc:
            raise MarketplaceUnavailable(
                CHANNEL, f"Amazon sent an order this adapter cannot read: {exc}"
            ) from exc
        try:
            if raw is None:
                self._mirror.put_not_found(order_id)
            else:
                self._mirror.put_order(raw, Source.GET_ORDER)
        except (MirrorConflict, ClientError, BotoCoreError):
            log.warning(
                "could not cache the order in the mirror", extra={"order_id": order_id}, exc_info=True
            )
        return facts
