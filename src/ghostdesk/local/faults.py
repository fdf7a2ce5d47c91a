"""Fault injection for the local stack: AWS and marketplace failures on the real wire, on purpose.

What production throws at ghostdesk, reproduced where it would happen, so the code that must survive it
is the code under test - botocore's parsers and retries, our typed SP-API errors, the queues' backoff
and dead-letter queues - not a stand-in:

* **AWS, inside each Lambda execution environment.** :func:`install_from_env` (called by
  :mod:`ghostdesk.local.lambda_worker` before the handler is imported) registers a ``before-send``
  handler on every botocore client the function creates. Picked calls never reach moto; they get a
  synthetic HTTP response carrying AWS's own error body for the service's protocol (SES ``Throttling``
  and ``MessageRejected``, DynamoDB ``ProvisionedThroughputExceededException``, S3 ``SlowDown``, SQS and
  the rest ``InternalError``/503). A *lost response* is the nastiest: the request is carried out for
  real, then its answer is replaced by a read timeout, so botocore retries something that already
  happened - which is where DynamoDB's ``ConditionalCheckFailedException`` conflicts and duplicate
  SQS messages come from in production. SES ``SendRawEmail`` never gets a lost response: SES has no
  idempotency key, so no code can tell a resend from a first send (the one duplicate no design avoids).
* **SP-API and the other channels, in their simulators.** :class:`StackFaults` answers chosen requests
  with 429 (``x-amzn-RateLimit-Limit`` included), 500 or 503, or only after the client's timeout, and
  fails LWA token requests; :meth:`StackFaults.marketplaces_down` takes every marketplace down (LWA
  included) until :meth:`StackFaults.recover`.

Configured by ``GHOSTDESK_LOCAL_FAULTS`` (:attr:`ghostdesk.local.stack.StackConfig.faults`), e.g.
``rate=0.01,seed=7`` (1% of every kind of call, split across the kinds of fault that call can have) or
per kind, ``ses_throttle=0.5,spapi_slow=0.001,seed=7``. Decisions come from a seeded generator per
execution environment (seed and function name), so a run is reproducible in the rate and mix of faults;
which message meets one still depends on how concurrent work interleaves. Every injected fault is one
JSON line in ``<data_dir>/logs/faults.jsonl``. The stack passes the plan to its functions as a file
(``GHOSTDESK_LOCAL_FAULTS=@<path>``), so :meth:`StackFaults.set_plan` changes it while they run.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

ENV = "GHOSTDESK_LOCAL_FAULTS"
PLAN_FILE = "faults.plan"
LOG_FILE = "faults.jsonl"
DEFAULT_SLOW_S = 11.0  # past the SP-API client's 10 s timeout
_PLAN_RECHECK_S = 0.2


class FaultKind(StrEnum):
    AWS_THROTTLE = "aws_throttle"  # the service's throttling error, nothing done
    AWS_UNAVAILABLE = "aws_unavailable"  # 500/503, nothing done
    AWS_LOST_RESPONSE = "aws_lost_response"  # done, then the answer is lost (read timeout)
    SES_THROTTLE = "ses_throttle"  # SendRawEmail: Throttling (Maximum sending rate exceeded)
    SES_REJECT = "ses_reject"  # SendRawEmail: MessageRejected
    SPAPI_THROTTLE = "spapi_throttle"  # 429 with x-amzn-RateLimit-Limit
    SPAPI_ERROR = "spapi_error"  # 500 or 503
    SPAPI_SLOW = "spapi_slow"  # the answer comes after the client's timeout
    LWA_ERROR = "lwa_error"  # the token endpoint fails (500)


AWS_KINDS = (FaultKind.AWS_THROTTLE, FaultKind.AWS_UNAVAILABLE, FaultKind.AWS_LOST_RESPONSE)
SES_SEND_KINDS = (FaultKind.SES_THROTTLE, FaultKind.SES_REJECT)
SPAPI_KINDS = (FaultKind.SPAPI_THROTTLE, FaultKind.SPAPI_ERROR, FaultKind.SPAPI_SLOW)
LWA_KINDS = (FaultKind.LWA_ERROR,)


class FaultPlanError(ValueError):
    """``GHOSTDESK_LOCAL_FAULTS`` is malformed; the message says which part."""


@dataclass(frozen=True)
class FaultPlan:
    """How often each kind of fault strikes one call (a request attempt), and the seed."""

    rates: Mapping[FaultKind, float] = field(default_factory=dict)
    seed: int = 0
    slow_s: float = DEFAULT_SLOW_S

    @classmethod
    def parse(cls, text: str) -> FaultPlan:
        """``rate=R`` (every call: R, split across the kinds it can have), ``<kind>=R`` (that kind,
        overriding), ``seed=N``, ``slow_s=S``; comma separated. Empty: no faults."""
        rates: dict[FaultKind, float] = {}
        overall: float | None = None
        seed, slow_s = 0, DEFAULT_SLOW_S
        for part in filter(None, (p.strip() for p in text.split(","))):
            name, sep, value = part.partition("=")
            name = name.strip().lower()
            if not sep:
                raise FaultPlanError(f"{ENV}: {part!r} is not name=value")
            try:
                if name == "seed":
                    seed = int(value)
                    continue
                number = float(value)
            except ValueError:
                raise FaultPlanError(f"{ENV}: {name} needs a number, got {value!r}") from None
            if name == "slow_s":
                slow_s = number
                continue
            if not 0.0 <= number <= 1.0:
                raise FaultPlanError(f"{ENV}: {name} must be a rate between 0 and 1, got {number}")
            if name == "rate":
                overall = number
            else:
                try:
                    rates[FaultKind(name)] = number
                except ValueError:
                    known = ", ".join(["rate", "seed", "slow_s", *FaultKind])
                    raise FaultPlanError(f"{ENV}: unknown fault {name!r} (known: {known})") from None
        if overall is not None:
            for group in (AWS_KINDS, SES_SEND_KINDS, SPAPI_KINDS, LWA_KINDS):
                for kind in group:
                    rates.setdefault(kind, overall / len(group))
        return cls(rates=rates, seed=seed, slow_s=slow_s)

    def render(self) -> str:
        """The plan in :meth:`parse`'s syntax (per kind)."""
        parts = [f"{kind.value}={rate:g}" for kind, rate in sorted(self.rates.items())]
        return ",".join([*parts, f"seed={self.seed}", f"slow_s={self.slow_s:g}"])

    def pick(self, kinds: Iterable[FaultKind], draw: float) -> FaultKind | None:
        """The fault for one call that may have ``kinds``, given a uniform ``draw`` in [0, 1)."""
        edge = 0.0
        for kind in kinds:
            edge += self.rates.get(kind, 0.0)
            if draw < edge:
                return kind
        return None


