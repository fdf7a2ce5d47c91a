"""Applying ORDER_CHANGE notifications to the order mirror (the OrderChangeFunction's logic).

A notification carries a summary: status, fulfilment channel, purchase date. That is enough to keep a
mirrored order's status current, so most notifications cost no SP-API call at all. An order the mirror
did not know yet (or one that just shipped, whose tracking number the summary lacks) is incomplete;
it is fetched with ``getOrder`` only when the bucket has spare tokens beyond a reserve kept for buyers'
messages. Otherwise the next scheduled sync completes it, and a diagnosis that needs it sooner fetches
it itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ghostdesk.orders.mirror import OrderMirror, Source
from ghostdesk.orders.mirrored import RawOrders
from ghostdesk.orders.notifications import NotOrderChange, parse_order_change
from ghostdesk.orders.quota import GET_ORDER
from ghostdesk.orders.source import MarketplaceUnavailable
from ghostdesk.orders.throttled import QuotaGate

log = logging.getLogger(__name__)

#: getOrder tokens left untouched for buyers' messages: enrichment only uses what is spare beyond this.
ENRICH_KEEP_TOKENS = 10.0


class ChangeOutcome(StrEnum):
    APPLIED = "applied"  # the mirror took the summary
    ENRICHED = "enriched"  # ... and the whole order was fetched with spare quota
    STALE = "stale"  # older than (or the same as) what the mirror holds: dropped
    IGNORED = "ignored"  # not an ORDER_CHANGE notification


@dataclass
class OrderChangeDeps:
    mirror: OrderMirror
    spapi: Callable[[], RawOrders]  # built on first need: most notifications make no call
    quota: QuotaGate
    enrich_keep_tokens: float = ENRICH_KEEP_TOKENS


def apply_order_change(notification: Mapping[str, Any], deps: OrderChangeDeps) -> ChangeOutcome:
    """Apply one notification (the SQS message body). Raises NotificationError for a malformed one."""
    try:
        change = parse_order_change(notification)
    except NotOrderChange as exc:
        log.info("not an order change: ignored", extra={"reason": str(exc)})
        return ChangeOutcome.IGNORED
    entry = deps.mirror.apply_change(change)
    if entry is None:
        log.info("older than the mirror: ignored", extra={"order_id": change.order_id})
        return ChangeOutcome.STALE
    if entry.complete:
        return ChangeOutcome.APPLIED
    try:
        raw = deps.quota.call_if_spare(
            GET_ORDER, lambda: deps.spapi().get_raw_order(change.order_id), keep=deps.enrich_keep_tokens
        )
    except MarketplaceUnavailable as exc:
        log.warning("could not fetch the changed order; the sync will", extra={"reason": exc.reason})
        return ChangeOutcome.APPLIED
    if raw is None:
        return ChangeOutcome.APPLIED
    deps.mirror.put_order(raw, Source.GET_ORDER)
    return ChangeOutcome.ENRICHED
