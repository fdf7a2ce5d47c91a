"""Order-status inquiries at seller scale: a burst of 500 mails against SP-API's real quotas.

The local stack (``make run``'s, quotas enforced) serves 300 generated orders: 260 updated within the
last 30 days, which the first sync mirrors, and 40 older ones it does not (buyers ask about old orders
too). After the first sync has warmed the mirror (its cost is reported apart), 500 inquiries arrive over
SMTP as fast as they can be sent: every order asked about at least once, 140 asked again, and 20
Amazon order IDs this seller does not have, each asked three times. The benchmark waits until every
inquiry has its reply draft and reports:

- SP-API calls by operation and the 429s received during the burst;
- the wall time until the last draft exists, beside the **quota-bound minimum**: the calls the design
  must make (getOrder for every order the mirror cannot know, i.e. the 40 old ones and the 20 unknown
  IDs, once each) at getOrder's plan, 0.5/s after the burst of 30;
- drafts created, and messages lost (no draft) or failed (in a dead-letter queue);
- acknowledgement latency (SMTP accepted -> acknowledgement sent), p50/p99.

It runs twice: against ghostdesk's SP-API simulator, and against ``bench/spapi_standin.py``, a separate
minimal quota-enforcing stand-in, so the numbers do not hang on the simulator's implementation.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path
from typing import Any

from bench.spapi_standin import StandInSpApi

ORDERS = 300
OLD_ORDERS = 40  # last updated before the sync window: only getOrder can answer them
UNKNOWN_IDS = 20
ASKS_PER_UNKNOWN = 3
INQUIRIES = 500
GET_ORDER_RATE, GET_ORDER_BURST = 0.5, 30
US = "ATVPDKIKX0DER"
SEED = 20261120
TIMEOUT_S = 600.0


@dataclass
class Inquiry:
    message_id: str
    raw: bytes
    sent_at: float = 0.0


# ----------------------------------------------------------------------------------------- the data


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _order(n: int, now: datetime, rng: random.Random, *, old: bool) -> dict[str, Any]:
    order_id = f"113-{4000000 + n:07d}-{rng.randrange(10**6, 10**7):07d}"
    if old:
        created = now - timedelta(days=rng.uniform(35, 80))
        status = rng.choice(["SHIPPED", "SHIPPED", "CANCELLED"])
    else:
        created = now - timedelta(days=rng.uniform(0.2, 28))
        status = rng.choices(
            ["PENDING", "PENDING_AVAILABILITY", "UNSHIPPED", "SHIPPED", "CANCELLED"], [50, 5, 20, 20, 5]
        )[0]
    fulfilled_by = "AMAZON" if rng.random() < 0.3 else "MERCHANT"
    updated = created + timedelta(hours=rng.uniform(0.1, 20))
    if updated > now - timedelta(minutes=10):
        updated = now - timedelta(minutes=10)
    buyer: dict[str, str] = {"buyerName": f"Buyer{n} Example"}
    if fulfilled_by == "MERCHANT":
        buyer["buyerEmail"] = _alias(n)
    order: dict[str, Any] = {
        "orderId": order_id,
        "createdTime": _stamp(created),
        "lastUpdatedTime": _stamp(updated),
        "programs": ["PREORDER"] if status == "PENDING_AVAILABILITY" else [],
        "salesChannel": {"channelName": "AMAZON", "marketplaceId": US, "marketplaceName": "Amazon.com"},
        "buyer": buyer,
        "fulfillment": {"fulfillmentStatus": status, "fulfilledBy": fulfilled_by},
        "orderItems": [
            {
                "orderItemId": f"{n:014d}",
                "quantityOrdered": 1,
                "product": {"asin": f"B0BENCH{n:04d}", "title": f"Bench item {n}", "sellerSku": f"SKU-{n}"},
            }
        ],
    }
    if status == "SHIPPED" and fulfilled_by == "MERCHANT":
        order["packages"] = [
            {
                "packageReferenceId": f"PKG{n}",
                "carrier": "UPS",
                "trackingNumber": f"1Z999AA1{n:010d}",
                "packageStatus": {"status": "DELIVERED"},
            }
        ]
    return order


def _alias(n: int) -> str:
    return f"bench{n:04d}x{n * 7919 % 100000:05d}@marketplace.amazon.com"


def make_orders(now: datetime, rng: random.Random) -> list[dict[str, Any]]:
    return [_order(n, now, rng, old=n >= ORDERS - OLD_ORDERS) for n in range(ORDERS)]


def _mail(n: int, order_id: str, alias: str, first_name: str) -> Inquiry:
    message_id = f"<bench-{n:04d}-{order_id}@email.amazonses.com>"
    text = (
        f'From: "{first_name} - Amazon Marketplace" <{alias}>\r\n'
        "To: orders@example.com\r\n"
        f"Subject: Order delivery inquiry from Amazon customer {first_name} (Order: {order_id})\r\n"
        "Date: Fri, 20 Nov 2026 09:00:00 +0000\r\n"
        f"Message-ID: {message_id}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Order ID: {order_id}:\r\n1 of Bench item [ASIN: B0BENCH0000]\r\n\r\n"
        "------------- Begin message -------------\r\n\r\n"
        f"Hi, my order {order_id} is still pending. Where is my order and when will it ship? Thanks\r\n\r\n"
        "------------- End message -------------\r\n"
    )
    return Inquiry(message_id, text.encode())


def floor_inquiries(orders: list[dict[str, Any]], rng: random.Random) -> list[Inquiry]:
    """500 inquiries about mirrored orders only: no SP-API call needed, so the time they take is what
    the stack itself needs for 500 mails on this machine (the pipeline floor)."""
    recent = range(len(orders) - OLD_ORDERS)
    asked = [rng.choice(recent) for _ in range(INQUIRIES)]
    return [_mail(n, orders[k]["orderId"], _alias(k), f"Buyer{k}") for n, k in enumerate(asked)]


def make_inquiries(orders: list[dict[str, Any]], rng: random.Random) -> tuple[list[Inquiry], list[str]]:
    """Every order once, 140 again, and 20 unknown IDs three times each: 500, shuffled."""
    asked = list(range(len(orders)))
    repeats = INQUIRIES - len(orders) - UNKNOWN_IDS * ASKS_PER_UNKNOWN
    asked += [rng.randrange(len(orders)) for _ in range(repeats)]
    pairs = [(orders[n]["orderId"], _alias(n), f"Buyer{n}") for n in asked]
    unknown = [f"114-{9000000 + k:07d}-{rng.randrange(10**6, 10**7):07d}" for k in range(UNKNOWN_IDS)]
    for k, order_id in enumerate(unknown):
        pairs += [(order_id, _alias(10_000 + k), f"Ghost{k}")] * ASKS_PER_UNKNOWN
    rng.shuffle(pairs)
    return [_mail(n, *pair) for n, pair in enumerate(pairs)], unknown


# --------------------------------------------------------------------------------------- the burst


def quota_bound_minimum_s(get_order_calls: int) -> float:
    """The fastest getOrder's plan allows ``get_order_calls``: the burst at once, then 0.5 a second."""
    return max(0, get_order_calls - GET_ORDER_BURST) / GET_ORDER_RATE


