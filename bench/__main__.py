"""``python -m bench [NAME ...]``: run the named benchmarks (all by default), print and keep the numbers.

Each benchmark prints a short table and writes its numbers as JSON to ``.local/bench/<name>.json``,
so a run can be compared with the last one.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

BENCHMARKS = {
    "diagnose": "bench.diagnose_throughput",
    "imports": "bench.cold_imports",
    "order_burst": "bench.order_burst",
    "diagnosis_latency": "bench.diagnosis_latency",
    "soak": "bench.soak",
}
# Run only when named: a soak takes hours at the default 10,000 messages.
ON_REQUEST = {"soak"}
OUT = Path(".local/bench")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "names", nargs="*", choices=[*BENCHMARKS, []], help="benchmarks to run (default: all)"
    )
    parser.add_argument("--messages", type=int, default=None, help="soak: messages to send (10000)")
    parser.add_argument("--fault-rate", type=float, default=None, help="soak: fault probability (0.01)")
    args = parser.parse_args(argv)
    soak_options = {
        name: value
        for name, value in (("messages", args.messages), ("fault_rate", args.fault_rate))
        if value is not None
    }
    OUT.mkdir(parents=True, exist_ok=True)
    failed = False
    for name in args.names or [name for name in BENCHMARKS if name not in ON_REQUEST]:
        print(f"\n== {name} ==", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(BENCHMARKS[name])
        try:
            result = module.run(**soak_options) if name == "soak" else module.run()
        except Exception as exc:  # one broken benchmark must not hide the others' numbers
            print(f"{name}: FAILED: {exc!r}")
            failed = True
            continue
        result["bench_seconds"] = round(time.perf_counter() - started, 2)
        (OUT / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
