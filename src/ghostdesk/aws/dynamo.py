"""Shared DynamoDB plumbing: item (de)serialisation and optimistic updates.

Records are stored as a JSON document (``doc``) beside the few attributes that keys, indexes and TTL
need natively. That keeps floats, nested evidence and optional fields out of DynamoDB's type system
while the table still sorts, indexes and expires items by real attributes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

_SERIALIZER = TypeSerializer()
_DESERIALIZER = TypeDeserializer()


class ConflictError(RuntimeError):
    """Someone else changed the item between our read and our write; re-read and try again."""


def to_item(native: Mapping[str, Any], doc: Mapping[str, Any]) -> dict[str, Any]:
    item = {k: _SERIALIZER.serialize(v) for k, v in native.items() if v is not None}
    item["doc"] = {"S": json.dumps(doc, ensure_ascii=False, separators=(",", ":"))}
    return item


def doc_of(item: Mapping[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(item["doc"]["S"])
    return doc


def native_of(item: Mapping[str, Any], name: str) -> Any:
    if name not in item:
        return None
    return _DESERIALIZER.deserialize(item[name])


def is_conditional_failure(exc: Exception) -> bool:
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return False
    return bool(response.get("Error", {}).get("Code") == "ConditionalCheckFailedException")
