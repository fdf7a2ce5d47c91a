"""Orders from a JSON file: the demo, ``ghostdesk diagnose --orders FILE`` and the marketplace simulator.

The file is a JSON object keyed by channel. ``"amazon"`` is a list of Orders API 2026-01-01 ``Order``
objects exactly as Amazon returns them with every block included, so one file feeds both the simulator
(which serves them over the real wire format) and :class:`FileOrderSource` (which answers diagnosis
directly). ``"shopify"``, ``"ebay"`` and ``"walmart"`` hold each API's own order objects, checked by
:mod:`ghostdesk.orders.channels.formats`; other keys are loaded as they are.

A bad file is an operator's mistake, so every error names the file, the channel and the index of the
order at fault, and says what was expected.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from ghostdesk.models import OrderFacts
from ghostdesk.orders.amazon import (
    CHANNEL as AMAZON,
)
from ghostdesk.orders.amazon import (
    FULFILLED_BY_MERCHANT,
    FULFILLMENT_STATUSES,
    order_facts_from_api,
)

# RFC 3339 date-time, as the model's ``format: date-time`` means it (a date alone is not enough).
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


class OrdersFileError(ValueError):
    """The orders file cannot be used; the message says where and why."""


def load_orders_file(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Read and check an orders file: ``{"amazon": [Order, ...], "<channel>": [...], ...}``.

    Amazon orders are checked against the parts of the 2026-01-01 model that matter here (required
    fields, timestamps, the status enum, block shapes) and must have unique ``orderId`` values.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise OrdersFileError(f"{file}: cannot read the orders file: {exc.strerror or exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OrdersFileError(
            f"{file}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}"
        ) from exc
    return validate_orders_data(data, origin=str(file))


def validate_orders_data(data: object, *, origin: str = "<orders>") -> dict[str, list[dict[str, Any]]]:
    """Check already-parsed orders data (same rules as :func:`load_orders_file`) and return it typed."""
    if not isinstance(data, Mapping):
        raise OrdersFileError(
            f'{origin}: must be a JSON object keyed by channel, e.g. {{"amazon": [...]}}, '
            f"got {type(data).__name__}"
        )
    result: dict[str, list[dict[str, Any]]] = {}
    for channel, orders in data.items():
        if not isinstance(orders, list):
            raise OrdersFileError(
                f"{origin}: {channel!r} must be a list of orders, got {type(orders).__name__}"
            )
        for index, order in enumerate(orders):
            if not isinstance(order, dict):
                raise OrdersFileError(
                    f"{origin}: {channel}[{index}] must be an object, got {type(order).__name__}"
                )
        result[str(channel)] = orders
    if AMAZON in result:
        validate_amazon_orders(result[AMAZON], origin=origin)
    if any(channel != AMAZON for channel in result):
        # Shopify, eBay and Walmart lists are checked by the same readers their connectors use.
        from ghostdesk.orders.channels.formats import channel_orders_problem

        for channel, orders in result.items():
            problem = channel_orders_problem(channel, orders)
            if problem:
                raise OrdersFileError(f"{origin}: {problem}")
    return result


def validate_amazon_orders(orders: Sequence[object], *, origin: str = "<orders>") -> None:
    """Check a list of 2026-01-01 ``Order`` objects; raise :class:`OrdersFileError` at the first fault."""
    seen: dict[str, int] = {}
    for index, order in enumerate(orders):
        where = f"{origin}: amazon[{index}]"
        if not isinstance(order, Mapping):
            raise OrdersFileError(f"{where} must be an object, got {type(order).__name__}")
        order_id = order.get("orderId")
        if isinstance(order_id, str) and order_id:
            where = f"{where} ({order_id})"
        problem = _amazon_order_problem(order)
        if problem:
            raise OrdersFileError(f"{where}: {problem}")
        order_id = str(order["orderId"])  # checked above: a non-empty string
        if order_id in seen:
            raise OrdersFileError(f"{where}: orderId is also used by amazon[{seen[order_id]}]")
        seen[order_id] = index


def _amazon_order_problem(order: Mapping[str, Any]) -> str | None:
    """What is wrong with one order, or None. Mirrors the model's required fields and enums."""
    for key in ("orderId", "createdTime", "lastUpdatedTime"):
        value = order.get(key)
        if not isinstance(value, str) or not value:
            return f"{key} is required (a non-empty string)"
    for key in ("createdTime", "lastUpdatedTime"):
        if not _DATE_TIME.fullmatch(order[key]):
            return f"{key} must be an ISO 8601 date-time such as 2026-01-15T09:30:00Z, got {order[key]!r}"
    channel = order.get("salesChannel")
    if not isinstance(channel, Mapping) or not isinstance(channel.get("channelName"), str):
        return 'salesChannel is required, an object with at least "channelName" (AMAZON or NON_AMAZON)'
    for key in ("marketplaceId", "marketplaceName"):
        if key in channel and not isinstance(channel[key], str):
            return f"salesChannel.{key} must be a string"
    items = order.get("orderItems")
    if not isinstance(items, list):
        return "orderItems is required (a list of order items)"
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            return f"orderItems[{i}] must be an object"
        if not isinstance(item.get("orderItemId"), str):
            return f"orderItems[{i}].orderItemId is required (a string)"
        quantity = item.get("quantityOrdered")
        if not isinstance(quantity, int) or isinstance(quantity, bool):
            return f"orderItems[{i}].quantityOrdered is required (an integer)"
        if not isinstance(item.get("product"), Mapping):
            return f"orderItems[{i}].product is required (an object)"
    programs = order.get("programs")
    if programs is not None and (
        not isinstance(programs, list) or not all(isinstance(p, str) for p in programs)
    ):
        return "programs must be a list of strings"
    fulfillment = order.get("fulfillment")
    if fulfillment is not None:
        if not isinstance(fulfillment, Mapping):
            return "fulfillment must be an object"
        status = fulfillment.get("fulfillmentStatus")
        if status not in FULFILLMENT_STATUSES:
            allowed = ", ".join(FULFILLMENT_STATUSES)
            return f"fulfillment.fulfillmentStatus must be one of {allowed}, got {status!r}"
        if fulfillment.get("fulfilledBy") not in (None, "AMAZON", "MERCHANT"):
            return (
                f"fulfillment.fulfilledBy must be AMAZON or MERCHANT, got {fulfillment.get('fulfilledBy')!r}"
            )
    buyer = order.get("buyer")
    if buyer is not None and (
        not isinstance(buyer, Mapping) or not all(isinstance(v, str) for v in buyer.values())
    ):
        return "buyer must be an object of strings (buyerName, buyerEmail, ...)"
    packages = order.get("packages")
    if packages is not None:
        if not isinstance(packages, list):
            return "packages must be a list"
        for i, package in enumerate(packages):
            if not isinstance(package, Mapping) or not isinstance(package.get("packageReferenceId"), str):
                return f"packages[{i}].packageReferenceId is required (a string)"
            for key in ("carrier", "trackingNumber"):
                if key in package and not isinstance(package[key], str):
                    return f"packages[{i}].{key} must be a string"
    return None


