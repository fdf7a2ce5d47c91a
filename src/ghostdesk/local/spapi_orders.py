"""Amazon's Orders API 2026-01-01 rules, as the marketplace simulator applies them.

Pure functions over plain dicts, no HTTP: query validation (every parameter rule the model states),
``includedData`` trimming, searchOrders filtering, sorting and pagination, and shifting a static orders
file to "now". :mod:`ghostdesk.local.spapi_sim` puts them behind a socket. They raise :class:`ApiError`
carrying the HTTP status and the ``ErrorList`` entry Amazon would send.

Rules implemented (from ``orders_2026-01-01.json``):

- searchOrders: exactly one of ``createdAfter`` / ``lastUpdatedAfter``; ``createdBefore`` only with
  ``createdAfter``, ``lastUpdatedBefore`` only with ``lastUpdatedAfter``; a "before" must not precede its
  "after" and must be at least two minutes before the request (it defaults to now minus two minutes and
  is echoed in the response); ``maxResultsPerPage`` 1..100 (default 100); ``marketplaceIds`` at most 50;
  enum values for ``fulfillmentStatuses``, ``fulfilledBy`` and ``includedData``; a ``paginationToken``
  must come from an earlier page of the same search (same parameters, except ``maxResultsPerPage`` and
  ``includedData``) and expires after 24 hours.
- getOrder: ``includedData`` only; an order ID not in 3-7-7 form is a 400, an unknown one a 404.
- Optional blocks appear only when ``includedData`` asks for them, at order and item level alike. As the
  model notes, ``buyer.buyerEmail`` and ``packages`` exist for merchant-fulfilled orders only.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

SEARCH_PATH = "/orders/2026-01-01/orders"
ORDER_PATH_PREFIX = SEARCH_PATH + "/"

FULFILLMENT_STATUSES = frozenset(
    {
        "PENDING_AVAILABILITY",
        "PENDING",
        "UNSHIPPED",
        "PARTIALLY_SHIPPED",
        "SHIPPED",
        "CANCELLED",
        "UNFULFILLABLE",
    }
)
FULFILLED_BY = frozenset({"MERCHANT", "AMAZON"})
INCLUDED_DATA = frozenset(
    {
        "BUYER",
        "RECIPIENT",
        "PROCEEDS",
        "EXPENSE",
        "PROMOTION",
        "CANCELLATION",
        "FULFILLMENT",
        "PACKAGES",
        "TAX",
        "PAYMENT",
        "FULFILLMENT_ORDERS",
    }
)

# Which includedData value discloses which optional block. Everything else is always returned.
ORDER_BLOCKS: Mapping[str, str] = {
    "buyer": "BUYER",
    "recipient": "RECIPIENT",
    "proceeds": "PROCEEDS",
    "payment": "PAYMENT",
    "tax": "TAX",
    "fulfillment": "FULFILLMENT",
    "packages": "PACKAGES",
    "fulfillmentOrders": "FULFILLMENT_ORDERS",
}
ITEM_BLOCKS: Mapping[str, str] = {
    "proceeds": "PROCEEDS",
    "expense": "EXPENSE",
    "promotion": "PROMOTION",
    "cancellation": "CANCELLATION",
    "fulfillment": "FULFILLMENT",
    "tax": "TAX",
}

SEARCH_SCALARS = (
    "createdAfter",
    "createdBefore",
    "lastUpdatedAfter",
    "lastUpdatedBefore",
    "maxResultsPerPage",
)
SEARCH_ARRAYS = ("fulfillmentStatuses", "marketplaceIds", "fulfilledBy", "includedData")
SEARCH_PARAMETERS = frozenset((*SEARCH_SCALARS, *SEARCH_ARRAYS, "paginationToken"))
GET_ORDER_PARAMETERS = frozenset({"includedData"})
# Parameters that may change between the pages of one search; all others must repeat as they were.
PAGE_INDEPENDENT = frozenset({"maxResultsPerPage", "includedData", "paginationToken"})

MAX_RESULTS_PER_PAGE = 100
MAX_MARKETPLACE_IDS = 50
BEFORE_LAG = timedelta(minutes=2)
TOKEN_LIFETIME = timedelta(hours=24)

ORDER_ID = re.compile(r"\d{3}-\d{7}-\d{7}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")
_INTEGER = re.compile(r"[+-]?\d{1,9}")


class ApiError(Exception):
    """An error response: HTTP status plus one ``Error`` of the model's ``ErrorList``."""

    def __init__(self, status: int, code: str, message: str, details: str | None = None) -> None:
        super().__init__(status, code, message, details)
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    def body(self) -> dict[str, Any]:
        error: dict[str, str] = {"code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        return {"errors": [error]}


def invalid_input(message: str, details: str | None = None) -> ApiError:
    return ApiError(400, "InvalidInput", message, details)


@dataclass(frozen=True)
class SearchQuery:
    """A validated searchOrders request."""

    by_update: bool  # True: lastUpdatedAfter/Before; False: createdAfter/Before
    after: datetime
    before: datetime  # the request's "before", or the default (request time minus two minutes)
    fulfillment_statuses: frozenset[str] | None
    marketplace_ids: frozenset[str] | None
    fulfilled_by: frozenset[str] | None
    max_results: int
    included: frozenset[str]
    pagination_token: str | None
    fingerprint: str  # identifies the search across its pages

    @property
    def before_field(self) -> str:
        return "lastUpdatedBefore" if self.by_update else "createdBefore"


def parse_search_query(query: Mapping[str, Sequence[str]], *, now: datetime) -> SearchQuery:
    """Validate searchOrders query parameters (as ``parse_qs`` gives them) or raise :class:`ApiError` 400."""
    _reject_unknown(query, SEARCH_PARAMETERS)
    scalars = {name: _single(query, name) for name in (*SEARCH_SCALARS, "paginationToken")}
    dates = {
        name: _parse_date(name, value)
        for name in ("createdAfter", "createdBefore", "lastUpdatedAfter", "lastUpdatedBefore")
        if (value := scalars[name]) is not None
    }
    created_after, updated_after = dates.get("createdAfter"), dates.get("lastUpdatedAfter")
    if (created_after is None) == (updated_after is None):
        raise invalid_input("Exactly one of createdAfter and lastUpdatedAfter must be provided.")
    by_update = updated_after is not None
    mode, other = ("lastUpdated", "created") if by_update else ("created", "lastUpdated")
    for name in (f"{other}After", f"{other}Before"):
        if name in dates:
            raise invalid_input(f"{name} cannot be combined with {mode}After.", name)
    after = updated_after if by_update else created_after
    assert after is not None
    latest_before = now - BEFORE_LAG
    requested_before = dates.get(f"{mode}Before")
    if requested_before is not None:
        if requested_before < after:
            raise invalid_input(f"{mode}Before must be equal to or after {mode}After.", f"{mode}Before")
        if requested_before > latest_before:
            raise invalid_input(
                f"{mode}Before must be at least two minutes before the time of the request.", f"{mode}Before"
            )
        before = requested_before
    else:
        if after > latest_before:
            raise invalid_input(
                f"{mode}After must be at least two minutes before the time of the request.", f"{mode}After"
            )
        before = latest_before

    max_results = MAX_RESULTS_PER_PAGE
    if scalars["maxResultsPerPage"] is not None:
        raw = scalars["maxResultsPerPage"]
        if not _INTEGER.fullmatch(raw) or not 1 <= int(raw) <= MAX_RESULTS_PER_PAGE:
            raise invalid_input(
                f"maxResultsPerPage must be an integer between 1 and {MAX_RESULTS_PER_PAGE}.",
                "maxResultsPerPage",
            )
        max_results = int(raw)

    statuses = _enum_list(query, "fulfillmentStatuses", FULFILLMENT_STATUSES)
    fulfilled_by = _enum_list(query, "fulfilledBy", FULFILLED_BY)
    marketplace_ids = _csv(query, "marketplaceIds")
    if marketplace_ids is not None and len(marketplace_ids) > MAX_MARKETPLACE_IDS:
        raise invalid_input(f"marketplaceIds accepts at most {MAX_MARKETPLACE_IDS} values.", "marketplaceIds")
    included = _enum_list(query, "includedData", INCLUDED_DATA) or frozenset()

    return SearchQuery(
        by_update=by_update,
        after=after,
        before=before,
        fulfillment_statuses=statuses,
        marketplace_ids=frozenset(marketplace_ids) if marketplace_ids is not None else None,
        fulfilled_by=fulfilled_by,
        max_results=max_results,
        included=included,
        pagination_token=scalars["paginationToken"],
        fingerprint=_fingerprint(query),
    )


def parse_get_order(order_id: str, query: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """Validate a getOrder request; returns the includedData set."""
    _reject_unknown(query, GET_ORDER_PARAMETERS)
    if not ORDER_ID.fullmatch(order_id):
        raise invalid_input("Invalid orderId: an Amazon order ID has the form 3-7-7 digits.", "orderId")
    return _enum_list(query, "includedData", INCLUDED_DATA) or frozenset()


def project_order(order: Mapping[str, Any], included: Iterable[str]) -> dict[str, Any]:
    """The order as Amazon returns it for this includedData: optional blocks only when asked for.

    The buyer's email (the relay alias) and the packages are merchant-fulfilled facts: Amazon leaves them
    out of Amazon-fulfilled orders whatever was asked, and so does this.
    """
    wanted = frozenset(included)
    result = {
        key: copy.deepcopy(value)
        for key, value in order.items()
        if key not in ORDER_BLOCKS or ORDER_BLOCKS[key] in wanted
    }
    items = result.get("orderItems")
    if isinstance(items, list):
        result["orderItems"] = [
            {k: v for k, v in item.items() if k not in ITEM_BLOCKS or ITEM_BLOCKS[k] in wanted}
            if isinstance(item, dict)
            else item
            for item in items
        ]
    if _fulfilled_by(order) == "AMAZON":
        result.pop("packages", None)
        buyer = result.get("buyer")
        if isinstance(buyer, dict):
            buyer.pop("buyerEmail", None)
    return result


@dataclass(frozen=True)
class SearchPage:
    orders: list[dict[str, Any]]
    next_token: str | None
    before_field: str
    before: datetime

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"orders": self.orders}
        if self.next_token:
            body["pagination"] = {"nextToken": self.next_token}
        body[self.before_field] = format_date(self.before)
        return body


@dataclass
class Paginator:
    """Issues and checks opaque page tokens: keyset cursors signed with a per-simulator secret."""

    secret: bytes

    def search(self, orders: Sequence[Mapping[str, Any]], query: SearchQuery, *, now: datetime) -> SearchPage:
        """One page of results, sorted by (time, orderId) ascending so pages never overlap or skip."""
        before = query.before
        cursor: tuple[str, str] | None = None
        if query.pagination_token is not None:
            state = self._open(query.pagination_token, now=now)
            if state["f"] != query.fingerprint:
                raise invalid_input(
                    "paginationToken does not belong to this search: repeat every parameter of the first "
                    "request except maxResultsPerPage and includedData.",
                    "paginationToken",
                )
            before = parse_date(state["b"])
            cursor = (state["k"][0], state["k"][1])
        time_field = "lastUpdatedTime" if query.by_update else "createdTime"
        matches: list[tuple[tuple[str, str], Mapping[str, Any]]] = []
        for order in orders:
            stamp = parse_date(order[time_field])
            if not query.after <= stamp <= before or not _matches(order, query):
                continue
            key = (format_date(stamp, micro=True), str(order["orderId"]))
            if cursor is None or key > cursor:
                matches.append((key, order))
        matches.sort(key=lambda pair: pair[0])
        page = matches[: query.max_results]
        token = None
        if len(matches) > query.max_results:
            last_key = page[-1][0]
            token = self._issue(
                {"f": query.fingerprint, "b": format_date(before, micro=True), "k": list(last_key)}, now
            )
        return SearchPage(
            orders=[project_order(order, query.included) for _, order in page],
            next_token=token,
            before_field=query.before_field,
            before=before,
        )

    def _issue(self, state: dict[str, Any], now: datetime) -> str:
        state = {**state, "t": int(now.timestamp())}
        payload = json.dumps(state, separators=(",", ":"), sort_keys=True).encode()
        mac = hmac.new(self.secret, payload, hashlib.sha256).digest()[:16]
        return base64.urlsafe_b64encode(mac + payload).decode().rstrip("=")

    def _open(self, token: str, *, now: datetime) -> dict[str, Any]:
        bad = invalid_input("Invalid paginationToken.", "paginationToken")
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            raise bad from None
        mac, payload = raw[:16], raw[16:]
        if len(raw) <= 16 or not hmac.compare_digest(
            mac, hmac.new(self.secret, payload, hashlib.sha256).digest()[:16]
        ):
            raise bad
        state: dict[str, Any] = json.loads(payload)
        if now - datetime.fromtimestamp(state["t"], UTC) > TOKEN_LIFETIME:
            raise invalid_input("paginationToken has expired; start the search again.", "paginationToken")
        return state


def rebase_orders(
    orders: Sequence[Mapping[str, Any]], *, now: datetime, newest_age: timedelta
) -> list[dict[str, Any]]:
    """Copies of the orders with every date-time shifted by one offset, so the newest ``createdTime``
    is ``newest_age`` before ``now``. Relative ages (2 days, 12 days, ...) and the order of events inside
    each order stay exactly as written; only the calendar moves."""
    if not orders:
        return []
    newest = max(parse_date(order["createdTime"]) for order in orders)
    shift = (now - newest_age) - newest
    shift = timedelta(seconds=round(shift.total_seconds()))  # whole seconds, as Amazon writes times
    return [_shift(dict(order), shift) for order in orders]


def parse_date(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_date(value: datetime, *, micro: bool = False) -> str:
    value = value.astimezone(UTC)
    if micro:
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _shift(value: Any, shift: timedelta) -> Any:
    if isinstance(value, dict):
        return {k: _shift(v, shift) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, shift) for v in value]
    if isinstance(value, str) and _DATE_TIME.fullmatch(value):
        shifted = parse_date(value) + shift
        return format_date(shifted, micro=shifted.microsecond != 0)
    return value


def _matches(order: Mapping[str, Any], query: SearchQuery) -> bool:
    fulfillment = order.get("fulfillment") if isinstance(order.get("fulfillment"), Mapping) else {}
    assert isinstance(fulfillment, Mapping)
    if (
        query.fulfillment_statuses is not None
        and fulfillment.get("fulfillmentStatus") not in query.fulfillment_statuses
    ):
        return False
    if query.fulfilled_by is not None and fulfillment.get("fulfilledBy") not in query.fulfilled_by:
        return False
    if query.marketplace_ids is not None:
        channel = order.get("salesChannel")
        marketplace_id = channel.get("marketplaceId") if isinstance(channel, Mapping) else None
        if marketplace_id not in query.marketplace_ids:
            return False
    return True


def _fulfilled_by(order: Mapping[str, Any]) -> str | None:
    fulfillment = order.get("fulfillment")
    value = fulfillment.get("fulfilledBy") if isinstance(fulfillment, Mapping) else None
    return value if isinstance(value, str) else None


def _reject_unknown(query: Mapping[str, Sequence[str]], known: frozenset[str]) -> None:
    for name in query:
        if name not in known:
            raise invalid_input(f"Unknown query parameter: {name}.", name)


def _single(query: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = query.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise invalid_input(f"{name} may be given only once.", name)
    return values[0]


def _parse_date(name: str, value: str) -> datetime:
    if not _DATE_TIME.fullmatch(value):
        raise invalid_input(f"{name} must be an ISO 8601 date-time, for example 2025-01-01T00:00:00Z.", name)
    try:
        return parse_date(value)
    except ValueError:
        raise invalid_input(f"{name} is not a valid date-time.", name) from None


def _csv(query: Mapping[str, Sequence[str]], name: str) -> list[str] | None:
    """An array parameter, sent comma-separated (Swagger's default ``csv``) or repeated."""
    values = query.get(name)
    if values is None:
        return None
    items = [item.strip() for value in values for item in value.split(",")]
    if not items or any(not item for item in items):
        raise invalid_input(f"{name} must be a comma-separated list of non-empty values.", name)
    return items


def _enum_list(
    query: Mapping[str, Sequence[str]], name: str, allowed: frozenset[str]
) -> frozenset[str] | None:
    items = _csv(query, name)
    if items is None:
        return None
    for item in items:
        if item not in allowed:
            raise invalid_input(
                f"{name} has an invalid value {item!r}; allowed: {', '.join(sorted(allowed))}.", name
            )
    return frozenset(items)


def _fingerprint(query: Mapping[str, Sequence[str]]) -> str:
    """The search a page belongs to: every parameter except those allowed to change between pages."""
    canonical = sorted(
        (name, sorted(item.strip() for value in values for item in value.split(",")))
        for name, values in query.items()
        if name not in PAGE_INDEPENDENT
    )
    return hashlib.sha256(json.dumps(canonical).encode()).hexdigest()[:32]
