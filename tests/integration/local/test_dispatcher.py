"""SQS event source mappings and schedules behave as Lambda's: event shape, partial batch failures, DLQ."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ghostdesk.local.dispatcher import (
    DispatchOptions,
    ScheduleRunner,
    SqsEventSourceMapping,
    scheduled_event,
)
from ghostdesk.local.lambda_runtime import LocalFunction
from ghostdesk.local.resources import QueueInfo, ScheduleSource, SqsEventSource
from tests.integration.local.conftest import ACCOUNT, REGION, function_spec
from tests.shared_data import SHARED_DATA

EVENTS = SHARED_DATA / "lambda-events"


@pytest.fixture
def sqs(aws, moto_server):
    return aws.client("sqs", endpoint_url=moto_server)


@pytest.fixture
def event_log(tmp_path: Path) -> Path:
    return tmp_path / "events.jsonl"


@pytest.fixture
def probe(tmp_path: Path, event_log: Path, moto_server: str) -> Iterator[LocalFunction]:
    function = LocalFunction(
        function_spec("WorkerFunction", timeout_s=3, environment={"PROBE_EVENT_LOG": str(event_log)}),
        region=REGION,
        account_id=ACCOUNT,
        endpoint_url=moto_server,
        log_dir=tmp_path / "logs",
    )
    yield function
    function.close()


def make_queue(sqs, *, visibility_timeout_s: int = 30, max_receive_count: int | None = None) -> QueueInfo:
    name = f"q-{uuid.uuid4().hex[:12]}"
    attributes = {"VisibilityTimeout": str(visibility_timeout_s)}
    dlq_id = None
    if max_receive_count is not None:
        dlq_url = sqs.create_queue(QueueName=f"{name}-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        attributes["RedrivePolicy"] = json.dumps(
            {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": max_receive_count}
        )
        dlq_id = f"{name}-dlq"
    url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return QueueInfo(name, url, arn, visibility_timeout_s, dlq_id, max_receive_count)


def counts(sqs, url: str) -> tuple[int, int]:
    attributes = sqs.get_queue_attributes(
        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    )["Attributes"]
    return int(attributes["ApproximateNumberOfMessages"]), int(
        attributes["ApproximateNumberOfMessagesNotVisible"]
    )


def bodies_in(sqs, url: str) -> list[str]:
    messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0).get(
        "Messages", []
    )
    return sorted(message["Body"] for message in messages)


def recorded(event_log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in event_log.read_text().splitlines()]


def mapping(probe, queue, sqs, *, batch_size: int = 10, **options: Any) -> SqsEventSourceMapping:
    return SqsEventSourceMapping(
        probe,
        SqsEventSource(queue.logical_id, batch_size=batch_size, report_batch_item_failures=True),
        queue,
        sqs,
        region=REGION,
        options=DispatchOptions(**{"retry_delay_s": 0, **options}),
    )


def test_sqs_event_has_lambdas_shape(probe, sqs, event_log):
    queue = make_queue(sqs)
    sqs.send_message(
        QueueUrl=queue.url,
        MessageBody='{"message_id": "m-1"}',
        MessageAttributes={
            "trace": {"DataType": "String", "StringValue": "abc"},
            "blob": {"DataType": "Binary", "BinaryValue": b"\x00\x01"},
        },
    )

    assert mapping(probe, queue, sqs).poll_once() == 1

    record = recorded(event_log)[0]["Records"][0]
    sample = json.loads((EVENTS / "powertools" / "sqsEvent.json").read_text())["Records"][0]
    assert set(sample) <= set(record)
    assert set(sample["attributes"]) <= set(record["attributes"])
    assert record["eventSource"] == "aws:sqs"
    assert record["eventSourceARN"] == queue.arn
    assert record["awsRegion"] == REGION
    assert record["body"] == '{"message_id": "m-1"}'
    assert record["attributes"]["ApproximateReceiveCount"] == "1"
    assert record["messageAttributes"]["trace"] == {
        "stringValue": "abc",
        "stringListValues": [],
        "binaryListValues": [],
        "dataType": "String",
    }
    assert record["messageAttributes"]["blob"]["binaryValue"] == "AAE="
    assert counts(sqs, queue.url) == (0, 0)  # processed messages are deleted


def test_partial_batch_failure_deletes_only_the_successes(probe, sqs):
    queue = make_queue(sqs)
    for body in ("ok-1", "fail", "ok-2"):
        sqs.send_message(QueueUrl=queue.url, MessageBody=body)

    handled = 0
    while handled < 3:  # SQS may hand out fewer than asked for
        handled += mapping(probe, queue, sqs).poll_once()

    assert bodies_in(sqs, queue.url) == ["fail"]


def test_exception_fails_the_whole_batch(probe, sqs):
    queue = make_queue(sqs)
    sqs.send_message_batch(
        QueueUrl=queue.url,
        Entries=[{"Id": "1", "MessageBody": "ok"}, {"Id": "2", "MessageBody": "raise"}],
    )
    esm = mapping(probe, queue, sqs, batch_size=10, poll_wait_s=0)

    esm.poll_once()

    assert bodies_in(sqs, queue.url) == ["ok", "raise"]
    assert esm.failed_batches == 1


def test_unknown_item_identifier_fails_the_whole_batch(probe, sqs):
    queue = make_queue(sqs)
    sqs.send_message_batch(
        QueueUrl=queue.url,
        Entries=[{"Id": "1", "MessageBody": "ok"}, {"Id": "2", "MessageBody": "unknown-id"}],
    )

    mapping(probe, queue, sqs).poll_once()

    assert bodies_in(sqs, queue.url) == ["ok", "unknown-id"]


def test_failing_message_reaches_the_dlq_after_max_receive_count(probe, sqs, event_log):
    queue = make_queue(sqs, max_receive_count=2)
    dlq_url = sqs.get_queue_url(QueueName=queue.dlq_logical_id)["QueueUrl"]
    sqs.send_message(QueueUrl=queue.url, MessageBody="fail")
    esm = mapping(probe, queue, sqs, poll_wait_s=0)

    attempts = [esm.poll_once() for _ in range(4)]

    assert attempts == [1, 1, 0, 0]  # received twice, then redriven instead of delivered again
    assert [e["Records"][0]["attributes"]["ApproximateReceiveCount"] for e in recorded(event_log)] == [
        "1",
        "2",
    ]
    assert counts(sqs, queue.url) == (0, 0)
    assert bodies_in(sqs, dlq_url) == ["fail"]


def test_faithful_mode_leaves_a_failed_message_hidden_for_the_visibility_timeout(probe, sqs):
    queue = make_queue(sqs, visibility_timeout_s=5)
    sqs.send_message(QueueUrl=queue.url, MessageBody="fail")
    esm = mapping(probe, queue, sqs, faithful=True, poll_wait_s=0)

    esm.poll_once()

    assert counts(sqs, queue.url) == (0, 1)
    assert esm.poll_once() == 0


def test_local_retry_delay_brings_a_failed_message_back_in_seconds(probe, sqs):
    queue = make_queue(sqs, visibility_timeout_s=30)
    sqs.send_message(QueueUrl=queue.url, MessageBody="fail")
    esm = mapping(probe, queue, sqs, retry_delay_s=1, poll_wait_s=0)

    esm.poll_once()
    time.sleep(1.2)

    assert counts(sqs, queue.url) == (1, 0)


def test_quick_retry_leaves_alone_a_delay_the_function_chose(probe, sqs):
    from ghostdesk.local.stack import _moto_visible_at

    queue = make_queue(sqs, visibility_timeout_s=10)
    sqs.send_message_batch(
        QueueUrl=queue.url,
        Entries=[{"Id": "1", "MessageBody": "fail"}, {"Id": "2", "MessageBody": "delay"}],
    )
    esm = SqsEventSourceMapping(
        probe,
        SqsEventSource(queue.logical_id, batch_size=10),
        queue,
        sqs,
        region=REGION,
        options=DispatchOptions(retry_delay_s=0, poll_wait_s=0),
        visible_at=_moto_visible_at(ACCOUNT, REGION),
    )

    esm.poll_once()

    assert bodies_in(sqs, queue.url) == ["fail"]  # back at once; "delay" waits the 60 s it asked for


def test_poller_thread_drains_the_queue_in_parallel_batches(probe, sqs, event_log):
    queue = make_queue(sqs)
    for n in range(6):
        sqs.send_message(QueueUrl=queue.url, MessageBody=f"ok-{n}")
    esm = mapping(probe, queue, sqs, batch_size=2, parallel_invocations=2)

    esm.start()
    deadline = time.monotonic() + 10
    while (counts(sqs, queue.url) != (0, 0) or esm.busy) and time.monotonic() < deadline:
        time.sleep(0.05)
    esm.stop()

    events = recorded(event_log)
    assert sorted(r["body"] for e in events for r in e["Records"]) == [f"ok-{n}" for n in range(6)]
    assert all(len(e["Records"]) <= 2 for e in events)


def test_mapping_refuses_a_function_timeout_longer_than_the_visibility_timeout(probe, sqs):
    queue = make_queue(sqs, visibility_timeout_s=2)

    with pytest.raises(ValueError, match="visibility timeout"):
        mapping(probe, queue, sqs)


def test_scheduled_event_has_eventbridges_shape():
    sample = json.loads((EVENTS / "sam-cli" / "ScheduledEvent.json").read_text())

    event = scheduled_event(
        rule_arn="arn:aws:events:us-east-1:123456789012:rule/r", region=REGION, account_id=ACCOUNT
    )

    assert set(sample) <= set(event)
    assert event["detail-type"] == "Scheduled Event"
    assert event["source"] == "aws.events"
    assert event["resources"] == ["arn:aws:events:us-east-1:123456789012:rule/r"]
    assert event["time"].endswith("Z")


def test_schedule_invokes_the_function_at_its_rate(probe, event_log):
    runner = ScheduleRunner(
        probe,
        ScheduleSource("EscalationSchedule", rate_seconds=0.3),
        rule_arn=f"arn:aws:events:{REGION}:{ACCOUNT}:rule/escalation",
        region=REGION,
        account_id=ACCOUNT,
    )

    runner.start()
    time.sleep(1.1)
    runner.stop()

    events = recorded(event_log)
    assert 2 <= len(events) <= 4
    assert all(e["detail-type"] == "Scheduled Event" for e in events)
