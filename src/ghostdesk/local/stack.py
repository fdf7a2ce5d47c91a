"""The local stack: the SAM application running whole on one laptop, with no AWS account.

:class:`LocalStack` wires the pieces together in the order AWS would have them:

1. **Embedded AWS** - moto server in this process, on a free port of 127.0.0.1.
2. **The template's resources** - ``provision(template.yaml)`` creates the buckets, topics, queues with
   their DLQs, tables, secret and the SES receipt rule in moto; nothing here keeps a second list.
3. **The marketplace** - the SP-API simulator serves the orders file (rebased to "now" when it is the
   demo file, so its ages hold), and its LWA credentials go into the template's SP-API secret, as an
   operator would put the seller's. With ``GHOSTDESK_SPAPI_ENDPOINT`` set, that endpoint (the SP-API
   sandbox, say) and the credentials in the environment are used instead.
4. **Lambda** - one warm execution environment (subprocess) per function to start with, each with the
   template's environment plus the SP-API endpoints; SQS event source mappings and schedules as the
   template declares them.
5. **SES receiving** - SMTP on 127.0.0.1:``GHOSTDESK_SMTP_PORT`` into S3 + SNS, as the receipt rule does.
6. **API Gateway** - the HttpApi routes on 127.0.0.1:``GHOSTDESK_HTTP_PORT``, the agent token standing in
   for the Cognito JWT authorizer.
7. **The outbox** - every email sent through SES, mirrored to ``$GHOSTDESK_DATA_DIR/outbox/*.eml``.

Configuration comes from the environment (:meth:`StackConfig.from_env`); every port may be 0 (an
ephemeral port, for tests). The stack also writes ``$GHOSTDESK_DATA_DIR/stack.json`` (where to send
mail, the API URL) so ``ghostdesk send-demo`` finds a running stack.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sys
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email import message_from_bytes
from email.utils import getaddresses, parseaddr
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import boto3

from ghostdesk.local.dispatcher import DispatchOptions, ScheduleRunner, SqsEventSourceMapping, VisibleAtProbe
from ghostdesk.local.gateway import Integration, LocalHttpApi
from ghostdesk.local.lambda_runtime import DUMMY_CREDENTIALS, InvocationResult, LambdaRuntime
from ghostdesk.local.moto_atomic import make_moto_dynamodb_atomic, make_moto_sqs_atomic
from ghostdesk.local.moto_speed import make_moto_sqs_fast
from ghostdesk.local.outbox import OutboxMirror
from ghostdesk.local.resources import FunctionSpec, QueueInfo, StackResources
from ghostdesk.local.ses_inbound import SesInbound
from ghostdesk.local.smtp_inbound import SmtpInbound, send_raw_mail

if TYPE_CHECKING:
    from ghostdesk.local.channel_sims import ChannelSimulator
    from ghostdesk.local.faults import StackFaults
    from ghostdesk.local.spapi_sim import SpApiSimulator

log = logging.getLogger(__name__)
DEFAULT_CONCURRENCY = 5
SWITCH_INTERVAL_S = 0.0005  # see LocalStack._hold_switch_interval
_T = TypeVar("_T")

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_TEMPLATE = REPO_ROOT / "template.yaml"
DEFAULT_ORDERS_FILE = REPO_ROOT / "demo" / "orders.json"
DEFAULT_SENDER = "support@example.com"  # example.com: reserved for documentation (RFC 2606)
STATE_FILE = "stack.json"

# Template parameters the local stack takes from the environment (the same names the functions read).
PARAMETER_ENV = {
    "SenderAddress": "GHOSTDESK_SENDER",
    "SenderName": "GHOSTDESK_SENDER_NAME",
    "InboundRecipients": "GHOSTDESK_INBOUND_RECIPIENTS",
    "Marketplace": "GHOSTDESK_MARKETPLACE",
    "DefaultLanguage": "GHOSTDESK_DEFAULT_LANGUAGE",
    "SlaHours": "GHOSTDESK_SLA_HOURS",
    "PendingThresholdDays": "GHOSTDESK_PENDING_THRESHOLD_DAYS",
    "AckWindowHours": "GHOSTDESK_ACK_WINDOW_HOURS",
    "RetentionDays": "GHOSTDESK_RETENTION_DAYS",
    "LogLevel": "GHOSTDESK_LOG_LEVEL",
    "EscalationLeadHours": "GHOSTDESK_ESCALATION_LEAD_HOURS",
    "ConsoleUrl": "GHOSTDESK_CONSOLE_URL",
}
SPAPI_CREDENTIAL_ENV = ("LWA_APP_ID", "LWA_CLIENT_SECRET", "SP_API_REFRESH_TOKEN")


class StackConfigError(ValueError):
    """A setting of the local stack is malformed; the message names the variable."""


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "")
    if raw == "":
        return default
    try:
        port = int(raw)
    except ValueError:
        raise StackConfigError(f"{name} must be a port number, got {raw!r}") from None
    if not 0 <= port <= 65535:
        raise StackConfigError(f"{name} must be between 0 and 65535, got {port}")
    return port


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _positive_int(env: Mapping[str, str], name: str, default: int, *, minimum: int = 0) -> int:
    raw = env.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise StackConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise StackConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


@dataclass(frozen=True)
class StackConfig:
    smtp_port: int = 2525
    http_port: int = 8080
    orders_file: Path = DEFAULT_ORDERS_FILE
    data_dir: Path = Path(".local")
    agent_token: str | None = None  # made up at start when None
    template: Path = DEFAULT_TEMPLATE
    region: str = "us-east-1"
    name_prefix: str = "ghostdesk-local"
    parameters: Mapping[str, str] = field(default_factory=lambda: {"SenderAddress": DEFAULT_SENDER})
    faithful: bool = False  # SQS's own retry timing instead of the local retry delay
    retry_delay_s: int = 2
    # Execution environments per function and batches per event source (a template's MaximumConcurrency
    # caps the latter): Lambda polls an SQS queue with five concurrent batches to begin with.
    concurrency: int = DEFAULT_CONCURRENCY
    spapi_endpoint: str | None = None  # an external SP-API (the sandbox) instead of the simulator
    lwa_token_url: str | None = None
    spapi_credentials: Mapping[str, str] = field(default_factory=dict)
    warm_start: bool = True  # start one environment per function before accepting mail
    enforce_spapi_quotas: bool = False  # the simulator answers 429 past Amazon's default usage plans
    faults: str | None = None  # injected faults (ghostdesk.local.faults), e.g. "rate=0.01,seed=7"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, /, **overrides: Any) -> StackConfig:
        """Settings from ``GHOSTDESK_*`` variables (``os.environ`` by default); ``overrides`` win."""
        env = os.environ if environ is None else environ
        parameters = {name: env[var] for name, var in PARAMETER_ENV.items() if env.get(var)}
        parameters.setdefault("SenderAddress", DEFAULT_SENDER)
        values: dict[str, Any] = {
            "smtp_port": _port(env, "GHOSTDESK_SMTP_PORT", 2525),
            "http_port": _port(env, "GHOSTDESK_HTTP_PORT", 8080),
            "orders_file": Path(env["GHOSTDESK_ORDERS_FILE"])
            if env.get("GHOSTDESK_ORDERS_FILE")
            else DEFAULT_ORDERS_FILE,
            "data_dir": Path(env.get("GHOSTDESK_DATA_DIR") or ".local"),
            "agent_token": env.get("GHOSTDESK_AGENT_TOKEN") or None,
            "parameters": parameters,
            "faithful": _flag(env, "GHOSTDESK_LOCAL_FAITHFUL"),
            "retry_delay_s": _positive_int(env, "GHOSTDESK_LOCAL_RETRY_DELAY_S", 2),
            "concurrency": _positive_int(env, "GHOSTDESK_LOCAL_CONCURRENCY", DEFAULT_CONCURRENCY, minimum=1),
            "spapi_endpoint": env.get("GHOSTDESK_SPAPI_ENDPOINT") or None,
            "lwa_token_url": env.get("GHOSTDESK_LWA_TOKEN_URL") or None,
            "spapi_credentials": {k: env[k] for k in SPAPI_CREDENTIAL_ENV if env.get(k)},
            "enforce_spapi_quotas": _flag(env, "GHOSTDESK_SPAPI_ENFORCE_QUOTAS"),
            "faults": env.get("GHOSTDESK_LOCAL_FAULTS") or None,
        }
        values.update(overrides)
        return cls(**values)

    @property
    def sender(self) -> str:
        return str(self.parameters.get("SenderAddress", DEFAULT_SENDER))

    @property
    def mail_domain(self) -> str:
        """The domain the stack receives mail for: the first inbound domain, else the sender's."""
        for entry in str(self.parameters.get("InboundRecipients", "")).split(","):
            entry = entry.strip().lstrip(".")
            if entry:
                return entry.rpartition("@")[2]
        return self.sender.rpartition("@")[2]

    @property
    def uses_demo_orders(self) -> bool:
        try:
            return self.orders_file.resolve() == DEFAULT_ORDERS_FILE.resolve()
        except OSError:
            return False


