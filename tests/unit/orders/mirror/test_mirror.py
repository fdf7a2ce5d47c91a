"""The order mirror in moto DynamoDB: what its three feeds write, and that late news never wins.

Given orders arriving from notifications, the sync and getOrder in any order and any number of times,
then the mirror holds the newest state of each order, complete when a reply could use it, and the
buyer-email index finds a merchant-fulfilled buyer's orders.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from ghostdesk.orders.amazon import order_facts_from_api
from ghostdesk.orders.mirror import OrderMirror, Source, merge_change, merge_full_order
from ghostdesk.orders.notifications import OrderChange, parse_order_change
from tests.shared_data import SHARED_DATA
from tests.unit.orders.builders import amazon_order
from tests.unit.orders.mirror.conftest import ManualClock, Tables

T0 = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
ORDER = "113-4829175-6031482"
ALIAS = "Abcd1234Efgh5678@marketplace.amazon.com"


def mirror(tables: Tables, clock: ManualClock) -> OrderMirror:
    return OrderMirror(tables.client, tables.orders, clock=clock.datetime)


def change(status: str, at: datetime, *, order_id: str = ORDER, fulfilment: str = "MFN") -> OrderChange:
    """An ORDER_CHANGE notification as Amazon sends it (the schema's own example, retargeted)."""
    example = json.loads((SHARED_DATA / "spapi" / "OrderChangeNotification.json").read_text())["examples"][0]
    body = example["Payload"]["OrderChangeNotification"]
    body["AmazonOrderId"] = order_id
    body["OrderChangeTrigger"]["TimeOfOrderChange"] = at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    body["Summary"]["OrderStatus"] = status
    body["Summary"]["FulfillmentType"] = fulfilment
    body["Summary"]["PurchaseDate"] = T0.strftime("%Y-%m-%dT%H:%M:%SZ")
    return parse_order_change(example)


def test_a_polled_order_is_mirrored_complete_with_its_facts(tables: Tables) -> None:
    clock = ManualClock()
    store = mirror(tables, clock)
    store.put_order(amazon_order(ORDER, created=T0, buyer_email=ALIAS), Source.POLL)

    entry = store.get(ORDER)
    assert entry is not None
    assert entry.facts is not None
    assert (entry.facts.status, entry.facts.buyer_name, entry.source, entry.complete) == (
        "PENDING",
        "Test Buyer",
        Source.POLL,
        True,
    )
    assert entry.synced_at == clock.now
    assert entry.changed_at == T0 + timedelta(minutes=30)  # the order's lastUpdatedTime


def test_the_same_notification_twice_changes_the_mirror_once(tables: Tables) -> None:
    store = mirror(tables, ManualClock())
    store.put_order(amazon_order(ORDER, created=T0), Source.POLL)
    shipped = change("Unshipped", T0 + timedelta(hours=2))

    assert store.apply_change(shipped) is not None
    assert store.apply_change(shipped) is None  # a redelivery: nothing to do
    entry = store.get(ORDER)
    assert entry is not None
    assert entry.facts is not None
    assert entry.facts.status == "UNSHIPPED"
    assert entry.revision == 2


def test_an_older_notification_arriving_late_does_not_overwrite_newer_data(tables: Tables) -> None:
    store = mirror(tables, ManualClock())
    store.put_order(amazon_order(ORDER, created=T0), Source.POLL)
    store.apply_change(change("Canceled", T0 + timedelta(hours=3)))

    assert store.apply_change(change("Unshipped", T0 + timedelta(hours=2))) is None

    entry = store.get(ORDER)
    assert entry is not None
    assert entry.facts is not None
    assert entry.facts.status == "CANCELLED"
    assert entry.changed_at == T0 + timedelta(hours=3)


def test_an_older_poll_keeps_the_newer_status_but_fills_in_the_buyer(tables: Tables) -> None:
    store = mirror(tables, ManualClock())
    # A new order is first heard of by notification (no buyer data in it) ...
    store.apply_change(change("Unshipped", T0 + timedelta(hours=3)))
    summary = store.get(ORDER)
    assert summary is not None
    assert summary.complete is False
    # ... then a poll that started earlier delivers the order as it was before that change.
    older = amazon_order(ORDER, created=T0, updated=T0 + timedelta(hours=1), buyer_email=ALIAS)
    store.put_order(older, Source.POLL)

    entry = store.get(ORDER)
    assert entry is not None
    assert entry.facts is not None
    assert entry.facts.status == "UNSHIPPED"  # the newer news
    assert entry.facts.buyer_email == ALIAS  # what only the whole order carries
    assert entry.facts.item_titles == ("Stainless Steel Water Bottle, 32 oz",)
    assert entry.complete is True


def test_a_newer_whole_order_replaces_a_summary(tables: Tables) -> None:
    store = mirror(tables, ManualClock())
    store.apply_change(change("Pending", T0 + timedelta(minutes=5)))
    store.put_order(
        amazon_order(
            ORDER, created=T0, updated=T0 + timedelta(hours=4), status="SHIPPED", package=("UPS", "1Z1")
        ),
        Source.GET_ORDER,
    )
    entry = store.get(ORDER)
    assert entry is not None
    assert entry.facts is not None
    assert (entry.facts.status, entry.facts.tracking_number, entry.source, entry.complete) == (
        "SHIPPED",
        "1Z1",
        Source.GET_ORDER,
        True,
    )


def test_a_merchant_order_that_just_shipped_is_incomplete_until_its_tracking_number_is_known(
    tables: Tables,
) -> None:
    store = mirror(tables, ManualClock())
    store.put_order(amazon_order(ORDER, created=T0), Source.POLL)
    entry = store.apply_change(change("Shipped", T0 + timedelta(hours=5)))
    assert entry is not None
    assert entry.complete is False  # the reply would want the tracking number

    fba = "204-6218734-9153026"
    store.put_order(amazon_order(fba, created=T0, fulfilled_by="AMAZON", buyer_email=None), Source.POLL)
    fba_entry = store.apply_change(change("Shipped", T0 + timedelta(hours=5), order_id=fba, fulfilment="AFN"))
    assert fba_entry is not None
    assert fba_entry.complete is True  # Amazon ships FBA orders; there is no tracking to wait for


def test_not_found_is_remembered_but_never_hides_a_real_order(tables: Tables) -> None:
    store = mirror(tables, ManualClock())
    unknown = "114-5550123-7788990"
    store.put_not_found(unknown)
    remembered = store.get(unknown)
    assert remembered is not None
    assert remembered.not_found

    store.put_order(amazon_order(unknown, created=T0), Source.POLL)  # it turns up after all
    found = store.get(unknown)
    assert found is not None
    assert not found.not_found

    assert store.put_not_found(unknown) is None  # a stray 404 does not forget it
    again = store.get(unknown)
    assert again is not None
    assert again.facts is not None


def test_the_buyer_email_index_finds_a_merchant_buyers_orders_newest_first(tables: Tables) -> None:
    store = mirror(tables, ManualClock())
    for n, days in enumerate((40, 10, 3)):
        order = amazon_order(f"113-000000{n}-0000000", created=T0 - timedelta(days=days), buyer_email=ALIAS)
        store.put_order(order, Source.POLL)
    store.put_order(
        amazon_order("113-0000009-0000000", created=T0, buyer_email="other@marketplace.amazon.com"),
        Source.POLL,
    )
    store.put_order(
        amazon_order("204-0000009-0000000", created=T0, fulfilled_by="AMAZON", buyer_email=None), Source.POLL
    )

    found = store.find_by_buyer_email(ALIAS.upper(), created_after=T0 - timedelta(days=30))

    assert [facts.order_id for facts in found] == ["113-0000002-0000000", "113-0000001-0000000"]


def test_merges_are_pure_and_say_when_there_is_nothing_to_write() -> None:
    now = T0 + timedelta(days=1)
    full = amazon_order(ORDER, created=T0)
    facts = order_facts_from_api(full)
    entry = merge_full_order(None, facts, Source.POLL, now)
    assert entry is not None
    assert merge_change(entry, change("Pending", T0), now) is None  # older than the order's last update
    newer = merge_change(entry, change("Canceled", T0 + timedelta(hours=6)), now)
    assert newer is not None
    assert newer.facts is not None
    assert newer.facts.status == "CANCELLED"
    assert merge_full_order(newer, facts, Source.POLL, now) is None  # older, and the entry is complete
