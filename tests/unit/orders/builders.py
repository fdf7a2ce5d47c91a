"""Orders API 2026-01-01 ``Order`` objects for tests, complete with every block, built from a few facts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ghostdesk.local.spapi_sim import SpApiSimulator
from ghostdesk.settings import Settings

US = "ATVPDKIKX0DER"
UK = "A1F83G8C2ARO7P"
DE = "A1PA6795UKMFR9"

NOW = datetime.now(UTC).replace(microsecond=0)  # orders are placed relative to the real clock the sim uses


def stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def amazon_order(
    order_id: str,
    *,
    created: datetime = NOW - timedelta(days=2),
    status: str = "PENDING",
    fulfilled_by: str = "MERCHANT",
    marketplace_id: str = US,
    buyer_name: str = "Test Buyer",
    buyer_email: str | None = "buyer-alias@marketplace.amazon.com",
    programs: tuple[str, ...] = (),
    titles: tuple[str, ...] = ("Stainless Steel Water Bottle, 32 oz",),
    package: tuple[str, str] | None = None,
    updated: datetime | None = None,
) -> dict[str, Any]:
    """A complete Order: every block a real order with these facts would have."""
    items = [
        {
            "orderItemId": f"{order_id.replace('-', '')[-12:]}{n:02d}",
            "quantityOrdered": 1,
            "product": {"asin": f"B0TEST{n:04d}", "title": title, "sellerSku": f"SKU-{n}"},
            "proceeds": {"proceedsTotal": {"amount": "10.00", "currencyCode": "USD"}},
            "fulfillment": {"quantityFulfilled": 0, "quantityUnfulfilled": 1},
            "tax": {"taxCollections": [{"model": "MarketplaceFacilitator", "responsibleParty": "Amazon"}]},
        }
        for n, title in enumerate(titles)
    ]
    buyer: dict[str, str] = {"buyerName": buyer_name}
    if buyer_email is not None:
        buyer["buyerEmail"] = buyer_email
    order: dict[str, Any] = {
        "orderId": order_id,
        "createdTime": stamp(created),
        "lastUpdatedTime": stamp(updated or created + timedelta(minutes=30)),
        "programs": list(programs),
        "salesChannel": {
            "channelName": "AMAZON",
            "marketplaceId": marketplace_id,
            "marketplaceName": "Amazon.com",
        },
        "buyer": buyer,
        "recipient": {"deliveryAddress": {"name": buyer_name, "city": "Columbus", "countryCode": "US"}},
        "proceeds": {"grandTotal": {"amount": "10.00", "currencyCode": "USD"}},
        "payment": {"paymentExecutions": [{"paymentMethod": "CREDIT_CARD"}]},
        "fulfillment": {
            "fulfillmentStatus": status,
            "fulfilledBy": fulfilled_by,
            "fulfillmentServiceLevel": "STANDARD",
        },
        "orderItems": items,
    }
    if package is not None:
        order["packages"] = [
            {
                "packageReferenceId": f"PKG-{order_id}",
                "packageStatus": {"status": "IN_TRANSIT"},
                "carrier": package[0],
                "trackingNumber": package[1],
            }
        ]
    return order


def many_orders(
    count: int, *, start: datetime, step: timedelta = timedelta(minutes=7)
) -> list[dict[str, Any]]:
    """``count`` merchant-fulfilled orders created ``step`` apart from ``start``; every 10th is SHIPPED."""
    return [
        amazon_order(
            f"111-{1000000 + n:07d}-{2000000 + n:07d}",
            created=start + n * step,
            status="SHIPPED" if n % 10 == 0 else "PENDING",
            buyer_email=f"alias{n:04d}@marketplace.amazon.com",
        )
        for n in range(count)
    ]


def sim_settings(sim: SpApiSimulator, **changes: Any) -> Settings:
    """Settings pointing python-amazon-sp-api at the simulator, as GHOSTDESK_SPAPI_ENDPOINT etc. would."""
    return Settings(spapi_endpoint=sim.url, lwa_token_url=sim.token_url, **changes)
