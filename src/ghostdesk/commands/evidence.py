"""``ghostdesk evidence [--json] [--data-dir DIR] ORDER_ID``

The evidence for an A-to-z claim on an order (or a case ID): when the buyer's messages arrived, since
when the order was pending, what the buyer was told and when, and who approved it. The same builder as
``GET /api/cases/{id}/evidence``; a readable Markdown document by default, JSON with ``--json``.

Where the records are read from:

- in AWS, the tables named by ``GHOSTDESK_CASES_TABLE``, ``GHOSTDESK_MESSAGES_TABLE``,
  ``GHOSTDESK_DRAFTS_TABLE`` and ``GHOSTDESK_AUDIT_TABLE`` (the stack outputs), with the usual AWS
  credentials and region;
- otherwise the running local stack (``make run``), found through ``$GHOSTDESK_DATA_DIR/stack.json``.

Exit codes: 0 printed, 1 nothing on record for that ID, 2 nowhere to read from.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ghostdesk.settings import Settings, SettingsError

_TABLES = {"cases": "CasesTable", "messages": "MessagesTable", "drafts": "DraftsTable", "audit": "AuditTable"}


class NoRecords(RuntimeError):
    """Neither AWS tables nor a running local stack are configured."""


def _aws_sources(settings: Settings) -> Any:
    import boto3

    from ghostdesk.aws.audit import AuditLog
    from ghostdesk.aws.tables import CaseStore, DraftStore, MessageStore
    from ghostdesk.evidence import EvidenceSources

    dynamodb = boto3.client("dynamodb")
    return EvidenceSources(
        cases=CaseStore(dynamodb, settings.require("cases_table")),
        messages=MessageStore(dynamodb, settings.require("messages_table")),
        drafts=DraftStore(dynamodb, settings.require("drafts_table")),
        audit=AuditLog(dynamodb, settings.audit_table) if settings.audit_table else None,
    )


def _local_sources(state: Mapping[str, Any]) -> Any:
    import boto3

    from ghostdesk.aws.audit import AuditLog
    from ghostdesk.aws.tables import CaseStore, DraftStore, MessageStore
    from ghostdesk.evidence import EvidenceSources
    from ghostdesk.local.lambda_runtime import DUMMY_CREDENTIALS

    tables = dict(state.get("tables") or {})
    missing = [logical for logical in _TABLES.values() if logical not in tables]
    if missing or not state.get("aws_endpoint"):
        raise NoRecords("the running local stack did not say where its tables are: restart it (make run)")
    dynamodb = boto3.client(
        "dynamodb",
        endpoint_url=str(state["aws_endpoint"]),
        region_name=str(state.get("region") or "us-east-1"),
        aws_access_key_id=DUMMY_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=DUMMY_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    return EvidenceSources(
        cases=CaseStore(dynamodb, tables[_TABLES["cases"]]),
        messages=MessageStore(dynamodb, tables[_TABLES["messages"]]),
        drafts=DraftStore(dynamodb, tables[_TABLES["drafts"]]),
        audit=AuditLog(dynamodb, tables[_TABLES["audit"]]),
    )


def sources_from(environ: Mapping[str, str], data_dir: Path | None) -> Any:
    """AWS tables when the environment names them, else the running local stack's."""
    if environ.get("GHOSTDESK_CASES_TABLE"):
        return _aws_sources(Settings.from_env(environ))
    from ghostdesk.local.stack import read_state

    directory = data_dir or Path(environ.get("GHOSTDESK_DATA_DIR") or ".local")
    state = read_state(directory)
    if state is None:
        raise NoRecords(
            "no records to read: set GHOSTDESK_CASES_TABLE, GHOSTDESK_MESSAGES_TABLE, "
            "GHOSTDESK_DRAFTS_TABLE and GHOSTDESK_AUDIT_TABLE (the stack's outputs) to read them in AWS, "
            f"or start the local stack (make run); no running stack in {directory}/"
        )
    return _local_sources(state)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="ghostdesk evidence",
        description="Print the evidence for an A-to-z claim on an order: the buyer's messages, since when "
        "the order was pending, what the buyer was told and when, and who approved it.",
    )
    parser.add_argument("order_id", metavar="ORDER_ID", help="the Amazon order ID (or a case ID)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the readable document")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="the local stack's state directory (GHOSTDESK_DATA_DIR, default .local/)",
    )
    args = parser.parse_args(list(argv))

    from ghostdesk.evidence import collect_evidence, render_document
    from ghostdesk.review.errors import EvidenceNotFound

    try:
        sources = sources_from(os.environ, args.data_dir)
        evidence = collect_evidence(args.order_id, sources, now=datetime.now(UTC))
    except (NoRecords, SettingsError) as exc:
        print(f"ghostdesk evidence: {exc}", file=sys.stderr)
        return 2
    except EvidenceNotFound as exc:
        print(f"ghostdesk evidence: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(evidence.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_document(evidence))
    return 0
