"""The two webhook signature schemes as a sender and an attacker would exercise them.

Given a body signed the way Shopify signs (base64 HMAC-SHA256 of the raw body) or the way a help desk
signs for ghostdesk (``t=<unix>,v1=<hex HMAC of "t.body">``), then the untouched request verifies, and
any changed byte, other key, missing header, stale or future timestamp is refused with a code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghostdesk.webhooks.errors import WebhookRejected
from ghostdesk.webhooks.signatures import (
    REPLAY_WINDOW,
    Scheme,
    ghostdesk_signature,
    shopify_signature,
    verify_ghostdesk,
    verify_shopify,
)

NOW = datetime(2026, 11, 20, 9, 5, tzinfo=UTC)
KEY = "helpdesk-key-7f3a9c1e5b2d4f6a8c0e"
BODY = b'{"email":"anna@example.net","message":"Where is my order?"}'


def shopify_headers(
    body: bytes, *, key: str = KEY, at: str = "2026-11-20T09:04:30.123456789Z"
) -> dict[str, str]:
    return {
        "X-Shopify-Hmac-Sha256": shopify_signature(body, key),
        "X-Shopify-Triggered-At": at,
        "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
    }


def code_of(check: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(WebhookRejected) as refused:
        check(*args, **kwargs)  # type: ignore[operator]
    return refused.value.code


def test_shopifys_signature_is_the_base64_hmac_sha256_of_the_raw_body() -> None:
    expected = base64.b64encode(hmac.new(KEY.encode(), BODY, hashlib.sha256).digest()).decode()
    assert shopify_signature(BODY, KEY) == expected


def test_a_shopify_delivery_verifies_with_nanosecond_timestamps_and_any_header_case() -> None:
    headers = {k.lower(): v for k, v in shopify_headers(BODY).items()}
    delivery = verify_shopify(BODY, headers, [KEY], now=NOW)
    assert delivery.scheme is Scheme.SHOPIFY
    assert delivery.delivery_id == "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"
    assert delivery.signed_at == datetime(2026, 11, 20, 9, 4, 30, 123456, tzinfo=UTC)
    assert delivery.body_digest == hashlib.sha256(BODY).hexdigest()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda h: h.pop("X-Shopify-Hmac-Sha256"), "unsigned"),
        (lambda h: h.update({"X-Shopify-Hmac-Sha256": "not base64!"}), "bad_signature"),
        (
            lambda h: h.update({"X-Shopify-Hmac-Sha256": shopify_signature(BODY, "another-key-000000")}),
            "bad_signature",
        ),
        (lambda h: h.pop("X-Shopify-Triggered-At"), "stale"),
        (lambda h: h.update({"X-Shopify-Triggered-At": "yesterday"}), "stale"),
        (lambda h: h.update({"X-Shopify-Triggered-At": "2026-11-20T08:59:59Z"}), "stale"),
        (lambda h: h.update({"X-Shopify-Triggered-At": "2026-11-20T09:06:30Z"}), "stale"),
        (lambda h: h.pop("X-Shopify-Webhook-Id"), "unsigned"),
    ],
)
def test_a_shopify_delivery_that_is_unsigned_forged_or_stale_is_refused(change: object, code: str) -> None:
    headers = shopify_headers(BODY)
    change(headers)  # type: ignore[operator]
    assert code_of(verify_shopify, BODY, headers, [KEY], now=NOW) == code


def test_a_ghostdesk_signature_verifies_within_the_window_with_any_current_key() -> None:
    at = int((NOW - REPLAY_WINDOW + timedelta(seconds=1)).timestamp())
    header = ghostdesk_signature(BODY, "old-key-0123456789abcdef", at)
    delivery = verify_ghostdesk(
        BODY, {"x-ghostdesk-signature": header}, [KEY, "old-key-0123456789abcdef"], now=NOW
    )
    assert delivery.signed_at == datetime.fromtimestamp(at, UTC)
    assert delivery.delivery_id == header.split("v1=")[1]


def test_a_sender_rotating_keys_may_send_two_signatures() -> None:
    at = int(NOW.timestamp())
    old = ghostdesk_signature(BODY, "old-key-0123456789abcdef", at).split(",")[1]
    new = ghostdesk_signature(BODY, KEY, at)
    assert verify_ghostdesk(BODY, {"X-Ghostdesk-Signature": f"{new},{old}"}, [KEY], now=NOW)


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (None, "unsigned"),
        ("", "unsigned"),
        ("v1=" + "0" * 64, "bad_signature"),  # no timestamp
        (f"t={int(NOW.timestamp())}", "bad_signature"),  # no signature
        (f"t={int(NOW.timestamp())},v1=zz", "bad_signature"),
        (ghostdesk_signature(BODY, "another-key-0000000000", int(NOW.timestamp())), "bad_signature"),
        (ghostdesk_signature(BODY, KEY, int((NOW - timedelta(minutes=5, seconds=1)).timestamp())), "stale"),
        (ghostdesk_signature(BODY, KEY, int((NOW + timedelta(minutes=2)).timestamp())), "stale"),
        (ghostdesk_signature(BODY, KEY, 999_999_999_999), "stale"),  # not a time at all
    ],
)
def test_a_ghostdesk_request_that_is_unsigned_forged_or_stale_is_refused(
    header: str | None, code: str
) -> None:
    headers = {} if header is None else {"X-Ghostdesk-Signature": header}
    assert code_of(verify_ghostdesk, BODY, headers, [KEY], now=NOW) == code


def test_the_timestamp_is_signed_so_a_stale_request_cannot_be_made_fresh() -> None:
    old = int((NOW - timedelta(hours=1)).timestamp())
    mac = ghostdesk_signature(BODY, KEY, old).split("v1=")[1]
    refreshed = f"t={int(NOW.timestamp())},v1={mac}"
    assert (
        code_of(verify_ghostdesk, BODY, {"X-Ghostdesk-Signature": refreshed}, [KEY], now=NOW)
        == "bad_signature"
    )


@settings(max_examples=200, deadline=None)
@given(
    position=st.integers(min_value=0, max_value=len(BODY) - 1), flip=st.integers(min_value=1, max_value=255)
)
def test_any_changed_byte_of_the_body_breaks_both_signatures(position: int, flip: int) -> None:
    tampered = bytearray(BODY)
    tampered[position] ^= flip
    at = int(NOW.timestamp())
    signed_for_original = {"X-Ghostdesk-Signature": ghostdesk_signature(BODY, KEY, at)}
    assert code_of(verify_ghostdesk, bytes(tampered), signed_for_original, [KEY], now=NOW) == "bad_signature"
    assert code_of(verify_shopify, bytes(tampered), shopify_headers(BODY), [KEY], now=NOW) == "bad_signature"
