"""The order mirror: this seller's Amazon orders in DynamoDB, so diagnosis rarely has to ask Amazon.

Three feeds write to it, and any of them may be late or repeated:

- ``notification``: an ORDER_CHANGE summary (status, fulfilment channel, purchase date; no buyer data);
- ``poll``: ``searchOrders`` pages of the scheduled sync (the whole order, with buyer and packages);
- ``get_order``: what diagnosis had to fetch itself (the whole order, or "Amazon has no such order").

Every write is a read-merge-compare-and-set on the item's revision, and the merge rules
(:func:`merge_full_order`, :func:`merge_change`, :func:`merge_not_found`) are pure functions of the
stored entry and the news. The one rule that matters most: news about an older moment never replaces
news about a newer one. A summary that arrives after a newer one is dropped; a whole order older than a
summary already stored only fills in what the summary could not carry (buyer alias, name, items) and
leaves the newer status alone.

An entry is ``complete`` when it holds everything a reply uses (a status, the buyer's name, the items,
the tracking number of a shipped merchant-fulfilled order); a summary alone never is. A "not found"
entry is a negative cache: Amazon said 404 a moment ago, so asking again at once would waste quota.

Item layout (table ``OrdersTable``, hash key ``order_id``): the facts as a JSON document beside native
attributes for the index (``buyer_email`` lower-cased + ``created``, GSI ``ByBuyerEmail``; sparse, so
only orders with a disclosed alias are in it), the change time, ``synced_at``, ``source``, ``complete``,
the revision and the TTL ``expires_at``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from ghostdesk.aws.dynamo import is_conditional_failure
from ghostdesk.models import OrderFacts
from ghostdesk.orders.amazon import (
    CHANNEL,
    FULFILLED_BY_MERCHANT,
    STATUS_UNKNOWN,
    order_facts_from_api,
)
from ghostdesk.orders.notifications import PREORDER_PROGRAM, OrderChange

BY_BUYER_EMAIL = "ByBuyerEmail"
SHIPPED_STATUSES = frozenset({"SHIPPED", "PARTIALLY_SHIPPED"})
NOT_FOUND_KEPT = timedelta(days=1)  # how long DynamoDB keeps a "not found" item; its use is far shorter


class Source(StrEnum):
    NOTIFICATION = "notification"
    POLL = "poll"
    GET_ORDER = "get_order"


@dataclass(frozen=True)
class MirrorEntry:
    """One mirrored order, or a remembered "Amazon has no such order" (``facts`` None)."""

    order_id: str
    facts: OrderFacts | None
    synced_at: datetime  # when ghostdesk last wrote what it learnt about this order
    source: Source
    complete: bool
    changed_at: datetime | None  # the moment of the order's history this entry reflects
    revision: int = 0

    @property
    def not_found(self) -> bool:
        return self.facts is None


class MirrorConflict(RuntimeError):
    """An item kept changing under us; the caller retries the whole unit of work later."""


# --------------------------------------------------------------------------------------- merge rules


def merge_full_order(
    existing: MirrorEntry | None, facts: OrderFacts, source: Source, now: datetime
) -> MirrorEntry | None:
    """A whole order from searchOrders or getOrder; None when the stored entry is already newer."""
    changed_at = facts.last_updated or facts.created
    fresh = MirrorEntry(
        order_id=facts.order_id,
        facts=facts,
        synced_at=now,
        source=source,
        complete=facts.status != STATUS_UNKNOWN,
        changed_at=changed_at,
    )
    if existing is None or existing.facts is None:
        return fresh
    if existing.changed_at is None or existing.changed_at <= changed_at:
        return fresh
    if existing.complete:
        return None  # a newer complete entry: nothing to add
    # A newer summary is stored: keep its status, fill in what a summary cannot carry.
    current = existing.facts
    enriched = replace(
        current,
        buyer_name=current.buyer_name or facts.buyer_name,
        buyer_email=current.buyer_email or facts.buyer_email,
        item_titles=current.item_titles or facts.item_titles,
        carrier=current.carrier or facts.carrier,
        tracking_number=current.tracking_number or facts.tracking_number,
        marketplace_name=current.marketplace_name or facts.marketplace_name,
        programs=tuple(dict.fromkeys((*facts.programs, *current.programs))),
        created=facts.created,  # the order's own creation time beats the summary's purchase date
    )
    complete = current.status != STATUS_UNKNOWN and not _lacks_tracking(enriched)
    if enriched == current and complete == existing.complete:
        return None
    return replace(existing, facts=enriched, complete=complete, synced_at=now)


def merge_change(existing: MirrorEntry | None, change: OrderChange, now: datetime) -> MirrorEntry | None:
    """An ORDER_CHANGE summary; None when the stored entry reflects the same moment or a later one."""
    if (
        existing is not None
        and existing.facts is not None
        and existing.changed_at is not None
        and change.changed_at <= existing.changed_at
    ):
        return None
    if existing is None or existing.facts is None:
        facts = OrderFacts(
            channel=CHANNEL,
            order_id=change.order_id,
            status=change.status,
            # Without a purchase date the age would be a guess; the entry stays incomplete either way.
            created=change.purchased_at or change.changed_at,
            last_updated=change.changed_at,
            fulfilled_by=change.fulfilled_by,
            marketplace_id=change.marketplace_id,
            programs=(PREORDER_PROGRAM,) if change.preorder else (),
            raw_status=change.status if change.status != STATUS_UNKNOWN else None,
        )
        return MirrorEntry(
            order_id=change.order_id,
            facts=facts,
            synced_at=now,
            source=Source.NOTIFICATION,
            complete=False,
            changed_at=change.changed_at,
        )
    current = existing.facts
    programs = current.programs
    if change.preorder and PREORDER_PROGRAM not in programs:
        programs = (*programs, PREORDER_PROGRAM)
    updated = replace(
        current,
        status=change.status,
        raw_status=change.status if change.status != STATUS_UNKNOWN else None,
        last_updated=change.changed_at,
        fulfilled_by=change.fulfilled_by or current.fulfilled_by,
        marketplace_id=change.marketplace_id or current.marketplace_id,
        programs=programs,
    )
    newly_shipped = updated.status in SHIPPED_STATUSES and current.status not in SHIPPED_STATUSES
    complete = (
        existing.complete
        and updated.status != STATUS_UNKNOWN
        and not (newly_shipped and _lacks_tracking(updated))
    )
    return replace(
        existing,
        facts=updated,
        complete=complete,
        changed_at=change.changed_at,
        source=Source.NOTIFICATION,
        synced_at=now,
    )


def merge_not_found(existing: MirrorEntry | None, order_id: str, now: datetime) -> MirrorEntry | None:
    """getOrder said 404. A known order is never forgotten on one 404 (Amazon does not delete orders)."""
    if existing is not None and existing.facts is not None:
        return None
    return MirrorEntry(
        order_id=order_id, facts=None, synced_at=now, source=Source.GET_ORDER, complete=True, changed_at=None
    )


def _lacks_tracking(facts: OrderFacts) -> bool:
    return (
        facts.fulfilled_by == FULFILLED_BY_MERCHANT
        and facts.status in SHIPPED_STATUSES
        and not facts.tracking_number
    )


# ---------------------------------------------------------------------------------------- the store


class OrderMirror:
    """The mirror table. ``retention`` bounds how long an order's personal data stays (TTL).

    ``on_change(before, after)`` is told when a write is about to change what the mirror knows about an
    order it already held (its status, its tracking number, ...), before the write: a listener that
    fails leaves the mirror as it was, so the redelivered notification or the next sync brings the
    change again and calls it again. It must therefore be idempotent. The order feeds use it to bring
    waiting replies up to date (``ghostdesk.followup``); the mirror itself knows nothing of replies.
    """

    def __init__(
        self,
        client: Any,
        table_name: str,
        *,
        retention: timedelta = timedelta(days=90),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        write_attempts: int = 10,
        on_change: Callable[[OrderFacts, OrderFacts], None] | None = None,
    ) -> None:
        self._client = client
        self.table_name = table_name
        self._retention = retention
        self._clock = clock
        self._write_attempts = write_attempts
        self._on_change = on_change

    def get(self, order_id: str) -> MirrorEntry | None:
        item = self._client.get_item(
            TableName=self.table_name, Key={"order_id": {"S": order_id}}, ConsistentRead=True
        ).get("Item")
        return entry_of(item) if item is not None else None

    def put_order(self, order: Mapping[str, Any], source: Source) -> MirrorEntry | None:
        """Store a whole 2026-01-01 ``Order``; the entry as stored, or None when nothing changed.

        Raises :class:`~ghostdesk.orders.amazon.AmazonOrderError` for an object that is not an Order.
        """
        facts = order_facts_from_api(order)
        return self._write(
            facts.order_id, lambda existing, now: merge_full_order(existing, facts, source, now)
        )

    def apply_change(self, change: OrderChange) -> MirrorEntry | None:
        """Apply an ORDER_CHANGE summary; None when it was older than what is stored (or a duplicate)."""
        return self._write(change.order_id, lambda existing, now: merge_change(existing, change, now))

    def put_not_found(self, order_id: str) -> MirrorEntry | None:
        return self._write(order_id, lambda existing, now: merge_not_found(existing, order_id, now))

    def find_by_buyer_email(self, email: str, *, created_after: datetime) -> list[OrderFacts]:
        """Mirrored orders whose buyer email (relay alias) is ``email``, created since, newest first."""
        wanted = email.strip().casefold()
        if not wanted:
            return []
        found = [
            entry.facts
            for entry in self._query_alias(wanted, created_after)
            if entry.facts is not None and entry.facts.created >= created_after
        ]
        found.sort(key=lambda facts: (facts.created, facts.order_id), reverse=True)
        return found

    # --- internals -------------------------------------------------------------------------------
    def _query_alias(self, email: str, created_after: datetime) -> Iterator[MirrorEntry]:
        request: dict[str, Any] = {
            "TableName": self.table_name,
            "IndexName": BY_BUYER_EMAIL,
            "KeyConditionExpression": "buyer_email = :email AND created >= :after",
            "ExpressionAttributeValues": {
                ":email": {"S": email},
                ":after": {"S": _sortable(created_after)},
            },
            "ScanIndexForward": False,
        }
        while True:
            response = self._client.query(**request)
            for item in response.get("Items", []):
                yield entry_of(item)
            last = response.get("LastEvaluatedKey")
            if not last:
                return
            request["ExclusiveStartKey"] = last

    def _write(
        self, order_id: str, merge: Callable[[MirrorEntry | None, datetime], MirrorEntry | None]
    ) -> MirrorEntry | None:
        for _ in range(self._write_attempts):
            existing = self.get(order_id)
            now = self._clock()
            new = merge(existing, now)
            if new is None:
                return None
            new = replace(new, revision=(existing.revision if existing else 0) + 1)
            if (
                self._on_change is not None
                and existing is not None
                and existing.facts is not None
                and new.facts is not None
                and new.facts != existing.facts
            ):
                self._on_change(existing.facts, new.facts)
            request: dict[str, Any] = {"TableName": self.table_name, "Item": self._item(new)}
            if existing is None:
                request["ConditionExpression"] = "attribute_not_exists(order_id)"
            else:
                request["ConditionExpression"] = "revision = :revision"
                request["ExpressionAttributeValues"] = {":revision": {"N": str(existing.revision)}}
            try:
                self._client.put_item(**request)
            except Exception as exc:
                if is_conditional_failure(exc):
                    time.sleep(0.005)
                    continue
                raise
            return new
        raise MirrorConflict(f"mirror item {order_id} kept changing during {self._write_attempts} attempts")

    def _item(self, entry: MirrorEntry) -> dict[str, Any]:
        synced = entry.synced_at.timestamp()
        item: dict[str, Any] = {
            "order_id": {"S": entry.order_id},
            "kind": {"S": "not_found" if entry.facts is None else "order"},
            "synced_at": {"N": f"{synced:.6f}"},
            "source": {"S": entry.source.value},
            "complete": {"BOOL": entry.complete},
            "revision": {"N": str(entry.revision)},
        }
        if entry.changed_at is not None:
            item["changed_at"] = {"N": f"{entry.changed_at.timestamp():.6f}"}
        if entry.facts is None:
            item["expires_at"] = {"N": str(int(synced + NOT_FOUND_KEPT.total_seconds()))}
            return item
        facts = entry.facts
        item["doc"] = {"S": json.dumps(facts.to_dict(), ensure_ascii=False, separators=(",", ":"))}
        item["status"] = {"S": facts.status}
        item["created"] = {"S": _sortable(facts.created)}
        if facts.buyer_email:
            item["buyer_email"] = {"S": facts.buyer_email.strip().casefold()}
        item["expires_at"] = {"N": str(int(synced + self._retention.total_seconds()))}
        return item


def entry_of(item: Mapping[str, Any]) -> MirrorEntry:
    """A stored item as a :class:`MirrorEntry`."""
    doc = item.get("doc")
    facts = OrderFacts.from_dict(json.loads(doc["S"])) if doc is not None else None
    changed = item.get("changed_at")
    return MirrorEntry(
        order_id=item["order_id"]["S"],
        facts=facts,
        synced_at=datetime.fromtimestamp(float(item["synced_at"]["N"]), UTC),
        source=Source(item["source"]["S"]),
        complete=bool(item["complete"]["BOOL"]),
        changed_at=datetime.fromtimestamp(float(changed["N"]), UTC) if changed is not None else None,
        revision=int(item["revision"]["N"]),
    )


def _sortable(value: datetime) -> str:
    """UTC, fixed width: strings sort as the times do (the GSI's range key)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
