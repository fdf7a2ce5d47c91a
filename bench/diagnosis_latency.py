"""Diagnosis latency with a warm order mirror: the diagnose step per message, p50/p99.

The DiagnoseFunction's own code path (``diagnose_stored_message`` with the dependencies ``wiring``
builds from the template's environment) runs in this process against the template's tables in moto
(``mock_aws``). The mirror holds 300 orders and a sync checkpoint, as after the first sync; the 300
stored messages each ask about one of them. Each diagnosis reads the message, the mirror entry and
writes the case: no SP-API call is made (the benchmark fails if one is). For comparison the same
messages are first diagnosed with an empty mirror: every first ask is a getOrder to the simulator,
paced by the shared quota (0.5/s after a burst of 30), which is what the mirror saves.

moto answers in-process in well under a millisecond; DynamoDB over the network takes a few
milliseconds per request, so in AWS add roughly 4 requests x 3-5 ms to these numbers.
"""

from __future__ import annotations

import os
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.order_burst import SEED, make_inquiries, make_orders

REPO = Path(__file__).resolve().parents[1]
MESSAGES = 300


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 2)

    return {"p50_ms": at(0.50), "p99_ms": at(0.99), "max_ms": round(ordered[-1] * 1000, 2)}


def run() -> dict[str, Any]:
    import boto3
    from moto import mock_aws

    from ghostdesk.local.moto_atomic import make_moto_dynamodb_atomic
    from ghostdesk.local.provision import provision
    from ghostdesk.local.spapi_sim import SpApiSimulator
    from ghostdesk.orders.mirror import OrderMirror, Source
    from ghostdesk.orders.sync import Checkpoint, CheckpointStore, Coverage
    from ghostdesk.pipeline import wiring
    from ghostdesk.pipeline.diagnose import diagnose_stored_message
    from ghostdesk.pipeline.ingest import _parse_into
    from ghostdesk.records import MessageRecord, MessageStatus
    from ghostdesk.settings import Settings

    rng = random.Random(SEED)
    now = datetime.now(UTC).replace(microsecond=0)
    orders = [o for o in make_orders(now, rng) if o["createdTime"] >= _days_ago(now, 30)][:MESSAGES]
    inquiries, _ = make_inquiries(orders, rng)
    inquiries = inquiries[:MESSAGES]
    saved = dict(os.environ)
    make_moto_dynamodb_atomic()
    results: dict[str, Any] = {"messages": len(inquiries)}
    try:
        os.environ.update(
            {
                "AWS_ACCESS_KEY_ID": "bench",
                "AWS_SECRET_ACCESS_KEY": "bench",
                "AWS_DEFAULT_REGION": "us-east-1",
            }
        )
        with (
            mock_aws(),
            SpApiSimulator(
                orders,
                client_id="bench",
                client_secret="bench-secret",  # noqa: S106 - the simulator's own fake
                refresh_token="Atzr|bench",  # noqa: S106 - the simulator's own fake
            ) as sim,
        ):
            resources = provision(REPO / "template.yaml", session=boto3.Session(region_name="us-east-1"))
            os.environ.update(resources.functions["DiagnoseFunction"].environment)
            os.environ.update(
                {
                    "GHOSTDESK_TEMPLATES_DIR": str(REPO / "templates"),
                    "GHOSTDESK_SPAPI_ENDPOINT": sim.url,
                    "GHOSTDESK_LWA_TOKEN_URL": sim.token_url,
                    "LWA_APP_ID": "bench",
                    "LWA_CLIENT_SECRET": "bench-secret",
                    "SP_API_REFRESH_TOKEN": "Atzr|bench",
                }
            )
            os.environ.pop("GHOSTDESK_SPAPI_SECRET_ID", None)
            os.environ.pop("SP_API_AWS_SECRET_ID", None)
            wiring.reset()
            settings = Settings.from_env()
            store = wiring.message_store()
            ids = []
            for n, inquiry in enumerate(inquiries):
                record = MessageRecord(
                    message_id=f"bench{n:05d}", received_at=now, status=MessageStatus.RECEIVED
                )
                store.put_new(_parse_into(record, inquiry.raw, settings))
                ids.append(record.message_id)

            # Empty mirror: every first ask is a getOrder, paced by the quota buckets.
            results["cold_mirror"] = _timed(ids, diagnose_stored_message, wiring, before_first_sync=True)
            results["cold_mirror"]["spapi_calls"] = sum(1 for r in sim.requests if r.operation == "getOrder")

            # Warm: a fresh stack of tables, the mirror filled as the first sync would.
            _clear_cases(resources)
            mirror = OrderMirror(boto3.client("dynamodb"), resources.tables["OrdersTable"])
            for order in orders:
                mirror.put_order(order, Source.POLL)
            checkpoints = CheckpointStore(boto3.client("dynamodb"), resources.tables["OrdersTable"])
            checkpoints.acquire_lease("bench", now=now, lease=timedelta(minutes=1))
            checkpoints.save(
                "bench", Checkpoint(coverage=Coverage(since=now - timedelta(days=30), until=now))
            )
            checkpoints.release("bench")
            sim.clear_requests()
            wiring.reset()
            results["warm_mirror"] = _timed(ids, diagnose_stored_message, wiring)
            results["warm_mirror"]["spapi_calls"] = sum(1 for r in sim.requests if r.operation != "lwa")
    finally:
        os.environ.clear()
        os.environ.update(saved)
        wiring.reset()
    warm, cold = results["warm_mirror"], results["cold_mirror"]
    print(
        f"diagnose step, {len(ids)} messages: warm mirror p50 {warm['p50_ms']} ms, p99 {warm['p99_ms']} ms, "
        f"{warm['spapi_calls']} SP-API calls; empty mirror (getOrder at 0.5/s) p50 {cold['p50_ms']} ms, "
        f"p99 {cold['p99_ms']} ms, {cold['spapi_calls']} calls"
    )
    if warm["spapi_calls"]:
        raise AssertionError(f"a warm mirror should answer every message, yet {warm['spapi_calls']} calls")
    return results


def _days_ago(now: datetime, days: float) -> str:
    return (now - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _timed(ids: list[str], diagnose: Any, wiring: Any, *, before_first_sync: bool = False) -> dict[str, Any]:
    """Per-message diagnosis times. ``before_first_sync``: a message that needs a relay-alias look-up
    waits for the mirror's first sync (in the pipeline: retried later), so it is counted apart."""
    from ghostdesk.diagnosis import FactsIncomplete

    durations = []
    waiting = 0
    for message_id in ids:
        started = time.perf_counter()
        try:
            case = diagnose(message_id, wiring.diagnose_deps())
        except FactsIncomplete:
            if not before_first_sync:
                raise
            waiting += 1
            continue
        durations.append(time.perf_counter() - started)
        if case is None:
            raise AssertionError(f"{message_id} was not diagnosed")
    result = _percentiles(durations)
    if before_first_sync:
        result["waiting_for_first_sync"] = waiting
    return result


def _clear_cases(resources: Any) -> None:
    import boto3

    client = boto3.client("dynamodb")
    table = resources.tables["CasesTable"]
    for page in client.get_paginator("scan").paginate(TableName=table, ProjectionExpression="case_id"):
        for item in page["Items"]:
            client.delete_item(TableName=table, Key={"case_id": item["case_id"]})
