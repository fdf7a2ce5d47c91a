"""The local API Gateway: an HTTP API (payload format 2.0) in front of the template's HttpApi routes.

Each HTTP request becomes the event API Gateway's HTTP API sends a Lambda proxy integration (version
``2.0``: ``routeKey``, ``rawPath``, ``rawQueryString``, ``cookies``, lower-cased ``headers`` with
duplicates joined by commas, ``queryStringParameters``, ``pathParameters``, ``requestContext`` with
``http``, ``requestId``, ``time``/``timeEpoch``, ``authorizer.jwt``, ``body``/``isBase64Encoded``), and
the function's response is turned back into HTTP by the format 2.0 rules:

* a response with ``statusCode`` gives that status, its ``headers``, one ``Set-Cookie`` per entry of
  ``cookies`` and the ``body`` (base64-decoded when ``isBase64Encoded``); ``multiValueHeaders`` is a
  format 1.0 field that HTTP APIs ignore, so it is ignored here too;
* any other valid JSON is the body of a ``200`` with ``content-type: application/json`` (a string as
  it is, anything else serialised);
* a function error is ``500 {"message":"Internal Server Error"}``.

Routing follows API Gateway: the most specific route wins (literal segments over ``{param}`` over a
greedy ``{proxy+}``, a method over ``ANY``), ``404 {"message":"Not Found"}`` otherwise.

The JWT authorizer (Cognito in AWS) is stood in for by one bearer token: on an authorized route,
``Authorization: Bearer <GHOSTDESK_AGENT_TOKEN>`` (the token alone is accepted too, as API Gateway's
JWT authorizer does) yields the claims ``{"sub": "local-agent", "email": "agent@localhost",
"cognito:username": "local-agent"}``; anything else is ``401 {"message":"Unauthorized"}``, exactly what
API Gateway answers. The token is compared in constant time.
"""

from __future__ import annotations

import base64
import hmac
import json
import logging
import secrets
import string
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, unquote

from ghostdesk.local.http_service import HttpService
from ghostdesk.local.lambda_runtime import Invocable
from ghostdesk.local.resources import HttpRoute

log = logging.getLogger(__name__)

LOCAL_AGENT_CLAIMS = {"sub": "local-agent", "email": "agent@localhost", "cognito:username": "local-agent"}
MAX_REQUEST_BYTES = 10 * 1024 * 1024  # HTTP API's payload limit
_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript")
_TEXT_SUFFIXES = ("+json", "+xml")
UNAUTHORIZED = (401, {"message": "Unauthorized"})
NOT_FOUND = (404, {"message": "Not Found"})
INTERNAL_ERROR = (500, {"message": "Internal Server Error"})
TOO_LARGE = (413, {"message": "Request Entity Too Large"})


@dataclass(frozen=True)
class Integration:
    """A route of the HTTP API and the function it invokes."""

    route: HttpRoute
    function: Invocable

    @property
    def route_key(self) -> str:
        return f"{self.route.method} {self.route.path}"


@dataclass(frozen=True)
class RouteMatch:
    integration: Integration
    path_parameters: dict[str, str]


def _rank(route: HttpRoute, method: str, path: str) -> tuple[Any, ...] | None:
    """How specifically ``route`` matches; None when it does not match. Higher ranks win."""
    if route.method not in ("ANY", method):
        return None
    pattern = [s for s in route.path.split("/") if s]
    segments = path.split("/")[1:] if path.startswith("/") else path.split("/")
    if path == "/":
        segments = []
    kinds: list[int] = []
    greedy = False
    for index, part in enumerate(pattern):
        if part.startswith("{") and part.endswith("+}"):
            if index != len(pattern) - 1 or len(segments) <= index or not "/".join(segments[index:]):
                return None
            greedy = True
            break
        if index >= len(segments):
            return None
        if part.startswith("{") and part.endswith("}"):
            if not segments[index]:
                return None
            kinds.append(1)
        elif unquote(segments[index]) == part:
            kinds.append(2)
        else:
            return None
    if not greedy and len(segments) != len(pattern):
        return None
    return (0 if greedy else 1, len(kinds), tuple(kinds), 1 if route.method == method else 0)


def _parameters(route: HttpRoute, path: str) -> dict[str, str]:
    pattern = [s for s in route.path.split("/") if s]
    segments = [] if path == "/" else path.split("/")[1:]
    parameters: dict[str, str] = {}
    for index, part in enumerate(pattern):
        if part.startswith("{") and part.endswith("+}"):
            parameters[part[1:-2]] = unquote("/".join(segments[index:]))
        elif part.startswith("{") and part.endswith("}"):
            parameters[part[1:-1]] = unquote(segments[index])
    return parameters


