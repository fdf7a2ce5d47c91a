"""Fixtures for the local stack runtime's tests: throwaway handlers and a moto server per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest

from ghostdesk.local.resources import FunctionSpec

LAMBDAS = Path(__file__).resolve().parents[2] / "fixtures" / "lambdas"
REGION = "us-east-1"
ACCOUNT = "123456789012"


def function_spec(
    name: str = "ProbeFunction",
    *,
    code: str = "probe",
    timeout_s: int = 3,
    environment: dict[str, str] | None = None,
    **extra: object,
) -> FunctionSpec:
    return FunctionSpec(
        logical_id=name,
        code_dir=LAMBDAS / code,
        handler="app.handler",
        timeout_s=timeout_s,
        memory_mb=256,
        environment=environment or {},
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    """One in-process moto server for the session; tests use their own uniquely named resources."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws(moto_server: str) -> boto3.Session:
    """A boto3 session whose clients talk to the moto server (pass endpoint_url=moto_server)."""
    return boto3.Session(
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name=REGION,
    )


class MailResources:
    """A bucket, a topic and a queue subscribed to it, like the template's inbound mail path."""

    def __init__(self, session: boto3.Session, endpoint: str, *, recipients: tuple[str, ...] = ()) -> None:
        import uuid

        from ghostdesk.local.resources import ReceiptRuleSpec, StackResources

        suffix = uuid.uuid4().hex[:10]
        self.s3 = session.client("s3", endpoint_url=endpoint)
        self.sns = session.client("sns", endpoint_url=endpoint)
        self.sqs = session.client("sqs", endpoint_url=endpoint)
        self.bucket = f"raw-mail-{suffix}"
        self.s3.create_bucket(Bucket=self.bucket)
        self.topic_arn = self.sns.create_topic(Name=f"inbound-{suffix}")["TopicArn"]
        self.queue_url = self.sqs.create_queue(QueueName=f"ingest-{suffix}")["QueueUrl"]
        queue_arn = self.sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]
        self.sns.subscribe(TopicArn=self.topic_arn, Protocol="sqs", Endpoint=queue_arn)
        self.resources = StackResources(
            region=REGION,
            account_id=ACCOUNT,
            parameters={},
            buckets={"RawMailBucket": self.bucket},
            topics={"InboundMailTopic": self.topic_arn},
            receipt_rule_set="ghostdesk-local-rules",
            receipt_rules=[
                ReceiptRuleSpec(
                    name="store-and-notify",
                    recipients=recipients,
                    bucket=self.bucket,
                    object_key_prefix="inbound/",
                    topic_arn=self.topic_arn,
                )
            ],
        )

    def notifications(self) -> list[dict]:
        """The SES notifications that reached the queue (unwrapped from their SNS envelopes)."""
        import json

        found = []
        while True:
            messages = self.sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10).get(
                "Messages", []
            )
            if not messages:
                return found
            for message in messages:
                envelope = json.loads(message["Body"])
                found.append({"envelope": envelope, "notification": json.loads(envelope["Message"])})
                self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])


@pytest.fixture
def mail_resources(aws: boto3.Session, moto_server: str) -> MailResources:
    return MailResources(aws, moto_server, recipients=("ghostdesk.local",))
