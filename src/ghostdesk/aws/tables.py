"""DynamoDB stores for messages, cases and drafts.

Every write that creates a record is conditional (``attribute_not_exists``), so a redelivered event can
never create a second record; every update is optimistic on a ``version`` attribute, so two workers
racing on one draft cannot overwrite each other silently.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ghostdesk.aws.dynamo import ConflictError, doc_of, is_conditional_failure, native_of, to_item
from ghostdesk.records import CaseRecord, DraftRecord, DraftStatus, MessageRecord


@dataclass(frozen=True)
class WindowClaim:
    """Who holds a time-limited claim: ``taken`` when this call took it, ``mine`` when its owner asked."""

    held_by: str | None
    claimed_at: datetime | None
    mine: bool
    taken: bool = False


class _Table:
    key: str

    def __init__(self, client: Any, table_name: str) -> None:
        self._client = client
        self.name = table_name

    def _get(self, key_value: str, *, consistent: bool = True) -> dict[str, Any] | None:
        response = self._client.get_item(
            TableName=self.name, Key={self.key: {"S": key_value}}, ConsistentRead=consistent
        )
        item: dict[str, Any] | None = response.get("Item")
        return item

    def _put_new(self, item: dict[str, Any]) -> bool:
        item["version"] = {"N": "1"}
        try:
            self._client.put_item(
                TableName=self.name,
                Item=item,
                ConditionExpression="attribute_not_exists(#k)",
                ExpressionAttributeNames={"#k": self.key},
            )
        except Exception as exc:
            if is_conditional_failure(exc):
                return False
            raise
        return True

    def _replace(
        self,
        item: dict[str, Any],
        expected_version: int,
        *,
        absent: Iterable[str] = (),
    ) -> int:
        """Write ``item`` if the stored one is still at ``expected_version`` and has none of ``absent``."""
        new_version = expected_version + 1
        item["version"] = {"N": str(new_version)}
        condition = "#v = :v"
        names = {"#v": "version"}
        for index, attribute in enumerate(absent):
            condition += f" AND attribute_not_exists(#a{index})"
            names[f"#a{index}"] = attribute
        try:
            self._client.put_item(
                TableName=self.name,
                Item=item,
                ConditionExpression=condition,
                ExpressionAttributeNames=names,
                ExpressionAttributeValues={":v": {"N": str(expected_version)}},
            )
        except Exception as exc:
            if is_conditional_failure(exc):
                raise ConflictError(f"{self.name}: item changed concurrently") from exc
            raise
        return new_version


class MessageStore(_Table):
    key = "message_id"

    def _item(self, record: MessageRecord) -> dict[str, Any]:
        return to_item(
            {
                "message_id": record.message_id,
                "received_at": record.received_at.isoformat(),
                "status": record.status.value,
                "thread_key": record.thread_key,
                "expires_at": record.expires_at,
            },
            record.to_dict(),
        )

    def put_new(self, record: MessageRecord) -> bool:
        """Store a message once; False when it is already stored (a redelivery)."""
        return self._put_new(self._item(record))

    def get(self, message_id: str) -> tuple[MessageRecord, int] | None:
        item = self._get(message_id)
        if item is None:
            return None
        return MessageRecord.from_dict(doc_of(item)), int(native_of(item, "version") or 0)

    def save(self, record: MessageRecord, expected_version: int) -> int:
        return self._replace(self._item(record), expected_version)

    def update(self, message_id: str, **changes: Any) -> MessageRecord:
        """Apply changes with optimistic retries; the record must exist."""
        for _ in range(5):
            found = self.get(message_id)
            if found is None:
                raise KeyError(message_id)
            record, version = found
            updated = record.with_changes(**changes)
            try:
                self.save(updated, version)
            except ConflictError:
                continue
            return updated
        raise ConflictError(f"message {message_id}: too many concurrent updates")

    def claim_window(self, key: str, *, owner: str, until: datetime, now: datetime) -> WindowClaim:
        """Take a time-limited claim (e.g. "acknowledged this sender and thread") for ``owner``.

        Says who holds it when the claim is taken: another owner (the window is used up), or ``owner``
        itself, which means a second delivery of the same work item is running or an earlier attempt
        stopped after claiming. Claims live in the messages table under a hashed key, so no buyer
        address is stored in clear.
        """
        claim_id = "claim#" + hashlib.sha256(key.encode()).hexdigest()
        # This call's own mark: when DynamoDB's answer to the write is lost, botocore's retry of the same
        # write fails the condition against our own item, and the mark tells it apart from another's.
        attempt = uuid.uuid4().hex
        try:
            self._client.put_item(
                TableName=self.name,
                Item={
                    "message_id": {"S": claim_id},
                    "owner": {"S": owner},
                    "attempt": {"S": attempt},
                    "claimed_at": {"N": str(int(now.timestamp()))},
                    "claimed_until": {"N": str(int(until.timestamp()))},
                    "expires_at": {"N": str(int(until.timestamp()) + 86400)},
                },
                ConditionExpression="attribute_not_exists(message_id) OR claimed_until < :now",
                ExpressionAttributeValues={":now": {"N": str(int(now.timestamp()))}},
            )
        except Exception as exc:
            if not is_conditional_failure(exc):
                raise
            existing = self._get(claim_id)
            if existing is None:  # released between our write and our read: the window is free again
                return self.claim_window(key, owner=owner, until=until, now=now)
            holder = native_of(existing, "owner")
            stamp = native_of(existing, "claimed_at")
            if native_of(existing, "attempt") == attempt:
                return WindowClaim(held_by=owner, claimed_at=now, mine=True, taken=True)
            return WindowClaim(
                held_by=str(holder) if holder is not None else None,
                claimed_at=datetime.fromtimestamp(int(stamp), tz=UTC) if stamp is not None else None,
                mine=holder == owner,
            )
        return WindowClaim(held_by=owner, claimed_at=now, mine=True, taken=True)

    def release_window(self, key: str) -> None:
        claim_id = "claim#" + hashlib.sha256(key.encode()).hexdigest()
        self._client.delete_item(TableName=self.name, Key={"message_id": {"S": claim_id}})

    def claim_once(self, key: str, *, owner: str, expires_at: int | None) -> str | None:
        """Claim ``key`` for ``owner`` for good; the current owner's ID when someone else holds it.

        Used to recognise a resent email (same sender and Message-ID, new SES delivery): the first
        delivery owns the Message-ID, later ones are duplicates. Claiming again as the same owner is
        harmless, so a redelivered notification is not mistaken for a resend.
        """
        claim_id = "once#" + hashlib.sha256(key.encode()).hexdigest()
        item: dict[str, Any] = {"message_id": {"S": claim_id}, "owner": {"S": owner}}
        if expires_at is not None:
            item["expires_at"] = {"N": str(expires_at)}
        try:
            self._client.put_item(
                TableName=self.name,
                Item=item,
                ConditionExpression="attribute_not_exists(message_id) OR #o = :me",
                ExpressionAttributeNames={"#o": "owner"},
                ExpressionAttributeValues={":me": {"S": owner}},
            )
        except Exception as exc:
            if not is_conditional_failure(exc):
                raise
            existing = self._get(claim_id)
            return str(native_of(existing, "owner")) if existing else None
        return None

    def record_sent_reply(self, rfc_message_id: str, *, answering: str, expires_at: int | None) -> None:
        """Remember a Message-ID we sent, so a buyer's reply to it is recognised as part of the thread."""
        item: dict[str, Any] = {
            "message_id": {"S": "sent#" + hashlib.sha256(rfc_message_id.encode()).hexdigest()},
            "answering": {"S": answering},
        }
        if expires_at is not None:
            item["expires_at"] = {"N": str(expires_at)}
        self._client.put_item(TableName=self.name, Item=item)

    def sent_reply_exists(self, rfc_message_id: str) -> bool:
        key = "sent#" + hashlib.sha256(rfc_message_id.encode()).hexdigest()
        return self._get(key, consistent=False) is not None


