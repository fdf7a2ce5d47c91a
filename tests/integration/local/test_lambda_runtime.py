"""The local Lambda runtime: a handler sees what it would see in Lambda, and fails the way Lambda fails."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ghostdesk.local.lambda_runtime import LocalFunction
from tests.integration.local.conftest import ACCOUNT, LAMBDAS, REGION, function_spec


@pytest.fixture
def make_function(tmp_path: Path) -> Iterator[object]:
    made: list[LocalFunction] = []

    def make(**kwargs: object) -> LocalFunction:
        max_concurrency = int(kwargs.pop("max_concurrency", 1))  # type: ignore[call-overload]
        function = LocalFunction(
            function_spec(**kwargs),  # type: ignore[arg-type]
            region=REGION,
            account_id=ACCOUNT,
            endpoint_url="http://127.0.0.1:5999",
            log_dir=tmp_path / "logs",
            max_concurrency=max_concurrency,
        )
        made.append(function)
        return function

    yield make
    for function in made:
        function.close()


def test_handler_sees_only_the_function_environment_and_lambda_variables(make_function, monkeypatch):
    monkeypatch.setenv("GHOSTDESK_DEVELOPER_SECRET", "from-the-laptop-shell")
    monkeypatch.setenv("AWS_PROFILE", "production")
    function = make_function(environment={"GHOSTDESK_SENDER": "support@ghostdesk.local"})

    result = function.invoke({})

    assert result.ok, result.error
    env = result.payload["environ"]
    assert env["GHOSTDESK_SENDER"] == "support@ghostdesk.local"
    assert "GHOSTDESK_DEVELOPER_SECRET" not in env
    assert "AWS_PROFILE" not in env
    assert env["AWS_ENDPOINT_URL"] == "http://127.0.0.1:5999"
    assert env["AWS_REGION"] == env["AWS_DEFAULT_REGION"] == REGION
    assert env["AWS_ACCESS_KEY_ID"] == "testing"
    assert env["AWS_LAMBDA_FUNCTION_NAME"] == "ProbeFunction"
    assert env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "256"
    assert env["_HANDLER"] == "app.handler"
    assert env["LAMBDA_TASK_ROOT"] == str(LAMBDAS / "probe")
    assert env["AWS_CONFIG_FILE"] == os.devnull
    assert result.payload["sys_path_0"] == str(LAMBDAS / "probe")
    assert result.payload["cwd"] == str(LAMBDAS / "probe")


def test_context_has_lambdas_attributes(make_function):
    function = make_function(timeout_s=3)

    result = function.invoke({}, request_id="11111111-2222-3333-4444-555555555555")

    context = result.payload["context"]
    assert context["aws_request_id"] == "11111111-2222-3333-4444-555555555555"
    assert context["function_name"] == "ProbeFunction"
    assert context["function_version"] == "$LATEST"
    assert context["invoked_function_arn"] == f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:ProbeFunction"
    assert context["memory_limit_in_mb"] == "256"
    assert context["log_group_name"] == "/aws/lambda/ProbeFunction"
    assert "[$LATEST]" in context["log_stream_name"]
    assert 2000 < context["remaining_ms"] <= 3000


def test_environment_stays_warm_between_invocations(make_function):
    function = make_function()

    first = function.invoke({})
    second = function.invoke({})

    assert first.init_ms is not None  # cold start
    assert second.init_ms is None  # warm
    assert second.payload["invocations"] == 2
    assert second.payload["loaded_at"] == first.payload["loaded_at"]


def test_handler_exception_is_reported_like_lambda_and_environment_survives(make_function):
    function = make_function()
    warm = function.invoke({})

    failed = function.invoke({"action": "raise"}, request_id="req-1")
    after = function.invoke({})

    assert failed.error is not None
    payload = failed.error.to_payload()
    assert payload["errorType"] == "ValueError"
    assert payload["errorMessage"] == "the buyer's order is not a number"
    assert payload["requestId"] == "req-1"
    assert any("in handler" in line and "app.py" in line for line in payload["stackTrace"])
    assert not any("lambda_worker" in line for line in payload["stackTrace"])
    assert after.ok
    assert after.payload["loaded_at"] == warm.payload["loaded_at"]


def test_timeout_kills_the_environment_and_reports_lambdas_error(make_function, tmp_path):
    function = make_function(timeout_s=1)
    before = function.invoke({})

    started = time.monotonic()
    timed_out = function.invoke({"action": "sleep", "seconds": 30}, request_id="slow-1")
    elapsed = time.monotonic() - started
    after = function.invoke({})

    assert elapsed < 3
    assert timed_out.error is not None
    assert timed_out.error.error_type == "Sandbox.Timedout"
    assert "Task timed out after 1.00 seconds" in timed_out.error.error_message
    assert after.ok
    assert after.init_ms is not None  # a fresh environment
    assert after.payload["loaded_at"] != before.payload["loaded_at"]
    assert "slow-1 Task timed out after 1.00 seconds" in (tmp_path / "logs" / "ProbeFunction.log").read_text()


def test_runtime_exit_is_reported_and_next_invocation_starts_fresh(make_function):
    function = make_function()

    crashed = function.invoke({"action": "exit"})
    after = function.invoke({})

    assert crashed.error is not None
    assert crashed.error.error_type == "Runtime.ExitError"
    assert "exit status 3" in crashed.error.error_message
    assert after.ok


def test_import_error_is_reported_as_lambdas_init_error(make_function):
    function = make_function(code="broken")

    result = function.invoke({})

    assert result.error is not None
    assert result.error.error_type == "Runtime.ImportModuleError"
    assert "Unable to import module 'app'" in result.error.error_message
    assert "ghostdesk_module_that_does_not_exist" in result.error.error_message


def test_unserialisable_return_is_a_marshal_error(make_function):
    result = make_function().invoke({"action": "unserialisable"})

    assert result.error is not None
    assert result.error.error_type == "Runtime.MarshalError"


def test_handler_output_goes_to_the_function_log(make_function, tmp_path):
    function = make_function()

    result = function.invoke({"action": "print", "message": "drafted"}, request_id="log-req")

    log = (tmp_path / "logs" / "ProbeFunction.log").read_text()
    assert result.ok
    assert "START RequestId: log-req Version: $LATEST" in log
    assert '{"level": "INFO", "message": "drafted"}' in log
    assert "to stderr" in log
    assert "END RequestId: log-req" in log
    assert "REPORT RequestId: log-req\tDuration:" in log


def test_reserved_environment_keys_are_rejected_like_a_deployment(make_function):
    with pytest.raises(ValueError, match="AWS_REGION"):
        make_function(environment={"AWS_REGION": "eu-west-1"})


def test_concurrent_invocations_use_separate_environments(make_function):
    function = make_function(max_concurrency=2, timeout_s=5)
    results = []

    def call() -> None:
        results.append(function.invoke({"action": "sleep", "seconds": 0.8}))

    threads = [threading.Thread(target=call) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(result.ok for result in results)
    first, second = (result.payload for result in results)
    assert first["pid"] != second["pid"]  # two execution environments
    assert max(first["began"], second["began"]) < min(first["ended"], second["ended"])  # side by side
