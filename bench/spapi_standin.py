"""A minimal, independent stand-in for Amazon's SP-API that enforces the default usage plans.

Written for the order-burst benchmark to show its numbers do not depend on ghostdesk's own simulator
(``ghostdesk.local.spapi_sim``): nothing here is imported from ghostdesk. It speaks just enough of the
wire format for python-amazon-sp-api: the LWA refresh-token grant, ``getOrder`` and ``searchOrders``
of the Orders API 2026-01-01 (time windows, marketplace filter, pages of ``maxResultsPerPage``), the
``ErrorList`` error body, and ``x-amzn-RateLimit-Limit``. Each operation has a token bucket with
Amazon's default plan (getOrder 0.5/s burst 30, searchOrders 0.0056/s burst 20), full at start and
refilled continuously; a request that finds it empty gets a 429. Every request is counted.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, unquote, urlsplit

PLANS = {"getOrder": (0.5, 30), "searchOrders": (0.0056, 20)}  # rate per second, burst
ORDERS_PATH = "/orders/2026-01-01/orders"


class _Bucket:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.at = float(burst), time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


class StandInSpApi:
    """The stand-in server; ``calls`` and ``throttled`` count requests per operation."""

    def __init__(self, orders: Sequence[Mapping[str, Any]]) -> None:
        self.orders = {str(o["orderId"]): dict(o) for o in orders}
        self.calls: Counter[str] = Counter()
        self.throttled: Counter[str] = Counter()
        self._buckets = {op: _Bucket(*plan) for op, plan in PLANS.items()}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def token_url(self) -> str:
        return self.url + "/auth/o2/token"

    credentials: ClassVar[dict[str, str]] = {
        "LWA_APP_ID": "standin-app",
        "LWA_CLIENT_SECRET": "standin-secret",
        "SP_API_REFRESH_TOKEN": "Atzr|standin-refresh",
    }

    def __enter__(self) -> StandInSpApi:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- the API ---------------------------------------------------------------------------------
    def answer(self, method: str, path: str, query: Mapping[str, list[str]]) -> tuple[int, Any, str | None]:
        """(status, JSON body, operation) for one request."""
        if method == "POST" and path == "/auth/o2/token":
            return (
                200,
                {"access_token": "Atza|" + uuid.uuid4().hex, "token_type": "bearer", "expires_in": 3600},
                None,
            )
        if method != "GET" or not path.startswith(ORDERS_PATH):
            return 404, _errors("NotFound", "Resource not found."), None
        operation = "searchOrders" if path == ORDERS_PATH else "getOrder"
        with self._lock:
            self.calls[operation] += 1
            if not self._buckets[operation].take():
                self.throttled[operation] += 1
                return (
                    429,
                    _errors("QuotaExceeded", "You exceeded your quota for the requested resource."),
                    operation,
                )
        if operation == "getOrder":
            order = self.orders.get(unquote(path[len(ORDERS_PATH) + 1 :]))
            if order is None:
                return 404, _errors("NotFound", "The requested order was not found."), operation
            return 200, {"order": order}, operation
        return 200, self._search(query), operation

    def _search(self, query: Mapping[str, list[str]]) -> dict[str, Any]:
        def one(name: str) -> str | None:
            return query[name][0] if name in query else None

        by_update = one("lastUpdatedAfter") is not None
        field = "lastUpdatedTime" if by_update else "createdTime"
        after = _time(one("lastUpdatedAfter") or one("createdAfter") or "1970-01-01T00:00:00Z")
        before_raw = one("lastUpdatedBefore") or one("createdBefore")
        before = _time(before_raw) if before_raw else datetime.now(UTC)
        markets = set(",".join(query.get("marketplaceIds", [])).split(",")) - {""}
        matches = sorted(
            (
                o
                for o in self.orders.values()
                if after <= _time(o.get(field) or o["createdTime"]) <= before
                and (not markets or o.get("salesChannel", {}).get("marketplaceId") in markets)
            ),
            key=lambda o: (o.get(field) or o["createdTime"], o["orderId"]),
        )
        size = int(one("maxResultsPerPage") or 100)
        start = int(one("paginationToken") or 0)
        body: dict[str, Any] = {"orders": matches[start : start + size]}
        if start + size < len(matches):
            body["pagination"] = {"nextToken": str(start + size)}
        return body

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: Any) -> None:
                return  # quiet: the counters are the log

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length") or 0))
                self._serve("POST")

            def _serve(self, method: str) -> None:
                parts = urlsplit(self.path)
                status, body, operation = standin.answer(method, parts.path, parse_qs(parts.query))
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
                if operation is not None:
                    self.send_header("x-amzn-RateLimit-Limit", f"{PLANS[operation][0]:g}")
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)
                self.close_connection = True

        return Handler


def _errors(code: str, message: str) -> dict[str, Any]:
    return {"errors": [{"code": code, "message": message}]}
