"""Drive the real handlers as Lambda's SQS event source mappings would: drain a queue into its function.

Each queue's messages are received from moto, wrapped into the SQS event shape of ``events/`` (with the
queue's own ARN) and handed to the function that consumes that queue, in batches of the template's size.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from tests.integration.conftest import EVENTS, Stack

_RECORD: dict[str, Any] = json.loads((EVENTS / "respond-acknowledge.json").read_text())["Records"][0]

# Which function consumes which queue (as template.yaml's SQS events say).
CONSUMERS = {"RespondQueue": "RespondFunction", "DiagnoseQueue": "DiagnoseFunction"}


def sqs_records(stack: Stack, queue: str, bodies: list[dict[str, Any]]) -> dict[str, Any]:
    arn = stack.resources.queues[queue].arn
    records = []
    for index, body in enumerate(bodies):
        record = copy.deepcopy(_RECORD)
        record["messageId"] = f"{queue}-{index}-{body.get('message_id', '')}"
        record["body"] = json.dumps(body)
        record["eventSourceARN"] = arn
        records.append(record)
    return {"Records": records}


def drain(stack: Stack, queue: str, *, batch_size: int = 10) -> list[dict[str, Any]]:
    """Deliver everything waiting on ``queue`` to its function; the bodies delivered.

    Fails when the function reports a failed record: hostile input must never make a stage fail.
    """
    bodies = stack.queue_bodies(queue)
    if not bodies:
        return []
    handler = stack.use_function(CONSUMERS[queue])
    for start in range(0, len(bodies), batch_size):
        result = handler(sqs_records(stack, queue, bodies[start : start + batch_size]))
        assert result == {"batchItemFailures": []}, f"{CONSUMERS[queue]} failed records: {result}"
    return bodies


def first_order_sync(stack: Stack) -> None:
    """The scheduled order sync, once: relay-alias look-ups wait for the mirror's first fill, as in AWS
    (where the sync runs every five minutes from the deploy on)."""
    if getattr(stack, "orders_synced", False):
        return
    scheduled = json.loads((EVENTS / "order-sync-scheduled.json").read_text())
    report = stack.use_function("OrderSyncFunction")(scheduled)
    assert report["outcome"] == "done", report
    stack.orders_synced = True  # type: ignore[attr-defined]


def run_pipeline(stack: Stack) -> None:
    """Acknowledge, diagnose and draft whatever ingest handed on, until every queue is empty."""
    first_order_sync(stack)
    while True:
        acknowledged = drain(stack, "RespondQueue")
        diagnosed = drain(stack, "DiagnoseQueue")
        if not acknowledged and not diagnosed:
            return
