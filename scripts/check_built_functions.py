"""Import every built Lambda handler the way Lambda would, and time its cold import.

``sam build`` output can be broken in ways no unit test sees: a module the layer forgot, a dependency
that only the developer's venv has, a handler path that does not exist, heavy work at import time. This
script catches those before a deploy does. For each ``AWS::Serverless::Function`` of the *built*
template it starts a fresh "runtime" interpreter (python3.12 with nothing but boto3, like Lambda's) whose
``sys.path`` is the function's artifact directory, then each of its layers' ``python/`` directories,
then the runtime's own libraries (the order Lambda uses), and imports the handler with an environment
like Lambda's. It repeats that several times and reports the median import time beside a bare
``import boto3`` measured the same way, so "our import costs N x boto3" is one glance.

Usage: check_built_functions.py [BUILD_DIR] [--runtime-python PATH] [--runs N] [--json]
Exit status 1 when any handler fails to import (or the build is missing), 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ghostdesk.local.cfn import PhysicalResource, Resolver, Template, resolve_parameters
from ghostdesk.local.provision import LOCAL_PARAMETER_DEFAULTS

REPO = Path(__file__).resolve().parents[1]
REGION = "us-east-1"
ACCOUNT = "123456789012"
STACK = "ghostdesk-buildcheck"
# Modules worth knowing about when they load at import time: each costs cold-start milliseconds.
WATCHED_MODULES = (
    "boto3",
    "botocore",
    "aws_lambda_powertools",
    "aws_xray_sdk",
    "jinja2",
    "sp_api",
    "httpx",
    "yaml",
    "pydantic",
)

# Runs inside the runtime interpreter (started with -I: no cwd, no PYTHON* variables, no user site).
_CHILD = r"""
import importlib, json, sys, time
config = json.loads(sys.argv[1])
runtime_paths = [p for p in sys.path if p]
sys.path[:] = config["paths"] + runtime_paths
started = time.perf_counter()
error = None
try:
    module = importlib.import_module(config["module"])
    if config["attribute"] and not callable(getattr(module, config["attribute"])):
        raise TypeError(f"{config['module']}.{config['attribute']} is not callable")
except BaseException as exc:
    import traceback
    error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    error += "\n" + "".join(traceback.format_tb(exc.__traceback__)[-3:])
elapsed_ms = (time.perf_counter() - started) * 1000
print(json.dumps({
    "ms": elapsed_ms,
    "error": error,
    "python": sys.version.split()[0],
    "loaded": sorted(m for m in config["watched"] if m in sys.modules),
}))
"""


@dataclass
class ImportReport:
    name: str
    handler: str
    ok: bool
    median_ms: float | None
    samples_ms: list[float] = field(default_factory=list)
    loaded_modules: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class BuildReport:
    build_dir: str
    runtime_python: str
    runtime_version: str
    runs: int
    boto3: ImportReport
    functions: list[ImportReport]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.boto3.ok and all(f.ok for f in self.functions)


@dataclass(frozen=True)
class BuiltFunction:
    name: str
    handler: str
    code_dir: Path
    layer_dirs: tuple[Path, ...]
    environment: dict[str, str]


# ------------------------------------------------------------------------------------- the built stack


def built_functions(build_dir: Path) -> list[BuiltFunction]:
    """The functions of the built template, with artifact paths and a Lambda-like environment."""
    template = Template.load(build_dir / "template.yaml")
    resolver = _dummy_resolver(template)
    functions = []
    for name in template.resources_of_type("AWS::Serverless::Function"):
        props = template.properties(name)
        layers = []
        for layer in props.get("Layers") or []:
            layer_id = layer.get("Ref") if isinstance(layer, dict) else None
            if layer_id is None or template.resource_type(layer_id) != "AWS::Serverless::LayerVersion":
                raise ValueError(f"{name}: layer {layer!r} is not a layer built by this template")
            layers.append(build_dir / str(template.properties(layer_id)["ContentUri"]))
        variables = resolver.resolve((props.get("Environment") or {}).get("Variables") or {})
        functions.append(
            BuiltFunction(
                name=name,
                handler=str(props["Handler"]),
                code_dir=build_dir / str(props["CodeUri"]),
                layer_dirs=tuple(layers),
                environment={key: str(value) for key, value in variables.items()},
            )
        )
    return functions


def _dummy_resolver(template: Template) -> Resolver:
    """Resolves the environment with made-up but well-formed names, ARNs and URLs."""
    resolver = Resolver(
        template=template,
        parameters=resolve_parameters(template, {}, LOCAL_PARAMETER_DEFAULTS),
        region=REGION,
        account_id=ACCOUNT,
        stack_name=STACK,
    )
    for name, resource in template.resources.items():
        kind = str(resource.get("Type", ""))
        physical = f"{STACK}-{name}"
        service = kind.split("::")[1].lower() if kind.count("::") == 2 else "unknown"
        arn = f"arn:aws:{service}:{REGION}:{ACCOUNT}:{physical}"
        ref: str = physical
        if kind == "AWS::SQS::Queue":
            ref = f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{physical}"
        elif kind in {"AWS::SecretsManager::Secret", "AWS::SNS::Topic", "AWS::Serverless::LayerVersion"}:
            ref = arn
        resolver.resources[name] = PhysicalResource(ref=ref, attributes={"Arn": arn})
    return resolver


def lambda_environment(function: BuiltFunction) -> dict[str, str]:
    """What Lambda sets for a function (the parts an import can notice), then the function's own."""
    return {
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_EXECUTION_ENV": "AWS_Lambda_python3.12",
        "AWS_LAMBDA_FUNCTION_NAME": f"{STACK}-{function.name}",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512",
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{STACK}-{function.name}",
        "AWS_LAMBDA_LOG_STREAM_NAME": "2026/01/01/[$LATEST]buildcheck",
        "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001",
        "AWS_ACCESS_KEY_ID": "buildcheck",
        "AWS_SECRET_ACCESS_KEY": "buildcheck",
        "AWS_SESSION_TOKEN": "buildcheck",
        "LAMBDA_TASK_ROOT": str(function.code_dir),
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        **function.environment,
    }


