"""The order mirror's and the quota's DynamoDB tables, created in moto exactly as template.yaml declares
them (keys, the ByBuyerEmail index, TTL), plus clocks the tests move by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from ghostdesk.local.cfn import Template
from ghostdesk.local.moto_atomic import make_moto_dynamodb_atomic
from tests.shared_data import REPO

REGION = "us-east-1"
_INDEX_KEYS = ("IndexName", "KeySchema", "Projection")


def create_table(client: Any, logical_id: str) -> str:
    """Create the template's table ``logical_id`` (named after it) and return its name."""
    props = Template.load(REPO / "template.yaml").properties(logical_id)
    definition: dict[str, Any] = {
        "TableName": logical_id,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props["BillingMode"],
    }
    if props.get("GlobalSecondaryIndexes"):
        definition["GlobalSecondaryIndexes"] = [
            {key: index[key] for key in _INDEX_KEYS} for index in props["GlobalSecondaryIndexes"]
        ]
    client.create_table(**definition)
    ttl = props["TimeToLiveSpecification"]
    client.update_time_to_live(
        TableName=logical_id,
        TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
    )
    return logical_id


@dataclass
class Tables:
    client: Any
    orders: str
    quota: str


@pytest.fixture
def tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[Tables]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
    }.items():
        monkeypatch.setenv(name, value)
    make_moto_dynamodb_atomic()  # DynamoDB's conditional writes are atomic; moto's are made so
    with mock_aws():
        client = boto3.client("dynamodb", region_name=REGION)
        yield Tables(client, create_table(client, "OrdersTable"), create_table(client, "QuotaTable"))


class ManualClock:
    """Wall-clock time that moves only when a test says so (epoch seconds and datetimes agree)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def epoch(self) -> float:
        return self.now.timestamp()

    def datetime(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        """A sleep that passes manual time instead of real time."""
        self.advance(max(0.0, seconds))
