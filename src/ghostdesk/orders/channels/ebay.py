"""eBay: orders through the Sell Fulfillment API (``getOrders``), with a user token from a refresh token.

Authentication is eBay's OAuth2 refresh-token grant: POST ``/identity/v1/oauth2/token`` with the app's
client ID and secret as HTTP Basic credentials and ``grant_type=refresh_token``, ``refresh_token``,
``scope=.../sell.fulfillment.readonly``; the answer's ``access_token`` (about two hours) is sent as
``Authorization: Bearer``. A 401 from the API drops the token and asks once more with a fresh one.

The Fulfillment API cannot search by buyer, so:

- an eBay order number the buyer gave is fetched directly: ``GET /sell/fulfillment/v1/order?orderIds=``;
- otherwise the seller's recent orders are listed, ``filter=creationdate:[start..]`` (eBay answers for
  the last 90 days only), ``limit``/``offset`` paging, and matched locally by the buyer's email
  (``buyer.buyerRegistrationAddress.email`` or the ship-to email), full name (registration or ship-to
  ``fullName``) or eBay username (``buyer.username``); see :mod:`.matching`.

Errors: 429 is :class:`QuotaExceeded`; token refusals, 401/403, 5xx, timeouts and malformed answers are
:class:`MarketplaceUnavailable`. eBay's error bodies are ``{"errors": [{"errorId", "domain",
"category", "message", ...}]}``; only their numeric IDs reach our messages.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from ghostdesk.models import OrderFacts
from ghostdesk.orders.channels.fields import (
    ChannelOrderError,
    format_date_time,
    objects,
    optional_enum,
    optional_list,
    optional_mapping,
    optional_str,
    parse_date_time,
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

CHANNEL = "ebay"
DEFAULT_ENDPOINT = "https://api.ebay.com"
SANDBOX_ENDPOINT = "https://api.sandbox.ebay.com"
TOKEN_PATH = "/identity/v1/oauth2/token"  # noqa: S105 - a URL path, not a secret
ORDERS_PATH = "/sell/fulfillment/v1/order"
READ_SCOPE = "https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly"
MAX_LOOKBACK = timedelta(days=90)  # getOrders' filter reaches back 90 days, no further
MAX_ORDER_IDS = 50
MAX_PAGE_SIZE = 200
DEFAULT_RETRY_AFTER_S = 60.0  # eBay sends no Retry-After; its call limits reset over minutes to a day

#: The Fulfillment API's enums (OrderFulfillmentStatus, OrderPaymentStatusEnum, CancelStateEnum).
FULFILLMENT_STATUSES: tuple[str, ...] = ("NOT_STARTED", "IN_PROGRESS", "FULFILLED")
PAYMENT_STATUSES: tuple[str, ...] = ("FAILED", "FULLY_REFUNDED", "PAID", "PARTIALLY_REFUNDED", "PENDING")
CANCEL_STATES: tuple[str, ...] = ("CANCELED", "IN_PROGRESS", "NONE_REQUESTED")

# eBay order IDs: the current "12-34567-89012" and the legacy "<item>-<transaction>" forms.
_ORDER_ID = re.compile(r"\d{2}-\d{5}-\d{5}|\d{9,15}-\d{9,15}")
_INVALID_ORDER_ID = 32100


# --- the order shape ---------------------------------------------------------------------------------


def order_key(order: Mapping[str, Any]) -> str:
    return required_str(order, "orderId")


def order_status(order: Mapping[str, Any]) -> tuple[str, str]:
    """(status in the Orders API vocabulary, eBay's ``orderFulfillmentStatus``).

    A cancelled order (``cancelStatus.cancelState`` CANCELED) or a full refund before shipping is
    CANCELLED; FULFILLED is SHIPPED; IN_PROGRESS (some packages shipped) is PARTIALLY_SHIPPED;
    NOT_STARTED is PENDING while the payment is pending or failed, else UNSHIPPED.
    """
    fulfillment = required_enum(order, "orderFulfillmentStatus", FULFILLMENT_STATUSES)
    payment = optional_enum(order, "orderPaymentStatus", PAYMENT_STATUSES)
    cancel = optional_enum(
        optional_mapping(order, "cancelStatus"), "cancelState", CANCEL_STATES, "cancelStatus."
    )
    if cancel == "CANCELED":
        return "CANCELLED", "CANCELED"
    if fulfillment == "FULFILLED":
        return "SHIPPED", fulfillment
    if fulfillment == "IN_PROGRESS":
        return "PARTIALLY_SHIPPED", fulfillment
    if payment == "FULLY_REFUNDED":
        return "CANCELLED", fulfillment
    if payment in ("PENDING", "FAILED"):
        return "PENDING", fulfillment
    return "UNSHIPPED", fulfillment


def channel_order(order: Mapping[str, Any]) -> ChannelOrder:
    """One Fulfillment API ``Order`` read into facts and matching keys; ChannelOrderError if malformed."""
    order_id = order_key(order)
    created = parse_date_time(order.get("creationDate"), "creationDate")
    modified = order.get("lastModifiedDate")
    updated = parse_date_time(modified, "lastModifiedDate") if modified is not None else None
    status, raw_status = order_status(order)
    buyer = optional_mapping(order, "buyer")
    registration = optional_mapping(buyer, "buyerRegistrationAddress", "buyer.")
    ship_to = [
        optional_mapping(optional_mapping(step, "shippingStep", "fulfillmentStartInstructions[]."), "shipTo")
        for step in objects(
            optional_list(order, "fulfillmentStartInstructions"), "fulfillmentStartInstructions"
        )
    ]
    names = [optional_str(registration, "fullName", "buyer.buyerRegistrationAddress.")]
    names += [optional_str(s, "fullName", "shipTo.") for s in ship_to]
    emails = [optional_str(registration, "email", "buyer.buyerRegistrationAddress.")]
    emails += [optional_str(s, "email", "shipTo.") for s in ship_to]
    titles = tuple(
        required_str(item, "title", f"lineItems[{index}].")
        for index, item in enumerate(objects(optional_list(order, "lineItems"), "lineItems"))
    )
    facts = OrderFacts(
        channel=CHANNEL,
        order_id=order_id,
        order_number=order_id,
        status=status,
        raw_status=raw_status,
        created=created,
        last_updated=updated,
        buyer_name=next((n for n in names if n), None),
        buyer_email=next((e for e in emails if e), None),
        item_titles=titles,
    )
    return ChannelOrder.build(
        facts,
        emails=emails,
        names=names,
        usernames=[optional_str(buyer, "username", "buyer.")],
        order_numbers=[order_id, optional_str(order, "legacyOrderId")],
    )


def creation_filter(start: datetime) -> str:
    """getOrders' ``filter`` for orders created since ``start`` (eBay's ``creationdate:[start..]``)."""
    return f"creationdate:[{format_date_time(start, millis=True)}..]"


def looks_like_order_id(value: str) -> bool:
    return bool(_ORDER_ID.fullmatch(value.strip()))


# --- the connector -----------------------------------------------------------------------------------


class EbayOrderSearch:
    """A :class:`~ghostdesk.orders.lookup.ChannelSearch` over one seller's eBay orders.

    ``endpoint`` replaces ``https://api.ebay.com`` for both the token and the Fulfillment API
    (``https://api.sandbox.ebay.com``, the simulator). ``lookback`` is how far back recent orders are
    listed (at most eBay's 90 days); at most ``max_pages`` pages of ``page_size`` orders are read.
    """

    name = CHANNEL

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        refresh_token: str,
        endpoint: str | None = None,
        scope: str = READ_SCOPE,
        lookback: timedelta = MAX_LOOKBACK,
        page_size: int = MAX_PAGE_SIZE,
        max_pages: int = 25,
        clock: Callable[[], datetime] | None = None,
        http: JsonHttp | None = None,
    ) -> None:
        if not (client_id and client_secret and refresh_token):
            raise ValueError("eBay needs a client ID, a client secret and a refresh token")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1..{MAX_PAGE_SIZE}")
        base = (endpoint or DEFAULT_ENDPOINT).rstrip("/")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an http(s) URL: {base!r}")
        self.endpoint = base
        self._basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode("ascii")
        self._refresh_token = refresh_token
        self._scope = scope
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
        ids = [n.strip() for n in query.raw_order_numbers if looks_like_order_id(n)]
        if ids:
            candidates += self._orders_by_id(ids[:MAX_ORDER_IDS])
            by_number = matched_facts(candidates, query)
            if by_number:
                return by_number  # the number the buyer gave decides; no need to list recent orders
        if query.has_person:
            candidates += self._recent_orders()
        found = matched_facts(candidates, query)
        log.info("ebay searched", extra={"candidates": len(candidates), "matches": len(found)})
        return found

    # --- Fulfillment API ---------------------------------------------------------------------------
    def _orders_by_id(self, ids: Sequence[str]) -> list[ChannelOrder]:
        response = self._get({"orderIds": ",".join(ids)})
        if response.status == 400 and _error_ids(response.body) == {_INVALID_ORDER_ID}:
            return []  # eBay calls an order ID it does not know "invalid": not this seller's order
        return self._page_orders(response)[0]

    def _recent_orders(self) -> list[ChannelOrder]:
        start = self._clock() - self._lookback + timedelta(minutes=1)  # stay inside the 90-day window
        orders: list[ChannelOrder] = []
        offset = 0
        for _ in range(self._max_pages):
            params = {"filter": creation_filter(start), "limit": str(self._page_size), "offset": str(offset)}
            page, total, has_next = self._page_orders(self._get(params))
            orders += page
            offset += self._page_size
            if not has_next or offset >= total or not page:
                return orders
        log.warning("ebay search stopped after %d pages", self._max_pages)
        return orders

    def _get(self, params: Mapping[str, str]) -> JsonResponse:
        url = self.endpoint + ORDERS_PATH
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {self._tokens.get()}", "Accept": "application/json"}
            response = self._http.request("GET", url, headers=headers, params=params)
            if response.status == 401 and attempt == 1:
                self._tokens.forget()  # expired or revoked: one more try with a fresh token
                continue
            if response.status == 429:
                raise QuotaExceeded(
                    CHANNEL, retry_after_s(response.header("Retry-After")) or DEFAULT_RETRY_AFTER_S
                )
            return response
        raise AssertionError("unreachable")

    def _page_orders(self, response: JsonResponse) -> tuple[list[ChannelOrder], int, bool]:
        if response.status != 200:
            raise unavailable_for_status(
                CHANNEL, response, f"getOrders (error {_describe_errors(response.body)})"
            )
        body = response.body
        if not isinstance(body, Mapping) or not isinstance(body.get("orders", []), list):
            raise MarketplaceUnavailable(CHANNEL, "malformed getOrders answer")
        page = []
        for index, order in enumerate(body.get("orders", [])):
            if not isinstance(order, Mapping):
                raise MarketplaceUnavailable(CHANNEL, f"malformed getOrders answer: orders[{index}]")
            try:
                page.append(channel_order(order))
            except ChannelOrderError as exc:
                raise MarketplaceUnavailable(CHANNEL, f"malformed order in answer: {exc}") from exc
        total = body.get("total")
        return page, total if isinstance(total, int) else len(page), bool(body.get("next"))

    # --- OAuth ---------------------------------------------------------------------------------------
    def _fetch_token(self) -> tuple[str, float]:
        response = self._http.request(
            "POST",
            self.endpoint + TOKEN_PATH,
            headers={"Authorization": f"Basic {self._basic}", "Accept": "application/json"},
            form={"grant_type": "refresh_token", "refresh_token": self._refresh_token, "scope": self._scope},
        )
        if response.status == 429:
            raise QuotaExceeded(
                CHANNEL, retry_after_s(response.header("Retry-After")) or DEFAULT_RETRY_AFTER_S
            )
        body = response.body
        if response.status != 200:
            error = body.get("error") if isinstance(body, Mapping) else None
            reason = (
                f"OAuth token refused ({error})" if isinstance(error, str) else "OAuth token request failed"
            )
            raise unavailable_for_status(CHANNEL, response, reason)
        token = body.get("access_token") if isinstance(body, Mapping) else None
        lifetime = body.get("expires_in") if isinstance(body, Mapping) else None
        if not isinstance(token, str) or not token or not isinstance(lifetime, int | float):
            raise MarketplaceUnavailable(CHANNEL, "malformed OAuth token answer")
        return token, float(lifetime)


def _error_ids(body: object) -> set[int]:
    errors = body.get("errors") if isinstance(body, Mapping) else None
    if not isinstance(errors, list):
        return set()
    return {e["errorId"] for e in errors if isinstance(e, Mapping) and isinstance(e.get("errorId"), int)}


def _describe_errors(body: object) -> str:
    ids = sorted(_error_ids(body))
    return ", ".join(str(i) for i in ids) if ids else "none given"
