"""Contract: the Amazon adapter and the marketplace simulator against Amazon's own Orders API model.

The adapter (python-amazon-sp-api underneath) talks to the simulator over 127.0.0.1. Every request the
simulator receives is checked against the parameters of ``orders_2026-01-01.json`` (names, types,
formats, enums, array sizes, required path parameters), and every response against the operation's
declared status codes, headers and response schema. The schemas are built from the model's
``definitions`` with every object closed (``additionalProperties: false``), so a misspelt or invented
field fails too. Amazon's sandbox request/response pairs are replayed against the simulator and must
give the same status and orders.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from jsonschema import Draft4Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from ghostdesk.local.spapi_sim import RecordedRequest, SpApiSimulator, TokenBucketRateLimiter, UsagePlan
from ghostdesk.orders.file_source import load_orders_file
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from ghostdesk.orders.spapi import SpApiOrderSource
from ghostdesk.settings import Settings
from tests.shared_data import REPO, SHARED_DATA
from tests.unit.orders.builders import NOW, many_orders

MODEL = json.loads((SHARED_DATA / "spapi" / "orders_2026-01-01.json").read_text(encoding="utf-8"))
SANDBOX = json.loads((SHARED_DATA / "spapi" / "sandbox-examples.extracted.json").read_text(encoding="utf-8"))[
    "orders_2026-01-01.json"
]
DEMO_ORDERS = load_orders_file(REPO / "demo" / "orders.json")["amazon"]


def _closed(schema: Any) -> Any:
    """The model's schemas with every object closed to undeclared properties."""
    if isinstance(schema, dict):
        closed = {key: _closed(value) for key, value in schema.items()}
        if closed.get("type") == "object" and "properties" in closed:
            closed.setdefault("additionalProperties", False)
        return closed
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    return schema


DEFINITIONS = _closed(MODEL["definitions"])
FORMATS = FormatChecker()
assert "date-time" in FORMATS.checkers, "jsonschema needs rfc3339-validator to check date-time formats"


def _validator(ref: str) -> Draft4Validator:
    return Draft4Validator({"$ref": ref, "definitions": DEFINITIONS}, format_checker=FORMATS)


class OrdersApiContract:
    """The model's operations, as checks over recorded exchanges."""

    def __init__(self, model: Mapping[str, Any]) -> None:
        self.operations: dict[str, tuple[str, dict[str, Any]]] = {}
        for path, methods in model["paths"].items():
            for method, operation in methods.items():
                self.operations[operation["operationId"]] = (path, {"method": method.upper(), **operation})

    def request_problems(self, record: RecordedRequest) -> list[str]:
        path, operation = self.operations[record.operation]
        problems: list[str] = []
        if record.method != operation["method"]:
            problems.append(f"method {record.method} is not {operation['method']}")
        parameters = {p["name"]: p for p in operation["parameters"]}
        for name, values in record.query.items():
            parameter = parameters.get(name)
            if parameter is None or parameter["in"] != "query":
                problems.append(f"undeclared query parameter {name!r}")
                continue
            if len(values) != 1:
                problems.append(f"{name} sent {len(values)} times (collectionFormat csv sends one value)")
                continue
            problems += [f"{name}: {e.message}" for e in _parameter_errors(parameter, values[0])]
        template = path.split("/")
        actual = record.path.split("/")
        if len(template) != len(actual):
            problems.append(f"path {record.path} does not match {path}")
        for segment, value in zip(template, actual, strict=False):
            if segment.startswith("{"):
                parameter = parameters[segment.strip("{}")]
                if parameter.get("required") and not value:
                    problems.append(f"missing path parameter {parameter['name']}")
            elif segment != value:
                problems.append(f"path {record.path} does not match {path}")
        for parameter in operation["parameters"]:
            if (
                parameter["in"] == "query"
                and parameter.get("required")
                and parameter["name"] not in record.query
            ):
                problems.append(f"required parameter {parameter['name']} missing")
        if not record.headers.get("x-amz-access-token"):
            problems.append("no x-amz-access-token header")
        return problems

    def response_problems(self, record: RecordedRequest) -> list[str]:
        _, operation = self.operations[record.operation]
        declared = operation["responses"].get(str(record.status))
        if declared is None:
            return [f"status {record.status} is not declared for {record.operation}"]
        problems = [
            f"{'/'.join(str(p) for p in e.absolute_path) or '<body>'}: {e.message}"
            for e in _validator(declared["schema"]["$ref"]).iter_errors(record.response_body)
        ]
        sent = {name.lower() for name in record.response_headers}
        for header in declared.get("headers", {}):
            if header.lower() not in sent:
                problems.append(f"declared header {header} missing from a {record.status}")
        if record.response_headers.get("Content-Type") != "application/json":
            problems.append("response is not application/json")
        return problems


