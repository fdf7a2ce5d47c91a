"""What the local stack knows about the infrastructure, derived from ``template.yaml``.

``ghostdesk.local.provision`` reads the template, creates its resources in moto (the local stack's
embedded AWS, or ``mock_aws`` in tests) and returns a :class:`StackResources`. Everything local that
needs a queue URL, a table name or a function's environment asks this object; nothing keeps a second
list of resources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class QueueInfo:
    logical_id: str
    url: str
    arn: str
    visibility_timeout_s: int
    dlq_logical_id: str | None = None  # the queue messages move to after maxReceiveCount receives
    max_receive_count: int | None = None


@dataclass(frozen=True)
class SqsEventSource:
    """An SQS event source mapping, as Lambda would poll it."""

    queue_logical_id: str
    batch_size: int = 10
    max_batching_window_s: int = 0
    report_batch_item_failures: bool = True
    max_concurrency: int | None = None  # ScalingConfig.MaximumConcurrency: pollers invoking at once


@dataclass(frozen=True)
class ScheduleSource:
    """A schedule (EventBridge rate) that invokes a function with a scheduled event."""

    logical_id: str
    rate_seconds: float


@dataclass(frozen=True)
class HttpRoute:
    method: str  # "GET", "POST", ... or "ANY"
    path: str  # API Gateway route path, e.g. "/api/drafts/{id}" or "/{proxy+}"
    authorized: bool = True  # whether the route sits behind the JWT authorizer


@dataclass(frozen=True)
class FunctionSpec:
    logical_id: str
    code_dir: Path  # the function's CodeUri, absolute
    handler: str  # "app.handler"
    timeout_s: int
    memory_mb: int
    environment: dict[str, str]  # resolved: names and URLs of the local resources, parameter values
    sqs_sources: tuple[SqsEventSource, ...] = ()
    schedules: tuple[ScheduleSource, ...] = ()
    http_routes: tuple[HttpRoute, ...] = ()


@dataclass(frozen=True)
class ReceiptRuleSpec:
    """An SES receipt rule: mail to these recipients is stored in S3 and announced on SNS."""

    name: str
    recipients: tuple[str, ...]  # empty: every recipient of the verified domains
    bucket: str
    object_key_prefix: str
    topic_arn: str
    scan_enabled: bool = True


@dataclass
class StackResources:
    region: str
    account_id: str
    parameters: dict[str, str]
    buckets: dict[str, str] = field(default_factory=dict)  # logical id -> bucket name
    topics: dict[str, str] = field(default_factory=dict)  # logical id -> topic ARN
    queues: dict[str, QueueInfo] = field(default_factory=dict)
    tables: dict[str, str] = field(default_factory=dict)  # logical id -> table name
    secrets: dict[str, str] = field(default_factory=dict)  # logical id -> secret ARN
    receipt_rule_set: str | None = None
    receipt_rules: list[ReceiptRuleSpec] = field(default_factory=list)
    functions: dict[str, FunctionSpec] = field(default_factory=dict)
