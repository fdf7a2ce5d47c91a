"""The marketplace simulator over HTTP, driven with a plain HTTP client: Amazon's rules, Amazon's answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from ghostdesk.local.spapi_orders import parse_date
from ghostdesk.local.spapi_sim import (
    SpApiSimulator,
    TokenBucketRateLimiter,
    UsagePlan,
)
from ghostdesk.orders.file_source import OrdersFileError
from tests.unit.orders.builders import DE, NOW, UK, amazon_order, many_orders, stamp

SEARCH = "/orders/2026-01-01/orders"
FBM_PENDING = "111-0000001-0000001"
FBA_SHIPPED = "202-0000002-0000002"


@pytest.fixture
def sim() -> Iterator[SpApiSimulator]:
    orders = [
        amazon_order(FBM_PENDING, created=NOW - timedelta(days=2), package=("UPS", "1Z999AA10123456784")),
        amazon_order(
            FBA_SHIPPED,
            created=NOW - timedelta(days=5),
            status="SHIPPED",
            fulfilled_by="AMAZON",
            marketplace_id=UK,
            buyer_email="should-not-leak@marketplace.amazon.co.uk",
            package=("Royal Mail", "AB123456789GB"),
        ),
        amazon_order(
            "302-0000003-0000003", created=NOW - timedelta(days=12), marketplace_id=DE, status="UNSHIPPED"
        ),
    ]
    with SpApiSimulator(orders) as running:
        yield running


@pytest.fixture
def http(sim: SpApiSimulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sim.url, timeout=5) as client:
        yield client


@pytest.fixture
def token(sim: SpApiSimulator, http: httpx.Client) -> str:
    answer = http.post("/auth/o2/token", data={"grant_type": "refresh_token", **_lwa_form(sim)})
    assert answer.status_code == 200
    return str(answer.json()["access_token"])


def _lwa_form(sim: SpApiSimulator) -> dict[str, str]:
    return {
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "refresh_token": sim.refresh_token,
    }


def _get(http: httpx.Client, token: str, path: str, **params: Any) -> httpx.Response:
    return http.get(path, params=params, headers={"x-amz-access-token": token})


def _search(http: httpx.Client, token: str, **params: Any) -> httpx.Response:
    return _get(http, token, SEARCH, **params)


def _error(answer: httpx.Response) -> dict[str, str]:
    errors = answer.json()["errors"]
    assert len(errors) == 1
    return dict(errors[0])


# --- LWA ----------------------------------------------------------------------------------------
def test_lwa_refresh_grant_returns_a_bearer_token(sim: SpApiSimulator, http: httpx.Client) -> None:
    answer = http.post("/auth/o2/token", data={"grant_type": "refresh_token", **_lwa_form(sim)})

    body = answer.json()
    assert answer.status_code == 200
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert body["access_token"].startswith("Atza|")
    assert body["refresh_token"] == sim.refresh_token


@pytest.mark.parametrize(
    ("change", "status", "error"),
    [
        ({"client_secret": "wrong"}, 401, "invalid_client"),
        ({"client_id": "amzn1.application-oa2-client.other"}, 401, "invalid_client"),
        ({"refresh_token": "Atzr|revoked"}, 400, "invalid_grant"),
        ({"client_secret": ""}, 400, "invalid_request"),
        ({"grant_type": "client_credentials"}, 400, "unsupported_grant_type"),
    ],
)
def test_lwa_rejects_bad_credentials_as_lwa_does(
    sim: SpApiSimulator, http: httpx.Client, change: dict[str, str], status: int, error: str
) -> None:
    answer = http.post("/auth/o2/token", data={"grant_type": "refresh_token", **_lwa_form(sim), **change})

    assert answer.status_code == status
    assert answer.json()["error"] == error
    assert answer.json()["error_description"]


def test_the_request_log_never_keeps_lwa_secrets(sim: SpApiSimulator, token: str) -> None:
    (entry,) = [r for r in sim.requests if r.operation == "lwa"]
    assert entry.form["client_secret"] == "***"
    assert entry.form["refresh_token"] == "***"
    assert sim.client_secret not in repr(sim.requests)


# --- authentication ------------------------------------------------------------------------------
def test_without_an_access_token_the_api_answers_403(http: httpx.Client) -> None:
    answer = http.get(f"{SEARCH}/{FBM_PENDING}")

    assert answer.status_code == 403
    assert _error(answer)["code"] == "Unauthorized"


def test_with_an_unknown_or_revoked_token_the_api_answers_403(
    sim: SpApiSimulator, http: httpx.Client, token: str
) -> None:
    assert _get(http, "Atza|made-up", f"{SEARCH}/{FBM_PENDING}").status_code == 403
    assert _get(http, token, f"{SEARCH}/{FBM_PENDING}").status_code == 200

    sim.revoke_tokens()

    answer = _get(http, token, f"{SEARCH}/{FBM_PENDING}")
    assert answer.status_code == 403
    assert "revoked" in _error(answer)["details"]


def test_tokens_expire_after_their_lifetime() -> None:
    now = [NOW]
    with (
        SpApiSimulator([], token_ttl_s=60, clock=lambda: now[0]) as sim,
        httpx.Client(base_url=sim.url) as http,
    ):
        access = http.post("/auth/o2/token", data={"grant_type": "refresh_token", **_lwa_form(sim)}).json()
        now[0] += timedelta(seconds=61)

        answer = _get(http, access["access_token"], f"{SEARCH}/{FBM_PENDING}")

    assert answer.status_code == 403


# --- getOrder -------------------------------------------------------------------------------------
def test_get_order_without_included_data_returns_only_the_core_of_the_order(
    http: httpx.Client, token: str
) -> None:
    answer = _get(http, token, f"{SEARCH}/{FBM_PENDING}")

    order = answer.json()["order"]
    assert answer.status_code == 200
    assert set(order) == {
        "orderId",
        "createdTime",
        "lastUpdatedTime",
        "programs",
        "salesChannel",
        "orderItems",
    }
    assert set(order["orderItems"][0]) == {"orderItemId", "quantityOrdered", "product"}


def test_get_order_returns_exactly_the_blocks_asked_for(http: httpx.Client, token: str) -> None:
    answer = _get(http, token, f"{SEARCH}/{FBM_PENDING}", includedData="FULFILLMENT,PACKAGES")

    order = answer.json()["order"]
    assert {"fulfillment", "packages"} <= set(order)
    assert not {"buyer", "recipient", "proceeds", "payment"} & set(order)
    assert set(order["orderItems"][0]) == {"orderItemId", "quantityOrdered", "product", "fulfillment"}
    assert order["packages"][0]["trackingNumber"] == "1Z999AA10123456784"


def test_amazon_fulfilled_orders_never_disclose_buyer_email_or_packages(
    http: httpx.Client, token: str
) -> None:
    answer = _get(http, token, f"{SEARCH}/{FBA_SHIPPED}", includedData="BUYER,PACKAGES,FULFILLMENT")

    order = answer.json()["order"]
    assert order["buyer"] == {"buyerName": "Test Buyer"}
    assert "packages" not in order
    assert order["fulfillment"]["fulfilledBy"] == "AMAZON"


def test_get_order_for_an_unknown_order_is_404(http: httpx.Client, token: str) -> None:
    answer = _get(http, token, f"{SEARCH}/111-9999999-9999999")

    assert answer.status_code == 404
    assert _error(answer)["code"] == "NotFound"


@pytest.mark.parametrize(
    ("path", "params", "mentions"),
    [
        (f"{SEARCH}/TEST_CASE_400", {}, "orderId"),
        (f"{SEARCH}/1110000001-0000001", {}, "orderId"),
        (f"{SEARCH}/{FBM_PENDING}", {"includedData": "BUYER,EVERYTHING"}, "EVERYTHING"),
        (f"{SEARCH}/{FBM_PENDING}", {"includedData": ""}, "includedData"),
        (f"{SEARCH}/{FBM_PENDING}", {"marketplaceIds": "ATVPDKIKX0DER"}, "marketplaceIds"),
    ],
)
def test_get_order_rejects_malformed_requests_with_400(
    http: httpx.Client, token: str, path: str, params: dict[str, str], mentions: str
) -> None:
    answer = _get(http, token, path, **params)

    assert answer.status_code == 400
    error = _error(answer)
    assert error["code"] == "InvalidInput"
    assert mentions in error["message"] + error.get("details", "")


# --- searchOrders: validation ---------------------------------------------------------------------
WEEK_AGO = stamp(NOW - timedelta(days=7))
MONTH_AGO = stamp(NOW - timedelta(days=30))


@pytest.mark.parametrize(
    ("params", "mentions"),
    [
        ({}, "Exactly one of createdAfter and lastUpdatedAfter"),
        ({"createdAfter": WEEK_AGO, "lastUpdatedAfter": WEEK_AGO}, "Exactly one"),
        ({"createdAfter": WEEK_AGO, "lastUpdatedBefore": WEEK_AGO}, "lastUpdatedBefore cannot be combined"),
        ({"lastUpdatedAfter": WEEK_AGO, "createdBefore": WEEK_AGO}, "createdBefore cannot be combined"),
        ({"createdAfter": WEEK_AGO, "createdBefore": MONTH_AGO}, "createdBefore must be equal to or after"),
        ({"createdAfter": WEEK_AGO, "createdBefore": "<request time>"}, "two minutes before"),
        ({"lastUpdatedAfter": "<request time + 1h>"}, "two minutes before"),
        ({"createdAfter": "2026-01-01"}, "ISO 8601"),
        ({"createdAfter": "TEST_CASE_400"}, "ISO 8601"),
        ({"createdAfter": "2026-13-01T00:00:00Z"}, "not a valid date-time"),
        ({"createdAfter": WEEK_AGO, "maxResultsPerPage": "0"}, "between 1 and 100"),
        ({"createdAfter": WEEK_AGO, "maxResultsPerPage": "101"}, "between 1 and 100"),
        ({"createdAfter": WEEK_AGO, "maxResultsPerPage": "ten"}, "between 1 and 100"),
        ({"createdAfter": WEEK_AGO, "fulfillmentStatuses": "PENDING,STUCK"}, "STUCK"),
        ({"createdAfter": WEEK_AGO, "fulfilledBy": "FBA"}, "FBA"),
        ({"createdAfter": WEEK_AGO, "marketplaceIds": ",".join(f"M{n}" for n in range(51))}, "at most 50"),
        ({"createdAfter": WEEK_AGO, "buyerEmail": "a@b.c"}, "Unknown query parameter: buyerEmail"),
        ({"createdAfter": WEEK_AGO, "paginationToken": "bm90LWEtdG9rZW4"}, "Invalid paginationToken"),
    ],
)
def test_search_rejects_every_rule_violation_with_400(
    http: httpx.Client, token: str, params: dict[str, str], mentions: str
) -> None:
    # "Two minutes before the request" rules are about the clock when the request is made, which in a
    # long test run is well after this module was imported: those times are filled in now.
    moments = {"<request time>": timedelta(0), "<request time + 1h>": timedelta(hours=1)}
    params = {k: stamp(datetime.now(UTC) + moments[v]) if v in moments else v for k, v in params.items()}
    answer = _search(http, token, **params)

    assert answer.status_code == 400
    error = _error(answer)
    assert error["code"] == "InvalidInput"
    assert mentions in error["message"] + error.get("details", "")


def test_search_rejects_a_repeated_scalar_parameter(http: httpx.Client, token: str) -> None:
    answer = http.get(
        f"{SEARCH}?createdAfter={WEEK_AGO}&createdAfter={MONTH_AGO}", headers={"x-amz-access-token": token}
    )

    assert answer.status_code == 400
    assert "only once" in _error(answer)["message"]


# --- searchOrders: filters -----------------------------------------------------------------------
def _ids(answer: httpx.Response) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [o["orderId"] for o in answer.json()["orders"]]


def test_search_filters_by_creation_window_oldest_first(http: httpx.Client, token: str) -> None:
    assert _ids(_search(http, token, createdAfter=MONTH_AGO)) == [
        "302-0000003-0000003",
        FBA_SHIPPED,
        FBM_PENDING,
    ]
    assert _ids(_search(http, token, createdAfter=WEEK_AGO)) == [FBA_SHIPPED, FBM_PENDING]
    assert _ids(
        _search(http, token, createdAfter=MONTH_AGO, createdBefore=stamp(NOW - timedelta(days=3)))
    ) == ["302-0000003-0000003", FBA_SHIPPED]


def test_search_filters_by_status_channel_and_marketplace(http: httpx.Client, token: str) -> None:
    assert _ids(_search(http, token, createdAfter=MONTH_AGO, fulfillmentStatuses="SHIPPED,UNSHIPPED")) == [
        "302-0000003-0000003",
        FBA_SHIPPED,
    ]
    assert _ids(_search(http, token, createdAfter=MONTH_AGO, fulfilledBy="AMAZON")) == [FBA_SHIPPED]
    assert _ids(_search(http, token, createdAfter=MONTH_AGO, marketplaceIds=f"{UK},{DE}")) == [
        "302-0000003-0000003",
        FBA_SHIPPED,
    ]
    # arrays may also come as repeated parameters
    repeated = http.get(
        f"{SEARCH}?createdAfter={MONTH_AGO}&marketplaceIds={UK}&marketplaceIds={DE}",
        headers={"x-amz-access-token": token},
    )
    assert _ids(repeated) == ["302-0000003-0000003", FBA_SHIPPED]


def test_search_by_last_update_echoes_the_effective_upper_bound(http: httpx.Client, token: str) -> None:
    before = datetime.now(UTC)
    answer = _search(http, token, lastUpdatedAfter=WEEK_AGO)

    body = answer.json()
    assert _ids(answer) == [FBA_SHIPPED, FBM_PENDING]
    assert "createdBefore" not in body
    bound = parse_date(body["lastUpdatedBefore"])
    assert before - timedelta(minutes=2, seconds=5) <= bound <= datetime.now(UTC) - timedelta(minutes=2)


def test_search_applies_included_data_to_every_order(http: httpx.Client, token: str) -> None:
    answer = _search(http, token, createdAfter=MONTH_AGO, includedData="BUYER")

    orders = answer.json()["orders"]
    assert all("buyer" in o and "fulfillment" not in o and "packages" not in o for o in orders)
    assert "buyerEmail" not in next(o for o in orders if o["orderId"] == FBA_SHIPPED)["buyer"]


# --- searchOrders: pagination --------------------------------------------------------------------
@pytest.fixture
def big_sim() -> Iterator[SpApiSimulator]:
    with SpApiSimulator(many_orders(25, start=NOW - timedelta(days=3))) as running:
        yield running


def _all_pages(http: httpx.Client, token: str, **params: Any) -> tuple[list[list[str]], list[dict[str, Any]]]:
    pages, bodies = [], []
    next_token = None
    while True:
        extra: dict[str, str] = {"paginationToken": next_token} if next_token else {}
        answer = _search(http, token, **params, **extra)
        body = answer.json()
        pages.append(_ids(answer))
        bodies.append(body)
        next_token = body.get("pagination", {}).get("nextToken")
        if not next_token:
            return pages, bodies


def test_pagination_walks_every_order_once_in_stable_order(big_sim: SpApiSimulator) -> None:
    with httpx.Client(base_url=big_sim.url) as http:
        token = http.post("/auth/o2/token", data={"grant_type": "refresh_token", **_lwa_form(big_sim)}).json()
        pages, bodies = _all_pages(http, token["access_token"], createdAfter=WEEK_AGO, maxResultsPerPage=10)

    assert [len(p) for p in pages] == [10, 10, 5]
    flat = [order_id for page in pages for order_id in page]
    assert flat == sorted(o["orderId"] for o in big_sim.orders)  # IDs rise with creation time here
    assert "pagination" not in bodies[-1]
    assert len({b["createdBefore"] for b in bodies}) == 1  # the window is fixed by the first page


def test_pagination_is_not_disturbed_by_orders_arriving_between_pages(big_sim: SpApiSimulator) -> None:
    with httpx.Client(base_url=big_sim.url) as http:
        access = http.post(
            "/auth/o2/token", data={"grant_type": "refresh_token", **_lwa_form(big_sim)}
        ).json()
        first = _search(http, access["access_token"], createdAfter=WEEK_AGO, maxResultsPerPage=10).json()
        earlier = amazon_order("111-0999999-0999999", created=NOW - timedelta(days=4))
        # Relative to the clock now, not to NOW (module import time): it must land after the window the
        # first page fixed (request time minus two minutes), however long the test run has taken so far.
        later = amazon_order("111-9999998-9999998", created=datetime.now(UTC) - timedelta(seconds=30))
        big_sim.set_orders([earlier, *big_sim.orders, later])
        rest: list[str] = []
        next_token = first["pagination"]["nextToken"]
        while next_token:
            body = _search(
                http,
                access["access_token"],
                createdAfter=WEEK_AGO,
                maxResultsPerPage=10,
                paginationToken=next_token,
            ).json()
            rest += [o["orderId"] for o in body["orders"]]
            next_token = body.get("pagination", {}).get("nextToken")

    seen = [o["orderId"] for o in first["orders"]] + rest
    assert (
        len(seen) == len(set(seen)) == 25
    )  # the earlier one sorts before the cursor, the later one after the window


def test_a_page_token_is_bound_to_its_search_but_page_size_and_included_data_may_change(
    big_sim: SpApiSimulator,
) -> None:
    with httpx.Client(base_url=big_sim.url) as http:
        access = http.post(
            "/auth/o2/token", data={"grant_type": "refresh_token", **_lwa_form(big_sim)}
        ).json()
        token = access["access_token"]
        first = _search(http, token, createdAfter=WEEK_AGO, maxResultsPerPage=10).json()
        next_token = first["pagination"]["nextToken"]

        other_search = _search(
            http, token, createdAfter=WEEK_AGO, fulfillmentStatuses="SHIPPED", paginationToken=next_token
        )
        tampered = _search(http, token, createdAfter=WEEK_AGO, paginationToken=next_token[:-2] + "AA")
        resized = _search(
            http,
            token,
            createdAfter=WEEK_AGO,
            maxResultsPerPage=100,
            includedData="BUYER",
            paginationToken=next_token,
        )

    assert other_search.status_code == 400
    assert "does not belong to this search" in _error(other_search)["message"]
    assert tampered.status_code == 400
    assert len(_ids(resized)) == 15
    assert all("buyer" in o for o in resized.json()["orders"])


def test_page_tokens_expire_after_24_hours() -> None:
    now = [NOW]
    orders = many_orders(3, start=NOW - timedelta(days=3))
    with (
        SpApiSimulator(orders, clock=lambda: now[0], token_ttl_s=10**6) as sim,
        httpx.Client(base_url=sim.url) as http,
    ):
        access = http.post("/auth/o2/token", data={"grant_type": "refresh_token", **_lwa_form(sim)}).json()
        first = _search(http, access["access_token"], createdAfter=WEEK_AGO, maxResultsPerPage=1).json()
        now[0] += timedelta(hours=24, minutes=1)
        late = _search(
            http,
            access["access_token"],
            createdAfter=WEEK_AGO,
            maxResultsPerPage=1,
            paginationToken=first["pagination"]["nextToken"],
        )

    assert late.status_code == 400
    assert "expired" in _error(late)["message"]


# --- rate limiting, faults, request IDs, log ------------------------------------------------------
def test_rate_limiter_is_off_by_default(http: httpx.Client, token: str) -> None:
    statuses = {_search(http, token, createdAfter=WEEK_AGO).status_code for _ in range(25)}
    assert statuses == {200}


def test_rate_limiter_answers_429_with_the_usage_plan_once_the_burst_is_spent(
    sim: SpApiSimulator, http: httpx.Client, token: str
) -> None:
    clock = [0.0]
    sim.rate_limiter = TokenBucketRateLimiter(
        {"getOrder": UsagePlan(rate=0.5, burst=3)}, clock=lambda: clock[0]
    )

    statuses = [_get(http, token, f"{SEARCH}/{FBM_PENDING}").status_code for _ in range(4)]
    throttled = _get(http, token, f"{SEARCH}/{FBM_PENDING}")
    clock[0] += 2.0  # 0.5/s: one token back after two seconds
    after_wait = _get(http, token, f"{SEARCH}/{FBM_PENDING}")

    assert statuses == [200, 200, 200, 429]
    assert throttled.status_code == 429
    assert throttled.headers["x-amzn-RateLimit-Limit"] == "0.5"
    assert _error(throttled)["code"] == "QuotaExceeded"
    assert after_wait.status_code == 200
    assert (
        _search(http, token, createdAfter=WEEK_AGO).status_code == 200
    )  # other operations have their own bucket


def test_amazon_default_plans_throttle_search_after_20_calls(
    sim: SpApiSimulator, http: httpx.Client, token: str
) -> None:
    sim.rate_limiter = TokenBucketRateLimiter(clock=lambda: 0.0)

    statuses = [_search(http, token, createdAfter=WEEK_AGO).status_code for _ in range(21)]

    assert statuses == [200] * 20 + [429]


def test_injected_faults_answer_the_next_requests_then_stop(
    sim: SpApiSimulator, http: httpx.Client, token: str
) -> None:
    sim.fail_next(503, times=2, operation="getOrder")

    search = _search(http, token, createdAfter=WEEK_AGO)
    statuses = [_get(http, token, f"{SEARCH}/{FBM_PENDING}").status_code for _ in range(3)]

    assert search.status_code == 200  # a fault for another operation leaves this one alone
    assert statuses == [503, 503, 200]


def test_injected_fault_can_be_a_non_json_page_as_a_proxy_would_send(
    sim: SpApiSimulator, http: httpx.Client, token: str
) -> None:
    sim.fail_next(502, body=b"<html><body>502 Bad Gateway</body></html>")

    answer = _get(http, token, f"{SEARCH}/{FBM_PENDING}")

    assert answer.status_code == 502
    assert answer.headers["content-type"] == "text/html"


def test_every_response_carries_a_fresh_request_id(
    sim: SpApiSimulator, http: httpx.Client, token: str
) -> None:
    answers = [
        _get(http, token, f"{SEARCH}/{FBM_PENDING}"),
        _get(http, token, f"{SEARCH}/111-9999999-9999999"),
        _search(http, token),
        http.get(f"{SEARCH}/{FBM_PENDING}"),
        http.get("/nowhere"),
    ]

    ids = [a.headers["x-amzn-RequestId"] for a in answers]
    assert len(set(ids)) == len(ids)
    assert [a.status_code for a in answers] == [200, 404, 400, 403, 404]
    assert answers[0].headers["x-amzn-RateLimit-Limit"] == "0.5"


def test_the_request_log_records_each_exchange(sim: SpApiSimulator, http: httpx.Client, token: str) -> None:
    sim.clear_requests()
    _get(http, token, f"{SEARCH}/{FBM_PENDING}", includedData="BUYER")
    _search(http, token, createdAfter=WEEK_AGO, marketplaceIds=f"{UK},{DE}")

    first, second = sim.requests
    assert (first.operation, first.method, first.path, first.status) == (
        "getOrder",
        "GET",
        f"{SEARCH}/{FBM_PENDING}",
        200,
    )
    assert first.query == {"includedData": ["BUYER"]}
    assert first.response_body["order"]["orderId"] == FBM_PENDING
    assert (second.operation, second.query["marketplaceIds"]) == ("searchOrders", [f"{UK},{DE}"])


# --- orders at run time ----------------------------------------------------------------------------
def test_orders_can_be_replaced_while_running(sim: SpApiSimulator, http: httpx.Client, token: str) -> None:
    sim.set_orders([amazon_order("113-0000009-0000009")])

    assert _get(http, token, f"{SEARCH}/{FBM_PENDING}").status_code == 404
    assert _get(http, token, f"{SEARCH}/113-0000009-0000009").status_code == 200


def test_an_orders_provider_is_asked_on_every_request(
    sim: SpApiSimulator, http: httpx.Client, token: str
) -> None:
    current = [amazon_order("113-0000010-0000010")]
    sim.set_orders(lambda: current)
    assert _get(http, token, f"{SEARCH}/113-0000010-0000010").status_code == 200

    current.append(amazon_order("113-0000011-0000011"))

    assert _get(http, token, f"{SEARCH}/113-0000011-0000011").status_code == 200


def test_invalid_orders_are_refused_when_set(sim: SpApiSimulator) -> None:
    broken = amazon_order("113-0000012-0000012")
    broken["fulfillment"]["fulfillmentStatus"] = "LOST"
    with pytest.raises(OrdersFileError, match=r"amazon\[0\] \(113-0000012-0000012\).*'LOST'"):
        sim.set_orders([broken])


def test_rebase_makes_a_static_file_look_fresh_keeping_relative_ages() -> None:
    old = datetime(2024, 1, 10, 12, 0, tzinfo=UTC)
    newest = amazon_order("111-0000020-0000020", created=old, package=("UPS", "1Z1"))
    newest["packages"][0]["shipTime"] = stamp(old + timedelta(hours=5))
    older = amazon_order("111-0000021-0000021", created=old - timedelta(days=11, hours=3))
    with SpApiSimulator([newest, older]) as sim:
        now = datetime(2026, 6, 1, 8, 30, tzinfo=UTC)
        sim.rebase_to(now, newest_age=timedelta(hours=30))
        served = {o["orderId"]: o for o in sim.orders}

    fresh = parse_date(served["111-0000020-0000020"]["createdTime"])
    assert fresh == now - timedelta(hours=30)
    assert fresh - parse_date(served["111-0000021-0000021"]["createdTime"]) == timedelta(days=11, hours=3)
    shipped = parse_date(served["111-0000020-0000020"]["packages"][0]["shipTime"])
    assert shipped - fresh == timedelta(hours=5)
    assert (
        served["111-0000020-0000020"]["orderItems"][0]["product"]["title"]
        == "Stainless Steel Water Bottle, 32 oz"
    )


def test_stopped_simulator_refuses_connections() -> None:
    sim = SpApiSimulator([]).start()
    url = sim.url
    sim.stop()

    with pytest.raises(httpx.ConnectError):
        httpx.get(url + SEARCH, timeout=2)


def test_rebased_times_stay_in_whole_seconds_as_amazon_writes_them() -> None:
    with SpApiSimulator(
        [amazon_order("111-0000022-0000022", created=datetime(2024, 1, 10, tzinfo=UTC))]
    ) as sim:
        now = datetime(2026, 6, 1, 8, 30, 15, 987654, tzinfo=UTC)
        sim.rebase_to(now, newest_age=timedelta(days=1))
        (order,) = sim.orders

    created = order["createdTime"]
    assert "." not in created
    assert abs(parse_date(created) - (now - timedelta(days=1))) <= timedelta(seconds=1)


def test_broken_orders_from_a_provider_give_a_500_and_the_simulator_keeps_serving(
    sim: SpApiSimulator, http: httpx.Client, token: str
) -> None:
    sim.set_orders(lambda: [{"orderId": FBM_PENDING}])  # no createdTime: a search cannot place it
    broken = _search(http, token, createdAfter=WEEK_AGO)
    sim.set_orders([amazon_order(FBM_PENDING)])

    assert broken.status_code == 500
    assert _error(broken)["code"] == "InternalFailure"
    assert _get(http, token, f"{SEARCH}/{FBM_PENDING}").status_code == 200
