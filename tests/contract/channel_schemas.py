"""JSON Schemas of the Shopify, eBay and Walmart wire shapes ghostdesk relies on, written from their
public documentation (no machine-readable model of these APIs is vendored in this repository).

Each schema covers what the connectors send and read, with objects closed to the property names the
documentation lists, so an invented or misspelt field fails. Where a documented object has many more
properties than ghostdesk uses, the full list of documented names is given and only the used ones are
typed. Sources:

- Shopify Admin GraphQL API 2025-01 (shopify.dev/docs/api/admin-graphql/2025-01): ``QueryRoot.orders``
  (arguments ``first``, ``after``, ``query``, ``sortKey``, ``reverse``), ``OrderConnection`` /
  ``OrderEdge`` / ``PageInfo``, ``Order`` (``id`` GID, ``name``, ``email``, ``createdAt``,
  ``updatedAt``, ``cancelledAt``, ``displayFinancialStatus`` (OrderDisplayFinancialStatus),
  ``displayFulfillmentStatus`` (OrderDisplayFulfillmentStatus), ``customer``, ``billingAddress``,
  ``shippingAddress``, ``lineItems``, ``fulfillments``), ``Customer`` (``displayName``, ``firstName``,
  ``lastName``), ``MailingAddress.name``, ``LineItem`` (``title``, ``quantity``),
  ``Fulfillment.trackingInfo`` / ``FulfillmentTrackingInfo`` (``company``, ``number``); GraphQL over
  HTTP (``POST /admin/api/{version}/graphql.json``, ``X-Shopify-Access-Token``); rate limits
  (shopify.dev/docs/api/usage/limits: ``extensions.cost`` with ``requestedQueryCost``,
  ``actualQueryCost``, ``throttleStatus {maximumAvailable, currentlyAvailable, restoreRate}``; a
  throttled query answers ``errors[{message: "Throttled", extensions: {code: "THROTTLED"}}]``).
- eBay Sell Fulfillment API v1 (developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/
  getOrders and its OpenAPI 3 document ``sell_fulfillment_v1_oas3.json``): query parameters
  ``fieldGroups``, ``filter``, ``limit``, ``offset``, ``orderIds``; ``OrderSearchPagedCollection``;
  ``Order``, ``Buyer``, ``ExtendedContact``, ``FulfillmentStartInstruction``, ``ShippingStep``,
  ``LineItem``, ``CancelStatus``; ``ErrorDetailV3``. OAuth (developer.ebay.com/api-docs/static/
  oauth-refresh-token-request.html): ``POST /identity/v1/oauth2/token``, Basic client credentials,
  form ``grant_type=refresh_token``, ``refresh_token``, ``scope``; answer ``access_token``,
  ``expires_in``, ``token_type``.
- Walmart Marketplace (developer.walmart.com/us-marketplace): Token API (``POST /v3/token``, Basic
  client credentials, ``WM_SVC.NAME``, ``WM_QOS.CORRELATION_ID``, form ``grant_type=client_credentials``;
  answer ``access_token``, ``token_type``, ``expires_in``); Orders API ``GET /v3/orders`` (query
  parameters below, ``WM_SEC.ACCESS_TOKEN``; answer ``list.meta {totalCount, limit, nextCursor}`` and
  ``list.elements.order[]``); the order, shipping info, order line and line status objects; the
  gateway's error shape ``{"errors": {"error": [{code, field, description, info, severity, category,
  causes, errorIdentifiers}]}}``.
"""

from __future__ import annotations

from typing import Any

STRING: dict[str, Any] = {"type": "string"}
NULLABLE_STRING: dict[str, Any] = {"type": ["string", "null"]}
DATE_TIME: dict[str, Any] = {"type": "string", "format": "date-time"}
INTEGER: dict[str, Any] = {"type": "integer"}
EPOCH_MS: dict[str, Any] = {"type": "integer", "minimum": 0}