class FaultLog:
    """``faults.jsonl``: one line per injected fault, appended by every process (O_APPEND)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, **entry: Any) -> None:
        line = json.dumps({"at": round(time.time(), 3), **entry}, separators=(",", ":")) + "\n"
        with contextlib.suppress(OSError), self.path.open("a", encoding="utf-8") as file:
            file.write(line)

    def entries(self) -> list[dict[str, Any]]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return []
        return [json.loads(line) for line in lines if line.strip()]

    def counts(self) -> Counter[str]:
        return Counter(str(entry["kind"]) for entry in self.entries())


class _PlanSource:
    """The plan a worker follows: fixed, or a file re-read when it changes (``@path``)."""

    def __init__(self, spec: str) -> None:
        self._path = Path(spec[1:]) if spec.startswith("@") else None
        self._plan = FaultPlan() if self._path else FaultPlan.parse(spec)
        self._stamp: float | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def current(self) -> FaultPlan:
        if self._path is None:
            return self._plan
        now = time.monotonic()
        with self._lock:
            if now - self._checked >= _PLAN_RECHECK_S:
                self._checked = now
                with contextlib.suppress(OSError, FaultPlanError):
                    stamp = self._path.stat().st_mtime_ns
                    if stamp != self._stamp:
                        self._plan = FaultPlan.parse(self._path.read_text(encoding="utf-8"))
                        self._stamp = stamp
            return self._plan


# ------------------------------------------------------------------------------ AWS, in the worker

_ERRORS: Mapping[FaultKind, tuple[int, str, str]] = {
    FaultKind.SES_THROTTLE: (400, "Throttling", "Maximum sending rate exceeded."),
    FaultKind.SES_REJECT: (400, "MessageRejected", "Email address is not verified."),
}
_THROTTLING: Mapping[str, tuple[int, str, str]] = {
    "dynamodb": (
        400,
        "ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded. "
        "Consider increasing your provisioning level with the UpdateTable API.",
    ),
    "s3": (503, "SlowDown", "Please reduce your request rate."),
    "sqs": (400, "RequestThrottled", "Request is throttled."),
}
_UNAVAILABLE: Mapping[str, tuple[int, str, str]] = {
    "dynamodb": (500, "InternalServerError", "Internal server error"),
    "s3": (503, "ServiceUnavailable", "Please reduce your request rate."),
    "sqs": (500, "InternalError", "We encountered an internal error. Please try again."),
}
_DEFAULT_THROTTLING = (400, "Throttling", "Rate exceeded")
_DEFAULT_UNAVAILABLE = (503, "ServiceUnavailable", "Service is unavailable. Please try again.")
_JSON_PREFIX = {"dynamodb": "com.amazonaws.dynamodb.v20120810#", "sqs": "com.amazonaws.sqs#"}
_QUERY_NAMESPACE = {
    "ses": "http://ses.amazonaws.com/doc/2010-12-01/",
    "sns": "http://sns.amazonaws.com/doc/2010-03-31/",
}


def error_response(
    service: str, protocol: str, status: int, code: str, message: str
) -> tuple[bytes, dict[str, str]]:
    """An AWS error answer as ``service`` sends it on the wire for its ``protocol``: body and headers."""
    request_id = str(uuid.uuid4())
    if protocol.startswith("json"):
        body = json.dumps({"__type": _JSON_PREFIX.get(service, "") + code, "message": message}).encode()
        headers = {"x-amzn-RequestId": request_id, "Content-Type": "application/x-amz-json-1.0"}
        if service == "sqs":  # awsQueryCompatible: the query-protocol code travels in a header
            fault = "Receiver" if status >= 500 else "Sender"
            headers["x-amzn-query-error"] = f"{code};{fault}"
        return body, headers
    if protocol == "query":
        fault = "Receiver" if status >= 500 else "Sender"
        xmlns = _QUERY_NAMESPACE.get(service, "")
        body = (
            f'<ErrorResponse xmlns="{xmlns}"><Error><Type>{fault}</Type><Code>{code}</Code>'
            f"<Message>{message}</Message></Error><RequestId>{request_id}</RequestId></ErrorResponse>"
        ).encode()
        return body, {"x-amzn-RequestId": request_id, "Content-Type": "text/xml"}
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message>'
        f"<RequestId>{request_id[:16].upper()}</RequestId></Error>"
    ).encode()
    return body, {"x-amz-request-id": request_id[:16].upper(), "Content-Type": "application/xml"}


class _Raw:
    """The ``raw`` of a botocore ``AWSResponse``: what it reads the body from."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def stream(self, **_: Any) -> Iterable[bytes]:
        yield self._data

    def read(self, *_: Any, **__: Any) -> bytes:
        data, self._data = self._data, b""
        return data


