"""Create the template's resources in moto and describe them for the local stack.

``provision`` walks ``template.yaml`` in dependency order and creates every bucket, topic,
subscription, queue, table, secret, KMS key and SES receipt rule it declares, through boto3, so it works
the same under ``mock_aws`` in a test and against a moto server (``endpoint_url``) in ``make run``. It
then describes each ``AWS::Serverless::Function`` (code, handler, resolved environment, event sources)
for the local Lambda runner.

Nothing here lists resources: a queue added to the template appears locally without a code change. The
resource *types* the local stack has no use for (IAM, log groups, alarms, Cognito, the HTTP API
itself) are skipped; a reference to one of them from a created resource raises a clear error.

Calling it again against the same backend converges instead of failing: existing resources are
found by their deterministic local names and their settings are re-applied.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import boto3
from botocore.exceptions import ClientError

from ghostdesk.local.cfn import PhysicalResource, Resolver, Template, resolve_parameters
from ghostdesk.local.resources import (
    FunctionSpec,
    HttpRoute,
    QueueInfo,
    ReceiptRuleSpec,
    ScheduleSource,
    SqsEventSource,
    StackResources,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_secretsmanager import SecretsManagerClient
    from mypy_boto3_ses import SESClient
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sqs import SQSClient

LOCAL_PARAMETER_DEFAULTS: Mapping[str, str] = MappingProxyType(
    {
        # Parameters a deployer must choose (the template gives no default) get these values locally.
        "SenderAddress": "support@example.com",
        "InboundRecipients": "example.com",
    }
)

_NO_OVERRIDES: Mapping[str, str] = MappingProxyType({})
_NAME_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,39}")
_RATE = re.compile(r"rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)")
_RATE_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


class ProvisionError(RuntimeError):
    """The template asks for something the local stack cannot build."""


def provision(
    template_path: Path,
    *,
    session: boto3.Session | None = None,
    endpoint_url: str | None = None,
    parameter_overrides: Mapping[str, str] = _NO_OVERRIDES,
    name_prefix: str = "ghostdesk-local",
) -> StackResources:
    """Create (or re-converge) the template's resources and return what the local stack needs to know.

    ``parameter_overrides`` are template parameter values (``{"Marketplace": "DE"}``); each is checked
    against the parameter's constraints. ``name_prefix`` plays the stack name: local resources are named
    ``<prefix>-<LogicalId>`` and ``AWS::StackName`` resolves to it.
    """
    if not _NAME_PREFIX.fullmatch(name_prefix):
        raise ProvisionError(f"name_prefix {name_prefix!r}: letters, digits and '-', starting with a letter")
    template = Template.load(template_path)
    parameters = resolve_parameters(template, parameter_overrides, LOCAL_PARAMETER_DEFAULTS)
    aws = _Aws(session, endpoint_url)
    account_id = str(aws.sts.get_caller_identity()["Account"])
    resolver = Resolver(
        template=template,
        parameters=parameters,
        region=aws.region,
        account_id=account_id,
        stack_name=name_prefix,
    )
    build = _Build(
        template=template,
        resolver=resolver,
        aws=aws,
        prefix=name_prefix,
        stack=StackResources(region=aws.region, account_id=account_id, parameters=dict(parameters)),
    )
    for logical_id in template.creation_order():
        creator = _CREATORS.get(template.resource_type(logical_id))
        if creator is not None and resolver.is_enabled(logical_id):
            creator(build, logical_id)
    _activate_receipt_rule_set(build)
    return build.stack


# ------------------------------------------------------------------------------------------ plumbing


class _Aws:
    """boto3 clients for one backend, created on first use."""

    def __init__(self, session: boto3.Session | None, endpoint_url: str | None) -> None:
        self.session = session or boto3.Session()
        self.region = self.session.region_name or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
        self._kwargs: dict[str, Any] = {"region_name": self.region}
        if endpoint_url:
            self._kwargs["endpoint_url"] = endpoint_url
            if self.session.get_credentials() is None:
                # A local moto server accepts any credentials; a bare machine has none configured.
                self._kwargs |= {"aws_access_key_id": "local", "aws_secret_access_key": "local"}

    def _client(self, service: str) -> Any:
        return self.session.client(service, **self._kwargs)  # type: ignore[call-overload]

    @cached_property
    def sts(self) -> Any:
        return self._client("sts")

    @cached_property
    def kms(self) -> Any:
        return self._client("kms")

    @cached_property
    def s3(self) -> S3Client:
        client: S3Client = self._client("s3")
        return client

    @cached_property
    def sns(self) -> SNSClient:
        client: SNSClient = self._client("sns")
        return client

    @cached_property
    def sqs(self) -> SQSClient:
        client: SQSClient = self._client("sqs")
        return client

    @cached_property
    def dynamodb(self) -> DynamoDBClient:
        client: DynamoDBClient = self._client("dynamodb")
        return client

    @cached_property
    def secretsmanager(self) -> SecretsManagerClient:
        client: SecretsManagerClient = self._client("secretsmanager")
        return client

    @cached_property
    def ses(self) -> SESClient:
        client: SESClient = self._client("ses")
        return client


@dataclass
class _Build:
    template: Template
    resolver: Resolver
    aws: _Aws
    prefix: str
    stack: StackResources
    queue_by_arn: dict[str, str] = field(default_factory=dict)  # queue ARN -> logical id

    def properties(self, logical_id: str) -> dict[str, Any]:
        """The resource's properties with every intrinsic resolved."""
        resolved = self.resolver.resolve(self.template.properties(logical_id))
        return dict(resolved)

    def name(self, logical_id: str, explicit: Any = None) -> str:
        """The resource's physical name: the template's own, else ``<prefix>-<LogicalId>``."""
        return str(explicit) if explicit else f"{self.prefix}-{logical_id}"

    def register(self, logical_id: str, ref: Any, **attributes: Any) -> None:
        self.resolver.resources[logical_id] = PhysicalResource(ref=ref, attributes=attributes)

    def arn(self, service: str, resource: str) -> str:
        return f"arn:aws:{service}:{self.aws.region}:{self.stack.account_id}:{resource}"


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _text(value: Any) -> str:
    """A template value as AWS attributes and Lambda environments carry it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _integer(value: Any, what: str) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        raise ProvisionError(f"{what} must be a number, got {value!r}") from None


# ----------------------------------------------------------------------------------------------- KMS


def _create_kms_key(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    alias = f"alias/{build.prefix}/{logical_id}"
    kms = build.aws.kms
    try:
        key = kms.describe_key(KeyId=alias)["KeyMetadata"]
    except ClientError as exc:
        if _error_code(exc) != "NotFoundException":
            raise
        options: dict[str, Any] = {"Description": str(props.get("Description", ""))}
        for name in ("KeyUsage", "KeySpec"):
            if name in props:
                options[name] = props[name]
        if "KeyPolicy" in props:
            options["Policy"] = _text(props["KeyPolicy"])
        key = kms.create_key(**options)["KeyMetadata"]
        kms.create_alias(AliasName=alias, TargetKeyId=key["KeyId"])
    build.register(logical_id, key["KeyId"], Arn=key["Arn"], KeyId=key["KeyId"])


# ------------------------------------------------------------------------------------------------ S3


def _create_bucket(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    name = build.name(logical_id, props.get("BucketName")).lower()
    s3 = build.aws.s3
    try:
        s3.head_bucket(Bucket=name)
    except ClientError as exc:
        if _error_code(exc) not in {"404", "NoSuchBucket", "NotFound"}:
            raise
        if build.aws.region == "us-east-1":
            s3.create_bucket(Bucket=name)
        else:
            s3.create_bucket(
                Bucket=name,
                CreateBucketConfiguration={"LocationConstraint": build.aws.region},  # type: ignore[typeddict-item]
            )
    encryption = (props.get("BucketEncryption") or {}).get("ServerSideEncryptionConfiguration")
    if encryption:
        rules: list[Any] = [
            {
                "ApplyServerSideEncryptionByDefault": rule.get("ServerSideEncryptionByDefault", {}),
                **({"BucketKeyEnabled": rule["BucketKeyEnabled"]} if "BucketKeyEnabled" in rule else {}),
            }
            for rule in encryption
        ]
        s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules})
    if props.get("PublicAccessBlockConfiguration"):
        s3.put_public_access_block(
            Bucket=name, PublicAccessBlockConfiguration=props["PublicAccessBlockConfiguration"]
        )
    if props.get("VersioningConfiguration"):
        s3.put_bucket_versioning(
            Bucket=name,
            VersioningConfiguration={"Status": props["VersioningConfiguration"]["Status"]},
        )
    lifecycle = (props.get("LifecycleConfiguration") or {}).get("Rules")
    if lifecycle:
        s3.put_bucket_lifecycle_configuration(
            Bucket=name, LifecycleConfiguration={"Rules": [_lifecycle_rule(rule) for rule in lifecycle]}
        )
    build.stack.buckets[logical_id] = name
    build.register(
        logical_id,
        name,
        Arn=f"arn:aws:s3:::{name}",
        DomainName=f"{name}.s3.amazonaws.com",
        RegionalDomainName=f"{name}.s3.{build.aws.region}.amazonaws.com",
    )


def _lifecycle_rule(rule: Mapping[str, Any]) -> Any:
    """A CloudFormation lifecycle rule in the shape of the S3 API."""
    api: dict[str, Any] = {
        "Status": rule.get("Status", "Enabled"),
        "Filter": {"Prefix": rule.get("Prefix", "")},
    }
    if "Id" in rule:
        api["ID"] = rule["Id"]
    if "ExpirationInDays" in rule:
        api["Expiration"] = {"Days": _integer(rule["ExpirationInDays"], "ExpirationInDays")}
    if "NoncurrentVersionExpirationInDays" in rule:
        days = _integer(rule["NoncurrentVersionExpirationInDays"], "NoncurrentVersionExpirationInDays")
        api["NoncurrentVersionExpiration"] = {"NoncurrentDays": days}
    if "AbortIncompleteMultipartUpload" in rule:
        days = _integer(rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"], "DaysAfterInitiation")
        api["AbortIncompleteMultipartUpload"] = {"DaysAfterInitiation": days}
    return api


def _put_bucket_policy(build: _Build, logical_id: str) -> None:
    """Apply a bucket policy without its conditional statements.

    moto cannot evaluate a statement's ``Condition`` (it has no request context: no TLS flag, no source
    account) and treats every conditional statement as a denial, so the template's "deny insecure
    transport" and "SES may write from this account's rule" statements would refuse every object
    request. Locally everything is plain HTTP on 127.0.0.1 and moto checks no principals, so those
    statements are left out; unconditional ones stay. In AWS the template applies them all.
    """
    props = build.properties(logical_id)
    bucket = str(props["Bucket"])
    document = dict(props["PolicyDocument"])
    statements = document.get("Statement", [])
    statements = [statements] if isinstance(statements, dict) else statements
    kept = [statement for statement in statements if not statement.get("Condition")]
    if kept:
        build.aws.s3.put_bucket_policy(Bucket=bucket, Policy=_text({**document, "Statement": kept}))


# ----------------------------------------------------------------------------------------------- SNS

_TOPIC_ATTRIBUTES = (
    "DisplayName",
    "KmsMasterKeyId",
    "SignatureVersion",
    "TracingConfig",
    "ContentBasedDeduplication",
)


def _create_topic(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    fifo = bool(props.get("FifoTopic"))
    name = build.name(logical_id, props.get("TopicName"))
    if fifo and not name.endswith(".fifo"):
        name += ".fifo"
    sns = build.aws.sns
    arn = sns.create_topic(Name=name, Attributes={"FifoTopic": "true"} if fifo else {})["TopicArn"]
    for attribute in _TOPIC_ATTRIBUTES:
        if attribute in props:
            sns.set_topic_attributes(
                TopicArn=arn, AttributeName=attribute, AttributeValue=_text(props[attribute])
            )
    for subscription in props.get("Subscription") or []:
        sns.subscribe(TopicArn=arn, Protocol=subscription["Protocol"], Endpoint=subscription["Endpoint"])
    build.stack.topics[logical_id] = arn
    build.register(logical_id, arn, TopicArn=arn, TopicName=name)


def _put_topic_policy(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    for topic_arn in props["Topics"]:
        build.aws.sns.set_topic_attributes(
            TopicArn=str(topic_arn), AttributeName="Policy", AttributeValue=_text(props["PolicyDocument"])
        )


_SUBSCRIPTION_ATTRIBUTES = (
    "RawMessageDelivery",
    "FilterPolicy",
    "FilterPolicyScope",
    "RedrivePolicy",
    "DeliveryPolicy",
    "SubscriptionRoleArn",
)


def _subscribe(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    sns = build.aws.sns
    arn = sns.subscribe(
        TopicArn=str(props["TopicArn"]),
        Protocol=str(props["Protocol"]),
        Endpoint=str(props["Endpoint"]),
        ReturnSubscriptionArn=True,
    )["SubscriptionArn"]
    for attribute in _SUBSCRIPTION_ATTRIBUTES:
        if attribute in props:
            sns.set_subscription_attributes(
                SubscriptionArn=arn, AttributeName=attribute, AttributeValue=_text(props[attribute])
            )
    build.register(logical_id, arn)


# ----------------------------------------------------------------------------------------------- SQS

_QUEUE_ATTRIBUTES = (
    "ContentBasedDeduplication",
    "DeduplicationScope",
    "DelaySeconds",
    "FifoThroughputLimit",
    "KmsDataKeyReusePeriodSeconds",
    "KmsMasterKeyId",
    "MaximumMessageSize",
    "MessageRetentionPeriod",
    "ReceiveMessageWaitTimeSeconds",
    "RedriveAllowPolicy",
    "RedrivePolicy",
    "SqsManagedSseEnabled",
    "VisibilityTimeout",
)


def _create_queue(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    fifo = bool(props.get("FifoQueue"))
    name = build.name(logical_id, props.get("QueueName"))
    if fifo and not name.endswith(".fifo"):
        name += ".fifo"
    attributes = {key: _text(props[key]) for key in _QUEUE_ATTRIBUTES if key in props}
    sqs = build.aws.sqs
    try:
        url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
    except ClientError as exc:
        if "NonExistentQueue" not in _error_code(exc) and "QueueDoesNotExist" not in _error_code(exc):
            raise
        creation = dict(attributes, FifoQueue="true") if fifo else attributes
        url = sqs.create_queue(QueueName=name, Attributes=creation)["QueueUrl"]  # type: ignore[arg-type]
    else:
        if attributes:
            sqs.set_queue_attributes(QueueUrl=url, Attributes=attributes)  # type: ignore[arg-type]
    actual = sqs.get_queue_attributes(
        QueueUrl=url, AttributeNames=["QueueArn", "VisibilityTimeout", "RedrivePolicy"]
    )
    arn = actual["Attributes"]["QueueArn"]
    redrive = json.loads(actual["Attributes"].get("RedrivePolicy") or "{}")
    dlq_arn = redrive.get("deadLetterTargetArn")
    if dlq_arn and dlq_arn not in build.queue_by_arn:
        raise ProvisionError(f"{logical_id}: dead-letter queue {dlq_arn} is not a queue of the template")
    build.queue_by_arn[arn] = logical_id
    build.stack.queues[logical_id] = QueueInfo(
        logical_id=logical_id,
        url=url,
        arn=arn,
        visibility_timeout_s=int(actual["Attributes"]["VisibilityTimeout"]),
        dlq_logical_id=build.queue_by_arn[dlq_arn] if dlq_arn else None,
        max_receive_count=int(redrive["maxReceiveCount"]) if dlq_arn else None,
    )
    build.register(logical_id, url, Arn=arn, QueueName=name, QueueUrl=url)


def _put_queue_policy(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    for queue_url in props["Queues"]:
        build.aws.sqs.set_queue_attributes(
            QueueUrl=str(queue_url), Attributes={"Policy": _text(props["PolicyDocument"])}
        )


# ------------------------------------------------------------------------------------------ DynamoDB

_INDEX_KEYS = ("IndexName", "KeySchema", "Projection", "ProvisionedThroughput", "OnDemandThroughput")


def _create_table(build: _Build, logical_id: str) -> None:
    # An existing table is kept as it is (its items are the local stack's state); only TTL and backups
    # are re-applied. Changing keys or indexes in the template needs a fresh backend, as it would
    # need a table replacement in AWS.
    props = build.properties(logical_id)
    name = build.name(logical_id, props.get("TableName"))
    dynamodb = build.aws.dynamodb
    try:
        table = dynamodb.describe_table(TableName=name)["Table"]
    except ClientError as exc:
        if _error_code(exc) != "ResourceNotFoundException":
            raise
        table = dynamodb.create_table(**_table_definition(name, props))["TableDescription"]
    ttl = props.get("TimeToLiveSpecification") or {}
    if ttl.get("Enabled"):
        current = dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        if current.get("TimeToLiveStatus") not in {"ENABLED", "ENABLING"}:
            dynamodb.update_time_to_live(
                TableName=name,
                TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
            )
    if (props.get("PointInTimeRecoverySpecification") or {}).get("PointInTimeRecoveryEnabled"):
        dynamodb.update_continuous_backups(
            TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
        )
    build.stack.tables[logical_id] = name
    attributes: dict[str, Any] = {"Arn": table["TableArn"]}
    if table.get("LatestStreamArn"):
        attributes["StreamArn"] = table["LatestStreamArn"]
    build.register(logical_id, name, **attributes)


def _table_definition(name: str, props: Mapping[str, Any]) -> Any:
    """CreateTable arguments from an AWS::DynamoDB::Table's (resolved) properties."""
    definition: dict[str, Any] = {
        "TableName": name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props.get("BillingMode", "PROVISIONED"),
    }
    for kind in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
        if props.get(kind):
            definition[kind] = [{k: index[k] for k in _INDEX_KEYS if k in index} for index in props[kind]]
    if "ProvisionedThroughput" in props:
        throughput = props["ProvisionedThroughput"]
        definition["ProvisionedThroughput"] = {
            key: _integer(throughput[key], key) for key in ("ReadCapacityUnits", "WriteCapacityUnits")
        }
    if "StreamSpecification" in props:
        view = props["StreamSpecification"]["StreamViewType"]
        definition["StreamSpecification"] = {"StreamEnabled": True, "StreamViewType": view}
    sse = props.get("SSESpecification")
    if sse:
        definition["SSESpecification"] = {"Enabled": bool(sse.get("SSEEnabled"))}
        for key in ("SSEType", "KMSMasterKeyId"):
            if key in sse:
                definition["SSESpecification"][key] = sse[key]
    for key in ("TableClass", "DeletionProtectionEnabled", "Tags"):
        if key in props:
            definition[key] = props[key]
    return definition


