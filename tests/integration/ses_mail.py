"""Raw mail delivered the way SES delivers it: into the raw-mail bucket and announced through SNS and SQS.

The events are built from ``events/ingest-s3.json`` (the S3 action: the notification names the object)
and ``events/ingest-inline-base64.json`` (the SNS action: the mail travels inside the notification,
which SES only does up to 150 KB), with the message's own ID, key, time and verdicts put in.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from email import policy
from email.parser import BytesHeaderParser
from typing import Any

from tests.integration.conftest import EVENTS, Stack

SES_INLINE_LIMIT = 150 * 1024  # SES's SNS action bounces mail larger than this
SQS_BODY_LIMIT = 256 * 1024

_S3_TEMPLATE: dict[str, Any] = json.loads((EVENTS / "ingest-s3.json").read_text())
_INLINE_TEMPLATE: dict[str, Any] = json.loads((EVENTS / "ingest-inline-base64.json").read_text())


def _headers(raw: bytes) -> list[dict[str, str]]:
    """The notification's header list, as far as the standard library can read it (SES lists them)."""
    try:
        parsed = BytesHeaderParser(policy=policy.compat32).parsebytes(raw[: 64 * 1024])
        return [{"name": str(k), "value": str(v)[:2048]} for k, v in list(parsed.items())[:50]]
    except Exception:  # hostile headers: SES would still announce the mail
        return []


def notification(
    raw: bytes,
    *,
    ses_id: str,
    bucket: str | None,
    inline: bool = False,
    received_at: datetime | None = None,
    verdicts: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The SES "Received" notification for ``raw``: S3 action (``bucket`` set) or SNS action (inline)."""
    template = _INLINE_TEMPLATE if inline else _S3_TEMPLATE
    envelope = json.loads(template["Records"][0]["body"])
    doc: dict[str, Any] = json.loads(envelope["Message"])
    stamp = (received_at or datetime.now(UTC)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    doc["mail"] |= {"messageId": ses_id, "timestamp": stamp, "headers": _headers(raw)}
    doc["receipt"]["timestamp"] = stamp
    for name, status in (verdicts or {}).items():
        doc["receipt"][f"{name}Verdict"] = {"status": status}
    action = doc["receipt"]["action"]
    if inline:
        assert len(raw) <= SES_INLINE_LIMIT, "SES never sends mail this large inline"
        doc["content"] = base64.b64encode(raw).decode("ascii")
    else:
        assert bucket
        action["bucketName"] = bucket
        action["objectKey"] = f"inbound/{ses_id}"
    return doc


def sqs_event(notifications: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One SQS batch, each record an SNS envelope around one SES notification."""
    record_template = _S3_TEMPLATE["Records"][0]
    records = []
    for index, doc in enumerate(notifications):
        envelope = json.loads(record_template["body"])
        envelope["Message"] = json.dumps(doc)
        record = copy.deepcopy(record_template)
        record["messageId"] = f"sqs-{doc['mail']['messageId']}-{index}"
        record["body"] = json.dumps(envelope)
        records.append(record)
    return {"Records": records}


def put_raw(stack: Stack, raw: bytes, ses_id: str) -> str:
    """Store the mail where SES's S3 action puts it; the bucket name."""
    bucket = stack.resources.buckets["RawMailBucket"]
    stack.client("s3").put_object(Bucket=bucket, Key=f"inbound/{ses_id}", Body=raw)
    return bucket


def delivered(stack: Stack, raw: bytes, ses_id: str, **options: Any) -> dict[str, Any]:
    """Put ``raw`` into the bucket and return its notification (S3 action)."""
    return notification(raw, ses_id=ses_id, bucket=put_raw(stack, raw, ses_id), **options)
