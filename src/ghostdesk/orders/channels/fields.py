"""Reading channel order JSON field by field, with errors that say which field is wrong and why.

The same readers check an orders file when it is loaded and map a live API's answer, so a malformed
answer from Shopify, eBay or Walmart and a typo in the demo file fail with the same kind of message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

# RFC 3339 date-time, as the channels write them ("2026-11-13T10:15:00Z", "...T10:15:00.000Z").
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


class ChannelOrderError(ValueError):
    """The object is not an order in the channel API's shape; the message names the offending field."""


def required_str(data: Mapping[str, Any], key: str, where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise ChannelOrderError(f"{where}{key} is required (a non-empty string)")
    return value


def optional_str(data: Mapping[str, Any], key: str, where: str = "") -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ChannelOrderError(f"{where}{key} must be a string or null, got {type(value).__name__}")
    return value or None


def optional_mapping(data: Mapping[str, Any], key: str, where: str = "") -> Mapping[str, Any]:
    """The object at ``key``; an empty mapping when it is absent or null."""
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ChannelOrderError(f"{where}{key} must be an object, got {type(value).__name__}")
    return value


def optional_list(data: Mapping[str, Any], key: str, where: str = "") -> Sequence[Any]:
    """The list at ``key``; empty when absent or null. A lone object counts as a list of one, because
    XML-born APIs (Walmart) send a single element that way."""
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [value]
    if not isinstance(value, list):
        raise ChannelOrderError(f"{where}{key} must be a list, got {type(value).__name__}")
    return value


def objects(values: Sequence[Any], where: str) -> list[Mapping[str, Any]]:
    """Every element of ``values``, each checked to be an object."""
    found = []
    for index, value in enumerate(values):
        if not isinstance(value, Mapping):
            raise ChannelOrderError(f"{where}[{index}] must be an object, got {type(value).__name__}")
        found.append(value)
    return found


def required_enum(data: Mapping[str, Any], key: str, allowed: Sequence[str], where: str = "") -> str:
    value = data.get(key)
    if value not in allowed:
        raise ChannelOrderError(f"{where}{key} must be one of {', '.join(allowed)}, got {value!r}")
    return str(value)


def optional_enum(data: Mapping[str, Any], key: str, allowed: Sequence[str], where: str = "") -> str | None:
    if data.get(key) is None:
        return None
    return required_enum(data, key, allowed, where)


def parse_date_time(value: object, field: str) -> datetime:
    """An RFC 3339 date-time string as an aware UTC datetime."""
    if not isinstance(value, str) or not _DATE_TIME.fullmatch(value):
        raise ChannelOrderError(
            f"{field} must be an ISO 8601 date-time such as 2026-11-13T10:15:00Z, got {value!r}"
        )
    parsed = datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    return parsed.astimezone(UTC)


def is_date_time(value: object) -> bool:
    return isinstance(value, str) and bool(_DATE_TIME.fullmatch(value))


def parse_epoch_ms(value: object, field: str) -> datetime:
    """Milliseconds since the epoch (Walmart's timestamps) as an aware UTC datetime."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ChannelOrderError(f"{field} must be milliseconds since 1970 (an integer), got {value!r}")
    return datetime.fromtimestamp(value / 1000, tz=UTC)


def format_date_time(value: datetime, *, millis: bool = False) -> str:
    """UTC, "Z"-suffixed; with milliseconds as eBay writes them when ``millis``."""
    value = value.astimezone(UTC)
    if millis:
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch_ms(value: datetime) -> int:
    return int(value.timestamp() * 1000)
