"""A local Amazon marketplace: LWA token endpoint plus Orders API 2026-01-01, on the real wire format.

The local stack, the demo and the contract tests point python-amazon-sp-api at it
(``GHOSTDESK_SPAPI_ENDPOINT=sim.url``, ``GHOSTDESK_LWA_TOKEN_URL=sim.token_url``) and the very same
adapter code that talks to Amazon talks to it: LWA refresh-token grant, ``x-amz-access-token``,
``getOrder`` and ``searchOrders`` with every query rule of the model (see
:mod:`ghostdesk.local.spapi_orders`), ``ErrorList`` bodies, ``x-amzn-RequestId`` on every response and
``x-amzn-RateLimit-Limit`` where Amazon sends it.

For tests it can also misbehave on purpose: answer the next N requests with a fault, add latency, revoke
issued tokens, and enforce Amazon's usage plans with a token-bucket rate limiter (off by default, so a
demo is never throttled). Every exchange is kept in :attr:`SpApiSimulator.requests`.

Run it alone with ``python -m ghostdesk.local.spapi_sim --orders demo/orders.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import logging
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from ghostdesk.local.http_service import HttpService
from ghostdesk.local.spapi_orders import (
    ORDER_PATH_PREFIX,
    SEARCH_PATH,
    ApiError,
    Paginator,
    parse_get_order,
    parse_search_query,
    project_order,
    rebase_orders,
)
from ghostdesk.orders.file_source import validate_amazon_orders

log = logging.getLogger(__name__)

TOKEN_PATH = "/auth/o2/token"  # noqa: S105 - a URL path, not a secret
GET_ORDER = "getOrder"
SEARCH_ORDERS = "searchOrders"
LWA = "lwa"

DEFAULT_CLIENT_ID = "amzn1.application-oa2-client.ghostdesk-local"
DEFAULT_CLIENT_SECRET = "amzn1.oa2-cs.v1.ghostdesk-local-secret"  # noqa: S105 - the simulator's own fake
DEFAULT_REFRESH_TOKEN = "Atzr|ghostdesk-local-refresh-token"  # noqa: S105 - the simulator's own fake

OrdersProvider = Callable[[], Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class UsagePlan:
    """An operation's rate (requests per second, refilled continuously) and burst (bucket size)."""

    rate: float
    burst: int


#: Amazon's default usage plans for the two operations (the model's "Usage Plan" tables).
AMAZON_USAGE_PLANS: Mapping[str, UsagePlan] = {
    GET_ORDER: UsagePlan(rate=0.5, burst=30),
    SEARCH_ORDERS: UsagePlan(rate=0.0056, burst=20),
}


class RateLimiter(Protocol):
    """Decides whether a request may proceed; the simulator answers 429 when it may not."""

    def acquire(self, operation: str) -> bool: ...

    def limit(self, operation: str) -> float | None:
        """The rate reported in ``x-amzn-RateLimit-Limit`` for this operation."""
        ...


class TokenBucketRateLimiter:
    """One token bucket per operation, as Amazon's usage plans work: full at start, refilled at ``rate``."""

    def __init__(
        self,
        plans: Mapping[str, UsagePlan] = AMAZON_USAGE_PLANS,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._plans = dict(plans)
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}  # operation -> (tokens, last refill time)

    def acquire(self, operation: str) -> bool:
        plan = self._plans.get(operation)
        if plan is None:
            return True
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(operation, (float(plan.burst), now))
            tokens = min(float(plan.burst), tokens + (now - last) * plan.rate)
            allowed = tokens >= 1.0
            self._buckets[operation] = (tokens - 1.0 if allowed else tokens, now)
            return allowed

    def limit(self, operation: str) -> float | None:
        plan = self._plans.get(operation)
        return plan.rate if plan else None


@dataclass(frozen=True)
class RecordedRequest:
    """One exchange, as the simulator saw it (secrets in LWA forms are masked)."""

    operation: str  # "getOrder", "searchOrders", "lwa" or "unknown"
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    status: int
    response_headers: dict[str, str]
    response_body: Any  # parsed JSON, or the raw text of a non-JSON fault
    form: dict[str, str] = field(default_factory=dict)


