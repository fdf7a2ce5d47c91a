"""WalmartOrderSearch against the local Walmart (token + Marketplace Orders API) over 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from ghostdesk.local.channel_sims import WalmartSimulator
from ghostdesk.orders.channels.walmart import WalmartOrderSearch
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from tests.unit.orders.channels.builders import NOW, walmart_order

JORDAN = walmart_order(
    "1796277083022",
    customer_order_id="200013572468013",
    email="jordan.ellis@example.net",
    ship_to="Maria Ellis",
    statuses=("Shipped",),
    tracking=("FedEx", "794612345678"),
)
OTHER = walmart_order("1796277083023", email="someone@relay.walmart.com", ship_to="Oliver Bennett")


@pytest.fixture
def sim() -> Iterator[WalmartSimulator]:
    with WalmartSimulator([JORDAN, OTHER]) as running:
        yield running


def connector(sim: WalmartSimulator, **options: object) -> WalmartOrderSearch:
    return WalmartOrderSearch(**sim.credentials, endpoint=sim.url, **options)  # type: ignore[arg-type]


def find(channel: WalmartOrderSearch, **clues: list[str]) -> list[str | None]:
    found = channel.search(
        emails=clues.get("emails", []), names=clues.get("names", []), order_numbers=clues.get("numbers", [])
    )
    return [f.order_number for f in found]


def operations(sim: WalmartSimulator) -> list[tuple[str, int]]:
    return [(r.operation, r.status) for r in sim.requests]


def test_a_buyer_is_found_by_email_ship_to_name_or_order_number(sim: WalmartSimulator) -> None:
    walmart = connector(sim)
    assert find(walmart, emails=["Jordan.Ellis@example.net"]) == ["200013572468013"]
    assert find(walmart, names=["Maria Ellis"]) == ["200013572468013"]
    assert find(walmart, numbers=["200013572468013"]) == ["200013572468013"]
    assert find(walmart, numbers=["2000135-72468013"]) == ["200013572468013"]  # as walmart.com prints it
    assert find(walmart, numbers=["1796277083022"]) == ["200013572468013"]  # the purchase order number
    assert find(walmart, names=["Jordan Ellis"], emails=["jordan@example.com"]) == []


def test_the_order_found_carries_status_and_tracking(sim: WalmartSimulator) -> None:
    (facts,) = connector(sim).search(emails=["jordan.ellis@example.net"], names=[], order_numbers=[])
    assert (facts.channel, facts.order_id, facts.status) == ("walmart", "1796277083022", "SHIPPED")
    assert (facts.carrier, facts.tracking_number) == ("FedEx", "794612345678")
    assert facts.created == NOW - timedelta(days=6)


def test_it_gets_a_token_with_walmarts_headers_then_sends_it_on_every_call(sim: WalmartSimulator) -> None:
    find(connector(sim), emails=["jordan.ellis@example.net"])

    token, orders = sim.requests
    assert (token.method, token.path, token.status) == ("POST", "/v3/token", 200)
    assert token.body == {"grant_type": "client_credentials"}
    assert token.headers["wm_svc.name"] == "Walmart Marketplace"
    assert token.headers["authorization"] == "***"
    assert (orders.method, orders.path, orders.status) == ("GET", "/v3/orders", 200)
    assert orders.headers["wm_sec.access_token"] == "***"
    assert orders.headers["wm_qos.correlation_id"] != token.headers["wm_qos.correlation_id"]
    assert set(orders.query) == {"createdStartDate", "limit"}


def test_wrong_client_credentials_are_unavailable(sim: WalmartSimulator) -> None:
    wrong = WalmartOrderSearch(client_id=sim.client_id, client_secret="nope", endpoint=sim.url)
    with pytest.raises(MarketplaceUnavailable, match=r"UNAUTHORIZED\.GMP_GATEWAY_API"):
        find(wrong, emails=["jordan.ellis@example.net"])


def test_an_expired_token_is_renewed_once(sim: WalmartSimulator) -> None:
    walmart = connector(sim)
    find(walmart, emails=["jordan.ellis@example.net"])
    sim.revoke_tokens()

    assert find(walmart, emails=["jordan.ellis@example.net"]) == ["200013572468013"]
    assert operations(sim) == [
        ("token", 200),
        ("orders", 200),
        ("orders", 401),
        ("token", 200),
        ("orders", 200),
    ]


def test_no_orders_is_walmarts_404_and_means_none_found(sim: WalmartSimulator) -> None:
    sim.set_orders([])
    assert find(connector(sim), emails=["jordan.ellis@example.net"], numbers=["200013572468013"]) == []
    assert all(status in (200, 404) for _, status in operations(sim))
    assert sim.requests[-1].response_body["errors"]["error"][0]["code"] == "CONTENT_NOT_FOUND.GMP_ORDER_API"


def test_recent_orders_follow_the_next_cursor(sim: WalmartSimulator) -> None:
    many = [
        walmart_order(
            f"17962770830{n:02d}",
            email=f"buyer{n}@example.net",
            ship_to=None,
            created=NOW - timedelta(days=n),
        )
        for n in range(1, 8)
    ]
    sim.set_orders(many)

    assert find(connector(sim, page_size=3), emails=["buyer7@example.net"]) == [many[6]["customerOrderId"]]

    lists = [r for r in sim.requests if r.operation == "orders"]
    assert len(lists) == 3
    cursor = lists[0].response_body["list"]["meta"]["nextCursor"]
    assert cursor.startswith("?")
    assert "hasMoreElements=true" in cursor
    assert lists[1].query["poIndex"] == ["3"]  # the cursor's own query string, appended to the path


def test_http_429_waits_for_the_bucket_to_refill(sim: WalmartSimulator) -> None:
    sim.fail_next(429, operation="orders")
    with pytest.raises(QuotaExceeded) as raised:
        find(connector(sim), emails=["jordan.ellis@example.net"])
    assert 0 < raised.value.retry_after_s <= 3  # x-next-replenishment-time is two seconds away
    assert sim.requests[-1].response_headers["x-current-token-count"] == "0"


@pytest.mark.parametrize(
    ("status", "operation"), [(500, "orders"), (503, "orders"), (500, "token"), (403, "orders")]
)
def test_failures_are_unavailable_not_not_found(sim: WalmartSimulator, status: int, operation: str) -> None:
    sim.fail_next(status, operation=operation)
    with pytest.raises(MarketplaceUnavailable):
        find(connector(sim), emails=["jordan.ellis@example.net"])


def test_the_simulator_insists_on_walmarts_headers(sim: WalmartSimulator) -> None:
    import httpx

    answer = httpx.post(f"{sim.url}/v3/token", data={"grant_type": "client_credentials"}, timeout=5)
    assert answer.status_code == 400
    assert answer.json()["errors"]["error"][0]["code"] == "INVALID_REQUEST_HEADER.GMP_GATEWAY_API"
