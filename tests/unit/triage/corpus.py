"""The labelled multilingual corpus in ``tests/fixtures/triage``, as BuyerMessages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ghostdesk.models import BuyerMessage, Channel

CORPUS_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "triage"
LANGUAGES = ("en", "de", "fr", "es", "it")


@dataclass(frozen=True)
class Labelled:
    id: str
    language: str
    note: str
    message: BuyerMessage
    order_status: bool
    identifiers: frozenset[tuple[str, str, str, str | None]]  # (kind, value, source, carrier)


def _message(entry: dict[str, Any], language: str) -> BuyerMessage:
    body, quoted = entry["body"], entry["quoted"]
    return BuyerMessage(
        message_id=f"<{entry['id']}@corpus.test>",
        subject=entry["subject"],
        from_address="buyer@marketplace.amazon.test" if entry["channel"] == "amazon" else "buyer@mail.test",
        from_name="Buyer",
        to=("seller@shop.test",),
        date=None,
        in_reply_to=None,
        references=(),
        text=body + ("\n\n" + quoted if quoted else ""),
        fresh_text=body,
        quoted_text=quoted,
        channel=Channel(entry["channel"]),
        language=language,
        relay_order_id=entry["relay_order_id"],
    )


@cache
def load(language: str) -> tuple[Labelled, ...]:
    data = json.loads((CORPUS_DIR / f"{language}.json").read_text(encoding="utf-8"))
    assert data["language"] == language
    return tuple(
        Labelled(
            id=entry["id"],
            language=language,
            note=entry["note"],
            message=_message(entry, language),
            order_status=entry["order_status"],
            identifiers=frozenset(
                (i["kind"], i["value"], i["source"], i.get("carrier")) for i in entry["identifiers"]
            ),
        )
        for entry in data["messages"]
    )


def everything() -> tuple[Labelled, ...]:
    return tuple(item for language in LANGUAGES for item in load(language))
