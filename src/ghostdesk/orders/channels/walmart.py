"""Walmart: orders through the Marketplace Orders API (``GET /v3/orders``), with a client-credentials token.

Authentication: POST ``/v3/token`` with the seller's client ID and secret as HTTP Basic credentials,
``grant_type=client_credentials`` and Walmart's required headers ``WM_SVC.NAME`` and
``WM_QOS.CORRELATION_ID`` (a fresh UUID per call); the answer's ``access_token`` (15 minutes) goes into
``WM_SEC.ACCESS_TOKEN`` on every API call. A 401 drops the token and asks once more with a fresh one.

The Orders API cannot search by buyer, so:

- a Walmart order number the buyer gave is asked for directly, as ``customerOrderId`` (the number on
  the buyer's receipt) and then as ``purchaseOrderId``;
- otherwise the seller's recent orders are listed with ``createdStartDate`` (Walmart keeps 180 days)
  and ``limit``, following ``list.meta.nextCursor`` (a ready query string appended to the path), and
  matched locally by ``customerEmailId`` or the ship-to ``shippingInfo.postalAddress.name``.

Walmart answers "no orders" with 404 ``CONTENT_NOT_FOUND.GMP_ORDER_API``, which is an empty result
here. A 429 (``REQUEST_THRESHOLD_VIOLATED``) is :class:`QuotaExceeded`, waiting until
``x-next-replenishment-time``; token refusals, 401/403, 5xx, timeouts and malformed answers are
:class:`MarketplaceUnavailable`.
"""

from __future__ import annotations

import base64
import logging
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from ghostdesk.models import OrderFacts
from ghostdesk.orders.channels.fields import (
    ChannelOrderError,
    format_date_time,
    objects,
    optional_list,
    optional_mapping,
    optional_str,
    parse_epoch_ms,
    required_enum,
    required_str,
)
from ghostdesk.orders.channels.matching import BuyerQuery, ChannelOrder, matched_facts
from ghostdesk.orders.channels.transport import (
    JsonHttp,
    JsonResponse,
    TokenCache,
    retry_after_s,
    unavailable_for_status,
)
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded

log = logging.getLogger(__name__)

CHANNEL = "walmart"
DEFAULT_ENDPOINT = "https://marketplace.walmartapis.com"
SANDBOX_ENDPOINT = "https://sandbox.walmartapis.com"
TOKEN_PATH = "/v3/token"  # noqa: S105 - a URL path, not a secret
ORDERS_PATH = "/v3/orders"
SERVICE_NAME = "Walmart Marketplace"
MAX_LOOKBACK = timedelta(days=180)  # Walmart serves the last 180 days of orders
MAX_PAGE_SIZE = 200
DEFAULT_RETRY_AFTER_S = 60.0
NOT_FOUND_CODE = "CONTENT_NOT_FOUND.GMP_ORDER_API"

#: ``orderLineStatus.status`` values of the Orders API.
LINE_STATUSES: tuple[str, ...] = ("Created", "Acknowledged", "Shipped", "Delivered", "Cancelled", "Refund")
_SHIPPED = frozenset({"Shipped", "Delivered"})
_CANCELLED = frozenset({"Cancelled", "Refund"})


# --- the order shape ---------------------------------------------------------------------------------


def order_key(order: Mapping[str, Any]) -> str:
    return required_str(order, "purchaseOrderId")


