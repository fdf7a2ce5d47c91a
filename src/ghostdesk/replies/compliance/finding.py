"""What the compliance checker reports: one finding per breach, named by a stable rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Stable rule names: stored with drafts, shown to agents and matched by tests. Extend, never rename.
DATE_PROMISE = "date_promise"
EXTERNAL_LINK = "external_link"
EMAIL_ADDRESS = "email_address"
PHONE_NUMBER = "phone_number"
EMOJI = "emoji"
FEEDBACK_INCENTIVE = "feedback_incentive"
MARKETING = "marketing"
BLAME_ACCEPTANCE = "blame_acceptance"
REFUND_OR_CANCEL_PROMISE = "refund_or_cancel_promise"

# rule -> what it protects against, in words an agent understands when a draft is refused.
RULES: dict[str, str] = {
    DATE_PROMISE: "promises a date or time span for shipping or completion, which Amazon controls",
    EXTERNAL_LINK: "links to a website other than Amazon's own",
    EMAIL_ADDRESS: "contains an email address",
    PHONE_NUMBER: "contains a phone number",
    EMOJI: "contains an emoji or emoticon",
    FEEDBACK_INCENTIVE: "asks for a positive review or rating, or offers something in return for one",
    MARKETING: "contains marketing or promotional content",
    BLAME_ACCEPTANCE: "accepts blame for a delay that Amazon controls",
    REFUND_OR_CANCEL_PROMISE: "promises a refund or a cancellation the seller cannot make",
}


@dataclass(frozen=True)
class Finding:
    """One breach of Amazon's messaging rules: the rule and the offending words as they appear."""

    rule: str
    text: str

    @property
    def explanation(self) -> str:
        return RULES.get(self.rule, self.rule)

    def __str__(self) -> str:
        return f"{self.rule}: {self.text!r} ({self.explanation})"

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(rule=str(data["rule"]), text=str(data["text"]))
