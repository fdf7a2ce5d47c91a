"""The one interface diagnosis asks every sales channel through, and the errors it may answer with.

Diagnosis must tell "this seller has no such order" (a ghost) apart from "the marketplace could not be
asked" (quota, outage, bad credentials): calling an order a ghost because an API was down would tell a
buyer with a real order that we have no record of it. So a source answers ``None`` or an empty list only
when the channel really said so, and raises one of the typed errors below otherwise.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable

from ghostdesk.models import OrderFacts


class OrderSourceError(Exception):
    """A channel could not answer; ``source`` names it ("amazon") for ``LookupResult.unavailable``."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class MarketplaceUnavailable(OrderSourceError):
    """The channel failed: 5xx, timeout, connection refused, LWA token failure, denied access, bad answer.

    Nothing can be concluded about the order; asking again later may work.
    """


class QuotaExceeded(OrderSourceError):
    """The channel throttled us (HTTP 429).

    ``rate_limit`` is the usage plan the channel reported (``x-amzn-RateLimit-Limit``, requests per
    second) when it sent one; ``retry_after_s`` is how long to wait before the same operation has a
    fresh token in its bucket, so a queue consumer can delay the message instead of retrying hot.
    """

    def __init__(self, source: str, retry_after_s: float, rate_limit: float | None = None) -> None:
        reason = f"quota exceeded, retry after {retry_after_s:.1f}s"
        if rate_limit is not None:
            reason += f" (rate limit {rate_limit:g} req/s)"
        super().__init__(source, reason)
        self.retry_after_s = retry_after_s
        self.rate_limit = rate_limit

    def __reduce__(self) -> tuple[type[QuotaExceeded], tuple[str, float, float | None]]:
        # Exceptions pickle through their args; ours differ from __init__'s, so say how to rebuild.
        return (type(self), (self.source, self.retry_after_s, self.rate_limit))


@runtime_checkable
class OrderSource(Protocol):
    """What diagnosis needs from a sales channel. Every channel adapter implements it.

    Both methods raise :class:`MarketplaceUnavailable` or :class:`QuotaExceeded` when the channel could
    not be asked; they never turn a failure into "not found".
    """

    def get_order(self, order_id: str) -> OrderFacts | None:
        """The order with this ID, or None when this seller has no such order on the channel."""
        ...

    def find_by_buyer_email(self, email: str, *, created_after: datetime) -> list[OrderFacts]:
        """Orders since ``created_after`` whose buyer email is ``email`` (case-insensitive), newest first.

        For Amazon the email is the buyer's relay alias, which Amazon discloses for merchant-fulfilled
        orders only, so an Amazon-fulfilled order is never found this way.
        """
        ...
