"""Dependency audit (``make audit``): known vulnerabilities in what ghostdesk ships and what it is built with.

Audits, with pip-audit, (1) the Lambda layer's runtime requirements (``src/requirements.txt``) as pip
resolves them today, which is what ``sam build`` would ship, and (2) the development environment
(``.venv``: the runtime packages at the versions tested, plus the tools).

pip-audit asks a vulnerability service (PyPI's JSON API, else OSV) about each package, and when that
service cannot be reached it *skips* every package and still says "No known vulnerabilities found".
So before auditing, a canary that is known to be vulnerable (``jinja2==2.10``) is audited: only a
service that reports the canary's vulnerabilities is trusted. Exit codes:

* 0 and "dependency audit passed": a working service found nothing;
* 1: vulnerabilities found (listed with the versions that fix them);
* 0 with a loud "dependency audit could not run: <reason>" when no service answers (an offline
  machine must still be able to run ``make test``), or 3 when ``GHOSTDESK_AUDIT_REQUIRED=1`` (CI with
  network access: an audit that cannot run is a failure there);
* 2: the audit broke for another reason.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RUNTIME_REQUIREMENTS = REPO / "src" / "requirements.txt"
SERVICES = ("pypi", "osv")
# Jinja2 2.10 has published advisories (e.g. CVE-2019-10906): a service that knows nothing about it
# is not answering, whatever pip-audit prints.
CANARY = "jinja2==2.10"
BANNER = "!" * 78


@dataclass(frozen=True)
class Finding:
    scope: str
    package: str
    version: str
    vulnerability: str
    fixed_in: tuple[str, ...]


class AuditUnavailable(Exception):
    """No vulnerability service answers (or pip-audit itself cannot run)."""


def pip_audit(tool: str, args: list[str], *, timeout: float = 600) -> tuple[int, dict[str, Any] | None, str]:
    command = [tool, "--format", "json", "--progress-spinner", "off", *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AuditUnavailable(f"pip-audit did not run: {exc}") from exc
    try:
        report = json.loads(done.stdout) if done.stdout.strip() else None
    except json.JSONDecodeError:
        report = None
    return done.returncode, report, done.stderr.strip()


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no output"


def working_service(tool: str) -> str:
    """The first service that reports the canary's vulnerabilities; AuditUnavailable when none does."""
    reasons = []
    with tempfile.TemporaryDirectory() as scratch:
        canary = Path(scratch) / "canary.txt"
        canary.write_text(CANARY + "\n")
        for service in SERVICES:
            code, report, stderr = pip_audit(
                tool, ["--disable-pip", "--no-deps", "-r", str(canary), "-s", service], timeout=120
            )
            dependencies = (report or {}).get("dependencies") or []
            if any(d.get("vulns") for d in dependencies):
                return service
            skipped = [d["skip_reason"] for d in dependencies if d.get("skip_reason")]
            reasons.append(f"{service}: {skipped[0] if skipped else last_line(stderr) or f'exit {code}'}")
    raise AuditUnavailable("no vulnerability service answers (" + "; ".join(reasons) + ")")


def findings_of(scope: str, report: dict[str, Any]) -> tuple[list[Finding], list[str]]:
    found, skipped = [], []
    for dependency in report.get("dependencies") or []:
        if dependency.get("skip_reason"):
            skipped.append(f"{dependency['name']}: {dependency['skip_reason']}")
        for vuln in dependency.get("vulns") or []:
            found.append(
                Finding(
                    scope,
                    dependency["name"],
                    dependency.get("version", "?"),
                    vuln.get("id", "?"),
                    tuple(vuln.get("fix_versions") or ()),
                )
            )
    return found, skipped


def audit(tool: str, python: str) -> tuple[list[Finding], list[str]]:
    service = working_service(tool)
    print(f"dependency audit: vulnerability service {service!r} answers; auditing")
    findings: list[Finding] = []
    notes: list[str] = []
    code, report, stderr = pip_audit(tool, ["-s", service, "-r", str(RUNTIME_REQUIREMENTS)])
    if report is None:
        notes.append(
            f"the runtime requirements could not be resolved ({last_line(stderr)}); "
            "their installed versions are audited with the development environment below"
        )
    else:
        found, skipped = findings_of("runtime (src/requirements.txt)", report)
        findings += found
        notes += [f"runtime: skipped {s}" for s in skipped]
    code, report, stderr = pip_audit(
        tool, ["-s", service, "--skip-editable", "--path", site_packages(python)]
    )
    if report is None:
        raise RuntimeError(
            f"pip-audit failed on the development environment (exit {code}): {last_line(stderr)}"
        )
    found, skipped = findings_of("development environment (.venv)", report)
    findings += found
    notes += [f"dev: skipped {s}" for s in skipped]
    return findings, notes


def site_packages(python: str) -> str:
    done = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--pip-audit", default=str(Path(sys.executable).with_name("pip-audit")))
    parser.add_argument("--python", default=sys.executable, help="the environment to audit")
    options = parser.parse_args(argv)
    required = os.environ.get("GHOSTDESK_AUDIT_REQUIRED") == "1"
    try:
        findings, notes = audit(options.pip_audit, options.python)
    except AuditUnavailable as unavailable:
        print(BANNER, file=sys.stderr)
        print(f"dependency audit could not run: {unavailable}", file=sys.stderr)
        print("NOTHING WAS CHECKED. Run `make audit` where PyPI or OSV is reachable", file=sys.stderr)
        print("(GHOSTDESK_AUDIT_REQUIRED=1 makes this a failure).", file=sys.stderr)
        print(BANNER, file=sys.stderr)
        return 3 if required else 0
    except Exception as broken:
        print(f"dependency audit failed: {broken}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}")
    if findings:
        print(f"dependency audit: {len(findings)} known vulnerabilities", file=sys.stderr)
        for f in sorted(findings, key=lambda f: (f.scope, f.package, f.vulnerability)):
            fix = ", ".join(f.fixed_in) or "no fixed version yet"
            print(
                f"  {f.scope}: {f.package} {f.version}: {f.vulnerability} (fixed in {fix})", file=sys.stderr
            )
        return 1
    print(
        "dependency audit passed: no known vulnerabilities in the runtime requirements or the dev environment"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