def closed(
    properties: dict[str, Any], required: tuple[str, ...] = (), *, also: tuple[str, ...] = ()
) -> dict[str, Any]:
    """An object with exactly these documented properties (``also``: documented, not used, any value)."""
    return {
        "type": "object",
        "properties": {**properties, **{name: {} for name in also}},
        "required": list(required),
        "additionalProperties": False,
    }


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


# --- Shopify -------------------------------------------------------------------------------------------

SHOPIFY_FINANCIAL = [
    "AUTHORIZED", "EXPIRED", "PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED", "PENDING", "REFUNDED", "VOIDED",
]  # fmt: skip
SHOPIFY_FULFILLMENT = [
    "FULFILLED", "IN_PROGRESS", "ON_HOLD", "OPEN", "PARTIALLY_FULFILLED", "PENDING_FULFILLMENT",
    "REQUEST_DECLINED", "RESTOCKED", "SCHEDULED", "UNFULFILLED",
]  # fmt: skip

#: The documented fields of each type the connector's query may select (type -> field -> type).
SHOPIFY_TYPES: dict[str, dict[str, str | None]] = {
    "QueryRoot": {"orders": "OrderConnection"},
    "OrderConnection": {"edges": "OrderEdge", "nodes": "Order", "pageInfo": "PageInfo"},
    "OrderEdge": {"cursor": None, "node": "Order"},
    "PageInfo": {"hasNextPage": None, "hasPreviousPage": None, "startCursor": None, "endCursor": None},
    "Order": {
        "id": None,
        "name": None,
        "email": None,
        "createdAt": None,
        "updatedAt": None,
        "cancelledAt": None,
        "closedAt": None,
        "displayFinancialStatus": None,
        "displayFulfillmentStatus": None,
        "customer": "Customer",
        "billingAddress": "MailingAddress",
        "shippingAddress": "MailingAddress",
        "lineItems": "LineItemConnection",
        "fulfillments": "Fulfillment",
    },
    "Customer": {"displayName": None, "firstName": None, "lastName": None},
    "MailingAddress": {"name": None, "firstName": None, "lastName": None},
    "LineItemConnection": {"nodes": "LineItem", "edges": "LineItemEdge"},
    "LineItemEdge": {"node": "LineItem", "cursor": None},
    "LineItem": {"title": None, "quantity": None, "name": None, "sku": None},
    "Fulfillment": {"trackingInfo": "FulfillmentTrackingInfo"},
    "FulfillmentTrackingInfo": {"company": None, "number": None, "url": None},
}

SHOPIFY_ORDER = closed(
    {
        "id": {"type": "string", "pattern": r"^gid://shopify/Order/\d+$"},
        "name": STRING,
        "email": NULLABLE_STRING,
        "createdAt": DATE_TIME,
        "updatedAt": DATE_TIME,
        "cancelledAt": nullable(DATE_TIME),
        "displayFinancialStatus": {"enum": [*SHOPIFY_FINANCIAL, None]},
        "displayFulfillmentStatus": {"enum": SHOPIFY_FULFILLMENT},
        "customer": nullable(
            closed({"displayName": STRING, "firstName": NULLABLE_STRING, "lastName": NULLABLE_STRING})
        ),
        "billingAddress": nullable(closed({"name": NULLABLE_STRING})),
        "shippingAddress": nullable(closed({"name": NULLABLE_STRING})),
        "lineItems": closed(
            {"nodes": {"type": "array", "items": closed({"title": STRING, "quantity": INTEGER}, ("title",))}},
            ("nodes",),
        ),
        "fulfillments": {
            "type": "array",
            "items": closed(
                {
                    "trackingInfo": {
                        "type": "array",
                        "items": closed({"company": NULLABLE_STRING, "number": NULLABLE_STRING}),
                    }
                }
            ),
        },
    },
    ("id", "name", "createdAt", "displayFulfillmentStatus"),
)

SHOPIFY_REQUEST = closed(
    {
        "query": STRING,
        "variables": closed(
            {
                "first": {"type": "integer", "minimum": 1, "maximum": 250},
                "after": NULLABLE_STRING,
                "query": STRING,
            },
            ("first", "query"),
        ),
        "operationName": STRING,
    },
    ("query",),
)