def _count(stack: Any, table: str) -> int:
    """Items in one of the stack's tables, read from the in-process moto backend: polling with Scan
    would load the local AWS (one process) with the benchmark's own work."""
    from moto.dynamodb.models import dynamodb_backends

    backend = dynamodb_backends[stack.resources.account_id][stack.resources.region]
    return len(backend.tables[stack.resources.tables[table]].items)


def _dead_letters(stack: Any) -> dict[str, int]:
    sqs = stack.client("sqs")
    targets = {q.dlq_logical_id for q in stack.resources.queues.values() if q.dlq_logical_id}
    depth = {}
    for logical_id in sorted(targets):
        attributes = sqs.get_queue_attributes(
            QueueUrl=stack.resources.queues[logical_id].url,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )["Attributes"]
        depth[logical_id] = sum(int(v) for v in attributes.values())
    return depth


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 2)


def _ack_latencies(outbox: Path, inquiries: list[Inquiry]) -> list[float]:
    sent = {i.message_id: i.sent_at for i in inquiries}
    latencies = []
    for path in outbox.glob("*.eml"):
        stamp = datetime.strptime(path.name.split("-", 1)[0], "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
        mail = message_from_bytes(path.read_bytes())
        original = (mail.get("In-Reply-To") or "").strip()
        if original in sent:
            latencies.append(stamp.timestamp() - sent[original])
    return latencies


def burst(
    label: str,
    start_stack: Callable[[Path], Any],
    calls: Callable[[], Counter[str]],
    throttled: Callable[[], Counter[str]],
    inquiries: list[Inquiry],
    workdir: Path,
) -> dict[str, Any]:
    """Start a stack, report its first sync, mail the burst, wait for every draft; the numbers."""
    started = time.perf_counter()
    with start_stack(workdir) as stack:
        sync = stack.first_runs.get("OrderSyncFunction")
        first_sync = {
            "seconds": round(sync.duration_ms / 1000, 2) if sync else None,
            "outcome": (sync.payload or {}).get("outcome") if sync else None,
            "orders_mirrored": (sync.payload or {}).get("orders_seen") if sync else None,
            "spapi_calls": dict(calls()),
            "stack_start_seconds": round(time.perf_counter() - started, 2),
        }
        before, throttled_before = calls(), throttled()
        lock = threading.Lock()

        def send(inquiry: Inquiry) -> None:
            stack.send_eml(inquiry.raw, to=stack.inbound_address)
            with lock:
                inquiry.sent_at = time.time()

        t0 = time.time()
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(send, inquiries))
        sent_s = time.time() - t0
        drafts = 0
        deadline = t0 + TIMEOUT_S
        while time.time() < deadline:
            drafts = _count(stack, "DraftsTable")
            if drafts >= len(inquiries):
                break
            time.sleep(0.25)
        wall = time.time() - t0
        stack.wait_until_idle(timeout=120)
        spent = calls() - before
        got_429 = throttled() - throttled_before
        dead = _dead_letters(stack)
        acks = _ack_latencies(stack.outbox_dir, inquiries)
        mirrored = _count(stack, "OrdersTable")
    required = OLD_ORDERS + UNKNOWN_IDS
    minimum = quota_bound_minimum_s(required)
    result = {
        "spapi": label,
        "first_sync": first_sync,
        "inquiries": len(inquiries),
        "sent_in_s": round(sent_s, 2),
        "drafts": drafts,
        "lost": max(0, len(inquiries) - drafts),
        "dead_letters": dead,
        "failed": sum(dead.values()),
        "spapi_calls": dict(spent),
        "spapi_calls_total": sum(spent.values()),
        "http_429": sum(got_429.values()),
        "wall_s": round(wall, 1),
        "quota_bound_minimum_s": minimum,
        "quota_bound_minimum_calls": {"getOrder": required},
        "wall_over_minimum": round(wall / minimum, 2) if minimum else None,
        "acks": len(acks),
        "ack_latency_p50_s": _percentile(acks, 0.50),
        "ack_latency_p99_s": _percentile(acks, 0.99),
        "mirror_items": mirrored,
    }
    _print(result)
    return result


