"""Searching the seller's other sales channels for a ghost order: Shopify, eBay and Walmart.

A buyer who writes "I ordered and you have no record" often ordered in the seller's own web shop or on
another marketplace. Each channel here is a :class:`~ghostdesk.orders.lookup.ChannelSearch`:

- :mod:`.shopify`, :mod:`.ebay`, :mod:`.walmart` - the live connectors (real HTTP shapes and
  authentication) and each API's order shape, read into :class:`~ghostdesk.models.OrderFacts`;
- :mod:`.matching` - the one set of rules an order is tied to a buyer by (email, full name, username,
  order number), used by every channel;
- :mod:`.file` - the same search over an orders file (``ghostdesk diagnose --orders``);
- :mod:`.config` - which channels are connected (one Secrets Manager secret) and the endpoints.
"""

from __future__ import annotations

from ghostdesk.orders.channels.config import channels_from_settings

__all__ = ["channels_from_settings"]