class LocalStack:
    """The whole application on 127.0.0.1; a context manager. See the module docstring for the parts."""

    def __init__(self, config: StackConfig | None = None, **overrides: Any) -> None:
        """``config`` (default: from the environment), with ``overrides`` of its fields applied."""
        base = config if config is not None else StackConfig.from_env()
        self.config = replace(base, **overrides) if overrides else base
        self.agent_token = self.config.agent_token or secrets.token_urlsafe(24)
        self.data_dir = self.config.data_dir
        self.outbox_dir = self.data_dir / "outbox"
        self.logs_dir = self.data_dir / "logs"
        self.resources: StackResources | None = None
        self.aws_endpoint: str | None = None
        self.spapi_endpoint: str | None = None
        self.orders_summary = ""
        self.init_errors: dict[str, str] = {}
        self.first_runs: dict[str, InvocationResult] = {}  # each schedule's run at start (order sync)
        self._moto: Any = None
        self._session: boto3.Session | None = None
        self._simulator: SpApiSimulator | None = None
        self._channel_sims: list[ChannelSimulator] = []  # Shopify, eBay, Walmart, as the orders file lists
        self._runtime: LambdaRuntime | None = None
        self._mappings: list[SqsEventSourceMapping] = []
        self._schedules: list[ScheduleRunner] = []
        self._smtp: SmtpInbound | None = None
        self._api: LocalHttpApi | None = None
        self._outbox: OutboxMirror | None = None
        self._inbound: SesInbound | None = None
        self.faults: StackFaults | None = None  # with config.faults: the plan, outage switch, fault log
        self._started = False
        self._switch_interval: float | None = None  # the process's own, while the stack holds a shorter one
        self._stop_lock = threading.Lock()
        self._http_port = self.config.http_port  # chosen before start when 0: deadline alerts link to it

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> LocalStack:
        if self._started:
            return self
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        self._started = True
        return self

    def stop(self) -> None:
        """Stop accepting work, let running invocations finish, then take everything down."""
        with self._stop_lock:
            for stopper in (
                self._smtp.stop if self._smtp else None,
                self._api.stop if self._api else None,
                *(schedule.stop for schedule in self._schedules),
                *(mapping.stop for mapping in self._mappings),
                self._runtime.close if self._runtime else None,
                self._outbox.stop if self._outbox else None,
                self._simulator.stop if self._simulator else None,
                *(sim.stop for sim in self._channel_sims),
                self._moto.stop if self._moto else None,
            ):
                if stopper is None:
                    continue
                try:
                    stopper()
                except Exception:
                    log.exception("error while stopping the local stack")
            self._smtp = self._api = self._runtime = self._outbox = self._simulator = self._moto = None
            self._mappings, self._schedules, self._channel_sims = [], [], []
            self._started = False
            if self._switch_interval is not None:
                sys.setswitchinterval(self._switch_interval)
                self._switch_interval = None
            (self.data_dir / STATE_FILE).unlink(missing_ok=True)

    def __enter__(self) -> LocalStack:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- what tests and the CLI use ----------------------------------------------------------------

    @property
    def smtp_host(self) -> str:
        return "127.0.0.1"

    @property
    def smtp_port(self) -> int:
        return self._require(self._smtp, "SMTP").port

    @property
    def smtp_url(self) -> str:
        return f"smtp://{self.smtp_host}:{self.smtp_port}"

    @property
    def api_url(self) -> str:
        return self._require(self._api, "HTTP API").url

    @property
    def inbound_address(self) -> str:
        """An address the stack receives mail for."""
        return f"orders@{self.config.mail_domain}"

    @property
    def session(self) -> boto3.Session:
        """A boto3 session for the embedded AWS (pass ``endpoint_url=stack.aws_endpoint`` to clients)."""
        return self._require(self._session, "AWS")

    def client(self, service: str) -> Any:
        """A boto3 client for the embedded AWS, e.g. ``stack.client("dynamodb")``."""
        return self.session.client(service, endpoint_url=self.aws_endpoint)  # type: ignore[call-overload]

    @property
    def runtime(self) -> LambdaRuntime:
        return self._require(self._runtime, "Lambda")

    @property
    def simulator(self) -> SpApiSimulator | None:
        return self._simulator

    def send_eml(
        self,
        message: Path | str | bytes,
        *,
        to: str | Sequence[str] | None = None,
        mail_from: str | None = None,
    ) -> str:
        """Send one message over SMTP, as a buyer's mail server would; its SES message ID.

        Envelope recipients: ``to``; by default the message's To/Cc when the stack takes mail for all
        of them, else :attr:`inbound_address`. The envelope sender defaults to the From address.
        """
        raw = message if isinstance(message, bytes) else Path(message).read_bytes()
        parsed = message_from_bytes(raw)
        if to is None:
            listed = [a for _, a in getaddresses(parsed.get_all("To", []) + parsed.get_all("Cc", [])) if a]
            inbound = self._require(self._inbound, "SES")
            recipients = (
                listed if listed and all(inbound.accepts(a) for a in listed) else [self.inbound_address]
            )
        else:
            recipients = [to] if isinstance(to, str) else list(to)
        sender = mail_from if mail_from is not None else parseaddr(parsed.get("From", ""))[1]
        return send_raw_mail(self.smtp_host, self.smtp_port, raw, mail_from=sender, recipients=recipients)

    def wait_until_idle(self, timeout: float = 30.0) -> None:
        """Block until no mail is being received, no invocation runs and every consumed queue is empty.

        Raises ``TimeoutError`` naming what is still busy. Messages waiting for a retry count as work:
        the call returns once they are processed or moved to their DLQ.
        """
        deadline = time.monotonic() + timeout
        quiet_checks = 0
        sqs = self.client("sqs") if self._mappings else None  # one client: creating one costs milliseconds
        while True:
            busy = self._busy(sqs)
            quiet_checks = quiet_checks + 1 if not busy else 0
            if quiet_checks >= 2:  # twice in a row: nothing was handed on between the checks
                if self._outbox is not None:
                    self._outbox.sweep()
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"the local stack is still busy after {timeout:.0f} s: {', '.join(busy)}")
            time.sleep(0.05)

    def run_schedule(self, logical_id: str) -> InvocationResult:
        """Invoke a function's schedule now (e.g. ``"OrderSyncFunction"``), as EventBridge would."""
        for runner in self._schedules:
            if runner.function.spec.logical_id == logical_id:
                return runner.fire()
        raise KeyError(f"{logical_id} has no schedule in the template")

    def webhook_key(self, channel: str = "helpdesk") -> str | None:
        """The key ``POST /webhooks/<channel>`` requests are signed with (generated, as the deploy does)."""
        if self.resources is None or "WebhookSecret" not in self.resources.secrets:
            return None
        try:
            secret = self.client("secretsmanager").get_secret_value(
                SecretId=self.resources.secrets["WebhookSecret"]
            )
            key = json.loads(secret["SecretString"]).get(channel)
        except Exception:  # a banner line must not stop the stack
            log.debug("webhook key unreadable", exc_info=True)
            return None
        return key if isinstance(key, str) else None

    def banner(self) -> str:
        domain = self.config.mail_domain
        api = self.api_url
        lines = [
            "",
            "ghostdesk local stack is running",
            "",
            f"  Mail in       {self.smtp_url}   any address @{domain}, e.g. {self.inbound_address}",
            f"  Agent console {api}/",
            f"  Agent API     {api}/api/drafts   (header  Authorization: Bearer <token>)",
            f"  Agent token   {self.agent_token}"
            + ("" if self.config.agent_token else "   (made up; set GHOSTDESK_AGENT_TOKEN to choose)"),
            f"  Webhooks      {api}/webhooks/helpdesk   signing key  {self.webhook_key() or '(none)'}",
            f"  Outbox        {self.outbox_dir}/   every email the stack sends, as .eml",
            f"  Logs          {self.logs_dir}/<Function>.log",
            f"  Orders        {self.orders_summary}",
            f"  AWS (moto)    {self.aws_endpoint}   (aws --endpoint-url {self.aws_endpoint} sqs list-queues)",
            "  Retries       "
            + (
                "SQS timing (GHOSTDESK_LOCAL_FAITHFUL=1)"
                if self.config.faithful
                else f"failed messages come back after {self.config.retry_delay_s} s "
                "(GHOSTDESK_LOCAL_FAITHFUL=1 for SQS's own timing)"
            ),
        ]
        for logical_id, error in sorted(self.init_errors.items()):
            lines.append(f"  ! {logical_id} cannot start: {error}")
        lines += ["", "  Mail the demo emails:  make demo      Stop: Ctrl-C", ""]
        return "\n".join(lines)

    # -- internals ---------------------------------------------------------------------------------

    @staticmethod
    def _require(value: _T | None, what: str) -> _T:
        if value is None:
            raise RuntimeError(f"the local stack's {what} is not running: call start() first")
        return value

    def _start(self) -> None:
        from moto.server import ThreadedMotoServer

        from ghostdesk.local.provision import provision

        config = self.config
        self.outbox_dir.mkdir(parents=True, exist_ok=True)
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        self._http_port = config.http_port or _free_port()

        # werkzeug (under moto server) prints every request unless someone configured its logger.
        werkzeug_log = logging.getLogger("werkzeug")
        if werkzeug_log.level == logging.NOTSET:
            werkzeug_log.setLevel(logging.WARNING)
        self._moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        make_moto_dynamodb_atomic()  # conditional writes must be atomic, as DynamoDB's are
        make_moto_sqs_fast()  # no whole-queue scans per received message
        make_moto_sqs_atomic()  # one receiver per message, as SQS: pollers run side by side
        self._hold_switch_interval()
        self._moto.start()
        host, port = self._moto.get_host_and_port()
        self.aws_endpoint = f"http://{host}:{port}"
        self._session = boto3.Session(
            aws_access_key_id=DUMMY_CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=DUMMY_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
            region_name=config.region,
        )
        resources = provision(
            config.template,
            session=self._session,
            endpoint_url=self.aws_endpoint,
            parameter_overrides=self._parameter_overrides(),
            name_prefix=config.name_prefix,
        )
        self.resources = resources

        spapi_env = self._start_marketplace(resources)
        channel_env = self._start_channels(resources)
        fault_env = self._arm_faults()
        functions = {
            logical_id: replace(
                spec,
                environment={
                    **spec.environment,
                    **spapi_env,
                    **(channel_env if "GHOSTDESK_CHANNELS_SECRET_ID" in spec.environment else {}),
                    **fault_env,
                },
            )
            for logical_id, spec in resources.functions.items()
        }
        self._runtime = LambdaRuntime(
            functions,
            region=resources.region,
            account_id=resources.account_id,
            endpoint_url=self.aws_endpoint,
            log_dir=self.logs_dir,
            name_prefix=config.name_prefix,
            max_concurrency=config.concurrency,
            on_result=_log_invocation,
        )
        if config.warm_start:
            self.init_errors = {
                logical_id: f"{error.error_type}: {error.error_message}"
                for logical_id, error in self._runtime.warm_all().items()
            }

        self._outbox = OutboxMirror(self.outbox_dir, account_id=resources.account_id, region=resources.region)
        self._outbox.skip_existing()  # moto's backend is per process; mirror only what this stack sends
        self._outbox.start()
        self._start_event_sources(functions)
        self._first_scheduled_runs()

        ses = self.client("ses")
        verified = {str(i) for i in ses.list_identities(IdentityType="Domain")["Identities"]}
        self._inbound = SesInbound(
            resources,
            self.client("s3"),
            self.client("sns"),
            verified_domains=verified | {config.mail_domain},
        )
        self._smtp = SmtpInbound(self._inbound, port=config.smtp_port)
        self._smtp.start()
        self._api = LocalHttpApi(
            [
                Integration(route, self._runtime[logical_id])
                for logical_id, spec in functions.items()
                for route in spec.http_routes
            ],
            agent_token=self.agent_token,
            account_id=resources.account_id,
            port=self._http_port,
        )
        self._api.start()
        self._write_state()

    def _parameter_overrides(self) -> dict[str, str]:
        from ghostdesk.local.cfn import Template

        declared = Template.load(self.config.template).parameters
        overrides = {name: value for name, value in self.config.parameters.items() if name in declared}
        if "InboundRecipients" in declared:
            overrides.setdefault("InboundRecipients", self.config.sender.rpartition("@")[2])
        if "ConsoleUrl" in declared:  # the local console, for the links in deadline alerts
            overrides.setdefault("ConsoleUrl", f"http://127.0.0.1:{self._http_port}/")
        return overrides

    def _hold_switch_interval(self) -> None:
        """Hand the GIL on every 0.5 ms (Python's default: 5 ms) while the stack runs in this process.

        moto server, the event source pollers, SMTP and the simulators share this process; a request to
        moto waits for the GIL at every socket read and write, and with the default interval each wait
        can last 5 ms while another thread computes - many times per mail, for every Lambda environment.
        Restored by :meth:`stop`.
        """
        if self._switch_interval is None:
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL_S))

    def _arm_faults(self) -> dict[str, str]:
        """With ``config.faults``: hook the simulators, write the functions' plan; their extra env."""
        if self.config.faults is None:
            return {}
        from ghostdesk.local.faults import StackFaults

        simulators = [sim for sim in (self._simulator, *self._channel_sims) if sim is not None]
        self.faults = StackFaults.arm(self.config.faults, self.data_dir, simulators)
        return self.faults.environment

    def _start_marketplace(self, resources: StackResources) -> dict[str, str]:
        """Start the SP-API simulator (or take the configured endpoint); the functions' extra env."""
        config = self.config
        if config.spapi_endpoint:
            self.spapi_endpoint = config.spapi_endpoint
            credentials = dict(config.spapi_credentials)
            if set(credentials) == set(SPAPI_CREDENTIAL_ENV):
                self._put_spapi_secret(resources, credentials)
                self.orders_summary = f"SP-API at {config.spapi_endpoint} (credentials from the environment)"
            else:
                missing = ", ".join(sorted(set(SPAPI_CREDENTIAL_ENV) - set(credentials)))
                self.orders_summary = (
                    f"SP-API at {config.spapi_endpoint}; {missing} not set: the secret keeps placeholders"
                )
            env = {"GHOSTDESK_SPAPI_ENDPOINT": config.spapi_endpoint}
            if config.lwa_token_url:
                env["GHOSTDESK_LWA_TOKEN_URL"] = config.lwa_token_url
            return env

        from ghostdesk.local.spapi_sim import SpApiSimulator, TokenBucketRateLimiter
        from ghostdesk.orders.file_source import load_orders_file

        orders = load_orders_file(config.orders_file).get("amazon", [])
        self._simulator = SpApiSimulator(
            orders,
            host="127.0.0.1",
            port=0,
            rate_limiter=TokenBucketRateLimiter() if config.enforce_spapi_quotas else None,
        )
        self._announce_order_changes(resources, self._simulator)
        rebased = config.uses_demo_orders
        if rebased:
            self._simulator.rebase_to(datetime.now(UTC))
        self._simulator.start()
        self.spapi_endpoint = self._simulator.url
        self._put_spapi_secret(
            resources,
            {
                "LWA_APP_ID": self._simulator.client_id,
                "LWA_CLIENT_SECRET": self._simulator.client_secret,
                "SP_API_REFRESH_TOKEN": self._simulator.refresh_token,
            },
        )
        self.orders_summary = (
            f"{config.orders_file} ({len(orders)} Amazon orders{', rebased to now' if rebased else ''}) "
            f"served by the SP-API simulator at {self._simulator.url}"
        )
        return {
            "GHOSTDESK_SPAPI_ENDPOINT": self._simulator.url,
            "GHOSTDESK_LWA_TOKEN_URL": self._simulator.token_url,
        }

    def _start_channels(self, resources: StackResources) -> dict[str, str]:
        """Simulate the Shopify/eBay/Walmart channels the orders file lists: start their simulators (the
        demo rebased like the SP-API one), put their credentials into the channels secret; the endpoint
        variables for the functions that read that secret."""
        from ghostdesk.local.channel_sims import (
            channels_secret,
            demo_shift,
            endpoint_environment,
            start_channel_simulators,
        )
        from ghostdesk.orders.file_source import load_orders_file

        orders = load_orders_file(self.config.orders_file)
        shift = demo_shift(orders, datetime.now(UTC)) if self.config.uses_demo_orders else None
        self._channel_sims = start_channel_simulators(orders, shift=shift)
        if not self._channel_sims:
            return {}
        secret_ids = {
            spec.environment["GHOSTDESK_CHANNELS_SECRET_ID"]
            for spec in resources.functions.values()
            if spec.environment.get("GHOSTDESK_CHANNELS_SECRET_ID")
        }
        client = self.client("secretsmanager")
        for secret_id in sorted(secret_ids):
            client.put_secret_value(
                SecretId=secret_id, SecretString=json.dumps(channels_secret(self._channel_sims))
            )
        self.orders_summary += "; " + ", ".join(
            f"{sim.channel} ({len(sim.orders)}) at {sim.url}" for sim in self._channel_sims
        )
        return endpoint_environment(self._channel_sims)

    def _announce_order_changes(self, resources: StackResources, simulator: SpApiSimulator) -> None:
        """The simulator plays Amazon's Notifications API: an order that changes is announced as an
        ORDER_CHANGE notification on the queue the template subscribes to it (OrderChangeQueue)."""
        queue = resources.queues.get("OrderChangeQueue")
        if queue is None:
            return
        sqs = self.client("sqs")

        def deliver(notification: dict[str, Any]) -> None:
            sqs.send_message(QueueUrl=queue.url, MessageBody=json.dumps(notification))

        simulator.on_order_change(deliver)

    def _first_scheduled_runs(self) -> None:
        """Run each schedule once now, before mail is accepted, instead of one period after start (as
        EventBridge does): the first order sync fills the mirror before the first buyer writes."""
        for runner in self._schedules:
            try:
                result = runner.fire()
            except Exception:
                log.exception("first run of %s failed", runner.schedule.logical_id)
                continue
            self.first_runs[runner.function.spec.logical_id] = result
            if not result.ok:
                log.warning("first run of %s failed; it runs again on schedule", runner.schedule.logical_id)

    def _put_spapi_secret(self, resources: StackResources, credentials: Mapping[str, str]) -> None:
        secret_ids = {
            spec.environment[key]
            for spec in resources.functions.values()
            for key in ("GHOSTDESK_SPAPI_SECRET_ID", "SP_API_AWS_SECRET_ID")
            if spec.environment.get(key)
        }
        client = self.client("secretsmanager")
        for secret_id in sorted(secret_ids):
            client.put_secret_value(SecretId=secret_id, SecretString=json.dumps(dict(credentials)))

    def _start_event_sources(self, functions: Mapping[str, FunctionSpec]) -> None:
        config = self.config
        resources = self._require(self.resources, "AWS")
        runtime = self._require(self._runtime, "Lambda")
        sqs = self.client("sqs")
        for logical_id, spec in functions.items():
            function = runtime[logical_id]
            for source in spec.sqs_sources:
                parallel = min(config.concurrency, source.max_concurrency or config.concurrency)
                options = DispatchOptions(
                    faithful=config.faithful,
                    retry_delay_s=config.retry_delay_s,
                    parallel_invocations=parallel,
                )
                mapping = SqsEventSourceMapping(
                    function,
                    source,
                    resources.queues[source.queue_logical_id],
                    sqs,
                    region=resources.region,
                    options=options,
                    visible_at=_moto_visible_at(resources.account_id, resources.region),
                )
                self._mappings.append(mapping)
            for schedule in spec.schedules:
                rule = f"{config.name_prefix}-{schedule.logical_id}"
                rule_arn = f"arn:aws:events:{resources.region}:{resources.account_id}:rule/{rule}"
                self._schedules.append(
                    ScheduleRunner(
                        function,
                        schedule,
                        rule_arn=rule_arn,
                        region=resources.region,
                        account_id=resources.account_id,
                        options=DispatchOptions(faithful=config.faithful, retry_delay_s=config.retry_delay_s),
                    )
                )
        for mapping in self._mappings:
            mapping.start()
        for runner in self._schedules:
            runner.start()

    def _busy(self, sqs: Any) -> list[str]:
        busy: list[str] = []
        if self._smtp is not None and self._smtp.in_flight:
            busy.append("receiving mail")
        if self._api is not None and self._api.in_flight:
            busy.append("serving HTTP")
        if self._runtime is not None and self._runtime.in_flight:
            busy.append("invocations running")
        if any(mapping.busy for mapping in self._mappings):
            busy.append("batches in work")
        for mapping in self._mappings:
            assert sqs is not None
            attributes = sqs.get_queue_attributes(
                QueueUrl=mapping.queue.url,
                AttributeNames=[
                    "ApproximateNumberOfMessages",
                    "ApproximateNumberOfMessagesNotVisible",
                    "ApproximateNumberOfMessagesDelayed",
                ],
            )["Attributes"]
            if any(int(value) for value in attributes.values()):
                busy.append(f"{mapping.queue.logical_id} not empty")
        return busy

    def _write_state(self) -> None:
        state = {
            "pid": os.getpid(),
            "smtp_host": self.smtp_host,
            "smtp_port": self.smtp_port,
            "inbound_address": self.inbound_address,
            "api_url": self.api_url,
            "aws_endpoint": self.aws_endpoint,
            "outbox": str(self.outbox_dir),
            # For commands that read the stack's tables (ghostdesk evidence): region and table names.
            "region": self.config.region,
            "tables": dict(self.resources.tables) if self.resources else {},
        }
        path = self.data_dir / STATE_FILE
        temporary = path.with_name(f".{STATE_FILE}.tmp")
        temporary.write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)


