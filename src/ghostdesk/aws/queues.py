"""The work queues between pipeline stages. Bodies carry IDs, never buyer content."""

from __future__ import annotations

import json
from typing import Any


class WorkQueue:
    def __init__(self, client: Any, url: str) -> None:
        self._client = client
        self.url = url

    def send(self, body: dict[str, Any], *, delay_s: int = 0) -> None:
        self._client.send_message(
            QueueUrl=self.url,
            MessageBody=json.dumps(body, separators=(",", ":")),
            DelaySeconds=max(0, min(int(delay_s), 900)),
        )
