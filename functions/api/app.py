"""ApiFunction: the agent API and console behind API Gateway's HTTP API (JWT authorizer in front)."""

from __future__ import annotations

from typing import Any

from ghostdesk.api.routes import app
from ghostdesk.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return app.resolve(event, context)
