"""ShopifyOrderSearch against the local Shopify (Admin GraphQL API) over 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from ghostdesk.local.channel_sims import ShopifySimulator
from ghostdesk.orders.channels.shopify import ShopifyOrderSearch
from ghostdesk.orders.channels.transport import JsonHttp
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from tests.unit.orders.channels.builders import NOW, shopify_order

ANNA = shopify_order(1042, name="Anna Kowalski", email="anna.kowalski@example.org", fulfillment="FULFILLED")
OTHERS = [
    shopify_order(1040, name="Anna Nowak", email="anna.nowak@example.org"),
    shopify_order(1041, name="Daniel Brooks", email="daniel@example.org"),
]


@pytest.fixture
def sim() -> Iterator[ShopifySimulator]:
    with ShopifySimulator([ANNA, *OTHERS]) as running:
        yield running


def connector(sim: ShopifySimulator, **options: object) -> ShopifyOrderSearch:
    return ShopifyOrderSearch(
        shop=sim.shop,
        access_token=sim.access_token,
        endpoint=sim.url,
        **options,  # type: ignore[arg-type]
    )


def find(channel: ShopifyOrderSearch, **clues: list[str]) -> list[str | None]:
    found = channel.search(
        emails=clues.get("emails", []), names=clues.get("names", []), order_numbers=clues.get("numbers", [])
    )
    return [f.order_number for f in found]


def test_a_buyer_is_found_by_full_name_email_or_order_name(sim: ShopifySimulator) -> None:
    shop = connector(sim)
    assert find(shop, names=["Anna Kowalski"]) == ["#1042"]
    assert find(shop, names=["kowalski anna"]) == ["#1042"]
    assert find(shop, emails=["Anna.Kowalski@example.org"]) == ["#1042"]
    assert find(shop, numbers=["#1042"]) == ["#1042"]
    assert find(shop, names=["Anna Kowalska"], emails=["nobody@example.org"]) == []


def test_the_order_found_carries_what_the_reply_needs(sim: ShopifySimulator) -> None:
    (facts,) = connector(sim).search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])
    assert facts.channel == "shopify"
    assert facts.order_number == "#1042"
    assert facts.order_id == "gid://shopify/Order/6120004281042"
    assert facts.status == "SHIPPED"
    assert facts.buyer_name == "Anna Kowalski"
    assert facts.item_titles == ("Ceramic Pour-Over Coffee Dripper",)


def test_the_request_is_the_admin_graphql_call_with_the_access_token(sim: ShopifySimulator) -> None:
    connector(sim).search(
        emails=["anna.kowalski@example.org"], names=["Anna Kowalski"], order_numbers=["#1042"]
    )

    (request,) = sim.requests
    assert (request.method, request.path) == ("POST", "/admin/api/2025-01/graphql.json")
    assert request.headers["x-shopify-access-token"] == "***"  # sent (and masked in the record)
    assert request.headers["content-type"] == "application/json"
    assert request.body["variables"]["query"] == (
        'email:"anna.kowalski@example.org" OR name:"#1042" OR ("Anna" "Kowalski")'
    )
    # The answer holds only the selected fields, in GraphQL's connection shape.
    node = request.response_body["data"]["orders"]["edges"][0]["node"]
    assert set(node) == {
        "id",
        "name",
        "email",
        "createdAt",
        "updatedAt",
        "cancelledAt",
        "displayFinancialStatus",
        "displayFulfillmentStatus",
        "customer",
        "billingAddress",
        "shippingAddress",
        "lineItems",
        "fulfillments",
    }
    assert request.response_body["extensions"]["cost"]["actualQueryCost"] > 0


def test_a_first_name_alone_asks_shopify_nothing(sim: ShopifySimulator) -> None:
    assert find(connector(sim), names=["Anna"]) == []
    assert sim.requests == []


def test_fuzzy_text_hits_that_are_not_the_buyer_are_dropped(sim: ShopifySimulator) -> None:
    # Shopify's text search for "Anna" "Nowak" also returns what it finds; only the full name counts.
    assert find(connector(sim), names=["Anna Nowak"]) == ["#1040"]


def test_many_matches_are_read_page_by_page(sim: ShopifySimulator) -> None:
    orders = [
        shopify_order(2000 + n, name="Anna Kowalski", created=NOW - timedelta(days=n + 1)) for n in range(5)
    ]
    sim.set_orders(orders)

    found = find(connector(sim, page_size=2), names=["Anna Kowalski"])

    assert found == ["#2000", "#2001", "#2002", "#2003", "#2004"]  # newest first
    assert len(sim.requests) == 3
    assert (
        sim.requests[1].body["variables"]["after"]
        == sim.requests[0].response_body["data"]["orders"]["pageInfo"]["endCursor"]
    )


def test_a_throttled_query_is_a_quota_error_with_the_wait_shopify_implies(sim: ShopifySimulator) -> None:
    sim.maximum_available, sim.restore_rate = 100.0, 50.0
    sim.throttle_next()

    with pytest.raises(QuotaExceeded) as raised:
        connector(sim).search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])

    body = sim.requests[0].response_body
    assert body["errors"][0]["extensions"]["code"] == "THROTTLED"
    cost = body["extensions"]["cost"]
    expected = (cost["requestedQueryCost"] - cost["throttleStatus"]["currentlyAvailable"]) / 50.0
    assert raised.value.retry_after_s == pytest.approx(max(1.0, expected))
    assert raised.value.source == "shopify"


def test_the_cost_bucket_runs_dry_like_shopifys(sim: ShopifySimulator) -> None:
    # Given a bucket that barely holds one query's requested cost and hardly refills
    sim.enforce_cost, sim.restore_rate, sim.maximum_available = True, 0.001, 500.0
    shop = connector(sim)

    def ask_until_throttled() -> None:
        for _ in range(20):
            shop.search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])

    with pytest.raises(QuotaExceeded):
        ask_until_throttled()
    answered = [r for r in sim.requests if "data" in r.response_body]
    assert 1 <= len(answered) < 20  # the actual cost of each answer drained the bucket


def test_the_connectors_query_stays_under_shopifys_single_query_cost_limit(sim: ShopifySimulator) -> None:
    connector(sim).search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])
    assert 0 < sim.requests[0].response_body["extensions"]["cost"]["requestedQueryCost"] <= 1000
    too_big = connector(sim, page_size=250)
    with pytest.raises(MarketplaceUnavailable, match="MAX_COST_EXCEEDED"):
        too_big.search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])


@pytest.mark.parametrize("status", [401, 403, 402, 500, 502, 503])
def test_failures_are_unavailable_not_not_found(sim: ShopifySimulator, status: int) -> None:
    sim.fail_next(status)
    with pytest.raises(MarketplaceUnavailable):
        connector(sim).search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])


def test_http_429_is_a_quota_error_with_retry_after(sim: ShopifySimulator) -> None:
    sim.fail_next(429)
    with pytest.raises(QuotaExceeded) as raised:
        connector(sim).search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])
    assert raised.value.retry_after_s == 2.0


def test_a_wrong_access_token_is_unavailable(sim: ShopifySimulator) -> None:
    shop = ShopifyOrderSearch(shop=sim.shop, access_token="shpat_wrong", endpoint=sim.url)
    with pytest.raises(MarketplaceUnavailable, match="access denied"):
        shop.search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])
    assert sim.requests[0].status == 401


def test_a_proxy_error_page_is_unavailable(sim: ShopifySimulator) -> None:
    sim.fail_next(200, body=b"<html>maintenance</html>")
    with pytest.raises(MarketplaceUnavailable, match="malformed"):
        connector(sim).search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])


def test_a_slow_shop_times_out_as_unavailable(sim: ShopifySimulator) -> None:
    sim.latency_s = 0.5
    shop = connector(sim, http=JsonHttp("shopify", timeout_s=0.1, connect_timeout_s=0.1))
    with pytest.raises(MarketplaceUnavailable, match="timed out"):
        shop.search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])


def test_a_shop_that_is_not_running_is_unavailable() -> None:
    with ShopifySimulator() as sim:
        url = sim.url
    shop = ShopifyOrderSearch(shop="acme", access_token="shpat_x", endpoint=url)
    with pytest.raises(MarketplaceUnavailable, match="connection failed"):
        shop.search(emails=["anna.kowalski@example.org"], names=[], order_numbers=[])


def test_the_shop_url_is_the_myshopify_domain() -> None:
    assert ShopifyOrderSearch(shop="Acme-Store", access_token="x").url == (
        "https://acme-store.myshopify.com/admin/api/2025-01/graphql.json"
    )
    assert ShopifyOrderSearch(shop="acme.myshopify.com", access_token="x").url.startswith(
        "https://acme.myshopify.com/"
    )
    with pytest.raises(ValueError, match="shop name"):
        ShopifyOrderSearch(shop="https://evil.example/x", access_token="x")
