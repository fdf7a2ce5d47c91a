"""The order mirror's functions under moto ``mock_aws`` with their ``events/`` files, against the simulator.

Given the demo orders at the simulator, the scheduled sync fills the mirror with one searchOrders call;
an ORDER_CHANGE notification updates it (fetching the whole order only with spare quota); and a
diagnosis that finds no token is handed back to the queue, not failed, and completes once there is one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError
from moto.sqs.models import sqs_backends

from ghostdesk.aws.tables import CaseStore
from ghostdesk.orders.mirror import OrderMirror, Source
from ghostdesk.orders.quota import GET_ORDER, DynamoTokenBuckets
from ghostdesk.orders.sync import CheckpointStore
from tests.integration.conftest import Stack, sqs_event
from tests.integration.test_handlers import ORDER, SES_ID, run_ingest

ALIAS = "abcd1234efgh5678@marketplace.amazon.com"


def mirror(stack: Stack) -> OrderMirror:
    return OrderMirror(stack.client("dynamodb"), stack.resources.tables["OrdersTable"])


def spapi_calls(stack: Stack, operation: str) -> list[Any]:
    return [r for r in stack.simulator.requests if r.operation == operation]


def order_change_event(**summary: Any) -> dict[str, Any]:
    """events/order-change.json with the change stamped now (the simulator's orders are rebased to now)."""
    event = sqs_event("order-change.json")
    body = json.loads(event["Records"][0]["body"])
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    body["Payload"]["OrderChangeNotification"]["OrderChangeTrigger"]["TimeOfOrderChange"] = now
    body["Payload"]["OrderChangeNotification"]["Summary"].update(summary)
    event["Records"][0]["body"] = json.dumps(body)
    return event


def delivered_from_the_diagnose_queue(stack: Stack) -> tuple[dict[str, Any], Callable[[], float]]:
    """events/diagnose.json as Lambda would receive it from the provisioned DiagnoseQueue (a real
    receipt handle, so the handler can delay it), and a probe of when SQS will deliver it again."""
    queue = stack.resources.queues["DiagnoseQueue"]
    sqs = stack.client("sqs")
    event = sqs_event("diagnose.json")
    record = event["Records"][0]
    sqs.send_message(QueueUrl=queue.url, MessageBody=record["body"])
    message = sqs.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=1)["Messages"][0]
    record.update(
        messageId=message["MessageId"], receiptHandle=message["ReceiptHandle"], eventSourceARN=queue.arn
    )

    def visible_at() -> float:
        backend = sqs_backends[stack.resources.account_id][stack.resources.region]
        held = backend.queues[queue.url.rsplit("/", 1)[-1]]._messages
        return float(next(m.visible_at for m in held if m.id == message["MessageId"])) / 1000

    return event, visible_at


def test_the_scheduled_sync_fills_the_mirror_with_one_search_and_then_waits_for_changes(stack: Stack) -> None:
    sync = stack.use_function("OrderSyncFunction")
    event = sqs_event("order-sync-scheduled.json")

    report = sync(event)

    assert report["outcome"] == "done"
    assert report["orders_seen"] == len(stack.simulator.orders) == 10
    searches = spapi_calls(stack, "searchOrders")
    assert len(searches) == 1
    query = searches[0].query
    assert set(query["includedData"][0].split(",")) == {"BUYER", "FULFILLMENT", "PACKAGES"}
    assert query["maxResultsPerPage"] == ["100"]
    after = datetime.fromisoformat(query["lastUpdatedAfter"][0].replace("Z", "+00:00"))
    assert abs((datetime.now(UTC) - after) - timedelta(days=30)) < timedelta(minutes=1)
    entry = mirror(stack).get(ORDER)
    assert entry is not None
    assert entry.source is Source.POLL
    assert entry.facts is not None
    assert entry.facts.buyer_email == ALIAS
    coverage = CheckpointStore(stack.client("dynamodb"), stack.resources.tables["OrdersTable"]).coverage()
    assert coverage is not None

    assert sync(event)["outcome"] == "nothing_to_do"  # five minutes have not passed: no call spent
    assert len(spapi_calls(stack, "searchOrders")) == 1


