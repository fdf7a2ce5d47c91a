"""Amazon orders through python-amazon-sp-api, Orders API 2026-01-01: the only module that imports sp_api.

:class:`SpApiOrderSource` is the Amazon :class:`~ghostdesk.orders.source.OrderSource`. It builds the
library's ``OrdersV20260101`` client (what ``Orders(version="2026-01-01")`` returns) and adds what a
production caller needs around it:

- **Endpoint overrides.** ``GHOSTDESK_SPAPI_ENDPOINT`` / ``GHOSTDESK_LWA_TOKEN_URL`` (sandbox, simulator)
  replace Amazon's hosts. The library derives the ``host`` header as ``endpoint[8:]``, which is only
  right for ``https://``; the client here takes it from the URL, so ``http://127.0.0.1:8100`` works.
  The LWA token client gets its scheme, host and path from the token URL.
- **Token cache.** The library caches access tokens in one module-level cache keyed by the refresh
  token alone. Here the key also covers the token URL and the LWA app, so a sandbox, a simulator and
  Amazon never hand each other's tokens around; a 403 drops the cached token and retries once.
- **Typed errors.** 429 -> :class:`QuotaExceeded` (with ``x-amzn-RateLimit-Limit``); 5xx, timeouts,
  connection failures, LWA failures, 403 and malformed answers -> :class:`MarketplaceUnavailable`.
  Only a 404 from getOrder means "no such order".

sp_api is imported when a source is constructed, not when this module is imported, so code paths that
never talk to Amazon (the file source, tests of the logic) do not pay for it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from ghostdesk import marketplaces
from ghostdesk.models import OrderFacts
from ghostdesk.orders.amazon import (
    CHANNEL,
    FULFILLED_BY_MERCHANT,
    AmazonOrderError,
    format_timestamp,
    order_facts_from_api,
)
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from ghostdesk.settings import Settings, SettingsError

log = logging.getLogger(__name__)

SOURCE = CHANNEL
DEFAULT_TOKEN_URL = "https://api.amazon.com/auth/o2/token"  # noqa: S105 - LWA's URL, not a secret
API_VERSION = "2026-01-01"

#: The blocks diagnosis reads: status and fulfilment channel, the buyer (alias), and tracking.
DIAGNOSIS_DATA: tuple[str, ...] = ("FULFILLMENT", "BUYER", "PACKAGES")
MAX_RESULTS_PER_PAGE = 100
# Amazon answers searchOrders only for orders at least two minutes old.
SEARCH_LAG = timedelta(minutes=2)
# Amazon's default usage plans, used for retry_after when a 429 carries no x-amzn-RateLimit-Limit.
DEFAULT_RATES: Mapping[str, float] = {"getOrder": 0.5, "searchOrders": 0.0056}
# LWA publishes no usage plan; a throttled token request is retried after this long.
LWA_RETRY_AFTER_S = 1.0


class SpApiOrderSource:
    """Amazon orders of one selling partner in one region, over SP-API Orders 2026-01-01.

    ``marketplace`` (a code, an ID or a domain; default ``settings.marketplace``) picks the region
    endpoint. ``search_marketplaces`` are the marketplaces searchOrders covers (default: that one);
    a relay alias's own marketplace is always added when it is in the same region.

    Credentials, first found wins: ``credentials`` (python-amazon-sp-api's dict: ``lwa_app_id``,
    ``lwa_client_secret``, ``refresh_token``); the Secrets Manager secret ``settings.spapi_secret_id``
    (keys ``LWA_APP_ID``, ``LWA_CLIENT_SECRET``, ``SP_API_REFRESH_TOKEN``, as the library reads them);
    then the library's own chain (``LWA_APP_ID``/``LWA_CLIENT_SECRET``/``SP_API_REFRESH_TOKEN``
    environment variables, ``SP_API_AWS_SECRET_ID``, its config file). None found -> SettingsError.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        credentials: Mapping[str, str] | None = None,
        marketplace: str | None = None,
        search_marketplaces: Sequence[str] | None = None,
        timeout_s: float = 10.0,
    ) -> None:
        home = _resolve_marketplace(marketplace or settings.marketplace)
        self.marketplace = home
        searched = [_resolve_marketplace(m) for m in (search_marketplaces or [home.code])]
        self._search_marketplace_ids = tuple(dict.fromkeys(m.marketplace_id for m in searched))
        self._overridden = settings.spapi_endpoint is not None
        # The order sync lists every marketplace searched; an overridden endpoint (simulator, sandbox)
        # serves all of them, as the alias search below assumes too.
        self._sync_marketplace_ids = (
            tuple(dict.fromkeys(m.marketplace_id for m in marketplaces.MARKETPLACES))
            if self._overridden
            else self._search_marketplace_ids
        )
        endpoint = (
            _checked_url(settings.spapi_endpoint, "GHOSTDESK_SPAPI_ENDPOINT")
            if settings.spapi_endpoint
            else None
        )
        token_url = _checked_url(settings.lwa_token_url or DEFAULT_TOKEN_URL, "GHOSTDESK_LWA_TOKEN_URL")
        if credentials is None and settings.spapi_secret_id:
            credentials = _credentials_from_secret(settings.spapi_secret_id)
        self._client = _build_client(
            marketplace_code=home.code,
            marketplace_id=home.marketplace_id,
            endpoint=endpoint,
            token_url=token_url,
            credentials=dict(credentials) if credentials is not None else None,
            timeout_s=timeout_s,
        )
        self.endpoint: str = self._client.endpoint
        self.token_url = token_url
        #: Called with (operation, requests per second) whenever Amazon reports its usage plan
        #: (``x-amzn-RateLimit-Limit``), so the shared quota buckets follow the seller's real plan.
        self.rate_limit_observer: Callable[[str, float], None] | None = None

    # --- OrderSource -----------------------------------------------------------------------------
    def get_order(self, order_id: str) -> OrderFacts | None:
        """getOrder with FULFILLMENT, BUYER and PACKAGES; None when Amazon answers 404."""
        order = self.get_raw_order(order_id)
        return _facts(order) if order is not None else None

    def find_by_buyer_email(self, email: str, *, created_after: datetime) -> list[OrderFacts]:
        """Merchant-fulfilled orders since ``created_after`` whose buyer email is ``email``, newest first.

        searchOrders has no buyer filter, so this pages through every merchant-fulfilled order of the
        searched marketplaces since ``created_after`` (100 per page) and matches locally. Amazon only
        discloses the buyer email of merchant-fulfilled orders, so that is all it asks for. Each page
        costs one searchOrders call (0.0056/s, burst 20): keep ``created_after`` recent.
        """
        if created_after.tzinfo is None:
            raise ValueError("created_after must be timezone-aware")
        wanted = email.strip().casefold()
        if not wanted:
            return []
        marketplace_ids = self._marketplaces_for(wanted)
        if not marketplace_ids:
            return []
        found: list[OrderFacts] = []
        for order in self._search(
            created_after=created_after,
            last_updated_after=None,
            statuses=None,
            fulfilled_by=(FULFILLED_BY_MERCHANT,),
            marketplace_ids=marketplace_ids,
        ):
            buyer = order.get("buyer")
            buyer_email = buyer.get("buyerEmail") if isinstance(buyer, Mapping) else None
            if isinstance(buyer_email, str) and buyer_email.strip().casefold() == wanted:
                found.append(_facts(order))
        found.sort(key=lambda facts: (facts.created, facts.order_id), reverse=True)
        return found

    # --- raw access (order mirror) ---------------------------------------------------------------
    def get_raw_order(self, order_id: str) -> dict[str, Any] | None:
        """The 2026-01-01 ``Order`` with the diagnosis blocks, or None on 404."""
        from sp_api.base.exceptions import SellingApiNotFoundException

        order_id = order_id.strip()

        def request() -> Any:
            try:
                return self._client.get_order(order_id, includedData=list(DIAGNOSIS_DATA))
            except SellingApiNotFoundException:
                return None

        response = self._call("getOrder", request)
        if response is None:
            log.info("getOrder: not found", extra={"order_id": order_id})
            return None
        order = response.payload.get("order") if isinstance(response.payload, Mapping) else None
        if not isinstance(order, dict):
            raise MarketplaceUnavailable(
                SOURCE, "getOrder: the answer has no order (not an Orders API response)"
            )
        return order

    def search_orders(
        self,
        *,
        created_after: datetime | None = None,
        last_updated_after: datetime | None = None,
        statuses: Iterable[str] | None = None,
        fulfilled_by: Iterable[str] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Raw ``Order`` dicts (with the diagnosis blocks) from searchOrders, following every page.

        Exactly one of ``created_after`` / ``last_updated_after`` (Amazon's rule). ``statuses`` filters on
        fulfillment status, ``fulfilled_by`` on ``AMAZON`` / ``MERCHANT``. A generator: pages are fetched
        as they are consumed, and a 429 half-way raises :class:`QuotaExceeded` from the iteration.
        """
        if (created_after is None) == (last_updated_after is None):
            raise ValueError("give exactly one of created_after and last_updated_after")
        since = created_after or last_updated_after
        if since is not None and since.tzinfo is None:
            raise ValueError("search times must be timezone-aware")
        return self._search(
            created_after=created_after,
            last_updated_after=last_updated_after,
            statuses=tuple(statuses) if statuses is not None else None,
            fulfilled_by=tuple(fulfilled_by) if fulfilled_by is not None else None,
            marketplace_ids=self._search_marketplace_ids,
        )

    def search_orders_page(
        self,
        *,
        last_updated_after: datetime,
        last_updated_before: datetime,
        pagination_token: str | None = None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One searchOrders page by update time (the order sync): raw ``Order`` dicts and the next token.

        The sync keeps the page token in its checkpoint, so a run stopped by the quota resumes on the
        next page instead of starting the window again. Every page repeats the same parameters, as
        Amazon requires for a page token to be accepted.
        """
        for value in (last_updated_after, last_updated_before):
            if value.tzinfo is None:
                raise ValueError("search times must be timezone-aware")
        params: dict[str, Any] = {
            "marketplaceIds": list(self._sync_marketplace_ids),
            "includedData": list(DIAGNOSIS_DATA),
            "maxResultsPerPage": MAX_RESULTS_PER_PAGE,
            "lastUpdatedAfter": format_timestamp(last_updated_after),
            "lastUpdatedBefore": format_timestamp(last_updated_before),
        }
        if pagination_token:
            params["paginationToken"] = pagination_token
        response = self._call("searchOrders", functools.partial(self._client.search_orders, **params))
        orders = response.payload.get("orders") if isinstance(response.payload, Mapping) else None
        if not isinstance(orders, list):
            raise MarketplaceUnavailable(SOURCE, "searchOrders: the answer has no orders list")
        next_token = response.next_token or None
        if next_token is not None and next_token == pagination_token:
            raise MarketplaceUnavailable(SOURCE, "searchOrders: the same page token came back twice")
        return [order for order in orders if isinstance(order, dict)], next_token

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> SpApiOrderSource:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- internals -------------------------------------------------------------------------------
    def _marketplaces_for(self, email: str) -> tuple[str, ...]:
        """Marketplaces to search for a buyer email: the relay alias's own marketplace plus ours.

        An alias of another region cannot belong to an order this region's endpoint can see, so that
        search is skipped (with a real Amazon endpoint; an overridden one serves every marketplace).
        """
        domain = email.rpartition("@")[2]
        alias_marketplace = (
            marketplaces.by_domain(domain) if domain.startswith("marketplace.amazon.") else None
        )
        if alias_marketplace is None:
            return self._search_marketplace_ids
        if not self._overridden and alias_marketplace.region != self.marketplace.region:
            log.info(
                "searchOrders skipped: alias marketplace is in another region",
                extra={"alias_marketplace": alias_marketplace.code, "region": self.marketplace.region},
            )
            return ()
        return tuple(dict.fromkeys((alias_marketplace.marketplace_id, *self._search_marketplace_ids)))

    def _search(
        self,
        *,
        created_after: datetime | None,
        last_updated_after: datetime | None,
        statuses: tuple[str, ...] | None,
        fulfilled_by: tuple[str, ...] | None,
        marketplace_ids: tuple[str, ...],
    ) -> Iterator[dict[str, Any]]:
        params: dict[str, Any] = {
            # Always explicit: without marketplaceIds the library adds four spellings of it on its own.
            "marketplaceIds": list(marketplace_ids),
            "includedData": list(DIAGNOSIS_DATA),
            "maxResultsPerPage": MAX_RESULTS_PER_PAGE,
        }
        since = created_after if created_after is not None else last_updated_after
        assert since is not None
        if since > datetime.now(UTC) - SEARCH_LAG:
            return  # Amazon only lists orders at least two minutes old: nothing can match yet.
        if created_after is not None:
            params["createdAfter"] = format_timestamp(created_after)
        else:
            params["lastUpdatedAfter"] = format_timestamp(since)
        if statuses:
            params["fulfillmentStatuses"] = list(statuses)
        if fulfilled_by:
            params["fulfilledBy"] = list(fulfilled_by)

        token: str | None = None
        pages = 0
        while True:
            page_params = dict(params)
            if token is not None:
                page_params["paginationToken"] = token
            response = self._call(
                "searchOrders", functools.partial(self._client.search_orders, **page_params)
            )
            pages += 1
            orders = response.payload.get("orders") if isinstance(response.payload, Mapping) else None
            if not isinstance(orders, list):
                raise MarketplaceUnavailable(SOURCE, "searchOrders: the answer has no orders list")
            for order in orders:
                if isinstance(order, dict):
                    yield order
            next_token = response.next_token
            if not next_token:
                log.debug("searchOrders done", extra={"pages": pages})
                return
            if next_token == token:
                raise MarketplaceUnavailable(SOURCE, "searchOrders: the same page token came back twice")
            token = next_token

    def _call(self, operation: str, request: Callable[[], Any]) -> Any:
        """Run one SP-API request, translating the library's failures into the typed errors."""
        import httpx
        from sp_api.auth.exceptions import AuthorizationError
        from sp_api.base.exceptions import (
            SellingApiException,
            SellingApiForbiddenException,
            SellingApiRequestThrottledException,
        )

        for attempt in (1, 2):
            try:
                response = request()
            except SellingApiForbiddenException as exc:
                if attempt == 1:
                    # A cached access token Amazon no longer accepts (revoked, rotated): fetch a new one.
                    self._client._auth.forget()
                    continue
                raise MarketplaceUnavailable(
                    SOURCE, f"{operation}: access denied (HTTP 403 {_code(exc)})"
                ) from exc
            except SellingApiRequestThrottledException as exc:
                rate = _rate_limit(getattr(exc, "headers", None))
                self._observe(operation, rate)
                retry_after = 1.0 / (rate or DEFAULT_RATES[operation])
                log.warning(
                    "%s throttled", operation, extra={"rate_limit": rate, "retry_after_s": retry_after}
                )
                raise QuotaExceeded(SOURCE, retry_after_s=retry_after, rate_limit=rate) from exc
            except SellingApiException as exc:
                status = getattr(exc, "code", None)
                log.warning("%s failed", operation, extra={"status": status, "amzn_code": _code(exc)})
                raise MarketplaceUnavailable(
                    SOURCE,
                    f"{operation}: HTTP {status} {_code(exc)}: {getattr(exc, 'message', '')}".rstrip(": "),
                ) from exc
            except AuthorizationError as exc:
                log.warning(
                    "LWA token request failed", extra={"status": exc.status_code, "error": exc.error_code}
                )
                if exc.status_code == 429:
                    raise QuotaExceeded(SOURCE, retry_after_s=LWA_RETRY_AFTER_S) from exc
                raise MarketplaceUnavailable(
                    SOURCE, f"LWA token request failed: HTTP {exc.status_code} {exc.error_code}"
                ) from exc
            except httpx.TimeoutException as exc:
                raise MarketplaceUnavailable(
                    SOURCE, f"{operation}: timed out ({type(exc).__name__})"
                ) from exc
            except httpx.HTTPError as exc:
                raise MarketplaceUnavailable(
                    SOURCE, f"{operation}: connection failed ({type(exc).__name__})"
                ) from exc
            except json.JSONDecodeError as exc:
                # LWA (or a proxy in front of it) answered with something that is not JSON.
                raise MarketplaceUnavailable(
                    SOURCE, f"{operation}: token endpoint sent a non-JSON answer"
                ) from exc
            self._observe(operation, _rate_limit(getattr(response, "headers", None)))
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _observe(self, operation: str, rate: float | None) -> None:
        if rate is not None and self.rate_limit_observer is not None:
            self.rate_limit_observer(operation, rate)


def _facts(order: Mapping[str, Any]) -> OrderFacts:
    try:
        return order_facts_from_api(order)
    except AmazonOrderError as exc:
        raise MarketplaceUnavailable(SOURCE, f"Amazon sent an order this adapter cannot read: {exc}") from exc


def _code(exc: Exception) -> str:
    return str(getattr(exc, "amzn_code", "") or "")


def _rate_limit(headers: Any) -> float | None:
    """``x-amzn-RateLimit-Limit`` from httpx headers or a plain mapping, as a float."""
    if headers is None:
        return None
    value: Any = None
    try:
        value = headers.get("x-amzn-RateLimit-Limit")
        if value is None and isinstance(headers, Mapping):
            value = next((v for k, v in headers.items() if str(k).lower() == "x-amzn-ratelimit-limit"), None)
        rate = float(value) if value is not None else None
    except (TypeError, ValueError, AttributeError):
        return None
    return rate if rate is not None and rate > 0 else None


def _resolve_marketplace(value: str) -> marketplaces.Marketplace:
    try:
        return marketplaces.resolve(value)
    except ValueError as exc:
        raise SettingsError(f"SP-API marketplace: {exc}") from exc


def _checked_url(url: str, variable: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(f"{variable} must be an http(s) URL such as https://host[:port], got {url!r}")
    return url.rstrip("/")


def _credentials_from_secret(secret_id: str) -> dict[str, str]:
    """LWA credentials from Secrets Manager, in the key names python-amazon-sp-api uses for its secret."""
    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        response = boto3.client("secretsmanager").get_secret_value(SecretId=secret_id)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        if code in ("ResourceNotFoundException", "AccessDeniedException"):
            raise SettingsError(f"SP-API secret {secret_id!r} cannot be read: {code}") from exc
        raise MarketplaceUnavailable(SOURCE, f"Secrets Manager failed: {code}") from exc
    except BotoCoreError as exc:
        raise MarketplaceUnavailable(SOURCE, f"Secrets Manager failed: {type(exc).__name__}") from exc
    try:
        secret = json.loads(response.get("SecretString") or "")
    except json.JSONDecodeError as exc:
        raise SettingsError(f"SP-API secret {secret_id!r} must be a JSON object") from exc
    if not isinstance(secret, dict):
        raise SettingsError(f"SP-API secret {secret_id!r} must be a JSON object")
    missing = [k for k in ("LWA_APP_ID", "LWA_CLIENT_SECRET", "SP_API_REFRESH_TOKEN") if not secret.get(k)]
    if missing:
        raise SettingsError(f"SP-API secret {secret_id!r} lacks {', '.join(missing)}")
    return {
        "lwa_app_id": str(secret["LWA_APP_ID"]),
        "lwa_client_secret": str(secret["LWA_CLIENT_SECRET"]),
        "refresh_token": str(secret["SP_API_REFRESH_TOKEN"]),
    }


def _build_client(
    *,
    marketplace_code: str,
    marketplace_id: str,
    endpoint: str | None,
    token_url: str,
    credentials: dict[str, str] | None,
    timeout_s: float,
) -> Any:
    """python-amazon-sp-api's Orders 2026-01-01 client, with endpoint, host header and token client fixed."""
    from sp_api.api import OrdersV20260101
    from sp_api.auth import AccessTokenClient
    from sp_api.auth import access_token_client as token_module
    from sp_api.base import Marketplaces
    from sp_api.base.credential_provider import MissingCredentials

    token = urlsplit(token_url)

    class TokenClient(AccessTokenClient):  # type: ignore[misc]
        """LWA at the configured URL, caching tokens per URL and app as well as per refresh token."""

        scheme = f"{token.scheme}://"
        host = token.netloc
        path = (token.path or "/auth/o2/token") + (f"?{token.query}" if token.query else "")

        def _get_cache_key(self, token_flavor: str = "") -> str:
            secret_hash = hashlib.sha256((self.cred.client_secret or "").encode()).hexdigest()
            scope = "\x1f".join((token_url, self.cred.client_id or "", secret_hash, token_flavor))
            return str(super()._get_cache_key(scope))

        def forget(self) -> None:
            token_module.cache.pop(self._get_cache_key(), None)

    class OrdersClient(OrdersV20260101):  # type: ignore[misc]
        """The library's client, with a ``host`` header that is right for http:// endpoints too."""

        @property
        def headers(self) -> dict[str, str]:
            headers: dict[str, str] = dict(super().headers)
            headers["host"] = urlsplit(self.endpoint).netloc
            return headers

    try:
        client = OrdersClient(
            Marketplaces[marketplace_code],
            credentials=credentials,
            timeout=timeout_s,
            version=API_VERSION,
            auth_token_client_class=TokenClient,
        )
    except MissingCredentials as exc:
        raise SettingsError(
            "SP-API credentials are missing: set LWA_APP_ID, LWA_CLIENT_SECRET and SP_API_REFRESH_TOKEN, "
            "or GHOSTDESK_SPAPI_SECRET_ID (SP_API_AWS_SECRET_ID) naming a Secrets Manager secret"
        ) from exc
    if not client.credentials.refresh_token:
        raise SettingsError("SP-API credentials have no refresh token: set SP_API_REFRESH_TOKEN")
    # The library lets SP_API_DEFAULT_MARKETPLACE override the marketplace it was given; ours wins.
    client.marketplace_id = marketplace_id
    client.endpoint = endpoint or Marketplaces[marketplace_code].endpoint
    return client
