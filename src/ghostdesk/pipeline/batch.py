"""SQS batches as every ghostdesk function consumes them: partial failures, and retries that wait.

A record that fails is reported in ``batchItemFailures`` so only it comes back; the rest of the batch
is done. A record that must wait (marketplace quota, an outage) is made invisible for the time it has
to wait, so the retry is not wasted; SQS counts the receive, and after ``maxReceiveCount`` the
message moves to the queue's DLQ, where ``ghostdesk dlq`` shows it with its last error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from ghostdesk.aws.clients import client
from ghostdesk.observability import exception_summary, logger, redact

MAX_DELAY_S = 12 * 3600  # SQS's ceiling for a message's visibility timeout


class RetryLater(Exception):
    """Not now: try this record again after ``delay_s`` seconds."""

    def __init__(self, reason: str, delay_s: float) -> None:
        super().__init__(reason)
        self.delay_s = delay_s


def backoff_delay(receive_count: int, *, base_s: float = 30.0, cap_s: float = 900.0) -> float:
    """Exponential backoff by delivery attempt: 30 s, 60 s, 120 s ... up to ``cap_s``."""
    return float(min(cap_s, base_s * 2 ** max(0, receive_count - 1)))


def queue_url_from_arn(arn: str) -> str:
    _, _, _, _region, account, name = arn.split(":", 5)
    response = client("sqs").get_queue_url(QueueName=name, QueueOwnerAWSAccountId=account)
    return str(response["QueueUrl"])


def _delay(record: SQSRecord, delay_s: float) -> None:
    try:
        client("sqs").change_message_visibility(
            QueueUrl=queue_url_from_arn(record.event_source_arn),
            ReceiptHandle=record.receipt_handle,
            VisibilityTimeout=int(min(MAX_DELAY_S, max(0.0, delay_s))),
        )
    except Exception:  # the record still fails and comes back after the queue's own timeout
        logger.exception("could not delay record", extra={"sqs_message_id": record.message_id})


def _remember(record: SQSRecord, exc: Exception) -> None:
    """Keep why ``record`` failed where ``ghostdesk dlq list`` finds it (``ghostdesk.aws.failures``).

    Never raises: the record's own failure is what the caller reports, whatever happens here.
    """
    try:
        from datetime import UTC, datetime

        from ghostdesk.aws.failures import Failure, FailureStore, safe_detail, subject_of
        from ghostdesk.pipeline import wiring

        settings = wiring.settings()
        table = settings.messages_table
        if not table:
            return
        subject = subject_of(record.body)
        count = record.attributes.approximate_receive_count
        failure = Failure(
            queue=record.event_source_arn.rsplit(":", 1)[-1],
            sqs_message_id=record.message_id,
            error=type(exc).__name__,
            detail=safe_detail(str(exc)),
            failed_at=datetime.now(UTC).isoformat(timespec="seconds"),
            receive_count=int(count) if count else None,
            message_id=subject.get("message_id"),
            order_id=subject.get("order_id"),
            kind=subject.get("kind"),
        )
        store = FailureStore(client("dynamodb"), table, retention_days=settings.retention_days)
        store.record(failure, now=datetime.now(UTC))
    except Exception as store_error:  # reported; the record still fails as it should
        logger.warning(
            "could not record why the record failed",
            extra={"sqs_message_id": record.message_id, **exception_summary(store_error)},
        )


def process_sqs(
    event: dict[str, Any],
    context: Any,
    handle: Callable[[dict[str, Any], SQSRecord], None],
) -> dict[str, Any]:
    """Run ``handle(body, record)`` for each record; return Lambda's partial-batch response."""
    processor = BatchProcessor(event_type=EventType.SQS)

    def record_handler(record: SQSRecord) -> None:
        try:
            body = json.loads(record.body)
        except json.JSONDecodeError:
            body = {"raw": record.body}
        try:
            handle(body, record)
        except RetryLater as wait:
            logger.warning(
                "retry later",
                extra={
                    "sqs_message_id": record.message_id,
                    "reason": redact(str(wait)),
                    "delay_s": wait.delay_s,
                },
            )
            _delay(record, wait.delay_s)
            _remember(record, wait)
            raise
        except Exception as exc:
            logger.error(
                "record failed",
                extra={
                    "sqs_message_id": record.message_id,
                    "error": type(exc).__name__,
                    "detail": redact(str(exc))[:500],
                    "receive_count": record.attributes.approximate_receive_count,
                },
            )
            _remember(record, exc)
            raise

    response = process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
    return dict(response)
