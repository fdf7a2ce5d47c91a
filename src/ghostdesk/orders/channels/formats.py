"""Each channel's order format in one place: how to read an order, what identifies it, how to check it.

The live connectors, :class:`~ghostdesk.orders.channels.file.FileChannelSearch` and the orders-file
checks all go through these entries, so an order is read the same way wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ghostdesk.orders.channels import ebay, shopify, walmart
from ghostdesk.orders.channels.fields import ChannelOrderError
from ghostdesk.orders.channels.matching import ChannelOrder


@dataclass(frozen=True)
class ChannelFormat:
    name: str  # the orders-file key and OrderFacts.channel
    shape: str  # what an entry is, for error messages
    read: Callable[[Mapping[str, Any]], ChannelOrder]
    key: Callable[[Mapping[str, Any]], str]  # the order's unique ID


FORMATS: Mapping[str, ChannelFormat] = {
    shopify.CHANNEL: ChannelFormat(
        shopify.CHANNEL,
        f"an Admin GraphQL API {shopify.API_VERSION} Order node",
        shopify.channel_order,
        shopify.order_key,
    ),
    ebay.CHANNEL: ChannelFormat(
        ebay.CHANNEL, "a Sell Fulfillment API Order", ebay.channel_order, ebay.order_key
    ),
    walmart.CHANNEL: ChannelFormat(
        walmart.CHANNEL, "a Marketplace Orders API order", walmart.channel_order, walmart.order_key
    ),
}

#: The non-Amazon channels, in the order a ghost inquiry searches them.
CHANNEL_NAMES: tuple[str, ...] = tuple(FORMATS)


def channel_orders_problem(channel: str, orders: Sequence[object]) -> str | None:
    """The first thing wrong with a channel's list of orders, e.g. ``shopify[2] (#1042): createdAt ...``;
    None when every order reads and their IDs are unique (and for channels this module does not know)."""
    spec = FORMATS.get(channel)
    if spec is None:
        return None
    seen: dict[str, int] = {}
    for index, order in enumerate(orders):
        where = f"{channel}[{index}]"
        if not isinstance(order, Mapping):
            return f"{where} must be an object ({spec.shape}), got {type(order).__name__}"
        try:
            key = spec.key(order)
            read = spec.read(order)
        except ChannelOrderError as exc:
            label = order.get("name") or order.get("orderId") or order.get("purchaseOrderId")
            return f"{where}{f' ({label})' if isinstance(label, str) else ''}: {exc} ({spec.shape} expected)"
        if key in seen:
            label = read.facts.order_number or key
            return f"{where} ({label}): its ID {key} is also used by {channel}[{seen[key]}]"
        seen[key] = index
    return None