def _free_port() -> int:
    """A port of 127.0.0.1 that is free now, for a server started a moment later."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _moto_visible_at(account_id: str, region: str) -> VisibleAtProbe:
    """When a message becomes visible again, read from moto's in-process SQS backend (SQS's API
    cannot tell): lets the quick local retry respect a delay the function set itself."""

    def visible_at(queue: QueueInfo, receipt_handle: str) -> float | None:
        from moto.sqs.models import sqs_backends

        backend = sqs_backends[account_id][region]
        found = backend.queues.get(queue.url.rstrip("/").rsplit("/", 1)[-1])
        for message in list(getattr(found, "_messages", ())):
            if message.receipt_handle == receipt_handle:
                return float(message.visible_at) / 1000
        return None

    return visible_at


def _log_invocation(result: InvocationResult) -> None:
    """One console line per invocation: which function, how it went, how long it took."""
    cold = f" (cold start {result.init_ms:.0f} ms)" if result.init_ms is not None else ""
    if result.error is None:
        log.info("%s ok %.0f ms%s", result.function_name, result.duration_ms, cold)
    else:
        log.warning(
            "%s %s %.0f ms%s - see its log",
            result.function_name,
            result.error.error_type,
            result.duration_ms,
            cold,
        )


def read_state(data_dir: Path) -> dict[str, Any] | None:
    """What a running stack wrote to ``<data_dir>/stack.json``, if any."""
    try:
        state: dict[str, Any] = json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state


def send_files(
    paths: Iterable[Path], *, host: str, port: int, to: Sequence[str], mail_from: str | None = None
) -> list[tuple[Path, str]]:
    """Send each ``.eml`` to ``to`` over SMTP; the SES message ID of each. Stops at the first failure."""
    sent = []
    for path in paths:
        raw = path.read_bytes()
        sender = mail_from if mail_from is not None else parseaddr(message_from_bytes(raw).get("From", ""))[1]
        sent.append((path, send_raw_mail(host, port, raw, mail_from=sender, recipients=list(to))))
    return sent
