"""The audit log in DynamoDB: one item per action, keyed by draft and time, never updated or deleted.

Every entry is written with a condition that no item holds its key, so even a bug cannot overwrite
history; the API function's IAM policy grants only ``PutItem`` and ``Query`` on the table. Entries expire
with the retention period (TTL), like the drafts they describe.
"""

from __future__ import annotations

from typing import Any

from ghostdesk.aws.dynamo import doc_of, to_item
from ghostdesk.review.audit import AuditEntry

PARTITION_KEY = "draft_id"
SORT_KEY = "entry"


class AuditLog:
    def __init__(self, client: Any, table_name: str) -> None:
        self._client = client
        self.name = table_name

    def append(self, entry: AuditEntry) -> None:
        item = to_item(
            {
                PARTITION_KEY: entry.draft_id,
                SORT_KEY: entry.sort_key,
                "action": entry.action.value,
                "actor_sub": entry.actor.sub,
                "expires_at": entry.expires_at,
            },
            entry.to_dict(),
        )
        self._client.put_item(
            TableName=self.name,
            Item=item,
            ConditionExpression="attribute_not_exists(#pk)",
            ExpressionAttributeNames={"#pk": PARTITION_KEY},
        )

    def for_draft(self, draft_id: str) -> list[AuditEntry]:
        """Every entry about one draft, oldest first."""
        entries: list[AuditEntry] = []
        paginator = self._client.get_paginator("query")
        for page in paginator.paginate(
            TableName=self.name,
            KeyConditionExpression="#pk = :d",
            ExpressionAttributeNames={"#pk": PARTITION_KEY},
            ExpressionAttributeValues={":d": {"S": draft_id}},
            ScanIndexForward=True,
            ConsistentRead=True,
        ):
            entries.extend(AuditEntry.from_dict(doc_of(item)) for item in page.get("Items", []))
        return entries
