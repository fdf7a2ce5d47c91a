"""``ghostdesk diagnose`` throughput: 1,000 buyer emails through the CLI, as an operator would run it.

The emails are the demo emails and the relay fixtures, each copied with a fresh Message-ID until there
are 1,000; the orders come from ``demo/orders.json``. The number is messages per second of the whole
command (process start, imports, reading, parsing, triage, look-ups, diagnosis, JSON out).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((REPO / "demo" / "emails").glob("*.eml")),
    *sorted((REPO / "tests/fixtures/emails/relay").glob("*.eml")),
]
COUNT = 1000


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(COUNT):
            source = SOURCES[i % len(SOURCES)]
            raw = source.read_bytes().replace(b"Message-ID: <", f"Message-ID: <bench{i}.".encode(), 1)
            path = Path(tmp) / f"{i:04d}-{source.name}"
            path.write_bytes(raw)
            files.append(str(path))
        command = [
            str(Path(sys.executable).with_name("ghostdesk")),
            "diagnose",
            "--orders",
            str(REPO / "demo" / "orders.json"),
            "--now",
            "2026-11-20T12:00:00Z",
            "--json",
            *files,
        ]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line]
    cases: dict[str, int] = {}
    for line in lines:
        cases[line.get("case", "error")] = cases.get(line.get("case", "error"), 0) + 1
    result = {
        "messages": len(lines),
        "errors": len(errors),
        "seconds": round(elapsed, 3),
        "messages_per_second": round(len(lines) / elapsed, 1),
        "cases": dict(sorted(cases.items())),
    }
    print(f"{result['messages']} emails in {result['seconds']} s: {result['messages_per_second']} messages/s")
    print(f"errors: {result['errors']}; cases: {result['cases']}")
    return result