def _print(r: dict[str, Any]) -> None:
    sync = r["first_sync"]
    print(
        f"[{r['spapi']}] first sync: {sync['orders_mirrored']} orders in {sync['seconds']} s, "
        f"SP-API calls {sync['spapi_calls']} (stack up in {sync['stack_start_seconds']} s)"
    )
    print(
        f"[{r['spapi']}] burst: {r['inquiries']} inquiries sent in {r['sent_in_s']} s; drafts {r['drafts']}, "
        f"lost {r['lost']}, failed (DLQ) {r['failed']}"
    )
    print(
        f"[{r['spapi']}] SP-API calls {r['spapi_calls']} (total {r['spapi_calls_total']}), "
        f"429s {r['http_429']}; "
        f"wall {r['wall_s']} s vs quota-bound minimum {r['quota_bound_minimum_s']} s "
        f"(x{r['wall_over_minimum']}); acks {r['acks']}: p50 {r['ack_latency_p50_s']} s, "
        f"p99 {r['ack_latency_p99_s']} s",
        flush=True,
    )


# ------------------------------------------------------------------------------------------- stacks


def _stack_config(workdir: Path, orders_file: Path, **overrides: Any) -> Any:
    from ghostdesk.local.stack import StackConfig

    return StackConfig.from_env(
        {},
        smtp_port=0,
        http_port=0,
        data_dir=workdir,
        name_prefix=f"bench-{workdir.name}",  # one moto backend per process: fresh tables per run
        agent_token="bench-token",  # noqa: S106 - the local agent API's token, for this run only
        orders_file=orders_file,
        **overrides,
    )


