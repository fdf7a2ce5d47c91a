"""The SES "Received" notification, as it arrives through SNS and SQS.

SES publishes one of two shapes: with an S3 action the notification names the bucket and key of the raw
mail; with an SNS action it carries the raw mail inline in ``content`` (UTF-8 or base64). Both are
reduced here to one :class:`SesReceipt`.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ghostdesk.records import SesVerdicts


class InvalidNotification(ValueError):
    """Not an SES Received notification we can act on; the message is kept in the DLQ for a human."""


@dataclass(frozen=True)
class SesReceipt:
    message_id: str
    timestamp: datetime
    source: str  # envelope sender (Return-Path)
    recipients: tuple[str, ...]
    verdicts: SesVerdicts
    bucket: str | None = None
    key: str | None = None
    content: bytes | None = None  # inline raw mail (SNS action)


def notification_from_sqs_body(body: str) -> dict[str, Any]:
    """SQS body -> SES notification: unwraps the SNS envelope when there is one (raw delivery off)."""
    try:
        doc = json.loads(body)
    except json.JSONDecodeError as exc:
        raise InvalidNotification(f"SQS body is not JSON: {exc.msg}") from exc
    if isinstance(doc, dict) and doc.get("Type") == "Notification" and "Message" in doc:
        try:
            doc = json.loads(doc["Message"])
        except (TypeError, json.JSONDecodeError) as exc:
            raise InvalidNotification("SNS Message is not JSON") from exc
    if not isinstance(doc, dict):
        raise InvalidNotification("notification is not a JSON object")
    return doc


def parse_notification(doc: dict[str, Any]) -> SesReceipt:
    if doc.get("notificationType") != "Received":
        raise InvalidNotification(f"unsupported notificationType {doc.get('notificationType')!r}")
    try:
        mail = doc["mail"]
        receipt = doc["receipt"]
        action = receipt["action"]
        message_id = str(mail["messageId"])
    except (KeyError, TypeError) as exc:
        raise InvalidNotification(f"notification lacks {exc}") from exc

    verdicts = SesVerdicts(
        spam=_verdict(receipt, "spamVerdict", "PASS"),
        virus=_verdict(receipt, "virusVerdict", "PASS"),
        spf=_verdict(receipt, "spfVerdict", "GRAY"),
        dkim=_verdict(receipt, "dkimVerdict", "GRAY"),
        dmarc=_verdict(receipt, "dmarcVerdict", "GRAY"),
    )
    content: bytes | None = None
    if "content" in doc:
        raw = doc["content"]
        if action.get("encoding", "UTF8").upper() == "BASE64":
            try:
                content = base64.b64decode("".join(str(raw).split()), validate=True)
            except (binascii.Error, ValueError) as exc:
                raise InvalidNotification("content is not valid base64") from exc
        else:
            content = str(raw).encode("utf-8", errors="surrogateescape")
    bucket = action.get("bucketName")
    key = action.get("objectKey")
    if content is None and not (bucket and key):
        raise InvalidNotification("notification has neither inline content nor an S3 object")
    return SesReceipt(
        message_id=message_id,
        timestamp=_timestamp(mail.get("timestamp") or receipt.get("timestamp")),
        source=str(mail.get("source", "")),
        recipients=tuple(receipt.get("recipients") or mail.get("destination") or ()),
        verdicts=verdicts,
        bucket=bucket,
        key=key,
        content=content,
    )


def _verdict(receipt: dict[str, Any], name: str, default: str) -> str:
    value = receipt.get(name)
    if isinstance(value, dict) and value.get("status"):
        return str(value["status"]).upper()
    return default


def _timestamp(value: Any) -> datetime:
    if not value:
        raise InvalidNotification("notification has no timestamp")
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise InvalidNotification(f"bad timestamp {value!r}") from exc
