"""One place for logging and metrics, so every function logs the same structured way.

Log lines carry IDs, cases, statuses and counts: never a buyer's name, address or words. Where an
address must be correlated (e.g. "same sender as before"), log :func:`fingerprint` of it instead.
"""

from __future__ import annotations

import hashlib
import re

from aws_lambda_powertools import Logger, Metrics

SERVICE = "ghostdesk"

logger = Logger(service=SERVICE)
metrics = Metrics(namespace="Ghostdesk", service=SERVICE)

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(\.[\w-]+)+")


def fingerprint(value: str | None) -> str | None:
    """A short, stable, non-reversible tag for a personal value (an email address) to correlate logs."""
    if not value:
        return None
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:12]


def redact(text: str) -> str:
    """Remove email addresses from a string bound for a log line (e.g. an exception message)."""
    return _EMAIL.sub("<email>", text)
