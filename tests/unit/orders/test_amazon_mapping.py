"""order_facts_from_api: Amazon's 2026-01-01 Order, as diagnosis sees it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from ghostdesk.local.spapi_orders import project_order
from ghostdesk.orders.amazon import (
    STATUS_UNKNOWN,
    AmazonOrderError,
    format_timestamp,
    is_status_known,
    order_facts_from_api,
)
from tests.shared_data import SHARED_DATA
from tests.unit.orders.builders import UK, amazon_order


def _sandbox_order(order_id: str) -> dict[str, Any]:
    examples = json.loads((SHARED_DATA / "spapi" / "sandbox-examples.extracted.json").read_text())
    for operation in examples["orders_2026-01-01.json"].values():
        for example in operation["examples"]:
            response = example["response"]
            for order in [*response.get("orders", []), *([response["order"]] if "order" in response else [])]:
                if order["orderId"] == order_id:
                    return dict(order)
    raise LookupError(order_id)


def test_given_amazons_own_shipped_fbm_example_then_every_fact_is_read() -> None:
    facts = order_facts_from_api(_sandbox_order("202-7654321-1098765"))

    assert facts.channel == "amazon"
    assert facts.order_id == "202-7654321-1098765"
    assert facts.status == "SHIPPED" == facts.raw_status
    assert facts.created == datetime(2024, 12, 24, 14, 20, tzinfo=UTC)
    assert facts.last_updated == datetime(2024, 12, 24, 18, 45, tzinfo=UTC)
    assert facts.fulfilled_by == "MERCHANT"
    assert (facts.marketplace_id, facts.marketplace_name) == ("A1F83G8C2ARO7P", "Amazon.co.uk")
    assert (facts.buyer_name, facts.buyer_email) == ("Sarah Thompson", "buyer-email@marketplace.amazon.co.uk")
    assert facts.programs == ("PRIME",)
    assert (facts.carrier, facts.tracking_number) == ("DPD", "15501234567890123456")
    assert facts.item_titles == ("Amazon Echo Dot (4th Generation) | Smart speaker with Alexa | Charcoal",)


def test_given_an_order_fetched_without_fulfillment_then_status_is_unknown_not_guessed() -> None:
    order = project_order(amazon_order("111-0000001-0000001", status="PENDING"), {"BUYER"})

    facts = order_facts_from_api(order)

    assert facts.status == STATUS_UNKNOWN
    assert facts.raw_status is None
    assert facts.fulfilled_by is None
    assert not is_status_known(facts)
    assert facts.buyer_name == "Test Buyer"  # what was included is still read


def test_given_a_preorder_then_status_and_program_say_so() -> None:
    facts = order_facts_from_api(
        amazon_order("111-0000002-0000002", status="PENDING_AVAILABILITY", programs=("PREORDER", "PRIME"))
    )

    assert facts.status == "PENDING_AVAILABILITY"
    assert facts.programs == ("PREORDER", "PRIME")
    assert is_status_known(facts)


def test_given_several_packages_then_the_first_live_tracked_one_is_reported() -> None:
    order = amazon_order("111-0000003-0000003", status="SHIPPED")
    order["packages"] = [
        {"packageReferenceId": "p0", "carrier": "USPS"},  # no tracking yet
        {
            "packageReferenceId": "p1",
            "carrier": "FedEx",
            "trackingNumber": "1111",
            "packageStatus": {"status": "CANCELLED"},
        },
        {"packageReferenceId": "p2", "carrier": "UPS", "trackingNumber": "1Z999AA10123456784"},
    ]

    facts = order_facts_from_api(order)

    assert (facts.carrier, facts.tracking_number) == ("UPS", "1Z999AA10123456784")


def test_given_a_package_without_tracking_then_only_the_carrier_is_known() -> None:
    order = amazon_order("111-0000004-0000004", status="UNSHIPPED", package=("DHL", ""))

    facts = order_facts_from_api(order)

    assert (facts.carrier, facts.tracking_number) == ("DHL", None)


def test_given_no_marketplace_name_then_it_is_named_after_the_marketplace_domain() -> None:
    order = amazon_order("202-0000005-0000005", marketplace_id=UK)
    del order["salesChannel"]["marketplaceName"]

    assert order_facts_from_api(order).marketplace_name == "Amazon.co.uk"


def test_given_multiple_items_then_titles_keep_their_order_and_untitled_items_are_skipped() -> None:
    order = amazon_order("111-0000006-0000006", titles=("First", "Second", "Third"))
    del order["orderItems"][1]["product"]["title"]

    assert order_facts_from_api(order).item_titles == ("First", "Third")


def test_given_offset_timestamps_then_created_is_normalised_to_utc() -> None:
    order = amazon_order("111-0000007-0000007")
    order["createdTime"] = "2026-03-01T10:00:00+01:00"

    assert order_facts_from_api(order).created == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"orderId": ""}, "orderId"),
        ({"createdTime": "yesterday"}, "createdTime"),
        ({"fulfillment": "PENDING"}, "fulfillment"),
        ({"buyer": {"buyerEmail": 42}}, "buyer.buyerEmail"),
        ({"programs": "PREORDER"}, "programs"),
        ({"orderItems": {"title": "x"}}, "orderItems"),
    ],
)
def test_given_a_malformed_order_then_the_error_names_the_field(change: dict[str, Any], message: str) -> None:
    order = {**amazon_order("111-0000008-0000008"), **change}

    with pytest.raises(AmazonOrderError, match=message):
        order_facts_from_api(order)


def test_given_facts_then_they_survive_the_json_round_trip_used_between_queues() -> None:
    facts = order_facts_from_api(amazon_order("111-0000009-0000009", package=("UPS", "1Z1")))

    assert type(facts).from_dict(json.loads(json.dumps(facts.to_dict()))) == facts


def test_timestamps_sent_to_amazon_are_utc_with_z_and_naive_ones_are_refused() -> None:
    assert format_timestamp(datetime.fromisoformat("2026-03-01T10:00:00+01:00")) == "2026-03-01T09:00:00Z"
    with pytest.raises(ValueError, match="timezone-aware"):
        format_timestamp(datetime(2026, 3, 1))  # the naive datetime under test
