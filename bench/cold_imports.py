"""Cold-start import time of every built function, beside a bare ``import boto3`` (needs ``make build``).

Runs ``scripts/check_built_functions.py`` on ``.aws-sam/build`` with the Lambda-like runtime Python in
``.tools/runtime``: each handler module imported in a fresh python3.12 with only its artifact, its
layers and the runtime's boto3 on the path.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def run() -> dict[str, Any]:
    build = REPO / ".aws-sam" / "build"
    runtime = REPO / ".tools" / "runtime" / "bin" / "python"
    if not build.is_dir() or not runtime.exists():
        raise RuntimeError("no build to measure: run `make build` first")
    command = [sys.executable, str(REPO / "scripts" / "check_built_functions.py"), str(build)]
    table = subprocess.run(
        [*command, "--runtime-python", str(runtime)], capture_output=True, text=True, check=True
    )
    print(table.stdout.strip())
    done = subprocess.run(
        [*command, "--runtime-python", str(runtime), "--json"], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result
