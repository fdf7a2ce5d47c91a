"""Typed errors of the agent's desk, each with a message an agent can act on.

The HTTP API maps these (and the reply layer's :class:`~ghostdesk.replies.errors.ReplyError`) to status
codes in one place (``ghostdesk.api.errors``); nothing here knows about HTTP.
"""

from __future__ import annotations

from collections.abc import Sequence

from ghostdesk.replies.compliance.finding import Finding


class ReviewError(Exception):
    """Base of every error an agent's action can end in."""


class InvalidRequest(ReviewError):
    """The request itself is malformed (not JSON, a missing reason, an unknown status)."""


class DraftNotFound(ReviewError):
    """No draft has this ID (or it expired under the retention policy)."""


class EvidenceNotFound(ReviewError):
    """Neither a case nor an order with this ID is on record."""


class DraftConflict(ReviewError):
    """The draft is not in a state that allows the action (already decided, changed meanwhile, ...)."""


class StaleDraft(DraftConflict):
    """The draft changed since the agent opened it; reload it and apply the change again."""


class InvalidTransition(DraftConflict):
    """The action does not apply to the draft's status, e.g. editing a reply that was already sent."""


class ApprovalInProgress(DraftConflict):
    """Another approval of this draft is handing it to SES right now; it will be sent once."""


class NotSendable(DraftConflict):
    """The reply may not be sent as it is: compliance findings, or text that no longer matches its macro."""

    def __init__(self, message: str, findings: Sequence[Finding] = ()) -> None:
        super().__init__(message)
        self.findings = list(findings)


class SendRetryLater(ReviewError):
    """SES did not take the reply (throttled or unreachable); nothing was sent, the draft waits again."""

    def __init__(self, message: str, retry_after_s: int = 30) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class SendFailed(ReviewError):
    """SES refused the reply for good, or its outcome is unknown: the draft now needs attention."""