def match_route(integrations: Sequence[Integration], method: str, path: str) -> RouteMatch | None:
    """The integration API Gateway would pick for ``method path`` (``path`` as sent, not decoded)."""
    best: tuple[tuple[Any, ...], Integration] | None = None
    for integration in integrations:
        rank = _rank(integration.route, method, path)
        if rank is not None and (best is None or rank > best[0]):
            best = (rank, integration)
    if best is None:
        return None
    return RouteMatch(best[1], _parameters(best[1].route, path))


def token_is_valid(authorization: str | None, expected: str) -> bool:
    """The stand-in JWT authorizer: the agent token, with or without the ``Bearer`` scheme."""
    if not authorization or not expected:
        return False
    scheme, _, credential = authorization.strip().partition(" ")
    token = credential.strip() if scheme.lower() == "bearer" else authorization.strip()
    return hmac.compare_digest(token.encode("utf-8"), expected.encode("utf-8"))


def _is_text(content_type: str | None) -> bool:
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media.startswith(_TEXT_TYPES) or media.endswith(_TEXT_SUFFIXES)


def _request_id() -> str:
    """API Gateway's request IDs look like ``JKJaXmPLvHcESHA=``."""
    return base64.b64encode(secrets.token_bytes(10)).decode("ascii")


def http_api_event(
    *,
    match: RouteMatch,
    method: str,
    raw_path: str,
    raw_query: str,
    headers: Message,
    body: bytes,
    source_ip: str,
    api_id: str,
    account_id: str,
    claims: Mapping[str, str] | None,
    request_id: str,
    now: datetime,
    server_port: int,
) -> dict[str, Any]:
    """The payload format 2.0 event for one request."""
    lowered: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in headers.items():
        key = name.lower()
        if key == "cookie":
            cookies += [c.strip() for c in value.split(";") if c.strip()]
            continue
        lowered[key] = f"{lowered[key]},{value}" if key in lowered else value
    lowered.setdefault("x-forwarded-for", source_ip)
    lowered.setdefault("x-forwarded-port", str(server_port))
    lowered.setdefault("x-forwarded-proto", "http")
    lowered.setdefault("x-amzn-trace-id", f"Root=1-{int(now.timestamp()):08x}-{secrets.token_hex(12)}")
    domain = lowered.get("host", f"{api_id}.execute-api.localhost")
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": match.integration.route_key,
        "rawPath": raw_path,
        "rawQueryString": raw_query,
    }
    if cookies:
        event["cookies"] = cookies
    event["headers"] = lowered
    if raw_query:
        query: dict[str, str] = {}
        for key, value in parse_qsl(raw_query, keep_blank_values=True):
            query[key] = f"{query[key]},{value}" if key in query else value
        event["queryStringParameters"] = query
    request_context: dict[str, Any] = {"accountId": account_id, "apiId": api_id}
    if claims is not None:
        request_context["authorizer"] = {"jwt": {"claims": dict(claims), "scopes": None}}
    request_context |= {
        "domainName": domain,
        "domainPrefix": domain.split(".", 1)[0],
        "http": {
            "method": method,
            "path": raw_path,
            "protocol": "HTTP/1.1",
            "sourceIp": source_ip,
            "userAgent": lowered.get("user-agent", ""),
        },
        "requestId": request_id,
        "routeKey": match.integration.route_key,
        "stage": "$default",
        "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
        "timeEpoch": int(now.timestamp() * 1000),
    }
    event["requestContext"] = request_context
    if match.path_parameters:
        event["pathParameters"] = dict(match.path_parameters)
    if body:
        if _is_text(headers.get("content-type")):
            try:
                event["body"] = body.decode("utf-8")
                event["isBase64Encoded"] = False
            except UnicodeDecodeError:
                event["body"] = base64.b64encode(body).decode("ascii")
                event["isBase64Encoded"] = True
        else:
            event["body"] = base64.b64encode(body).decode("ascii")
            event["isBase64Encoded"] = True
    else:
        event["isBase64Encoded"] = False
    return event


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def _json_response(status: int, payload: Mapping[str, Any]) -> HttpResponse:
    return HttpResponse(status, [("content-type", "application/json")], json.dumps(payload).encode("utf-8"))


def http_response(payload: Any) -> HttpResponse:
    """A Lambda result turned into HTTP by the payload format 2.0 rules."""
    if not isinstance(payload, dict) or "statusCode" not in payload:
        text = payload if isinstance(payload, str) else json.dumps(payload)
        return HttpResponse(200, [("content-type", "application/json")], text.encode("utf-8"))
    status = payload.get("statusCode")
    if isinstance(status, str) and status.isdigit():
        status = int(status)
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        log.error("the function returned an invalid statusCode: %r", status)
        return _json_response(*INTERNAL_ERROR)
    headers: list[tuple[str, str]] = []
    for name, value in (payload.get("headers") or {}).items():
        headers.append((str(name), str(value)))
    if payload.get("multiValueHeaders"):
        log.warning("multiValueHeaders is a payload format 1.0 field; HTTP APIs ignore it")
    for cookie in payload.get("cookies") or []:
        headers.append(("set-cookie", str(cookie)))
    raw_body = payload.get("body")
    if raw_body is None:
        body = b""
    elif payload.get("isBase64Encoded"):
        try:
            body = base64.b64decode(str(raw_body), validate=True)
        except ValueError:
            log.error("the function returned isBase64Encoded with a body that is not base64")
            return _json_response(*INTERNAL_ERROR)
    else:
        body = (raw_body if isinstance(raw_body, str) else json.dumps(raw_body)).encode("utf-8")
    return HttpResponse(status, headers, body)


