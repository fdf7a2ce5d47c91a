"""ORDER_CHANGE notifications: Amazon's own example read right, and the simulator's match Amazon's schema."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import jsonschema
import pytest

from ghostdesk.local.order_notifications import order_change_notification
from ghostdesk.orders.notifications import NotificationError, NotOrderChange, parse_order_change
from tests.shared_data import REPO, SHARED_DATA
from tests.unit.orders.builders import amazon_order

SCHEMA = json.loads((SHARED_DATA / "spapi" / "OrderChangeNotification.json").read_text())


def example() -> dict[str, Any]:
    return copy.deepcopy(SCHEMA["examples"][0])


def test_amazons_example_reads_as_an_unshipped_merchant_order_changed_at_the_trigger_time() -> None:
    change = parse_order_change(example())
    assert change.order_id == "903-8868176-2219830"
    assert change.status == "UNSHIPPED"
    assert change.raw_status == "Unshipped"
    assert change.fulfilled_by == "MERCHANT"
    assert change.marketplace_id == "ATVPDKIKX0DER"
    assert change.changed_at == datetime(2022, 11, 29, 19, 42, 4, 284000, tzinfo=UTC)
    assert change.purchased_at == datetime(2022, 7, 13, 19, 42, 4, 284000, tzinfo=UTC)
    assert change.preorder is False
    assert change.change_type == "BuyerRequestedChange"
    assert change.notification_id == "d0e9e693-c3ad-4373-979f-ed4ec98dd746"


@pytest.mark.parametrize(
    ("v0", "expected"),
    [
        ("Pending", "PENDING"),
        ("PendingAvailability", "PENDING_AVAILABILITY"),
        ("PartiallyShipped", "PARTIALLY_SHIPPED"),
        ("Shipped", "SHIPPED"),
        ("InvoiceUnconfirmed", "SHIPPED"),
        ("Canceled", "CANCELLED"),
        ("Unfulfillable", "UNFULFILLABLE"),
        ("SomethingNew", "UNKNOWN"),
    ],
)
def test_order_statuses_map_to_the_2026_vocabulary(v0: str, expected: str) -> None:
    notification = example()
    notification["Payload"]["OrderChangeNotification"]["Summary"]["OrderStatus"] = v0
    assert parse_order_change(notification).status == expected


def test_a_preorder_and_an_fba_order_are_recognised() -> None:
    notification = example()
    summary = notification["Payload"]["OrderChangeNotification"]["Summary"]
    summary["OrderType"], summary["FulfillmentType"] = "Preorder", "AFN"
    change = parse_order_change(notification)
    assert (change.preorder, change.fulfilled_by) == (True, "AMAZON")


def test_other_notification_types_are_not_order_changes() -> None:
    notification = example()
    notification["NotificationType"] = "ANY_OFFER_CHANGED"
    with pytest.raises(NotOrderChange):
        parse_order_change(notification)


def test_a_notification_without_an_order_id_or_a_readable_time_is_refused() -> None:
    no_id = example()
    del no_id["Payload"]["OrderChangeNotification"]["AmazonOrderId"]
    with pytest.raises(NotificationError, match="AmazonOrderId"):
        parse_order_change(no_id)
    bad_time = example()
    bad_time["Payload"]["OrderChangeNotification"]["OrderChangeTrigger"]["TimeOfOrderChange"] = "soon"
    del bad_time["EventTime"]
    with pytest.raises(NotificationError, match="TimeOfOrderChange"):
        parse_order_change(bad_time)


def test_the_simulators_notifications_follow_amazons_schema_and_read_back() -> None:
    order = amazon_order("111-9037462-2285514", status="PENDING_AVAILABILITY", programs=("PREORDER",))
    notification = order_change_notification(order)
    jsonschema.validate(notification, SCHEMA)
    change = parse_order_change(notification)
    assert (change.order_id, change.status, change.preorder, change.fulfilled_by) == (
        "111-9037462-2285514",
        "PENDING_AVAILABILITY",
        True,
        "MERCHANT",
    )


def test_the_sample_event_carries_amazons_example_notification() -> None:
    event = json.loads((REPO / "events" / "order-change.json").read_text())
    body = json.loads(event["Records"][0]["body"])
    jsonschema.validate(body, SCHEMA)
    assert parse_order_change(body).order_id == "113-4829175-6031482"
