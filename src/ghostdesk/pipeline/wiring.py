"""The composition root: builds each step's dependencies from the settings, once per process.

Handlers call these on their first invocation (not at import), so a cold start only pays for what the
function uses, and tests can :func:`reset` between moto backends.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ghostdesk.aws import clients
from ghostdesk.aws.tables import CaseStore, DraftStore, MessageStore
from ghostdesk.settings import Settings

# Each step's modules are imported by the function that builds its dependencies, so a Lambda imports
# only its own step: the ingest function never loads Jinja, the API never loads the SP-API client.
if TYPE_CHECKING:
    from ghostdesk.aws.alerts import SnsAlerts
    from ghostdesk.aws.audit import AuditLog
    from ghostdesk.aws.mail import SesMailer
    from ghostdesk.clock import ClockDeps
    from ghostdesk.followup import FollowUpDeps
    from ghostdesk.models import OrderFacts
    from ghostdesk.orders.lookup import ChannelSearch
    from ghostdesk.orders.mirror import OrderMirror
    from ghostdesk.orders.order_changes import OrderChangeDeps
    from ghostdesk.orders.source import OrderSource
    from ghostdesk.orders.spapi import SpApiOrderSource
    from ghostdesk.orders.sync import CheckpointStore, SyncDeps
    from ghostdesk.orders.throttled import QuotaGate
    from ghostdesk.pipeline.diagnose import DiagnoseDeps
    from ghostdesk.pipeline.ingest import IngestDeps
    from ghostdesk.pipeline.respond import RespondDeps
    from ghostdesk.replies import MacroLibrary
    from ghostdesk.review.actions import ReviewDeps
    from ghostdesk.webhooks.receive import WebhookDeps


def utc_now() -> datetime:
    return datetime.now(UTC)


@functools.cache
def settings() -> Settings:
    return Settings.from_env()


def message_store() -> MessageStore:
    return MessageStore(clients.client("dynamodb"), settings().require("messages_table"))


def case_store() -> CaseStore:
    return CaseStore(clients.client("dynamodb"), settings().require("cases_table"))


def draft_store() -> DraftStore:
    return DraftStore(clients.client("dynamodb"), settings().require("drafts_table"))


def audit_log() -> AuditLog:
    from ghostdesk.aws.audit import AuditLog

    return AuditLog(clients.client("dynamodb"), settings().require("audit_table"))


@functools.cache
def macro_library() -> MacroLibrary:
    from pathlib import Path

    from ghostdesk.replies import MacroLibrary

    return MacroLibrary(Path(settings().templates_dir))


def mailer() -> SesMailer:
    from ghostdesk.aws.mail import SesMailer

    return SesMailer(clients.client("ses"), settings().sender)


@functools.cache
def ingest_deps() -> IngestDeps:
    from ghostdesk.aws.mail import RawMailStore
    from ghostdesk.aws.queues import WorkQueue
    from ghostdesk.pipeline.ingest import IngestDeps

    s = settings()
    return IngestDeps(
        settings=s,
        messages=message_store(),
        raw_mail=RawMailStore(clients.client("s3"), s.require("raw_mail_bucket")),
        diagnose_queue=WorkQueue(clients.client("sqs"), s.require("diagnose_queue_url")),
        respond_queue=WorkQueue(clients.client("sqs"), s.require("respond_queue_url")),
        clock=utc_now,
    )


@functools.cache
def amazon_orders() -> OrderSource:
    """The orders file (demo, CLI); else the order mirror in front of SP-API; else SP-API alone."""
    s = settings()
    if s.orders_file:
        from ghostdesk.orders.file_source import FileOrderSource

        return FileOrderSource(s.orders_file)
    if s.orders_table and s.quota_table:
        from datetime import timedelta

        from ghostdesk.orders.mirrored import FreshnessPolicy, MirroredOrderSource

        return MirroredOrderSource(
            order_mirror(),
            spapi_orders,
            quota_gate(),
            utc_now,
            timedelta(minutes=s.order_stale_after_minutes),
            checkpoints=order_checkpoints(),
            policy=FreshnessPolicy(not_found_for=timedelta(minutes=s.order_not_found_minutes)),
        )
    return spapi_orders()


@functools.cache
def spapi_orders() -> SpApiOrderSource:
    """The SP-API client, built on first need (it reads the credentials secret); reports Amazon's
    usage plans to the shared quota buckets when they exist."""
    from ghostdesk.orders.spapi import SpApiOrderSource

    s = settings()
    extra = [code.strip() for code in (s.order_marketplaces or "").split(",") if code.strip()]
    source = SpApiOrderSource(s, search_marketplaces=[s.marketplace, *extra] if extra else None)
    if s.quota_table:
        source.rate_limit_observer = quota_gate().buckets.observe_rate
    return source


@functools.cache
def order_mirror() -> OrderMirror:
    from datetime import timedelta

    from ghostdesk.orders.mirror import OrderMirror

    s = settings()
    return OrderMirror(
        clients.client("dynamodb"),
        s.require("orders_table"),
        retention=timedelta(days=s.retention_days),
        clock=utc_now,
    )


def order_checkpoints() -> CheckpointStore:
    from ghostdesk.orders.sync import CheckpointStore

    return CheckpointStore(clients.client("dynamodb"), settings().require("orders_table"))


@functools.cache
def quota_gate() -> QuotaGate:
    """SP-API calls paced by token buckets every function shares (one seller per stack: the scope is
    the SP-API region of the home marketplace)."""
    from ghostdesk import marketplaces
    from ghostdesk.orders.quota import DynamoTokenBuckets
    from ghostdesk.orders.throttled import QuotaGate

    s = settings()
    region = marketplaces.resolve(s.marketplace).region
    return QuotaGate(DynamoTokenBuckets(clients.client("dynamodb"), s.require("quota_table"), scope=region))


@functools.cache
def fed_order_mirror() -> OrderMirror:
    """The mirror as its feeds (ORDER_CHANGE, the sync) write it: an order that leaves Pending brings
    the replies waiting for it up to date (``ghostdesk.followup``), when the drafts table is there."""
    from datetime import timedelta

    from ghostdesk.orders.mirror import OrderMirror

    s = settings()
    return OrderMirror(
        clients.client("dynamodb"),
        s.require("orders_table"),
        retention=timedelta(days=s.retention_days),
        clock=utc_now,
        on_change=_follow_order_change if s.drafts_table else None,
    )


def _follow_order_change(before: OrderFacts, after: OrderFacts) -> None:
    if before.status == after.status and before.tracking_number == after.tracking_number:
        return  # nothing a reply says has changed: no need to load the follow-up machinery
    from ghostdesk.followup import follow_order_change

    follow_order_change(before, after, follow_up_deps())


@functools.cache
def follow_up_deps() -> FollowUpDeps:
    from ghostdesk.followup import FollowUpDeps

    return FollowUpDeps(
        settings=settings(),
        cases=case_store(),
        drafts=draft_store(),
        messages=message_store(),
        audit=audit_log(),
        library=macro_library(),
        clock=utc_now,
    )


@functools.cache
def order_change_deps() -> OrderChangeDeps:
    from ghostdesk.orders.order_changes import OrderChangeDeps

    return OrderChangeDeps(mirror=fed_order_mirror(), spapi=spapi_orders, quota=quota_gate())


@functools.cache
def order_sync_deps() -> SyncDeps:
    from datetime import timedelta

    from ghostdesk.orders.sync import SyncDeps, SyncPolicy

    return SyncDeps(
        mirror=fed_order_mirror(),
        checkpoints=order_checkpoints(),
        search=spapi_orders,
        quota=quota_gate(),
        clock=utc_now,
        policy=SyncPolicy(first_window=timedelta(days=settings().order_sync_window_days)),
    )


@functools.cache
def other_channels() -> Sequence[ChannelSearch]:
    """Shopify, eBay and Walmart as connected: the orders file's lists, else the channels secret."""
    s = settings()
    if s.orders_file:
        from ghostdesk.orders.channels.file import file_channels
        from ghostdesk.orders.file_source import load_orders_file

        return tuple(file_channels(load_orders_file(s.orders_file)))
    from ghostdesk.orders.channels import channels_from_settings

    return tuple(channels_from_settings(s))