def test_an_order_change_updates_the_mirror_and_fills_in_the_order_with_spare_quota(stack: Stack) -> None:
    apply = stack.use_function("OrderChangeFunction")
    event = order_change_event(OrderStatus="Unshipped")

    assert apply(event) == {"batchItemFailures": []}

    entry = mirror(stack).get(ORDER)
    assert entry is not None
    assert entry.facts is not None
    assert entry.facts.status == "UNSHIPPED"  # the notification is newer than the order Amazon returned
    assert entry.facts.buyer_email == ALIAS  # which filled in what a summary cannot carry
    assert entry.complete is True
    assert len(spapi_calls(stack, "getOrder")) == 1

    assert apply(event) == {"batchItemFailures": []}  # SQS delivers it again: nothing changes
    assert len(spapi_calls(stack, "getOrder")) == 1
    again = mirror(stack).get(ORDER)
    assert again is not None
    assert again.revision == entry.revision


def test_an_order_change_without_spare_quota_waits_for_the_sync_instead_of_calling(stack: Stack) -> None:
    buckets = DynamoTokenBuckets(stack.client("dynamodb"), stack.resources.tables["QuotaTable"], scope="na")
    for _ in range(25):  # five tokens left: less than the reserve kept for buyers' messages
        buckets.take(GET_ORDER)
    apply = stack.use_function("OrderChangeFunction")

    assert apply(order_change_event(OrderStatus="Unshipped")) == {"batchItemFailures": []}

    entry = mirror(stack).get(ORDER)
    assert entry is not None
    assert entry.complete is False
    assert spapi_calls(stack, "getOrder") == []


def test_other_notifications_are_ignored_and_a_broken_one_fails_alone(stack: Stack) -> None:
    event = order_change_event()
    record = event["Records"][0]
    other = json.loads(record["body"])
    other["NotificationType"] = "ANY_OFFER_CHANGED"
    broken = json.loads(record["body"])
    del broken["Payload"]["OrderChangeNotification"]["AmazonOrderId"]
    event["Records"] = [
        record,
        dict(record, messageId="offer-change", body=json.dumps(other)),
        dict(record, messageId="broken", body=json.dumps(broken)),
    ]

    result = stack.use_function("OrderChangeFunction")(event)

    assert result == {"batchItemFailures": [{"itemIdentifier": "broken"}]}
    assert mirror(stack).get(ORDER) is not None


def test_diagnosis_without_a_token_is_handed_back_and_completes_once_there_is_one(stack: Stack) -> None:
    run_ingest(stack)
    stack.queue_bodies("RespondQueue")
    table = stack.resources.tables["QuotaTable"]
    buckets = DynamoTokenBuckets(stack.client("dynamodb"), table, scope="na")
    for _ in range(30):
        buckets.take(GET_ORDER)
    for n in range(5):  # five messages already wait in line: the next slot is ~12 s away
        buckets.reserve(GET_ORDER, f"111-000000{n}-0000000")
    diagnose = stack.use_function("DiagnoseFunction")
    event, visible_at = delivered_from_the_diagnose_queue(stack)

    with pytest.raises(BatchProcessingError):  # the only record of the batch failed: Lambda retries it
        diagnose(event)

    # ... not at the queue's 6-minute visibility timeout but when its reserved token exists.
    assert 10 < visible_at() - time.time() < 16
    cases = CaseStore(stack.client("dynamodb"), stack.resources.tables["CasesTable"])
    assert cases.get(SES_ID) is None
    assert spapi_calls(stack, "getOrder") == []  # no call spent on a 429
    slot = buckets.reservation(GET_ORDER, ORDER)
    assert slot is not None
    assert 10 < slot < 15  # the message holds its place in line

    # The wait passes (here: the bucket is refilled by hand, as time would refill it).
    stack.client("dynamodb").delete_item(TableName=table, Key={"id": {"S": f"bucket#na#{GET_ORDER}"}})
    stack.client("dynamodb").delete_item(
        TableName=table, Key={"id": {"S": f"reservation#na#{GET_ORDER}#{ORDER}"}}
    )

    assert diagnose(event) == {"batchItemFailures": []}  # SQS delivers it again
    case = cases.get(SES_ID)
    assert case is not None
    assert case.diagnosis.case.value == "pending"
    assert len(spapi_calls(stack, "getOrder")) == 1
    assert stack.queue_bodies("RespondQueue") == [{"kind": "draft", "message_id": SES_ID}]
