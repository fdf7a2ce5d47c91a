"""Contract: the Shopify, eBay and Walmart connectors and simulators against each API's documented shapes.

The schemas in :mod:`tests.contract.channel_schemas` are written from the public documentation (their
sources are listed there). Each connector runs a set of searches (by email, name, order number, with
paging, token renewal and failures) against its simulator over 127.0.0.1; every request the simulator
saw must use only documented paths, headers, parameters and form fields, and every answer must match
the documented response or error shape. The orders in ``demo/orders.json`` must be documented order
objects too, so what the demo shows is what the real APIs send.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from ghostdesk.local.channel_sims import ChannelRequest, EbaySimulator, ShopifySimulator, WalmartSimulator
from ghostdesk.local.shopify_graphql import Field, parse_query
from ghostdesk.orders.channels.ebay import EbayOrderSearch
from ghostdesk.orders.channels.shopify import ORDERS_QUERY, ShopifyOrderSearch
from ghostdesk.orders.channels.walmart import WalmartOrderSearch
from ghostdesk.orders.file_source import load_orders_file
from ghostdesk.orders.source import OrderSourceError
from tests.contract import channel_schemas as schemas
from tests.shared_data import REPO
from tests.unit.orders.channels.builders import NOW, ebay_order, shopify_order, walmart_order

FORMATS = FormatChecker()
DEMO = load_orders_file(REPO / "demo" / "orders.json")


def problems(schema: dict[str, Any], value: Any) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=FORMATS)
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator.iter_errors(value)
    ]


def exercise(search: Callable[..., Any], clue_sets: list[dict[str, list[str]]]) -> None:
    for clues in clue_sets:
        # Failures are part of the exercise; what matters here is what went over the wire.
        with contextlib.suppress(OrderSourceError):
            search(
                emails=clues.get("emails", []),
                names=clues.get("names", []),
                order_numbers=clues.get("numbers", []),
            )


CLUES = [
    {"names": ["Anna Kowalski"]},
    {"emails": ["jordan.ellis@example.net"], "names": ["Jordan Ellis"]},
    {"names": ["Claire Dubois"], "numbers": ["23-14087-55231"]},
    {"numbers": ["#1042", "200013572468013", "99-99999-99999"]},
    {"numbers": ["1234567890123"]},  # a Walmart-like number nobody has
    {"emails": ["nobody@example.org"], "names": ["Nobody Known"]},
]


# --- Shopify -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shopify_exchanges() -> Iterator[list[ChannelRequest]]:
    orders = [
        *DEMO["shopify"],
        *(
            shopify_order(2000 + n, name="Anna Kowalski", created=NOW - timedelta(days=n + 1))
            for n in range(5)
        ),
        shopify_order(3001, name=None, email=None, financial=None, fulfillment="ON_HOLD"),
    ]
    with ShopifySimulator(orders) as sim:
        shop = ShopifyOrderSearch(shop=sim.shop, access_token=sim.access_token, endpoint=sim.url, page_size=2)
        exercise(shop.search, CLUES)
        sim.throttle_next()
        sim.fail_next(503)
        sim.fail_next(401)
        exercise(shop.search, CLUES[:3])
        yield sim.requests


def test_shopify_requests_are_admin_graphql_posts_selecting_documented_fields(
    shopify_exchanges: list[ChannelRequest],
) -> None:
    assert shopify_exchanges
    for request in shopify_exchanges:
        assert (request.method, request.path) == ("POST", "/admin/api/2025-01/graphql.json")
        assert request.query == {}
        assert "x-shopify-access-token" in request.headers
        assert request.headers["content-type"] == "application/json"
        assert problems(schemas.SHOPIFY_REQUEST, request.body) == []


def test_the_shopify_query_selects_only_fields_the_2025_01_schema_documents() -> None:
    def check(fields: tuple[Field, ...], type_name: str, path: str) -> list[str]:
        found = []
        known = schemas.SHOPIFY_TYPES[type_name]
        for selected in fields:
            if selected.name not in known:
                found.append(f"{path}{selected.name} is not a field of {type_name}")
                continue
            child = known[selected.name]
            if selected.selections is not None and child is not None:
                found += check(selected.selections, child, f"{path}{selected.name}.")
            elif (selected.selections is None) != (child is None):
                found.append(f"{path}{selected.name}: selection does not fit its type")
        return found

    fields = parse_query(ORDERS_QUERY, {"first": 20, "after": None, "query": "email:x"})
    assert check(fields, "QueryRoot", "") == []
    (orders,) = fields
    assert set(orders.arguments) <= {"first", "after", "last", "before", "query", "sortKey", "reverse"}
    assert orders.arguments["sortKey"] == "CREATED_AT"  # an OrderSortKeys value


def test_shopify_answers_match_the_documented_response_shapes(
    shopify_exchanges: list[ChannelRequest],
) -> None:
    seen = set()
    for exchange in shopify_exchanges:
        body = exchange.response_body
        if exchange.status != 200:
            kind, schema = "http-error", schemas.SHOPIFY_HTTP_ERROR
        elif "errors" in body:
            kind, schema = "graphql-error", schemas.SHOPIFY_ERRORS_RESPONSE
        else:
            kind, schema = "orders", schemas.SHOPIFY_ORDERS_RESPONSE
        seen.add(kind)
        assert problems(schema, body) == [], exchange
    assert seen == {"orders", "graphql-error", "http-error"}


# --- eBay ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ebay_exchanges() -> Iterator[list[ChannelRequest]]:
    orders = [
        *DEMO["ebay"],
        *(
            ebay_order(f"24-00000-{n:05d}", username=f"user_{n}", created=NOW - timedelta(days=n))
            for n in range(1, 6)
        ),
        ebay_order("24-00000-00099", fulfillment="FULFILLED", payment="PAID", cancel_state="NONE_REQUESTED"),
    ]
    with EbaySimulator(orders, shift=timedelta(0)) as sim:
        ebay = EbayOrderSearch(**sim.credentials, endpoint=sim.url, page_size=2)
        exercise(ebay.search, CLUES)
        sim.revoke_tokens()
        sim.fail_next(429, operation="getOrders")
        sim.fail_next(500, operation="getOrders")
        exercise(ebay.search, CLUES[:3])
        exercise(
            EbayOrderSearch(
                client_id=sim.client_id, client_secret="x", refresh_token="y", endpoint=sim.url
            ).search,
            CLUES[:1],
        )
        yield sim.requests


def test_ebay_requests_use_only_documented_paths_parameters_and_auth(
    ebay_exchanges: list[ChannelRequest],
) -> None:
    operations = {r.operation for r in ebay_exchanges}
    assert operations == {"token", "getOrders"}
    for request in ebay_exchanges:
        assert request.headers.get("authorization") == "***"  # Basic for the token, Bearer for the API
        if request.operation == "token":
            assert (request.method, request.path) == ("POST", "/identity/v1/oauth2/token")
            assert request.headers["content-type"] == "application/x-www-form-urlencoded"
            assert problems(schemas.EBAY_TOKEN_REQUEST, request.body) == []
        else:
            assert (request.method, request.path) == ("GET", "/sell/fulfillment/v1/order")
            assert set(request.query) <= schemas.EBAY_GET_ORDERS_PARAMETERS
            assert all(len(values) == 1 for values in request.query.values())
            if "orderIds" in request.query:
                assert len(request.query["orderIds"][0].split(",")) <= 50
            else:
                assert request.query["filter"][0].startswith("creationdate:[")
                assert 1 <= int(request.query["limit"][0]) <= 200


def test_ebay_answers_match_the_documented_response_shapes(ebay_exchanges: list[ChannelRequest]) -> None:
    seen = set()
    for exchange in ebay_exchanges:
        if exchange.operation == "token":
            schema = schemas.EBAY_TOKEN_RESPONSE if exchange.status == 200 else schemas.EBAY_TOKEN_ERROR
        else:
            schema = schemas.EBAY_ORDERS_RESPONSE if exchange.status == 200 else schemas.EBAY_ERRORS_RESPONSE
        seen.add((exchange.operation, exchange.status))
        assert problems(schema, exchange.response_body) == [], exchange
    assert {
        ("token", 200),
        ("token", 401),
        ("getOrders", 200),
        ("getOrders", 401),
        ("getOrders", 429),
    } <= seen


def test_ebay_filter_errors_carry_the_documented_error_ids() -> None:
    import httpx

    with EbaySimulator([ebay_order("23-14087-55231")]) as sim:
        token = httpx.post(
            f"{sim.url}/identity/v1/oauth2/token",
            auth=(sim.client_id, sim.client_secret),
            data={"grant_type": "refresh_token", "refresh_token": sim.refresh_token},
            timeout=5,
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        old = (NOW - timedelta(days=120)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        cases = {
            "creationdate:[..]": 30820,
            f"creationdate:[{old}..]": 30830,
            "creationdate:[yesterday..]": 30810,
            "sellerid:me": 30700,
            "orderfulfillmentstatus:{FULFILLED}": 30800,
        }
        for text, error_id in cases.items():
            answer = httpx.get(
                f"{sim.url}/sell/fulfillment/v1/order", params={"filter": text}, headers=headers, timeout=5
            )
            assert answer.status_code == 400, text
            assert problems(schemas.EBAY_ERRORS_RESPONSE, answer.json()) == []
            assert answer.json()["errors"][0]["errorId"] == error_id, text


# --- Walmart -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def walmart_exchanges() -> Iterator[list[ChannelRequest]]:
    orders = [
        *DEMO["walmart"],
        *(
            walmart_order(
                f"17962770830{n:02d}", email=f"buyer{n}@example.net", created=NOW - timedelta(days=n)
            )
            for n in range(1, 6)
        ),
        walmart_order(
            "1796277083099", statuses=("Shipped", "Cancelled"), tracking=("UPS", "1Z999AA10123456784")
        ),
    ]
    with WalmartSimulator(orders) as sim:
        walmart = WalmartOrderSearch(**sim.credentials, endpoint=sim.url, page_size=2)
        exercise(walmart.search, CLUES)
        sim.revoke_tokens()
        sim.fail_next(429, operation="orders")
        sim.fail_next(500, operation="orders")
        exercise(walmart.search, CLUES[:3])
        exercise(WalmartOrderSearch(client_id="x", client_secret="y", endpoint=sim.url).search, CLUES[:1])
        yield sim.requests


def test_walmart_requests_use_only_documented_paths_parameters_and_headers(
    walmart_exchanges: list[ChannelRequest],
) -> None:
    assert {r.operation for r in walmart_exchanges} == {"token", "orders"}
    correlation_ids = set()
    for request in walmart_exchanges:
        assert all(request.headers.get(h) for h in schemas.WALMART_REQUIRED_HEADERS)
        assert request.headers["accept"] == "application/json"
        correlation_ids.add(request.headers["wm_qos.correlation_id"])
        if request.operation == "token":
            assert (request.method, request.path) == ("POST", "/v3/token")
            assert request.headers["authorization"] == "***"
            assert problems(schemas.WALMART_TOKEN_REQUEST, request.body) == []
        else:
            assert (request.method, request.path) == ("GET", "/v3/orders")
            assert "wm_sec.access_token" in request.headers
            assert "authorization" not in request.headers
            assert set(request.query) <= schemas.WALMART_ORDERS_PARAMETERS
            assert 1 <= int(request.query.get("limit", ["100"])[0]) <= 200
    assert len(correlation_ids) == len(walmart_exchanges)  # a fresh correlation ID per call


def test_walmart_answers_match_the_documented_response_shapes(
    walmart_exchanges: list[ChannelRequest],
) -> None:
    seen = set()
    for exchange in walmart_exchanges:
        if exchange.operation == "token":
            schema = (
                schemas.WALMART_TOKEN_RESPONSE
                if exchange.status == 200
                else schemas.WALMART_TOKEN_ERRORS_RESPONSE
            )
        else:
            schema = (
                schemas.WALMART_ORDERS_RESPONSE if exchange.status == 200 else schemas.WALMART_ERRORS_RESPONSE
            )
        seen.add((exchange.operation, exchange.status))
        assert problems(schema, exchange.response_body) == [], exchange
    assert {("token", 200), ("token", 401), ("orders", 200), ("orders", 404), ("orders", 429)} <= seen


# --- the demo's orders -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "schema"),
    [("shopify", schemas.SHOPIFY_ORDER), ("ebay", schemas.EBAY_ORDER), ("walmart", schemas.WALMART_ORDER)],
)
def test_the_demo_orders_are_documented_order_objects(channel: str, schema: dict[str, Any]) -> None:
    assert DEMO[channel]
    for order in DEMO[channel]:
        assert problems(schema, order) == []


@pytest.mark.parametrize(
    ("order", "schema"),
    [
        (shopify_order(1042, tracking=("USPS", "9400111899223344556677")), schemas.SHOPIFY_ORDER),
        (ebay_order("23-14087-55231"), schemas.EBAY_ORDER),
        (
            walmart_order("1796277083022", statuses=("Shipped",), tracking=("FedEx", "794612345678")),
            schemas.WALMART_ORDER,
        ),
    ],
)
def test_the_test_builders_make_documented_order_objects(
    order: dict[str, Any], schema: dict[str, Any]
) -> None:
    assert problems(schema, order) == []
