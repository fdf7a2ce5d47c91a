"""The local stack's infrastructure, provisioned from the real template.yaml into moto.

Each test provisions into a fresh ``mock_aws`` backend and then looks at the result the way the local
stack (and the handlers) will: through boto3, not through the returned description alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws
from moto.server import ThreadedMotoServer

from ghostdesk.local.cfn import TemplateError
from ghostdesk.local.provision import provision
from ghostdesk.local.resources import StackResources
from ghostdesk.settings import Settings
from tests.shared_data import REPO, SHARED_DATA

TEMPLATE = REPO / "template.yaml"
SES_S3_NOTIFICATION = SHARED_DATA / "lambda-events" / "ses-docs" / "ses-received-s3-alert.repaired.json"
REGION = "us-east-1"


AWS_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
}


@pytest.fixture(scope="module", autouse=True)
def aws_environment() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in AWS_ENVIRONMENT.items():
            patch.setenv(name, value)
        patch.delenv("AWS_PROFILE", raising=False)
        yield


@pytest.fixture(scope="module")
def session(aws_environment: None) -> boto3.Session:
    """One session for the module: its clients load the service models once, not in every test."""
    return boto3.Session(region_name=REGION)


@pytest.fixture
def aws() -> Iterator[None]:
    with mock_aws():
        yield


@pytest.fixture
def fresh_stack(aws: None, session: boto3.Session) -> StackResources:
    """A stack of its own, for a test that changes state (sends, receives, re-provisions)."""
    return provision(TEMPLATE, session=session)


@pytest.fixture(scope="class")
def stack(session: boto3.Session) -> Iterator[StackResources]:
    """One stack shared by the tests of a class that only look at it."""
    with mock_aws():
        yield provision(TEMPLATE, session=session)


def client(service: str) -> Any:
    return boto3.client(service, region_name=REGION)  # type: ignore[call-overload]


def queue_attributes(url: str) -> dict[str, str]:
    attributes: dict[str, str] = client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["All"])[
        "Attributes"
    ]
    return attributes


EXPECTED_TABLES = {
    "MessagesTable": ("message_id", {"ByThread": ("thread_key", "received_at")}, "expires_at"),
    "CasesTable": ("case_id", {"ByOrder": ("order_id", "created_at")}, "expires_at"),
    "DraftsTable": (
        "draft_id",
        {"ByStatus": ("status", "deadline"), "ByCase": ("case_id", None)},
        "expires_at",
    ),
    "IdempotencyTable": ("id", {}, "expiration"),
    "OrdersTable": ("order_id", {"ByBuyerEmail": ("buyer_email", "created")}, "expires_at"),
    "QuotaTable": ("id", {}, "expires_at"),
}


def key_names(schema: list[dict[str, str]]) -> tuple[str, str | None]:
    keys = {k["KeyType"]: k["AttributeName"] for k in schema}
    return keys["HASH"], keys.get("RANGE")


class TestTheProvisionedStack:
    """Tests that only look at one provisioned stack."""

    def test_every_work_queue_has_a_dlq_of_its_own_that_takes_messages_after_five_receives(
        self,
        stack: StackResources,
    ) -> None:
        consumed = {source.queue_logical_id for f in stack.functions.values() for source in f.sqs_sources}
        assert consumed == {"InboundQueue", "DiagnoseQueue", "RespondQueue", "OrderChangeQueue"}
        dead_letter_arns = set()
        for logical_id in consumed:
            redrive = json.loads(queue_attributes(stack.queues[logical_id].url)["RedrivePolicy"])
            dlq = stack.queues[logical_id].dlq_logical_id
            assert dlq is not None
            assert dlq == logical_id.replace("Queue", "DeadLetterQueue")
            assert redrive["deadLetterTargetArn"] == stack.queues[dlq].arn
            assert int(redrive["maxReceiveCount"]) == 5 == stack.queues[logical_id].max_receive_count
            assert queue_attributes(stack.queues[dlq].url)["MessageRetentionPeriod"] == str(14 * 24 * 3600)
            dead_letter_arns.add(redrive["deadLetterTargetArn"])
        assert len(dead_letter_arns) == len(consumed), "each queue has a DLQ of its own"

    def test_visibility_timeout_outlasts_six_function_timeouts_plus_the_batching_window(
        self,
        stack: StackResources,
    ) -> None:
        for function in stack.functions.values():
            for source in function.sqs_sources:
                actual = int(queue_attributes(stack.queues[source.queue_logical_id].url)["VisibilityTimeout"])
                assert actual >= 6 * function.timeout_s + source.max_batching_window_s, function.logical_id
                assert actual == stack.queues[source.queue_logical_id].visibility_timeout_s

    def test_queues_are_encrypted_at_rest(self, stack: StackResources) -> None:
        for queue in stack.queues.values():
            assert queue_attributes(queue.url)["SqsManagedSseEnabled"] == "true", queue.logical_id

    @pytest.mark.parametrize("logical_id", sorted(EXPECTED_TABLES))
    def test_tables_have_the_keys_indexes_and_ttl_the_stores_query(
        self, stack: StackResources, logical_id: str
    ) -> None:
        partition_key, indexes, ttl_attribute = EXPECTED_TABLES[logical_id]
        dynamodb = client("dynamodb")
        name = stack.tables[logical_id]
        table = dynamodb.describe_table(TableName=name)["Table"]
        assert key_names(table["KeySchema"]) == (partition_key, None)
        assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
        actual_indexes = {
            i["IndexName"]: key_names(i["KeySchema"]) for i in table.get("GlobalSecondaryIndexes", [])
        }
        assert actual_indexes == indexes
        ttl = dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        assert (ttl["TimeToLiveStatus"], ttl["AttributeName"]) == ("ENABLED", ttl_attribute)
        backups = dynamodb.describe_continuous_backups(TableName=name)["ContinuousBackupsDescription"]
        assert backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED"

    def test_the_receipt_rule_is_active_scans_stores_under_inbound_and_announces_on_the_topic(
        self,
        stack: StackResources,
    ) -> None:
        active = client("ses").describe_active_receipt_rule_set()
        assert active["Metadata"]["Name"] == stack.receipt_rule_set == "ghostdesk-local-rules"
        (rule,) = active["Rules"]
        assert rule["Enabled"] is True
        assert rule["ScanEnabled"] is True
        assert rule["TlsPolicy"] == "Require"
        assert rule["Recipients"] == ["example.com"]
        (action,) = rule["Actions"]
        assert action["S3Action"] == {
            "BucketName": stack.buckets["RawMailBucket"],
            "ObjectKeyPrefix": "inbound/",
            "TopicArn": stack.topics["InboundTopic"],
        }
        (spec,) = stack.receipt_rules
        assert (spec.bucket, spec.object_key_prefix, spec.topic_arn) == (
            stack.buckets["RawMailBucket"],
            "inbound/",
            stack.topics["InboundTopic"],
        )

    def test_each_function_is_wired_to_its_queue_and_reports_partial_batch_failures(
        self,
        stack: StackResources,
    ) -> None:
        sources = {
            name: [(s.queue_logical_id, s.report_batch_item_failures) for s in f.sqs_sources]
            for name, f in stack.functions.items()
        }
        assert sources == {
            "IngestFunction": [("InboundQueue", True)],
            "DiagnoseFunction": [("DiagnoseQueue", True)],
            "RespondFunction": [("RespondQueue", True)],
            "ApiFunction": [],
            "OrderChangeFunction": [("OrderChangeQueue", True)],
            "OrderSyncFunction": [],
            "ClockFunction": [],
        }
        assert stack.functions["DiagnoseFunction"].sqs_sources[0].max_concurrency == 2  # SP-API rate limits

    def test_the_agent_api_requires_a_token_except_for_the_console_page(self, stack: StackResources) -> None:
        routes = {(r.method, r.path): r.authorized for r in stack.functions["ApiFunction"].http_routes}
        assert routes == {
            ("GET", "/api/drafts"): True,
            ("ANY", "/api/{proxy+}"): True,
            ("GET", "/"): False,
            ("GET", "/console/{proxy+}"): False,  # the console's own script and style: no data in them
            ("POST", "/webhooks/{channel}"): False,  # verified by the channel's HMAC signature instead
        }

    def test_function_environments_name_the_provisioned_resources_and_parse_as_settings(
        self,
        stack: StackResources,
    ) -> None:
        for function in stack.functions.values():
            env = function.environment
            # functions/<name in snake_case>: OrderSyncFunction -> functions/order_sync
            folder = re.sub(r"(?<!^)(?=[A-Z])", "_", function.logical_id.removesuffix("Function")).lower()
            assert function.code_dir == REPO / "functions" / folder
            assert (function.code_dir / "app.py").is_file()
            assert env["GHOSTDESK_MESSAGES_TABLE"] == stack.tables["MessagesTable"]
            assert env["GHOSTDESK_CASES_TABLE"] == stack.tables["CasesTable"]
            assert env["GHOSTDESK_DRAFTS_TABLE"] == stack.tables["DraftsTable"]
            assert env["GHOSTDESK_IDEMPOTENCY_TABLE"] == stack.tables["IdempotencyTable"]
            assert env["GHOSTDESK_RAW_MAIL_BUCKET"] == stack.buckets["RawMailBucket"]
            assert env["GHOSTDESK_DIAGNOSE_QUEUE_URL"] == stack.queues["DiagnoseQueue"].url
            assert env["GHOSTDESK_RESPOND_QUEUE_URL"] == stack.queues["RespondQueue"].url
            assert (
                env["GHOSTDESK_SPAPI_SECRET_ID"]
                == env["SP_API_AWS_SECRET_ID"]
                == stack.secrets["SpApiSecret"]
            )
            assert env["POWERTOOLS_SERVICE_NAME"] == "ghostdesk"
            settings = Settings.from_env(env)
            assert settings.sla_hours == 24.0
            assert settings.pending_threshold_days == 7.0
            assert settings.retention_days == 90
            # The names really lead somewhere: a handler using them finds its resources.
            client("dynamodb").describe_table(TableName=settings.require("drafts_table"))
            client("sqs").get_queue_attributes(QueueUrl=settings.require("respond_queue_url"))
            client("s3").head_bucket(Bucket=settings.require("raw_mail_bucket"))
        secret = client("secretsmanager").get_secret_value(SecretId=stack.secrets["SpApiSecret"])
        assert set(json.loads(secret["SecretString"])) == {
            "LWA_APP_ID",
            "LWA_CLIENT_SECRET",
            "SP_API_REFRESH_TOKEN",
        }


# ------------------------------------------------------------------------------- tests that change state


def test_a_message_failing_five_times_lands_in_the_dead_letter_queue(fresh_stack: StackResources) -> None:
    sqs = client("sqs")
    queue = fresh_stack.queues["DiagnoseQueue"]
    sqs.send_message(QueueUrl=queue.url, MessageBody='{"kind": "diagnose"}')
    for _ in range(5):
        received = sqs.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=1, VisibilityTimeout=0)
        assert len(received["Messages"]) == 1
    assert sqs.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=1).get("Messages", []) == []
    dlq = fresh_stack.queues["DiagnoseDeadLetterQueue"]
    dead = sqs.receive_message(QueueUrl=dlq.url, MaxNumberOfMessages=1)["Messages"]
    assert dead[0]["Body"] == '{"kind": "diagnose"}'


def test_the_drafts_approval_queue_is_ordered_by_deadline(fresh_stack: StackResources) -> None:
    dynamodb = client("dynamodb")
    table = fresh_stack.tables["DraftsTable"]
    for draft_id, deadline in [("d-late", "2026-01-02T10:00:00Z"), ("d-soon", "2026-01-01T09:00:00Z")]:
        dynamodb.put_item(
            TableName=table,
            Item={
                "draft_id": {"S": draft_id},
                "status": {"S": "pending_approval"},
                "deadline": {"S": deadline},
            },
        )
    found = dynamodb.query(
        TableName=table,
        IndexName="ByStatus",
        KeyConditionExpression="#s = :s",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":s": {"S": "pending_approval"}},
    )["Items"]
    assert [item["draft_id"]["S"] for item in found] == ["d-soon", "d-late"]


# ------------------------------------------------------------------------------------- inbound mail


def test_a_notification_published_on_the_inbound_topic_reaches_the_inbound_queue_in_its_sns_envelope(
    fresh_stack: StackResources,
) -> None:
    notification = SES_S3_NOTIFICATION.read_text()
    topic = fresh_stack.topics["InboundTopic"]
    client("sns").publish(TopicArn=topic, Message=notification)
    received = client("sqs").receive_message(
        QueueUrl=fresh_stack.queues["InboundQueue"].url, MaxNumberOfMessages=10
    )
    assert len(received["Messages"]) == 1
    envelope = json.loads(received["Messages"][0]["Body"])  # raw delivery off: the handler unwraps it
    assert envelope["Type"] == "Notification"
    assert envelope["TopicArn"] == topic
    assert json.loads(envelope["Message"]) == json.loads(notification)


def test_the_raw_mail_bucket_is_encrypted_private_and_expires_mail_after_the_retention_period(
    aws: None, session: boto3.Session
) -> None:
    stack = provision(TEMPLATE, session=session, parameter_overrides={"RetentionDays": "30"})
    s3 = client("s3")
    bucket = stack.buckets["RawMailBucket"]
    encryption = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"][0]
    assert encryption["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    assert all(s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"].values())
    (rule,) = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    assert rule["Expiration"]["Days"] == 30
    # moto cannot evaluate conditions (it would deny every request), so conditional statements stay in
    # the template only: locally no policy is left on the raw mail bucket, and objects are readable.
    with pytest.raises(s3.exceptions.ClientError):
        s3.get_bucket_policy(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="inbound/probe", Body=b"x")
    assert s3.get_object(Bucket=bucket, Key="inbound/probe")["Body"].read() == b"x"


# ----------------------------------------------------------------------------------------- parameters


def test_parameters_reach_the_environment_and_the_sender_domain_is_verified_for_sending(
    aws: None, session: boto3.Session
) -> None:
    stack = provision(
        TEMPLATE,
        session=session,
        parameter_overrides={
            "SenderAddress": "care@shop.example",
            "InboundRecipients": "support@shop.example, shop.example",
            "Marketplace": "DE",
            "DefaultLanguage": "de",
            "PendingThresholdDays": "10",
        },
        name_prefix="gd-test",
    )
    env = stack.functions["RespondFunction"].environment
    assert (env["GHOSTDESK_SENDER"], env["GHOSTDESK_MARKETPLACE"], env["GHOSTDESK_DEFAULT_LANGUAGE"]) == (
        "care@shop.example",
        "DE",
        "de",
    )
    assert env["GHOSTDESK_PENDING_THRESHOLD_DAYS"] == "10"
    assert env["GHOSTDESK_MESSAGES_TABLE"] == "gd-test-MessagesTable"
    assert stack.receipt_rules[0].recipients == ("support@shop.example", "shop.example")
    ses = client("ses")
    assert "shop.example" in ses.list_identities()["Identities"]
    sent = ses.send_raw_email(
        Source="care@shop.example",
        Destinations=["buyer@marketplace.amazon.de"],
        RawMessage={
            "Data": b"From: care@shop.example\r\nTo: buyer@marketplace.amazon.de\r\nSubject: x\r\n\r\nHi\r\n"
        },
    )
    assert sent["MessageId"]


@pytest.mark.parametrize(
    ("overrides", "complaint"),
    [
        ({"Marketplace": "XX"}, "Marketplace"),
        ({"PendingThresholdDays": "30"}, "PendingThresholdDays"),
        ({"SenderAddress": "not-an-address"}, "SenderAddress"),
        ({"InboundRecipients": "shop.example,not valid"}, "InboundRecipients"),
        ({"Marketplce": "DE"}, "Marketplce"),
    ],
)
def test_a_parameter_value_cloudformation_would_reject_is_rejected_locally_too(
    aws: None, overrides: dict[str, str], complaint: str
) -> None:
    with pytest.raises(TemplateError, match=complaint):
        provision(TEMPLATE, parameter_overrides=overrides)


# ------------------------------------------------------------------------------------- idempotency


def test_provisioning_twice_changes_nothing_and_delivers_each_mail_notification_once(
    fresh_stack: StackResources,
) -> None:
    secrets = client("secretsmanager")
    secret_id = fresh_stack.secrets["SpApiSecret"]
    secrets.put_secret_value(SecretId=secret_id, SecretString='{"LWA_APP_ID": "operator-set"}')

    again = provision(TEMPLATE)  # the default session this time, as the local stack calls it

    assert again == fresh_stack
    assert len(client("sqs").list_queues()["QueueUrls"]) == len(fresh_stack.queues)
    assert len(client("dynamodb").list_tables()["TableNames"]) == len(fresh_stack.tables)
    assert (
        len(
            client("sns").list_subscriptions_by_topic(TopicArn=fresh_stack.topics["InboundTopic"])[
                "Subscriptions"
            ]
        )
        == 1
    )
    assert len(client("ses").describe_active_receipt_rule_set()["Rules"]) == 1
    # As with CloudFormation, re-applying the template keeps the credentials the operator stored.
    assert json.loads(secrets.get_secret_value(SecretId=secret_id)["SecretString"]) == {
        "LWA_APP_ID": "operator-set"
    }
    client("sns").publish(TopicArn=fresh_stack.topics["InboundTopic"], Message="{}")
    received = client("sqs").receive_message(
        QueueUrl=fresh_stack.queues["InboundQueue"].url, MaxNumberOfMessages=10
    )
    assert len(received["Messages"]) == 1


def test_provisioning_works_against_a_moto_server_and_twice_too() -> None:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        session = boto3.Session(region_name="eu-west-1")
        first = provision(TEMPLATE, session=session, endpoint_url=endpoint)
        second = provision(TEMPLATE, session=session, endpoint_url=endpoint)
        assert first == second
        assert first.region == "eu-west-1"
        sqs = session.client("sqs", endpoint_url=endpoint)
        url = first.queues["InboundQueue"].url
        assert url.startswith(endpoint)
        session.client("sns", endpoint_url=endpoint).publish(
            TopicArn=first.topics["InboundTopic"], Message="hi"
        )
        body = json.loads(sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1)["Messages"][0]["Body"])
        assert body["Message"] == "hi"
    finally:
        server.stop()
