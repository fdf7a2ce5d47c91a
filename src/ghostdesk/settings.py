"""Settings, parsed once from the environment into a typed object, with a clear error on a bad value.

The same variables configure a Lambda (set by ``template.yaml``), the local stack and the CLI, so a
setting means the same thing everywhere. Resource names are optional here because not every process
needs every resource; the adapter that needs one asks for it through :meth:`Settings.require`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable and what it should be."""


def _default_templates_dir() -> Path:
    # In Lambda the macros arrive as a layer under /opt/templates; in a checkout they sit at the repo root.
    layer = Path("/opt/templates")
    if layer.is_dir():
        return layer
    return Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True)
class Settings:
    # Who we are and whom we serve
    sender: str = "support@example.com"  # the approved sender address replies go out from
    sender_name: str = "Customer Service"
    marketplace: str = "US"  # the seller's home marketplace: a code, an ID or a domain
    default_language: str = "en"
    # Clocks and thresholds
    sla_hours: float = 24.0  # Amazon's response clock, from receipt to the approved reply
    pending_threshold_days: float = 7.0  # past this, a pending order is "pending_long"
    ack_window_hours: float = 24.0  # one acknowledgement per sender and thread within this window
    retention_days: int = 90  # personal data is deleted (DynamoDB TTL, S3 lifecycle) after this
    escalation_lead_hours: float = 4.0  # a draft this close to its deadline is escalated (alert topic)
    # Resources
    messages_table: str | None = None
    cases_table: str | None = None
    drafts_table: str | None = None
    audit_table: str | None = None  # append-only log of what agents did (the agent API writes it)
    idempotency_table: str | None = None
    raw_mail_bucket: str | None = None
    diagnose_queue_url: str | None = None
    respond_queue_url: str | None = None
    spapi_secret_id: str | None = None  # Secrets Manager secret holding the LWA/SP-API credentials
    orders_table: str | None = None  # the order mirror (and the order sync's checkpoint)
    quota_table: str | None = None  # SP-API token buckets shared by every function
    # The order mirror: how far the first sync reaches back, and when mirrored data is too old to use
    order_sync_window_days: float = 30.0
    order_marketplaces: str | None = None  # codes the sync covers, e.g. "DE,FR,IT" (default: home)
    order_stale_after_minutes: float = 15.0  # a pending order's data older than this is fetched again
    order_not_found_minutes: float = 10.0  # "Amazon has no such order" is remembered this long
    # Marketplace endpoints (sandbox, simulator) and local sources
    spapi_endpoint: str | None = None
    lwa_token_url: str | None = None
    # Other sales channels searched for ghost orders (Shopify, eBay, Walmart): the Secrets Manager
    # secret with their credentials, and endpoint overrides (sandbox, local simulators)
    channels_secret_id: str | None = None
    # Signing keys of POST /webhooks/{channel}, one per channel (Secrets Manager; the agent API reads it)
    webhook_secret_id: str | None = None
    shopify_endpoint: str | None = None
    ebay_endpoint: str | None = None
    walmart_endpoint: str | None = None
    orders_file: str | None = None
    templates_dir: str = ""
    agent_token: str | None = None
    # The clock's alerts: the SNS topic drafts near (or past) their deadline are announced on, and the
    # console's address for the link in each alert
    alert_topic_arn: str | None = None
    console_url: str | None = None

    ENV_PREFIX = "GHOSTDESK_"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            name = f"{cls.ENV_PREFIX}{f.name.upper()}"
            raw = env.get(name)
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(name, raw, f.type)
        # python-amazon-sp-api's own variable names are honoured too, so one secret serves both.
        if "spapi_secret_id" not in values and env.get("SP_API_AWS_SECRET_ID"):
            values["spapi_secret_id"] = env["SP_API_AWS_SECRET_ID"]
        settings = cls(**values)  # type: ignore[arg-type]
        if not settings.templates_dir:
            settings = _replace(settings, templates_dir=str(_default_templates_dir()))
        settings.validate()
        return settings

    def validate(self) -> None:
        from ghostdesk import marketplaces

        if self.sla_hours <= 0:
            raise SettingsError("GHOSTDESK_SLA_HOURS must be positive (hours until the reply deadline)")
        if self.pending_threshold_days <= 0:
            raise SettingsError("GHOSTDESK_PENDING_THRESHOLD_DAYS must be positive (days)")
        if self.retention_days <= 0:
            raise SettingsError("GHOSTDESK_RETENTION_DAYS must be positive (days)")
        if not 0 < self.escalation_lead_hours <= 24 * 7:
            raise SettingsError(
                "GHOSTDESK_ESCALATION_LEAD_HOURS must be positive and at most a week (hours before the "
                "deadline at which a draft is escalated)"
            )
        for name in ("order_sync_window_days", "order_stale_after_minutes", "order_not_found_minutes"):
            if getattr(self, name) <= 0:
                raise SettingsError(f"{self.ENV_PREFIX}{name.upper()} must be positive")
        if "@" not in self.sender:
            raise SettingsError(f"GHOSTDESK_SENDER must be an email address, got {self.sender!r}")
        try:
            marketplaces.resolve(self.marketplace)
        except ValueError as exc:
            raise SettingsError(f"GHOSTDESK_MARKETPLACE: {exc}") from exc

    def require(self, name: str) -> str:
        """The value of a resource setting this process cannot work without."""
        value = getattr(self, name)
        if not value:
            raise SettingsError(f"{self.ENV_PREFIX}{name.upper()} is not set")
        return str(value)

    @property
    def home_marketplace_id(self) -> str:
        from ghostdesk import marketplaces

        return marketplaces.resolve(self.marketplace).marketplace_id


def _convert(name: str, raw: str, annotation: object) -> object:
    kind = str(annotation)
    try:
        if kind.startswith("float"):
            return float(raw)
        if kind.startswith("int"):
            return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from exc
    return raw


def _replace(settings: Settings, **changes: object) -> Settings:
    from dataclasses import replace

    return replace(settings, **changes)  # type: ignore[arg-type]
