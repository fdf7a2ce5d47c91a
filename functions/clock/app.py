"""ClockFunction: every five minutes, the drafts near Amazon's reply deadline escalated and those past it
recorded as breaches, each announced once on the alert topic.

The run is idempotent (each mark is a conditional write), so an overlapping or retried run alerts
nobody twice. An alert SNS would not take leaves its draft unmarked and fails the invocation: the
function's errors are watched, and the next run tries again.
"""

from __future__ import annotations

from typing import Any

from ghostdesk.clock import ClockIncomplete, run_clock
from ghostdesk.observability import logger, metrics
from ghostdesk.pipeline import wiring


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(_event: dict[str, Any], _context: Any) -> dict[str, Any]:
    report = run_clock(wiring.clock_deps())
    summary = report.to_dict()
    logger.info("clock", extra=summary)
    if report.failed:
        raise ClockIncomplete(f"{len(report.failed)} draft(s) could not be alerted or audited; see the log")
    return summary
