"""Typed errors of the reply layer, each with a message an agent or a support lead can act on."""

from __future__ import annotations

from collections.abc import Sequence

from ghostdesk.replies.compliance.finding import Finding


class ReplyError(Exception):
    """Base of every error raised while choosing, rendering or editing a reply."""


class NoMacro(ReplyError):
    """The diagnosis has no reply macro (e.g. a message that is not about an order's status)."""


class UnknownMacro(ReplyError, KeyError):
    """A macro name that the catalog does not list."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "unknown macro"


class MissingFact(ReplyError):
    """A macro needs a fact (e.g. the order ID) that the reply context does not have."""


class LockedTextError(ReplyError):
    """An edit tried to change the macro's locked wording or a slot the macro does not declare."""


class SlotValueError(ReplyError, ValueError):
    """A slot value that cannot be used as it is (too long, several lines where one is allowed)."""


class ComplianceError(ReplyError):
    """A reply breaks Amazon's messaging rules; ``findings`` say which words break which rule."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        listed = "; ".join(f"{f.rule} ({f.explanation}): {f.text!r}" for f in self.findings)
        super().__init__(f"the reply breaks Amazon's messaging rules: {listed}")
