"""One local Lambda execution environment: imports a handler once, then serves invocations.

``ghostdesk.local.lambda_runtime`` starts this module as a subprocess per execution environment, with
the function's environment exactly as Lambda would set it (``_HANDLER``, ``LAMBDA_TASK_ROOT``,
``AWS_LAMBDA_FUNCTION_NAME``, ...). It plays the part of Lambda's Python runtime interface client:

* the code directory goes first on ``sys.path`` (Lambda's ``/var/task``), then the interpreter's own
  packages, which stand in for the runtime and its layers;
* the handler module is imported once, at start-up (the *init* phase), so module-level clients and
  caches stay warm between invocations, just as they do in a warm Lambda sandbox;
* invocations arrive as JSON lines on a pipe (``--request-fd``), results leave as JSON lines on
  another (``--response-fd``). stdout and stderr belong to the handler: they are the function's log,
  with the runtime's ``START``/``END``/``REPORT`` lines around each invocation;
* a handler exception is returned in Lambda's shape (``errorMessage``, ``errorType``, ``requestId``,
  ``stackTrace``) and the environment stays warm, as in Lambda.

Timeouts are not enforced here: the parent kills the whole process when the deadline passes, which is
what Lambda does to a sandbox that runs out of time.
"""

from __future__ import annotations

import argparse
import decimal
import importlib
import json
import logging
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TextIO

# Lambda's synchronous invocation payload limit (request and response).
MAX_RESPONSE_BYTES = 6 * 1024 * 1024


class CognitoIdentity:
    """``context.identity``: only set for calls through the AWS Mobile SDK, so empty here."""

    cognito_identity_id: str | None = None
    cognito_identity_pool_id: str | None = None


class LambdaContext:
    """The ``context`` object a Python handler receives, with the attributes Lambda's runtime sets.

    ``memory_limit_in_mb`` is a string, as in Lambda's own runtime (it is read from the environment).
    """

    def __init__(self, *, request_id: str, invoked_function_arn: str, deadline_epoch_ms: int) -> None:
        self.aws_request_id = request_id
        self.invoked_function_arn = invoked_function_arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "")
        self.identity = CognitoIdentity()
        self.client_context: object | None = None
        self.tenant_id: str | None = None
        self._deadline_epoch_ms = deadline_epoch_ms

    def get_remaining_time_in_millis(self) -> int:
        return max(0, self._deadline_epoch_ms - int(time.time() * 1000))

    def __repr__(self) -> str:
        return (
            f"LambdaContext([aws_request_id={self.aws_request_id},log_group_name={self.log_group_name},"
            f"log_stream_name={self.log_stream_name},function_name={self.function_name},"
            f"memory_limit_in_mb={self.memory_limit_in_mb},function_version={self.function_version},"
            f"invoked_function_arn={self.invoked_function_arn}])"
        )


class _RequestIdFilter(logging.Filter):
    """Stamps the current request ID on records, as the Lambda runtime's root log handler does."""

    request_id = ""

    def filter(self, record: logging.LogRecord) -> bool:
        record.aws_request_id = self.request_id
        return True


def _install_root_log_handler(stream: TextIO) -> _RequestIdFilter:
    """Lambda's Python runtime puts a handler on the root logger; plain ``logging`` calls show up in
    the function log with level, timestamp and request ID, tab-separated."""
    request_filter = _RequestIdFilter()
    handler = logging.StreamHandler(stream)
    formatter = logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n",
        "%Y-%m-%dT%H:%M:%S",
    )
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    handler.addFilter(request_filter)
    logging.getLogger().addHandler(handler)
    return request_filter


def error_shape(exc: BaseException, request_id: str | None = None) -> dict[str, Any]:
    """An exception as Lambda reports it: type, message, and the handler's part of the stack."""
    # The runtime's own frame (the call into the handler) is not part of the handler's story.
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename != __file__]
    shape: dict[str, Any] = {
        "errorMessage": str(exc),
        "errorType": type(exc).__name__,
    }
    if request_id is not None:
        shape["requestId"] = request_id
    shape["stackTrace"] = traceback.format_list(frames)
    return shape


def _init_error(error_type: str, message: str) -> dict[str, Any]:
    return {"errorMessage": message, "errorType": error_type, "requestId": "", "stackTrace": []}


def _json_default(value: object) -> object:
    # Lambda's marshaller turns Decimal (what DynamoDB returns for numbers) into a float.
    if isinstance(value, decimal.Decimal):
        return float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def load_handler(handler_spec: str) -> Callable[[Any, LambdaContext], Any] | dict[str, Any]:
    """Import ``module.function`` the way Lambda does; on failure, the Lambda init error shape."""
    module_path, _, function_name = handler_spec.rpartition(".")
    if not module_path or not function_name:
        return _init_error("Runtime.MalformedHandlerName", f"Bad handler '{handler_spec}': not enough values")
    module_name = module_path.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        return _init_error("Runtime.ImportModuleError", f"Unable to import module '{module_name}': {exc}")
    except SyntaxError as exc:
        return _init_error("Runtime.UserCodeSyntaxError", f"Syntax error in module '{module_name}': {exc}")
    except Exception as exc:
        return error_shape(exc, "")
    handler = getattr(module, function_name, None)
    if not callable(handler):
        return _init_error(
            "Runtime.HandlerNotFound", f"Handler '{function_name}' missing on module '{module_name}'"
        )
    return handler  # type: ignore[no-any-return]


