"""The deadline clock and follow-ups on the local stack, as `make run` runs them.

Given a seller whose reply clock is one hour (SlaHours=1, EscalationLeadHours 4 by default), when
Emily's mail about her pending order arrives and the clock's schedule fires, then the AlertTopic (seen
by a queue subscribed to it) announces her draft, with a working console link, well before the
deadline. When her order then ships at the marketplace, Amazon's ORDER_CHANGE notification (played by
the simulator) brings the waiting draft up to date: the shipped macro with the tracking number, and
the change in the draft's history. Nothing is sent to the buyer by either.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ghostdesk.local.stack import LocalStack, StackConfig
from tests.shared_data import REPO

pytestmark = pytest.mark.e2e

TOKEN = "clock-token"
ORDER = "113-4829175-6031482"
TRACKING = "1Z999AA10123456784"


@pytest.fixture
def clock_stack(tmp_path: Path) -> Iterator[LocalStack]:
    config = StackConfig.from_env(
        {},
        smtp_port=0,
        http_port=0,
        data_dir=tmp_path,
        name_prefix="clock",
        agent_token=TOKEN,
        parameters={"SenderAddress": "support@example.com", "SlaHours": "1"},
    )
    with LocalStack(config) as stack:
        assert stack.init_errors == {}, stack.init_errors
        yield stack


def api(stack: LocalStack, path: str) -> Any:
    request = urllib.request.Request(f"{stack.api_url}{path}", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def observe_alerts(stack: LocalStack) -> str:
    assert stack.resources is not None
    sqs = stack.client("sqs")
    url = sqs.create_queue(QueueName="clock-alert-observer")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    stack.client("sns").subscribe(TopicArn=stack.resources.topics["AlertTopic"], Protocol="sqs", Endpoint=arn)
    return str(url)


def received_alerts(stack: LocalStack, url: str) -> list[dict[str, Any]]:
    messages = stack.client("sqs").receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
    return [json.loads(m["Body"]) for m in messages.get("Messages", [])]


def test_a_near_deadline_is_alerted_before_it_passes_and_shipping_updates_the_draft(
    clock_stack: LocalStack,
) -> None:
    stack = clock_stack
    observer = observe_alerts(stack)
    stack.send_eml(REPO / "demo" / "emails" / "01-pending-us.eml")
    stack.wait_until_idle(timeout=60)
    (queued,) = api(stack, "/api/drafts")["drafts"]
    assert queued["macro"] == "pending.payment_verification"

    result = stack.run_schedule("ClockFunction")  # what EventBridge does every five minutes
    alerted_at = datetime.now(UTC)

    assert result.ok, result.error
    (alert,) = received_alerts(stack, observer)
    deadline = datetime.fromisoformat(queued["deadline"])
    assert alerted_at < deadline  # seen coming: the alert is out before the deadline passes
    assert alert["MessageAttributes"]["kind"]["Value"] == "escalation"
    assert ORDER in alert["Subject"]
    link = f"{stack.api_url}/#draft={queued['id']}"
    assert link in alert["Message"]
    with urllib.request.urlopen(link.split("#")[0], timeout=10) as console:  # the link opens the console
        assert console.status == 200
    detail = api(stack, f"/api/drafts/{queued['id']}")
    assert detail["escalated_at"] is not None
    assert stack.run_schedule("ClockFunction").ok
    assert received_alerts(stack, observer) == []  # escalated once

    assert stack.simulator is not None
    orders = stack.simulator.orders
    order = next(o for o in orders if o["orderId"] == ORDER)
    shipped_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    order["fulfillment"]["fulfillmentStatus"] = "SHIPPED"
    order["lastUpdatedTime"] = shipped_at
    order["packages"] = [
        {
            "packageReferenceId": "PKG-US-6031482-1",
            "carrier": "UPS",
            "trackingNumber": TRACKING,
            "shipTime": shipped_at,
            "packageStatus": {"status": "IN_TRANSIT"},
        }
    ]
    stack.simulator.set_orders(orders)  # the marketplace announces the change (ORDER_CHANGE)
    stack.wait_until_idle(timeout=60)

    updated = api(stack, f"/api/drafts/{queued['id']}")
    assert updated["status"] == "pending_approval"  # waiting for the agent: nothing was sent
    assert updated["macro"] == "order_found.shipped"
    assert TRACKING in updated["body"]
    assert updated["order_news"]["summary"].startswith("order left Pending → SHIPPED")
    assert updated["diagnosis"]["case"] == "order_found"  # the console shows what the reply rests on
    history = api(stack, f"/api/audit?draft_id={queued['id']}")["entries"]
    assert [(e["action"], e["actor"]["sub"]) for e in history][:2] == [
        ("escalated", "system"),
        ("updated", "system"),
    ]
    assert len(list(stack.outbox_dir.glob("*.eml"))) == 1  # only the acknowledgement ever went out
