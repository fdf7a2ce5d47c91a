"""Personal data expires: every item the functions write into a table that holds it carries a TTL within
the configured retention.

Given a deployer who chose ``RetentionDays: 7`` (every function's ``GHOSTDESK_RETENTION_DAYS``), when a
day at the desk has gone through every function, then each item of the messages, cases, drafts, audit
and order-mirror tables (messages, claims, sent-reply markers, webhook replay guards, cases, drafts,
audit entries, mirrored orders) has an ``expires_at`` no later than seven days (and a day's grace for
short-lived claims) from now, so DynamoDB's TTL deletes it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from boto3.dynamodb.types import TypeDeserializer

from tests.integration.conftest import Stack
from tests.integration.whole_desk import run_whole_desk

RETENTION_DAYS = 7
PERSONAL_DATA_TABLES = ("MessagesTable", "CasesTable", "DraftsTable", "AuditTable", "OrdersTable")
SYNC_CHECKPOINT = "~sync#amazon"  # the order sync's own bookkeeping item: no personal data in it


def test_every_item_holding_personal_data_expires_within_the_configured_retention(stack: Stack) -> None:
    for function in stack.resources.functions.values():
        function.environment["GHOSTDESK_RETENTION_DAYS"] = str(RETENTION_DAYS)
    run_whole_desk(stack)

    latest = datetime.now(UTC) + timedelta(days=RETENTION_DAYS + 1)
    dynamodb = stack.client("dynamodb")
    deserialize = TypeDeserializer().deserialize
    for table in PERSONAL_DATA_TABLES:
        items = dynamodb.scan(TableName=stack.resources.tables[table])["Items"]
        assert items, f"the day at the desk wrote nothing into {table}"
        for item in items:
            if item.get("order_id", {}).get("S") == SYNC_CHECKPOINT:
                continue
            key = {k: deserialize(v) for k, v in item.items() if k in ("message_id", "order_id", "draft_id")}
            assert "expires_at" in item, f"{table} {key} never expires"
            expires = datetime.fromtimestamp(int(deserialize(item["expires_at"])), UTC)
            assert expires <= latest, f"{table} {key} outlives the retention: {expires}"
