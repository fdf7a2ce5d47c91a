"""Which channels are connected, and with what credentials: one Secrets Manager secret for all of them.

The secret (``ChannelsSecret`` in template.yaml, named by ``GHOSTDESK_CHANNELS_SECRET_ID``) is a JSON
object with one block per connected channel::

    {"shopify": {"shop": "acme", "access_token": "shpat_..."},
     "ebay":    {"client_id": "...", "client_secret": "...", "refresh_token": "v^1.1#..."},
     "walmart": {"client_id": "...", "client_secret": "..."}}

A channel is connected when its block is present and not empty; ``{}`` (the deployed default) connects
none. Optional keys: Shopify ``api_version``; eBay ``scope``; Walmart ``channel_type``
(``WM_CONSUMER.CHANNEL.TYPE``). ``GHOSTDESK_SHOPIFY_ENDPOINT``, ``GHOSTDESK_EBAY_ENDPOINT`` and
``GHOSTDESK_WALMART_ENDPOINT`` send a channel's calls elsewhere (a sandbox, the local simulators).

A malformed secret is the operator's mistake and raises :class:`SettingsError` naming the channel and
key (never a value); a Secrets Manager outage raises :class:`MarketplaceUnavailable`, so the message
is tried again rather than diagnosed without the channels.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ghostdesk.orders.source import MarketplaceUnavailable
from ghostdesk.settings import Settings, SettingsError

if TYPE_CHECKING:
    from ghostdesk.orders.lookup import ChannelSearch

SOURCE = "channels"
#: Keys each channel's block must have, and keys it may have.
REQUIRED_KEYS: Mapping[str, tuple[str, ...]] = {
    "shopify": ("shop", "access_token"),
    "ebay": ("client_id", "client_secret", "refresh_token"),
    "walmart": ("client_id", "client_secret"),
}
OPTIONAL_KEYS: Mapping[str, tuple[str, ...]] = {
    "shopify": ("api_version",),
    "ebay": ("scope",),
    "walmart": ("channel_type",),
}
ENDPOINT_VARIABLES: Mapping[str, str] = {
    "shopify": "GHOSTDESK_SHOPIFY_ENDPOINT",
    "ebay": "GHOSTDESK_EBAY_ENDPOINT",
    "walmart": "GHOSTDESK_WALMART_ENDPOINT",
}


def parse_channels_secret(text: str, *, origin: str = "channels secret") -> dict[str, dict[str, str]]:
    """The connected channels' credentials from the secret's JSON text, checked."""
    try:
        data = json.loads(text or "{}")
    except json.JSONDecodeError as exc:
        raise SettingsError(f"{origin} must be a JSON object keyed by channel (line {exc.lineno})") from exc
    if not isinstance(data, Mapping):
        raise SettingsError(f"{origin} must be a JSON object keyed by channel, got {type(data).__name__}")
    connected: dict[str, dict[str, str]] = {}
    for channel, block in data.items():
        if channel not in REQUIRED_KEYS:
            known = ", ".join(REQUIRED_KEYS)
            raise SettingsError(f"{origin}: unknown channel {channel!r} (known: {known})")
        if block is None or block == {}:
            continue  # present but empty: not connected
        if not isinstance(block, Mapping):
            raise SettingsError(f"{origin}: {channel} must be an object of strings")
        allowed = set(REQUIRED_KEYS[channel]) | set(OPTIONAL_KEYS[channel])
        unknown = sorted(set(block) - allowed)
        if unknown:
            raise SettingsError(f"{origin}: {channel} has unknown key(s) {', '.join(unknown)}")
        missing = [
            key for key in REQUIRED_KEYS[channel] if not isinstance(block.get(key), str) or not block[key]
        ]
        if missing:
            raise SettingsError(f"{origin}: {channel} lacks {', '.join(missing)} (non-empty strings)")
        if any(not isinstance(value, str) for value in block.values()):
            raise SettingsError(f"{origin}: {channel} values must be strings")
        connected[channel] = {str(k): str(v) for k, v in block.items()}
    return connected


def read_channels_secret(secret_id: str, *, client: Any = None) -> dict[str, dict[str, str]]:
    """The secret's channels, read through Secrets Manager (``client``: a boto3 client, for tests)."""
    from botocore.exceptions import BotoCoreError, ClientError

    if client is None:
        from ghostdesk.aws import clients

        client = clients.client("secretsmanager")
    try:
        response = client.get_secret_value(SecretId=secret_id)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        if code in ("ResourceNotFoundException", "AccessDeniedException", "DecryptionFailure"):
            raise SettingsError(f"channels secret {secret_id!r} cannot be read: {code}") from exc
        raise MarketplaceUnavailable(SOURCE, f"Secrets Manager failed: {code}") from exc
    except BotoCoreError as exc:
        raise MarketplaceUnavailable(SOURCE, f"Secrets Manager failed: {type(exc).__name__}") from exc
    return parse_channels_secret(
        str(response.get("SecretString") or "{}"), origin=f"channels secret {secret_id!r}"
    )


def build_channels(credentials: Mapping[str, Mapping[str, str]], settings: Settings) -> list[ChannelSearch]:
    """A connector for each connected channel, in search order (Shopify, eBay, Walmart)."""
    channels: list[ChannelSearch] = []
    if "shopify" in credentials:
        from ghostdesk.orders.channels.shopify import API_VERSION, ShopifyOrderSearch

        block = credentials["shopify"]
        try:
            channels.append(
                ShopifyOrderSearch(
                    shop=block["shop"],
                    access_token=block["access_token"],
                    api_version=block.get("api_version", API_VERSION),
                    endpoint=_endpoint(settings.shopify_endpoint, "shopify"),
                )
            )
        except ValueError as exc:
            raise SettingsError(f"channels secret: shopify: {exc}") from exc
    if "ebay" in credentials:
        from ghostdesk.orders.channels.ebay import READ_SCOPE, EbayOrderSearch

        block = credentials["ebay"]
        channels.append(
            EbayOrderSearch(
                client_id=block["client_id"],
                client_secret=block["client_secret"],
                refresh_token=block["refresh_token"],
                scope=block.get("scope", READ_SCOPE),
                endpoint=_endpoint(settings.ebay_endpoint, "ebay"),
            )
        )
    if "walmart" in credentials:
        from ghostdesk.orders.channels.walmart import WalmartOrderSearch

        block = credentials["walmart"]
        channels.append(
            WalmartOrderSearch(
                client_id=block["client_id"],
                client_secret=block["client_secret"],
                channel_type=block.get("channel_type"),
                endpoint=_endpoint(settings.walmart_endpoint, "walmart"),
            )
        )
    return channels


def channels_from_settings(settings: Settings, *, secrets_client: Any = None) -> list[ChannelSearch]:
    """The connected channels: those in the secret ``settings.channels_secret_id`` (none without one)."""
    if not settings.channels_secret_id:
        return []
    credentials = read_channels_secret(settings.channels_secret_id, client=secrets_client)
    return build_channels(credentials, settings)


def _endpoint(value: str | None, channel: str) -> str | None:
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(
            f"{ENDPOINT_VARIABLES[channel]} must be an http(s) URL such as https://host[:port], got {value!r}"
        )
    return value.rstrip("/")
