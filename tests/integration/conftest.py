"""Handlers under moto: the template's resources provisioned into ``mock_aws``, the SP-API simulator on
127.0.0.1, and each function's own environment, exactly as ``template.yaml`` gives it.
"""

from __future__ import annotations

import importlib.util
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from types import ModuleType
from typing import Any

import boto3
import pytest
from moto import mock_aws

from ghostdesk.local.provision import provision
from ghostdesk.local.resources import StackResources
from ghostdesk.local.spapi_sim import SpApiSimulator
from ghostdesk.observability import metrics
from ghostdesk.orders.file_source import load_orders_file
from ghostdesk.pipeline import wiring
from tests.shared_data import REPO

TEMPLATE = REPO / "template.yaml"
EVENTS = REPO / "events"
DEMO_ORDERS = REPO / "demo" / "orders.json"
REGION = "us-east-1"
SPAPI_CREDENTIALS = {
    "LWA_APP_ID": "amzn1.application-oa2-client.ghostdesk-test",
    "LWA_CLIENT_SECRET": "test-client-secret",
    "SP_API_REFRESH_TOKEN": "Atzr|ghostdesk-test-refresh-token",
}


@dataclass
class LambdaContext:
    """What Lambda passes as ``context`` (the attributes Powertools and our handlers read)."""

    function_name: str
    memory_limit_in_mb: int = 512
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    invoked_function_arn: str = ""
    log_group_name: str = ""
    log_stream_name: str = "2026/11/26/[$LATEST]0123456789abcdef"
    function_version: str = "$LATEST"
    timeout_ms: int = 30_000

    def get_remaining_time_in_millis(self) -> int:
        return self.timeout_ms


@dataclass
class Stack:
    resources: StackResources
    simulator: SpApiSimulator
    monkeypatch: pytest.MonkeyPatch

    def use_function(self, logical_id: str) -> Callable[[dict[str, Any]], Any]:
        """Set the process environment to the function's own and return its handler, freshly imported."""
        spec = self.resources.functions[logical_id]
        for name, value in spec.environment.items():
            self.monkeypatch.setenv(name, value)
        self.monkeypatch.setenv("GHOSTDESK_TEMPLATES_DIR", str(REPO / "templates"))
        self.monkeypatch.setenv("GHOSTDESK_SPAPI_ENDPOINT", self.simulator.url)
        self.monkeypatch.setenv("GHOSTDESK_LWA_TOKEN_URL", self.simulator.token_url)
        self.monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", spec.logical_id)
        wiring.reset()
        module = load_handler_module(spec.code_dir / (spec.handler.split(".")[0] + ".py"), logical_id)
        handler = getattr(module, spec.handler.split(".")[1])
        context = LambdaContext(function_name=logical_id, timeout_ms=spec.timeout_s * 1000)
        return lambda event: handler(event, context)

    def client(self, service: str) -> Any:
        return boto3.client(service, region_name=REGION)  # type: ignore[call-overload]

    def queue_bodies(self, logical_id: str) -> list[dict[str, Any]]:
        """Drain a queue and return the JSON bodies it held."""
        sqs = self.client("sqs")
        url = self.resources.queues[logical_id].url
        bodies: list[dict[str, Any]] = []
        while True:
            got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
            messages = got.get("Messages", [])
            if not messages:
                return bodies
            for m in messages:
                bodies.append(json.loads(m["Body"]))
                sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])

    def sent_emails(self) -> list[EmailMessage]:
        from moto.ses.models import ses_backends

        backend = ses_backends[self.resources.account_id][REGION]
        return [
            message_from_bytes(
                m.raw_data.encode() if isinstance(m.raw_data, str) else m.raw_data, policy=policy.default
            )  # type: ignore[misc]
            for m in backend.sent_messages
        ]


def load_handler_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"ghostdesk_test_handler_{name}", path)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sqs_event(name: str, *, bucket: str | None = None) -> dict[str, Any]:
    """An event from events/, with the sample bucket name swapped for the provisioned one."""
    text = (EVENTS / name).read_text()
    if bucket:
        text = text.replace("ghostdesk-rawmailbucket-example", bucket)
    event: dict[str, Any] = json.loads(text)
    return event


@pytest.fixture
def stack(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stack]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_REGION": REGION,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    orders = load_orders_file(DEMO_ORDERS)["amazon"]
    simulator_credentials = {
        "client_id": SPAPI_CREDENTIALS["LWA_APP_ID"],
        "client_secret": SPAPI_CREDENTIALS["LWA_CLIENT_SECRET"],
        "refresh_token": SPAPI_CREDENTIALS["SP_API_REFRESH_TOKEN"],
    }
    with mock_aws(), SpApiSimulator(orders, **simulator_credentials) as simulator:
        simulator.rebase_to(newest_age=timedelta(days=1))
        resources = provision(TEMPLATE, session=boto3.Session(region_name=REGION))
        boto3.client("secretsmanager", region_name=REGION).put_secret_value(
            SecretId=resources.secrets["SpApiSecret"], SecretString=json.dumps(SPAPI_CREDENTIALS)
        )
        # Powertools Metrics is one per process: what an earlier test's steps recorded without a handler
        # to flush it must not show up in this test's first flush.
        metrics.clear_metrics()
        yield Stack(resources, simulator, monkeypatch)
        wiring.reset()
        metrics.clear_metrics()
