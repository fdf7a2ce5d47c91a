"""OrderChangeFunction: SP-API ORDER_CHANGE notifications (SQS destination) in, the order mirror updated.

Amazon puts each notification's JSON in the message body. A notification older than what the mirror
holds is dropped; one of another type is ignored; a malformed one fails its record only and, after
maxReceiveCount, rests in the DLQ for an operator. Mirror write contention is retried by the queue.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from ghostdesk.observability import logger, metrics
from ghostdesk.orders.order_changes import apply_order_change
from ghostdesk.pipeline import wiring
from ghostdesk.pipeline.batch import process_sqs


def _handle(body: dict[str, Any], _record: SQSRecord) -> None:
    outcome = apply_order_change(body, wiring.order_change_deps())
    logger.info("order change", extra={"outcome": outcome.value})


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_sqs(event, context, _handle)
