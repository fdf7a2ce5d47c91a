"""The approval queue, page by page: drafts of one or more statuses, earliest deadline first.

Each status is its own run of the ``ByStatus`` index; a page merges the runs by deadline. The cursor
remembers, for each status, the last draft shown (so the next page starts right after it) and which
runs are used up. It is opaque to clients (URL-safe base64 of JSON) and validated when it comes back.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ghostdesk.records import DraftRecord, DraftStatus
from ghostdesk.review.errors import InvalidRequest

if TYPE_CHECKING:
    from ghostdesk.aws.tables import DraftStore


@dataclass(frozen=True)
class QueuePage:
    drafts: list[DraftRecord]
    next_cursor: str | None  # None: this was the last page


def parse_statuses(raw: str | None, default: Sequence[DraftStatus]) -> list[DraftStatus]:
    """``"pending_approval,needs_attention"`` as statuses; :class:`InvalidRequest` names the known ones."""
    if not raw:
        return list(default)
    statuses: list[DraftStatus] = []
    for name in raw.split(","):
        name = name.strip()
        if not name:
            continue
        try:
            status = DraftStatus(name)
        except ValueError:
            known = ", ".join(s.value for s in DraftStatus)
            raise InvalidRequest(f"unknown status {name!r}; use one or more of {known}") from None
        if status not in statuses:
            statuses.append(status)
    return statuses or list(default)


def _encode(positions: dict[str, list[str]], done: list[str]) -> str:
    raw = json.dumps({"after": positions, "done": done}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[dict[str, tuple[str, str]], set[str]]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data: Any = json.loads(base64.urlsafe_b64decode(padded.encode()))
        positions = {str(k): (str(v[0]), str(v[1])) for k, v in dict(data["after"]).items()}
        done = {str(s) for s in data["done"]}
    except (binascii.Error, ValueError, KeyError, TypeError, IndexError):
        raise InvalidRequest("the cursor is not one this API handed out; start from the first page") from None
    return positions, done


def queue_page(
    store: DraftStore, statuses: Sequence[DraftStatus], *, limit: int, cursor: str | None = None
) -> QueuePage:
    positions, done = _decode(cursor) if cursor else ({}, set())
    runs: dict[DraftStatus, tuple[list[DraftRecord], bool]] = {}
    for status in statuses:
        if status.value not in done:
            runs[status] = store.page_by_status(status, limit=limit, after=positions.get(status.value))
    merged = sorted(
        ((draft, status) for status, (drafts, _) in runs.items() for draft in drafts),
        key=lambda pair: (pair[0].deadline, pair[0].draft_id),
    )[:limit]
    new_positions = {k: [v[0], v[1]] for k, v in positions.items()}
    new_done = set(done)
    for status, (drafts, more) in runs.items():
        taken = [draft for draft, s in merged if s is status]
        if taken:
            new_positions[status.value] = [taken[-1].deadline.isoformat(), taken[-1].draft_id]
        if len(taken) == len(drafts) and not more:
            new_done.add(status.value)
    finished = all(s.value in new_done for s in statuses)
    next_cursor = None if finished else _encode(new_positions, sorted(new_done))
    return QueuePage([draft for draft, _ in merged], next_cursor)
