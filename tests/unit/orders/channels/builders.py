"""Orders of the other channels, each in its own API's shape, built from a few facts (for tests)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ghostdesk.orders.channels.fields import epoch_ms, format_date_time

NOW = datetime.now(UTC).replace(microsecond=0)  # the simulators' clock is the real one


def shopify_order(
    number: int,
    *,
    email: str | None = "buyer@example.org",
    name: str | None = "Anna Kowalski",
    created: datetime = NOW - timedelta(days=5),
    fulfillment: str = "UNFULFILLED",
    financial: str | None = "PAID",
    cancelled: datetime | None = None,
    title: str = "Ceramic Pour-Over Coffee Dripper",
    tracking: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """An ``Order`` node as the Admin GraphQL API returns it for the connector's query."""
    first, _, last = (name or "").partition(" ")
    return {
        "id": f"gid://shopify/Order/{6120004280000 + number}",
        "name": f"#{number}",
        "email": email,
        "createdAt": format_date_time(created),
        "updatedAt": format_date_time(created + timedelta(hours=1)),
        "cancelledAt": format_date_time(cancelled) if cancelled else None,
        "displayFinancialStatus": financial,
        "displayFulfillmentStatus": fulfillment,
        "customer": {"displayName": name, "firstName": first or None, "lastName": last or None}
        if name
        else None,
        "billingAddress": {"name": name} if name else None,
        "shippingAddress": {"name": name} if name else None,
        "lineItems": {"nodes": [{"title": title, "quantity": 1}]},
        "fulfillments": [{"trackingInfo": [{"company": tracking[0], "number": tracking[1]}]}]
        if tracking
        else [],
    }


def ebay_order(
    order_id: str,
    *,
    username: str = "claire_d_1987",
    full_name: str | None = "Claire Dubois",
    email: str | None = "5d9e2f41a7c3b8e0f6d2@members.ebay.com",
    ship_to: str | None = None,
    created: datetime = NOW - timedelta(days=4),
    fulfillment: str = "NOT_STARTED",
    payment: str = "PAID",
    cancel_state: str = "NONE_REQUESTED",
    title: str = "Hand-Thrown Stoneware Mug Set of 2",
) -> dict[str, Any]:
    """A Sell Fulfillment API ``Order``."""
    registration: dict[str, Any] = {"contactAddress": {"countryCode": "US"}}
    if full_name:
        registration["fullName"] = full_name
    if email:
        registration["email"] = email
    return {
        "orderId": order_id,
        "legacyOrderId": order_id,
        "creationDate": format_date_time(created, millis=True),
        "lastModifiedDate": format_date_time(created + timedelta(minutes=2), millis=True),
        "orderFulfillmentStatus": fulfillment,
        "orderPaymentStatus": payment,
        "sellerId": "ghostdesk-test-seller",
        "buyer": {"username": username, "buyerRegistrationAddress": registration},
        "cancelStatus": {"cancelState": cancel_state, "cancelRequests": []},
        "fulfillmentStartInstructions": [
            {
                "fulfillmentInstructionsType": "SHIP_TO",
                "shippingStep": {
                    "shipTo": {
                        "fullName": ship_to or full_name or username,
                        "contactAddress": {"countryCode": "US"},
                    },
                    "shippingCarrierCode": "USPS",
                },
            }
        ],
        "lineItems": [
            {
                "lineItemId": "10062391473201",
                "title": title,
                "quantity": 1,
                "lineItemFulfillmentStatus": fulfillment,
            }
        ],
    }


def walmart_order(
    purchase_order_id: str,
    *,
    customer_order_id: str | None = None,
    email: str | None = "jordan.ellis@example.net",
    ship_to: str | None = "Maria Ellis",
    created: datetime = NOW - timedelta(days=6),
    statuses: tuple[str, ...] = ("Acknowledged",),
    title: str = "Cast Iron Dutch Oven, 6 Quart",
    tracking: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """A Marketplace Orders API ``order``: one order line per status given."""
    lines = []
    for number, status in enumerate(statuses, start=1):
        entry: dict[str, Any] = {
            "status": status,
            "statusQuantity": {"unitOfMeasurement": "EACH", "amount": "1"},
        }
        if tracking and status in ("Shipped", "Delivered"):
            entry["trackingInfo"] = {
                "shipDateTime": epoch_ms(created + timedelta(days=1)),
                "carrierName": {"carrier": tracking[0]},
                "methodCode": "Standard",
                "trackingNumber": tracking[1],
            }
        lines.append(
            {
                "lineNumber": str(number),
                "item": {"productName": title, "sku": f"SKU-{number}"},
                "orderLineQuantity": {"unitOfMeasurement": "EACH", "amount": "1"},
                "statusDate": epoch_ms(created),
                "orderLineStatuses": {"orderLineStatus": [entry]},
            }
        )
    order: dict[str, Any] = {
        "purchaseOrderId": purchase_order_id,
        "customerOrderId": customer_order_id or f"2000{purchase_order_id[-11:]}",
        "orderDate": epoch_ms(created),
        "shippingInfo": {"methodCode": "Standard", "postalAddress": {"country": "USA"}},
        "orderLines": {"orderLine": lines},
    }
    if email:
        order["customerEmailId"] = email
    if ship_to:
        order["shippingInfo"]["postalAddress"]["name"] = ship_to
    return order
