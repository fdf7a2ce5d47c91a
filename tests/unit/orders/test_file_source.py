"""The orders file and FileOrderSource: same answers as Amazon's API, clear errors for bad files."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from ghostdesk.orders.file_source import FileOrderSource, OrdersFileError, load_orders_file
from ghostdesk.orders.source import OrderSource
from tests.shared_data import REPO
from tests.unit.orders.builders import NOW, amazon_order
from tests.unit.orders.channels.builders import shopify_order

DEMO_ORDERS = REPO / "demo" / "orders.json"


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "orders.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_the_demo_orders_file_loads_and_is_an_order_source() -> None:
    source = FileOrderSource(DEMO_ORDERS)

    assert isinstance(source, OrderSource)
    assert len(source) >= 8
    facts = source.get_order("113-4829175-6031482")
    assert facts is not None
    assert (facts.status, facts.fulfilled_by, facts.marketplace_name) == ("PENDING", "MERCHANT", "Amazon.com")


def test_the_demo_file_covers_every_case_the_lead_writes_emails_for() -> None:
    orders = load_orders_file(DEMO_ORDERS)["amazon"]
    facts = [FileOrderSource({"amazon": [o]}).get_order(o["orderId"]) for o in orders]
    statuses = {f.status for f in facts if f}
    marketplaces = {f.marketplace_name for f in facts if f}

    assert {
        "PENDING",
        "PENDING_AVAILABILITY",
        "UNSHIPPED",
        "PARTIALLY_SHIPPED",
        "SHIPPED",
        "CANCELLED",
    } <= statuses
    assert {"Amazon.com", "Amazon.co.uk", "Amazon.de", "Amazon.fr", "Amazon.it", "Amazon.es"} <= marketplaces
    assert any(f and f.status == "PENDING" and f.fulfilled_by == "AMAZON" for f in facts)
    assert any(f and "PREORDER" in f.programs for f in facts)
    assert any(f and f.status == "SHIPPED" and f.tracking_number and f.carrier for f in facts)


def test_given_an_unknown_order_id_then_none() -> None:
    source = FileOrderSource({"amazon": [amazon_order("111-0000001-0000001")]})

    assert source.get_order("111-9999999-9999999") is None
    assert source.get_order(" 111-0000001-0000001 ") is not None


def test_buyer_email_matches_merchant_fulfilled_orders_only_newest_first_and_since_the_date() -> None:
    alias = "abcd1234efgh5678@marketplace.amazon.com"
    source = FileOrderSource(
        {
            "amazon": [
                amazon_order("111-0000001-0000001", buyer_email=alias, created=NOW - timedelta(days=3)),
                amazon_order("111-0000002-0000002", buyer_email=alias, created=NOW - timedelta(days=1)),
                amazon_order("111-0000003-0000003", buyer_email=alias, fulfilled_by="AMAZON"),
                amazon_order("111-0000004-0000004", buyer_email=alias, created=NOW - timedelta(days=60)),
                amazon_order("111-0000005-0000005", buyer_email="someone-else@marketplace.amazon.com"),
            ]
        }
    )

    found = source.find_by_buyer_email(alias.upper(), created_after=NOW - timedelta(days=30))

    assert [f.order_id for f in found] == ["111-0000002-0000002", "111-0000001-0000001"]


def test_given_a_naive_created_after_then_it_is_refused() -> None:
    source = FileOrderSource({"amazon": []})
    with pytest.raises(ValueError, match="timezone-aware"):
        source.find_by_buyer_email("a@b.c", created_after=NOW.replace(tzinfo=None))


def test_other_channels_are_kept_as_they_are_for_their_adapters(tmp_path: Path) -> None:
    # A Shopify order in the Admin GraphQL API's own shape (checked on load; see tests/unit/orders/channels)
    shopify = [shopify_order(1001, email="buyer@example.com")]
    path = _write(tmp_path, {"amazon": [amazon_order("111-0000001-0000001")], "shopify": shopify})

    data = load_orders_file(path)

    assert data["shopify"] == shopify
    assert len(FileOrderSource(path)) == 1
    with pytest.raises(ValueError, match="Amazon orders only"):
        FileOrderSource(path, channel="shopify")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", r"orders\.json: not valid JSON \(line 1, column 2\)"),
        ([1, 2], r"orders\.json: must be a JSON object keyed by channel"),
        ({"amazon": {"orderId": "x"}}, r"'amazon' must be a list of orders"),
        ({"amazon": ["x"]}, r"amazon\[0\] must be an object"),
        (
            {"amazon": [{"orderId": "111-0000001-0000001"}]},
            r"amazon\[0\] \(111-0000001-0000001\): createdTime is required",
        ),
    ],
)
def test_given_a_bad_file_then_the_error_names_the_file_and_the_place(
    tmp_path: Path, content: Any, expected: str
) -> None:
    with pytest.raises(OrdersFileError, match=expected):
        load_orders_file(_write(tmp_path, content))


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda o: o.update(createdTime="2026-01-01"),
            r"amazon\[1\] \(111-0000002-0000002\): createdTime must be an ISO 8601",
        ),
        (
            lambda o: o["fulfillment"].update(fulfillmentStatus="PENDNG"),
            r"fulfillmentStatus must be one of .*got 'PENDNG'",
        ),
        (lambda o: o["fulfillment"].update(fulfilledBy="FBA"), r"fulfilledBy must be AMAZON or MERCHANT"),
        (lambda o: o.pop("salesChannel"), r"salesChannel is required"),
        (
            lambda o: o["orderItems"][0].update(quantityOrdered="1"),
            r"orderItems\[0\]\.quantityOrdered is required",
        ),
        (lambda o: o.update(packages=[{"carrier": "UPS"}]), r"packages\[0\]\.packageReferenceId is required"),
        (
            lambda o: o.update(orderId="111-0000001-0000001"),
            r"amazon\[1\] .*orderId is also used by amazon\[0\]",
        ),
    ],
)
def test_given_a_bad_amazon_order_then_the_error_says_which_and_why(
    tmp_path: Path, mutate: Any, expected: str
) -> None:
    first, second = amazon_order("111-0000001-0000001"), amazon_order("111-0000002-0000002")
    mutate(second)

    with pytest.raises(OrdersFileError, match=expected) as caught:
        load_orders_file(_write(tmp_path, {"amazon": [first, second]}))
    assert str(tmp_path / "orders.json") in str(caught.value)


def test_given_a_missing_file_then_the_error_names_it(tmp_path: Path) -> None:
    with pytest.raises(OrdersFileError, match=r"nope\.json: cannot read"):
        load_orders_file(tmp_path / "nope.json")


def test_the_demo_readme_lists_every_demo_order_and_its_ghost_ids_are_really_absent() -> None:
    readme = (REPO / "demo" / "README.md").read_text(encoding="utf-8")
    source = FileOrderSource(DEMO_ORDERS)
    orders = load_orders_file(DEMO_ORDERS)["amazon"]

    for order in orders:
        assert f"`{order['orderId']}`" in readme
        email = order.get("buyer", {}).get("buyerEmail")
        if email:
            assert f"`{email}`" in readme
    ghosts = readme.split("deliberately not in the file")[1]
    for ghost_id in ("114-5550123-7788990", "305-2468013-5791357"):
        assert ghost_id in ghosts
        assert source.get_order(ghost_id) is None
    assert "1Z12345E0205271688" not in DEMO_ORDERS.read_text(encoding="utf-8")
