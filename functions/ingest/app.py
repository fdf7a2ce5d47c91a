"""IngestFunction: SES "Received" notifications (SNS -> SQS) in, stored messages out.

Thin by design: unwrap the event, hand each notification to ``ghostdesk.pipeline.ingest``, report
partial batch failures. A notification that is not one (garbage on the queue) fails its record only;
after maxReceiveCount it rests in the DLQ for an operator.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from ghostdesk.observability import logger
from ghostdesk.pipeline import wiring
from ghostdesk.pipeline.batch import process_sqs
from ghostdesk.pipeline.ingest import ingest
from ghostdesk.pipeline.ses import notification_from_sqs_body, parse_notification


def _handle(_body: dict[str, Any], record: SQSRecord) -> None:
    receipt = parse_notification(notification_from_sqs_body(record.body))
    ingest(receipt, wiring.ingest_deps())


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_sqs(event, context, _handle)
