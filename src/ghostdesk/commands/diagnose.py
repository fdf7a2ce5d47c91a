"""``ghostdesk diagnose [--orders FILE] [--now ISO8601] [--json] EML...``

The same diagnosis the Lambdas run: read the email, triage it, look the order up (in an orders file, or
live through the SP-API configured by the environment), decide the case. With ``--json`` it prints one
JSON object per input (JSON Lines). A file that cannot be read or diagnosed yields an object with
``error``; the others still run, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ghostdesk.diagnosis import DiagnosisPolicy, FactsIncomplete, diagnose, plan_lookups
from ghostdesk.mail.reader import UnreadableEmail, read_email
from ghostdesk.models import Channel, Diagnosis
from ghostdesk.orders.lookup import ChannelSearch, gather_facts
from ghostdesk.orders.source import MarketplaceUnavailable, OrderSource, QuotaExceeded
from ghostdesk.settings import Settings, SettingsError
from ghostdesk.triage import triage


@dataclass(frozen=True)
class Sources:
    amazon: OrderSource | None
    channels: Sequence[ChannelSearch]


def diagnose_email(
    raw: bytes, sources: Sources, now: datetime, policy: DiagnosisPolicy, *, default_language: str = "en"
) -> dict[str, Any]:
    """Diagnose one raw email end to end; the result as the JSON contract describes it."""
    message = read_email(raw, default_language=default_language)
    triaged = triage(message)
    plan = plan_lookups(message, triaged, now, policy)
    facts = gather_facts(
        plan,
        sources.amazon,
        sources.channels,
        buyer_emails=[message.from_address] if message.channel is Channel.DIRECT else [],
    )
    diagnosis = diagnose(message, triaged, facts, now, policy)
    return _as_json(diagnosis, message.marketplace)


def _as_json(diagnosis: Diagnosis, marketplace: str | None) -> dict[str, Any]:
    return {
        "case": diagnosis.case.value,
        "order_id": diagnosis.order_id,
        "order_status": diagnosis.order_status,
        "language": diagnosis.language,
        "channel": diagnosis.channel.value,
        "marketplace": marketplace,
        "identifiers": [i.to_dict() for i in diagnosis.identifiers],
        "intent": diagnosis.intent.to_dict(),
        "evidence": diagnosis.evidence,
    }


def build_sources(orders_file: str | None, settings: Settings) -> Sources:
    """The file's Amazon orders and its Shopify/eBay/Walmart lists; else the live APIs and the channels
    connected through ``GHOSTDESK_CHANNELS_SECRET_ID``."""
    if orders_file:
        from ghostdesk.orders.channels.file import file_channels
        from ghostdesk.orders.file_source import FileOrderSource, load_orders_file

        data = load_orders_file(orders_file)
        return Sources(FileOrderSource(data), file_channels(data))
    from ghostdesk.orders.channels import channels_from_settings
    from ghostdesk.orders.spapi import SpApiOrderSource

    return Sources(SpApiOrderSource(settings), channels_from_settings(settings))


def parse_now(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ghostdesk diagnose", description=__doc__.split("\n\n")[1])
    parser.add_argument(
        "--orders", metavar="FILE", help="orders file (JSON keyed by channel); default: live APIs"
    )
    parser.add_argument("--now", metavar="ISO8601", help="the time to diagnose at (default: now)")
    parser.add_argument("--json", action="store_true", help="one JSON object per input")
    parser.add_argument(
        "--pending-threshold-days", type=float, help="override GHOSTDESK_PENDING_THRESHOLD_DAYS"
    )
    parser.add_argument("emails", nargs="+", metavar="EML")
    args = parser.parse_args(argv)

    try:
        settings = Settings.from_env()
        now = parse_now(args.now)
        sources = build_sources(args.orders, settings)
    except (SettingsError, ValueError, OSError) as exc:
        print(f"ghostdesk diagnose: {exc}", file=sys.stderr)
        return 2
    policy = DiagnosisPolicy.from_days(args.pending_threshold_days or settings.pending_threshold_days)

    failed = False
    for name in args.emails:
        result: dict[str, Any] = {"file": name}
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            result |= diagnose_email(raw, sources, now, policy, default_language=settings.default_language)
        except OSError as exc:
            result["error"] = f"cannot read: {exc.strerror or exc}"
        except UnreadableEmail as exc:
            result["error"] = f"not a readable email: {exc}"
        except (FactsIncomplete, MarketplaceUnavailable, QuotaExceeded) as exc:
            result["error"] = f"marketplace unavailable: {exc}"
        failed = failed or "error" in result
        _print(result, as_json=args.json)
    return 1 if failed else 0


def _print(result: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, ensure_ascii=False), flush=False)
        return
    if "error" in result:
        print(f"{result['file']}: ERROR {result['error']}")
        return
    idents = ", ".join(
        f"{i['kind']}:{i['value']}" + (f" ({i['carrier']})" if i.get("carrier") else "")
        for i in result["identifiers"]
    )
    print(
        f"{result['file']}: {result['case']}"
        f"  order={result['order_id'] or '-'} status={result['order_status'] or '-'}"
        f"  lang={result['language']} channel={result['channel']}"
        + (f"  ids=[{idents}]" if idents else "")
        + f"\n    {result['evidence'].get('reason', '')}"
    )