def layer_paths(layer_dirs: Sequence[Path]) -> list[str]:
    """The layer directories Lambda puts on sys.path (it extracts every layer into /opt)."""
    paths = []
    for layer in layer_dirs:
        for candidate in (layer / "python" / "lib" / "python3.12" / "site-packages", layer / "python"):
            if candidate.is_dir():
                paths.append(str(candidate))
    return paths


def templates_dir(layer_dirs: Sequence[Path]) -> Path | None:
    """The layer folder that lands at /opt/templates in Lambda."""
    found = [layer / "templates" for layer in layer_dirs if (layer / "templates").is_dir()]
    return found[0] if found else None


# ------------------------------------------------------------------------------------------ measuring


def time_import(
    runtime_python: Path,
    *,
    name: str,
    handler: str,
    paths: Sequence[str],
    environment: Mapping[str, str],
    runs: int,
) -> tuple[ImportReport, str]:
    """Import ``handler`` (``module.attribute``) in ``runs`` fresh interpreters; report the median."""
    module, _, attribute = handler.rpartition(".") if "." in handler else (handler, "", "")
    config = json.dumps(
        {"paths": list(paths), "module": module, "attribute": attribute, "watched": WATCHED_MODULES}
    )
    samples: list[float] = []
    loaded: list[str] = []
    version = ""
    for _ in range(runs):
        completed = subprocess.run(
            [str(runtime_python), "-I", "-c", _CHILD, config],
            capture_output=True,
            text=True,
            env=dict(environment),
            timeout=120,
            check=False,
        )
        try:
            result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            stderr = completed.stderr.strip()[-2000:]
            error = f"the runtime interpreter failed (exit {completed.returncode}): {stderr}"
            return ImportReport(name, handler, ok=False, median_ms=None, error=error), version
        version = str(result["python"])
        if result["error"]:
            return ImportReport(name, handler, ok=False, median_ms=None, error=str(result["error"])), version
        samples.append(round(float(result["ms"]), 2))
        loaded = list(result["loaded"])
    report = ImportReport(
        name,
        handler,
        ok=True,
        median_ms=round(statistics.median(samples), 2),
        samples_ms=samples,
        loaded_modules=loaded,
    )
    return report, version


def check(build_dir: Path, runtime_python: Path, runs: int) -> BuildReport:
    problems = []
    if not (build_dir / "template.yaml").is_file():
        problems.append(f"no built template at {build_dir / 'template.yaml'}: run make build")
    if not runtime_python.is_file():
        problems.append(f"no runtime interpreter at {runtime_python}: run make build")
    if problems:
        empty = ImportReport("import boto3", "boto3", ok=False, median_ms=None, error="not run")
        return BuildReport(str(build_dir), str(runtime_python), "", runs, empty, [], problems)

    base_env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "en_US.UTF-8", "AWS_REGION": REGION}
    boto3_report, version = time_import(
        runtime_python, name="import boto3", handler="boto3", paths=[], environment=base_env, runs=runs
    )
    reports = []
    for function in built_functions(build_dir):
        environment = lambda_environment(function)
        macros = templates_dir(function.layer_dirs)
        if macros is None:
            problems.append(f"{function.name}: no layer provides templates/ (the reply macros)")
        else:
            environment["GHOSTDESK_TEMPLATES_DIR"] = str(macros)
        report, _ = time_import(
            runtime_python,
            name=function.name,
            handler=function.handler,
            paths=[str(function.code_dir), *layer_paths(function.layer_dirs)],
            environment=environment,
            runs=runs,
        )
        reports.append(report)
    return BuildReport(str(build_dir), str(runtime_python), version, runs, boto3_report, reports, problems)


# ---------------------------------------------------------------------------------------------- output


def render_table(report: BuildReport) -> str:
    lines = [
        f"Cold imports in {report.runtime_python} (Python {report.runtime_version or '?'}), "
        f"median of {report.runs} fresh interpreters",
        "",
        f"{'function':<20} {'handler':<14} {'import ms':>10} {'x boto3':>8}  modules loaded at import",
    ]
    base = report.boto3.median_ms
    for item in [report.boto3, *report.functions]:
        if item.ok and item.median_ms is not None:
            ratio = f"{item.median_ms / base:.2f}" if base else "-"
            lines.append(
                f"{item.name:<20} {item.handler:<14} {item.median_ms:>10.1f} {ratio:>8}  "
                f"{', '.join(item.loaded_modules) or '-'}"
            )
        else:
            lines.append(f"{item.name:<20} {item.handler:<14} {'FAILED':>10}")
            lines.extend(f"    {line}" for line in (item.error or "").splitlines())
    lines.extend(f"problem: {problem}" for problem in report.problems)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("build_dir", nargs="?", type=Path, default=REPO / ".aws-sam" / "build")
    parser.add_argument("--runtime-python", type=Path, default=REPO / ".tools" / "runtime" / "bin" / "python")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    report = check(args.build_dir.resolve(), args.runtime_python.absolute(), args.runs)
    if args.json:
        print(json.dumps({**asdict(report), "ok": report.ok}, indent=2))
    else:
        print(render_table(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
