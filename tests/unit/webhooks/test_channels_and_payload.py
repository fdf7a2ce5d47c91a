"""Which channels the webhook secret opens, and what a signed body must hold to become a buyer message."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import boto3
import pytest
from moto import mock_aws

from ghostdesk.models import Channel
from ghostdesk.webhooks.channels import SecretsManagerChannels, parse_channels
from ghostdesk.webhooks.errors import InvalidPayload, PayloadTooLarge
from ghostdesk.webhooks.payload import MAX_BODY_BYTES, buyer_message, read_payload
from ghostdesk.webhooks.signatures import Scheme

KEY = "0123456789abcdef0123"


def test_the_secret_names_each_channel_its_scheme_and_its_keys() -> None:
    channels = parse_channels(
        {
            "shopify": KEY,
            "helpdesk": [KEY, "fedcba9876543210fedc"],
            "contact": {"scheme": "ghostdesk", "secret": KEY},
            "store2": {"scheme": "shopify", "secret": KEY},
        }
    )
    assert {name: (c.scheme, c.secrets) for name, c in channels.items()} == {
        "shopify": (Scheme.SHOPIFY, (KEY,)),
        "helpdesk": (Scheme.GHOSTDESK, (KEY, "fedcba9876543210fedc")),
        "contact": (Scheme.GHOSTDESK, (KEY,)),
        "store2": (Scheme.SHOPIFY, (KEY,)),
    }


@pytest.mark.parametrize(
    "entry",
    [
        "REPLACE_ME",
        "",
        "short",
        None,
        42,
        [],
        {"scheme": "hmac-md5", "secret": KEY},
        {"secret": "REPLACE_ME"},
    ],
)
def test_a_channel_without_a_usable_key_does_not_exist(entry: object) -> None:
    assert parse_channels({"helpdesk": entry}) == {}


def test_channel_names_outside_the_url_safe_form_are_ignored() -> None:
    assert parse_channels({"Help Desk": KEY, "../x": KEY, "a" * 40: KEY}) == {}


@pytest.fixture
def secrets(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        yield boto3.client("secretsmanager", region_name="us-east-1")


def test_the_secret_is_read_once_and_again_after_its_refresh_time(secrets: Any) -> None:
    arn = secrets.create_secret(Name="webhooks", SecretString=json.dumps({"helpdesk": KEY}))["ARN"]
    clock = [0.0]
    channels = SecretsManagerChannels(secrets, arn, refresh_after_s=300, monotonic=lambda: clock[0])
    assert channels.keys_for("helpdesk") is not None
    assert channels.keys_for("shopify") is None
    secrets.put_secret_value(SecretId=arn, SecretString=json.dumps({"shopify": KEY}))  # rotated
    clock[0] = 299.0
    assert channels.keys_for("helpdesk") is not None  # still the value read a moment ago
    clock[0] = 301.0
    assert channels.keys_for("helpdesk") is None
    assert channels.keys_for("shopify") is not None


def test_a_secret_that_is_not_json_opens_no_channel(secrets: Any) -> None:
    arn = secrets.create_secret(Name="webhooks", SecretString="not json")["ARN"]
    assert SecretsManagerChannels(secrets, arn).keys_for("helpdesk") is None


def test_a_json_body_becomes_a_webhook_buyer_message_in_the_buyers_language() -> None:
    body = json.dumps(
        {
            "email": " Lena.Vogel@Example.NET ",
            "name": "Lena\r\nBcc: x@evil.example",
            "subject": "Bestellung\u2028Bcc: x@evil.example",
            "message": "Hallo, wo ist meine Bestellung? Sie steht seit Tagen auf ausstehend.\x00",
            "id": "ticket 1001",
        }
    ).encode()
    payload = read_payload(body, "application/json; charset=utf-8")
    message = buyer_message(
        payload, channel="helpdesk", received_at=datetime(2026, 11, 20, tzinfo=UTC), default_language="en"
    )
    assert message.channel is Channel.WEBHOOK
    assert message.reply_address == "lena.vogel@example.net"
    assert message.from_name == "Lena Bcc: x@evil.example"  # one line: a header could not be injected
    assert "\u2028" not in message.subject
    assert "\x00" not in message.text
    assert message.language == "de"
    assert message.message_id == "<ticket_1001@helpdesk.webhook.ghostdesk>"


def test_a_submitted_form_is_read_like_json() -> None:
    body = urlencode({"email": "max@example.net", "body": "Where is my order?", "language": "it"}).encode()
    payload = read_payload(body, "application/x-www-form-urlencoded")
    assert (payload.email, payload.text, payload.language) == ("max@example.net", "Where is my order?", "it")


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"message": "hi"}',
        b'{"email": "no-at-sign", "message": "hi"}',
        b'{"email": "a@b.example", "message": "   "}',
        b'{"email": "a@b.example", "message": {"nested": true}}',
        b'{"email": "a@b.example\\r\\nBcc: x@evil.example", "message": "hi"}',
        b'\xff\xfe{"email": "a@b.example", "message": "hi"}',
    ],
)
def test_a_body_that_is_not_a_message_is_invalid(body: bytes) -> None:
    with pytest.raises(InvalidPayload):
        read_payload(body, "application/json")


def test_a_body_larger_than_the_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(PayloadTooLarge):
        read_payload(b" " * (MAX_BODY_BYTES + 1), "application/json")
