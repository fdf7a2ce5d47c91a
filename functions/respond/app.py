"""RespondFunction: acknowledgements sent through SES, reply drafts stored for approval.

The acknowledgement is the one step with an effect outside our tables (an email), so it runs under
Powertools idempotency keyed on the message: a redelivered request finds the completed record and
sends nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from ghostdesk.observability import logger, metrics
from ghostdesk.pipeline import wiring
from ghostdesk.pipeline.batch import RetryLater, process_sqs
from ghostdesk.pipeline.respond import acknowledge, draft_reply

# The idempotency lock of an acknowledgement expires with the invocation holding it (RespondFunction's
# Timeout, 30 s in template.yaml); a retry waits that long, plus a margin.
LOCK_WAIT_S = 35.0


@functools.cache
def _idempotent_acknowledge() -> tuple[Callable[..., Any], Any]:
    from aws_lambda_powertools.utilities.idempotency import (
        DynamoDBPersistenceLayer,
        IdempotencyConfig,
        idempotent_function,
    )

    settings = wiring.settings()
    store = DynamoDBPersistenceLayer(table_name=settings.require("idempotency_table"))
    config = IdempotencyConfig(event_key_jmespath="message_id", expires_after_seconds=7 * 24 * 3600)

    @idempotent_function(  # type: ignore[untyped-decorator]
        data_keyword_argument="work", persistence_store=store, config=config
    )
    def run(work: dict[str, Any]) -> dict[str, str]:
        return {"result": acknowledge(str(work["message_id"]), wiring.respond_deps()).value}

    return run, config


def _handle(body: dict[str, Any], _record: SQSRecord) -> None:
    kind = body.get("kind")
    if kind == "acknowledge":
        from aws_lambda_powertools.utilities.idempotency.exceptions import IdempotencyAlreadyInProgressError

        run, _ = _idempotent_acknowledge()
        try:
            run(work={"message_id": str(body["message_id"])})
        except IdempotencyAlreadyInProgressError as busy:
            # Another attempt holds the lock (or held it and vanished: a lost answer to its own write).
            # The lock ends with that attempt's invocation: retry after that, not at once and again
            # until the receives run out and the acknowledgement lands in the DLQ unsent.
            raise RetryLater("acknowledgement in progress elsewhere", LOCK_WAIT_S) from busy
    elif kind == "draft":
        draft_reply(str(body["message_id"]), wiring.respond_deps())
    else:
        raise ValueError(f"unknown respond request kind {kind!r}")


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    _, config = _idempotent_acknowledge()
    config.register_lambda_context(context)  # lets an interrupted attempt's lock expire with the function
    return process_sqs(event, context, _handle)
