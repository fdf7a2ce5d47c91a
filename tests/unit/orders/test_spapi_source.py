"""SpApiOrderSource through the real python-amazon-sp-api client, against the simulator on 127.0.0.1."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from ghostdesk.local.spapi_sim import SpApiSimulator, TokenBucketRateLimiter, UsagePlan
from ghostdesk.orders.source import MarketplaceUnavailable, OrderSource, QuotaExceeded
from ghostdesk.orders.spapi import SpApiOrderSource
from ghostdesk.settings import Settings, SettingsError
from tests.shared_data import REPO
from tests.unit.orders.builders import DE, NOW, amazon_order, many_orders, sim_settings

ALIAS = "abcd1234efgh5678@marketplace.amazon.com"
PENDING_ID = "113-0000001-0000001"
THIRTY_DAYS_AGO = NOW - timedelta(days=30)


@pytest.fixture
def sim() -> Iterator[SpApiSimulator]:
    orders = [
        amazon_order(PENDING_ID, buyer_email=ALIAS, created=NOW - timedelta(days=2)),
        amazon_order(
            "112-0000002-0000002",
            buyer_email=ALIAS,
            status="SHIPPED",
            created=NOW - timedelta(days=9),
            package=("UPS", "1Z999AA10123456784"),
        ),
        amazon_order("111-0000003-0000003", buyer_email=ALIAS, fulfilled_by="AMAZON"),
        amazon_order(
            "302-0000004-0000004",
            buyer_email="p4r8t2v6x9z3b7d1@marketplace.amazon.de",
            marketplace_id=DE,
            created=NOW - timedelta(days=12),
        ),
    ]
    with SpApiSimulator(orders) as running:
        yield running


@pytest.fixture
def source(sim: SpApiSimulator) -> Iterator[SpApiOrderSource]:
    with SpApiOrderSource(sim_settings(sim), credentials=sim.credentials, timeout_s=5) as adapter:
        yield adapter


def _api_requests(sim: SpApiSimulator) -> list[tuple[str, int]]:
    return [(r.operation, r.status) for r in sim.requests]


# --- OrderSource ------------------------------------------------------------------------------------
def test_it_is_an_order_source(source: SpApiOrderSource) -> None:
    assert isinstance(source, OrderSource)


def test_get_order_asks_for_the_diagnosis_blocks_and_maps_them(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    facts = source.get_order(" 112-0000002-0000002 ")

    assert facts is not None
    assert (facts.order_id, facts.status, facts.fulfilled_by) == (
        "112-0000002-0000002",
        "SHIPPED",
        "MERCHANT",
    )
    assert (facts.buyer_email, facts.carrier, facts.tracking_number) == (ALIAS, "UPS", "1Z999AA10123456784")
    (call,) = [r for r in sim.requests if r.operation == "getOrder"]
    assert call.query == {"includedData": ["FULFILLMENT,BUYER,PACKAGES"]}


def test_get_order_of_an_unknown_order_is_none(source: SpApiOrderSource) -> None:
    assert source.get_order("111-9999999-9999999") is None


def test_find_by_buyer_email_searches_merchant_orders_and_matches_the_alias(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    found = source.find_by_buyer_email(ALIAS.upper(), created_after=THIRTY_DAYS_AGO)

    assert [f.order_id for f in found] == [PENDING_ID, "112-0000002-0000002"]  # newest first, FBA one never
    (call,) = [r for r in sim.requests if r.operation == "searchOrders"]
    assert call.query["fulfilledBy"] == ["MERCHANT"]
    assert call.query["includedData"] == ["FULFILLMENT,BUYER,PACKAGES"]
    assert call.query["maxResultsPerPage"] == ["100"]
    assert call.query["createdAfter"] == [THIRTY_DAYS_AGO.strftime("%Y-%m-%dT%H:%M:%SZ")]


def test_find_by_buyer_email_searches_the_alias_marketplace_too(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    found = source.find_by_buyer_email(
        "p4r8t2v6x9z3b7d1@marketplace.amazon.de", created_after=THIRTY_DAYS_AGO
    )

    assert [f.order_id for f in found] == ["302-0000004-0000004"]
    (call,) = [r for r in sim.requests if r.operation == "searchOrders"]
    assert call.query["marketplaceIds"] == [f"{DE},ATVPDKIKX0DER"]


def test_against_amazon_an_alias_from_another_region_costs_no_search(sim: SpApiSimulator) -> None:
    # Real endpoint for NA (no override) but the token URL is the simulator's: any API call would fail loudly.
    settings = Settings(lwa_token_url=sim.token_url, marketplace="US")
    with SpApiOrderSource(settings, credentials=sim.credentials) as adapter:
        found = adapter.find_by_buyer_email("x@marketplace.amazon.de", created_after=THIRTY_DAYS_AGO)

    assert found == []
    assert sim.requests == []


def test_find_by_buyer_email_follows_every_page() -> None:
    orders = many_orders(230, start=NOW - timedelta(days=5), step=timedelta(minutes=20))
    target = orders[205]["buyer"]["buyerEmail"]
    with (
        SpApiSimulator(orders) as sim,
        SpApiOrderSource(sim_settings(sim), credentials=sim.credentials) as adapter,
    ):
        found = adapter.find_by_buyer_email(target, created_after=NOW - timedelta(days=6))
        pages = [r for r in sim.requests if r.operation == "searchOrders"]

    assert [f.order_id for f in found] == [orders[205]["orderId"]]
    assert len(pages) == 3
    assert "paginationToken" not in pages[0].query
    assert all("paginationToken" in p.query for p in pages[1:])


def test_search_orders_yields_raw_orders_of_every_page_with_filters() -> None:
    orders = many_orders(120, start=NOW - timedelta(days=5))
    with (
        SpApiSimulator(orders) as sim,
        SpApiOrderSource(sim_settings(sim), credentials=sim.credentials) as adapter,
    ):
        everything = list(adapter.search_orders(created_after=NOW - timedelta(days=6)))
        shipped = list(
            adapter.search_orders(last_updated_after=NOW - timedelta(days=6), statuses=["SHIPPED"])
        )

    assert [o["orderId"] for o in everything] == [o["orderId"] for o in orders]
    assert {"fulfillment", "buyer"} <= set(everything[0])
    assert [o["orderId"] for o in shipped] == [o["orderId"] for o in orders[::10]]


def test_search_orders_needs_exactly_one_aware_start(source: SpApiOrderSource) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        source.search_orders()
    with pytest.raises(ValueError, match="exactly one"):
        source.search_orders(created_after=NOW, last_updated_after=NOW)
    with pytest.raises(ValueError, match="timezone-aware"):
        source.search_orders(created_after=NOW.replace(tzinfo=None))


def test_a_search_window_younger_than_two_minutes_asks_nothing(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    just_now = datetime.now(UTC) + timedelta(minutes=1)  # the clock now, not the module's import time
    assert source.find_by_buyer_email(ALIAS, created_after=just_now) == []
    assert [r for r in sim.requests if r.operation == "searchOrders"] == []


# --- error mapping -------------------------------------------------------------------------------
def test_throttling_is_quota_exceeded_with_amazons_rate_limit(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    sim.rate_limiter = TokenBucketRateLimiter({"getOrder": UsagePlan(rate=0.5, burst=1)}, clock=lambda: 0.0)
    assert source.get_order(PENDING_ID) is not None

    with pytest.raises(QuotaExceeded) as caught:
        source.get_order(PENDING_ID)

    assert caught.value.source == "amazon"
    assert caught.value.rate_limit == 0.5
    assert caught.value.retry_after_s == pytest.approx(2.0)


def test_throttled_search_reports_its_own_slow_plan(source: SpApiOrderSource, sim: SpApiSimulator) -> None:
    sim.rate_limiter = TokenBucketRateLimiter(
        {"searchOrders": UsagePlan(rate=0.0056, burst=0)}, clock=lambda: 0.0
    )

    with pytest.raises(QuotaExceeded) as caught:
        source.find_by_buyer_email(ALIAS, created_after=THIRTY_DAYS_AGO)

    assert caught.value.rate_limit == pytest.approx(0.0056)
    assert caught.value.retry_after_s == pytest.approx(1 / 0.0056)


def test_a_429_without_rate_header_falls_back_to_amazons_default_plan(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    sim.fail_next(
        429,
        operation="getOrder",
        body=b'{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota."}]}',
    )

    with pytest.raises(QuotaExceeded) as caught:
        source.get_order(PENDING_ID)

    assert caught.value.rate_limit is None
    assert caught.value.retry_after_s == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("status", "text"), [(500, "HTTP 500 InternalFailure"), (503, "HTTP 503 ServiceUnavailable")]
)
def test_server_errors_are_marketplace_unavailable_not_not_found(
    source: SpApiOrderSource, sim: SpApiSimulator, status: int, text: str
) -> None:
    sim.fail_next(status, operation="getOrder")

    with pytest.raises(MarketplaceUnavailable, match=text):
        source.get_order(PENDING_ID)


def test_a_non_json_gateway_page_is_unavailable_not_an_empty_answer(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    sim.fail_next(502, operation="getOrder", body=b"<html>502 Bad Gateway</html>")
    with pytest.raises(MarketplaceUnavailable, match="no order"):
        source.get_order(PENDING_ID)

    sim.fail_next(502, operation="searchOrders", body=b"<html>502 Bad Gateway</html>")
    with pytest.raises(MarketplaceUnavailable, match="no orders list"):
        source.find_by_buyer_email(ALIAS, created_after=THIRTY_DAYS_AGO)


def test_a_failure_half_way_through_the_pages_is_raised_not_truncated() -> None:
    orders = many_orders(150, start=NOW - timedelta(days=5))
    with (
        SpApiSimulator(orders) as sim,
        SpApiOrderSource(sim_settings(sim), credentials=sim.credentials) as adapter,
    ):
        pages = adapter.search_orders(created_after=NOW - timedelta(days=6))
        first_page = [next(pages) for _ in range(100)]
        sim.fail_next(503, operation="searchOrders")
        with pytest.raises(MarketplaceUnavailable, match="503"):
            next(pages)

    assert len(first_page) == 100


def test_wrong_lwa_credentials_are_unavailable_naming_lwa(sim: SpApiSimulator) -> None:
    credentials = {**sim.credentials, "lwa_client_secret": "wrong"}
    with (
        SpApiOrderSource(sim_settings(sim), credentials=credentials) as adapter,
        pytest.raises(MarketplaceUnavailable, match="LWA token request failed: HTTP 401 invalid_client"),
    ):
        adapter.get_order(PENDING_ID)

    assert _api_requests(sim) == [("lwa", 401)]


@pytest.mark.parametrize(
    ("body", "text"),
    [(None, "LWA token request failed: HTTP 500 server_error"), (b"<html>oops</html>", "non-JSON")],
)
def test_an_lwa_outage_is_unavailable(sim: SpApiSimulator, body: bytes | None, text: str) -> None:
    sim.fail_next(500, operation="lwa", body=body)
    with (
        SpApiOrderSource(sim_settings(sim), credentials=sim.credentials) as adapter,
        pytest.raises(MarketplaceUnavailable, match=text),
    ):
        adapter.get_order(PENDING_ID)


def test_a_revoked_access_token_is_replaced_once_transparently(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    assert source.get_order(PENDING_ID) is not None
    sim.revoke_tokens()

    assert source.get_order(PENDING_ID) is not None
    assert _api_requests(sim) == [
        ("lwa", 200),
        ("getOrder", 200),
        ("getOrder", 403),
        ("lwa", 200),
        ("getOrder", 200),
    ]


def test_a_throttled_token_request_is_quota_exceeded(sim: SpApiSimulator) -> None:
    sim.fail_next(429, operation="lwa")
    with (
        SpApiOrderSource(sim_settings(sim), credentials=sim.credentials) as adapter,
        pytest.raises(QuotaExceeded) as caught,
    ):
        adapter.get_order(PENDING_ID)

    assert caught.value.retry_after_s > 0


def test_a_lasting_403_is_unavailable(source: SpApiOrderSource, sim: SpApiSimulator) -> None:
    sim.fail_next(403, times=2, operation="getOrder")

    with pytest.raises(MarketplaceUnavailable, match="access denied"):
        source.get_order(PENDING_ID)


def test_a_slow_marketplace_times_out_as_unavailable(sim: SpApiSimulator) -> None:
    with SpApiOrderSource(sim_settings(sim), credentials=sim.credentials, timeout_s=0.2) as adapter:
        adapter.get_order(PENDING_ID)  # token cached while the simulator is fast
        sim.latency_s = 0.6
        with pytest.raises(MarketplaceUnavailable, match="timed out"):
            adapter.get_order(PENDING_ID)


def test_a_marketplace_that_is_not_there_is_unavailable() -> None:
    sim = SpApiSimulator([]).start()
    settings, credentials = sim_settings(sim), sim.credentials
    sim.stop()

    with (
        SpApiOrderSource(settings, credentials=credentials) as adapter,
        pytest.raises(MarketplaceUnavailable, match="connection failed"),
    ):
        adapter.get_order(PENDING_ID)


def test_typed_errors_survive_pickling_for_queues_and_processes() -> None:
    quota = pickle.loads(pickle.dumps(QuotaExceeded("amazon", retry_after_s=2.0, rate_limit=0.5)))  # noqa: S301
    down = pickle.loads(pickle.dumps(MarketplaceUnavailable("amazon", "HTTP 503")))  # noqa: S301

    assert (quota.source, quota.retry_after_s, quota.rate_limit) == ("amazon", 2.0, 0.5)
    assert str(down) == "amazon: HTTP 503"


# --- endpoint, token URL, credentials --------------------------------------------------------------
def test_http_endpoint_gets_a_correct_host_header_and_the_token_comes_from_the_override(
    source: SpApiOrderSource, sim: SpApiSimulator
) -> None:
    source.get_order(PENDING_ID)

    lwa, api = sim.requests
    assert (lwa.operation, lwa.path, lwa.form["grant_type"]) == ("lwa", "/auth/o2/token", "refresh_token")
    assert api.headers["host"] == f"127.0.0.1:{sim.port}"
    assert api.headers["x-amz-access-token"].startswith("Atza|")
    assert api.headers["user-agent"].startswith("python-sp-api")


def test_the_token_url_path_is_honoured(sim: SpApiSimulator) -> None:
    settings = Settings(spapi_endpoint=sim.url, lwa_token_url=f"{sim.url}/custom/o2/token")
    with (
        SpApiOrderSource(settings, credentials=sim.credentials) as adapter,
        pytest.raises(MarketplaceUnavailable, match="LWA"),
    ):
        adapter.get_order(PENDING_ID)

    assert [(r.method, r.path) for r in sim.requests] == [("POST", "/custom/o2/token")]


def test_without_overrides_amazons_regional_endpoint_and_lwa_are_used() -> None:
    credentials = {"lwa_app_id": "app", "lwa_client_secret": "secret", "refresh_token": "Atzr|x"}
    with SpApiOrderSource(Settings(marketplace="DE"), credentials=credentials) as eu:
        assert eu.endpoint == "https://sellingpartnerapi-eu.amazon.com"
        assert eu.token_url == "https://api.amazon.com/auth/o2/token"
    with SpApiOrderSource(Settings(), credentials=credentials, marketplace="amazon.co.jp") as fe:
        assert fe.endpoint == "https://sellingpartnerapi-fe.amazon.com"


def test_tokens_are_not_shared_between_endpoints_with_the_same_refresh_token(sim: SpApiSimulator) -> None:
    with SpApiSimulator([amazon_order(PENDING_ID)]) as other:
        for target in (sim, other):
            with SpApiOrderSource(sim_settings(target), credentials=target.credentials) as adapter:
                assert adapter.get_order(PENDING_ID) is not None

        assert _api_requests(other) == [("lwa", 200), ("getOrder", 200)]


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"spapi_endpoint": "ftp://127.0.0.1:1"}, "GHOSTDESK_SPAPI_ENDPOINT must be an http"),
        ({"lwa_token_url": "127.0.0.1/auth"}, "GHOSTDESK_LWA_TOKEN_URL must be an http"),
    ],
)
def test_bad_endpoint_settings_are_settings_errors(changes: dict[str, Any], text: str) -> None:
    credentials = {"lwa_app_id": "app", "lwa_client_secret": "secret", "refresh_token": "Atzr|x"}
    with pytest.raises(SettingsError, match=text):
        SpApiOrderSource(Settings(**changes), credentials=credentials)


@pytest.fixture
def no_credentials_env(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    for name in ("LWA_APP_ID", "LWA_CLIENT_SECRET", "SP_API_REFRESH_TOKEN", "SP_API_AWS_SECRET_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # no python-sp-api credentials.yml either
    monkeypatch.setenv("HOME", str(tmp_path))


@pytest.mark.usefixtures("no_credentials_env")
def test_missing_credentials_are_a_settings_error_that_says_what_to_set() -> None:
    with pytest.raises(SettingsError, match="LWA_APP_ID, LWA_CLIENT_SECRET and SP_API_REFRESH_TOKEN"):
        SpApiOrderSource(Settings())


@pytest.mark.usefixtures("no_credentials_env")
def test_credentials_from_the_libraries_environment_variables(
    sim: SpApiSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LWA_APP_ID", sim.client_id)
    monkeypatch.setenv("LWA_CLIENT_SECRET", sim.client_secret)
    monkeypatch.setenv("SP_API_REFRESH_TOKEN", sim.refresh_token)

    with SpApiOrderSource(sim_settings(sim)) as adapter:
        assert adapter.get_order(PENDING_ID) is not None


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        yield


@pytest.mark.usefixtures("no_credentials_env", "aws")
def test_credentials_from_a_secrets_manager_secret(sim: SpApiSimulator) -> None:
    secret = {
        "LWA_APP_ID": sim.client_id,
        "LWA_CLIENT_SECRET": sim.client_secret,
        "SP_API_REFRESH_TOKEN": sim.refresh_token,
    }
    boto3.client("secretsmanager").create_secret(Name="ghostdesk/spapi", SecretString=json.dumps(secret))

    with SpApiOrderSource(sim_settings(sim, spapi_secret_id="ghostdesk/spapi")) as adapter:
        assert adapter.get_order(PENDING_ID) is not None


@pytest.mark.usefixtures("no_credentials_env", "aws")
def test_a_missing_or_incomplete_secret_is_a_settings_error(sim: SpApiSimulator) -> None:
    with pytest.raises(SettingsError, match="cannot be read: ResourceNotFoundException"):
        SpApiOrderSource(sim_settings(sim, spapi_secret_id="ghostdesk/none"))

    boto3.client("secretsmanager").create_secret(Name="ghostdesk/partial", SecretString='{"LWA_APP_ID": "x"}')
    with pytest.raises(SettingsError, match="lacks LWA_CLIENT_SECRET, SP_API_REFRESH_TOKEN"):
        SpApiOrderSource(sim_settings(sim, spapi_secret_id="ghostdesk/partial"))


def test_importing_the_adapter_does_not_import_sp_api() -> None:
    code = "import sys, ghostdesk.orders.spapi; print('sp_api' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )

    assert result.stdout.strip() == "False"
