"""Why a queue message failed, kept where ``ghostdesk dlq list`` can find it after SQS gives up on it.

SQS keeps a message's ID when it moves the message to the queue's DLQ, so the last failure of every
message is recorded under ``failure#<sqs message id>`` in the messages table (beside its ``claim#`` and
``sent#`` items). An item holds IDs, the error's type and a redacted detail: never the message body,
which may quote the buyer. Items expire a day after the DLQ's own retention (14 days) would have
dropped the message anyway, or sooner when the deployment keeps personal data for less
(``RetentionDays``): a message ID is enough to lead back to the buyer's message.

Recording is best effort by design: the caller is already handling a failure, and a second one (the
table throttled, a missing permission) must never hide the first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from ghostdesk.aws.dynamo import doc_of, to_item
from ghostdesk.observability import redact

FAILURE_PREFIX = "failure#"
KEEP_S = 15 * 24 * 3600  # the DLQs keep messages 14 days (template.yaml); the reason outlives them a day
DETAIL_LIMIT = 500


@dataclass(frozen=True)
class Failure:
    """The last failure of one SQS message: what it concerned, what went wrong, when, which attempt."""

    queue: str  # the queue the message was received from (its name)
    sqs_message_id: str
    error: str  # the exception's type, e.g. "ClientError", "RetryLater"
    detail: str  # redacted (no email addresses) and cut to DETAIL_LIMIT characters
    failed_at: str  # ISO 8601, UTC
    receive_count: int | None = None  # the attempt that failed (SQS's ApproximateReceiveCount)
    message_id: str | None = None  # the buyer message the work was about, if the body names one
    order_id: str | None = None  # the order, for ORDER_CHANGE notifications
    kind: str | None = None  # the respond request's kind ("acknowledge", "draft")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> Failure:
        return cls(
            queue=str(doc.get("queue") or ""),
            sqs_message_id=str(doc.get("sqs_message_id") or ""),
            error=str(doc.get("error") or ""),
            detail=str(doc.get("detail") or ""),
            failed_at=str(doc.get("failed_at") or ""),
            receive_count=_int_or_none(doc.get("receive_count")),
            message_id=_str_or_none(doc.get("message_id")),
            order_id=_str_or_none(doc.get("order_id")),
            kind=_str_or_none(doc.get("kind")),
        )


def safe_detail(text: str) -> str:
    """An exception's text as it may be stored: email addresses removed, bounded in length."""
    return redact(text)[:DETAIL_LIMIT]


def subject_of(body: str) -> dict[str, str]:
    """What a queue message is about, by ID only: ``message_id``, ``order_id``, ``kind`` when present.

    Understands every body ghostdesk's queues carry: the diagnose and respond requests
    (``{"message_id": ..., "kind": ...}``), SES's Received notification inside its SNS envelope (the
    SES message ID, which is the stored message's ID) and SP-API's ORDER_CHANGE notification (the
    Amazon order ID). Anything else is about nothing we can name. Nothing personal is taken: no
    addresses, subjects or text.
    """
    doc = _json_object(body)
    if doc is None:
        return {}
    if doc.get("Type") == "Notification" and isinstance(doc.get("Message"), str):
        inner = _json_object(doc["Message"])
        doc = inner if inner is not None else {}
    found: dict[str, str] = {}
    mail = doc.get("mail")
    if isinstance(mail, dict) and isinstance(mail.get("messageId"), str):
        found["message_id"] = mail["messageId"]
    if isinstance(doc.get("message_id"), str):
        found["message_id"] = doc["message_id"]
    if isinstance(doc.get("kind"), str):
        found["kind"] = doc["kind"][:40]
    payload = doc.get("Payload")
    change = payload.get("OrderChangeNotification") if isinstance(payload, dict) else None
    if isinstance(change, dict) and isinstance(change.get("AmazonOrderId"), str):
        found["order_id"] = change["AmazonOrderId"]
    return {key: value[:200] for key, value in found.items()}


class FailureStore:
    """``failure#<sqs message id>`` items in the messages table: the last failure of each message."""

    def __init__(self, dynamodb: Any, table: str, *, retention_days: int | None = None) -> None:
        self._db = dynamodb
        self._table = table
        self._keep_s = KEEP_S if retention_days is None else min(KEEP_S, retention_days * 86400)

    def record(self, failure: Failure, *, now: datetime) -> None:
        """Keep ``failure`` as the message's last one (an earlier attempt's record is replaced)."""
        item = to_item(
            {
                "message_id": FAILURE_PREFIX + failure.sqs_message_id,
                "expires_at": int(now.timestamp()) + self._keep_s,
            },
            failure.to_dict(),
        )
        self._db.put_item(TableName=self._table, Item=item)

    def get(self, sqs_message_id: str) -> Failure | None:
        response = self._db.get_item(
            TableName=self._table, Key={"message_id": {"S": FAILURE_PREFIX + sqs_message_id}}
        )
        item = response.get("Item")
        return Failure.from_dict(doc_of(item)) if item else None

    def get_many(self, sqs_message_ids: Iterable[str]) -> dict[str, Failure]:
        """The recorded failures of these messages, by SQS message ID (those with none are left out)."""
        found: dict[str, Failure] = {}
        for sqs_message_id in dict.fromkeys(sqs_message_ids):
            failure = self.get(sqs_message_id)
            if failure is not None:
                found[sqs_message_id] = failure
        return found


def _json_object(text: str) -> dict[str, Any] | None:
    try:
        doc = json.loads(text)
    except (TypeError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _int_or_none(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None
