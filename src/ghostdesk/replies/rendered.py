"""A rendered reply as it is stored with a draft: which macro and version, in which language, the slot
values, the text and HTML alternatives, and what the compliance checker found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ghostdesk.replies.compliance.finding import Finding
from ghostdesk.replies.context import ReplyContext


@dataclass(frozen=True)
class RenderedReply:
    """One reply from one macro. ``findings`` empty means it may be approved and sent.

    ``context`` keeps the facts it was rendered from, so an agent's edit can be re-rendered from the same
    facts with new slot values and the locked wording stays exactly as it was.
    """

    macro: str
    version: int
    language: str
    slots: dict[str, str]
    text: str
    html: str
    findings: list[Finding] = field(default_factory=list)
    context: ReplyContext | None = None

    @property
    def ok(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict[str, Any]:
        """A JSON- and DynamoDB-friendly dict (strings, ints, lists, dicts and None only)."""
        return {
            "macro": self.macro,
            "version": self.version,
            "language": self.language,
            "slots": dict(self.slots),
            "text": self.text,
            "html": self.html,
            "findings": [f.to_dict() for f in self.findings],
            "context": self.context.to_dict() if self.context else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RenderedReply:
        context = data.get("context")
        return cls(
            macro=str(data["macro"]),
            version=int(data["version"]),  # DynamoDB hands numbers back as Decimal
            language=str(data["language"]),
            slots={str(k): str(v) for k, v in (data.get("slots") or {}).items()},
            text=str(data["text"]),
            html=str(data["html"]),
            findings=[Finding.from_dict(f) for f in data.get("findings") or ()],
            context=ReplyContext.from_dict(context) if context else None,
        )
