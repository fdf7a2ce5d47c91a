"""OrderSyncFunction: every five minutes, searchOrders by lastUpdatedAfter into the order mirror.

The backup Amazon advises for ORDER_CHANGE notifications, and the first sync that fills the mirror
(``GHOSTDESK_ORDER_SYNC_WINDOW_DAYS`` back, 30 by default). A run that runs out of quota or time saves
its place; the next run goes on from there. Two runs never page at once (a lease on the checkpoint).
"""

from __future__ import annotations

from typing import Any

from ghostdesk.observability import logger, metrics
from ghostdesk.orders.sync import sync_orders
from ghostdesk.pipeline import wiring


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(_event: dict[str, Any], context: Any) -> dict[str, Any]:
    report = sync_orders(
        wiring.order_sync_deps(),
        time_left_s=lambda: context.get_remaining_time_in_millis() / 1000.0,
    )
    summary = report.to_dict()
    logger.info("order sync", extra=summary)
    return summary
