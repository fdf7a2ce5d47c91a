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
    from ghostdesk.aws.mail import SesMailer
    from ghostdesk.orders.lookup import ChannelSearch
    from ghostdesk.orders.source import OrderSource
    from ghostdesk.pipeline.diagnose import DiagnoseDeps
    from ghostdesk.pipeline.ingest import IngestDeps
    from ghostdesk.pipeline.respond import RespondDeps
    from ghostdesk.replies import MacroLibrary


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
    s = settings()
    if s.orders_file:
        from ghostdesk.orders.file_source import FileOrderSource

        return FileOrderSource(s.orders_file)
    from ghostdesk.orders.spapi import SpApiOrderSource

    return SpApiOrderSource(s)


def other_channels() -> Sequence[ChannelSearch]:
    return ()


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


def reset() -> None:
    """Forget everything built from the environment (tests change it between cases)."""
    for cached in (settings, macro_library, ingest_deps, amazon_orders, diagnose_deps, respond_deps):
        cached.cache_clear()
    clients.reset()
