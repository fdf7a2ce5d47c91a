"""The deadline clock and the follow-ups as Lambda runs them: handlers under moto ``mock_aws`` with their
``events/`` files, against the template's own tables and topics.

- Given drafts near and past their deadline, ClockFunction publishes one alert per draft to the
  AlertTopic (seen here by a queue subscribed to it), marks and audits them, writes the Escalations and
  Breaches metrics, and alerts nobody twice.
- Given Emily's pending order leaving Pending, OrderChangeFunction (a notification) and
  OrderSyncFunction (the scheduled sync) bring her open draft up to date; nothing is sent.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ghostdesk.aws.audit import AuditLog
from ghostdesk.aws.tables import DraftStore
from ghostdesk.clock import ClockIncomplete
from ghostdesk.records import DraftRecord, DraftStatus
from tests.integration.conftest import Stack, sqs_event
from tests.integration.test_handlers import ORDER, SES_ID, run_ingest
from tests.integration.test_order_mirror_handlers import order_change_event
from tests.unit.deadlines.conftest import emitted_metrics, simple_draft

CONSOLE = "https://desk.shop.example/"


def drafts(stack: Stack) -> DraftStore:
    return DraftStore(stack.client("dynamodb"), stack.resources.tables["DraftsTable"])


def audit(stack: Stack) -> AuditLog:
    return AuditLog(stack.client("dynamodb"), stack.resources.tables["AuditTable"])


def subscribe_observer(stack: Stack) -> str:
    """A queue subscribed to the AlertTopic, as an operator's integration would be: its URL."""
    sqs = stack.client("sqs")
    url = sqs.create_queue(QueueName="alert-observer")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    stack.client("sns").subscribe(TopicArn=stack.resources.topics["AlertTopic"], Protocol="sqs", Endpoint=arn)
    return str(url)


def alerts(stack: Stack, url: str) -> list[dict[str, Any]]:
    """The SNS notifications the observer queue received (and removes them)."""
    sqs = stack.client("sqs")
    found: list[dict[str, Any]] = []
    while True:
        got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        if not got:
            return found
        for message in got:
            found.append(json.loads(message["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


def test_the_clock_alerts_each_draft_near_or_past_its_deadline_once(
    stack: Stack, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    store = drafts(stack)
    store.put_new(simple_draft("d-near", now + timedelta(hours=2)))
    store.put_new(simple_draft("d-far", now + timedelta(hours=20)))
    store.put_new(simple_draft("d-late", now - timedelta(minutes=10), status=DraftStatus.NEEDS_ATTENTION))
    store.put_new(simple_draft("d-answered", now - timedelta(hours=3), status=DraftStatus.SENT))
    observer = subscribe_observer(stack)
    clock = stack.use_function("ClockFunction")
    monkeypatch.setenv("GHOSTDESK_CONSOLE_URL", CONSOLE)  # the ConsoleUrl parameter
    event = sqs_event("clock-scheduled.json")

    summary = clock(event)

    assert (summary["escalated"], summary["breached"], summary["failed"]) == (1, 1, [])
    received = {a["MessageAttributes"]["draft_id"]["Value"]: a for a in alerts(stack, observer)}
    assert sorted(received) == ["d-late", "d-near"]
    near = received["d-near"]
    assert near["Subject"].startswith("ghostdesk: reply due in 1 h 59 min - order 113-4829175-6031482")
    assert near["MessageAttributes"]["kind"]["Value"] == "escalation"
    assert f"{CONSOLE}#draft=d-near" in near["Message"]
    assert "abcd1234efgh5678" not in near["Message"]  # no buyer address in an alert
    assert received["d-late"]["MessageAttributes"]["kind"]["Value"] == "breach"
    assert emitted_metrics(capsys.readouterr().out) == {"Escalations": 1.0, "Breaches": 1.0}

    stored = {d.draft_id: d for d in store.list_by_status(DraftStatus.PENDING_APPROVAL)}
    assert stored["d-near"].escalated_at is not None
    assert stored["d-far"].escalated_at is None
    assert [e.action.value for e in audit(stack).for_draft("d-late")] == ["breached"]

    again = clock(event)  # the next run: everything already alerted
    assert (again["escalated"], again["breached"]) == (0, 0)
    assert alerts(stack, observer) == []


def test_a_clock_that_cannot_alert_fails_and_leaves_the_draft_for_the_next_run(
    stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = drafts(stack)
    store.put_new(simple_draft("d-near", datetime.now(UTC) + timedelta(hours=1)))
    clock = stack.use_function("ClockFunction")
    topic = stack.resources.topics["AlertTopic"]
    monkeypatch.setenv("GHOSTDESK_ALERT_TOPIC_ARN", topic.replace("AlertTopic", "DeletedTopic"))

    with pytest.raises(ClockIncomplete):  # Lambda records an error: ClockErrorsAlarm watches them
        clock(sqs_event("clock-scheduled.json"))

    found = store.get("d-near")
    assert found is not None
    assert found[0].escalated_at is None
    assert audit(stack).for_draft("d-near") == []


def queue_emilys_draft(stack: Stack) -> DraftRecord:
    run_ingest(stack)
    stack.use_function("DiagnoseFunction")(sqs_event("diagnose.json"))
    stack.use_function("RespondFunction")(sqs_event("respond-draft.json"))
    found = drafts(stack).get(f"d-{SES_ID}")
    assert found is not None
    assert found[0].reply["macro"] == "pending.payment_verification"
    return found[0]


def test_a_notification_that_the_order_left_pending_brings_the_draft_up_to_date(stack: Stack) -> None:
    draft = queue_emilys_draft(stack)
    apply = stack.use_function("OrderChangeFunction")

    assert apply(order_change_event(OrderStatus="Unshipped")) == {"batchItemFailures": []}

    found = drafts(stack).get(draft.draft_id)
    assert found is not None
    updated = found[0]
    assert updated.status is DraftStatus.PENDING_APPROVAL
    assert updated.case == "order_found"
    assert updated.reply["macro"] == "order_found.unshipped"
    assert ORDER in updated.body
    (entry,) = audit(stack).for_draft(draft.draft_id)
    assert (entry.action.value, entry.actor.label, entry.note) == (
        "updated",
        "system",
        "order left Pending → UNSHIPPED",
    )
    assert entry.changes["text"]["before"] == draft.body
    assert stack.sent_emails() == []  # the agent sends the news; ghostdesk sends nothing


def test_the_scheduled_sync_that_sees_the_order_shipped_brings_the_draft_up_to_date(stack: Stack) -> None:
    draft = queue_emilys_draft(stack)
    orders = stack.simulator.orders
    order = next(o for o in orders if o["orderId"] == ORDER)
    order["fulfillment"]["fulfillmentStatus"] = "SHIPPED"
    order["lastUpdatedTime"] = (datetime.now(UTC) - timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
    order["packages"] = [
        {
            "packageReferenceId": "1",
            "carrier": "UPS",
            "trackingNumber": "1Z999AA10123456784",
            "shipTime": order["lastUpdatedTime"],
            "packageStatus": {"status": "IN_TRANSIT"},
        }
    ]
    stack.simulator.set_orders(orders)

    report = stack.use_function("OrderSyncFunction")(sqs_event("order-sync-scheduled.json"))

    assert report["outcome"] == "done"
    found = drafts(stack).get(draft.draft_id)
    assert found is not None
    assert found[0].reply["macro"] == "order_found.shipped"
    assert "1Z999AA10123456784" in found[0].body
    assert [e.action.value for e in audit(stack).for_draft(draft.draft_id)] == ["updated"]