def _parameter_errors(parameter: Mapping[str, Any], raw: str) -> list[ValidationError]:
    schema = {k: v for k, v in parameter.items() if k in ("type", "format", "items", "maxItems", "enum")}
    value: Any = raw
    if parameter["type"] == "array":
        value = raw.split(",")
    elif parameter["type"] == "integer":
        try:
            value = int(raw)
        except ValueError:
            value = raw  # left as a string, the schema reports the wrong type
    return list(Draft4Validator(schema, format_checker=FORMATS).iter_errors(value))


CONTRACT = OrdersApiContract(MODEL)


def _assert_on_contract(records: list[RecordedRequest]) -> None:
    api = [r for r in records if r.operation != "lwa"]
    assert api, "no Orders API exchange was recorded"
    problems = {
        f"#{n} {r.operation} {r.status} {r.path}": CONTRACT.request_problems(r)
        + CONTRACT.response_problems(r)
        for n, r in enumerate(api)
    }
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.fixture
def sim() -> Iterator[SpApiSimulator]:
    orders = DEMO_ORDERS + many_orders(140, start=NOW - timedelta(days=40), step=timedelta(hours=2))
    with SpApiSimulator(orders) as running:
        running.rebase_to(NOW, newest_age=timedelta(days=1))
        yield running


@pytest.fixture
def adapter(sim: SpApiSimulator) -> Iterator[SpApiOrderSource]:
    settings = Settings(spapi_endpoint=sim.url, lwa_token_url=sim.token_url, marketplace="US")
    with SpApiOrderSource(settings, credentials=sim.credentials, search_marketplaces=["US", "UK"]) as source:
        yield source


def test_every_exchange_of_the_adapter_with_the_simulator_is_on_contract(
    sim: SpApiSimulator, adapter: SpApiOrderSource
) -> None:
    """Given the demo orders and 140 more, when the adapter runs every operation it has, including the
    failures, then each request and response is exactly what Amazon's model allows."""
    seen_ids = [o["orderId"] for o in sim.orders]
    for order_id in seen_ids[:5]:
        assert adapter.get_order(order_id) is not None
    assert adapter.get_order("111-9999999-9999999") is None
    assert adapter.find_by_buyer_email(
        "abcd1234efgh5678@marketplace.amazon.com", created_after=NOW - timedelta(days=5)
    )
    assert adapter.find_by_buyer_email(
        "g8r2m6n0q4s7u1w5@marketplace.amazon.it", created_after=NOW - timedelta(days=9)
    )
    mirrored = list(adapter.search_orders(last_updated_after=NOW - timedelta(days=60)))
    assert len(mirrored) > 100  # more than one page
    assert list(
        adapter.search_orders(created_after=NOW - timedelta(days=60), statuses=["SHIPPED", "CANCELLED"])
    )
    assert list(adapter.search_orders(created_after=NOW - timedelta(days=60), fulfilled_by=["AMAZON"]))

    sim.revoke_tokens()
    assert adapter.get_order(seen_ids[0]) is not None  # 403, new token, 200
    for status in (500, 503):
        sim.fail_next(status, operation="getOrder")
        with pytest.raises(MarketplaceUnavailable):
            adapter.get_order(seen_ids[0])
    sim.rate_limiter = TokenBucketRateLimiter({"getOrder": UsagePlan(0.5, 0)}, clock=lambda: 0.0)
    with pytest.raises(QuotaExceeded):
        adapter.get_order(seen_ids[0])

    statuses = {(r.operation, r.status) for r in sim.requests}
    assert {("getOrder", s) for s in (200, 403, 404, 429, 500, 503)} | {("searchOrders", 200)} <= statuses
    _assert_on_contract(sim.requests)


