"""``ghostdesk dlq`` against the running local stack (``make run``), found through its ``stack.json``.

Given garbage on the inbound queue (not an SES notification), when the stack's ingest function has
failed it ``maxReceiveCount`` times, then ``ghostdesk dlq list`` (pointed only at the data directory)
shows it in the inbound DLQ with the reason the function recorded, and ``redrive`` hands it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ghostdesk.commands import dlq
from ghostdesk.local.stack import LocalStack, StackConfig

pytestmark = pytest.mark.e2e


@pytest.fixture
def local_stack(tmp_path: Path) -> Iterator[LocalStack]:
    config = StackConfig.from_env(
        {},
        smtp_port=0,
        http_port=0,
        data_dir=tmp_path,
        name_prefix="dlq",
        retry_delay_s=1,
        parameters={"SenderAddress": "support@example.com"},
    )
    with LocalStack(config) as stack:
        assert stack.init_errors == {}, stack.init_errors
        yield stack


def test_dlq_list_finds_the_running_stacks_dead_letters_and_their_reason(
    local_stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert local_stack.resources is not None
    garbage = json.dumps({"Type": "Notification", "Message": json.dumps({"notificationType": "Bounce"})})
    sqs = local_stack.client("sqs")
    sent = sqs.send_message(QueueUrl=local_stack.resources.queues["InboundQueue"].url, MessageBody=garbage)
    local_stack.wait_until_idle(timeout=60)  # retried until SQS moved it to the DLQ

    capsys.readouterr()
    code = dlq.main(["list", "--json", "--data-dir", str(tmp_path)])
    listed = json.loads(capsys.readouterr().out)

    assert code == 1
    by_name = {queue["name"]: queue for queue in listed["queues"]}
    assert {"InboundDeadLetterQueue", "DiagnoseDeadLetterQueue", "RespondDeadLetterQueue"} <= set(by_name)
    inbound = by_name["InboundDeadLetterQueue"]
    assert inbound["sources"] == ["dlq-InboundQueue"]
    (letter,) = inbound["messages"]
    assert letter["sqs_message_id"] == sent["MessageId"]
    assert letter["error"] == "InvalidNotification"
    assert "Bounce" in letter["detail"]
    assert listed["total"] == 1

    code = dlq.main(["redrive", "--data-dir", str(tmp_path), "--queue", "Inbound", "--dry-run"])
    assert code == 0
    assert f"would move {sent['MessageId']} -> dlq-InboundQueue" in capsys.readouterr().out