class FileOrderSource:
    """An :class:`~ghostdesk.orders.source.OrderSource` over the Amazon orders of an orders file.

    It answers as Amazon's API would: an unknown ID is None, and the buyer email (the relay alias)
    matches merchant-fulfilled orders only, because Amazon does not disclose it for Amazon-fulfilled ones.
    The file is read once, at construction.
    """

    def __init__(self, path_or_data: str | Path | Mapping[str, Any], channel: str = AMAZON) -> None:
        if channel != AMAZON:
            raise ValueError(f"FileOrderSource reads Amazon orders only, not {channel!r}")
        if isinstance(path_or_data, str | Path):
            data = load_orders_file(path_or_data)
        else:
            data = validate_orders_data(path_or_data)
        self.channel = channel
        self._facts = [order_facts_from_api(order) for order in data.get(channel, [])]
        self._by_id = {facts.order_id: facts for facts in self._facts}

    def get_order(self, order_id: str) -> OrderFacts | None:
        return self._by_id.get(order_id.strip())

    def find_by_buyer_email(self, email: str, *, created_after: datetime) -> list[OrderFacts]:
        if created_after.tzinfo is None:
            raise ValueError("created_after must be timezone-aware")
        wanted = email.strip().casefold()
        if not wanted:
            return []
        found = [
            facts
            for facts in self._facts
            if facts.fulfilled_by == FULFILLED_BY_MERCHANT
            and facts.buyer_email is not None
            and facts.buyer_email.casefold() == wanted
            and facts.created >= created_after
        ]
        found.sort(key=lambda facts: (facts.created, facts.order_id), reverse=True)
        return found

    def __len__(self) -> int:
        return len(self._facts)
