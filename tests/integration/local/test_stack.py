"""The assembled local stack, driven as a developer would: mail in over SMTP, HTTP to the API, the outbox."""

from __future__ import annotations

import email
import http.client
import json
import re
import smtplib
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from ghostdesk.local.cli import send_demo_main
from ghostdesk.local.stack import LocalStack, StackConfig
from tests.integration.local.conftest import LAMBDAS

TEMPLATE = LAMBDAS / "stack-template.yaml"


@pytest.fixture(scope="module")
def local_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    data_dir = tmp_path_factory.mktemp("stack")
    config = StackConfig.from_env(
        {},
        smtp_port=0,
        http_port=0,
        data_dir=data_dir,
        template=TEMPLATE,
        name_prefix="stacktest",
        agent_token="token-for-tests",
        retry_delay_s=0,
        parameters={
            "SenderAddress": "support@ghostdesk.local",
            "InboundRecipients": "ghostdesk.local",
            "EventLog": str(data_dir / "events.jsonl"),
        },
    )
    with LocalStack(config) as running:
        yield running


def buyer_mail(subject: str = "Where is order 114-1234567-1234567?") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "x7k2m9q4p1@marketplace.amazon.com"
    message["To"] = "orders@ghostdesk.local"
    message["Subject"] = subject
    message["Message-ID"] = "<buyer-question@marketplace.amazon.com>"
    message.set_content("It has been pending for two days.")
    return message


def outbox_messages(stack: LocalStack) -> list[email.message.Message]:
    return [email.message_from_bytes(p.read_bytes()) for p in sorted(stack.outbox_dir.glob("*.eml"))]


def test_mail_flows_from_smtp_through_ses_sns_sqs_to_the_function_and_its_reply_to_the_outbox(local_stack):
    before = len(outbox_messages(local_stack))

    ses_id = local_stack.send_eml(buyer_mail().as_bytes())
    local_stack.wait_until_idle(timeout=20)

    replies = outbox_messages(local_stack)[before:]
    assert len(replies) == 1
    assert replies[0]["To"] == "x7k2m9q4p1@marketplace.amazon.com"
    assert replies[0]["In-Reply-To"] == "<buyer-question@marketplace.amazon.com>"
    assert ses_id in replies[0].get_payload()
    events = [json.loads(line) for line in (local_stack.data_dir / "events.jsonl").read_text().splitlines()]
    record = next(e["Records"][0] for e in events if "Records" in e and ses_id in e["Records"][0]["body"])
    assert record["eventSource"] == "aws:sqs"
    assert json.loads(record["body"])["Type"] == "Notification"  # the SNS envelope, as SQS delivers it


def test_a_failing_message_ends_in_the_dlq_and_the_stack_goes_idle(local_stack):
    local_stack.send_eml(buyer_mail(subject="please fail").as_bytes())
    local_stack.wait_until_idle(timeout=20)

    resources = local_stack.resources
    assert resources is not None
    dlq = resources.queues["InboundDeadLetterQueue"]
    messages = (
        local_stack.client("sqs")
        .receive_message(QueueUrl=dlq.url, MaxNumberOfMessages=10)
        .get("Messages", [])
    )
    assert any("please fail" in message["Body"] for message in messages)


def test_smtp_refuses_addresses_the_receipt_rule_does_not_cover(local_stack):
    with smtplib.SMTP(local_stack.smtp_host, local_stack.smtp_port, timeout=5) as client:
        code, _ = client.ehlo()
        client.mail("buyer@example.org")
        code, _ = client.rcpt("someone@elsewhere.example")

    assert code == 550


def test_api_routes_sit_behind_the_agent_token(local_stack):
    connection = http.client.HTTPConnection(
        "127.0.0.1", int(local_stack.api_url.rsplit(":", 1)[1]), timeout=10
    )
    connection.request("GET", "/api/echo")
    denied = connection.getresponse()
    denied_body = denied.read()
    connection.request("GET", "/api/echo?x=1", headers={"Authorization": "Bearer token-for-tests"})
    allowed = connection.getresponse()
    event = json.loads(allowed.read())
    connection.request("GET", "/")
    home = connection.getresponse()
    home.read()
    connection.close()

    assert (denied.status, json.loads(denied_body)) == (401, {"message": "Unauthorized"})
    assert allowed.status == 200
    assert event["routeKey"] == "GET /api/echo"
    assert event["queryStringParameters"] == {"x": "1"}
    assert event["requestContext"]["authorizer"]["jwt"]["claims"]["sub"] == "local-agent"
    assert home.status == 200


def test_functions_run_with_the_template_environment_and_log_to_the_logs_dir(local_stack):
    result = local_stack.runtime["ProbeFunction"].invoke({})

    assert result.ok
    environ = result.payload["environ"]
    assert environ["PROBE_SENDER"] == "support@ghostdesk.local"
    assert environ["AWS_ENDPOINT_URL"] == local_stack.aws_endpoint
    assert environ["AWS_LAMBDA_FUNCTION_NAME"] == "stacktest-ProbeFunction"
    assert (local_stack.logs_dir / "ProbeFunction.log").is_file()


def test_banner_says_where_to_send_mail_and_how_to_reach_the_console(local_stack):
    banner = local_stack.banner()

    assert local_stack.smtp_url in banner
    assert "@ghostdesk.local" in banner
    assert f"{local_stack.api_url}/" in banner
    assert "token-for-tests" in banner
    assert str(local_stack.outbox_dir) in banner
    assert str(local_stack.logs_dir) in banner
    assert "make demo" in banner


def test_send_demo_mails_each_file_to_the_running_stack(local_stack, tmp_path, capsys):
    (tmp_path / "a.eml").write_bytes(buyer_mail("demo a").as_bytes())
    (tmp_path / "b.eml").write_bytes(buyer_mail("demo b").as_bytes())
    before = len(outbox_messages(local_stack))

    code = send_demo_main(
        [str(tmp_path / "a.eml"), str(tmp_path / "b.eml"), "--data-dir", str(local_stack.data_dir)]
    )
    local_stack.wait_until_idle(timeout=20)

    printed = capsys.readouterr().out
    assert code == 0
    assert re.search(r"sent a\.eml +\(SES message [a-z0-9]{40}\)", printed)
    assert "sent b.eml" in printed
    assert sorted(m["Subject"] for m in outbox_messages(local_stack)[before:]) == ["Re: demo a", "Re: demo b"]


def test_send_demo_says_clearly_when_nothing_listens(tmp_path, capsys):
    (tmp_path / "a.eml").write_bytes(buyer_mail().as_bytes())

    code = send_demo_main([str(tmp_path / "a.eml"), "--smtp-port", "1", "--data-dir", str(tmp_path)])

    assert code == 1
    assert "nothing is listening on smtp://127.0.0.1:1" in capsys.readouterr().err


def test_state_file_is_written_while_running_and_removed_on_stop(tmp_path):
    config = StackConfig.from_env(
        {},
        smtp_port=0,
        http_port=0,
        data_dir=tmp_path,
        template=TEMPLATE,
        name_prefix="statetest",
        warm_start=False,
        parameters={"SenderAddress": "support@ghostdesk.local", "InboundRecipients": "ghostdesk.local"},
    )
    with LocalStack(config) as running:
        state = json.loads((tmp_path / "stack.json").read_text())
        assert state["smtp_port"] == running.smtp_port
        assert state["inbound_address"] == "orders@ghostdesk.local"

    assert not Path(tmp_path / "stack.json").exists()
