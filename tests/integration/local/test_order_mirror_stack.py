"""The order mirror on the local stack, as `make run` starts it: quota, notifications, a real endpoint.

- Given the getOrder quota exhausted, a buyer's message still gets its acknowledgement at once, and its
  diagnosis is delayed (SQS visibility) until its reserved token exists, then completes: nothing in a
  dead-letter queue, no 429.
- Given an order changes at the marketplace, the ORDER_CHANGE notification reaches the mirror.
- Given GHOSTDESK_SPAPI_ENDPOINT, every SP-API call goes to that endpoint, not to the simulator.
"""

from __future__ import annotations

import email
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path

import pytest
from bench.order_burst import _mail
from bench.spapi_standin import StandInSpApi

from ghostdesk.local.stack import LocalStack, StackConfig
from ghostdesk.orders.mirror import OrderMirror
from ghostdesk.orders.quota import GET_ORDER, DynamoTokenBuckets
from tests.shared_data import REPO
from tests.unit.orders.builders import amazon_order

pytestmark = pytest.mark.e2e
GHOST = REPO / "demo" / "emails" / "07-ghost-not-found-es.eml"  # an order ID this seller does not have


def config(tmp: Path, **overrides: object) -> StackConfig:
    return StackConfig.from_env(
        {},
        smtp_port=0,
        http_port=0,
        data_dir=tmp,
        name_prefix=f"mirror-{tmp.name[-12:]}".replace("_", "-"),
        agent_token="mirror-token",
        **overrides,
    )


@pytest.fixture
def quota_stack(tmp_path: Path) -> Iterator[LocalStack]:
    with LocalStack(config(tmp_path, enforce_spapi_quotas=True)) as stack:
        assert stack.init_errors == {}
        yield stack


def drafts(stack: LocalStack) -> int:
    return int(
        stack.client("dynamodb").scan(TableName=stack.resources.tables["DraftsTable"], Select="COUNT")[
            "Count"
        ]
    )


def dead_letters(stack: LocalStack) -> int:
    sqs = stack.client("sqs")
    total = 0
    for queue in stack.resources.queues.values():
        if queue.logical_id.endswith("DeadLetterQueue"):
            attributes = sqs.get_queue_attributes(
                QueueUrl=queue.url, AttributeNames=["ApproximateNumberOfMessages"]
            )
            total += int(attributes["Attributes"]["ApproximateNumberOfMessages"])
    return total


def test_without_quota_the_ack_goes_out_at_once_and_the_diagnosis_waits_its_turn(
    quota_stack: LocalStack,
) -> None:
    stack = quota_stack
    assert stack.resources is not None
    buckets = DynamoTokenBuckets(stack.client("dynamodb"), stack.resources.tables["QuotaTable"], scope="na")
    for _ in range(30):
        buckets.take(GET_ORDER)
    for n in range(6):  # six messages wait in line: the next getOrder slot is over 14 s away
        buckets.reserve(GET_ORDER, f"111-000000{n}-0000000")
    assert stack.simulator is not None
    stack.simulator.clear_requests()

    sent = time.monotonic()
    stack.send_eml(GHOST)
    while not list(stack.outbox_dir.glob("*.eml")) and time.monotonic() - sent < 60:
        time.sleep(0.1)
    acknowledged = time.monotonic() - sent
    assert list(stack.outbox_dir.glob("*.eml")), "no acknowledgement"
    assert drafts(stack) == 0  # acknowledged while the diagnosis still waits for its token

    stack.wait_until_idle(timeout=60)
    drafted = time.monotonic() - sent

    assert drafts(stack) == 1
    assert dead_letters(stack) == 0
    calls = [(r.operation, r.status) for r in stack.simulator.requests if r.operation == GET_ORDER]
    assert calls == [(GET_ORDER, 404)]  # one call, when its slot came; no 429
    assert acknowledged < drafted
    ack = email.message_from_bytes(next(stack.outbox_dir.glob("*.eml")).read_bytes(), policy=policy.default)
    assert ack["Auto-Submitted"] == "auto-replied"


def test_an_order_that_changes_at_the_marketplace_reaches_the_mirror_by_notification(
    quota_stack: LocalStack,
) -> None:
    stack = quota_stack
    assert stack.simulator is not None
    assert stack.resources is not None
    orders = stack.simulator.orders
    pending = next(o for o in orders if o["orderId"] == "113-4829175-6031482")
    pending["fulfillment"]["fulfillmentStatus"] = "UNSHIPPED"
    pending["lastUpdatedTime"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    stack.simulator.set_orders(orders)  # the simulator serves them as given (already rebased)

    stack.wait_until_idle(timeout=30)

    entry = OrderMirror(stack.client("dynamodb"), stack.resources.tables["OrdersTable"]).get(
        pending["orderId"]
    )
    assert entry is not None
    assert entry.facts is not None
    assert entry.facts.status == "UNSHIPPED"
    assert entry.source.value == "notification"
    assert entry.complete is True  # the mirror knew the whole order: the summary only moved its status


def test_with_an_spapi_endpoint_set_every_call_goes_there(tmp_path: Path) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    order = amazon_order("113-7000001-0000001", created=now - timedelta(days=1), status="UNSHIPPED")
    with StandInSpApi([order]) as standin:
        env = {
            "GHOSTDESK_SPAPI_ENDPOINT": standin.url,
            "GHOSTDESK_LWA_TOKEN_URL": standin.token_url,
            "LWA_APP_ID": standin.credentials["LWA_APP_ID"],
            "LWA_CLIENT_SECRET": standin.credentials["LWA_CLIENT_SECRET"],
            "SP_API_REFRESH_TOKEN": standin.credentials["SP_API_REFRESH_TOKEN"],
        }
        base = StackConfig.from_env(env)  # as `make run` reads its environment
        assert base.spapi_endpoint == standin.url
        cfg = config(
            tmp_path,
            spapi_endpoint=base.spapi_endpoint,
            lwa_token_url=base.lwa_token_url,
            spapi_credentials=base.spapi_credentials,
        )
        with LocalStack(cfg) as stack:
            assert stack.simulator is None  # no simulator of our own
            assert stack.spapi_endpoint == standin.url
            assert standin.calls["searchOrders"] == 1  # the first sync asked the endpoint
            stack.send_eml(_mail(1, order["orderId"], "stand1n7e5t0a1b2@marketplace.amazon.com", "Sam").raw)
            stack.send_eml(
                _mail(2, "114-7000009-0000009", "gh0st7e5t0a1b2c3@marketplace.amazon.com", "Kim").raw
            )
            stack.wait_until_idle(timeout=60)
            assert drafts(stack) == 2
            assert dead_letters(stack) == 0
        assert standin.calls["getOrder"] == 1  # the unknown ID; the known order came from the mirror
        assert sum(standin.throttled.values()) == 0