def test_malformed_requests_get_error_lists_on_contract_and_the_checker_sees_the_fault(
    sim: SpApiSimulator,
) -> None:
    """Given requests that break the model's parameter rules, then the simulator answers a declared
    400 with an ErrorList, and the request checker flags every one the parameter schemas can see."""
    bad = [
        ("/orders/2026-01-01/orders", {"createdAfter": "TEST_CASE_400"}, True),
        (
            "/orders/2026-01-01/orders",
            {"createdAfter": "2026-01-01T00:00:00Z", "maxResultsPerPage": "ten"},
            True,
        ),
        ("/orders/2026-01-01/orders", {"createdAfter": "2026-01-01T00:00:00Z", "fulfilledBy": "FBA"}, True),
        ("/orders/2026-01-01/orders", {"createdAfter": "2026-01-01T00:00:00Z", "includedData": "ALL"}, True),
        ("/orders/2026-01-01/orders", {"createdAfter": "2026-01-01T00:00:00Z", "buyerEmail": "x@y.z"}, True),
        # cross-parameter rules the schemas cannot express: the simulator still refuses them
        ("/orders/2026-01-01/orders", {}, False),
        (
            "/orders/2026-01-01/orders",
            {"createdAfter": "2026-01-01T00:00:00Z", "lastUpdatedAfter": "2026-01-01T00:00:00Z"},
            False,
        ),
        (
            "/orders/2026-01-01/orders",
            {"createdAfter": "2026-01-02T00:00:00Z", "createdBefore": "2026-01-01T00:00:00Z"},
            False,
        ),
        (
            "/orders/2026-01-01/orders",
            {"createdAfter": "2026-01-01T00:00:00Z", "maxResultsPerPage": "500"},
            False,
        ),
    ]
    with httpx.Client(base_url=sim.url) as http:
        token = http.post(
            "/auth/o2/token",
            data={
                "grant_type": "refresh_token",
                "client_id": sim.client_id,
                "client_secret": sim.client_secret,
                "refresh_token": sim.refresh_token,
            },
        ).json()["access_token"]
        sim.clear_requests()
        for path, params, _ in bad:
            http.get(f"{path}?{urlencode(params)}", headers={"x-amz-access-token": token})

    records = sim.requests
    assert [r.status for r in records] == [400] * len(bad)
    for record, (_, params, schema_visible) in zip(records, bad, strict=True):
        assert CONTRACT.response_problems(record) == [], record
        assert bool(CONTRACT.request_problems(record)) == schema_visible, (
            params,
            CONTRACT.request_problems(record),
        )


def test_the_response_checker_rejects_what_amazon_would_never_send(sim: SpApiSimulator) -> None:
    """A control: the closed schemas catch a missing required field, a bad enum and an invented field."""
    order = copy.deepcopy(DEMO_ORDERS[0])
    good = RecordedRequest(
        "getOrder",
        "GET",
        f"/orders/2026-01-01/orders/{order['orderId']}",
        {},
        {"x-amz-access-token": "t"},
        200,
        {"x-amzn-RequestId": "r", "x-amzn-RateLimit-Limit": "0.5", "Content-Type": "application/json"},
        {"order": order},
    )
    assert CONTRACT.response_problems(good) == []

    broken = copy.deepcopy(order)
    del broken["orderItems"]
    broken["fulfillment"]["fulfillmentStatus"] = "STUCK"
    broken["buyer"]["buyerPhone"] = "+1 555 0100"
    problems = CONTRACT.response_problems(
        RecordedRequest(**{**good.__dict__, "response_body": {"order": broken}, "response_headers": {}})
    )

    assert any("'orderItems' is a required property" in p for p in problems)
    assert any("'STUCK' is not one of" in p for p in problems)
    assert any("buyerPhone" in p for p in problems)
    assert any("x-amzn-RequestId" in p for p in problems)


