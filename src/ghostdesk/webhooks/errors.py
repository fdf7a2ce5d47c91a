"""Why a webhook request is refused, as typed errors (the agent API maps them to HTTP in one place).

Each has a stable ``code`` the sender can act on; messages never repeat what the request contained.
"""

from __future__ import annotations


class WebhookError(Exception):
    """A webhook request that is not accepted. Nothing of it is stored."""

    code = "invalid_request"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class UnknownChannel(WebhookError):
    """No key is configured for the channel: 404."""

    code = "unknown_channel"


class WebhookRejected(WebhookError):
    """Not signed (``unsigned``), signed wrongly (``bad_signature``), too old (``stale``) or seen before
    (``replayed``): 401."""

    code = "unauthorized"


class InvalidPayload(WebhookError):
    """Signed, but not a message we can read: 400, so the sender fixes it."""

    code = "invalid_payload"


class PayloadTooLarge(WebhookError):
    """413."""

    code = "too_large"
