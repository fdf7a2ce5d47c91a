"""No buyer's personal data in any log line, across the whole pipeline, at the most verbose log level.

Given buyers with distinctive (canary) names, addresses, relay aliases, subjects and words, when their
mail and webhook messages go through every function (ingest, acknowledgement, diagnosis, draft, the
agent API's queue, detail, edit, approval and evidence, the webhook's acceptance and refusals, the
guards' suppressions), with the functions logging at DEBUG as ``LogLevel: DEBUG`` would make them,
then no line the functions write (Powertools' JSON lines, anything else on stdout or stderr, and any
library's warning) contains any of the canaries.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from aws_lambda_powertools.logging.filters import SuppressFilter

from ghostdesk.observability import SERVICE, logger
from tests.integration.conftest import Stack
from tests.integration.whole_desk import (
    ALIAS,
    CANARIES,
    DIRECT_EMAIL,
    RELAY_NAME,
    WEBHOOK_EMAIL,
    WEBHOOK_WORD,
    run_whole_desk,
)


class Captured(logging.Handler):
    """Every record a library hands to the root logger at WARNING and above (what Lambda's runtime
    writes to CloudWatch by default), formatted with its traceback. As on the runtime's own root
    handler, Powertools filters out our logger's records here: they are written once, by Powertools."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.addFilter(SuppressFilter(SERVICE))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


class LogCapture:
    """What the functions write: their logger's JSON lines (at DEBUG), the root logger's records (at
    WARNING, as Lambda's runtime forwards them) and anything else on stdout or stderr."""

    def __init__(self, capfd: pytest.CaptureFixture[str]) -> None:
        self.capfd = capfd
        self.stream = io.StringIO()
        self.root = Captured()
        self.printed: list[str] = []

    def lines(self) -> list[str]:
        out, err = self.capfd.readouterr()
        self.printed += out.splitlines() + err.splitlines()
        return self.stream.getvalue().splitlines() + self.root.lines + self.printed


@pytest.fixture
def logs(capfd: pytest.CaptureFixture[str]) -> Iterator[LogCapture]:
    capture = LogCapture(capfd)
    handler = logger.registered_handler
    previous_stream = handler.setStream(capture.stream)  # type: ignore[attr-defined]
    previous_level = logger.log_level
    logger.setLevel("DEBUG")
    logging.getLogger().addHandler(capture.root)
    try:
        yield capture
    finally:
        logging.getLogger().removeHandler(capture.root)
        logger.setLevel(previous_level)
        handler.setStream(previous_stream)  # type: ignore[attr-defined]


def leaks(lines: list[str]) -> list[tuple[str, str]]:
    found = []
    for line in lines:
        for canary in CANARIES:
            if canary.lower() in line.lower():
                found.append((canary, line[:300]))
    return found


def test_no_log_line_of_any_function_carries_a_buyers_name_address_subject_or_words(
    stack: Stack, logs: LogCapture
) -> None:
    run_whole_desk(stack)
    sent = stack.sent_emails()
    assert {m["To"] for m in sent} >= {ALIAS, DIRECT_EMAIL, WEBHOOK_EMAIL}  # the canaries did go through

    lines = logs.lines()
    assert any('"message":"message stored"' in line for line in lines), "the capture is broken"
    assert any('"message":"webhook refused"' in line for line in lines)
    assert any('"message":"retry later"' in line for line in lines)
    assert not leaks(lines), "\n".join(f"{canary}: {line}" for canary, line in leaks(lines))


def test_the_capture_would_see_a_leak_in_any_of_the_places_a_function_writes(
    logs: LogCapture,
) -> None:
    """The check above can fail: a canary logged through any channel is found."""
    logger.debug("debug line", extra={"buyer": RELAY_NAME})
    logging.getLogger("botocore.somewhere").warning("refused %s", DIRECT_EMAIL)
    print(f"printed {WEBHOOK_WORD}")
    found = {canary for canary, _ in leaks(logs.lines())}
    assert {RELAY_NAME, DIRECT_EMAIL, WEBHOOK_WORD} <= found


def test_an_address_in_a_log_call_or_an_exception_is_removed_from_the_functions_lines(
    logs: LogCapture,
) -> None:
    logger.info("send refused", extra={"to": ALIAS})
    try:
        raise RuntimeError(f"SES: the following identities failed the check: {DIRECT_EMAIL}")
    except RuntimeError:
        logger.exception("send failed")
    lines = logs.lines()
    assert any('"to":"<email>"' in line for line in lines)
    assert not leaks(lines)