class AwsFaultInjector:
    """The ``before-send`` handler of every botocore client in one execution environment."""

    def __init__(self, plan: Callable[[], FaultPlan], *, function: str, log: FaultLog | None) -> None:
        self._plan = plan
        self._function = function
        self._log = log
        self._lock = threading.Lock()
        self._rng: random.Random | None = None
        self._seed: int | None = None

    def kinds_for(self, service: str, operation: str) -> tuple[FaultKind, ...]:
        if service == "ses" and operation in ("SendRawEmail", "SendEmail"):
            return (*SES_SEND_KINDS, FaultKind.AWS_UNAVAILABLE)
        return AWS_KINDS

    def decide(self, service: str, operation: str) -> FaultKind | None:
        plan = self._plan()
        with self._lock:
            if self._rng is None or self._seed != plan.seed:
                # Reproducible, not secret: the same seed makes the same decisions.
                self._rng = random.Random(f"{plan.seed}|{self._function}")  # noqa: S311
                self._seed = plan.seed
            draw = self._rng.random()
        return plan.pick(self.kinds_for(service, operation), draw)

    def attach(self, client: Any) -> None:
        model = client.meta.service_model
        service, protocol = str(model.service_name), str(model.resolved_protocol)
        # Bound per client, so the handler knows the protocol to answer in.
        client.meta.events.register("before-send", functools.partial(self._before_send, service, protocol))

    def _before_send(self, service: str, protocol: str, request: Any, event_name: str = "", **_: Any) -> Any:
        operation = event_name.rsplit(".", 1)[-1]
        kind = self.decide(service, operation)
        if kind is None:
            return None
        if self._log is not None:
            self._log.write(kind=kind.value, function=self._function, service=service, operation=operation)
        if kind is FaultKind.AWS_LOST_RESPONSE:
            return self._lose_response(request)
        if kind in _ERRORS:
            status, code, message = _ERRORS[kind]
        elif kind is FaultKind.AWS_THROTTLE:
            status, code, message = _THROTTLING.get(service, _DEFAULT_THROTTLING)
        else:
            status, code, message = _UNAVAILABLE.get(service, _DEFAULT_UNAVAILABLE)
        from botocore.awsrequest import AWSResponse

        body, headers = error_response(service, protocol, status, code, message)
        headers["Content-Length"] = str(len(body))
        return AWSResponse(request.url, status, headers, _Raw(body))  # type: ignore[arg-type]

    @staticmethod
    def _lose_response(request: Any) -> Any:
        """Carry the request out, then fail as if its answer never came (botocore retries it)."""
        from botocore.exceptions import ReadTimeoutError
        from botocore.httpsession import URLLib3Session

        session = URLLib3Session()
        try:
            session.send(request).content  # noqa: B018 - read the answer, so the call completes
        finally:
            session.close()
        raise ReadTimeoutError(endpoint_url=request.url)


