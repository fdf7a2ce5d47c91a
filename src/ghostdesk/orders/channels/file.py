"""Other channels' orders from an orders file: ``ghostdesk diagnose --orders FILE``.

The file's ``"shopify"``, ``"ebay"`` and ``"walmart"`` lists hold each API's own order objects (the same
objects the simulators serve), read by the very functions the live connectors use and matched by the
same rules (:mod:`.matching`). Only the transport differs: no HTTP, no date window; every order in the
file is a candidate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ghostdesk.models import OrderFacts
from ghostdesk.orders.channels.formats import CHANNEL_NAMES, FORMATS
from ghostdesk.orders.channels.matching import BuyerQuery, ChannelOrder, matched_facts


class FileChannelSearch:
    """A :class:`~ghostdesk.orders.lookup.ChannelSearch` over one channel's list in an orders file.

    ``orders`` must already be checked (:func:`ghostdesk.orders.file_source.load_orders_file` does);
    a malformed order raises :class:`~ghostdesk.orders.channels.fields.ChannelOrderError` here.
    """

    def __init__(self, channel: str, orders: Sequence[Mapping[str, Any]]) -> None:
        spec = FORMATS.get(channel)
        if spec is None:
            raise ValueError(f"no channel {channel!r}; known: {', '.join(CHANNEL_NAMES)}")
        self.name = channel
        self._orders: list[ChannelOrder] = [spec.read(order) for order in orders]

    def search(
        self, *, emails: Sequence[str], names: Sequence[str], order_numbers: Sequence[str]
    ) -> list[OrderFacts]:
        query = BuyerQuery.build(emails=emails, names=names, order_numbers=order_numbers)
        if query.empty:
            return []
        return matched_facts(self._orders, query)

    def __len__(self) -> int:
        return len(self._orders)


def file_channels(data: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[FileChannelSearch]:
    """One search per channel the (checked) orders data lists, in search order; a channel whose key is
    present is connected, even with no orders."""
    return [FileChannelSearch(name, data[name]) for name in CHANNEL_NAMES if name in data]