class CaseStore(_Table):
    key = "case_id"

    def _item(self, record: CaseRecord) -> dict[str, Any]:
        return to_item(
            {
                "case_id": record.case_id,
                "message_id": record.message_id,
                "order_id": record.order_id,
                "case": record.diagnosis.case.value,
                "created_at": record.created_at.isoformat(),
                "expires_at": record.expires_at,
            },
            record.to_dict(),
        )

    def put_new(self, record: CaseRecord) -> bool:
        return self._put_new(self._item(record))

    def get(self, case_id: str) -> CaseRecord | None:
        item = self._get(case_id)
        return CaseRecord.from_dict(doc_of(item)) if item else None

    def by_order(self, order_id: str) -> list[CaseRecord]:
        items = _query(
            self._client,
            TableName=self.name,
            IndexName="ByOrder",
            KeyConditionExpression="order_id = :o",
            ExpressionAttributeValues={":o": {"S": order_id}},
        )
        return [CaseRecord.from_dict(doc_of(i)) for i in items]


#: The clock's marks on a draft (``ghostdesk.clock``). They live as native attributes, set by a
#: conditional update that leaves the draft's version alone: an agent editing the draft is not told it
#: changed because its deadline drew near.
CLOCK_MARKS = ("escalated_at", "breached_at")


