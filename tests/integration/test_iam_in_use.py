"""Every AWS call each function actually makes is allowed by its own policy in template.yaml.

The least-privilege test (``tests/unit/test_least_privilege.py``) keeps the policies from growing; this
one keeps them from shrinking below what the code needs. Given a day at the desk through every
function's real handler under moto (``whole_desk.run_whole_desk``), every boto3 call is recorded with
the function that made it, turned into the IAM action and resource it needs, and checked against that
function's statements (plus the poller permissions SAM adds for the function's own SQS event source).
moto does not enforce IAM, so without this a missing permission would only show in AWS.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

import botocore.client
import pytest

from tests.integration.conftest import Stack
from tests.integration.whole_desk import run_whole_desk
from tests.template_policies import SQS_POLLER_ACTIONS, event_queues, grants

_FUNCTION: contextvars.ContextVar[str | None] = contextvars.ContextVar("function", default=None)


@dataclass(frozen=True)
class Need:
    function: str
    action: str
    resource: str


@dataclass
class Recorder:
    stack: Stack
    calls: list[tuple[str, str, str, dict[str, Any]]]

    def needs(self) -> set[Need]:
        found: set[Need] = set()
        for function, service, operation, params in self.calls:
            for action, resource in self._translate(service, operation, params):
                found.add(Need(function, action, resource))
        return found

    def _logical(self, kind: dict[str, str], physical: str) -> str:
        for logical, name in kind.items():
            if physical in (name, name.rsplit(":", 1)[-1]) or name.endswith(physical):
                return logical
        raise AssertionError(f"a call to {physical!r}, which is not a resource of the stack")

    def _queue(self, url_or_name: str) -> str:
        for logical, queue in self.stack.resources.queues.items():
            if url_or_name in (queue.url, queue.url.rsplit("/", 1)[-1], queue.arn):
                return logical
        raise AssertionError(f"a call to queue {url_or_name!r}, which is not a queue of the stack")

    def _table(self, name: str, index: str | None = None) -> str:
        logical = self._logical(self.stack.resources.tables, name)
        return f"{logical}/index/{index}" if index else logical

    def _translate(self, service: str, operation: str, params: dict[str, Any]) -> list[tuple[str, str]]:
        if service == "dynamodb":
            if operation == "TransactWriteItems":
                kinds = {"Put": "PutItem", "Delete": "DeleteItem", "Update": "UpdateItem"}
                kinds["ConditionCheck"] = "ConditionCheckItem"
                return [
                    (f"dynamodb:{kinds[kind]}", self._table(body["TableName"]))
                    for item in params["TransactItems"]
                    for kind, body in item.items()
                ]
            return [(f"dynamodb:{operation}", self._table(params["TableName"], params.get("IndexName")))]
        if service == "s3":
            action = {"HeadObject": "GetObject", "ListObjectsV2": "ListBucket"}.get(operation, operation)
            bucket = self._logical(self.stack.resources.buckets, params["Bucket"])
            return [(f"s3:{action}", f"{bucket}/{params['Key']}" if "Key" in params else bucket)]
        if service == "sqs":
            queue = self._queue(params.get("QueueUrl") or params["QueueName"])
            action = operation.removesuffix("Batch") if operation == "SendMessageBatch" else operation
            return [(f"sqs:{action}", queue)]
        if service == "secretsmanager":
            return [
                (
                    "secretsmanager:GetSecretValue"
                    if operation == "GetSecretValue"
                    else f"secretsmanager:{operation}",
                    self._logical(self.stack.resources.secrets, params["SecretId"]),
                )
            ]
        if service == "ses" and operation == "SendRawEmail":
            assert params["Source"] == self.stack.resources.parameters["SenderAddress"]
            return [("ses:SendRawEmail", "ses-identity/${SenderAddress}")]
        if service == "sns" and operation == "Publish":
            return [("sns:Publish", self._logical(self.stack.resources.topics, params["TopicArn"]))]
        raise AssertionError(f"an AWS call this check does not know: {service} {operation}")


@pytest.fixture
def recorder(stack: Stack, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorded = Recorder(stack, [])
    original_call = botocore.client.BaseClient._make_api_call
    original_use = Stack.use_function

    def make_api_call(client: Any, operation: str, params: dict[str, Any]) -> Any:
        function = _FUNCTION.get()
        if function is not None:
            recorded.calls.append((function, client.meta.service_model.service_name, operation, dict(params)))
        return original_call(client, operation, params)

    def use_function(self: Stack, logical_id: str) -> Callable[[dict[str, Any]], Any]:
        handler = original_use(self, logical_id)

        def invoke(event: dict[str, Any]) -> Any:
            token = _FUNCTION.set(logical_id)
            try:
                return handler(event)
            finally:
                _FUNCTION.reset(token)

        return invoke

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", make_api_call)
    monkeypatch.setattr(Stack, "use_function", use_function)
    return recorded


def allowed(need: Need) -> bool:
    if need.action in SQS_POLLER_ACTIONS and need.resource in event_queues(need.function):
        return True
    return any(
        action == need.action and fnmatchcase(need.resource, resource)
        for action, resource in grants(need.function)
    )


def test_every_call_a_function_makes_is_allowed_by_its_own_policy(recorder: Recorder) -> None:
    run_whole_desk(recorder.stack)
    needs = recorder.needs()

    assert {n.function for n in needs} >= {
        "IngestFunction",
        "DiagnoseFunction",
        "RespondFunction",
        "ApiFunction",
        "OrderChangeFunction",
        "OrderSyncFunction",
    }, "the day at the desk no longer reaches every function"
    assert Need("DiagnoseFunction", "sqs:GetQueueUrl", "DiagnoseQueue") in needs  # the delayed retry ran
    missing = sorted(f"{n.function}: {n.action} on {n.resource}" for n in needs if not allowed(n))
    assert not missing, "template.yaml lacks:\n" + "\n".join(missing)