def order_lines(order: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    lines = objects(optional_list(optional_mapping(order, "orderLines"), "orderLine"), "orderLines.orderLine")
    if not lines:
        raise ChannelOrderError("orderLines.orderLine must hold at least one order line")
    return lines


def line_statuses(line: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
    statuses = objects(
        optional_list(optional_mapping(line, "orderLineStatuses", where), "orderLineStatus"),
        f"{where}orderLineStatuses.orderLineStatus",
    )
    if not statuses:
        raise ChannelOrderError(f"{where}orderLineStatuses.orderLineStatus must hold at least one status")
    return statuses


def order_status(order: Mapping[str, Any]) -> tuple[str, str]:
    """(status in the Orders API vocabulary, Walmart's line statuses joined).

    Every line cancelled or refunded is CANCELLED; every remaining line shipped or delivered is
    SHIPPED, some of them PARTIALLY_SHIPPED; otherwise (Created, Acknowledged) UNSHIPPED.
    """
    seen: set[str] = set()
    for index, line in enumerate(order_lines(order)):
        where = f"orderLines.orderLine[{index}]."
        for status in line_statuses(line, where):
            seen.add(required_enum(status, "status", LINE_STATUSES, where + "orderLineStatus."))
    raw = ",".join(s for s in LINE_STATUSES if s in seen)
    active = seen - _CANCELLED
    if not active:
        return "CANCELLED", raw
    if active <= _SHIPPED:
        return "SHIPPED", raw
    if active & _SHIPPED:
        return "PARTIALLY_SHIPPED", raw
    return "UNSHIPPED", raw


def channel_order(order: Mapping[str, Any]) -> ChannelOrder:
    """One Orders API ``order`` read into facts and matching keys; ChannelOrderError if malformed."""
    purchase_order_id = order_key(order)
    customer_order_id = required_str(order, "customerOrderId")
    created = parse_epoch_ms(order.get("orderDate"), "orderDate")
    status, raw_status = order_status(order)
    address = optional_mapping(optional_mapping(order, "shippingInfo"), "postalAddress", "shippingInfo.")
    name = optional_str(address, "name", "shippingInfo.postalAddress.")
    email = optional_str(order, "customerEmailId")
    titles = []
    carrier = tracking = None
    for index, line in enumerate(order_lines(order)):
        where = f"orderLines.orderLine[{index}]."
        titles.append(required_str(optional_mapping(line, "item", where), "productName", where + "item."))
        for status_entry in line_statuses(line, where):
            info = optional_mapping(status_entry, "trackingInfo")
            number = optional_str(info, "trackingNumber")
            if number and tracking is None:
                names = optional_mapping(info, "carrierName")
                carrier = optional_str(names, "carrier") or optional_str(names, "otherCarrier")
                tracking = number
    facts = OrderFacts(
        channel=CHANNEL,
        order_id=purchase_order_id,
        order_number=customer_order_id,
        status=status,
        raw_status=raw_status,
        created=created,
        buyer_name=name,
        buyer_email=email,
        carrier=carrier,
        tracking_number=tracking,
        item_titles=tuple(titles),
    )
    return ChannelOrder.build(
        facts, emails=[email], names=[name], order_numbers=[customer_order_id, purchase_order_id]
    )


_ORDER_NUMBER = re.compile(r"\d{9,20}|\d{7}-\d{8}")  # as stored, or as walmart.com prints it


def looks_like_order_number(value: str) -> bool:
    """Walmart's customer and purchase order numbers: long digit runs ("2000135-72468013" as printed)."""
    return bool(_ORDER_NUMBER.fullmatch(value.strip()))


# --- the connector -----------------------------------------------------------------------------------


class WalmartOrderSearch:
    """A :class:`~ghostdesk.orders.lookup.ChannelSearch` over one seller's Walmart Marketplace orders.

    ``endpoint`` replaces ``https://marketplace.walmartapis.com`` (``https://sandbox.walmartapis.com``,
    the simulator). ``channel_type`` is the ``WM_CONSUMER.CHANNEL.TYPE`` Walmart gave at onboarding, if
    any. ``lookback`` is how far back recent orders are listed; at most ``max_pages`` pages are read.
    """

    name = CHANNEL

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        endpoint: str | None = None,
        channel_type: str | None = None,
        lookback: timedelta = timedelta(days=90),
        page_size: int = MAX_PAGE_SIZE,
        max_pages: int = 25,
        clock: Callable[[], datetime] | None = None,
        http: JsonHttp | None = None,
    ) -> None:
        if not (client_id and client_secret):
            raise ValueError("Walmart needs a client ID and a client secret")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1..{MAX_PAGE_SIZE}")
        base = (endpoint or DEFAULT_ENDPOINT).rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an http(s) URL: {base!r}")
        self.endpoint = base
        self._basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode("ascii")
        self._channel_type = channel_type
        self._lookback = min(lookback, MAX_LOOKBACK)
        self._page_size = page_size
        self._max_pages = max_pages
        self._clock = clock or (lambda: datetime.now(UTC))
        self._http = http or JsonHttp(CHANNEL)
        self._tokens = TokenCache(self._fetch_token)

    def search(
        self, *, emails: Sequence[str], names: Sequence[str], order_numbers: Sequence[str]
    ) -> list[OrderFacts]:
        query = BuyerQuery.build(emails=emails, names=names, order_numbers=order_numbers)
        candidates: list[ChannelOrder] = []
        for raw in query.raw_order_numbers:
            if not looks_like_order_number(raw):
                continue
            digits = raw.strip().replace("-", "")
            candidates += self._orders({"customerOrderId": digits}) or self._orders(
                {"purchaseOrderId": digits}
            )
        by_number = matched_facts(candidates, query)
        if by_number:
            return by_number  # the number the buyer gave decides; no need to list recent orders
        if query.has_person:
            candidates += self._recent_orders()
        found = matched_facts(candidates, query)
        log.info("walmart searched", extra={"candidates": len(candidates), "matches": len(found)})
        return found

    # --- Orders API ----------------------------------------------------------------------------------
    def _recent_orders(self) -> list[ChannelOrder]:
        start = self._clock() - self._lookback
        params: Mapping[str, str] | None = {
            "createdStartDate": format_date_time(start),
            "limit": str(self._page_size),
        }
        url = self.endpoint + ORDERS_PATH
        orders: list[ChannelOrder] = []
        for _ in range(self._max_pages):
            page, cursor = self._page(self._get(url, params))
            orders += page
            if not cursor or not page:
                return orders
            url, params = self.endpoint + ORDERS_PATH + cursor, None
        log.warning("walmart search stopped after %d pages", self._max_pages)
        return orders

    def _orders(self, params: Mapping[str, str]) -> list[ChannelOrder]:
        return self._page(self._get(self.endpoint + ORDERS_PATH, params))[0]

    def _headers(self, **extra: str) -> dict[str, str]:
        headers = {
            "WM_SVC.NAME": SERVICE_NAME,
            "WM_QOS.CORRELATION_ID": str(uuid.uuid4()),
            "Accept": "application/json",
            **extra,
        }
        if self._channel_type:
            headers["WM_CONSUMER.CHANNEL.TYPE"] = self._channel_type
        return headers

    def _get(self, url: str, params: Mapping[str, str] | None) -> JsonResponse:
        for attempt in (1, 2):
            headers = self._headers(**{"WM_SEC.ACCESS_TOKEN": self._tokens.get()})
            response = self._http.request("GET", url, headers=headers, params=params)
            if response.status == 401 and attempt == 1:
                self._tokens.forget()  # expired (15 minutes) or revoked: once more with a fresh token
                continue
            if response.status == 429:
                raise QuotaExceeded(CHANNEL, _replenished_in_s(response, self._clock()))
            return response
        raise AssertionError("unreachable")

    def _page(self, response: JsonResponse) -> tuple[list[ChannelOrder], str | None]:
        if response.status == 404 and NOT_FOUND_CODE in _error_codes(response.body):
            return [], None
        if response.status != 200:
            raise unavailable_for_status(
                CHANNEL, response, f"orders ({', '.join(_error_codes(response.body)) or 'no error code'})"
            )
        body = response.body
        listing = body.get("list") if isinstance(body, Mapping) else None
        meta = listing.get("meta") if isinstance(listing, Mapping) else None
        elements = listing.get("elements") if isinstance(listing, Mapping) else None
        if not isinstance(meta, Mapping) or not isinstance(elements, Mapping):
            raise MarketplaceUnavailable(CHANNEL, "malformed orders answer: no list.meta / list.elements")
        page = []
        try:
            for order in objects(optional_list(elements, "order"), "list.elements.order"):
                page.append(channel_order(order))
        except ChannelOrderError as exc:
            raise MarketplaceUnavailable(CHANNEL, f"malformed order in answer: {exc}") from exc
        cursor = meta.get("nextCursor")
        return page, cursor if isinstance(cursor, str) and cursor.startswith("?") else None

    # --- token ---------------------------------------------------------------------------------------
    def _fetch_token(self) -> tuple[str, float]:
        response = self._http.request(
            "POST",
            self.endpoint + TOKEN_PATH,
            headers=self._headers(Authorization=f"Basic {self._basic}"),
            form={"grant_type": "client_credentials"},
        )
        if response.status == 429:
            raise QuotaExceeded(CHANNEL, _replenished_in_s(response, self._clock()))
        if response.status != 200:
            codes = ", ".join(_error_codes(response.body)) or "no error code"
            raise unavailable_for_status(CHANNEL, response, f"token refused ({codes})")
        body = response.body
        token = body.get("access_token") if isinstance(body, Mapping) else None
        lifetime = body.get("expires_in") if isinstance(body, Mapping) else None
        if not isinstance(token, str) or not token or not isinstance(lifetime, int | float):
            raise MarketplaceUnavailable(CHANNEL, "malformed token answer")
        return token, float(lifetime)


def _error_codes(body: object) -> list[str]:
    """The ``code`` of each error in Walmart's ``{"errors": {"error": [...]}}`` or ``{"error": [...]}``."""
    if not isinstance(body, Mapping):
        return []
    container = body.get("errors", body)
    errors = container.get("error") if isinstance(container, Mapping) else container
    if isinstance(errors, Mapping):
        errors = [errors]
    if not isinstance(errors, list):
        return []
    return [str(e["code"]) for e in errors if isinstance(e, Mapping) and isinstance(e.get("code"), str)]


def _replenished_in_s(response: JsonResponse, now: datetime) -> float:
    """Seconds until Walmart refills the bucket: ``x-next-replenishment-time`` (epoch ms), else
    ``Retry-After``, else a minute."""
    raw = response.header("x-next-replenishment-time")
    if raw:
        try:
            at = float(raw)
        except ValueError:
            at = 0.0
        if at > 0:
            return max(1.0, at / 1000 - now.timestamp())
    return retry_after_s(response.header("Retry-After")) or DEFAULT_RETRY_AFTER_S