class _Channel:
    """The two pipes to the parent: JSON lines in, JSON lines out."""

    def __init__(self, request_fd: int, response_fd: int) -> None:
        self._requests = os.fdopen(request_fd, "r", encoding="utf-8")
        self._responses = os.fdopen(response_fd, "w", encoding="utf-8")

    def receive(self) -> dict[str, Any] | None:
        line = self._requests.readline()
        if not line:
            return None
        message: dict[str, Any] = json.loads(line)
        return message

    def send(self, message: dict[str, Any]) -> None:
        self._responses.write(json.dumps(message, separators=(",", ":")) + "\n")
        self._responses.flush()


def _max_memory_used_mb() -> int:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is kilobytes on Linux, bytes on macOS.
    return int(usage / (1024 * 1024)) if sys.platform == "darwin" else int(usage / 1024)


def _serve(channel: _Channel, handler: Callable[[Any, LambdaContext], Any], log: _RequestIdFilter) -> None:
    memory = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
    while (request := channel.receive()) is not None:
        request_id = str(request["request_id"])
        context = LambdaContext(
            request_id=request_id,
            invoked_function_arn=str(request["invoked_function_arn"]),
            deadline_epoch_ms=int(request["deadline_epoch_ms"]),
        )
        log.request_id = request_id
        print(f"START RequestId: {request_id} Version: {context.function_version}", flush=True)
        started = time.perf_counter()
        response: dict[str, Any] = {"request_id": request_id}
        try:
            result = handler(request["event"], context)
        except Exception as exc:
            shape = error_shape(exc, request_id)
            sys.stdout.flush()
            print(
                f"[ERROR] {shape['errorType']}: {shape['errorMessage']}\n"
                "Traceback (most recent call last):\n" + "".join(shape["stackTrace"]),
                end="",
                flush=True,
            )
            response["error"] = shape
        else:
            try:
                payload = json.dumps(result, default=_json_default, ensure_ascii=False)
            except (TypeError, ValueError) as exc:
                response["error"] = {
                    "errorMessage": f"Unable to marshal response: {exc}",
                    "errorType": "Runtime.MarshalError",
                    "requestId": request_id,
                    "stackTrace": [],
                }
            else:
                if len(payload.encode("utf-8")) > MAX_RESPONSE_BYTES:
                    response["error"] = {
                        "errorMessage": f"Response payload size exceeded maximum allowed payload size "
                        f"({MAX_RESPONSE_BYTES} bytes).",
                        "errorType": "Function.ResponseSizeTooLarge",
                        "requestId": request_id,
                        "stackTrace": [],
                    }
                else:
                    response["payload"] = payload
        duration_ms = (time.perf_counter() - started) * 1000
        sys.stderr.flush()
        print(f"END RequestId: {request_id}", flush=True)
        print(
            f"REPORT RequestId: {request_id}\tDuration: {duration_ms:.2f} ms\t"
            f"Billed Duration: {max(1, int(duration_ms + 0.999))} ms\tMemory Size: {memory} MB\t"
            f"Max Memory Used: {_max_memory_used_mb()} MB\t",
            flush=True,
        )
        log.request_id = ""
        response["duration_ms"] = duration_ms
        channel.send(response)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--request-fd", type=int, required=True)
    parser.add_argument("--response-fd", type=int, required=True)
    args = parser.parse_args(argv)

    # Lambda's runtime writes the function's output unbuffered; keep log lines in order and on time.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(line_buffering=True)

    task_root = os.environ["LAMBDA_TASK_ROOT"]
    # -m puts the working directory first; Lambda puts the task root there instead.
    sys.path[:] = [task_root] + [p for p in sys.path if p not in ("", os.getcwd(), task_root)]

    channel = _Channel(args.request_fd, args.response_fd)
    log_filter = _install_root_log_handler(sys.stdout)
    if os.environ.get("GHOSTDESK_LOCAL_FAULTS"):  # injected AWS faults: before any client exists
        from ghostdesk.local.faults import install_from_env

        install_from_env()
    started = time.perf_counter()
    loaded = load_handler(os.environ["_HANDLER"])
    init_ms = (time.perf_counter() - started) * 1000
    if isinstance(loaded, dict):
        print(
            f"{datetime.now(UTC).isoformat()} [ERROR] {loaded['errorType']}: {loaded['errorMessage']}",
            flush=True,
        )
        channel.send({"init_error": loaded, "init_ms": init_ms})
        return 1
    channel.send({"ready": True, "init_ms": init_ms})
    _serve(channel, loaded, log_filter)
    return 0


if __name__ == "__main__":
    sys.exit(main())
