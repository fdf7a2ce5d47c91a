"""Records that fit a DynamoDB item, whatever a sender throws at us.

A DynamoDB item holds at most 400 KB, and mail does not care: a message to 10,000 recipients, a body of
half a megabyte of text, a list of a thousand order numbers. Such a record would be refused by
DynamoDB on every retry, and the message would end in the dead-letter queue instead of being stored
with a status. So before a message record is written it is made to fit: the recipient list, the
identifiers and the attachment list are capped, and the texts are cut (the buyer's fresh words keep
the largest share). The raw mail stays whole in S3; the record says ``truncated_for_storage``.

For the same reason triage reads a bounded prefix of each text (:func:`for_triage`).
"""

from __future__ import annotations

import json
from dataclasses import replace

from ghostdesk.models import BuyerMessage
from ghostdesk.records import MessageRecord

# Room for the record's document; the rest of the 400 KB item is left to the native attributes and to
# later additions (the acknowledgement's text, IDs of sent replies).
RECORD_BUDGET_BYTES = 300_000
MAX_STORED_RECIPIENTS = 50
MAX_STORED_IDENTIFIERS = 100
MAX_STORED_ATTACHMENTS = 100
MAX_STORED_REFERENCES = 20
TRUNCATED = "truncated_for_storage"
# Triage reads at most this much of each text: no buyer writes more, and its identifier scan grows
# faster than the text (a hostile half megabyte of order numbers would outlast the Lambda timeout).
TRIAGE_MAX_CHARS = 20_000
# Shares of the text budget: the buyer's fresh words first, then the whole text, then quoted history.
_TEXT_SHARES = (("fresh_text", 0.5), ("text", 0.35), ("quoted_text", 0.15))


def record_size(record: MessageRecord) -> int:
    """The stored document's size in bytes, as :mod:`ghostdesk.aws.dynamo` serialises it."""
    return len(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _cut(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8", errors="surrogatepass")
    if len(encoded) <= max_bytes:
        return text
    return encoded[: max(0, max_bytes)].decode("utf-8", errors="ignore")


def fit_for_storage(record: MessageRecord, *, budget: int = RECORD_BUDGET_BYTES) -> MessageRecord:
    """``record`` itself when it fits; otherwise a copy cut down to ``budget`` bytes (see module doc)."""
    if record_size(record) <= budget:
        return record
    message, triage = record.message, record.triage
    if triage is not None and len(triage.identifiers) > MAX_STORED_IDENTIFIERS:
        triage = replace(triage, identifiers=triage.identifiers[:MAX_STORED_IDENTIFIERS])
    record = record.with_changes(triage=triage)
    if message is None:
        return record
    message = replace(
        message,
        to=tuple(_cut(address, 320) for address in message.to[:MAX_STORED_RECIPIENTS]),
        references=tuple(_cut(ref, 1000) for ref in message.references[-MAX_STORED_REFERENCES:]),
        message_id=_cut(message.message_id, 1000) if message.message_id else None,
        in_reply_to=_cut(message.in_reply_to, 1000) if message.in_reply_to else None,
        from_address=_cut(message.from_address, 320),
        reply_to=_cut(message.reply_to, 320) if message.reply_to else None,
        attachments=tuple(
            replace(a, filename=_cut(a.filename, 200) if a.filename else a.filename)
            for a in message.attachments[:MAX_STORED_ATTACHMENTS]
        ),
        auto_headers={name: _cut(value, 1000) for name, value in message.auto_headers.items()},
        subject=_cut(message.subject, 2000),
        from_name=_cut(message.from_name, 500),
        defects=tuple(dict.fromkeys((*message.defects, TRUNCATED))),
    )
    # Then the texts, by their shares of what is left; JSON escapes make some characters six bytes
    # long, so the cut is repeated with less until the record fits (at worst the texts are empty).
    texts = {name: getattr(message, name) for name, _ in _TEXT_SHARES}
    fixed = record_size(record.with_changes(message=_with_texts(message, dict.fromkeys(texts, ""))))
    available = max(0, budget - fixed)
    while True:
        cut = {name: _cut(texts[name], int(available * share)) for name, share in _TEXT_SHARES}
        fitted = record.with_changes(message=_with_texts(message, cut))
        if record_size(fitted) <= budget or available == 0:
            return fitted
        available //= 2


def _with_texts(message: BuyerMessage, texts: dict[str, str]) -> BuyerMessage:
    return replace(
        message, fresh_text=texts["fresh_text"], text=texts["text"], quoted_text=texts["quoted_text"]
    )


def for_triage(message: BuyerMessage) -> BuyerMessage:
    """``message`` with each text cut to :data:`TRIAGE_MAX_CHARS` (itself when nothing is that long)."""
    if max(len(message.text), len(message.fresh_text), len(message.quoted_text)) <= TRIAGE_MAX_CHARS:
        return message
    return replace(
        message,
        text=message.text[:TRIAGE_MAX_CHARS],
        fresh_text=message.fresh_text[:TRIAGE_MAX_CHARS],
        quoted_text=message.quoted_text[:TRIAGE_MAX_CHARS],
    )
