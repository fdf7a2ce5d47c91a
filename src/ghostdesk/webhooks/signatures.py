"""Is this request really from the channel, and is it fresh? Two HMAC signature schemes, as pure functions.

**Shopify** (``X-Shopify-Hmac-Sha256``): the base64 HMAC-SHA256 of the raw body, keyed with the app's
client secret. The signature covers the body only, not the headers, so the freshness header
(``X-Shopify-Triggered-At``) and the delivery ID (``X-Shopify-Webhook-Id``) are checked for form and
window here, and the replay guard in :mod:`ghostdesk.webhooks.receive` remembers which body arrived
under which delivery ID: a Shopify retry keeps its ID, a captured body re-sent under new headers does not.

**ghostdesk** (help-desk forms and anything else, Stripe-like): ``X-Ghostdesk-Signature:
t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">``. The timestamp is signed, so a request
older than the window cannot be made fresh again. Several ``v1=`` values may be sent while a key is
rotated, and a channel may hold several keys (new and old) at once.

Every comparison is constant-time (:func:`hmac.compare_digest`); nothing here says which part of a
signature was wrong.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from ghostdesk.webhooks.errors import WebhookRejected

REPLAY_WINDOW = timedelta(minutes=5)
# A sender's clock may run a little ahead of ours; more than this and the timestamp is not believed.
CLOCK_SKEW = timedelta(minutes=1)

SHOPIFY_SIGNATURE = "x-shopify-hmac-sha256"
SHOPIFY_TRIGGERED_AT = "x-shopify-triggered-at"
SHOPIFY_WEBHOOK_ID = "x-shopify-webhook-id"
GHOSTDESK_SIGNATURE = "x-ghostdesk-signature"


class Scheme(StrEnum):
    SHOPIFY = "shopify"
    GHOSTDESK = "ghostdesk"


@dataclass(frozen=True)
class Delivery:
    """A request whose signature holds: what the replay guard needs to know about it."""

    scheme: Scheme
    signed_at: datetime
    body_digest: str  # hex SHA-256 of the raw body
    delivery_id: str  # Shopify's webhook ID; for the ghostdesk scheme the signature that matched


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name in any case (API Gateway's payload v2 lower-cases them; tests may not)."""
    value = headers.get(name)
    if value is None:
        for key, found in headers.items():
            if key.lower() == name:
                return found
    return value


def _check_window(signed_at: datetime, now: datetime, window: timedelta) -> None:
    age = now - signed_at
    if age > window:
        raise WebhookRejected(
            f"the request was signed {int(age.total_seconds())} s ago; requests older than "
            f"{int(window.total_seconds())} s are refused (replay protection)",
            code="stale",
        )
    if age < -CLOCK_SKEW:
        raise WebhookRejected("the request's timestamp lies in the future", code="stale")


# -- Shopify ---------------------------------------------------------------------------------------------

_ISO_FRACTION = re.compile(r"(\.\d{6})\d+")


def _shopify_time(value: str) -> datetime:
    """``X-Shopify-Triggered-At``: ISO 8601, often with nanoseconds and a ``Z``."""
    text = _ISO_FRACTION.sub(r"\1", value.strip()).replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise WebhookRejected(f"{SHOPIFY_TRIGGERED_AT} is not an ISO 8601 time", code="stale") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def shopify_signature(body: bytes, secret: str) -> str:
    """The value Shopify sends in ``X-Shopify-Hmac-Sha256`` for ``body``."""
    return base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()).decode("ascii")


def verify_shopify(
    body: bytes,
    headers: Mapping[str, str],
    secrets: Sequence[str],
    *,
    now: datetime,
    window: timedelta = REPLAY_WINDOW,
) -> Delivery:
    sent = _header(headers, SHOPIFY_SIGNATURE)
    if not sent:
        raise WebhookRejected(f"the request is not signed ({SHOPIFY_SIGNATURE} is missing)", code="unsigned")
    try:
        sent_mac = base64.b64decode(sent.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise WebhookRejected("the signature does not match", code="bad_signature") from None
    matched = False
    for secret in secrets:
        expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()
        matched |= hmac.compare_digest(expected, sent_mac)  # every key is tried: no early exit
    if not matched:
        raise WebhookRejected("the signature does not match", code="bad_signature")
    triggered = _header(headers, SHOPIFY_TRIGGERED_AT)
    if not triggered:
        raise WebhookRejected(f"{SHOPIFY_TRIGGERED_AT} is missing: freshness cannot be checked", code="stale")
    signed_at = _shopify_time(triggered)
    _check_window(signed_at, now, window)
    webhook_id = (_header(headers, SHOPIFY_WEBHOOK_ID) or "").strip()
    if not webhook_id or len(webhook_id) > 200:
        raise WebhookRejected(
            f"{SHOPIFY_WEBHOOK_ID} is missing: replays cannot be told apart", code="unsigned"
        )
    return Delivery(Scheme.SHOPIFY, signed_at, body_digest(body), webhook_id)


# -- ghostdesk (Stripe-like) -------------------------------------------------------------------------------

_HEX_MAC = re.compile(r"^[0-9a-f]{64}$")


def ghostdesk_signature(body: bytes, secret: str, timestamp: int) -> str:
    """The ``X-Ghostdesk-Signature`` header value a sender puts on ``body`` at ``timestamp``."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def _parse_ghostdesk_header(value: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    macs: list[str] = []
    for item in value.split(","):
        key, _, found = item.strip().partition("=")
        if key == "t" and found.isdigit() and len(found) <= 12:
            timestamp = int(found)
        elif key == "v1" and _HEX_MAC.match(found.lower()):
            macs.append(found.lower())
    if timestamp is None or not macs:
        raise WebhookRejected(
            f"{GHOSTDESK_SIGNATURE} must read t=<unix seconds>,v1=<hex HMAC-SHA256>", code="bad_signature"
        )
    return timestamp, macs


def verify_ghostdesk(
    body: bytes,
    headers: Mapping[str, str],
    secrets: Sequence[str],
    *,
    now: datetime,
    window: timedelta = REPLAY_WINDOW,
) -> Delivery:
    value = _header(headers, GHOSTDESK_SIGNATURE)
    if not value:
        raise WebhookRejected(
            f"the request is not signed ({GHOSTDESK_SIGNATURE} is missing)", code="unsigned"
        )
    timestamp, macs = _parse_ghostdesk_header(value)
    signed = f"{timestamp}.".encode() + body
    matched: str | None = None
    for secret in secrets:
        expected = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
        for mac in macs:
            if hmac.compare_digest(expected, mac):
                matched = mac
    if matched is None:
        raise WebhookRejected("the signature does not match", code="bad_signature")
    try:
        signed_at = datetime.fromtimestamp(timestamp, UTC)
    except (OverflowError, OSError, ValueError):
        raise WebhookRejected("the request's timestamp is not a time", code="stale") from None
    _check_window(signed_at, now, window)
    return Delivery(Scheme.GHOSTDESK, signed_at, body_digest(body), matched)


def verify(
    scheme: Scheme,
    body: bytes,
    headers: Mapping[str, str],
    secrets: Sequence[str],
    *,
    now: datetime,
    window: timedelta = REPLAY_WINDOW,
) -> Delivery:
    check = verify_shopify if scheme is Scheme.SHOPIFY else verify_ghostdesk
    return check(body, headers, secrets, now=now, window=window)
