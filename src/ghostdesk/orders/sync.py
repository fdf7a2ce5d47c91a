"""The scheduled order sync: ``searchOrders`` by ``lastUpdatedAfter``, the backup Amazon advises for
ORDER_CHANGE notifications, and the first sync that fills the mirror.

Every run continues from a **checkpoint** (one item in the orders table): the time up to which every
change is mirrored (``covered_until``), since when that coverage is unbroken (``covered_since``), and
the window in progress with its page token, so a run stopped by the quota (``searchOrders`` refills one
token every three minutes) or by its time budget goes on where it stopped. A **lease** on the same item
keeps two runs (a slow one and the next schedule, or a manual one) from paging the same window twice.

Windows: the first covers ``first_window`` (30 days by default) back from now; each later one starts at
``covered_until`` minus an overlap (a change Amazon stamped a little late is still seen) and ends two
minutes ago plus a margin, because Amazon only lists an order two minutes after it changed. Writes to
the mirror are idempotent and never let older data replace newer, so the overlap costs nothing but a
few writes.

The coverage also tells diagnosis how fresh the mirror is: an order the sync has not rewritten is
unchanged up to ``covered_until``, however long ago it was written.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from ghostdesk.aws.dynamo import is_conditional_failure
from ghostdesk.orders.amazon import AmazonOrderError
from ghostdesk.orders.mirror import OrderMirror, Source
from ghostdesk.orders.quota import SEARCH_ORDERS
from ghostdesk.orders.source import QuotaExceeded
from ghostdesk.orders.throttled import QuotaGate

log = logging.getLogger(__name__)

CHECKPOINT_KEY = "~sync#amazon"  # never an order ID (those are 3-7-7 digits)
PAGE_TOKEN_LIFETIME = timedelta(hours=23)  # Amazon's tokens expire after 24 hours


@dataclass(frozen=True)
class SyncPolicy:
    first_window: timedelta = timedelta(days=30)
    overlap: timedelta = timedelta(minutes=5)
    listing_lag: timedelta = timedelta(minutes=2, seconds=10)  # Amazon lists changes 2 minutes late
    lease: timedelta = timedelta(minutes=16)  # longer than the function's timeout
    stop_when_left_s: float = 20.0  # stop paging with this much of the invocation left
    min_advance: timedelta = timedelta(minutes=1)  # a window shorter than this waits for the next run


@dataclass(frozen=True)
class Coverage:
    """Every order change from ``since`` to ``until`` is in the mirror."""

    since: datetime
    until: datetime


@dataclass(frozen=True)
class SyncWindow:
    after: datetime
    before: datetime
    page_token: str | None = None
    page_token_at: datetime | None = None
    pages: int = 0
    orders: int = 0


@dataclass(frozen=True)
class Checkpoint:
    coverage: Coverage | None = None
    window: SyncWindow | None = None


class PagedOrderSearch(Protocol):
    """What the sync needs from SP-API: one searchOrders page by update time."""

    def search_orders_page(
        self,
        *,
        last_updated_after: datetime,
        last_updated_before: datetime,
        pagination_token: str | None = None,
    ) -> tuple[list[dict[str, Any]], str | None]: ...


class CheckpointStore:
    """The checkpoint item and its lease, in the orders table."""

    def __init__(self, client: Any, table_name: str) -> None:
        self._client = client
        self.table_name = table_name

    def load(self) -> Checkpoint | None:
        item = self._client.get_item(
            TableName=self.table_name, Key={"order_id": {"S": CHECKPOINT_KEY}}, ConsistentRead=True
        ).get("Item")
        return _checkpoint_of(item) if item is not None else None

    def coverage(self) -> Coverage | None:
        checkpoint = self.load()
        return checkpoint.coverage if checkpoint is not None else None

    def acquire_lease(self, owner: str, *, now: datetime, lease: timedelta) -> bool:
        """Take the sync lease unless a live one is held by another run."""
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key={"order_id": {"S": CHECKPOINT_KEY}},
                UpdateExpression="SET lease_owner = :owner, lease_until = :until, kind = :kind",
                ConditionExpression="attribute_not_exists(lease_until) OR lease_until < :now",
                ExpressionAttributeValues={
                    ":owner": {"S": owner},
                    ":until": {"N": f"{(now + lease).timestamp():.3f}"},
                    ":now": {"N": f"{now.timestamp():.3f}"},
                    ":kind": {"S": "sync"},
                },
            )
        except Exception as exc:
            if is_conditional_failure(exc):
                return False
            raise
        return True

    def save(self, owner: str, checkpoint: Checkpoint) -> None:
        """Record progress; only the lease holder may (a run that lost its lease stops here)."""
        values: dict[str, Any] = {":owner": {"S": owner}}
        sets: list[str] = []
        removes: list[str] = []
        fields = _checkpoint_fields(checkpoint)
        for name in ("covered_since", "covered_until", *_WINDOW_FIELDS):
            if name in fields:
                sets.append(f"{name} = :{name}")
                values[f":{name}"] = fields[name]
            else:
                removes.append(name)
        expression = "SET " + ", ".join(sets) if sets else ""
        if removes:
            expression += (" " if expression else "") + "REMOVE " + ", ".join(removes)
        self._client.update_item(
            TableName=self.table_name,
            Key={"order_id": {"S": CHECKPOINT_KEY}},
            UpdateExpression=expression,
            ConditionExpression="lease_owner = :owner",
            ExpressionAttributeValues=values,
        )

    def release(self, owner: str) -> None:
        try:
            self._client.update_item(
                TableName=self.table_name,
                Key={"order_id": {"S": CHECKPOINT_KEY}},
                UpdateExpression="REMOVE lease_owner, lease_until",
                ConditionExpression="lease_owner = :owner",
                ExpressionAttributeValues={":owner": {"S": owner}},
            )
        except Exception as exc:
            if not is_conditional_failure(exc):
                raise


@dataclass
class SyncReport:
    """What one run did (logged, and returned by the function)."""

    outcome: str = "done"  # done | quota | time | busy | nothing_to_do
    pages: int = 0
    orders_seen: int = 0
    orders_written: int = 0
    windows_completed: int = 0
    covered_until: datetime | None = None
    retry_after_s: float | None = None
    skipped: list[str] = field(default_factory=list)  # orders Amazon sent that could not be read

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "pages": self.pages,
            "orders_seen": self.orders_seen,
            "orders_written": self.orders_written,
            "windows_completed": self.windows_completed,
            "covered_until": self.covered_until.isoformat() if self.covered_until else None,
            "retry_after_s": self.retry_after_s,
            "unreadable_orders": len(self.skipped),
        }


@dataclass
class SyncDeps:
    mirror: OrderMirror
    checkpoints: CheckpointStore
    search: Callable[[], PagedOrderSearch]  # built on first need (credentials, client)
    quota: QuotaGate
    clock: Callable[[], datetime]
    policy: SyncPolicy = field(default_factory=SyncPolicy)


def sync_orders(deps: SyncDeps, *, time_left_s: Callable[[], float]) -> SyncReport:
    """One scheduled run: hold the lease, page through windows until caught up, out of quota or time."""
    owner = uuid.uuid4().hex
    policy = deps.policy
    report = SyncReport()
    if not deps.checkpoints.acquire_lease(owner, now=deps.clock(), lease=policy.lease):
        report.outcome = "busy"
        return report
    try:
        checkpoint = deps.checkpoints.load() or Checkpoint()
        while True:
            window = checkpoint.window or next_window(checkpoint.coverage, deps.clock(), policy)
            if window is None:
                report.outcome = "nothing_to_do" if report.pages == 0 else "done"
                break
            if time_left_s() < policy.stop_when_left_s:
                report.outcome = "time"
                break
            if (
                window.page_token
                and window.page_token_at
                and deps.clock() - window.page_token_at > (PAGE_TOKEN_LIFETIME)
            ):
                window = replace(window, page_token=None, page_token_at=None)  # expired: page again
            try:
                orders, next_token = deps.quota.call(SEARCH_ORDERS, _page_request(deps, window))
            except QuotaExceeded as exc:
                # Not an error: the window and its page token are saved; a later run goes on from here.
                checkpoint = replace(checkpoint, window=window)
                deps.checkpoints.save(owner, checkpoint)
                report.outcome, report.retry_after_s = "quota", exc.retry_after_s
                break
            report.pages += 1
            for order in orders:
                report.orders_seen += 1
                try:
                    if deps.mirror.put_order(order, Source.POLL) is not None:
                        report.orders_written += 1
                except AmazonOrderError:
                    order_id = order.get("orderId") if isinstance(order, dict) else None
                    report.skipped.append(str(order_id))
                    log.warning(
                        "searchOrders sent an order that cannot be read", extra={"order_id": order_id}
                    )
            window = replace(
                window,
                page_token=next_token,
                page_token_at=deps.clock() if next_token else None,
                pages=window.pages + 1,
                orders=window.orders + len(orders),
            )
            if next_token:
                checkpoint = replace(checkpoint, window=window)
            else:
                checkpoint = Checkpoint(coverage=_extended(checkpoint.coverage, window), window=None)
                report.windows_completed += 1
                log.info(
                    "sync window complete",
                    extra={
                        "pages": window.pages,
                        "orders": window.orders,
                        "until": window.before.isoformat(),
                    },
                )
            deps.checkpoints.save(owner, checkpoint)
        report.covered_until = checkpoint.coverage.until if checkpoint.coverage else None
        return report
    finally:
        deps.checkpoints.release(owner)


def _page_request(
    deps: SyncDeps, window: SyncWindow
) -> Callable[[], tuple[list[dict[str, Any]], str | None]]:
    def request() -> tuple[list[dict[str, Any]], str | None]:
        return deps.search().search_orders_page(
            last_updated_after=window.after,
            last_updated_before=window.before,
            pagination_token=window.page_token,
        )

    return request


def next_window(coverage: Coverage | None, now: datetime, policy: SyncPolicy) -> SyncWindow | None:
    """The next window to page, or None when the mirror is as current as Amazon can list."""
    before = now - policy.listing_lag
    if coverage is None:
        return SyncWindow(after=now - policy.first_window, before=before)
    if before - coverage.until < policy.min_advance:
        return None  # caught up: too little new time to spend a searchOrders call on
    return SyncWindow(after=coverage.until - policy.overlap, before=before)


def _extended(coverage: Coverage | None, window: SyncWindow) -> Coverage:
    if coverage is None:
        return Coverage(since=window.after, until=window.before)
    return Coverage(since=coverage.since, until=max(coverage.until, window.before))


# --- item <-> checkpoint ----------------------------------------------------------------------------

_WINDOW_FIELDS = (
    "window_after",
    "window_before",
    "page_token",
    "page_token_at",
    "window_pages",
    "window_orders",
)


def _epoch(value: datetime) -> dict[str, str]:
    return {"N": f"{value.timestamp():.6f}"}


def _time(attribute: dict[str, Any] | None) -> datetime | None:
    return datetime.fromtimestamp(float(attribute["N"]), UTC) if attribute is not None else None


def _checkpoint_fields(checkpoint: Checkpoint) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if checkpoint.coverage is not None:
        fields["covered_since"] = _epoch(checkpoint.coverage.since)
        fields["covered_until"] = _epoch(checkpoint.coverage.until)
    window = checkpoint.window
    if window is not None:
        fields["window_after"] = _epoch(window.after)
        fields["window_before"] = _epoch(window.before)
        fields["window_pages"] = {"N": str(window.pages)}
        fields["window_orders"] = {"N": str(window.orders)}
        if window.page_token:
            fields["page_token"] = {"S": window.page_token}
        if window.page_token_at is not None:
            fields["page_token_at"] = _epoch(window.page_token_at)
    return fields


def _checkpoint_of(item: dict[str, Any]) -> Checkpoint:
    since, until = _time(item.get("covered_since")), _time(item.get("covered_until"))
    after, before = _time(item.get("window_after")), _time(item.get("window_before"))
    window = None
    if after is not None and before is not None:
        token = item.get("page_token")
        window = SyncWindow(
            after=after,
            before=before,
            page_token=token["S"] if token is not None else None,
            page_token_at=_time(item.get("page_token_at")),
            pages=int(item.get("window_pages", {"N": "0"})["N"]),
            orders=int(item.get("window_orders", {"N": "0"})["N"]),
        )
    return Checkpoint(
        coverage=Coverage(since=since, until=until) if since is not None and until is not None else None,
        window=window,
    )