@dataclass
class _Fault:
    status: int
    remaining: int
    operation: str | None
    body: bytes | None


class SpApiSimulator:
    """Threaded HTTP server speaking LWA and Orders API 2026-01-01 for a list of ``Order`` objects.

    ``orders`` is a list of Orders API 2026-01-01 ``Order`` objects (with every block, as in the orders
    file) or a callable returning the current list, so the served orders can change at run time.
    """

    def __init__(
        self,
        orders: Sequence[Mapping[str, Any]] | OrdersProvider = (),
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: str = DEFAULT_CLIENT_SECRET,
        refresh_token: str = DEFAULT_REFRESH_TOKEN,
        token_ttl_s: int = 3600,
        rate_limiter: RateLimiter | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._http = HttpService(host, port, name="simulator")
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token = refresh_token
        self.token_ttl_s = token_ttl_s
        self.rate_limiter = rate_limiter
        self.latency_s = 0.0  # added before every answer, to exercise client timeouts
        # Asked before every answer (ghostdesk.local.faults): (status, delay_s) or None; status 0 answers
        # normally after the delay.
        self.fault_hook: Callable[[str], tuple[int, float] | None] | None = None
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._provider: OrdersProvider | None = None  # asked on every request
        self._snapshot: list[dict[str, Any]] = []  # a fixed list, used when there is no provider
        self._rebase: tuple[datetime, timedelta] | None = None
        self._served: Sequence[Mapping[str, Any]] | None = None  # the snapshot as served, computed once
        self._tokens: dict[str, datetime] = {}  # access token -> expiry
        self._faults: list[_Fault] = []
        self._requests: list[RecordedRequest] = []
        self._paginator = Paginator(secrets.token_bytes(32))
        self._change_listeners: list[Callable[[dict[str, Any]], None]] = []
        self.set_orders(orders)

    # --- lifecycle -------------------------------------------------------------------------------
    def start(self) -> SpApiSimulator:
        self._http.start(_make_handler(self))
        return self

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> SpApiSimulator:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._http.port

    @property
    def url(self) -> str:
        return self._http.url

    @property
    def token_url(self) -> str:
        """The LWA token URL (``GHOSTDESK_LWA_TOKEN_URL``)."""
        return self.url + TOKEN_PATH

    @property
    def credentials(self) -> dict[str, str]:
        """Credentials in python-amazon-sp-api's ``credentials=`` shape, accepted by this simulator."""
        return {
            "lwa_app_id": self.client_id,
            "lwa_client_secret": self.client_secret,
            "refresh_token": self.refresh_token,
        }

    # --- orders ----------------------------------------------------------------------------------
    def set_orders(self, orders: Sequence[Mapping[str, Any]] | OrdersProvider) -> None:
        """Serve these orders from now on: a list (checked like an orders file) or a provider callable.

        With a list, every order that is new or differs from before is announced to the
        :meth:`on_order_change` listeners, as Amazon's Notifications API announces ORDER_CHANGE.
        """
        if callable(orders):
            with self._lock:
                self._provider, self._snapshot, self._served = orders, [], None
            return
        snapshot = [copy.deepcopy(dict(order)) for order in orders]
        validate_amazon_orders(snapshot, origin="simulator orders")
        before = {str(o["orderId"]): o for o in self._served_orders()} if self._change_listeners else {}
        with self._lock:
            self._provider, self._snapshot, self._served = None, snapshot, None
        if self._change_listeners:
            self._announce_changes(before)

    def on_order_change(self, listener: Callable[[dict[str, Any]], None]) -> None:
        """Call ``listener`` with an ORDER_CHANGE notification (the JSON Amazon would put in the SQS
        message body) for every order that :meth:`set_orders` adds or changes."""
        with self._lock:
            self._change_listeners.append(listener)

    def _announce_changes(self, before: Mapping[str, Mapping[str, Any]]) -> None:
        from ghostdesk.local.order_notifications import order_change_notification

        for order in self._served_orders():
            if before.get(str(order["orderId"])) == order:
                continue
            notification = order_change_notification(order, now=self._clock())
            for listener in list(self._change_listeners):
                try:
                    listener(notification)
                except Exception:  # a broken listener must not break the marketplace
                    log.exception("ORDER_CHANGE listener failed")

    def rebase_to(self, now: datetime | None = None, *, newest_age: timedelta = timedelta(days=1)) -> None:
        """Shift every timestamp of the served orders so the newest ``createdTime`` is ``newest_age``
        before ``now`` (default: the current time). Applies to orders set later too."""
        anchor = now or self._clock()
        if anchor.tzinfo is None:
            raise ValueError("rebase_to needs a timezone-aware time")
        with self._lock:
            self._rebase = (anchor, newest_age)
            self._served = None

    @property
    def orders(self) -> list[dict[str, Any]]:
        """The orders as currently served (after any rebase), complete with every block; copies."""
        return [copy.deepcopy(dict(order)) for order in self._served_orders()]

    def _served_orders(self) -> Sequence[Mapping[str, Any]]:
        """The orders to answer from, read-only: a fixed list is rebased once, a provider every time."""
        with self._lock:
            provider, rebase = self._provider, self._rebase
            if provider is None and self._served is not None:
                return self._served
            snapshot = self._snapshot
        orders = provider() if provider is not None else snapshot
        served: Sequence[Mapping[str, Any]] = (
            rebase_orders(orders, now=rebase[0], newest_age=rebase[1]) if rebase else list(orders)
        )
        if provider is None:
            with self._lock:
                if self._snapshot is snapshot and self._rebase == rebase:
                    self._served = served
        return served

    # --- test controls ---------------------------------------------------------------------------
    def fail_next(
        self, status: int, times: int = 1, *, operation: str | None = None, body: bytes | None = None
    ) -> None:
        """Answer the next ``times`` requests (of ``operation``: "getOrder", "searchOrders", "lwa"; any
        when None) with ``status``: an Amazon ``ErrorList`` (LWA: its error JSON), or ``body`` verbatim
        as text/html, as a proxy in front of Amazon would."""
        with self._lock:
            self._faults.append(_Fault(status, times, operation, body))

    def revoke_tokens(self) -> None:
        """Forget every issued access token, as if they had expired: the next API call gets a 403."""
        with self._lock:
            self._tokens.clear()

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    # --- request handling (called from the server's threads) -------------------------------------
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

    def _record(self, entry: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(entry)

    def _issue_token(self) -> str:
        token = "Atza|" + secrets.token_urlsafe(48)
        with self._lock:
            now = self._clock()
            self._tokens = {t: exp for t, exp in self._tokens.items() if exp > now}
            self._tokens[token] = now + timedelta(seconds=self.token_ttl_s)
        return token

    def _token_valid(self, token: str) -> bool:
        with self._lock:
            expiry = self._tokens.get(token)
        return expiry is not None and expiry > self._clock()

    def _lwa(self, form: Mapping[str, str]) -> tuple[int, dict[str, Any]]:
        """LWA's refresh-token grant, with LWA's own error answers."""
        for name in ("grant_type", "client_id", "client_secret"):
            if not form.get(name):
                return 400, _lwa_error(
                    "invalid_request", f"The request is missing a required parameter : {name}"
                )
        if form["grant_type"] != "refresh_token":
            return 400, _lwa_error("unsupported_grant_type", "The authorization grant type is not supported")
        if not secrets.compare_digest(form["client_id"], self.client_id) or not secrets.compare_digest(
            form["client_secret"], self.client_secret
        ):
            return 401, _lwa_error("invalid_client", "Client authentication failed")
        if not form.get("refresh_token"):
            return 400, _lwa_error(
                "invalid_request", "The request is missing a required parameter : refresh_token"
            )
        if not secrets.compare_digest(form["refresh_token"], self.refresh_token):
            return 400, _lwa_error(
                "invalid_grant", "The request has an invalid grant parameter : refresh_token"
            )
        return 200, {
            "access_token": self._issue_token(),
            "refresh_token": self.refresh_token,
            "token_type": "bearer",
            "expires_in": self.token_ttl_s,
        }

    def _orders_api(
        self, operation: str, order_id: str | None, query: Mapping[str, Sequence[str]]
    ) -> tuple[int, dict[str, Any]]:
        if operation == GET_ORDER:
            assert order_id is not None
            included = parse_get_order(order_id, query)
            for order in self._served_orders():
                if order.get("orderId") == order_id:
                    return 200, {"order": project_order(order, included)}
            raise ApiError(404, "NotFound", "The requested order was not found.", f"orderId {order_id}")
        now = self._clock()
        search = parse_search_query(query, now=now)
        return 200, self._paginator.search(self._served_orders(), search, now=now).body()


def _lwa_error(code: str, description: str) -> dict[str, str]:
    return {"error_description": description, "error": code}


def _api_error(status: int) -> ApiError:
    if status == 429:
        return ApiError(429, "QuotaExceeded", "You exceeded your quota for the requested resource.")
    if status == 403:
        return ApiError(403, "Unauthorized", "Access to requested resource is denied.")
    if status == 503:
        return ApiError(503, "ServiceUnavailable", "Service temporarily unavailable. Please try again.")
    if status >= 500:
        return ApiError(status, "InternalFailure", "We encountered an internal error. Please try again.")
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    return ApiError(status, "InvalidInput", phrase)


def _make_handler(sim: SpApiSimulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def version_string(self) -> str:
            return "Server"  # Amazon's front door names no software either

        def log_message(self, format: str, *args: Any) -> None:
            """Silent: the log is :attr:`SpApiSimulator.requests`, and buyers' data stays out of logs."""

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def do_PUT(self) -> None:
            self._handle("PUT")

        def do_DELETE(self) -> None:
            self._handle("DELETE")

        def do_PATCH(self) -> None:
            self._handle("PATCH")

        def _handle(self, method: str) -> None:
            parts = urlsplit(self.path)
            path = parts.path
            query = parse_qs(parts.query, keep_blank_values=True)
            headers = {k.lower(): v for k, v in self.headers.items()}
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length > 0 else b""

            operation, order_id = _route(method, path)
            form: dict[str, str] = {}
            if operation == LWA:
                parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                form = {k: v[0] for k, v in parsed.items()}
            if sim.latency_s > 0:
                time.sleep(sim.latency_s)

            try:
                status, payload, extra_headers, raw = self._answer(operation, order_id, query, headers, form)
            except Exception:  # a bug or bad provider data: answer as Amazon does, and keep serving
                log.exception("simulator failed on %s %s", method, path)
                status, payload, extra_headers, raw = 500, _api_error(500).body(), {}, None
            response_headers = {"x-amzn-RequestId": str(uuid.uuid4()), **extra_headers}
            if raw is not None:
                data, content_type, recorded = raw, "text/html", raw.decode("utf-8", "replace")
            else:
                data, content_type, recorded = json.dumps(payload).encode(), "application/json", payload
            response_headers["Content-Type"] = content_type
            # Recorded before the answer leaves, so a client that has its answer also finds it in the log.
            masked = {k: ("***" if k in ("client_secret", "refresh_token") else v) for k, v in form.items()}
            sim._record(
                RecordedRequest(
                    operation=operation,
                    method=method,
                    path=path,
                    query=query,
                    headers=headers,
                    status=status,
                    response_headers=response_headers,
                    response_body=recorded,
                    form=masked,
                )
            )
            self.send_response(status)
            for name, value in response_headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)
            self.close_connection = True

        def _answer(
            self,
            operation: str,
            order_id: str | None,
            query: Mapping[str, Sequence[str]],
            headers: Mapping[str, str],
            form: Mapping[str, str],
        ) -> tuple[int, Any, dict[str, str], bytes | None]:
            fault = sim._take_fault(operation) or sim._injected_fault(operation)
            if fault is not None:
                if fault.body is not None:
                    return fault.status, None, {}, fault.body
                if operation == LWA:
                    return fault.status, _lwa_error("server_error", "Internal server error"), {}, None
                return (
                    fault.status,
                    _api_error(fault.status).body(),
                    _limit_header(sim, operation, fault.status),
                    None,
                )
            if operation == LWA:
                status, payload = sim._lwa(form)
                return status, payload, {"Cache-Control": "no-store", "Pragma": "no-cache"}, None
            if operation == "unknown":
                return 404, ApiError(404, "NotFound", "Resource not found.").body(), {}, None

            token = headers.get("x-amz-access-token")
            if not token:
                return (
                    403,
                    ApiError(403, "Unauthorized", "Access to requested resource is denied.").body(),
                    {},
                    None,
                )
            if not sim._token_valid(token):
                return (
                    403,
                    ApiError(
                        403,
                        "Unauthorized",
                        "Access to requested resource is denied.",
                        "The access token you provided is revoked, malformed or invalid.",
                    ).body(),
                    {},
                    None,
                )
            limiter = sim.rate_limiter
            if limiter is not None and not limiter.acquire(operation):
                return 429, _api_error(429).body(), _limit_header(sim, operation, 429), None
            try:
                status, payload = sim._orders_api(operation, order_id, query)
            except ApiError as error:
                return error.status, error.body(), _limit_header(sim, operation, error.status), None
            return status, payload, _limit_header(sim, operation, status), None

    return Handler


def _route(method: str, path: str) -> tuple[str, str | None]:
    if path == TOKEN_PATH and method == "POST":
        return LWA, None
    if method != "GET":
        return "unknown", None
    if path == SEARCH_PATH:
        return SEARCH_ORDERS, None
    if path.startswith(ORDER_PATH_PREFIX):
        rest = path[len(ORDER_PATH_PREFIX) :]
        if rest and "/" not in rest:
            return GET_ORDER, unquote(rest)
    return "unknown", None


def _limit_header(sim: SpApiSimulator, operation: str, status: int) -> dict[str, str]:
    """``x-amzn-RateLimit-Limit`` where the model declares it (200, 400, 404) and on 429, as Amazon does."""
    if status not in (200, 400, 404, 429):
        return {}
    limiter = sim.rate_limiter
    rate = limiter.limit(operation) if limiter is not None else None
    if rate is None:
        plan = AMAZON_USAGE_PLANS.get(operation)
        rate = plan.rate if plan else None
    return {"x-amzn-RateLimit-Limit": f"{rate:g}"} if rate is not None else {}


def main(argv: Sequence[str] | None = None) -> int:
    """Serve an orders file until interrupted; prints the environment that points ghostdesk at it."""
    from ghostdesk.orders.file_source import load_orders_file

    parser = argparse.ArgumentParser(prog="python -m ghostdesk.local.spapi_sim", description=__doc__)
    parser.add_argument("--orders", required=True, help="orders file (JSON object with an 'amazon' list)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--newest-age-hours",
        type=float,
        default=None,
        help="rebase the orders so the newest was created this many hours ago",
    )
    parser.add_argument("--rate-limit", action="store_true", help="enforce Amazon's default usage plans")
    args = parser.parse_args(argv)

    orders = load_orders_file(args.orders).get("amazon", [])
    sim = SpApiSimulator(
        orders,
        host=args.host,
        port=args.port,
        rate_limiter=TokenBucketRateLimiter() if args.rate_limit else None,
    )
    if args.newest_age_hours is not None:
        sim.rebase_to(newest_age=timedelta(hours=args.newest_age_hours))
    with sim:
        print(f"GHOSTDESK_SPAPI_ENDPOINT={sim.url}")
        print(f"GHOSTDESK_LWA_TOKEN_URL={sim.token_url}")
        print(f"LWA_APP_ID={sim.client_id}")
        print(f"LWA_CLIENT_SECRET={sim.client_secret}")
        print(f"SP_API_REFRESH_TOKEN={sim.refresh_token}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