SHOPIFY_COST = closed(
    {
        "requestedQueryCost": INTEGER,
        "actualQueryCost": {"type": ["integer", "null"]},
        "throttleStatus": closed(
            {
                "maximumAvailable": {"type": "number"},
                "currentlyAvailable": {"type": "number"},
                "restoreRate": {"type": "number"},
            },
            ("maximumAvailable", "currentlyAvailable", "restoreRate"),
        ),
    },
    ("requestedQueryCost", "actualQueryCost", "throttleStatus"),
)

SHOPIFY_ORDERS_RESPONSE = closed(
    {
        "data": closed(
            {
                "orders": closed(
                    {
                        "edges": {
                            "type": "array",
                            "items": closed({"cursor": STRING, "node": SHOPIFY_ORDER}, ("cursor", "node")),
                        },
                        "pageInfo": closed(
                            {"hasNextPage": {"type": "boolean"}, "endCursor": NULLABLE_STRING}
                        ),
                    },
                    ("edges", "pageInfo"),
                )
            },
            ("orders",),
        ),
        "extensions": closed({"cost": SHOPIFY_COST}, ("cost",), also=("search",)),
    },
    ("data",),
)

SHOPIFY_ERRORS_RESPONSE = closed(
    {
        "errors": {
            "type": "array",
            "minItems": 1,
            "items": closed(
                {
                    "message": STRING,
                    "extensions": closed({"code": STRING, "documentation": STRING}, ("code",)),
                },
                ("message",),
                also=("locations", "path"),
            ),
        },
        "extensions": closed({"cost": SHOPIFY_COST}),
    },
    ("errors",),
)

#: Shopify's non-GraphQL error answers (401, 402, 403, 404, 423, 429, 5xx): ``{"errors": <text or object>}``.
SHOPIFY_HTTP_ERROR = closed({"errors": {"type": ["string", "object"]}}, ("errors",))

# --- eBay ----------------------------------------------------------------------------------------------

EBAY_GET_ORDERS_PARAMETERS = frozenset({"fieldGroups", "filter", "limit", "offset", "orderIds"})
EBAY_FULFILLMENT_STATUS = ["NOT_STARTED", "IN_PROGRESS", "FULFILLED"]
EBAY_PAYMENT_STATUS = ["FAILED", "FULLY_REFUNDED", "PAID", "PARTIALLY_REFUNDED", "PENDING"]

