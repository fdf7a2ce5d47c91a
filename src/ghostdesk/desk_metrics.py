"""The desk's own numbers as CloudWatch metrics (Powertools, Embedded Metric Format).

One name per number, in one place, because the dashboard and the alarms in ``template.yaml`` refer to
them by these names (a test holds the two together):

- ``AcknowledgementLatency`` (s): from receipt of the buyer's mail to our acknowledgement leaving SES;
- ``TimeToApproval`` (s): from receipt to the approved reply leaving SES (Amazon's 24-hour clock);
- ``DraftsQueued``: reply drafts put in the approval queue (follow-ups included);
- ``CasesByType`` with dimension ``Case``: diagnosed messages by case (pending, ghost_not_found, ...);
- ``Escalations``: drafts escalated as their deadline drew near;
- ``Breaches``: drafts whose deadline passed with no reply sent.

Metrics are buffered and written once per invocation by ``@metrics.log_metrics`` on the handler; a case
count carries its own dimension, so it is written at once as a single metric. Every metric has the
``service`` dimension (``ghostdesk``).
"""

from __future__ import annotations

from datetime import datetime

from aws_lambda_powertools.metrics import MetricUnit, single_metric

from ghostdesk.observability import SERVICE, metrics

NAMESPACE = "Ghostdesk"
ACKNOWLEDGEMENT_LATENCY = "AcknowledgementLatency"
TIME_TO_APPROVAL = "TimeToApproval"
DRAFTS_QUEUED = "DraftsQueued"
CASES_BY_TYPE = "CasesByType"
ESCALATIONS = "Escalations"
BREACHES = "Breaches"
CASE_DIMENSION = "Case"
SERVICE_DIMENSION = "service"

ALL = (ACKNOWLEDGEMENT_LATENCY, TIME_TO_APPROVAL, DRAFTS_QUEUED, CASES_BY_TYPE, ESCALATIONS, BREACHES)


def _seconds(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds())


def acknowledgement_sent(received_at: datetime, sent_at: datetime) -> None:
    metrics.add_metric(
        name=ACKNOWLEDGEMENT_LATENCY, unit=MetricUnit.Seconds, value=_seconds(received_at, sent_at)
    )


def reply_sent(received_at: datetime, sent_at: datetime) -> None:
    """An approved reply went out: the time the buyer waited for a person's answer."""
    metrics.add_metric(name=TIME_TO_APPROVAL, unit=MetricUnit.Seconds, value=_seconds(received_at, sent_at))


def draft_queued() -> None:
    metrics.add_metric(name=DRAFTS_QUEUED, unit=MetricUnit.Count, value=1)


def escalated() -> None:
    metrics.add_metric(name=ESCALATIONS, unit=MetricUnit.Count, value=1)


def breached() -> None:
    metrics.add_metric(name=BREACHES, unit=MetricUnit.Count, value=1)


def case_diagnosed(case: str) -> None:
    """One more message of this case. Written at once: a batch holds several cases, and a buffered
    metric set shares one set of dimensions."""
    with single_metric(
        name=CASES_BY_TYPE,
        unit=MetricUnit.Count,
        value=1,
        namespace=NAMESPACE,
        default_dimensions={SERVICE_DIMENSION: SERVICE},
    ) as metric:
        metric.add_dimension(name=CASE_DIMENSION, value=case)
