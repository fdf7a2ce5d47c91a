"""Shopify: orders through the Admin GraphQL API (2025-01), searched by email, name and order number.

One POST to ``https://{shop}.myshopify.com/admin/api/2025-01/graphql.json`` with the app's
``X-Shopify-Access-Token`` asks the ``orders`` connection with a search query such as
``email:"anna@example.com" OR name:"#1042" OR ("Anna" "Kowalski")``. Shopify's text search is fuzzy,
so every order it returns is checked again with :mod:`.matching`; only real matches are reported.

The answer is GraphQL's: ``{"data": {"orders": {"edges": [{"node": {...}}]}}, "extensions": {"cost":
...}}``. Errors arrive with HTTP 200 in ``errors``; a ``THROTTLED`` error (the calculated query cost
exceeded the bucket) becomes :class:`QuotaExceeded` with the wait the ``throttleStatus`` implies.
HTTP 401/403 (bad token, missing ``read_orders`` scope), 402/423 (shop frozen or locked), 5xx,
timeouts and malformed answers are :class:`MarketplaceUnavailable`.

The order objects this module reads (:func:`channel_order`) are exactly the ``node`` objects of that
query, which is also what an orders file holds under ``"shopify"`` and what the simulator serves.
Customer names need the app's protected customer data access (name fields) besides ``read_orders``;
without it Shopify returns them as null and only the email and order number can match.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from ghostdesk.models import OrderFacts
from ghostdesk.orders.channels.fields import (
    ChannelOrderError,
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
from ghostdesk.orders.channels.transport import JsonHttp, JsonResponse, retry_after_s, unavailable_for_status
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from ghostdesk.triage.folding import fold

log = logging.getLogger(__name__)

CHANNEL = "shopify"
API_VERSION = "2025-01"
ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token"  # noqa: S105 - a header name, not a secret
MAX_PAGE_SIZE = 250  # Shopify's limit for ``first``
MIN_ORDER_ID_DIGITS, MAX_ORDER_ID_DIGITS = 9, 14  # a numeric order ID, as triage recognises one

#: ``OrderDisplayFinancialStatus`` and ``OrderDisplayFulfillmentStatus`` of the Admin API.
FINANCIAL_STATUSES: tuple[str, ...] = (
    "AUTHORIZED",
    "EXPIRED",
    "PAID",
    "PARTIALLY_PAID",
    "PARTIALLY_REFUNDED",
    "PENDING",
    "REFUNDED",
    "VOIDED",
)
FULFILLMENT_STATUSES: tuple[str, ...] = (
    "FULFILLED",
    "IN_PROGRESS",
    "ON_HOLD",
    "OPEN",
    "PARTIALLY_FULFILLED",
    "PENDING_FULFILLMENT",
    "REQUEST_DECLINED",
    "RESTOCKED",
    "SCHEDULED",
    "UNFULFILLED",
)

#: The fields of an ``Order`` node that diagnosis reads; the orders file holds nodes of this shape.
ORDER_FIELDS = """
      id
      name
      email
      createdAt
      updatedAt
      cancelledAt
      displayFinancialStatus
      displayFulfillmentStatus
      customer { displayName firstName lastName }
      billingAddress { name }
      shippingAddress { name }
      lineItems(first: 5) { nodes { title quantity } }
      fulfillments(first: 3) { trackingInfo(first: 1) { company number } }
"""

ORDERS_QUERY = (
    "query GhostdeskOrderSearch($first: Int!, $after: String, $query: String!) {\n"
    "  orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {\n"
    "    edges {\n"
    "      cursor\n"
    "      node {" + ORDER_FIELDS + "      }\n"
    "    }\n"
    "    pageInfo { hasNextPage endCursor }\n"
    "  }\n"
    "}\n"
)

_GID = re.compile(r"gid://shopify/Order/(\d+)")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


# --- the order shape ---------------------------------------------------------------------------------


def order_key(node: Mapping[str, Any]) -> str:
    """The order's unique ID (its GID); raises :class:`ChannelOrderError` when it has none."""
    order_id = required_str(node, "id")
    if not _GID.fullmatch(order_id):
        raise ChannelOrderError(
            f"id must be an Order GID such as gid://shopify/Order/5123456789012, got {order_id!r}"
        )
    return order_id


def order_status(node: Mapping[str, Any]) -> tuple[str, str]:
    """(status in the Orders API vocabulary, Shopify's own "FULFILLMENT/FINANCIAL" statuses).

    Cancelled, restocked or voided is CANCELLED; FULFILLED is SHIPPED, PARTIALLY_FULFILLED is
    PARTIALLY_SHIPPED; a payment still pending (or whose authorisation expired) is PENDING; a full
    refund of an unshipped order is CANCELLED; anything else is waiting to ship: UNSHIPPED.
    """
    fulfillment = required_enum(node, "displayFulfillmentStatus", FULFILLMENT_STATUSES)
    financial = optional_enum(node, "displayFinancialStatus", FINANCIAL_STATUSES)
    raw = f"{fulfillment}/{financial}" if financial else fulfillment
    if node.get("cancelledAt") or fulfillment == "RESTOCKED" or financial == "VOIDED":
        return "CANCELLED", raw
    if fulfillment == "FULFILLED":
        return "SHIPPED", raw
    if fulfillment == "PARTIALLY_FULFILLED":
        return "PARTIALLY_SHIPPED", raw
    if financial in ("PENDING", "EXPIRED"):
        return "PENDING", raw
    if financial == "REFUNDED":
        return "CANCELLED", raw
    return "UNSHIPPED", raw


