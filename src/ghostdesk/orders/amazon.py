"""Amazon Orders API 2026-01-01 ``Order`` objects, read into the domain's :class:`OrderFacts`.

Pure: it takes the JSON Amazon sends (or the orders file holds) and imports nothing from sp_api, so the
mapping is tested on the model's own examples and reused by every Amazon source (API, file, mirror).

The 2026-01-01 API returns optional blocks (``fulfillment``, ``buyer``, ``packages``, ...) only when the
request's ``includedData`` asked for them. Absence therefore means "not asked", never "empty": in
particular an order without its ``fulfillment`` block has an unknown status, which this module reports
as :data:`STATUS_UNKNOWN` instead of guessing PENDING or anything else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from ghostdesk import marketplaces
from ghostdesk.models import OrderFacts

CHANNEL = "amazon"

#: ``OrderFacts.status`` when the order came without its FULFILLMENT block, so its status was not
#: disclosed. Diagnosis must not treat it as any real status; ask ``getOrder`` again with FULFILLMENT.
STATUS_UNKNOWN = "UNKNOWN"

#: The ``FulfillmentStatus`` enum of the 2026-01-01 model, in the order an order normally moves through.
FULFILLMENT_STATUSES: tuple[str, ...] = (
    "PENDING_AVAILABILITY",
    "PENDING",
    "UNSHIPPED",
    "PARTIALLY_SHIPPED",
    "SHIPPED",
    "CANCELLED",
    "UNFULFILLABLE",
)

FULFILLED_BY_MERCHANT = "MERCHANT"
FULFILLED_BY_AMAZON = "AMAZON"


class AmazonOrderError(ValueError):
    """The object is not an Orders API 2026-01-01 ``Order``; the message names the offending field."""


def order_facts_from_api(order: Mapping[str, Any]) -> OrderFacts:
    """The facts diagnosis needs from one 2026-01-01 ``Order``.

    - ``status``: ``fulfillment.fulfillmentStatus``; :data:`STATUS_UNKNOWN` when FULFILLMENT was not
      included (``raw_status`` is then None, so the two cases cannot be confused).
    - ``fulfilled_by``: ``fulfillment.fulfilledBy`` (``AMAZON`` / ``MERCHANT``), None when not included.
    - ``marketplace_id`` / ``marketplace_name``: from ``salesChannel``; the name falls back to the
      marketplace's domain ("Amazon.de") when Amazon left it out.
    - ``buyer_name`` / ``buyer_email``: from ``buyer`` (BUYER); the email is the relay alias and Amazon
      only discloses it for merchant-fulfilled orders.
    - ``carrier`` / ``tracking_number``: from the first package that carries a tracking number and was
      not cancelled (PACKAGES, merchant-fulfilled orders only).
    - ``item_titles``: every item's ``product.title``, in order.

    Raises :class:`AmazonOrderError` when a field the model requires is missing or malformed.
    """
    if not isinstance(order, Mapping):
        raise AmazonOrderError(f"an Order must be a JSON object, got {type(order).__name__}")
    order_id = _required_str(order, "orderId")
    created = parse_timestamp(_required_str(order, "createdTime"), "createdTime")
    last_raw = order.get("lastUpdatedTime")
    last_updated = parse_timestamp(last_raw, "lastUpdatedTime") if isinstance(last_raw, str) else None

    fulfillment = _optional_mapping(order, "fulfillment")
    raw_status: str | None = None
    fulfilled_by: str | None = None
    if fulfillment is not None:
        raw_status = _optional_str(fulfillment, "fulfillmentStatus", "fulfillment.")
        fulfilled_by = _optional_str(fulfillment, "fulfilledBy", "fulfillment.")

    channel = _optional_mapping(order, "salesChannel") or {}
    marketplace_id = _optional_str(channel, "marketplaceId", "salesChannel.")
    marketplace_name = _optional_str(channel, "marketplaceName", "salesChannel.")
    if marketplace_name is None and marketplace_id is not None:
        known = marketplaces.by_id(marketplace_id)
        if known is not None:
            marketplace_name = "A" + known.domain[1:]  # "amazon.de" -> "Amazon.de", as Amazon names them

    buyer = _optional_mapping(order, "buyer") or {}
    carrier, tracking = _first_tracked_package(order.get("packages"))

    return OrderFacts(
        channel=CHANNEL,
        order_id=order_id,
        status=raw_status or STATUS_UNKNOWN,
        created=created,
        last_updated=last_updated,
        fulfilled_by=fulfilled_by,
        marketplace_id=marketplace_id,
        marketplace_name=marketplace_name,
        buyer_name=_optional_str(buyer, "buyerName", "buyer.") or None,
        buyer_email=_optional_str(buyer, "buyerEmail", "buyer.") or None,
        programs=_strings(order.get("programs"), "programs"),
        carrier=carrier,
        tracking_number=tracking,
        item_titles=_item_titles(order.get("orderItems")),
        raw_status=raw_status,
    )


def is_status_known(facts: OrderFacts) -> bool:
    """Whether the facts carry a real status (the order came with its FULFILLMENT block)."""
    return facts.status != STATUS_UNKNOWN


def parse_timestamp(value: object, field: str) -> datetime:
    """An ISO 8601 timestamp from the API as an aware UTC datetime (Amazon always sends UTC)."""
    if not isinstance(value, str):
        raise AmazonOrderError(f"{field} must be an ISO 8601 date-time string, got {value!r}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise AmazonOrderError(f"{field} must be an ISO 8601 date-time, got {value!r}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_timestamp(value: datetime) -> str:
    """A datetime as the API writes them: UTC, seconds precision, ``Z`` suffix."""
    if value.tzinfo is None:
        raise ValueError("timestamps sent to Amazon must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _required_str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise AmazonOrderError(f"{key} is required and must be a non-empty string, got {value!r}")
    return value


def _optional_str(data: Mapping[str, Any], key: str, prefix: str = "") -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise AmazonOrderError(f"{prefix}{key} must be a string, got {value!r}")
    return value


def _optional_mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise AmazonOrderError(f"{key} must be an object, got {type(value).__name__}")
    return value


def _strings(value: object, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        raise AmazonOrderError(f"{field} must be a list of strings, got {value!r}")
    if not all(isinstance(v, str) for v in value):
        raise AmazonOrderError(f"{field} must be a list of strings, got {value!r}")
    return tuple(value)


def _item_titles(items: object) -> tuple[str, ...]:
    if items is None:
        return ()
    if not isinstance(items, Sequence) or isinstance(items, str | bytes):
        raise AmazonOrderError(f"orderItems must be a list, got {type(items).__name__}")
    titles: list[str] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise AmazonOrderError(f"orderItems[{index}] must be an object")
        product = item.get("product")
        if isinstance(product, Mapping) and isinstance(product.get("title"), str) and product["title"]:
            titles.append(product["title"])
    return tuple(titles)


def _first_tracked_package(packages: object) -> tuple[str | None, str | None]:
    """Carrier and tracking number of the package a buyer would be pointed to.

    The first live (not cancelled) package with a tracking number wins; failing that, the first package
    with a tracking number at all; failing that, the first package's carrier alone.
    """
    if packages is None:
        return None, None
    if not isinstance(packages, Sequence) or isinstance(packages, str | bytes):
        raise AmazonOrderError(f"packages must be a list, got {type(packages).__name__}")
    candidates = [p for p in packages if isinstance(p, Mapping)]

    def status(package: Mapping[str, Any]) -> str | None:
        package_status = package.get("packageStatus")
        return package_status.get("status") if isinstance(package_status, Mapping) else None

    tracked = [p for p in candidates if isinstance(p.get("trackingNumber"), str) and p["trackingNumber"]]
    live = [p for p in tracked if status(p) != "CANCELLED"]
    ranked = live or tracked or candidates
    if not ranked:
        return None, None
    chosen = ranked[0]
    carrier = chosen.get("carrier")
    tracking = chosen.get("trackingNumber")
    return (
        carrier if isinstance(carrier, str) and carrier else None,
        tracking if isinstance(tracking, str) and tracking else None,
    )