@functools.cache
def diagnose_deps() -> DiagnoseDeps:
    from ghostdesk.aws.queues import WorkQueue
    from ghostdesk.pipeline.diagnose import DiagnoseDeps

    s = settings()
    return DiagnoseDeps(
        settings=s,
        messages=message_store(),
        cases=case_store(),
        respond_queue=WorkQueue(clients.client("sqs"), s.require("respond_queue_url")),
        amazon=amazon_orders,
        other_channels=other_channels,
        clock=utc_now,
    )


@functools.cache
def respond_deps() -> RespondDeps:
    from ghostdesk.pipeline.respond import RespondDeps

    return RespondDeps(
        settings=settings(),
        messages=message_store(),
        cases=case_store(),
        drafts=draft_store(),
        mailer=functools.cache(mailer),
        library=macro_library(),
        clock=utc_now,
    )


@functools.cache
def review_deps() -> ReviewDeps:
    """What the agent API's actions need (edit, approve, reject): built on the first request."""
    from ghostdesk.review.actions import ReviewDeps

    return ReviewDeps(
        settings=settings(),
        drafts=draft_store(),
        messages=message_store(),
        audit=audit_log(),
        library=macro_library(),
        mailer=functools.cache(mailer),
        clock=utc_now,
    )


@functools.cache
def webhook_deps() -> WebhookDeps:
    """What ``POST /webhooks/{channel}`` needs: the channels' keys and the ingest step's storage."""
    from ghostdesk.webhooks.channels import SecretsManagerChannels
    from ghostdesk.webhooks.receive import WebhookDeps

    channels = SecretsManagerChannels(
        clients.client("secretsmanager"), settings().require("webhook_secret_id")
    )
    return WebhookDeps(channels=channels, ingest=ingest_deps(), clock=utc_now)


def alerts() -> SnsAlerts:
    from ghostdesk.aws.alerts import SnsAlerts

    return SnsAlerts(clients.client("sns"), settings().require("alert_topic_arn"))


@functools.cache
def clock_deps() -> ClockDeps:
    """The deadline clock: open drafts near their deadline escalated, past it recorded as breaches."""
    from datetime import timedelta

    from ghostdesk.clock import ClockDeps

    s = settings()
    return ClockDeps(
        drafts=draft_store(),
        audit=audit_log(),
        alerts=functools.cache(alerts),
        clock=utc_now,
        lead=timedelta(hours=s.escalation_lead_hours),
        retention_days=s.retention_days,
        console_url=s.console_url,
    )


def reset() -> None:
    """Forget everything built from the environment (tests change it between cases)."""
    for cached in (
        settings,
        macro_library,
        ingest_deps,
        amazon_orders,
        spapi_orders,
        order_mirror,
        fed_order_mirror,
        follow_up_deps,
        clock_deps,
        quota_gate,
        order_change_deps,
        order_sync_deps,
        other_channels,
        diagnose_deps,
        respond_deps,
        review_deps,
        webhook_deps,
    ):
        cached.cache_clear()
    clients.reset()
