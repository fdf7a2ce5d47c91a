"""Soak: N buyer inquiries through the local stack over SMTP with injected faults; nothing lost or doubled.

``python -m bench soak [--messages N] [--fault-rate R]`` (defaults 10,000 and 0.01) starts the
application as ``make run`` does (template.yaml, the demo orders mirrored by the first sync, the SP-API
and channel simulators) with ``GHOSTDESK_LOCAL_FAULTS=rate=R``: every AWS call a function makes and every
SP-API/LWA request has probability R of a fault (throttled, 5xx, slow past the client's timeout, or -
for AWS - carried out with its answer lost; SES sends are throttled or rejected). Each inquiry comes
from its own buyer, about a mirrored demo order or (2%) an order ID the mirror does not know, which
costs a getOrder call. All are sent as fast as 4 SMTP connections allow; the benchmark waits until the
stack is idle, then accounts for every message (:mod:`ghostdesk.local.ledger`) and reports:

- throughput: messages / (first SMTP send -> stack idle);
- lost (no acknowledgement or no draft, and not in a DLQ) and duplicate acknowledgements (a buyer's
  Message-ID answered more than once in the outbox): both must be 0;
- failed: messages resting in a DLQ, with the reasons recorded for them;
- SMTP accepted -> acknowledgement sent, p50 and p99 (under a burst, so queueing is included);
- the faults injected, by kind.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_MESSAGES = 10_000
DEFAULT_FAULT_RATE = 0.01
UNKNOWN_SHARE = 0.02  # inquiries about orders the mirror does not hold: getOrder through the quota
SEED = 20261126


def _order_ids(orders_file: Path) -> list[str]:
    return [str(order["orderId"]) for order in json.loads(orders_file.read_text())["amazon"]]


def run(messages: int = DEFAULT_MESSAGES, fault_rate: float = DEFAULT_FAULT_RATE) -> dict[str, Any]:
    import logging

    from ghostdesk.local.ledger import account, inquiry, send_all
    from ghostdesk.local.stack import DEFAULT_ORDERS_FILE, LocalStack, StackConfig

    logging.getLogger("ghostdesk").setLevel(logging.WARNING)  # one line per invocation is too many
    logging.getLogger("ghostdesk.local").setLevel(logging.WARNING)
    rng = random.Random(SEED)
    known = _order_ids(DEFAULT_ORDERS_FILE)
    order_ids = [
        f"114-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"
        if rng.random() < UNKNOWN_SHARE
        else rng.choice(known)
        for _ in range(messages)
    ]
    mails = [inquiry(n, order_id, tag="soak", rng=rng) for n, order_id in enumerate(order_ids)]
    with tempfile.TemporaryDirectory(prefix="ghostdesk-soak-") as tmp:
        config = StackConfig.from_env(
            {},
            smtp_port=0,
            http_port=0,
            data_dir=Path(tmp),
            name_prefix="soak",
            agent_token="soak-token",  # noqa: S106 - the local agent API's token, for this run only
            faults=f"rate={fault_rate:g},seed={SEED}",
        )
        started = time.perf_counter()
        with LocalStack(config) as stack:
            if stack.init_errors:
                raise RuntimeError(f"functions failed to start: {stack.init_errors}")
            stack_up_s = time.perf_counter() - started
            t0 = time.time()
            sent_s = send_all(stack, mails)
            print(f"sent {messages} inquiries over SMTP in {sent_s:.1f} s; waiting for the stack", flush=True)
            stack.wait_until_idle(timeout=max(600.0, messages * 2.0))
            wall_s = time.time() - t0
            ledger = account(stack, mails)
            assert stack.faults is not None
            injected = dict(stack.faults.counts())
    summary = ledger.summary()
    result: dict[str, Any] = {
        "messages": messages,
        "fault_rate": fault_rate,
        "stack_start_s": round(stack_up_s, 1),
        "sent_in_s": round(sent_s, 1),
        "wall_s": round(wall_s, 1),
        "throughput_msgs_per_s": round(messages / wall_s, 2),
        "lost": summary["lost"],
        "duplicate_acks": summary["duplicate_acks"],
        "acknowledged": summary["acknowledged"],
        "ack_suppressed": dict(summary["ack_suppressed"]),
        "drafted": summary["drafted"],
        "failed_in_dlq": summary["dead_letters"],
        "dlq_reasons": summary["dead_letter_reasons"],
        "ack_latency_p50_s": summary["ack_latency_p50_s"],
        "ack_latency_p99_s": summary["ack_latency_p99_s"],
        "faults_injected": injected,
        "faults_injected_total": sum(injected.values()),
    }
    _print(result)
    return result


def _print(r: dict[str, Any]) -> None:
    print(
        f"soak: {r['messages']} messages, fault rate {r['fault_rate']:g} "
        f"({r['faults_injected_total']} faults injected: {r['faults_injected']})"
    )
    print(
        f"  throughput {r['throughput_msgs_per_s']} msgs/s ({r['wall_s']} s from first send to idle; "
        f"sent in {r['sent_in_s']} s; stack up in {r['stack_start_s']} s)"
    )
    print(
        f"  lost {r['lost']}, duplicate acks {r['duplicate_acks']}, acknowledged {r['acknowledged']}, "
        f"suppressed {r['ack_suppressed']}, drafted {r['drafted']}, failed (DLQ) {r['failed_in_dlq']}"
    )
    for reason, count in sorted(r["dlq_reasons"].items()):
        print(f"    DLQ x{count}: {reason}")
    print(
        f"  SMTP -> acknowledgement p50 {r['ack_latency_p50_s']} s, p99 {r['ack_latency_p99_s']} s",
        flush=True,
    )
