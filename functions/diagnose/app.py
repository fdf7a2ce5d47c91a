"""DiagnoseFunction: a stored message in, a case (with its evidence) out, and a draft requested.

Marketplace quota and outages are not failures of the message: the record is retried after the wait
the marketplace asked for (``RetryLater``), never diagnosed on partial facts.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from ghostdesk.diagnosis import FactsIncomplete
from ghostdesk.observability import logger, metrics
from ghostdesk.orders.source import MarketplaceUnavailable, QuotaExceeded
from ghostdesk.pipeline import wiring
from ghostdesk.pipeline.batch import RetryLater, backoff_delay, process_sqs
from ghostdesk.pipeline.diagnose import diagnose_stored_message


def _handle(body: dict[str, Any], record: SQSRecord) -> None:
    attempt = int(record.attributes.approximate_receive_count or 1)
    try:
        diagnose_stored_message(str(body["message_id"]), wiring.diagnose_deps())
    except QuotaExceeded as exc:
        raise RetryLater(f"quota: {exc}", max(exc.retry_after_s, 1.0)) from exc
    except (FactsIncomplete, MarketplaceUnavailable) as exc:
        raise RetryLater(str(exc), backoff_delay(attempt)) from exc


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_sqs(event, context, _handle)