EBAY_CONTACT = closed(
    {"fullName": STRING, "email": STRING},
    also=("companyName", "contactAddress", "primaryPhone", "secondaryPhone"),
)
EBAY_ORDER = closed(
    {
        "orderId": STRING,
        "legacyOrderId": STRING,
        "creationDate": DATE_TIME,
        "lastModifiedDate": DATE_TIME,
        "orderFulfillmentStatus": {"enum": EBAY_FULFILLMENT_STATUS},
        "orderPaymentStatus": {"enum": EBAY_PAYMENT_STATUS},
        "sellerId": STRING,
        "buyer": closed(
            {"username": STRING, "buyerRegistrationAddress": EBAY_CONTACT},
            also=("taxAddress", "taxIdentifier"),
        ),
        "cancelStatus": closed(
            {"cancelState": {"enum": ["CANCELED", "IN_PROGRESS", "NONE_REQUESTED"]}},
            also=("cancelledDate", "cancelRequests"),
        ),
        "fulfillmentStartInstructions": {
            "type": "array",
            "items": closed(
                {
                    "shippingStep": closed(
                        {"shipTo": EBAY_CONTACT},
                        also=("shippingCarrierCode", "shippingServiceCode", "shipToReferenceId"),
                    )
                },
                also=(
                    "destinationTimeZone",
                    "ebaySupportedFulfillment",
                    "finalDestinationAddress",
                    "fulfillmentInstructionsType",
                    "maxEstimatedDeliveryDate",
                    "minEstimatedDeliveryDate",
                    "pickupStep",
                ),
            ),
        },
        "lineItems": {
            "type": "array",
            "items": closed(
                {
                    "title": STRING,
                    "quantity": INTEGER,
                    "lineItemFulfillmentStatus": {"enum": EBAY_FULFILLMENT_STATUS},
                },
                ("title",),
                also=(
                    "appliedPromotions",
                    "deliveryCost",
                    "discountedLineItemCost",
                    "ebayCollectAndRemitTaxes",
                    "giftDetails",
                    "itemLocation",
                    "legacyItemId",
                    "legacyVariationId",
                    "lineItemCost",
                    "lineItemFulfillmentInstructions",
                    "lineItemId",
                    "linkedOrderLineItems",
                    "listingMarketplaceId",
                    "properties",
                    "purchaseMarketplaceId",
                    "refunds",
                    "sku",
                    "soldFormat",
                    "taxes",
                    "total",
                    "variationAspects",
                ),
            ),
        },
    },
    ("orderId", "creationDate", "orderFulfillmentStatus", "lineItems"),
    also=(
        "buyerCheckoutNotes",
        "ebayCollectAndRemitTax",
        "fulfillmentHrefs",
        "paymentSummary",
        "pricingSummary",
        "program",
        "salesRecordReference",
        "totalFeeBasisAmount",
        "totalMarketplaceFee",
    ),
)
EBAY_ERROR = closed(
    {"errorId": INTEGER, "domain": STRING, "category": STRING, "message": STRING, "longMessage": STRING},
    ("errorId", "domain", "category", "message"),
    also=("subdomain", "inputRefIds", "outputRefIds", "parameters"),
)
EBAY_ORDERS_RESPONSE = closed(
    {
        "href": STRING,
        "limit": INTEGER,
        "next": STRING,
        "offset": INTEGER,
        "orders": {"type": "array", "items": EBAY_ORDER},
        "prev": STRING,
        "total": INTEGER,
        "warnings": {"type": "array", "items": EBAY_ERROR},
    },
    ("href", "orders", "total"),
)
EBAY_ERRORS_RESPONSE = closed({"errors": {"type": "array", "items": EBAY_ERROR, "minItems": 1}}, ("errors",))
EBAY_TOKEN_REQUEST = closed(
    {"grant_type": {"const": "refresh_token"}, "refresh_token": STRING, "scope": STRING},
    ("grant_type", "refresh_token"),
)
EBAY_TOKEN_RESPONSE = closed(
    {"access_token": STRING, "expires_in": INTEGER, "token_type": {"const": "User Access Token"}},
    ("access_token", "expires_in", "token_type"),
)
EBAY_TOKEN_ERROR = closed({"error": STRING, "error_description": STRING}, ("error",))

# --- Walmart -------------------------------------------------------------------------------------------

WALMART_ORDERS_PARAMETERS = frozenset(
    {
        "sku", "customerOrderId", "purchaseOrderId", "status", "createdStartDate", "createdEndDate",
        "fromExpectedShipDate", "toExpectedShipDate", "lastModifiedStartDate", "lastModifiedEndDate", "limit",
        "productInfo", "shipNodeType", "shippingProgramType", "replacementInfo", "orderType", "incentiveInfo",
        # the parameters Walmart itself writes into meta.nextCursor
        "hasMoreElements", "soIndex", "poIndex", "partnerId", "sellerId", "cursor",
    }
)  # fmt: skip
WALMART_REQUIRED_HEADERS = ("wm_svc.name", "wm_qos.correlation_id")
WALMART_LINE_STATUS = ["Created", "Acknowledged", "Shipped", "Delivered", "Cancelled", "Refund"]
_QUANTITY = closed({"unitOfMeasurement": STRING, "amount": STRING}, ("unitOfMeasurement", "amount"))

