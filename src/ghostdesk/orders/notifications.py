"""SP-API ``ORDER_CHANGE`` notifications (Notifications API, SQS destination), read into :class:`OrderChange`.

Amazon puts the notification JSON itself in the SQS message body (schema:
``schemas/notifications/OrderChangeNotification.json``). It carries a *summary* of the order, in the
older Orders v0 vocabulary: ``OrderStatus`` "Pending", "Unshipped", "Canceled" ..., ``FulfillmentType``
"AFN"/"MFN", ``OrderType`` "Preorder". This module maps that onto the Orders API 2026-01-01 vocabulary
the rest of ghostdesk speaks, and keeps the time of the change so an older notification delivered late
can be recognised and ignored. No buyer data is in the summary: the buyer's alias, name and the tracking
number come from ``getOrder`` or ``searchOrders`` only.

Pure: no AWS, no HTTP.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ghostdesk.orders.amazon import (
    FULFILLED_BY_AMAZON,
    FULFILLED_BY_MERCHANT,
    STATUS_UNKNOWN,
    AmazonOrderError,
    parse_timestamp,
)

ORDER_CHANGE = "ORDER_CHANGE"

#: Orders v0 ``OrderStatus`` (what the notification says) -> 2026-01-01 ``FulfillmentStatus``.
#: "InvoiceUnconfirmed" means every item shipped and only the invoice confirmation is missing.
STATUS_FROM_V0: Mapping[str, str] = {
    "PendingAvailability": "PENDING_AVAILABILITY",
    "Pending": "PENDING",
    "Unshipped": "UNSHIPPED",
    "PartiallyShipped": "PARTIALLY_SHIPPED",
    "Shipped": "SHIPPED",
    "InvoiceUnconfirmed": "SHIPPED",
    "Canceled": "CANCELLED",
    "Unfulfillable": "UNFULFILLABLE",
}
FULFILLED_BY_FROM_V0: Mapping[str, str] = {"AFN": FULFILLED_BY_AMAZON, "MFN": FULFILLED_BY_MERCHANT}
PREORDER_PROGRAM = "PREORDER"


class NotificationError(ValueError):
    """The message is not an ORDER_CHANGE notification ghostdesk can read; the text says why."""


class NotOrderChange(NotificationError):
    """A well-formed notification of another type (the queue may be shared): nothing to do."""


@dataclass(frozen=True)
class OrderChange:
    """What one ORDER_CHANGE notification says about one order, in the 2026-01-01 vocabulary."""

    order_id: str
    changed_at: datetime  # OrderChangeTrigger.TimeOfOrderChange: orders changes by this time
    status: str  # 2026-01-01 FulfillmentStatus, or STATUS_UNKNOWN for a status this code does not know
    raw_status: str | None  # the notification's own OrderStatus
    fulfilled_by: str | None  # AMAZON / MERCHANT
    marketplace_id: str | None
    purchased_at: datetime | None
    preorder: bool
    change_type: str | None  # OrderStatusChange, BuyerRequestedChange, DeliveryTipChange
    change_reason: str | None
    notification_id: str | None
    seller_id: str | None


def parse_order_change(notification: Mapping[str, Any]) -> OrderChange:
    """Read one notification (the SQS message body, parsed). Raises NotOrderChange for other types and
    NotificationError when an ORDER_CHANGE lacks what the schema requires."""
    if not isinstance(notification, Mapping):
        raise NotificationError("a notification must be a JSON object")
    kind = notification.get("NotificationType")
    if kind != ORDER_CHANGE:
        raise NotOrderChange(f"notification type {kind!r} is not {ORDER_CHANGE}")
    payload = notification.get("Payload")
    body = payload.get("OrderChangeNotification") if isinstance(payload, Mapping) else None
    if not isinstance(body, Mapping):
        raise NotificationError("Payload.OrderChangeNotification is missing")
    order_id = body.get("AmazonOrderId")
    if not isinstance(order_id, str) or not order_id.strip():
        raise NotificationError("AmazonOrderId is missing")
    trigger = body.get("OrderChangeTrigger")
    trigger = trigger if isinstance(trigger, Mapping) else {}
    summary = body.get("Summary")
    summary = summary if isinstance(summary, Mapping) else {}
    metadata = notification.get("NotificationMetadata")
    metadata = metadata if isinstance(metadata, Mapping) else {}

    changed_raw = trigger.get("TimeOfOrderChange") or notification.get("EventTime")
    try:
        changed_at = parse_timestamp(changed_raw, "OrderChangeTrigger.TimeOfOrderChange")
        purchased_raw = summary.get("PurchaseDate")
        purchased_at = parse_timestamp(purchased_raw, "Summary.PurchaseDate") if purchased_raw else None
    except AmazonOrderError as exc:
        raise NotificationError(str(exc)) from exc

    raw_status = _text(summary.get("OrderStatus"))
    return OrderChange(
        order_id=order_id.strip(),
        changed_at=changed_at,
        status=STATUS_FROM_V0.get(raw_status or "", STATUS_UNKNOWN),
        raw_status=raw_status,
        fulfilled_by=FULFILLED_BY_FROM_V0.get(_text(summary.get("FulfillmentType")) or ""),
        marketplace_id=_text(summary.get("MarketplaceId")),
        purchased_at=purchased_at,
        preorder=_text(summary.get("OrderType")) == "Preorder",
        change_type=_text(body.get("OrderChangeType")),
        change_reason=_text(trigger.get("ChangeReason")),
        notification_id=_text(metadata.get("NotificationId")),
        seller_id=_text(body.get("SellerId")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
