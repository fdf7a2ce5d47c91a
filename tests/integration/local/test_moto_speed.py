"""moto's SQS after :func:`make_moto_sqs_fast`: the same answers SQS gives, without whole-queue scans."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws

from ghostdesk.local.moto_speed import make_moto_sqs_fast

REGION = "us-east-1"


@pytest.fixture
def sqs() -> Iterator[Any]:
    make_moto_sqs_fast()
    with mock_aws():
        yield boto3.client("sqs", region_name=REGION)


def _counts(sqs: Any, url: str) -> dict[str, int]:
    attributes = sqs.get_queue_attributes(
        QueueUrl=url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return {name: int(value) for name, value in attributes.items()}


def test_received_messages_stay_hidden_for_their_visibility_timeout_then_come_back(sqs: Any) -> None:
    url = sqs.create_queue(QueueName="work")["QueueUrl"]
    for n in range(25):
        sqs.send_message(QueueUrl=url, MessageBody=f"mail {n}")

    first = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=1)["Messages"]
    assert len(first) == 10
    assert _counts(sqs, url) == {
        "ApproximateNumberOfMessages": 15,
        "ApproximateNumberOfMessagesNotVisible": 10,
    }
    rest = []
    while batch := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=30).get(
        "Messages", []
    ):
        rest += batch
    assert len(rest) == 15
    assert not {m["MessageId"] for m in rest} & {m["MessageId"] for m in first}

    time.sleep(1.2)
    again = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, AttributeNames=["All"])["Messages"]
    assert {m["MessageId"] for m in again} == {m["MessageId"] for m in first}
    assert {m["Attributes"]["ApproximateReceiveCount"] for m in again} == {"2"}


def test_a_message_past_the_queues_retention_period_is_not_delivered(sqs: Any) -> None:
    from moto.sqs.models import sqs_backends

    url = sqs.create_queue(QueueName="short", Attributes={"MessageRetentionPeriod": "60"})["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="new")
    sqs.send_message(QueueUrl=url, MessageBody="old")
    queue = sqs_backends["123456789012"][REGION].queues["short"]
    old: Any = next(m for m in queue._messages if m.body == "old")
    old.sent_timestamp -= 61_000  # sent 61 s ago: past the 60 s retention

    bodies = [m["Body"] for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]]

    assert bodies == ["new"]


def test_a_delayed_message_is_neither_visible_nor_counted_as_waiting_until_its_delay_ends(sqs: Any) -> None:
    url = sqs.create_queue(QueueName="later")["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="later", DelaySeconds=1)

    assert sqs.receive_message(QueueUrl=url).get("Messages", []) == []
    assert _counts(sqs, url)["ApproximateNumberOfMessages"] == 0
    time.sleep(1.2)
    assert [m["Body"] for m in sqs.receive_message(QueueUrl=url)["Messages"]] == ["later"]


def test_pollers_side_by_side_never_receive_the_same_message_and_a_long_poll_holds_up_no_one(
    sqs: Any,
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from ghostdesk.local.moto_atomic import make_moto_sqs_atomic

    make_moto_sqs_atomic()
    url = sqs.create_queue(QueueName="burst")["QueueUrl"]
    idle = sqs.create_queue(QueueName="idle")["QueueUrl"]
    for start in range(0, 300, 10):
        sqs.send_message_batch(
            QueueUrl=url,
            Entries=[{"Id": str(n), "MessageBody": f"mail {n}"} for n in range(start, start + 10)],
        )

    def poll(_: int) -> list[str]:
        client = boto3.client("sqs", region_name=REGION)
        got: list[str] = []
        while True:
            batch = client.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=300)
            if not batch.get("Messages"):
                return got
            got += [m["Body"] for m in batch["Messages"]]

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # threads interleave often, as in the stack: without the lock this fails
    try:
        with ThreadPoolExecutor(max_workers=9) as pool:
            # one poller waits on an empty queue the whole time: the others must not wait behind it
            waiting = pool.submit(
                lambda: boto3.client("sqs", region_name=REGION).receive_message(
                    QueueUrl=idle, WaitTimeSeconds=2
                )
            )
            received = [body for bodies in pool.map(poll, range(8)) for body in bodies]
            assert waiting.result().get("Messages") is None
    finally:
        sys.setswitchinterval(switch)

    assert sorted(received) == sorted(f"mail {n}" for n in range(300))  # each once, none twice