WALMART_ORDER = closed(
    {
        "purchaseOrderId": STRING,
        "customerOrderId": STRING,
        "customerEmailId": STRING,
        "orderDate": EPOCH_MS,
        "shippingInfo": closed(
            {
                "estimatedDeliveryDate": EPOCH_MS,
                "estimatedShipDate": EPOCH_MS,
                "methodCode": STRING,
                "postalAddress": closed(
                    {"name": STRING},
                    also=("address1", "address2", "city", "state", "postalCode", "country", "addressType"),
                ),
            },
            also=("phone",),
        ),
        "orderLines": closed(
            {
                "orderLine": {
                    "type": "array",
                    "minItems": 1,
                    "items": closed(
                        {
                            "lineNumber": STRING,
                            "item": closed(
                                {"productName": STRING},
                                ("productName",),
                                also=("sku", "imageUrl", "weight", "condition"),
                            ),
                            "orderLineQuantity": _QUANTITY,
                            "statusDate": EPOCH_MS,
                            "orderLineStatuses": closed(
                                {
                                    "orderLineStatus": {
                                        "type": "array",
                                        "minItems": 1,
                                        "items": closed(
                                            {
                                                "status": {"enum": WALMART_LINE_STATUS},
                                                "statusQuantity": _QUANTITY,
                                                "trackingInfo": closed(
                                                    {
                                                        "shipDateTime": EPOCH_MS,
                                                        "carrierName": closed(
                                                            {
                                                                "otherCarrier": NULLABLE_STRING,
                                                                "carrier": STRING,
                                                            }
                                                        ),
                                                        "methodCode": STRING,
                                                        "trackingNumber": STRING,
                                                    },
                                                    also=("trackingURL", "carrierMethodCode"),
                                                ),
                                            },
                                            ("status",),
                                            also=("cancellationReason", "subSellerId", "returnCenterAddress"),
                                        ),
                                    }
                                },
                                ("orderLineStatus",),
                            ),
                        },
                        ("lineNumber", "item", "orderLineStatuses"),
                        also=(
                            "charges",
                            "refund",
                            "fulfillment",
                            "originalCarrierMethod",
                            "referenceLineId",
                            "serialNumbers",
                            "intentToCancel",
                            "configId",
                            "sellerOrderId",
                        ),
                    ),
                }
            },
            ("orderLine",),
        ),
    },
    ("purchaseOrderId", "customerOrderId", "orderDate", "orderLines"),
    also=(
        "orderType",
        "originalCustomerOrderID",
        "shipNode",
        "buyerInfo",
        "mart",
        "isGuest",
        "paymentTypes",
        "orderSummary",
        "pickupPersons",
    ),
)
WALMART_ORDERS_RESPONSE = closed(
    {
        "list": closed(
            {
                "meta": closed(
                    {"totalCount": INTEGER, "limit": INTEGER, "nextCursor": NULLABLE_STRING},
                    ("totalCount", "limit"),
                ),
                "elements": closed({"order": {"type": "array", "items": WALMART_ORDER}}, ("order",)),
            },
            ("meta", "elements"),
        )
    },
    ("list",),
)
WALMART_ERROR = closed(
    {
        "code": STRING,
        "field": STRING,
        "description": STRING,
        "info": STRING,
        "severity": {"enum": ["INFO", "WARN", "ERROR"]},
        "category": {"enum": ["APPLICATION", "SYSTEM", "REQUEST", "DATA"]},
        "causes": {"type": "array"},
        "errorIdentifiers": {"type": "object"},
    },
    ("code",),
)
WALMART_ERRORS_RESPONSE = closed(
    {"errors": closed({"error": {"type": "array", "items": WALMART_ERROR, "minItems": 1}}, ("error",))},
    ("errors",),
)
WALMART_TOKEN_ERRORS_RESPONSE = closed(
    {"error": {"type": "array", "items": WALMART_ERROR, "minItems": 1}}, ("error",)
)
WALMART_TOKEN_REQUEST = closed({"grant_type": {"const": "client_credentials"}}, ("grant_type",))
WALMART_TOKEN_RESPONSE = closed(
    {"access_token": STRING, "token_type": {"const": "Bearer"}, "expires_in": INTEGER},
    ("access_token", "token_type", "expires_in"),
)