# ------------------------------------------------------------------------------------------- secrets


def _create_secret(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    name = build.name(logical_id, props.get("Name"))
    secrets = build.aws.secretsmanager
    try:
        arn = secrets.describe_secret(SecretId=name)["ARN"]
    except ClientError as exc:
        if _error_code(exc) != "ResourceNotFoundException":
            raise
        # As in CloudFormation, the value is set once; a re-run keeps whatever was stored since.
        options: dict[str, Any] = {"Name": name, "SecretString": _secret_value(build, props)}
        for key in ("Description", "KmsKeyId"):
            if key in props:
                options[key] = props[key]
        arn = secrets.create_secret(**options)["ARN"]
    build.stack.secrets[logical_id] = arn
    build.register(logical_id, arn, Id=arn)


def _secret_value(build: _Build, props: Mapping[str, Any]) -> str:
    if "SecretString" in props:
        return _text(props["SecretString"])
    spec = props.get("GenerateSecretString") or {}
    options = {
        key: spec[key]
        for key in (
            "ExcludeCharacters",
            "ExcludeLowercase",
            "ExcludeNumbers",
            "ExcludePunctuation",
            "ExcludeUppercase",
            "IncludeSpace",
            "RequireEachIncludedType",
        )
        if key in spec
    }
    if "PasswordLength" in spec:
        options["PasswordLength"] = _integer(spec["PasswordLength"], "PasswordLength")
    password = build.aws.secretsmanager.get_random_password(**options)["RandomPassword"]
    if "SecretStringTemplate" not in spec:
        return password
    document = json.loads(spec["SecretStringTemplate"])
    document[spec["GenerateStringKey"]] = password
    return json.dumps(document)


# ----------------------------------------------------------------------------------------------- SES


def _create_receipt_rule_set(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    name = build.name(logical_id, props.get("RuleSetName"))
    try:
        build.aws.ses.create_receipt_rule_set(RuleSetName=name)
    except ClientError as exc:
        if _error_code(exc) != "AlreadyExists":
            raise
    build.register(logical_id, name)


def _create_receipt_rule(build: _Build, logical_id: str) -> None:
    props = build.properties(logical_id)
    rule_set = str(props["RuleSetName"])
    rule: dict[str, Any] = dict(props["Rule"])
    rule["Name"] = build.name(logical_id, rule.get("Name"))
    ses = build.aws.ses
    try:
        ses.describe_receipt_rule(RuleSetName=rule_set, RuleName=rule["Name"])
    except ClientError as exc:
        if _error_code(exc) != "RuleDoesNotExist":
            raise
        options: dict[str, Any] = {"RuleSetName": rule_set, "Rule": rule}
        if props.get("After"):
            options["After"] = props["After"]
        ses.create_receipt_rule(**options)
    else:
        ses.update_receipt_rule(RuleSetName=rule_set, Rule=rule)  # type: ignore[arg-type]
    for action in rule.get("Actions") or []:
        s3_action = action.get("S3Action")
        if s3_action:
            build.stack.receipt_rules.append(
                ReceiptRuleSpec(
                    name=rule["Name"],
                    recipients=tuple(str(r) for r in rule.get("Recipients") or ()),
                    bucket=str(s3_action["BucketName"]),
                    object_key_prefix=str(s3_action.get("ObjectKeyPrefix", "")),
                    topic_arn=str(s3_action.get("TopicArn", "")),
                    scan_enabled=bool(rule.get("ScanEnabled", False)),
                )
            )
    build.register(logical_id, rule["Name"])


def _activate_receipt_rule_set(build: _Build) -> None:
    """Activate the template's receipt rule set, as the operator does after deploying."""
    rule_sets = [
        name
        for name in build.template.resources_of_type("AWS::SES::ReceiptRuleSet")
        if name in build.resolver.resources
    ]
    if not rule_sets:
        return
    if len(rule_sets) > 1:
        raise ProvisionError(
            f"more than one receipt rule set ({', '.join(rule_sets)}): only one can be active"
        )
    name = str(build.resolver.resources[rule_sets[0]].ref)
    build.aws.ses.set_active_receipt_rule_set(RuleSetName=name)
    build.stack.receipt_rule_set = name


def _verify_identity(build: _Build, logical_id: str) -> None:
    """An SES identity: verified at once locally (in AWS, DNS records or a click verify it)."""
    identity = str(build.properties(logical_id)["EmailIdentity"])
    if "@" in identity:
        build.aws.ses.verify_email_identity(EmailAddress=identity)
    else:
        build.aws.ses.verify_domain_identity(Domain=identity)
    build.register(logical_id, identity)


# ------------------------------------------------------------------------------------------ functions


def _describe_function(build: _Build, logical_id: str) -> None:
    # Only the parts a local runner needs are resolved: Layers, Policies and the like refer to
    # resources that have no local counterpart.
    raw = build.template.properties(logical_id)
    resolve = build.resolver.resolve
    code_uri = resolve(raw.get("CodeUri"))
    if not isinstance(code_uri, str):
        raise ProvisionError(f"{logical_id}: CodeUri must be a local directory, got {code_uri!r}")
    code_dir = (build.template.base_dir / code_uri).resolve()
    if not code_dir.is_dir():
        raise ProvisionError(f"{logical_id}: CodeUri {code_uri} does not exist ({code_dir})")
    variables = resolve((raw.get("Environment") or {}).get("Variables") or {})
    sqs_sources: list[SqsEventSource] = []
    schedules: list[ScheduleSource] = []
    routes: list[HttpRoute] = []
    for event_name, event in (raw.get("Events") or {}).items():
        kind, props = event.get("Type"), event.get("Properties") or {}
        if kind == "SQS":
            sqs_sources.append(_sqs_source(build, logical_id, event_name, resolve(props)))
        elif kind in {"Schedule", "ScheduleV2"}:
            schedule = _schedule(logical_id, event_name, resolve(props))
            if schedule is not None:
                schedules.append(schedule)
        elif kind in {"HttpApi", "Api"}:
            routes.append(_route(build, kind, props))
        else:
            raise ProvisionError(f"{logical_id}.{event_name}: event type {kind} is not supported locally")
    name = f"{build.prefix}-{logical_id}"
    build.stack.functions[logical_id] = FunctionSpec(
        logical_id=logical_id,
        code_dir=code_dir,
        handler=str(resolve(raw["Handler"])),
        timeout_s=_integer(resolve(raw.get("Timeout", 3)), f"{logical_id}.Timeout"),
        memory_mb=_integer(resolve(raw.get("MemorySize", 128)), f"{logical_id}.MemorySize"),
        environment={key: _text(value) for key, value in variables.items()},
        sqs_sources=tuple(sqs_sources),
        schedules=tuple(schedules),
        http_routes=tuple(routes),
    )
    build.register(logical_id, name, Arn=build.arn("lambda", f"function:{name}"))


def _sqs_source(build: _Build, logical_id: str, event_name: str, props: Mapping[str, Any]) -> SqsEventSource:
    queue = build.queue_by_arn.get(str(props.get("Queue")))
    if queue is None:
        raise ProvisionError(
            f"{logical_id}.{event_name}: {props.get('Queue')} is not a queue of the template"
        )
    scaling = props.get("ScalingConfig") or {}
    return SqsEventSource(
        queue_logical_id=queue,
        batch_size=_integer(props.get("BatchSize", 10), "BatchSize"),
        max_batching_window_s=_integer(
            props.get("MaximumBatchingWindowInSeconds", 0), "MaximumBatchingWindowInSeconds"
        ),
        report_batch_item_failures="ReportBatchItemFailures" in (props.get("FunctionResponseTypes") or []),
        max_concurrency=(
            _integer(scaling["MaximumConcurrency"], "MaximumConcurrency")
            if "MaximumConcurrency" in scaling
            else None
        ),
    )


def _schedule(logical_id: str, event_name: str, props: Mapping[str, Any]) -> ScheduleSource | None:
    if props.get("Enabled") is False or props.get("State") == "DISABLED":
        return None
    expression = str(props.get("Schedule") or props.get("ScheduleExpression") or "")
    match = _RATE.fullmatch(expression.strip())
    if match is None:
        raise ProvisionError(
            f"{logical_id}.{event_name}: only rate(...) schedules run locally, got {expression!r}"
        )
    seconds = int(match.group(1)) * _RATE_UNIT_SECONDS[match.group(2).rstrip("s")]
    # SAM names the generated EventBridge rule <Function><Event>.
    return ScheduleSource(logical_id=f"{logical_id}{event_name}", rate_seconds=float(seconds))


def _route(build: _Build, kind: str, props: Mapping[str, Any]) -> HttpRoute:
    api_ref = props.get("ApiId" if kind == "HttpApi" else "RestApiId")
    api_id = api_ref.get("Ref") if isinstance(api_ref, dict) else None
    implicit = "ServerlessHttpApi" if kind == "HttpApi" else "ServerlessRestApi"
    if api_id is not None:
        api_props = build.template.properties(str(api_id))
    else:  # SAM's implicit API takes its settings from Globals only
        section = "HttpApi" if kind == "HttpApi" else "Api"
        api_props = dict((build.template.body.get("Globals") or {}).get(section) or {})
        api_id = implicit
    default_authorizer = (api_props.get("Auth") or {}).get("DefaultAuthorizer")
    authorizer = (props.get("Auth") or {}).get("Authorizer")
    authorized = authorizer != "NONE" if authorizer is not None else default_authorizer not in (None, "NONE")
    return HttpRoute(method=str(props["Method"]).upper(), path=str(props["Path"]), authorized=authorized)


_CREATORS: dict[str, Callable[[_Build, str], None]] = {
    "AWS::KMS::Key": _create_kms_key,
    "AWS::S3::Bucket": _create_bucket,
    "AWS::S3::BucketPolicy": _put_bucket_policy,
    "AWS::SNS::Topic": _create_topic,
    "AWS::SNS::TopicPolicy": _put_topic_policy,
    "AWS::SNS::Subscription": _subscribe,
    "AWS::SQS::Queue": _create_queue,
    "AWS::SQS::QueuePolicy": _put_queue_policy,
    "AWS::DynamoDB::Table": _create_table,
    "AWS::SecretsManager::Secret": _create_secret,
    "AWS::SES::ReceiptRuleSet": _create_receipt_rule_set,
    "AWS::SES::ReceiptRule": _create_receipt_rule,
    "AWS::SES::EmailIdentity": _verify_identity,
    "AWS::Serverless::Function": _describe_function,
}
"""What the local stack builds, by resource type. Other types (IAM roles, log groups, alarms, Cognito,
the HTTP API, layers) have no local counterpart: the local runners play their part."""