class DraftStore(_Table):
    key = "draft_id"

    def _item(self, record: DraftRecord) -> dict[str, Any]:
        return to_item(
            {
                "draft_id": record.draft_id,
                "case_id": record.case_id,
                "message_id": record.message_id,
                "status": record.status.value,
                "deadline": record.deadline.isoformat(),
                "order_id": record.order_id,
                "expires_at": record.expires_at,
                "escalated_at": record.escalated_at.isoformat() if record.escalated_at else None,
                "breached_at": record.breached_at.isoformat() if record.breached_at else None,
            },
            record.to_dict(),
        )

    def put_new(self, record: DraftRecord) -> bool:
        return self._put_new(self._item(record))

    def get(self, draft_id: str) -> tuple[DraftRecord, int] | None:
        item = self._get(draft_id)
        if item is None:
            return None
        return _draft_of(item), int(native_of(item, "version") or 0)

    def save(self, record: DraftRecord, expected_version: int) -> int:
        """Replace the draft if it is still at ``expected_version`` (else :class:`ConflictError`).

        A clock mark the record does not carry must not be on the stored item either: one set since
        the record was read would otherwise be wiped by this write, so it counts as a conflict.
        """
        absent = [mark for mark in CLOCK_MARKS if getattr(record, mark) is None]
        return self._replace(self._item(record), expected_version, absent=absent)

    def mark(self, draft_id: str, mark: str, at: datetime, *, statuses: Iterable[DraftStatus]) -> bool:
        """Set a clock mark (``escalated_at``, ``breached_at``) once, while the draft is in one of
        ``statuses``; True only for the one call that set it (of any number racing)."""
        if mark not in CLOCK_MARKS:
            raise ValueError(f"{mark!r} is not a clock mark; one of {', '.join(CLOCK_MARKS)}")
        allowed = {f":s{i}": {"S": status.value} for i, status in enumerate(statuses)}
        try:
            self._client.update_item(
                TableName=self.name,
                Key={self.key: {"S": draft_id}},
                UpdateExpression="SET #m = :at",
                ConditionExpression=(
                    f"attribute_exists(#k) AND attribute_not_exists(#m) AND #s IN ({', '.join(allowed)})"
                ),
                ExpressionAttributeNames={"#k": self.key, "#m": mark, "#s": "status"},
                ExpressionAttributeValues={":at": {"S": at.isoformat()}, **allowed},
            )
        except Exception as exc:
            if is_conditional_failure(exc):
                return False
            raise
        return True

    def unmark(self, draft_id: str, mark: str, at: datetime) -> bool:
        """Take back a mark this caller set at ``at`` (its alert could not be published), so the next
        run tries again; False when the mark is not (or no longer) that one."""
        try:
            self._client.update_item(
                TableName=self.name,
                Key={self.key: {"S": draft_id}},
                UpdateExpression="REMOVE #m",
                ConditionExpression="#m = :at",
                ExpressionAttributeNames={"#m": mark},
                ExpressionAttributeValues={":at": {"S": at.isoformat()}},
            )
        except Exception as exc:
            if is_conditional_failure(exc):
                return False
            raise
        return True

    def due(self, status: DraftStatus, *, by: datetime) -> Iterator[DraftRecord]:
        """Every draft in ``status`` whose deadline is at or before ``by`` and that has no breach
        recorded yet, earliest deadline first, page after page (the clock's reading of the queue)."""
        for item in _query(
            self._client,
            TableName=self.name,
            IndexName="ByStatus",
            KeyConditionExpression="#s = :s AND #d <= :by",
            FilterExpression="attribute_not_exists(#b)",
            ExpressionAttributeNames={"#s": "status", "#d": "deadline", "#b": "breached_at"},
            ExpressionAttributeValues={":s": {"S": status.value}, ":by": {"S": by.isoformat()}},
            ScanIndexForward=True,
        ):
            yield _draft_of(item)

    def list_by_status(self, status: DraftStatus, *, limit: int = 100) -> list[DraftRecord]:
        """Drafts in one status, most urgent (earliest deadline) first."""
        items = _query(
            self._client,
            TableName=self.name,
            IndexName="ByStatus",
            KeyConditionExpression="#s = :s",
            ExpressionAttributeNames={"#s": "status"},
            ExpressionAttributeValues={":s": {"S": status.value}},
            ScanIndexForward=True,
            limit=limit,
        )
        return [_draft_of(i) for i in items]

    def page_by_status(
        self, status: DraftStatus, *, limit: int, after: tuple[str, str] | None = None
    ) -> tuple[list[DraftRecord], bool]:
        """One page of drafts in ``status``, earliest deadline first, and whether more follow.

        ``after`` is the ``(deadline, draft_id)`` of the last draft of the previous page. One draft more
        than asked for is read, so "more follow" is never a guess (DynamoDB's LastEvaluatedKey can be).
        """
        query: dict[str, Any] = {
            "TableName": self.name,
            "IndexName": "ByStatus",
            "KeyConditionExpression": "#s = :s",
            "ExpressionAttributeNames": {"#s": "status"},
            "ExpressionAttributeValues": {":s": {"S": status.value}},
            "ScanIndexForward": True,
        }
        if after is not None:
            deadline, draft_id = after
            query["ExclusiveStartKey"] = {
                "status": {"S": status.value},
                "deadline": {"S": deadline},
                "draft_id": {"S": draft_id},
            }
        items = list(_query(self._client, limit=limit + 1, **query))
        return [_draft_of(i) for i in items[:limit]], len(items) > limit

    def by_case(self, case_id: str) -> list[DraftRecord]:
        items = _query(
            self._client,
            TableName=self.name,
            IndexName="ByCase",
            KeyConditionExpression="case_id = :c",
            ExpressionAttributeValues={":c": {"S": case_id}},
        )
        return [_draft_of(i) for i in items]


def _draft_of(item: Mapping[str, Any]) -> DraftRecord:
    """A stored draft; the clock's marks come from their native attributes, where the clock sets them."""
    doc = doc_of(item)
    for mark in CLOCK_MARKS:
        value = native_of(item, mark)
        if value is not None:
            doc[mark] = value
    return DraftRecord.from_dict(doc)


def _query(client: Any, *, limit: int | None = None, **kwargs: Any) -> Iterator[dict[str, Any]]:
    paginator = client.get_paginator("query")
    count = 0
    for page in paginator.paginate(**kwargs):
        for item in page.get("Items", []):
            yield item
            count += 1
            if limit is not None and count >= limit:
                return