def install_from_env(environ: Mapping[str, str] | None = None) -> AwsFaultInjector | None:
    """In a Lambda execution environment: inject AWS faults into every botocore client created from
    now on, when ``GHOSTDESK_LOCAL_FAULTS`` is set. Must run before the handler module creates any."""
    env = os.environ if environ is None else environ
    spec = env.get(ENV, "").strip()
    if not spec:
        return None
    import botocore.session

    source = _PlanSource(spec)
    log_path = env.get(ENV + "_LOG")
    injector = AwsFaultInjector(
        source.current,
        function=env.get("AWS_LAMBDA_FUNCTION_NAME", "local"),
        log=FaultLog(Path(log_path)) if log_path else None,
    )
    original = botocore.session.Session.create_client

    def create_client(self: Any, *args: Any, **kwargs: Any) -> Any:
        client = original(self, *args, **kwargs)
        injector.attach(client)
        return client

    botocore.session.Session.create_client = create_client  # type: ignore[method-assign]
    return injector


# --------------------------------------------------------------------- marketplaces, in the stack


class _FaultHooked(Protocol):
    fault_hook: Callable[[str], tuple[int, float] | None] | None


@dataclass
class StackFaults:
    """The stack's side: the plan its functions follow, the simulators' hooks, the outage switch."""

    plan: FaultPlan
    data_dir: Path
    outage: bool = False
    _rng: random.Random = field(default_factory=random.Random)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def arm(cls, spec: str, data_dir: Path, simulators: Iterable[_FaultHooked]) -> StackFaults:
        """Parse ``spec``, write the plan file the functions read, hook the simulators."""
        faults = cls(FaultPlan.parse(spec), data_dir)
        faults.log.path.parent.mkdir(parents=True, exist_ok=True)
        faults.set_plan(faults.plan)
        for simulator in simulators:
            simulator.fault_hook = faults.marketplace_fault
        return faults

    @property
    def plan_path(self) -> Path:
        return self.data_dir / PLAN_FILE

    @property
    def log(self) -> FaultLog:
        return FaultLog(self.data_dir / "logs" / LOG_FILE)

    @property
    def environment(self) -> dict[str, str]:
        """What each function's environment gets: the plan file and the log."""
        return {ENV: f"@{self.plan_path.resolve()}", ENV + "_LOG": str(self.log.path.resolve())}

    def set_plan(self, plan: FaultPlan | str) -> None:
        """Follow ``plan`` from now on, here and (within a fraction of a second) in every function."""
        parsed = FaultPlan.parse(plan) if isinstance(plan, str) else plan
        with self._lock:
            self.plan = parsed
            self._rng = random.Random(f"{parsed.seed}|marketplaces")  # noqa: S311 - reproducible, not secret
        temporary = self.plan_path.with_name(f".{PLAN_FILE}.tmp")
        temporary.write_text(parsed.render(), encoding="utf-8")
        os.replace(temporary, self.plan_path)

    def marketplaces_down(self) -> None:
        """Every marketplace (SP-API, LWA, the other channels) answers 503 until :meth:`recover`."""
        self.outage = True

    def recover(self) -> None:
        self.outage = False

    def counts(self) -> Counter[str]:
        """Injected faults so far, by kind (``marketplace_outage``: requests refused by an outage)."""
        return self.log.counts()

    def marketplace_fault(self, operation: str) -> tuple[int, float] | None:
        """A simulator's hook: ``(status, delay_s)`` to answer ``operation`` with (status 0: answer
        normally after the delay), or None for no fault. ``operation`` "lwa"/"token" is a token request."""
        token = operation in ("lwa", "token")
        if self.outage:
            self.log.write(kind="marketplace_outage", operation=operation)
            return (503, 0.0)
        with self._lock:
            plan, draw, coin = self.plan, self._rng.random(), self._rng.random()
        kind = plan.pick(LWA_KINDS if token else SPAPI_KINDS, draw)
        if kind is None:
            return None
        self.log.write(kind=kind.value, operation=operation)
        if kind is FaultKind.SPAPI_THROTTLE:
            return (429, 0.0)
        if kind is FaultKind.SPAPI_SLOW:
            return (0, plan.slow_s)
        return (503 if coin < 0.5 else 500, 0.0)

    def with_plan(self, **rates: float) -> FaultPlan:
        """The current plan with some kinds' rates changed (``ses_throttle=0.5``)."""
        changed = dict(self.plan.rates)
        changed.update({FaultKind(name): rate for name, rate in rates.items()})
        return replace(self.plan, rates=changed)
