"""The template's IAM statements per function, in a form tests can compare: (action, resource) pairs.

A resource is named by the logical ID of the stack's resource it points to, with any path after it:
``MessagesTable``, ``DraftsTable/index/ByStatus``, ``RawMailBucket/inbound/*``, ``SpApiSecret``;
SES identities are ``ses-identity/${SenderDomain}`` and ``ses-identity/${SenderAddress}``.
"""

from __future__ import annotations

import re
from typing import Any

from ghostdesk.local.cfn import Template
from tests.shared_data import REPO

TEMPLATE = Template.load(REPO / "template.yaml")
FUNCTIONS = sorted(TEMPLATE.resources_of_type("AWS::Serverless::Function"))
# What SAM's SQS event source adds to a function's role for its own queue (SQSPollerPolicy).
SQS_POLLER_ACTIONS = (
    "sqs:ReceiveMessage",
    "sqs:DeleteMessage",
    "sqs:DeleteMessageBatch",
    "sqs:ChangeMessageVisibility",
    "sqs:ChangeMessageVisibilityBatch",
    "sqs:GetQueueAttributes",
)
_SES_IDENTITY = "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/"


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def statements(function: str) -> list[dict[str, Any]]:
    return [s for policy in TEMPLATE.properties(function).get("Policies") or [] for s in policy["Statement"]]


def symbol(resource: Any) -> str:
    """``{"Fn::GetAtt": ["DraftsTable", "Arn"]}`` -> ``DraftsTable``; ``${X.Arn}/index/Y`` -> ``X/index/Y``"""
    if isinstance(resource, dict):
        if "Fn::GetAtt" in resource:
            return str(resource["Fn::GetAtt"][0])
        if "Ref" in resource:
            return str(resource["Ref"])
        if "Fn::Sub" in resource:
            text = resource["Fn::Sub"]
            text = str(text[0] if isinstance(text, list) else text)
            text = re.sub(r"\$\{(\w+)\.Arn\}", r"\1", text)
            return text.replace(_SES_IDENTITY, "ses-identity/")
    raise AssertionError(f"a resource the policy tests cannot name: {resource!r}")


def grants(function: str) -> set[tuple[str, str]]:
    """Every (action, resource) the function's inline statements allow."""
    found: set[tuple[str, str]] = set()
    for statement in statements(function):
        assert statement["Effect"] == "Allow"
        for action in as_list(statement["Action"]):
            for resource in as_list(statement["Resource"]):
                found.add((action, symbol(resource)))
    return found


def event_queues(function: str) -> set[str]:
    """The queues the function consumes as an SQS event source."""
    events = TEMPLATE.properties(function).get("Events") or {}
    return {symbol(event["Properties"]["Queue"]) for event in events.values() if event.get("Type") == "SQS"}
