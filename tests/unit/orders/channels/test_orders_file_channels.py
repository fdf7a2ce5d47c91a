"""The orders file's Shopify, eBay and Walmart lists: checked on load with errors an operator can act on,
and searched by ``ghostdesk diagnose --orders`` exactly as the live channels are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ghostdesk.commands.diagnose import main as diagnose_main
from ghostdesk.orders.channels.file import FileChannelSearch, file_channels
from ghostdesk.orders.file_source import OrdersFileError, load_orders_file
from tests.shared_data import REPO
from tests.unit.orders.channels.builders import ebay_order, shopify_order, walmart_order

DEMO = REPO / "demo"


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "orders.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --- checking ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "order", "complaint"),
    [
        (
            "shopify",
            {**shopify_order(1042), "createdAt": "13/11/2026"},
            r"shopify\[0\] \(#1042\): createdAt must be",
        ),
        ("shopify", {**shopify_order(1042), "id": "1042"}, "id must be an Order GID"),
        (
            "shopify",
            {**shopify_order(1042), "displayFulfillmentStatus": "SHIPPED"},
            "displayFulfillmentStatus must be one of",
        ),
        (
            "ebay",
            {**ebay_order("23-14087-55231"), "orderFulfillmentStatus": "DONE"},
            r"ebay\[0\] \(23-14087-55231\)",
        ),
        (
            "ebay",
            {k: v for k, v in ebay_order("23-14087-55231").items() if k != "creationDate"},
            "creationDate must be",
        ),
        (
            "walmart",
            {**walmart_order("1796277083022"), "orderDate": "2026-11-12"},
            "orderDate must be milliseconds",
        ),
        (
            "walmart",
            {**walmart_order("1796277083022"), "orderLines": {"orderLine": []}},
            "at least one order line",
        ),
        ("walmart", "1796277083022", r"walmart\[0\] must be an object"),
    ],
)
def test_a_malformed_channel_order_is_named_with_the_field_at_fault(
    tmp_path: Path, channel: str, order: object, complaint: str
) -> None:
    with pytest.raises(OrdersFileError, match=complaint) as raised:
        load_orders_file(write(tmp_path, {"amazon": [], channel: [order]}))
    assert str(raised.value).startswith(str(tmp_path / "orders.json"))


def test_two_orders_with_one_id_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OrdersFileError, match=r"ebay\[1\] .*also used by ebay\[0\]"):
        load_orders_file(
            write(tmp_path, {"ebay": [ebay_order("23-14087-55231"), ebay_order("23-14087-55231")]})
        )


def test_the_demo_file_holds_one_order_of_each_channel_in_its_own_shape() -> None:
    data = load_orders_file(DEMO / "orders.json")
    channels = {c.name: c for c in file_channels(data)}
    assert {name: len(c) for name, c in channels.items()} == {"shopify": 1, "ebay": 1, "walmart": 1}
    assert isinstance(channels["shopify"], FileChannelSearch)


# --- ghostdesk diagnose --orders -------------------------------------------------------------------

GHOST_VIA_RELAY = """\
From: "Anna Kowalski - Amazon Marketplace" <k3w7a1n5s9d2f6g8@marketplace.amazon.com>
To: orders@example.com
Subject: Message from Amazon customer Anna Kowalski
Date: Fri, 20 Nov 2026 10:05:00 +0000
Message-ID: <ghost-relay-1@email.amazonses.com>
Content-Type: text/plain; charset="utf-8"

------------- Begin message -------------

Hello, I ordered a coffee dripper from you last week and you have no record of my order.
Where is my order? Thank you, Anna

------------- End message -------------
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    code = diagnose_main(["--now", "2026-11-20T12:00:00Z", "--json", *args])
    return code, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_diagnose_finds_a_ghost_order_placed_in_the_shopify_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given an orders file with no Amazon order for the buyer but a Shopify order in their name
    orders = write(tmp_path, {"amazon": [], "shopify": [shopify_order(1042, name="Anna Kowalski")]})
    eml = tmp_path / "ghost.eml"
    eml.write_text(GHOST_VIA_RELAY, encoding="utf-8")

    code, (result,) = run(capsys, "--orders", str(orders), str(eml))

    assert code == 0
    assert result["case"] == "ghost_other_channel"
    assert result["evidence"]["other_channel"] == "shopify"
    assert result["evidence"]["other_order_number"] == "#1042"
    assert result["order_id"] is None  # no Amazon order


def test_without_the_shopify_order_the_same_mail_is_a_plain_ghost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write(tmp_path, {"amazon": [], "shopify": [shopify_order(1042, name="Anna Nowak")]})
    eml = tmp_path / "ghost.eml"
    eml.write_text(GHOST_VIA_RELAY, encoding="utf-8")

    _, (result,) = run(capsys, "--orders", str(orders), str(eml))

    assert result["case"] == "ghost_no_order_id"


def test_the_demo_ghosts_are_found_on_shopify_by_name_and_on_walmart_by_email(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, results = run(
        capsys,
        "--orders",
        str(DEMO / "orders.json"),
        str(DEMO / "emails" / "10-ghost-shopify-us.eml"),
        str(DEMO / "emails" / "11-ghost-walmart-direct-us.eml"),
    )

    assert code == 0
    assert [
        (r["case"], r["evidence"]["other_channel"], r["evidence"]["other_order_number"]) for r in results
    ] == [
        ("ghost_other_channel", "shopify", "#1042"),
        ("ghost_other_channel", "walmart", "200013572468013"),
    ]
    assert [r["channel"] for r in results] == ["amazon", "direct"]


def test_a_malformed_channel_list_stops_diagnose_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orders = write(tmp_path, {"amazon": [], "walmart": [{"purchaseOrderId": "1"}]})
    code = diagnose_main(["--orders", str(orders), str(DEMO / "emails" / "11-ghost-walmart-direct-us.eml")])
    assert code == 2
    assert "walmart[0]" in capsys.readouterr().err
