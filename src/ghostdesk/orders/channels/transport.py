"""HTTP for the channel connectors: httpx with timeouts, and transport failures as typed channel errors.

Every connector asks through one :class:`JsonHttp`, so a timeout, a refused connection or an answer that
is not JSON is :class:`~ghostdesk.orders.source.MarketplaceUnavailable` for every channel alike: never a
silent "not found". httpx (a dependency of python-amazon-sp-api, so it ships in the layer) is imported
when a connector is built, not when this module is imported.
"""

from __future__ import annotations

import email.utils
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ghostdesk.orders.source import MarketplaceUnavailable

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_CONNECT_TIMEOUT_S = 3.0
USER_AGENT = "ghostdesk/0.1 (order-status inquiries)"


@dataclass(frozen=True)
class JsonResponse:
    """An HTTP answer: status, lower-case headers, the JSON body (None when there was none or not JSON)."""

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    is_json: bool = False

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class JsonHttp:
    """A small JSON client for one channel (``source`` names it in errors and logs)."""

    def __init__(
        self,
        source: str,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S,
        client: httpx.Client | None = None,
    ) -> None:
        import httpx

        self.source = source
        self._httpx = httpx
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(timeout_s, connect=connect_timeout_s),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=False,
        )

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        json_body: Any = None,
        form: Mapping[str, str] | None = None,
    ) -> JsonResponse:
        """Send one request; a transport failure raises :class:`MarketplaceUnavailable`."""
        httpx = self._httpx
        started = time.monotonic()
        try:
            response = self._client.request(
                method,
                url,
                headers=dict(headers or {}),
                params=dict(params) if params else None,
                json=json_body,
                data=dict(form) if form is not None else None,
            )
        except httpx.TimeoutException as exc:
            raise MarketplaceUnavailable(self.source, f"timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise MarketplaceUnavailable(self.source, f"connection failed ({type(exc).__name__})") from exc
        body: Any = None
        is_json = False
        if response.content:
            try:
                body = response.json()
                is_json = True
            except (json.JSONDecodeError, UnicodeDecodeError):
                body = None
        log.debug(
            "channel request",
            extra={
                "channel": self.source,
                "method": method,
                "status": response.status_code,
                "ms": round((time.monotonic() - started) * 1000),
            },
        )
        return JsonResponse(
            status=response.status_code,
            headers={k.lower(): v for k, v in response.headers.items()},
            body=body,
            is_json=is_json,
        )

    def close(self) -> None:
        self._client.close()


def retry_after_s(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), None if absent."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def unavailable_for_status(source: str, response: JsonResponse, what: str) -> MarketplaceUnavailable:
    """The error for an answer that is neither success nor throttling (auth, 4xx, 5xx)."""
    if response.status in (401, 403):
        return MarketplaceUnavailable(source, f"{what}: access denied (HTTP {response.status})")
    return MarketplaceUnavailable(source, f"{what}: HTTP {response.status}")


@dataclass(frozen=True)
class AccessToken:
    """A bearer token and when it stops working (``time.monotonic()`` seconds)."""

    value: str
    expires_at: float


class TokenCache:
    """One channel's OAuth access token, fetched on first use and again shortly before it expires.

    ``fetch`` performs the token request and returns the token with its lifetime in seconds. A token the
    API refused (401) is dropped with :meth:`forget`, so the next call fetches a fresh one.
    """

    def __init__(
        self,
        fetch: Callable[[], tuple[str, float]],
        *,
        margin_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._margin_s = margin_s
        self._clock = clock
        self._lock = threading.Lock()
        self._token: AccessToken | None = None

    def get(self) -> str:
        with self._lock:
            token = self._token
            if token is None or token.expires_at - self._margin_s <= self._clock():
                value, lifetime_s = self._fetch()
                token = AccessToken(value, self._clock() + max(0.0, lifetime_s))
                self._token = token
            return token.value

    def forget(self) -> None:
        with self._lock:
            self._token = None
