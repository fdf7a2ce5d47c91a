"""A local Lambda service: warm execution environments, one subprocess each, for the template's functions.

Why subprocesses and not ``importlib`` in the stack's own process: a Lambda function sees only its own
environment variables, its own code directory first on ``sys.path``, its own module-level state, and it
is killed when it runs past its timeout. A subprocess per execution environment gives all four, so a
handler that works here works the same in Lambda (and one that leans on something only the laptop has
fails here too). Each environment runs :mod:`ghostdesk.local.lambda_worker`; this module starts them,
feeds them invocations, enforces timeouts, and keeps up to ``max_concurrency`` of them per function, as
Lambda scales execution environments with concurrent invocations.

What an environment gets, and nothing else from the developer's shell:

* the function's ``environment`` from the template (resolved by ``provision``);
* the variables Lambda's runtime sets (``AWS_LAMBDA_FUNCTION_NAME``, ``_HANDLER``, ``LAMBDA_TASK_ROOT``,
  ``AWS_REGION``, ``TZ``, ...), dummy credentials, and ``AWS_ENDPOINT_URL`` pointing boto3 at the local
  stack's embedded AWS (moto server). ``AWS_CONFIG_FILE``/``AWS_SHARED_CREDENTIALS_FILE`` point at
  ``/dev/null`` so a developer's real AWS profile can never be used by a local function;
* ``AWS_SAM_LOCAL=true``, as ``sam local`` sets it: Powertools Tracer then stays off (no X-Ray daemon).

The function's stdout/stderr (Powertools' JSON log lines, the runtime's START/END/REPORT lines) are
appended to ``<log_dir>/<LogicalId>.log``: the local CloudWatch log group.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from ghostdesk.local.resources import FunctionSpec

log = logging.getLogger(__name__)

# Lambda lets the init phase (importing the handler module) run this long before it counts against
# the invocation's own timeout.
INIT_TIMEOUT_S = 10.0
MAX_REQUEST_BYTES = 6 * 1024 * 1024
DUMMY_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
}
# Keys Lambda reserves for itself; a function that sets one is rejected at deployment.
RESERVED_KEYS = frozenset(
    {
        "_HANDLER",
        "_X_AMZN_TRACE_ID",
        "AWS_DEFAULT_REGION",
        "AWS_REGION",
        "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE",
        "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API",
        "LAMBDA_TASK_ROOT",
        "LAMBDA_RUNTIME_DIR",
    }
)


@dataclass(frozen=True)
class LambdaError:
    """A failed invocation, as Lambda reports it in the response payload."""

    error_type: str
    error_message: str
    request_id: str
    stack_trace: tuple[str, ...] = ()

    def to_payload(self) -> dict[str, Any]:
        return {
            "errorMessage": self.error_message,
            "errorType": self.error_type,
            "requestId": self.request_id,
            "stackTrace": list(self.stack_trace),
        }

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any], request_id: str) -> LambdaError:
        return cls(
            error_type=str(payload.get("errorType", "Runtime.Unknown")),
            error_message=str(payload.get("errorMessage", "")),
            request_id=request_id,
            stack_trace=tuple(str(line) for line in payload.get("stackTrace") or ()),
        )


@dataclass(frozen=True)
class InvocationResult:
    """The outcome of one synchronous invocation (``Invoke`` with ``RequestResponse``)."""

    function_name: str
    request_id: str
    payload: Any  # the handler's return value after Lambda's JSON round trip; None on error
    error: LambdaError | None
    duration_ms: float
    init_ms: float | None = None  # set on a cold start

    @property
    def ok(self) -> bool:
        return self.error is None


class Invocable(Protocol):
    """What an event source or the gateway needs of a function (:class:`LocalFunction` is one)."""

    name: str
    spec: FunctionSpec

    def invoke(self, event: Any, *, request_id: str | None = None) -> InvocationResult: ...


class _Timeout(Exception):
    pass


class _WorkerGone(Exception):
    pass


class _Worker:
    """One execution environment: a ``lambda_worker`` subprocess and its two pipes."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path, log_path: Path) -> None:
        request_read, self._request_write = os.pipe()
        self._response_read, response_write = os.pipe()
        command = [*command, "--request-fd", str(request_read), "--response-fd", str(response_write)]
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("ab") as log_file:
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                command,
                env=env,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                pass_fds=(request_read, response_write),
                start_new_session=True,  # its own process group: a timeout kills what it spawned too
            )
        os.close(request_read)
        os.close(response_write)
        self._buffer = b""
        self.log_path = log_path

    def read_message(self, deadline: float) -> dict[str, Any]:
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Timeout
            ready, _, _ = select.select([self._response_read], [], [], remaining)
            if not ready:
                raise _Timeout
            chunk = os.read(self._response_read, 1 << 16)
            if not chunk:
                raise _WorkerGone
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        message: dict[str, Any] = json.loads(line)
        return message

    def send(self, message: Mapping[str, Any]) -> None:
        data = (json.dumps(message, separators=(",", ":")) + "\n").encode("utf-8")
        try:
            view = memoryview(data)
            while view:
                written = os.write(self._request_write, view)
                view = view[written:]
        except (BrokenPipeError, OSError) as exc:
            raise _WorkerGone from exc

    def exit_description(self) -> str:
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # it closed its pipe but lingers: finish it
            self.kill()
            code = self.process.returncode
        if code < 0:
            return f"signal: {signal.Signals(-code).name.removeprefix('SIG').lower()}"
        return f"exit status {code}"

    def kill(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.close_pipes()

    def stop(self, grace_s: float = 2.0) -> None:
        """Close the request pipe (the worker exits on EOF); kill it if it lingers."""
        self.close_pipes()
        try:
            self.process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            self.kill()

    def close_pipes(self) -> None:
        for fd in (self._request_write, self._response_read):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._request_write = self._response_read = -1

    def append_log(self, text: str) -> None:
        with self.log_path.open("a", encoding="utf-8") as log_file:
            log_file.write(text)


def lambda_environment(
    spec: FunctionSpec,
    *,
    function_name: str,
    region: str,
    endpoint_url: str | None,
    log_stream_name: str,
) -> dict[str, str]:
    """The complete environment of one execution environment of ``spec``."""
    reserved = sorted(RESERVED_KEYS & spec.environment.keys())
    if reserved:
        raise ValueError(
            f"{spec.logical_id}: Lambda was unable to configure your environment variables because they "
            f"contain reserved keys: {', '.join(reserved)}"
        )
    interpreter_dir = str(Path(sys.executable).parent)
    env = {
        "PATH": os.pathsep.join([interpreter_dir, "/usr/local/bin", "/usr/bin", "/bin"]),
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "LAMBDA_TASK_ROOT": str(spec.code_dir),
        "LAMBDA_RUNTIME_DIR": str(Path(sys.prefix)),
        "_HANDLER": spec.handler,
        "AWS_EXECUTION_ENV": "AWS_Lambda_python3.12",
        "AWS_LAMBDA_FUNCTION_NAME": function_name,
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(spec.memory_mb),
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{function_name}",
        "AWS_LAMBDA_LOG_STREAM_NAME": log_stream_name,
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
        **DUMMY_CREDENTIALS,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_SAM_LOCAL": "true",
    }
    if endpoint_url:
        env["AWS_ENDPOINT_URL"] = endpoint_url
    env.update(spec.environment)
    return env


class LocalFunction:
    """One function of the template, invoked synchronously from any thread.

    Up to ``max_concurrency`` execution environments run side by side; an invocation takes an idle
    (warm) one, starts a new one (cold) if the limit allows, or waits for one to come free.
    """

    def __init__(
        self,
        spec: FunctionSpec,
        *,
        region: str,
        account_id: str,
        endpoint_url: str | None,
        log_dir: Path,
        function_name: str | None = None,
        max_concurrency: int = 1,
        on_result: Callable[[InvocationResult], None] | None = None,
    ) -> None:
        if max_concurrency < 1:
            raise ValueError("max_concurrency must be at least 1")
        self.spec = spec
        self.name = function_name or spec.logical_id
        self.arn = f"arn:aws:lambda:{region}:{account_id}:function:{self.name}"
        self.log_path = log_dir / f"{spec.logical_id}.log"
        self.max_concurrency = max_concurrency
        self._region = region
        self._endpoint_url = endpoint_url
        self._on_result = on_result
        self._lock = threading.Condition()
        self._idle: list[_Worker] = []
        self._count = 0  # environments alive or starting
        self._in_flight = 0
        self._closed = False
        # Fail fast, at start-up, on a template that Lambda would reject.
        lambda_environment(
            spec, function_name=self.name, region=region, endpoint_url=None, log_stream_name=""
        )

    @property
    def in_flight(self) -> int:
        with self._lock:
            return self._in_flight

    def invoke(self, event: Any, *, request_id: str | None = None) -> InvocationResult:
        """Run the handler on ``event``; never raises for what the handler does."""
        request_id = request_id or str(uuid.uuid4())
        request = {
            "request_id": request_id,
            "invoked_function_arn": self.arn,
            "event": event,
        }
        if len(json.dumps(event)) > MAX_REQUEST_BYTES:
            return self._finish(
                self._error(
                    request_id,
                    "RequestEntityTooLargeException",
                    "Request must be smaller than "
                    f"{MAX_REQUEST_BYTES} bytes for the InvokeFunction operation",
                )
            )
        with self._lock:
            self._in_flight += 1
        try:
            return self._finish(self._invoke(request, request_id))
        finally:
            with self._lock:
                self._in_flight -= 1
                self._lock.notify_all()

    def warm(self) -> LambdaError | None:
        """Start one execution environment ahead of the first invocation (like provisioned
        concurrency): import errors show at start-up instead of on the first mail."""
        with self._lock:
            if self._idle or self._count or self._closed:
                return None
            self._count += 1
        worker, _, error = self._start_worker("warm-up")
        self._release(worker)
        return error

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
            self._lock.notify_all()
        for worker in idle:
            worker.stop()
        # Busy environments finish their invocation, then are stopped by _release.
        deadline = time.monotonic() + self.spec.timeout_s + 5
        with self._lock:
            while self._count and time.monotonic() < deadline:
                self._lock.wait(timeout=0.1)

    # -- internals ---------------------------------------------------------------------------------

    def _invoke(self, request: dict[str, Any], request_id: str) -> InvocationResult:
        worker, init_ms = self._acquire()
        if worker is None and init_ms is None:  # closed
            return self._error(request_id, "ServiceException", "The local stack is shutting down")
        init_error: LambdaError | None = None
        if init_ms is not None:
            worker, init_ms, init_error = self._start_worker(request_id)
            if init_error is not None:
                self._release(worker)
                return InvocationResult(self.name, request_id, None, init_error, 0.0, init_ms)
        assert worker is not None
        timeout_s = float(self.spec.timeout_s)
        started = time.monotonic()
        request["deadline_epoch_ms"] = int((time.time() + timeout_s) * 1000)
        try:
            worker.send(request)
            response = worker.read_message(started + timeout_s)
        except _Timeout:
            worker.kill()
            elapsed = time.monotonic() - started
            stamp = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            worker.append_log(
                f"{stamp} {request_id} Task timed out after {timeout_s:.2f} seconds\n"
                f"END RequestId: {request_id}\n"
                f"REPORT RequestId: {request_id}\tDuration: {elapsed * 1000:.2f} ms\tStatus: timeout\n"
            )
            self._release(None)
            return InvocationResult(
                self.name,
                request_id,
                None,
                LambdaError(
                    "Sandbox.Timedout",
                    f"RequestId: {request_id} Error: Task timed out after {timeout_s:.2f} seconds",
                    request_id,
                ),
                elapsed * 1000,
                init_ms,
            )
        except _WorkerGone:
            worker.close_pipes()
            how = worker.exit_description()
            self._release(None)
            return InvocationResult(
                self.name,
                request_id,
                None,
                LambdaError(
                    "Runtime.ExitError",
                    f"RequestId: {request_id} Error: Runtime exited with error: {how}",
                    request_id,
                ),
                (time.monotonic() - started) * 1000,
                init_ms,
            )
        self._release(worker)
        duration_ms = float(response.get("duration_ms", (time.monotonic() - started) * 1000))
        if "error" in response:
            error = LambdaError.from_payload(response["error"], request_id)
            return InvocationResult(self.name, request_id, None, error, duration_ms, init_ms)
        payload = json.loads(response["payload"])
        return InvocationResult(self.name, request_id, payload, None, duration_ms, init_ms)

    def _acquire(self) -> tuple[_Worker | None, float | None]:
        """An idle environment (init_ms None), or permission to start one (worker None, init_ms 0)."""
        with self._lock:
            while True:
                if self._closed:
                    return None, None
                if self._idle:
                    return self._idle.pop(), None
                if self._count < self.max_concurrency:
                    self._count += 1
                    return None, 0.0
                self._lock.wait()

    def _start_worker(self, request_id: str) -> tuple[_Worker | None, float | None, LambdaError | None]:
        stream = f"{datetime.now(UTC):%Y/%m/%d}/[$LATEST]{uuid.uuid4().hex}"
        env = lambda_environment(
            self.spec,
            function_name=self.name,
            region=self._region,
            endpoint_url=self._endpoint_url,
            log_stream_name=stream,
        )
        command = [sys.executable, "-m", "ghostdesk.local.lambda_worker"]
        worker = _Worker(command, env, self.spec.code_dir, self.log_path)
        deadline = time.monotonic() + INIT_TIMEOUT_S + self.spec.timeout_s
        try:
            hello = worker.read_message(deadline)
        except _Timeout:
            worker.kill()
            limit = INIT_TIMEOUT_S + self.spec.timeout_s
            message = f"RequestId: {request_id} Error: Task timed out after {limit:.2f} seconds (init)"
            return None, None, LambdaError("Sandbox.Timedout", message, request_id)
        except _WorkerGone:
            worker.close_pipes()
            return (
                None,
                None,
                LambdaError(
                    "Runtime.ExitError",
                    f"RequestId: {request_id} Error: Runtime exited with error: {worker.exit_description()}",
                    request_id,
                ),
            )
        init_ms = float(hello.get("init_ms", 0.0))
        if "init_error" in hello:
            worker.stop()
            error = LambdaError.from_payload(hello["init_error"], request_id)
            return None, init_ms, error
        return worker, init_ms, None

    def _release(self, worker: _Worker | None) -> None:
        """Give an environment back to the pool, or account for one that is gone."""
        stop = False
        with self._lock:
            if worker is not None and not self._closed:
                self._idle.append(worker)
            else:
                self._count -= 1
                stop = worker is not None
            self._lock.notify_all()
        if stop and worker is not None:
            worker.stop()

    def _error(self, request_id: str, error_type: str, message: str) -> InvocationResult:
        return InvocationResult(
            self.name, request_id, None, LambdaError(error_type, message, request_id), 0.0
        )

    def _finish(self, result: InvocationResult) -> InvocationResult:
        if self._on_result is not None:
            try:
                self._on_result(result)
            except Exception:
                log.exception("on_result callback failed for %s", self.name)
        return result


class LambdaRuntime:
    """The local Lambda service: every function of the stack, by logical ID."""

    def __init__(
        self,
        functions: Mapping[str, FunctionSpec],
        *,
        region: str,
        account_id: str,
        endpoint_url: str | None,
        log_dir: Path,
        name_prefix: str | None = None,
        max_concurrency: int = 1,
        on_result: Callable[[InvocationResult], None] | None = None,
    ) -> None:
        self.functions = {
            logical_id: LocalFunction(
                spec,
                region=region,
                account_id=account_id,
                endpoint_url=endpoint_url,
                log_dir=log_dir,
                # As CloudFormation names them: <stack name>-<LogicalId>(-<suffix>).
                function_name=f"{name_prefix}-{logical_id}" if name_prefix else None,
                max_concurrency=max_concurrency,
                on_result=on_result,
            )
            for logical_id, spec in functions.items()
        }

    def __getitem__(self, logical_id: str) -> LocalFunction:
        return self.functions[logical_id]

    def invoke(self, logical_id: str, event: Any) -> InvocationResult:
        return self.functions[logical_id].invoke(event)

    @property
    def in_flight(self) -> int:
        return sum(function.in_flight for function in self.functions.values())

    def warm_all(self) -> dict[str, LambdaError]:
        """Start one environment per function, in parallel; the init errors, by logical ID."""
        errors: dict[str, LambdaError] = {}
        threads = []

        def warm(logical_id: str, function: LocalFunction) -> None:
            error = function.warm()
            if error is not None:
                errors[logical_id] = error

        for logical_id, function in self.functions.items():
            thread = threading.Thread(target=warm, args=(logical_id, function), daemon=True)
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join()
        return errors

    def close(self) -> None:
        for function in self.functions.values():
            function.close()
