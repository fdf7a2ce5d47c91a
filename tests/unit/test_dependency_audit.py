"""``make audit`` tells the truth: a finding fails it, an unreachable vulnerability service is announced
loudly instead of passing for a clean bill, and a working service with nothing to report passes.

pip-audit is replaced by a stand-in executable that answers as pip-audit 2.x does (its JSON report) for
three worlds: offline (every package skipped, as on this machine), vulnerable, and clean.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.shared_data import REPO

SCRIPT = REPO / "scripts" / "audit_dependencies.py"
FAKE_PIP_AUDIT = textwrap.dedent(
    """\
    import json, os, sys
    args = sys.argv[1:]
    world = os.environ["FAKE_WORLD"]
    requirement = args[args.index("-r") + 1] if "-r" in args else None
    canary = requirement is not None and "jinja2==2.10" in open(requirement).read()
    if world == "offline":
        name = "jinja2" if canary else "httpx"
        skip = f"Dependency not found on PyPI and could not be audited: {name} (1.0)"
        print(json.dumps({"dependencies": [{"name": name, "skip_reason": skip}], "fixes": []}))
        sys.exit(0)
    if canary:
        vuln = {"id": "PYSEC-2019-217", "fix_versions": ["2.10.1"], "aliases": ["CVE-2019-10906"]}
        print(json.dumps({"dependencies": [{"name": "jinja2", "version": "2.10", "vulns": [vuln]}]}))
        sys.exit(1)
    vulns = []
    if world == "vulnerable" and requirement:
        vulns = [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.5"], "aliases": []}]
    print(json.dumps({"dependencies": [{"name": "jinja2", "version": "3.1.4", "vulns": vulns}], "fixes": []}))
    sys.exit(1 if vulns else 0)
    """
)


def run_audit(tmp_path: Path, world: str, **env: str) -> subprocess.CompletedProcess[str]:
    fake = tmp_path / "pip-audit"
    fake.write_text(f"#!{sys.executable}\n{FAKE_PIP_AUDIT}")
    fake.chmod(0o755)
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--pip-audit", str(fake)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "FAKE_WORLD": world, **env},
    )


def test_without_a_vulnerability_service_it_says_loudly_that_nothing_was_checked(tmp_path: Path) -> None:
    done = run_audit(tmp_path, "offline")
    assert done.returncode == 0  # make test stays green on an offline machine ...
    assert "dependency audit could not run:" in done.stderr  # ... and says so
    assert "Dependency not found on PyPI" in done.stderr
    assert "NOTHING WAS CHECKED" in done.stderr
    assert "passed" not in done.stdout


def test_where_the_audit_is_required_an_unreachable_service_fails_it(tmp_path: Path) -> None:
    done = run_audit(tmp_path, "offline", GHOSTDESK_AUDIT_REQUIRED="1")
    assert done.returncode == 3
    assert "dependency audit could not run:" in done.stderr


def test_a_known_vulnerability_fails_the_audit_and_names_the_fixed_version(tmp_path: Path) -> None:
    done = run_audit(tmp_path, "vulnerable")
    assert done.returncode == 1
    assert "runtime (src/requirements.txt): jinja2 3.1.4: GHSA-h5c8-rqwp-cp95 (fixed in 3.1.5)" in done.stderr


def test_a_working_service_with_nothing_to_report_passes(tmp_path: Path) -> None:
    done = run_audit(tmp_path, "clean")
    assert done.returncode == 0, done.stderr
    assert "dependency audit passed" in done.stdout
    assert "could not run" not in done.stderr
