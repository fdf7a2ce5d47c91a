"""``ghostdesk serve`` (what ``make run`` starts) and ``ghostdesk send-demo`` (what ``make demo`` runs)."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import signal
import smtplib
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from ghostdesk.local.stack import (
    DEFAULT_SENDER,
    REPO_ROOT,
    LocalStack,
    StackConfig,
    StackConfigError,
    read_state,
)

DEMO_EMAILS = REPO_ROOT / "demo" / "emails"
_QUIET_LOGGERS = ("botocore", "boto3", "urllib3", "werkzeug", "moto", "mail.log", "aiosmtpd", "asyncio")


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)-7s %(message)s",
        datefmt="%H:%M:%S",
        stream=sys.stderr,
    )
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def serve_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="ghostdesk serve",
        description="Run the local stack: embedded AWS (moto), the marketplace simulator, SMTP in, "
        "the Lambda functions and the agent API, all on 127.0.0.1. Settings come from the "
        "GHOSTDESK_* environment variables; the options below override them.",
    )
    parser.add_argument("--smtp-port", type=int, help="SMTP port (GHOSTDESK_SMTP_PORT, default 2525)")
    parser.add_argument(
        "--http-port", type=int, help="agent console/API port (GHOSTDESK_HTTP_PORT, default 8080)"
    )
    parser.add_argument(
        "--orders", type=Path, help="orders file the simulator serves (GHOSTDESK_ORDERS_FILE)"
    )
    parser.add_argument(
        "--data-dir", type=Path, help="outbox, logs and state (GHOSTDESK_DATA_DIR, default .local/)"
    )
    parser.add_argument(
        "--faithful",
        action="store_true",
        help="SQS's own retry timing instead of quick local retries (GHOSTDESK_LOCAL_FAITHFUL=1)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    args = parser.parse_args(list(argv))
    _configure_logging(args.verbose)

    overrides: dict[str, object] = {}
    for option, key in (("smtp_port", "smtp_port"), ("http_port", "http_port"), ("orders", "orders_file")):
        if getattr(args, option) is not None:
            overrides[key] = getattr(args, option)
    if args.data_dir is not None:
        overrides["data_dir"] = args.data_dir
    if args.faithful:
        overrides["faithful"] = True
    try:
        config = StackConfig.from_env(**overrides)
    except StackConfigError as exc:
        print(f"ghostdesk serve: {exc}", file=sys.stderr)
        return 2
    if not config.orders_file.is_file() and not config.spapi_endpoint:
        print(
            f"ghostdesk serve: orders file {config.orders_file} not found (GHOSTDESK_ORDERS_FILE)",
            file=sys.stderr,
        )
        return 2

    stack = LocalStack(config)
    try:
        stack.start()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(
                f"ghostdesk serve: a port is already in use ({exc}). Is another stack running? Choose "
                f"others with GHOSTDESK_SMTP_PORT (now {config.smtp_port}) and GHOSTDESK_HTTP_PORT "
                f"(now {config.http_port}).",
                file=sys.stderr,
            )
            return 1
        raise
    except (ValueError, RuntimeError) as exc:  # template, orders file or parameter problems
        print(f"ghostdesk serve: cannot start the local stack: {exc}", file=sys.stderr)
        return 1

    stopping = threading.Event()

    def request_stop(_signum: int, _frame: FrameType | None) -> None:
        if stopping.is_set():  # a second Ctrl-C: do not wait for running invocations
            print("\nforced stop.", file=sys.stderr, flush=True)
            os._exit(130)
        stopping.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        print(stack.banner(), flush=True)
        while not stopping.wait(0.5):
            pass
        print("\nstopping the local stack ...", file=sys.stderr, flush=True)
    finally:
        stack.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("stopped.", file=sys.stderr)
    return 0


def send_demo_main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="ghostdesk send-demo",
        description="Mail the demo emails (demo/emails/*.eml) to the running local stack over SMTP, "
        "as a buyer's mail server would deliver them.",
    )
    parser.add_argument("files", nargs="*", type=Path, help="emails to send (default: demo/emails/*.eml)")
    parser.add_argument("--to", help="envelope recipient (default: an address of the running stack)")
    parser.add_argument("--smtp-host", default="127.0.0.1")
    parser.add_argument(
        "--smtp-port", type=int, help="default: the running stack's, else GHOSTDESK_SMTP_PORT or 2525"
    )
    parser.add_argument(
        "--data-dir", type=Path, help="where the running stack keeps its state (GHOSTDESK_DATA_DIR)"
    )
    args = parser.parse_args(list(argv))

    data_dir = args.data_dir or Path(os.environ.get("GHOSTDESK_DATA_DIR") or ".local")
    state = read_state(data_dir) or {}
    port = args.smtp_port or state.get("smtp_port") or int(os.environ.get("GHOSTDESK_SMTP_PORT") or 2525)
    sender_domain = (os.environ.get("GHOSTDESK_SENDER") or DEFAULT_SENDER).rpartition("@")[2]
    to = args.to or state.get("inbound_address") or f"orders@{sender_domain}"
    files = list(args.files) or sorted(DEMO_EMAILS.glob("*.eml"))
    if not files:
        print(f"ghostdesk send-demo: no emails to send (looked in {DEMO_EMAILS})", file=sys.stderr)
        return 1

    from ghostdesk.local.stack import send_files

    print(f"sending {len(files)} email(s) to {to} via smtp://{args.smtp_host}:{port}")
    try:
        for path in files:
            [(_, message_id)] = send_files([path], host=args.smtp_host, port=int(port), to=[to])
            print(f"  sent {path.name}  (SES message {message_id})", flush=True)
    except (ConnectionRefusedError, TimeoutError, smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected):
        print(
            f"ghostdesk send-demo: nothing is listening on smtp://{args.smtp_host}:{port}.\n"
            "Start the local stack first (`make run` in another terminal), then run `make demo` again.",
            file=sys.stderr,
        )
        return 1
    except smtplib.SMTPException as exc:
        print(f"ghostdesk send-demo: the stack refused {path.name}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"ghostdesk send-demo: cannot send {path.name}: {exc}", file=sys.stderr)
        return 1
    api_url = state.get("api_url")
    outbox = state.get("outbox")
    if api_url:
        print(f"\nDrafts appear in the agent console at {api_url}/ (the token is in the stack's banner).")
    if outbox:
        print(f"Acknowledgements sent to buyers land in {outbox}/")
    return 0
