"""The `sam build` output works in a Lambda-like runtime: every handler imports, the layers are laid out
as Lambda expects them under /opt, and the checker itself fails on a broken build.

`make test` runs `sam build` before pytest; without its output these tests fail (they never skip), so a
green run always means the deployable artifacts were checked.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from ghostdesk.local.cfn import Template
from tests.shared_data import REPO

pytestmark = pytest.mark.build

BUILD_DIR = REPO / ".aws-sam" / "build"
RUNTIME_PYTHON = REPO / ".tools" / "runtime" / "bin" / "python"
SCRIPT = REPO / "scripts" / "check_built_functions.py"


def run_checker(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300, check=False
    )


def require_build() -> None:
    if not (BUILD_DIR / "template.yaml").is_file():
        pytest.fail(f"no sam build output in {BUILD_DIR}: run make build")
    if not RUNTIME_PYTHON.is_file():
        pytest.fail(f"no Lambda-like runtime interpreter at {RUNTIME_PYTHON}: run make build")


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    require_build()
    completed = run_checker(str(BUILD_DIR), "--runtime-python", str(RUNTIME_PYTHON), "--runs", "2", "--json")
    try:
        parsed: dict[str, Any] = json.loads(completed.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"checker printed no JSON (exit {completed.returncode}): {completed.stderr[-2000:]}")
    return parsed


def test_every_function_of_the_template_is_built_and_its_handler_imports_in_the_runtime(
    report: dict[str, Any],
) -> None:
    declared = set(Template.load(REPO / "template.yaml").resources_of_type("AWS::Serverless::Function"))
    checked = {f["name"] for f in report["functions"]}
    assert checked == declared, "the build is stale or incomplete: run make build"
    failures = {f["name"]: f["error"] for f in report["functions"] if not f["ok"]}
    assert not failures, "\n\n".join(f"{name}:\n{error}" for name, error in failures.items())
    assert report["problems"] == []
    assert report["runtime_version"].startswith("3.12")
    assert report["ok"] is True


def test_the_package_layer_ships_ghostdesk_and_its_requirements_but_not_boto3() -> None:
    require_build()
    python_dir = BUILD_DIR / "GhostdeskLayer" / "python"
    assert (python_dir / "ghostdesk" / "__init__.py").is_file()
    installed = {re.sub(r"-[^-]+\.dist-info$", "", p.name).lower() for p in python_dir.glob("*.dist-info")}
    requirements = (REPO / "src" / "requirements.txt").read_text().splitlines()
    for line in requirements:
        name = re.split(r"[\s<>=!~\[;]", line.strip(), maxsplit=1)[0]
        if name and not name.startswith("#"):
            assert name.lower().replace("-", "_") in installed, f"{name} from src/requirements.txt is missing"
    # The runtime brings boto3; a second copy in the layer would shadow it and cost cold-start time.
    assert not [
        p.name for p in python_dir.iterdir() if p.name.startswith(("boto3", "botocore", "s3transfer"))
    ]


def test_the_macros_layer_puts_every_language_under_opt_templates() -> None:
    require_build()
    layer = BUILD_DIR / "MacrosLayer"
    assert [p.name for p in layer.iterdir()] == ["templates"], (
        "a layer extracts to /opt: only templates/ belongs there"
    )
    source = REPO / "templates"
    languages = sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith("."))
    assert languages, "templates/ holds no language folders"
    for language in languages:
        expected = sorted(str(p.relative_to(source)) for p in (source / language).rglob("*") if p.is_file())
        built = sorted(
            str(p.relative_to(layer / "templates")) for p in (layer / "templates" / language).rglob("*")
        )
        assert [p for p in expected if p not in built] == [], f"macros of {language!r} missing from the layer"


def test_the_checker_fails_and_names_the_error_when_a_handler_cannot_import(tmp_path: Path) -> None:
    require_build()
    (tmp_path / "Broken").mkdir()
    (tmp_path / "Broken" / "app.py").write_text(
        "import ghostdesk_does_not_exist\n\ndef handler(e, c):\n    pass\n"
    )
    (tmp_path / "Fine").mkdir()
    (tmp_path / "Fine" / "app.py").write_text("def handler(e, c):\n    return None\n")
    (tmp_path / "Macros" / "templates" / "en").mkdir(parents=True)
    (tmp_path / "template.yaml").write_text(
        textwrap.dedent(
            """\
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Layers: [!Ref Macros]
            Resources:
              Macros:
                Type: AWS::Serverless::LayerVersion
                Properties: {ContentUri: Macros}
              Broken:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: Broken, Handler: app.handler}
              Fine:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: Fine, Handler: app.handler}
            """
        )
    )
    completed = run_checker(str(tmp_path), "--runtime-python", str(RUNTIME_PYTHON), "--runs", "1", "--json")
    assert completed.returncode == 1
    results = {f["name"]: f for f in json.loads(completed.stdout)["functions"]}
    assert results["Fine"]["ok"] is True
    assert results["Broken"]["ok"] is False
    assert "ghostdesk_does_not_exist" in results["Broken"]["error"]


def test_the_checker_says_run_make_build_when_there_is_no_build(tmp_path: Path) -> None:
    completed = run_checker(str(tmp_path / "missing"), "--runs", "1")
    assert completed.returncode == 1
    assert "run make build" in completed.stdout