def test_every_demo_order_is_an_order_of_the_model() -> None:
    validator = _validator("#/definitions/Order")
    problems = {o["orderId"]: [e.message for e in validator.iter_errors(o)] for o in DEMO_ORDERS}
    assert {k: v for k, v in problems.items() if v} == {}


# --- Amazon's sandbox examples, replayed ----------------------------------------------------------
def _examples() -> list[tuple[str, int, dict[str, Any]]]:
    return [
        (operation, n, example)
        for operation, spec in SANDBOX.items()
        for n, example in enumerate(spec["examples"])
    ]


def _example_orders(example: Mapping[str, Any]) -> list[dict[str, Any]]:
    response = example["response"]
    return [*response.get("orders", []), *([response["order"]] if "order" in response else [])]


def _fbm_only(order: Mapping[str, Any]) -> dict[str, Any]:
    """The model's note, applied to a sandbox example: buyerEmail and packages exist for FBM orders only."""
    expected = copy.deepcopy(dict(order))
    if expected.get("fulfillment", {}).get("fulfilledBy") == "AMAZON":
        expected.pop("packages", None)
        expected.get("buyer", {}).pop("buyerEmail", None)
    return expected


@pytest.mark.parametrize(("operation", "index", "example"), _examples(), ids=lambda v: str(v)[:20])
def test_sandbox_requests_replayed_against_the_simulator_answer_like_amazon(
    operation: str, index: int, example: dict[str, Any]
) -> None:
    """Given the orders of one sandbox example, when its request is replayed, then the simulator answers
    with the example's status and orders, on contract."""
    spec = SANDBOX[operation]
    parameters = {name: value["value"] for name, value in example["request"]["parameters"].items()}
    path = spec["path"]
    if "orderId" in parameters:
        path = path.replace("{orderId}", str(parameters.pop("orderId")))
    query = {k: ",".join(v) if isinstance(v, list) else v for k, v in parameters.items()}

    with SpApiSimulator(_example_orders(example)) as sim, httpx.Client(base_url=sim.url) as http:
        token = http.post(
            "/auth/o2/token",
            data={
                "grant_type": "refresh_token",
                "client_id": sim.client_id,
                "client_secret": sim.client_secret,
                "refresh_token": sim.refresh_token,
            },
        ).json()["access_token"]
        answer = http.get(
            f"{path}?{urlencode(query)}" if query else path, headers={"x-amz-access-token": token}
        )
    (record,) = [r for r in sim.requests if r.operation == operation]
    assert CONTRACT.response_problems(record) == []
    if example["status"] == "200":  # the 400 examples break the parameter rules on purpose
        assert CONTRACT.request_problems(record) == []

    if "paginationToken" in parameters:
        # Amazon's token is Amazon's: a page token is only valid where it was issued.
        assert answer.status_code == 400
        assert answer.json()["errors"][0]["details"] == "paginationToken"
        return
    assert answer.status_code == int(example["status"])
    if answer.status_code != 200:
        assert answer.json()["errors"][0]["code"] == example["response"]["errors"][0]["code"]
        return
    body = answer.json()
    if operation == "getOrder":
        assert body == {"order": _fbm_only(example["response"]["order"])}
    else:
        assert body["orders"] == [_fbm_only(o) for o in example["response"]["orders"]]
