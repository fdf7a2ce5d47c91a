"""EbayOrderSearch against the local eBay (OAuth + Sell Fulfillment API) over 127.0.0.1."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from ghostdesk.local.channel_sims import EbaySimulator
from ghostdesk.orders.channels.ebay import EbayOrderSearch
from ghostdesk.orders.channels.transport import JsonHttp
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from tests.unit.orders.channels.builders import NOW, ebay_order

CLAIRE = ebay_order(
    "23-14087-55231",
    username="claire_d_1987",
    full_name="Claire Dubois",
    email="5d9e2f41a7c3b8e0f6d2@members.ebay.com",
    created=NOW - timedelta(days=3),
)
OTHERS = [
    ebay_order("23-14087-55232", username="mark_t", full_name="Mark Taylor", email=None),
    ebay_order("23-14087-55233", username="claire.b", full_name="Claire Bennett", email=None),
]


SURNAMES = ("", "Adams", "Brown", "Clark", "Davis", "Evans", "Garcia", "Hughes")


@pytest.fixture
def sim() -> Iterator[EbaySimulator]:
    with EbaySimulator([CLAIRE, *OTHERS]) as running:
        yield running


def connector(sim: EbaySimulator, **options: object) -> EbayOrderSearch:
    return EbayOrderSearch(**sim.credentials, endpoint=sim.url, **options)  # type: ignore[arg-type]


def find(channel: EbayOrderSearch, **clues: list[str]) -> list[str | None]:
    found = channel.search(
        emails=clues.get("emails", []), names=clues.get("names", []), order_numbers=clues.get("numbers", [])
    )
    return [f.order_number for f in found]


def operations(sim: EbaySimulator) -> list[tuple[str, int]]:
    return [(r.operation, r.status) for r in sim.requests]


def test_a_buyer_is_found_by_name_email_username_or_order_number(sim: EbaySimulator) -> None:
    ebay = connector(sim)
    assert find(ebay, names=["Claire Dubois"]) == ["23-14087-55231"]
    assert find(ebay, emails=["5D9E2F41A7C3B8E0F6D2@members.ebay.com"]) == ["23-14087-55231"]
    assert find(ebay, names=["claire_d_1987"]) == ["23-14087-55231"]
    assert find(ebay, numbers=["23-14087-55231"]) == ["23-14087-55231"]
    assert find(ebay, names=["Claire"]) == []  # never a first name alone


def test_it_authenticates_with_the_refresh_token_grant_then_bearer_tokens(sim: EbaySimulator) -> None:
    ebay = connector(sim)
    find(ebay, names=["Claire Dubois"])
    find(ebay, names=["Mark Taylor"])

    token, first, second = sim.requests
    assert (token.method, token.path) == ("POST", "/identity/v1/oauth2/token")
    assert token.body == {
        "grant_type": "refresh_token",
        "refresh_token": "***",
        "scope": "https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly",
    }
    assert token.response_body["token_type"] == "User Access Token"
    assert (first.path, second.path) == ("/sell/fulfillment/v1/order", "/sell/fulfillment/v1/order")
    assert first.query["filter"][0].startswith("creationdate:[")  # the token was reused: one grant


def test_the_client_credentials_go_as_http_basic_and_a_wrong_secret_is_refused(sim: EbaySimulator) -> None:
    sent: list[httpx.Request] = []
    http = JsonHttp("ebay", client=httpx.Client(event_hooks={"request": [sent.append]}))
    find(EbayOrderSearch(**sim.credentials, endpoint=sim.url, http=http), names=["Claire Dubois"])
    basic = base64.b64encode(f"{sim.client_id}:{sim.client_secret}".encode()).decode()
    assert sent[0].headers["authorization"] == f"Basic {basic}"
    assert sent[1].headers["authorization"].startswith("Bearer v^1.1#")

    wrong = EbayOrderSearch(
        client_id=sim.client_id, client_secret="nope", refresh_token=sim.refresh_token, endpoint=sim.url
    )
    with pytest.raises(MarketplaceUnavailable, match="invalid_client"):
        find(wrong, names=["Claire Dubois"])
    assert operations(sim)[-1] == ("token", 401)


def test_a_revoked_refresh_token_is_unavailable(sim: EbaySimulator) -> None:
    revoked = EbayOrderSearch(
        client_id=sim.client_id, client_secret=sim.client_secret, refresh_token="v^1.1#old", endpoint=sim.url
    )
    with pytest.raises(MarketplaceUnavailable, match="invalid_grant"):
        find(revoked, names=["Claire Dubois"])


def test_an_expired_access_token_is_renewed_once(sim: EbaySimulator) -> None:
    ebay = connector(sim)
    find(ebay, names=["Claire Dubois"])
    sim.revoke_tokens()

    assert find(ebay, names=["Claire Dubois"]) == ["23-14087-55231"]
    assert operations(sim) == [
        ("token", 200),
        ("getOrders", 200),
        ("getOrders", 401),
        ("token", 200),
        ("getOrders", 200),
    ]


def test_an_order_number_is_fetched_directly_and_decides(sim: EbaySimulator) -> None:
    assert find(connector(sim), names=["Mark Taylor"], numbers=["23-14087-55231"]) == ["23-14087-55231"]
    assert [r.query for r in sim.requests if r.operation == "getOrders"] == [{"orderIds": ["23-14087-55231"]}]


def test_a_number_that_is_not_an_ebay_order_id_is_not_sent(sim: EbaySimulator) -> None:
    assert find(connector(sim), numbers=["#1042", "200013572468013"]) == []
    assert sim.requests == []


def test_an_unknown_order_number_falls_back_to_the_buyers_name(sim: EbaySimulator) -> None:
    assert find(connector(sim), names=["Claire Dubois"], numbers=["99-99999-99999"]) == ["23-14087-55231"]


def test_recent_orders_are_listed_page_by_page_within_90_days(sim: EbaySimulator) -> None:
    many = [
        ebay_order(
            f"24-00000-{n:05d}",
            username=f"user_{n}",
            full_name=f"Alex {SURNAMES[n]}",
            created=NOW - timedelta(days=n),
        )
        for n in range(1, 8)
    ]
    sim.set_orders(
        [*many, ebay_order("24-00000-99999", full_name="Olivia Hartmann", created=NOW - timedelta(days=120))]
    )

    assert find(connector(sim, page_size=3), names=["Alex Garcia"]) == ["24-00000-00006"]
    assert find(connector(sim, page_size=3), names=["Olivia Hartmann"]) == []  # eBay: 90 days back

    pages = [r.query for r in sim.requests if r.operation == "getOrders"][:3]
    assert [(q["limit"], q["offset"]) for q in pages] == [(["3"], ["0"]), (["3"], ["3"]), (["3"], ["6"])]


def test_http_429_is_a_quota_error(sim: EbaySimulator) -> None:
    sim.fail_next(429, operation="getOrders")
    with pytest.raises(QuotaExceeded) as raised:
        find(connector(sim), names=["Claire Dubois"])
    assert raised.value.source == "ebay"
    assert raised.value.retry_after_s > 0


@pytest.mark.parametrize(
    ("status", "operation"), [(500, "getOrders"), (503, "getOrders"), (500, "token"), (403, "getOrders")]
)
def test_failures_are_unavailable_not_not_found(sim: EbaySimulator, status: int, operation: str) -> None:
    sim.fail_next(status, operation=operation)
    with pytest.raises(MarketplaceUnavailable):
        find(connector(sim), names=["Claire Dubois"])