class LocalHttpApi:
    """The HTTP API on 127.0.0.1:<port>, one thread per connection, like API Gateway in front of Lambda."""

    def __init__(
        self,
        integrations: Sequence[Integration],
        *,
        agent_token: str,
        account_id: str,
        host: str = "127.0.0.1",
        port: int = 8080,
    ) -> None:
        if not agent_token:
            raise ValueError("the local HTTP API needs an agent token")
        self.integrations = list(integrations)
        self.account_id = account_id
        self.api_id = "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(10))
        self._agent_token = agent_token
        self._http = HttpService(host, port, name="HTTP API", poll_interval_s=0.1)
        self._lock = threading.Lock()
        self._in_flight = 0

    @property
    def port(self) -> int:
        return self._http.port

    @property
    def url(self) -> str:
        return self._http.url

    @property
    def in_flight(self) -> int:
        with self._lock:
            return self._in_flight

    def start(self) -> LocalHttpApi:
        self._http.start(_make_handler(self))
        return self

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> LocalHttpApi:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def handle(
        self, *, method: str, target: str, headers: Message, body: bytes, source_ip: str, server_port: int
    ) -> tuple[HttpResponse, str]:
        """One request through routing, the authorizer and the integration; the response and request ID."""
        request_id = _request_id()
        raw_path, _, raw_query = target.partition("?")
        raw_path = raw_path or "/"
        match = match_route(self.integrations, method, raw_path)
        if match is None:
            return _json_response(*NOT_FOUND), request_id
        claims: dict[str, str] | None = None
        if match.integration.route.authorized:
            if not token_is_valid(headers.get("authorization"), self._agent_token):
                return _json_response(*UNAUTHORIZED), request_id
            claims = dict(LOCAL_AGENT_CLAIMS)
        event = http_api_event(
            match=match,
            method=method,
            raw_path=raw_path,
            raw_query=raw_query,
            headers=headers,
            body=body,
            source_ip=source_ip,
            api_id=self.api_id,
            account_id=self.account_id,
            claims=claims,
            request_id=request_id,
            now=datetime.now(UTC),
            server_port=server_port,
        )
        with self._lock:
            self._in_flight += 1
        try:
            result = match.integration.function.invoke(event, request_id=str(uuid.uuid4()))
        finally:
            with self._lock:
                self._in_flight -= 1
        if not result.ok:
            return _json_response(*INTERNAL_ERROR), request_id
        return http_response(result.payload), request_id


def _make_handler(api: LocalHttpApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "ghostdesk-local-apigw"
        sys_version = ""

        def _serve(self) -> None:
            started = time.monotonic()
            body = self._read_body()
            if body is None:
                response, request_id = _json_response(*TOO_LARGE), _request_id()
            else:
                response, request_id = api.handle(
                    method=self.command,
                    target=self.path,
                    headers=self.headers,
                    body=body,
                    source_ip=self.client_address[0],
                    server_port=api.port,
                )
            self.send_response(response.status)
            names = {name.lower() for name, _ in response.headers}
            for name, value in response.headers:
                self.send_header(name, value)
            if "content-length" not in names:
                self.send_header("Content-Length", str(len(response.body)))
            self.send_header("apigw-requestid", request_id)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(response.body)
            log.info(
                "%s %s -> %d (%.0f ms)",
                self.command,
                self.path.partition("?")[0],
                response.status,
                (time.monotonic() - started) * 1000,
            )

        def _read_body(self) -> bytes | None:
            if "chunked" in (self.headers.get("transfer-encoding") or "").lower():
                chunks, total = [], 0
                while True:
                    size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        break
                    total += size
                    if total > MAX_REQUEST_BYTES:
                        self.close_connection = True
                        return None
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
                return b"".join(chunks)
            length = int(self.headers.get("content-length") or 0)
            if length > MAX_REQUEST_BYTES:
                self.close_connection = True
                return None
            return self.rfile.read(length) if length > 0 else b""

        # BaseHTTPRequestHandler dispatches on these names; every method goes through the same path.
        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def do_PUT(self) -> None:
            self._serve()

        def do_PATCH(self) -> None:
            self._serve()

        def do_DELETE(self) -> None:
            self._serve()

        def do_OPTIONS(self) -> None:
            self._serve()

        def do_HEAD(self) -> None:
            self._serve()

        def log_message(self, format: str, *args: Any) -> None:
            log.debug(format, *args)

    return Handler