@contextmanager
def _local_stack(config: Any) -> Iterator[Any]:
    from ghostdesk.local.stack import LocalStack

    with LocalStack(config) as stack:
        if stack.init_errors:
            raise RuntimeError(f"functions failed to start: {stack.init_errors}")
        yield stack


def run() -> dict[str, Any]:
    import logging

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    rng = random.Random(SEED)
    now = datetime.now(UTC).replace(microsecond=0)
    orders = make_orders(now, rng)
    inquiries, _unknown = make_inquiries(orders, rng)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ghostdesk-burst-") as tmp:
        orders_file = Path(tmp) / "orders.json"
        orders_file.write_text(json.dumps({"amazon": orders}))

        holder: dict[str, Any] = {}

        def with_simulator(workdir: Path) -> Any:
            return _local_stack(_stack_config(workdir, orders_file, enforce_spapi_quotas=True))

        def simulator_calls() -> Counter[str]:
            sim = holder["stack"].simulator if "stack" in holder else None
            return Counter(r.operation for r in (sim.requests if sim else []) if r.operation != "lwa")

        def simulator_429s() -> Counter[str]:
            sim = holder["stack"].simulator if "stack" in holder else None
            return Counter(r.operation for r in (sim.requests if sim else []) if r.status == 429)

        @contextmanager
        def remember(factory: Callable[[Path], Any], workdir: Path) -> Iterator[Any]:
            with factory(workdir) as stack:
                holder["stack"] = stack
                yield stack
            holder.clear()

        results["pipeline_floor"] = burst(
            "pipeline floor (every order mirrored, no SP-API call needed)",
            lambda d: remember(with_simulator, d),
            simulator_calls,
            simulator_429s,
            floor_inquiries(orders, random.Random(SEED + 1)),
            Path(tmp) / "floor",
        )
        results["simulator"] = burst(
            "simulator",
            lambda d: remember(with_simulator, d),
            simulator_calls,
            simulator_429s,
            [Inquiry(i.message_id, i.raw) for i in inquiries],
            Path(tmp) / "simulator",
        )
        with StandInSpApi(orders) as standin:

            def with_standin(workdir: Path) -> Any:
                return _local_stack(
                    _stack_config(
                        workdir,
                        orders_file,
                        spapi_endpoint=standin.url,
                        lwa_token_url=standin.token_url,
                        spapi_credentials=standin.credentials,
                    )
                )

            results["standin"] = burst(
                "independent stand-in",
                with_standin,
                lambda: Counter(standin.calls),
                lambda: Counter(standin.throttled),
                [Inquiry(i.message_id, i.raw) for i in inquiries],
                Path(tmp) / "standin",
            )
    floor = results["pipeline_floor"]["wall_s"]
    for name in ("simulator", "standin"):
        run_result = results[name]
        bound = max(floor, run_result["quota_bound_minimum_s"])
        run_result["pipeline_floor_s"] = floor
        run_result["wall_over_bound"] = round(run_result["wall_s"] / bound, 2)
        print(
            f"[{run_result['spapi']}] wall {run_result['wall_s']} s = x{run_result['wall_over_bound']} of "
            f"max(quota-bound minimum {run_result['quota_bound_minimum_s']} s, pipeline floor {floor} s)"
        )
    results["median_ack_latency_s"] = statistics.median(
        [
            r["ack_latency_p50_s"]
            for r in results.values()
            if isinstance(r, dict) and r.get("ack_latency_p50_s")
        ]
        or [0]
    )
    return results
