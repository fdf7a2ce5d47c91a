"""One place for logging and metrics, so every function logs the same structured way.

Log lines carry IDs, cases, statuses and counts: never a buyer's name, address or words. Where an
address must be correlated (e.g. "same sender as before"), log :func:`fingerprint` of it instead; an
address that slips into a line anyway (an exception's text) is removed by :class:`RedactingFormatter`.
"""

from __future__ import annotations

import hashlib
import re
import warnings

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

SERVICE = "ghostdesk"


class RedactingFormatter(LambdaPowertoolsFormatter):
    """Powertools' JSON lines with every email address removed, as a last line of defence: whatever a
    log call or a traceback (an SES error naming a recipient) carries, no address leaves the function."""

    def serialize(self, log: dict[str, object]) -> str:  # type: ignore[override]
        return redact(super().serialize(log))


logger = Logger(service=SERVICE, logger_formatter=RedactingFormatter())
metrics = Metrics(namespace="Ghostdesk", service=SERVICE)
# Every handler flushes metrics (``@metrics.log_metrics``) and many invocations have none to write (an
# API read, an order change that moves no draft): that is normal, not worth a warning per container.
warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(\.[\w-]+)+")


def fingerprint(value: str | None) -> str | None:
    """A short, stable, non-reversible tag for a personal value (an email address) to correlate logs."""
    if not value:
        return None
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:12]


def redact(text: str) -> str:
    """Remove email addresses from a string bound for a log line (e.g. an exception message)."""
    return _EMAIL.sub("<email>", text)


def exception_summary(exc: BaseException) -> dict[str, str]:
    """An exception for a log line without its text, which may quote a buyer: its type and where it
    was raised (``module:line`` of the innermost frame)."""
    summary = {"error": type(exc).__name__}
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    if frame is not None:
        code = frame.tb_frame.f_code
        module = frame.tb_frame.f_globals.get("__name__", code.co_filename)
        summary["where"] = f"{module}:{frame.tb_lineno}"
    return summary
