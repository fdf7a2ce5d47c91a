"""ORDER_CHANGE notifications as Amazon's Notifications API sends them, built from Orders 2026-01-01 orders.

The marketplace simulator uses this to play Amazon's part when one of its orders changes: the local
stack puts the notification on the OrderChangeQueue, exactly where Amazon would deliver it in AWS, so
the order mirror is fed the same way. The shape follows ``OrderChangeNotification.json`` (Amazon's
schema, in the shared test data): a summary in the older Orders v0 vocabulary, no buyer data.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

#: 2026-01-01 ``FulfillmentStatus`` -> the notification's (Orders v0) ``OrderStatus``.
V0_STATUS: Mapping[str, str] = {
    "PENDING_AVAILABILITY": "PendingAvailability",
    "PENDING": "Pending",
    "UNSHIPPED": "Unshipped",
    "PARTIALLY_SHIPPED": "PartiallyShipped",
    "SHIPPED": "Shipped",
    "CANCELLED": "Canceled",
    "UNFULFILLABLE": "Unfulfillable",
}
LOCAL_SELLER_ID = "A2GHOSTDESKLOCAL"
LOCAL_APPLICATION_ID = "amzn1.sellerapps.app.ghostdesk-local"
LOCAL_SUBSCRIPTION_ID = "ghostdesk-local-order-change"
_REASONS = {"OrderStatusChange": "Order status changed", "BuyerRequestedChange": "Buyer Requested Cancel"}


def order_change_notification(
    order: Mapping[str, Any],
    *,
    now: datetime | None = None,
    seller_id: str = LOCAL_SELLER_ID,
    change_type: str = "OrderStatusChange",
) -> dict[str, Any]:
    """The ORDER_CHANGE notification Amazon would publish for ``order`` as it is now."""
    published = _stamp(now or datetime.now(UTC))
    fulfillment = order.get("fulfillment") if isinstance(order.get("fulfillment"), Mapping) else {}
    assert isinstance(fulfillment, Mapping)
    channel = order.get("salesChannel") if isinstance(order.get("salesChannel"), Mapping) else {}
    assert isinstance(channel, Mapping)
    status = str(fulfillment.get("fulfillmentStatus") or "")
    items = [item for item in order.get("orderItems") or [] if isinstance(item, Mapping)]
    shipped = sum(_quantity(item, "quantityFulfilled") for item in items)
    ordered = sum(int(item.get("quantityOrdered") or 0) for item in items)
    summary: dict[str, Any] = {
        "MarketplaceId": channel.get("marketplaceId"),
        "OrderStatus": V0_STATUS.get(status, status),
        "PurchaseDate": order.get("createdTime"),
        "DestinationPostalCode": _postal_code(order),
        "FulfillmentType": "AFN" if fulfillment.get("fulfilledBy") == "AMAZON" else "MFN",
        "OrderType": "Preorder" if "PREORDER" in (order.get("programs") or []) else "StandardOrder",
        "NumberOfItemsShipped": shipped,
        "NumberOfItemsUnshipped": max(0, ordered - shipped),
        "OrderItems": [
            {
                "OrderItemId": str(item.get("orderItemId") or ""),
                "SellerSKU": str((item.get("product") or {}).get("sellerSku") or ""),
                "SupplySourceId": None,
                "Quantity": int(item.get("quantityOrdered") or 0),
                "QuantityShipped": _quantity(item, "quantityFulfilled"),
            }
            for item in items
        ],
    }
    item_statuses = [
        "Shipped" if entry["QuantityShipped"] >= entry["Quantity"] else "Unshipped"
        for entry in summary["OrderItems"]
    ]
    if len(set(item_statuses)) > 1:  # Amazon names item statuses only when they differ
        for entry, item_status in zip(summary["OrderItems"], item_statuses, strict=True):
            entry["OrderItemStatus"] = item_status
    return {
        "NotificationVersion": "1.0",
        "NotificationType": "ORDER_CHANGE",
        "PayloadVersion": "1.0",
        "EventTime": published,
        "Payload": {
            "OrderChangeNotification": {
                "NotificationLevel": "OrderLevel",
                "SellerId": seller_id,
                "AmazonOrderId": order["orderId"],
                "OrderChangeType": change_type,
                "OrderChangeTrigger": {
                    "TimeOfOrderChange": order.get("lastUpdatedTime") or order.get("createdTime"),
                    "ChangeReason": _REASONS.get(change_type, change_type),
                },
                "Summary": summary,
            }
        },
        "NotificationMetadata": {
            "ApplicationId": LOCAL_APPLICATION_ID,
            "SubscriptionId": LOCAL_SUBSCRIPTION_ID,
            "PublishTime": published,
            "NotificationId": str(uuid.uuid4()),
        },
    }


def _quantity(item: Mapping[str, Any], name: str) -> int:
    fulfillment = item.get("fulfillment")
    value = fulfillment.get(name) if isinstance(fulfillment, Mapping) else None
    return int(value) if isinstance(value, int) else 0


def _postal_code(order: Mapping[str, Any]) -> str | None:
    recipient = order.get("recipient")
    address = recipient.get("deliveryAddress") if isinstance(recipient, Mapping) else None
    code = address.get("postalCode") if isinstance(address, Mapping) else None
    return code if isinstance(code, str) else None


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