def channel_order(node: Mapping[str, Any]) -> ChannelOrder:
    """One ``Order`` node read into facts and matching keys; :class:`ChannelOrderError` if malformed."""
    order_id = order_key(node)
    name = required_str(node, "name")
    created = parse_date_time(node.get("createdAt"), "createdAt")
    updated = parse_date_time(node["updatedAt"], "updatedAt") if node.get("updatedAt") is not None else None
    if node.get("cancelledAt") is not None:
        parse_date_time(node["cancelledAt"], "cancelledAt")
    status, raw_status = order_status(node)
    customer = optional_mapping(node, "customer")
    billing = optional_mapping(node, "billingAddress")
    shipping = optional_mapping(node, "shippingAddress")
    customer_name = optional_str(customer, "displayName", "customer.") or " ".join(
        part
        for part in (
            optional_str(customer, "firstName", "customer."),
            optional_str(customer, "lastName", "customer."),
        )
        if part
    )
    names = (
        customer_name or None,
        optional_str(billing, "name", "billingAddress."),
        optional_str(shipping, "name", "shippingAddress."),
    )
    email = optional_str(node, "email")
    carrier, tracking = _first_tracking(node)
    facts = OrderFacts(
        channel=CHANNEL,
        order_id=order_id,
        order_number=name,
        status=status,
        raw_status=raw_status,
        created=created,
        last_updated=updated,
        buyer_name=next((n for n in names if n), None),
        buyer_email=email,
        carrier=carrier,
        tracking_number=tracking,
        item_titles=_item_titles(node),
    )
    legacy_id = _GID.fullmatch(order_id)
    return ChannelOrder.build(
        facts,
        emails=[email],
        names=names,
        order_numbers=[name, legacy_id.group(1) if legacy_id else None],
    )


def _item_titles(node: Mapping[str, Any]) -> tuple[str, ...]:
    items = optional_mapping(node, "lineItems")
    titles = []
    for index, item in enumerate(objects(optional_list(items, "nodes", "lineItems."), "lineItems.nodes")):
        titles.append(required_str(item, "title", f"lineItems.nodes[{index}]."))
    return tuple(titles)


def _first_tracking(node: Mapping[str, Any]) -> tuple[str | None, str | None]:
    for fulfillment in objects(optional_list(node, "fulfillments"), "fulfillments"):
        for info in objects(optional_list(fulfillment, "trackingInfo"), "fulfillments.trackingInfo"):
            number = optional_str(info, "number")
            if number:
                return optional_str(info, "company"), number
    return None, None


# --- the search query --------------------------------------------------------------------------------


def quote(value: str) -> str:
    """A value as a quoted string of Shopify's search syntax."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def search_query(query: BuyerQuery) -> str:
    """The ``orders(query:)`` string for the buyer's clues, every clue joined with OR ("" for none).

    Emails with ``email:``; order names ("#1042") with ``name:``, bare numbers also as ``id:`` when long
    enough to be an order ID (other shops' numbers, such as eBay's "12-34567-89012", are left out); each
    full name as its words (any order) in the default text search.
    """
    terms: list[str] = [f"email:{quote(email)}" for email in sorted(query.emails)]
    for raw in query.raw_order_numbers:
        number = raw.strip()
        if number.startswith("#"):
            terms.append(f"name:{quote(number)}")
        elif number.isdigit() and len(number) <= MAX_ORDER_ID_DIGITS:
            terms.append(f"name:{quote('#' + number)}")
            if len(number) >= MIN_ORDER_ID_DIGITS:
                terms.append(f"id:{number}")
    for words, raw in zip(query.names, query.raw_names, strict=True):
        tokens = [t for t in _NAME_TOKEN.findall(raw) if fold(t).replace("'", "") in words]
        tokens = list(dict.fromkeys(tokens)) or sorted(words)
        terms.append("(" + " ".join(quote(t) for t in tokens) + ")")
    return " OR ".join(terms)


# --- the connector -----------------------------------------------------------------------------------


def shop_url(shop: str) -> str:
    """``https://{shop}.myshopify.com`` for a shop name or its myshopify domain."""
    shop = shop.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    shop = shop.removesuffix(".myshopify.com")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", shop):
        raise ValueError(f"not a Shopify shop name: {shop!r} (expected e.g. 'acme' or 'acme.myshopify.com')")
    return f"https://{shop}.myshopify.com"


