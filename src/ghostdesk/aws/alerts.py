"""Alerts to people through SNS: the topic an on-call address, a chat integration or a pager subscribes to.

Each alert is one plain-text message with a short subject (email subscriptions show it as the mail's
subject) and string attributes that subscriptions can filter on (``kind``: ``escalation`` or
``breach``). Nothing personal goes into an alert: the callers put IDs, cases and times in it, never a
buyer's name, address or words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: SNS refuses a subject longer than this (and one with a line break).
MAX_SUBJECT = 100


class SnsAlerts:
    def __init__(self, client: Any, topic_arn: str) -> None:
        self._client = client
        self.topic_arn = topic_arn

    def publish(self, subject: str, body: str, attributes: Mapping[str, str]) -> str:
        """Publish one alert; SNS's message ID. Raises what boto3 raises when SNS refuses or is away."""
        response = self._client.publish(
            TopicArn=self.topic_arn,
            Subject=clean_subject(subject),
            Message=body,
            MessageAttributes={
                name: {"DataType": "String", "StringValue": value} for name, value in attributes.items()
            },
        )
        return str(response["MessageId"])


def clean_subject(subject: str) -> str:
    """A subject SNS accepts: one line of printable ASCII, at most :data:`MAX_SUBJECT` characters."""
    line = " ".join(subject.split()).encode("ascii", "replace").decode("ascii")
    return line if len(line) <= MAX_SUBJECT else line[: MAX_SUBJECT - 3].rstrip() + "..."
