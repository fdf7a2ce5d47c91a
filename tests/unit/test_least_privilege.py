"""Least privilege and data care in template.yaml, as a reviewer would hold them to account.

Each function's grants are listed here explicitly, action by action and resource by resource, as the
review of its code found them (the boto3 calls of the modules its handler imports). A statement that
grows a function's rights, a wildcard, a new resource: the test fails until this list is changed on
purpose. (``tests/integration/test_iam_in_use.py`` checks the other direction: that every call the
functions make under moto is granted.) Then: every store is encrypted at rest, every table that holds
personal data expires its items, and raw mail and data expire after ``RetentionDays``.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.template_policies import FUNCTIONS, TEMPLATE, as_list, grants, statements

SES_SENDER = {
    "ses:SendRawEmail ses-identity/${SenderAddress}",
    "ses:SendRawEmail ses-identity/${SenderDomain}",
}
# What each function's code calls, and nothing more. Why, in one line each:
EXPECTED: dict[str, set[str]] = {
    # Reads the raw mail SES stored; writes the message once (conditional put) and its resend claim;
    # hands on to diagnosis and acknowledgement.
    "IngestFunction": {
        "dynamodb:GetItem MessagesTable",
        "dynamodb:PutItem MessagesTable",
        "s3:GetObject RawMailBucket/inbound/*",
        "sqs:SendMessage DiagnoseQueue",
        "sqs:SendMessage RespondQueue",
    },
    # Reads the message and the sent-reply markers; the order mirror (get, cache, alias index) and the
    # SP-API token buckets (puts, transactions of puts, released slots); writes the case once; reads
    # both credential secrets; requests the draft; looks its own queue up to delay a retry.
    "DiagnoseFunction": {
        "dynamodb:GetItem MessagesTable",
        "dynamodb:GetItem OrdersTable",
        "dynamodb:PutItem OrdersTable",
        "dynamodb:Query OrdersTable/index/ByBuyerEmail",
        "dynamodb:GetItem QuotaTable",
        "dynamodb:PutItem QuotaTable",
        "dynamodb:DeleteItem QuotaTable",
        "dynamodb:GetItem CasesTable",
        "dynamodb:PutItem CasesTable",
        "secretsmanager:GetSecretValue SpApiSecret",
        "secretsmanager:GetSecretValue ChannelsSecret",
        "sqs:SendMessage RespondQueue",
        "sqs:GetQueueUrl DiagnoseQueue",
        "dynamodb:PutItem MessagesTable",  # failure#<sqs id> items only (a LeadingKeys condition)
    },
    # Acknowledgement state and the per-thread window claim (released when SES fails); the case; the
    # draft written once; Powertools idempotency records; sends as the approved sender only.
    "RespondFunction": {
        "dynamodb:GetItem MessagesTable",
        "dynamodb:PutItem MessagesTable",
        "dynamodb:DeleteItem MessagesTable",
        "dynamodb:GetItem CasesTable",
        "dynamodb:GetItem DraftsTable",
        "dynamodb:PutItem DraftsTable",
        "dynamodb:GetItem IdempotencyTable",
        "dynamodb:PutItem IdempotencyTable",
        "dynamodb:UpdateItem IdempotencyTable",
        "dynamodb:DeleteItem IdempotencyTable",
        *SES_SENDER,
    },
    # The agent's queue, drafts (versioned puts), evidence (cases by order), the append-only audit log,
    # approved replies; and POST /webhooks: the signing keys, the raw request kept under webhook/, the
    # message stored and handed on like mail.
    "ApiFunction": {
        "dynamodb:GetItem DraftsTable",
        "dynamodb:PutItem DraftsTable",
        "dynamodb:Query DraftsTable/index/ByStatus",
        "dynamodb:Query DraftsTable/index/ByCase",
        "dynamodb:GetItem MessagesTable",
        "dynamodb:PutItem MessagesTable",
        "dynamodb:GetItem CasesTable",
        "dynamodb:Query CasesTable/index/ByOrder",
        "dynamodb:PutItem AuditTable",
        "dynamodb:Query AuditTable",
        "secretsmanager:GetSecretValue WebhookSecret",
        "s3:PutObject RawMailBucket/webhook/*",
        "sqs:SendMessage DiagnoseQueue",
        "sqs:SendMessage RespondQueue",
        *SES_SENDER,
    },
    # The mirror and the token buckets; follow-ups when an order leaves Pending (cases by order, their
    # drafts and messages, a versioned put of the draft, the audit entry).
    "OrderChangeFunction": {
        "dynamodb:GetItem OrdersTable",
        "dynamodb:PutItem OrdersTable",
        "dynamodb:GetItem QuotaTable",
        "dynamodb:PutItem QuotaTable",
        "secretsmanager:GetSecretValue SpApiSecret",
        "dynamodb:Query CasesTable/index/ByOrder",
        "dynamodb:Query DraftsTable/index/ByCase",
        "dynamodb:GetItem DraftsTable",
        "dynamodb:PutItem DraftsTable",
        "dynamodb:GetItem MessagesTable",
        "dynamodb:PutItem AuditTable",
        "dynamodb:PutItem MessagesTable",  # failure#<sqs id> items only (a LeadingKeys condition)
    },
    # The same, plus the sync's checkpoint (an update of its item in the orders table).
    "OrderSyncFunction": {
        "dynamodb:GetItem OrdersTable",
        "dynamodb:PutItem OrdersTable",
        "dynamodb:UpdateItem OrdersTable",
        "dynamodb:GetItem QuotaTable",
        "dynamodb:PutItem QuotaTable",
        "secretsmanager:GetSecretValue SpApiSecret",
        "dynamodb:Query CasesTable/index/ByOrder",
        "dynamodb:Query DraftsTable/index/ByCase",
        "dynamodb:GetItem DraftsTable",
        "dynamodb:PutItem DraftsTable",
        "dynamodb:GetItem MessagesTable",
        "dynamodb:PutItem AuditTable",
    },
    # Drafts by deadline, a conditional mark on each, the audit entry, one alert on the encrypted topic.
    "ClockFunction": {
        "dynamodb:Query DraftsTable/index/ByStatus",
        "dynamodb:UpdateItem DraftsTable",
        "dynamodb:PutItem AuditTable",
        "sns:Publish AlertTopic",
        "kms:GenerateDataKey TopicKey",
        "kms:Decrypt TopicKey",
    },
}
PERSONAL_DATA_TABLES = {"MessagesTable", "CasesTable", "DraftsTable", "AuditTable", "OrdersTable"}


def test_every_function_has_a_reviewed_list_of_grants() -> None:
    assert set(FUNCTIONS) == set(EXPECTED), "a function was added or removed: review its grants here"


@pytest.mark.parametrize("function", FUNCTIONS)
def test_a_function_is_granted_exactly_the_actions_and_resources_its_code_uses(function: str) -> None:
    granted = {f"{action} {resource}" for action, resource in grants(function)}
    expected = EXPECTED.get(function, set())
    assert not granted - expected, f"{function} gained rights nobody reviewed: {sorted(granted - expected)}"
    assert not expected - granted, f"{function} lost rights its code needs: {sorted(expected - granted)}"


@pytest.mark.parametrize("function", FUNCTIONS)
def test_no_grant_uses_a_wildcard_beyond_an_object_prefix(function: str) -> None:
    for statement in statements(function):
        assert not statement.get("NotAction")
        assert not statement.get("NotResource")
        for action in as_list(statement["Action"]):
            assert "*" not in action, f"{function}: {action}"
    for _, resource in grants(function):
        # Only S3 object keys under a fixed prefix may end in a wildcard: index ARNs are named.
        if "*" in resource:
            assert resource.startswith("RawMailBucket/"), resource
            assert resource.endswith("/*"), resource
            assert resource.count("*") == 1


def _resources(kind: str) -> dict[str, dict[str, Any]]:
    return {name: TEMPLATE.properties(name) for name in TEMPLATE.resources_of_type(kind)}


def test_every_bucket_is_encrypted_private_and_refuses_plain_http() -> None:
    buckets = _resources("AWS::S3::Bucket")
    assert buckets
    for name, props in buckets.items():
        (rule,) = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
        assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("AES256", "aws:kms"), name
        assert all(props["PublicAccessBlockConfiguration"].values()), name
    policies = [p["PolicyDocument"]["Statement"] for p in _resources("AWS::S3::BucketPolicy").values()]
    denies = [s for statements in policies for s in statements if s["Effect"] == "Deny"]
    assert any(s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}} for s in denies)


def test_every_table_queue_and_topic_is_encrypted_at_rest() -> None:
    for name, props in _resources("AWS::DynamoDB::Table").items():
        assert props["SSESpecification"]["SSEEnabled"] is True, name
    for name, props in _resources("AWS::SQS::Queue").items():
        assert props.get("SqsManagedSseEnabled") is True or props.get("KmsMasterKeyId"), name
    for name, props in _resources("AWS::SNS::Topic").items():
        assert props.get("KmsMasterKeyId") == {"Ref": "TopicKey"}, name
    assert TEMPLATE.properties("TopicKey")["EnableKeyRotation"] is True
    for name, props in _resources("AWS::SecretsManager::Secret").items():
        # Secrets Manager always encrypts (its AWS managed key unless another is named); never inline a
        # real credential in the template.
        assert (
            "REPLACE_ME" in str(props.get("SecretString", "REPLACE_ME"))
            or props.get("SecretString") == "{}"
            or "GenerateSecretString" in props
        ), name


def test_every_table_expires_its_items_and_personal_data_expires_by_retention_days() -> None:
    tables = _resources("AWS::DynamoDB::Table")
    assert set(tables) >= PERSONAL_DATA_TABLES
    for name, props in tables.items():
        ttl = props["TimeToLiveSpecification"]
        assert ttl["Enabled"] is True, name
        expected = "expiration" if name == "IdempotencyTable" else "expires_at"  # Powertools' attribute
        assert ttl["AttributeName"] == expected, name
    # The functions compute expires_at from GHOSTDESK_RETENTION_DAYS, which is the parameter.
    globals_env = TEMPLATE.body["Globals"]["Function"]["Environment"]["Variables"]
    assert globals_env["GHOSTDESK_RETENTION_DAYS"] == {"Ref": "RetentionDays"}
    for function in FUNCTIONS:
        variables = TEMPLATE.properties(function)["Environment"]["Variables"]  # Globals applied
        assert variables["GHOSTDESK_RETENTION_DAYS"] == {"Ref": "RetentionDays"}, function


def test_raw_mail_and_webhook_requests_expire_after_retention_days() -> None:
    (rule,) = TEMPLATE.properties("RawMailBucket")["LifecycleConfiguration"]["Rules"]
    assert rule["Status"] == "Enabled"
    assert rule["ExpirationInDays"] == {"Ref": "RetentionDays"}
    assert "Prefix" not in rule  # inbound/ mail and webhook/ requests alike
    assert "Filter" not in rule
    days = TEMPLATE.parameters["RetentionDays"]
    assert (days["MinValue"], days["Default"]) == (1, 90)


def test_function_logs_are_kept_for_a_bounded_time() -> None:
    groups = _resources("AWS::Logs::LogGroup")
    for function in FUNCTIONS:
        assert any(
            props.get("LogGroupName") == {"Fn::Sub": f"/aws/lambda/${{{function}}}"}
            for props in groups.values()
        ), f"{function} has no log group with a retention"
    assert all(0 < props["RetentionInDays"] <= 90 for props in groups.values())