class ShopifyOrderSearch:
    """A :class:`~ghostdesk.orders.lookup.ChannelSearch` over one shop's Admin GraphQL API.

    ``endpoint`` replaces ``https://{shop}.myshopify.com`` (the simulator, a development store proxy).
    At most ``max_pages`` pages of ``page_size`` orders are read per search; a buyer with more matches
    than that is an unusual ghost, and the newest are the ones that matter. A page of 20 keeps the
    query's calculated cost near 500 points, under Shopify's 1000-point limit for a single query.
    """

    name = CHANNEL

    def __init__(
        self,
        *,
        shop: str,
        access_token: str,
        endpoint: str | None = None,
        api_version: str = API_VERSION,
        page_size: int = 20,
        max_pages: int = 5,
        http: JsonHttp | None = None,
    ) -> None:
        if not access_token:
            raise ValueError("a Shopify access token is required")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1..{MAX_PAGE_SIZE}")
        base = endpoint.rstrip("/") if endpoint else shop_url(shop)
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an http(s) URL: {base!r}")
        self.url = f"{base}/admin/api/{api_version}/graphql.json"
        self._token = access_token
        self._page_size = page_size
        self._max_pages = max_pages
        self._http = http or JsonHttp(CHANNEL)

    def search(
        self, *, emails: Sequence[str], names: Sequence[str], order_numbers: Sequence[str]
    ) -> list[OrderFacts]:
        query = BuyerQuery.build(emails=emails, names=names, order_numbers=order_numbers)
        text = search_query(query)
        if not text:
            return []
        candidates: list[ChannelOrder] = []
        after: str | None = None
        for _ in range(self._max_pages):
            connection = self._orders_page(text, after)
            for index, edge in enumerate(connection["edges"]):
                node = edge.get("node") if isinstance(edge, Mapping) else None
                if not isinstance(node, Mapping):
                    raise MarketplaceUnavailable(CHANNEL, f"malformed answer: edges[{index}] has no node")
                try:
                    candidates.append(channel_order(node))
                except ChannelOrderError as exc:
                    raise MarketplaceUnavailable(CHANNEL, f"malformed order in answer: {exc}") from exc
            page = connection["pageInfo"]
            if not page.get("hasNextPage") or not isinstance(page.get("endCursor"), str):
                break
            after = page["endCursor"]
        else:
            log.warning("shopify search stopped after %d pages", self._max_pages)
        found = matched_facts(candidates, query)
        log.info("shopify searched", extra={"candidates": len(candidates), "matches": len(found)})
        return found

    def _orders_page(self, text: str, after: str | None) -> Mapping[str, Any]:
        response = self._http.request(
            "POST",
            self.url,
            headers={ACCESS_TOKEN_HEADER: self._token, "Accept": "application/json"},
            json_body={
                "query": ORDERS_QUERY,
                "variables": {"first": self._page_size, "after": after, "query": text},
            },
        )
        if response.status == 429:
            raise QuotaExceeded(CHANNEL, retry_after_s(response.header("Retry-After")) or 2.0)
        if response.status != 200:
            raise unavailable_for_status(CHANNEL, response, "orders query")
        return _orders_connection(response)


def _orders_connection(response: JsonResponse) -> Mapping[str, Any]:
    body = response.body
    if not isinstance(body, Mapping):
        raise MarketplaceUnavailable(CHANNEL, "malformed answer: not a JSON object")
    errors = body.get("errors")
    if errors:
        raise _graphql_error(errors, body)
    data = body.get("data")
    orders = data.get("orders") if isinstance(data, Mapping) else None
    if (
        not isinstance(orders, Mapping)
        or not isinstance(orders.get("edges"), list)
        or not isinstance(orders.get("pageInfo"), Mapping)
    ):
        raise MarketplaceUnavailable(CHANNEL, "malformed answer: no data.orders connection")
    return orders


def _graphql_error(errors: object, body: Mapping[str, Any]) -> Exception:
    codes = []
    for error in errors if isinstance(errors, list) else [errors]:
        extensions = error.get("extensions") if isinstance(error, Mapping) else None
        code = extensions.get("code") if isinstance(extensions, Mapping) else None
        codes.append(str(code) if code else "UNKNOWN")
    if "THROTTLED" in codes:
        return QuotaExceeded(CHANNEL, throttle_wait_s(body))
    if "ACCESS_DENIED" in codes:
        return MarketplaceUnavailable(CHANNEL, "access denied: the app needs the read_orders scope")
    return MarketplaceUnavailable(CHANNEL, f"GraphQL error {', '.join(dict.fromkeys(codes))}")


def throttle_wait_s(body: Mapping[str, Any]) -> float:
    """How long until the bucket holds the query's cost again, from ``extensions.cost.throttleStatus``."""
    extensions = body.get("extensions")
    cost = extensions.get("cost") if isinstance(extensions, Mapping) else None
    status = cost.get("throttleStatus") if isinstance(cost, Mapping) else None
    if not isinstance(cost, Mapping) or not isinstance(status, Mapping):
        return 1.0
    try:
        requested = float(cost["requestedQueryCost"])
        available = float(status["currentlyAvailable"])
        rate = float(status["restoreRate"])
    except (KeyError, TypeError, ValueError):
        return 1.0
    if rate <= 0:
        return 60.0
    return max(1.0, (requested - available) / rate)
