"""A local Shopify, eBay and Walmart: each channel's auth and orders endpoints on the real wire shapes.

The local stack starts one simulator per channel its orders file lists (``"shopify"``, ``"ebay"``,
``"walmart"``, each in that API's own order shape), puts the simulators' credentials into the
``ChannelsSecret`` and points the connectors at them (``GHOSTDESK_SHOPIFY_ENDPOINT``, ...). The very
connector code that talks to the real APIs talks to these:

- :class:`ShopifySimulator` - ``POST /admin/api/{version}/graphql.json`` with
  ``X-Shopify-Access-Token``; answers ``orders(first:, after:, query:, sortKey:, reverse:)`` with the
  fields the query selected, evaluates Shopify's search syntax, pages with cursors, reports
  ``extensions.cost`` and (when ``enforce_cost``) throttles with ``THROTTLED`` like the real bucket.
- :class:`EbaySimulator` - the OAuth refresh-token grant at ``/identity/v1/oauth2/token`` (HTTP Basic
  client auth) and ``GET /sell/fulfillment/v1/order`` with ``filter`` (``creationdate``,
  ``lastmodifieddate``, ``orderfulfillmentstatus`` and their error IDs), ``limit``/``offset`` paging and
  ``orderIds``.
- :class:`WalmartSimulator` - ``POST /v3/token`` (client credentials, Basic auth, ``WM_SVC.NAME`` and
  ``WM_QOS.CORRELATION_ID`` required) and ``GET /v3/orders`` with ``WM_SEC.ACCESS_TOKEN``,
  ``customerOrderId``/``purchaseOrderId``/``createdStartDate`` filters, ``nextCursor`` paging and the
  404 ``CONTENT_NOT_FOUND`` answer for no orders.

Like :mod:`ghostdesk.local.spapi_sim` they can misbehave for tests (``fail_next``, ``latency_s``,
``revoke_tokens``) and keep every exchange in ``requests``. Run them alone with
``python -m ghostdesk.local.channel_sims --orders demo/orders.json``.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import copy
import json
import logging
import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlencode, urlsplit

from ghostdesk.local.http_service import HttpService
from ghostdesk.local.shopify_graphql import (
    SUPPORTED_FIELDS,
    GraphQLError,
    SearchSyntaxError,
    parse_query,
    parse_search,
    project,
    query_cost,
    search_fields,
    search_matches,
)
from ghostdesk.orders.channels import ebay, shopify, walmart
from ghostdesk.orders.channels.config import ENDPOINT_VARIABLES
from ghostdesk.orders.channels.fields import format_date_time, is_date_time, parse_date_time
from ghostdesk.orders.channels.formats import CHANNEL_NAMES, channel_orders_problem

log = logging.getLogger(__name__)

#: Walmart's timestamps are epoch milliseconds under these keys (everything else is ISO 8601 text).
WALMART_EPOCH_KEYS = frozenset(
    {
        "orderDate",
        "statusDate",
        "estimatedDeliveryDate",
        "estimatedShipDate",
        "shipDateTime",
        "pickUpDateTime",
    }
)


@dataclass(frozen=True)
class ChannelRequest:
    """One exchange as a simulator saw it (secrets in headers and forms masked)."""

    operation: str  # "graphql", "token", "getOrders", "orders" or "unknown"
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: Any  # the parsed JSON or form of the request, or None
    status: int
    response_headers: dict[str, str]
    response_body: Any


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any  # JSON-serialisable, or bytes sent verbatim as text/html
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class _Fault:
    status: int
    remaining: int
    operation: str | None
    body: bytes | None


@dataclass(frozen=True)
class Incoming:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    raw_body: bytes

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def json(self) -> Any:
        return json.loads(self.raw_body.decode("utf-8"))

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.raw_body.decode("utf-8", "replace")).items()}

    def basic_auth(self) -> tuple[str, str] | None:
        header = self.headers.get("authorization", "")
        if not header.lower().startswith("basic "):
            return None
        try:
            user, _, password = base64.b64decode(header[6:].strip(), validate=True).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return None
        return user, password


def shift_times(value: Any, shift: timedelta, *, epoch_keys: frozenset[str] = frozenset()) -> Any:
    """A copy of ``value`` with every ISO 8601 date-time string and every epoch-milliseconds value under
    ``epoch_keys`` moved by ``shift`` (the demo's orders keep their ages whenever the stack starts)."""
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if key in epoch_keys and isinstance(item, int) and not isinstance(item, bool):
                out[key] = item + int(shift.total_seconds() * 1000)
            else:
                out[key] = shift_times(item, shift, epoch_keys=epoch_keys)
        return out
    if isinstance(value, list):
        return [shift_times(item, shift, epoch_keys=epoch_keys) for item in value]
    if is_date_time(value):
        moved = parse_date_time(value, "date-time") + shift
        return format_date_time(moved, millis="." in value)
    return value


class ChannelSimulator:
    """The HTTP plumbing every channel simulator shares; subclasses answer their API's requests."""

    channel: ClassVar[str]
    epoch_keys: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self,
        orders: Sequence[Mapping[str, Any]] = (),
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        shift: timedelta = timedelta(0),
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._http = HttpService(host, port, name=f"{self.channel} simulator")
        self._shift = shift
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._orders: list[dict[str, Any]] = []
        self._faults: list[_Fault] = []
        self._requests: list[ChannelRequest] = []
        self._tokens: dict[str, datetime] = {}
        self.latency_s = 0.0
        # Asked before every answer (ghostdesk.local.faults): (status, delay_s) or None.
        self.fault_hook: Callable[[str], tuple[int, float] | None] | None = None
        self.set_orders(orders)

    # --- lifecycle -------------------------------------------------------------------------------
    def start(self) -> ChannelSimulator:
        self._http.start(_handler_for(self))
        return self

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> ChannelSimulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The base URL the connector's endpoint override takes."""
        return self._http.url

    @property
    def endpoint_variable(self) -> str:
        return ENDPOINT_VARIABLES[self.channel]

    @property
    def credentials(self) -> dict[str, str]:
        """This channel's block of the channels secret, accepted by this simulator."""
        raise NotImplementedError

    # --- orders ----------------------------------------------------------------------------------
    def set_orders(self, orders: Sequence[Mapping[str, Any]]) -> None:
        """Serve these orders (checked like an orders file's list, then shifted) from now on."""
        problem = channel_orders_problem(self.channel, list(orders))
        if problem:
            raise ValueError(f"simulator orders: {problem}")
        served = [
            shift_times(copy.deepcopy(dict(o)), self._shift, epoch_keys=self.epoch_keys) for o in orders
        ]
        with self._lock:
            self._orders = served

    @property
    def orders(self) -> list[dict[str, Any]]:
        with self._lock:
            return copy.deepcopy(self._orders)

    # --- test controls ---------------------------------------------------------------------------
    def fail_next(
        self, status: int, times: int = 1, *, operation: str | None = None, body: bytes | None = None
    ) -> None:
        """Answer the next ``times`` requests (of ``operation``, any when None) with ``status`` in the
        API's own error shape, or with ``body`` verbatim as text/html (a proxy in front of the API)."""
        with self._lock:
            self._faults.append(_Fault(status, times, operation, body))

    def revoke_tokens(self) -> None:
        """Forget every issued access token, as if they had expired."""
        with self._lock:
            self._tokens.clear()

    @property
    def requests(self) -> list[ChannelRequest]:
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    # --- for subclasses --------------------------------------------------------------------------
    def route(self, method: str, path: str) -> str:
        raise NotImplementedError

    def answer(self, operation: str, request: Incoming) -> Reply:
        raise NotImplementedError

    def fault_reply(self, status: int, operation: str) -> Reply:
        raise NotImplementedError

    def issue_token(self, prefix: str, ttl_s: int) -> str:
        token = prefix + secrets.token_urlsafe(32)
        with self._lock:
            now = self._clock()
            self._tokens = {t: exp for t, exp in self._tokens.items() if exp > now}
            self._tokens[token] = now + timedelta(seconds=ttl_s)
        return token

    def token_valid(self, token: str | None) -> bool:
        if not token:
            return False
        with self._lock:
            expiry = self._tokens.get(token)
        return expiry is not None and expiry > self._clock()

    def now(self) -> datetime:
        return self._clock()

    # --- plumbing --------------------------------------------------------------------------------
    def _take_fault(self, operation: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.operation in (None, operation):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _injected_fault(self, operation: str) -> _Fault | None:
        hook = self.fault_hook
        injected = hook(operation) if hook is not None else None
        if injected is None:
            return None
        status, delay_s = injected
        if delay_s > 0:
            time.sleep(delay_s)
        return _Fault(status, 1, operation, None) if status else None

    def _record(self, entry: ChannelRequest) -> None:
        with self._lock:
            self._requests.append(entry)

    def _serve(self, request: Incoming) -> tuple[str, Reply]:
        operation = self.route(request.method, request.path)
        if self.latency_s > 0:
            time.sleep(self.latency_s)
        fault = self._take_fault(operation) or self._injected_fault(operation)
        if fault is not None:
            return operation, (
                Reply(fault.status, fault.body)
                if fault.body is not None
                else self.fault_reply(fault.status, operation)
            )
        try:
            return operation, self.answer(operation, request)
        except Exception:  # a bug or bad data: answer as the API does, and keep serving
            log.exception("%s simulator failed on %s %s", self.channel, request.method, request.path)
            return operation, self.fault_reply(500, operation)


_MASKED_HEADERS = frozenset({"authorization", "x-shopify-access-token", "wm_sec.access_token"})
_MASKED_FORM = frozenset({"client_secret", "refresh_token"})


def _handler_for(sim: ChannelSimulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def version_string(self) -> str:
            return "Server"

        def log_message(self, format: str, *args: Any) -> None:
            """Silent: the log is ``sim.requests``, and buyers' data stays out of logs."""

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def do_PUT(self) -> None:
            self._handle("PUT")

        def do_DELETE(self) -> None:
            self._handle("DELETE")

        def _handle(self, method: str) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("content-length") or 0)
            request = Incoming(
                method=method,
                path=parts.path,
                query=parse_qs(parts.query, keep_blank_values=True),
                headers={k.lower(): v for k, v in self.headers.items()},
                raw_body=self.rfile.read(length) if length > 0 else b"",
            )
            operation, reply = sim._serve(request)
            headers = {"X-Request-Id": str(uuid.uuid4()), **reply.headers}
            if isinstance(reply.body, bytes):
                data, recorded, content_type = reply.body, reply.body.decode("utf-8", "replace"), "text/html"
            else:
                data, recorded, content_type = json.dumps(reply.body).encode(), reply.body, "application/json"
            headers["Content-Type"] = content_type
            sim._record(
                ChannelRequest(
                    operation=operation,
                    method=method,
                    path=request.path,
                    query=request.query,
                    headers={k: ("***" if k in _MASKED_HEADERS else v) for k, v in request.headers.items()},
                    body=_recorded_body(request),
                    status=reply.status,
                    response_headers=headers,
                    response_body=recorded,
                )
            )
            self.close_connection = True
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                self.send_response(reply.status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

    return Handler


def _recorded_body(request: Incoming) -> Any:
    if not request.raw_body:
        return None
    if "json" in request.headers.get("content-type", ""):
        with contextlib.suppress(ValueError):
            return request.json()
    if "x-www-form-urlencoded" in request.headers.get("content-type", ""):
        return {k: ("***" if k in _MASKED_FORM else v) for k, v in request.form().items()}
    return None


# --- Shopify -------------------------------------------------------------------------------------------

MAX_QUERY_COST = 1000  # Shopify refuses a single query whose requested cost exceeds this
_SHOPIFY_GRAPHQL = re.compile(r"/admin/api/(\d{4}-\d{2}|unstable)/graphql\.json")
SHOPIFY_INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)"  # noqa: S105


class ShopifySimulator(ChannelSimulator):
    """The Admin GraphQL API of one shop, answering ``orders`` queries.

    With ``enforce_cost`` the calculated-cost bucket (``maximum_available`` points, refilled at
    ``restore_rate`` per second) is enforced: a query costing more than is left gets ``THROTTLED``.
    ``throttle_next(n)`` throttles the next ``n`` queries regardless.
    """

    channel = shopify.CHANNEL

    def __init__(
        self,
        orders: Sequence[Mapping[str, Any]] = (),
        *,
        shop: str = "ghostdesk-demo",
        access_token: str = "shpat_ghostdesk_local_0123456789abcdef",  # noqa: S107 - the simulator's fake
        enforce_cost: bool = False,
        maximum_available: float = 2000.0,
        restore_rate: float = 100.0,
        **options: Any,
    ) -> None:
        super().__init__(orders, **options)
        self.shop = shop
        self.access_token = access_token
        self.enforce_cost = enforce_cost
        self.maximum_available = maximum_available
        self.restore_rate = restore_rate
        self._available = maximum_available
        self._refilled_at = time.monotonic()
        self._throttle = 0

    @property
    def credentials(self) -> dict[str, str]:
        return {"shop": self.shop, "access_token": self.access_token}

    def throttle_next(self, times: int = 1) -> None:
        with self._lock:
            self._throttle += times

    def route(self, method: str, path: str) -> str:
        return "graphql" if method == "POST" and _SHOPIFY_GRAPHQL.fullmatch(path) else "unknown"

    def fault_reply(self, status: int, operation: str) -> Reply:  # noqa: ARG002 - one API answers all
        if status == 429:
            return Reply(
                429,
                {
                    "errors": "Exceeded 2 calls per second for api client. "
                    "Reduce request rates to resume uninterrupted service."
                },
                {"Retry-After": "2.0"},
            )
        if status == 401:
            return Reply(401, {"errors": SHOPIFY_INVALID_TOKEN})
        if status == 403:
            return Reply(
                403, {"errors": "[API] This action requires merchant approval for read_orders scope."}
            )
        if status >= 500:
            return Reply(status, {"errors": "Internal Server Error"})
        return Reply(status, {"errors": "Bad Request"})

    def answer(self, operation: str, request: Incoming) -> Reply:
        if operation == "unknown":
            return Reply(404, {"errors": "Not Found"})
        if request.headers.get("x-shopify-access-token") != self.access_token:
            return Reply(401, {"errors": SHOPIFY_INVALID_TOKEN})
        try:
            payload = request.json()
        except (ValueError, UnicodeDecodeError):
            payload = None
        if not isinstance(payload, Mapping) or not isinstance(payload.get("query"), str):
            return Reply(400, {"errors": {"query": "Required parameter missing or invalid"}})
        variables = payload.get("variables") or {}
        try:
            fields = parse_query(payload["query"], variables if isinstance(variables, Mapping) else {})
            return self._execute(fields)
        except GraphQLError as error:
            return Reply(200, {"errors": [{"message": str(error), "extensions": {"code": error.code}}]})

    def _execute(self, fields: Sequence[Any]) -> Reply:
        data: dict[str, Any] = {}
        page_sizes: dict[str, int] = {}
        warnings: list[dict[str, Any]] = []
        for selected in fields:
            if selected.name != "orders":
                raise GraphQLError(
                    f"Field '{selected.name}' doesn't exist on type 'QueryRoot'", "undefinedField"
                )
            connection, search_warnings = self._orders_connection(selected.arguments)
            page_sizes[selected.key] = len(connection["nodes"])
            warnings += search_warnings
            data[selected.key] = project(connection, selected.selections)
        requested = query_cost(fields)
        if requested > MAX_QUERY_COST:
            raise GraphQLError(
                f"Query cost is {requested}, which exceeds the single query max cost limit "
                f"({MAX_QUERY_COST}).",
                "MAX_COST_EXCEEDED",
            )
        throttled, status = self._spend(requested, query_cost(fields, page_sizes))
        cost: dict[str, Any] = {
            "requestedQueryCost": requested,
            "actualQueryCost": None,
            "throttleStatus": status,
        }
        if throttled:
            return Reply(
                200,
                {
                    "errors": [
                        {
                            "message": "Throttled",
                            "extensions": {
                                "code": "THROTTLED",
                                "documentation": "https://shopify.dev/api/usage/rate-limits",
                            },
                        }
                    ],
                    "extensions": {"cost": cost},
                },
            )
        cost["actualQueryCost"] = query_cost(fields, page_sizes)
        extensions: dict[str, Any] = {"cost": cost}
        if warnings:
            extensions["search"] = warnings
        return Reply(200, {"data": data, "extensions": extensions})

    def _orders_connection(self, arguments: Mapping[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        first = arguments.get("first")
        if arguments.get("last") is not None or arguments.get("before") is not None:
            raise GraphQLError("the local Shopify pages forward only (first/after)", "BAD_REQUEST")
        if not isinstance(first, int):
            raise GraphQLError("you must provide one of first or last", "BAD_REQUEST")
        if not 0 <= first <= shopify.MAX_PAGE_SIZE:
            raise GraphQLError(
                f"The first argument must be between 0 and {shopify.MAX_PAGE_SIZE}", "MAX_COST_EXCEEDED"
            )
        text = arguments.get("query") or ""
        try:
            search = parse_search(str(text))
        except SearchSyntaxError as error:
            raise GraphQLError(f"Invalid search query: {error}", "BAD_REQUEST") from error
        unknown = sorted(search_fields(search) - SUPPORTED_FIELDS)
        warnings = (
            [
                {
                    "path": ["orders"],
                    "query": text,
                    "warnings": [
                        {"field": f, "message": "Invalid search field for this query."} for f in unknown
                    ],
                }
            ]
            if unknown
            else []
        )
        orders = [o for o in self.orders if search_matches(search, o)]
        sort_key = str(arguments.get("sortKey") or "ID")
        sorters: dict[str, Callable[[Mapping[str, Any]], Any]] = {
            "ID": lambda o: int(str(o["id"]).rsplit("/", 1)[-1]),
            "CREATED_AT": lambda o: parse_date_time(o["createdAt"], "createdAt"),
            "UPDATED_AT": lambda o: parse_date_time(o.get("updatedAt") or o["createdAt"], "updatedAt"),
            "ORDER_NUMBER": lambda o: str(o.get("name") or ""),
        }
        if sort_key not in sorters:
            raise GraphQLError(f"the local Shopify cannot sort by {sort_key}", "BAD_REQUEST")
        orders.sort(key=sorters[sort_key], reverse=bool(arguments.get("reverse")))
        start = _decode_cursor(arguments.get("after")) + 1 if arguments.get("after") else 0
        page = orders[start : start + first]
        cursors = [_encode_cursor(start + i) for i in range(len(page))]
        connection = {
            "edges": [{"cursor": c, "node": o} for c, o in zip(cursors, page, strict=True)],
            "nodes": page,
            "pageInfo": {
                "hasNextPage": start + first < len(orders),
                "hasPreviousPage": start > 0,
                "startCursor": cursors[0] if cursors else None,
                "endCursor": cursors[-1] if cursors else None,
            },
        }
        return connection, warnings

    def _spend(self, requested: int, actual: int) -> tuple[bool, dict[str, float]]:
        with self._lock:
            now = time.monotonic()
            self._available = min(
                self.maximum_available, self._available + (now - self._refilled_at) * self.restore_rate
            )
            self._refilled_at = now
            throttled = self._throttle > 0 or (self.enforce_cost and requested > self._available)
            if self._throttle > 0:
                self._throttle -= 1
            if not throttled and self.enforce_cost:
                self._available -= actual
            status = {
                "maximumAvailable": self.maximum_available,
                "currentlyAvailable": round(self._available, 1),
                "restoreRate": self.restore_rate,
            }
        return throttled, status


def _encode_cursor(index: int) -> str:
    return base64.b64encode(json.dumps({"last_index": index}).encode()).decode()


def _decode_cursor(cursor: object) -> int:
    try:
        index = json.loads(base64.b64decode(str(cursor), validate=True))["last_index"]
    except (ValueError, KeyError, TypeError) as exc:
        raise GraphQLError("Invalid cursor for current pagination sort.", "BAD_REQUEST") from exc
    if not isinstance(index, int) or index < 0:
        raise GraphQLError("Invalid cursor for current pagination sort.", "BAD_REQUEST")
    return index


# --- eBay ----------------------------------------------------------------------------------------------

EBAY_FILTER_WINDOW = timedelta(days=90)
EBAY_SCOPES = frozenset(
    {
        "https://api.ebay.com/oauth/api_scope/sell.fulfillment",
        "https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly",
    }
)
_EBAY_DATE_RANGE = re.compile(r"\[([^\]]*?)\.\.([^\]]*)\]")
_EBAY_STATUS_FILTERS = {
    frozenset({"NOT_STARTED", "IN_PROGRESS"}),
    frozenset({"FULFILLED", "IN_PROGRESS"}),
}


def ebay_error(
    error_id: int, message: str, *, category: str = "REQUEST", domain: str = "API_FULFILLMENT"
) -> dict[str, Any]:
    return {"errorId": error_id, "domain": domain, "category": category, "message": message}


class _EbayRequestError(Exception):
    def __init__(self, status: int, error: dict[str, Any]) -> None:
        super().__init__(error["message"])
        self.status = status
        self.error = error


class EbaySimulator(ChannelSimulator):
    """eBay's OAuth token endpoint and the Sell Fulfillment API's ``getOrders`` for one seller."""

    channel = ebay.CHANNEL

    def __init__(
        self,
        orders: Sequence[Mapping[str, Any]] = (),
        *,
        client_id: str = "GhostDes-local-PRD-0a1b2c3d4-5e6f7a8b",
        client_secret: str = "PRD-ghostdesk-local-secret-0123",  # noqa: S107 - the simulator's fake
        refresh_token: str = "v^1.1#i^1#r^1#ghostdesk-local-refresh",  # noqa: S107 - the simulator's fake
        token_ttl_s: int = 7200,
        **options: Any,
    ) -> None:
        super().__init__(orders, **options)
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token = refresh_token
        self.token_ttl_s = token_ttl_s

    @property
    def credentials(self) -> dict[str, str]:
        return {
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "refresh_token": self.refresh_token,
        }

    def route(self, method: str, path: str) -> str:
        if method == "POST" and path == ebay.TOKEN_PATH:
            return "token"
        if method == "GET" and path == ebay.ORDERS_PATH:
            return "getOrders"
        return "unknown"

    def fault_reply(self, status: int, operation: str) -> Reply:
        if operation == "token":
            if status >= 500:
                return Reply(status, {"error": "server_error", "error_description": "internal error"})
            return Reply(status, {"error": "invalid_request", "error_description": "request refused"})
        if status == 429:
            return Reply(
                429,
                {
                    "errors": [
                        ebay_error(
                            2001,
                            "Too many requests. The request limit has been reached for the resource.",
                            domain="ACCESS",
                        )
                    ]
                },
            )
        if status == 401:
            return Reply(401, {"errors": [_invalid_token()]})
        if status >= 500:
            return Reply(status, {"errors": [ebay_error(30500, "System error", category="APPLICATION")]})
        return Reply(status, {"errors": [ebay_error(30800, "Invalid request")]})

    def answer(self, operation: str, request: Incoming) -> Reply:
        if operation == "token":
            return self._token(request)
        if operation == "unknown":
            return Reply(404, {"errors": [ebay_error(2002, "Resource not found", domain="API_FULFILLMENT")]})
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else None
        if not self.token_valid(token):
            return Reply(401, {"errors": [_invalid_token()]})
        try:
            return Reply(200, self._get_orders(request))
        except _EbayRequestError as error:
            return Reply(error.status, {"errors": [error.error]})

    def _token(self, request: Incoming) -> Reply:
        client = request.basic_auth()
        if client is None or not (
            secrets.compare_digest(client[0], self.client_id)
            and secrets.compare_digest(client[1], self.client_secret)
        ):
            return Reply(
                401, {"error": "invalid_client", "error_description": "client authentication failed"}
            )
        form = request.form()
        if form.get("grant_type") != "refresh_token":
            return Reply(
                400,
                {
                    "error": "unsupported_grant_type",
                    "error_description": "grant type in request is not supported by the authorization server",
                },
            )
        if not secrets.compare_digest(form.get("refresh_token", ""), self.refresh_token):
            return Reply(
                400,
                {
                    "error": "invalid_grant",
                    "error_description": "the provided authorization refresh token is invalid "
                    "or was issued to another client",
                },
            )
        scopes = set((form.get("scope") or "").split())
        if scopes and not scopes <= EBAY_SCOPES:
            return Reply(
                400,
                {
                    "error": "invalid_scope",
                    "error_description": "The requested scope is invalid, unknown, malformed, or exceeds "
                    "the scope granted to the client",
                },
            )
        token = self.issue_token("v^1.1#i^1#p^3#f^0#I^3#r^0#t^", self.token_ttl_s)
        return Reply(
            200, {"access_token": token, "expires_in": self.token_ttl_s, "token_type": "User Access Token"}
        )

    def _get_orders(self, request: Incoming) -> dict[str, Any]:
        now = self.now()
        orders = sorted(self.orders, key=lambda o: o["creationDate"], reverse=True)
        href = f"{self.url}{ebay.ORDERS_PATH}" + (
            f"?{urlencode({k: v[0] for k, v in request.query.items()})}" if request.query else ""
        )
        ids_param = request.param("orderIds")
        if ids_param is not None:
            ids = [i.strip() for i in ids_param.split(",") if i.strip()]
            if len(ids) > ebay.MAX_ORDER_IDS:
                raise _EbayRequestError(
                    400,
                    ebay_error(
                        30900,
                        f"Exceeded maximum number of order IDs (the current limit is {ebay.MAX_ORDER_IDS})",
                    ),
                )
            malformed = [i for i in ids if not ebay.looks_like_order_id(i)]
            if malformed:
                raise _EbayRequestError(400, ebay_error(32100, f"Invalid order ID: {malformed[0]}"))
            found = [o for i in ids for o in orders if i in (o["orderId"], o.get("legacyOrderId"))]
            body: dict[str, Any] = {"href": href, "total": len(found), "orders": found}
            missing = [i for i in ids if not any(i in (o["orderId"], o.get("legacyOrderId")) for o in found)]
            if missing:
                body["warnings"] = [ebay_error(32100, f"Invalid order ID: {i}") for i in missing]
            return body
        limit = _int_param(request.param("limit"), default=50, low=1, high=1000, error=31100, what="limit")
        offset = _int_param(request.param("offset"), default=0, low=0, high=None, error=31000, what="offset")
        selected = [o for o in orders if _ebay_filter(request.param("filter"), now)(o)]
        page = selected[offset : offset + limit]
        body = {"href": href, "total": len(selected), "limit": limit, "offset": offset, "orders": page}
        base = {k: v[0] for k, v in request.query.items() if k not in ("offset", "limit")}

        def link(to: int) -> str:
            return f"{self.url}{ebay.ORDERS_PATH}?{urlencode({**base, 'limit': limit, 'offset': to})}"

        if offset + limit < len(selected):
            body["next"] = link(offset + limit)
        if offset > 0:
            body["prev"] = link(max(0, offset - limit))
        return body


def _invalid_token() -> dict[str, Any]:
    return {
        "errorId": 1001,
        "domain": "OAuth",
        "category": "REQUEST",
        "message": "Invalid access token",
        "longMessage": "Invalid access token. Check the value of the Authorization HTTP request header.",
    }


def _int_param(value: str | None, *, default: int, low: int, high: int | None, error: int, what: str) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if number < low or (high is not None and number > high):
        raise _EbayRequestError(400, ebay_error(error, f"Invalid {what}: {value}"))
    return number


def _ebay_filter(text: str | None, now: datetime) -> Callable[[Mapping[str, Any]], bool]:
    """getOrders' ``filter`` as a predicate; eBay's error IDs for what it refuses."""
    criteria: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        name, colon, value = part.strip().partition(":")
        if not colon or name not in ("creationdate", "lastmodifieddate", "orderfulfillmentstatus"):
            raise _EbayRequestError(400, ebay_error(30700, f"Invalid filter name: {name}"))
        criteria[name] = value.strip()
    window_start = now - EBAY_FILTER_WINDOW
    date_field, date_key = (
        ("creationdate", "creationDate")
        if "creationdate" in criteria
        else ("lastmodifieddate", "lastModifiedDate")
    )
    start, end = window_start, None
    if date_field in criteria:
        match = _EBAY_DATE_RANGE.fullmatch(criteria[date_field])
        if match is None:
            raise _EbayRequestError(
                400, ebay_error(30800, f"Invalid filter value {criteria[date_field]} for filter {date_field}")
            )
        if not match.group(1):
            raise _EbayRequestError(400, ebay_error(30820, "Start date is missing"))
        try:
            start = datetime.fromisoformat(match.group(1).replace("Z", "+00:00"))
            end = datetime.fromisoformat(match.group(2).replace("Z", "+00:00")) if match.group(2) else None
        except ValueError:
            raise _EbayRequestError(400, ebay_error(30810, "Invalid date format")) from None
        if start.tzinfo is None or (end is not None and end.tzinfo is None):
            raise _EbayRequestError(400, ebay_error(30810, "Invalid date format"))
        if start > now or (end is not None and end > now):
            raise _EbayRequestError(400, ebay_error(30850, "Start and end dates can't be in the future"))
        if start < window_start:
            raise _EbayRequestError(
                400, ebay_error(30830, "Start date must be within 90 days of end date and current date.")
            )
        if end is not None and start > end:
            raise _EbayRequestError(400, ebay_error(30840, "Start date should be before end date"))
    statuses: frozenset[str] | None = None
    if "orderfulfillmentstatus" in criteria:
        raw = criteria["orderfulfillmentstatus"]
        statuses = (
            frozenset(raw.strip("{}").split("|")) if raw.startswith("{") and raw.endswith("}") else None
        )
        if statuses not in _EBAY_STATUS_FILTERS:
            raise _EbayRequestError(
                400, ebay_error(30800, f"Invalid filter value {raw} for filter orderfulfillmentstatus")
            )

    def keep(order: Mapping[str, Any]) -> bool:
        stamp = parse_date_time(order.get(date_key) or order["creationDate"], date_key)
        if stamp < start or (end is not None and stamp > end):
            return False
        return statuses is None or order.get("orderFulfillmentStatus") in statuses

    return keep


# --- Walmart -------------------------------------------------------------------------------------------

WALMART_WINDOW = timedelta(days=180)


def walmart_error(
    code: str, field_name: str, description: str, *, severity: str = "ERROR", category: str = "DATA"
) -> dict[str, Any]:
    return {
        "code": code,
        "field": field_name,
        "description": description,
        "info": description,
        "severity": severity,
        "category": category,
        "causes": [],
        "errorIdentifiers": {},
    }


class WalmartSimulator(ChannelSimulator):
    """Walmart's token API and the Marketplace Orders API's ``GET /v3/orders`` for one seller."""

    channel = walmart.CHANNEL
    epoch_keys = WALMART_EPOCH_KEYS

    def __init__(
        self,
        orders: Sequence[Mapping[str, Any]] = (),
        *,
        client_id: str = "8f3b2c1d-ghostdesk-local-client",
        client_secret: str = "ghostdesk-local-walmart-secret-0123456789",  # noqa: S107 - the simulator's fake
        token_ttl_s: int = 900,
        **options: Any,
    ) -> None:
        super().__init__(orders, **options)
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_ttl_s = token_ttl_s

    @property
    def credentials(self) -> dict[str, str]:
        return {"client_id": self.client_id, "client_secret": self.client_secret}

    def route(self, method: str, path: str) -> str:
        if method == "POST" and path == walmart.TOKEN_PATH:
            return "token"
        if method == "GET" and path == walmart.ORDERS_PATH:
            return "orders"
        return "unknown"

    def fault_reply(self, status: int, operation: str) -> Reply:  # noqa: ARG002 - one API answers all
        if status == 429:
            replenish = int((time.time() + 2) * 1000)
            return Reply(
                429,
                {
                    "errors": {
                        "error": [
                            walmart_error(
                                "REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API",
                                "REQUEST_THRESHOLD_VIOLATED",
                                "Too many requests",
                            )
                        ]
                    }
                },
                {"x-current-token-count": "0", "x-next-replenishment-time": str(replenish)},
            )
        if status == 401:
            return Reply(401, {"errors": {"error": [_walmart_unauthorized()]}})
        if status >= 500:
            return Reply(
                status,
                {
                    "errors": {
                        "error": [
                            walmart_error(
                                "SYSTEM_ERROR.GMP_GATEWAY_API",
                                "SYSTEM_ERROR",
                                "Internal error",
                                category="SYSTEM",
                            )
                        ]
                    }
                },
            )
        return Reply(
            status,
            {
                "errors": {
                    "error": [walmart_error("INVALID_REQUEST.GMP_GATEWAY_API", "REQUEST", "Bad request")]
                }
            },
        )

    def answer(self, operation: str, request: Incoming) -> Reply:
        for header in ("wm_svc.name", "wm_qos.correlation_id"):
            if not request.headers.get(header):
                return Reply(
                    400,
                    {
                        "errors": {
                            "error": [
                                walmart_error(
                                    "INVALID_REQUEST_HEADER.GMP_GATEWAY_API",
                                    header.upper(),
                                    f"{header.upper()} header is missing",
                                )
                            ]
                        }
                    },
                )
        if operation == "token":
            return self._token(request)
        if operation == "unknown":
            return Reply(
                404,
                {
                    "errors": {
                        "error": [walmart_error("NOT_FOUND.GMP_GATEWAY_API", "PATH", "Resource not found")]
                    }
                },
            )
        if not self.token_valid(request.headers.get("wm_sec.access_token")):
            return Reply(401, {"errors": {"error": [_walmart_unauthorized()]}})
        return self._list_orders(request)

    def _token(self, request: Incoming) -> Reply:
        client = request.basic_auth()
        if client is None or not (
            secrets.compare_digest(client[0], self.client_id)
            and secrets.compare_digest(client[1], self.client_secret)
        ):
            return Reply(401, {"error": [_walmart_unauthorized()]})
        if request.form().get("grant_type") != "client_credentials":
            return Reply(
                400,
                {
                    "error": [
                        walmart_error(
                            "INVALID_REQUEST.GMP_GATEWAY_API",
                            "grant_type",
                            "grant_type must be client_credentials",
                        )
                    ]
                },
            )
        token = self.issue_token("eyJraWQiOiJnaG9zdGRlc2stbG9jYWwifQ.", self.token_ttl_s)
        return Reply(200, {"access_token": token, "token_type": "Bearer", "expires_in": self.token_ttl_s})

    def _list_orders(self, request: Incoming) -> Reply:
        now = self.now()
        try:
            limit = int(request.param("limit") or 100)
        except ValueError:
            limit = 0
        if not 1 <= limit <= walmart.MAX_PAGE_SIZE:
            return Reply(
                400,
                {
                    "errors": {
                        "error": [
                            walmart_error(
                                "INVALID_REQUEST_PARAM.GMP_ORDER_API",
                                "limit",
                                f"limit must be 1..{walmart.MAX_PAGE_SIZE}",
                            )
                        ]
                    }
                },
            )
        try:
            start = _walmart_date(request.param("createdStartDate")) or now - WALMART_WINDOW
            end = _walmart_date(request.param("createdEndDate")) or now
        except ValueError:
            return Reply(
                400,
                {
                    "errors": {
                        "error": [
                            walmart_error(
                                "INVALID_REQUEST_PARAM.GMP_ORDER_API", "createdStartDate", "invalid date"
                            )
                        ]
                    }
                },
            )
        start = max(start, now - WALMART_WINDOW)
        offset = int(request.param("poIndex") or 0) if request.param("hasMoreElements") == "true" else 0
        customer_order, purchase_order, status = (
            request.param("customerOrderId"),
            request.param("purchaseOrderId"),
            request.param("status"),
        )

        def keep(order: Mapping[str, Any]) -> bool:
            created = datetime.fromtimestamp(order["orderDate"] / 1000, tz=UTC)
            if not start <= created <= end:
                return False
            if customer_order and order.get("customerOrderId") != customer_order:
                return False
            if purchase_order and order.get("purchaseOrderId") != purchase_order:
                return False
            return not status or status in walmart.order_status(order)[1].split(",")

        selected = sorted((o for o in self.orders if keep(o)), key=lambda o: o["orderDate"], reverse=True)
        if not selected:
            return Reply(
                404,
                {
                    "errors": {
                        "error": [
                            walmart_error(
                                walmart.NOT_FOUND_CODE,
                                "data",
                                "No Orders found",
                                severity="INFO",
                                category="REQUEST",
                            )
                        ]
                    }
                },
            )
        page = selected[offset : offset + limit]
        cursor = None
        if offset + limit < len(selected):
            cursor_params = {
                "limit": limit,
                "hasMoreElements": "true",
                "soIndex": len(selected),
                "poIndex": offset + limit,
                "sellerId": "ghostdesk-local",
                "createdStartDate": format_date_time(start),
                "createdEndDate": format_date_time(end),
            }
            for key, value in (
                ("customerOrderId", customer_order),
                ("purchaseOrderId", purchase_order),
                ("status", status),
            ):
                if value:
                    cursor_params[key] = value
            cursor = "?" + urlencode(cursor_params)
        meta = {"totalCount": len(selected), "limit": limit, "nextCursor": cursor}
        return Reply(200, {"list": {"meta": meta, "elements": {"order": page}}})


def _walmart_unauthorized() -> dict[str, Any]:
    return walmart_error(
        "UNAUTHORIZED.GMP_GATEWAY_API",
        "UNAUTHORIZED",
        "Unauthorized token or incorrect authorization header. Please verify correct format: "
        '"Authorization: Basic Base64Encode(clientId:clientSecret)"',
    )


def _walmart_date(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# --- the stack's use -----------------------------------------------------------------------------------

SIMULATORS: Mapping[str, type[ChannelSimulator]] = {
    shopify.CHANNEL: ShopifySimulator,
    ebay.CHANNEL: EbaySimulator,
    walmart.CHANNEL: WalmartSimulator,
}


def demo_shift(
    orders: Mapping[str, Sequence[Mapping[str, Any]]],
    now: datetime,
    newest_age: timedelta = timedelta(days=1),
) -> timedelta:
    """The shift that puts the newest Amazon order ``newest_age`` before ``now``, as the SP-API
    simulator rebases the demo, so every channel's orders keep their ages relative to each other."""
    created = [
        parse_date_time(o["createdTime"], "createdTime")
        for o in orders.get("amazon", ())
        if o.get("createdTime")
    ]
    if not created:
        return timedelta(0)
    return timedelta(seconds=round(((now - newest_age) - max(created)).total_seconds()))


def start_channel_simulators(
    orders: Mapping[str, Sequence[Mapping[str, Any]]], *, shift: timedelta | None = None
) -> list[ChannelSimulator]:
    """A running simulator for each channel the orders data lists, in search order, every timestamp
    moved by ``shift`` (see :func:`demo_shift`)."""
    started: list[ChannelSimulator] = []
    try:
        for name in CHANNEL_NAMES:
            if name in orders:
                started.append(SIMULATORS[name](orders[name], shift=shift or timedelta(0)).start())
    except BaseException:
        for sim in started:
            sim.stop()
        raise
    return started


def channels_secret(simulators: Sequence[ChannelSimulator]) -> dict[str, dict[str, str]]:
    """The ``ChannelsSecret`` value that connects the connectors to these simulators."""
    return {sim.channel: sim.credentials for sim in simulators}


def endpoint_environment(simulators: Sequence[ChannelSimulator]) -> dict[str, str]:
    """``GHOSTDESK_SHOPIFY_ENDPOINT`` (...) for these simulators."""
    return {sim.endpoint_variable: sim.url for sim in simulators}


def main(argv: Sequence[str] | None = None) -> int:
    """Serve an orders file's channels until interrupted; prints the environment and secret to use."""
    from ghostdesk.orders.file_source import load_orders_file

    parser = argparse.ArgumentParser(prog="python -m ghostdesk.local.channel_sims", description=__doc__)
    parser.add_argument("--orders", required=True, help="orders file with shopify/ebay/walmart lists")
    args = parser.parse_args(argv)
    sims = start_channel_simulators(load_orders_file(args.orders))
    try:
        for name, value in endpoint_environment(sims).items():
            print(f"{name}={value}")
        print(f"channels secret: {json.dumps(channels_secret(sims))}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    finally:
        for sim in sims:
            sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
