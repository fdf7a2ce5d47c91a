"""Which channels are connected: the channels secret in Secrets Manager (moto), the endpoint overrides."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import boto3
import pytest
from moto import mock_aws

from ghostdesk.local.channel_sims import channels_secret, endpoint_environment, start_channel_simulators
from ghostdesk.orders.channels import channels_from_settings
from ghostdesk.orders.channels.config import parse_channels_secret
from ghostdesk.orders.channels.ebay import EbayOrderSearch
from ghostdesk.orders.channels.shopify import ShopifyOrderSearch
from ghostdesk.orders.channels.walmart import WalmartOrderSearch
from ghostdesk.pipeline import wiring
from ghostdesk.settings import Settings, SettingsError
from tests.shared_data import REPO
from tests.unit.orders.channels.builders import ebay_order, shopify_order, walmart_order

SECRET = "s3cr3t-value-never-logged"
ALL_THREE = {
    "shopify": {"shop": "acme", "access_token": "shpat_x"},
    "ebay": {"client_id": "id", "client_secret": "secret", "refresh_token": "v^1.1#r"},
    "walmart": {"client_id": "id", "client_secret": "secret", "channel_type": "0f3e4dd4-0514-4346-b39d"},
}


@pytest.fixture
def secrets() -> Iterator[object]:
    with mock_aws():
        yield boto3.client("secretsmanager", region_name="us-east-1")


def store(client: object, value: object) -> Settings:
    arn = client.create_secret(Name="ghostdesk-channels", SecretString=json.dumps(value))["ARN"]  # type: ignore[attr-defined]
    return replace(Settings(), channels_secret_id=arn)


def test_each_block_in_the_secret_connects_its_channel_in_search_order(secrets: object) -> None:
    channels = channels_from_settings(store(secrets, ALL_THREE), secrets_client=secrets)

    assert [c.name for c in channels] == ["shopify", "ebay", "walmart"]
    assert isinstance(channels[0], ShopifyOrderSearch)
    assert channels[0].url == "https://acme.myshopify.com/admin/api/2025-01/graphql.json"
    assert isinstance(channels[1], EbayOrderSearch)
    assert channels[1].endpoint == "https://api.ebay.com"
    assert isinstance(channels[2], WalmartOrderSearch)
    assert channels[2].endpoint == "https://marketplace.walmartapis.com"


def test_the_deployed_default_and_empty_blocks_connect_nothing(secrets: object) -> None:
    assert channels_from_settings(store(secrets, {}), secrets_client=secrets) == []
    assert parse_channels_secret('{"shopify": {}, "ebay": null}') == {}
    assert channels_from_settings(Settings()) == []  # no secret configured at all


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        ({"shopify": {"shop": "acme"}}, "shopify lacks access_token"),
        ({"ebay": {"client_id": "x", "client_secret": SECRET}}, "ebay lacks refresh_token"),
        ({"shopfiy": {"shop": "acme", "access_token": "t"}}, "unknown channel 'shopfiy'"),
        ({"walmart": {"client_id": "x", "client_secret": SECRET, "token": "z"}}, "unknown key"),
        ({"walmart": f"id:{SECRET}"}, "must be an object"),
        (["shopify"], "JSON object keyed by channel"),
    ],
)
def test_a_malformed_secret_names_the_channel_and_key_never_a_value(
    secrets: object, value: object, complaint: str
) -> None:
    with pytest.raises(SettingsError, match=complaint) as raised:
        channels_from_settings(store(secrets, value), secrets_client=secrets)
    assert "secret" in str(raised.value)
    assert SECRET not in str(raised.value)


def test_a_missing_secret_is_a_settings_error(secrets: object) -> None:
    settings = replace(
        Settings(), channels_secret_id="arn:aws:secretsmanager:us-east-1:123456789012:secret:nope"
    )
    with pytest.raises(SettingsError, match="ResourceNotFoundException"):
        channels_from_settings(settings, secrets_client=secrets)


def test_endpoint_overrides_send_each_channel_elsewhere(secrets: object) -> None:
    settings = replace(
        store(secrets, ALL_THREE),
        shopify_endpoint="http://127.0.0.1:9001/",
        ebay_endpoint="https://api.sandbox.ebay.com",
        walmart_endpoint="https://sandbox.walmartapis.com",
    )
    shopify, ebay, walmart = channels_from_settings(settings, secrets_client=secrets)
    assert shopify.url == "http://127.0.0.1:9001/admin/api/2025-01/graphql.json"  # type: ignore[attr-defined]
    assert ebay.endpoint == "https://api.sandbox.ebay.com"  # type: ignore[attr-defined]
    assert walmart.endpoint == "https://sandbox.walmartapis.com"  # type: ignore[attr-defined]

    with pytest.raises(SettingsError, match="GHOSTDESK_EBAY_ENDPOINT"):
        channels_from_settings(
            replace(settings, ebay_endpoint="api.sandbox.ebay.com"), secrets_client=secrets
        )


def test_the_settings_read_the_channel_variables() -> None:
    settings = Settings.from_env(
        {
            "GHOSTDESK_CHANNELS_SECRET_ID": "ghostdesk-channels",
            "GHOSTDESK_SHOPIFY_ENDPOINT": "http://127.0.0.1:1",
            "GHOSTDESK_EBAY_ENDPOINT": "http://127.0.0.1:2",
            "GHOSTDESK_WALMART_ENDPOINT": "http://127.0.0.1:3",
        }
    )
    assert settings.channels_secret_id == "ghostdesk-channels"
    assert (settings.shopify_endpoint, settings.ebay_endpoint, settings.walmart_endpoint) == (
        "http://127.0.0.1:1",
        "http://127.0.0.1:2",
        "http://127.0.0.1:3",
    )


def test_the_simulators_credentials_and_endpoints_connect_the_real_connectors(secrets: object) -> None:
    """What the local stack does: simulators' credentials into the secret, endpoints into the env."""
    sims = start_channel_simulators(
        {
            "shopify": [shopify_order(1042, name="Anna Kowalski")],
            "ebay": [ebay_order("23-14087-55231")],
            "walmart": [walmart_order("1796277083022")],
        }
    )
    try:
        env = {"GHOSTDESK_CHANNELS_SECRET_ID": "unused", **endpoint_environment(sims)}
        settings = replace(store(secrets, channels_secret(sims)), **_endpoints(Settings.from_env(env)))
        found = [
            (c.name, [f.order_number for f in c.search(emails=[], names=["Anna Kowalski"], order_numbers=[])])
            for c in channels_from_settings(settings, secrets_client=secrets)
        ]
    finally:
        for sim in sims:
            sim.stop()
    assert found == [("shopify", ["#1042"]), ("ebay", []), ("walmart", [])]


def _endpoints(settings: Settings) -> dict[str, str | None]:
    return {
        "shopify_endpoint": settings.shopify_endpoint,
        "ebay_endpoint": settings.ebay_endpoint,
        "walmart_endpoint": settings.walmart_endpoint,
    }


def test_a_lambda_with_an_orders_file_searches_the_files_channels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GHOSTDESK_ORDERS_FILE", str(REPO / "demo" / "orders.json"))
    wiring.reset()
    try:
        channels = wiring.other_channels()
        assert [c.name for c in channels] == ["shopify", "ebay", "walmart"]
        assert wiring.other_channels() is channels  # built once per process
    finally:
        wiring.reset()
