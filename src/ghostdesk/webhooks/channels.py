"""Which webhook channels exist and how each signs: read from the webhook secret in Secrets Manager.

The secret is one JSON object, one entry per channel (the ``{channel}`` of ``POST /webhooks/{channel}``)::

    {"shopify":  "<the Shopify app's client secret>",
     "helpdesk": ["<new key>", "<old key, while senders move over>"],
     "contact":  {"scheme": "ghostdesk", "secret": "<key>"}}

A channel named ``shopify`` is verified with Shopify's scheme, every other channel with the ghostdesk
scheme, unless its entry names a ``scheme``. A channel without a usable key (absent, empty, or still the
deploy-time placeholder) does not exist. The secret is read on first use and again after
``refresh_after`` so a rotated key takes effect without a deploy; it is never logged.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ghostdesk.observability import logger
from ghostdesk.webhooks.signatures import Scheme

CHANNEL_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
PLACEHOLDER = "REPLACE_ME"
MIN_KEY_LENGTH = 16  # a shorter key is a mistake, not a key


@dataclass(frozen=True)
class ChannelKeys:
    channel: str
    scheme: Scheme
    secrets: tuple[str, ...]


class ChannelDirectory(Protocol):
    def keys_for(self, channel: str) -> ChannelKeys | None: ...


def parse_channels(document: Mapping[str, Any]) -> dict[str, ChannelKeys]:
    """The channels of the secret's JSON; entries without a usable key are left out."""
    found: dict[str, ChannelKeys] = {}
    for channel, entry in document.items():
        if not isinstance(channel, str) or not CHANNEL_NAME.match(channel):
            continue
        scheme = Scheme.SHOPIFY if channel == "shopify" else Scheme.GHOSTDESK
        value: Any = entry
        if isinstance(entry, Mapping):
            try:
                scheme = Scheme(str(entry.get("scheme", scheme.value)))
            except ValueError:
                continue
            value = entry.get("secret")
        candidates = value if isinstance(value, list) else [value]
        secrets = tuple(
            s for s in candidates if isinstance(s, str) and len(s) >= MIN_KEY_LENGTH and PLACEHOLDER not in s
        )
        if secrets:
            found[channel] = ChannelKeys(channel, scheme, secrets)
    return found


class SecretsManagerChannels:
    """The channel directory backed by the webhook secret (cached per Lambda container)."""

    def __init__(
        self,
        client: Any,
        secret_id: str,
        *,
        refresh_after_s: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._secret_id = secret_id
        self._refresh_after_s = refresh_after_s
        self._monotonic = monotonic
        self._channels: dict[str, ChannelKeys] | None = None
        self._loaded_at = 0.0

    def keys_for(self, channel: str) -> ChannelKeys | None:
        if self._channels is None or self._monotonic() - self._loaded_at > self._refresh_after_s:
            response = self._client.get_secret_value(SecretId=self._secret_id)
            try:
                document = json.loads(response.get("SecretString") or "{}")
            except json.JSONDecodeError:
                document = None
            if not isinstance(document, dict):
                logger.warning("the webhook secret is not a JSON object: no webhook channel is open")
            self._channels = parse_channels(document if isinstance(document, dict) else {})
            self._loaded_at = self._monotonic()
        return self._channels.get(channel)
