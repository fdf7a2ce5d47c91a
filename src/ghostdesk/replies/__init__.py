"""Replies: the locked macro library, the facts it may use, and the compliance checker.

Names are re-exported lazily so that ``import ghostdesk.replies.compliance`` (used on every edit) does not
pull in Jinja, and a Lambda pays only for what it uses:

- :func:`select_macro`, :func:`acknowledgement_macro` — which macro answers a diagnosis
- :class:`ReplyContext`, :func:`reply_context` — the only facts a macro may see
- :class:`MacroLibrary`, :func:`resolve_language`, :class:`RenderedReply` — rendering and locked edits
- :func:`check_reply`, :class:`Finding` — the compliance checker
- errors: :class:`NoMacro`, :class:`LockedTextError`, :class:`ComplianceError`, ...
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ghostdesk.replies.compliance import check_reply
    from ghostdesk.replies.compliance.finding import Finding
    from ghostdesk.replies.context import ReplyContext, acknowledgement_context, reply_context
    from ghostdesk.replies.errors import (
        ComplianceError,
        LockedTextError,
        MissingFact,
        NoMacro,
        ReplyError,
        SlotValueError,
        UnknownMacro,
    )
    from ghostdesk.replies.library import MacroLibrary, resolve_language
    from ghostdesk.replies.rendered import RenderedReply
    from ghostdesk.replies.selection import acknowledgement_macro, select_macro

_EXPORTS = {
    "check_reply": "ghostdesk.replies.compliance",
    "Finding": "ghostdesk.replies.compliance.finding",
    "ReplyContext": "ghostdesk.replies.context",
    "reply_context": "ghostdesk.replies.context",
    "acknowledgement_context": "ghostdesk.replies.context",
    "ComplianceError": "ghostdesk.replies.errors",
    "LockedTextError": "ghostdesk.replies.errors",
    "MissingFact": "ghostdesk.replies.errors",
    "NoMacro": "ghostdesk.replies.errors",
    "ReplyError": "ghostdesk.replies.errors",
    "SlotValueError": "ghostdesk.replies.errors",
    "UnknownMacro": "ghostdesk.replies.errors",
    "MacroLibrary": "ghostdesk.replies.library",
    "resolve_language": "ghostdesk.replies.library",
    "RenderedReply": "ghostdesk.replies.rendered",
    "acknowledgement_macro": "ghostdesk.replies.selection",
    "select_macro": "ghostdesk.replies.selection",
}

__all__ = [
    "ComplianceError",
    "Finding",
    "LockedTextError",
    "MacroLibrary",
    "MissingFact",
    "NoMacro",
    "RenderedReply",
    "ReplyContext",
    "ReplyError",
    "SlotValueError",
    "UnknownMacro",
    "acknowledgement_context",
    "acknowledgement_macro",
    "check_reply",
    "reply_context",
    "resolve_language",
    "select_macro",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ghostdesk.replies' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
