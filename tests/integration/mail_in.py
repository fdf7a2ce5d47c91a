"""Demo mail through the real pipeline steps, in process, as the Lambdas would run them one by one."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes
from email.utils import parseaddr

from ghostdesk.pipeline import wiring
from ghostdesk.pipeline.diagnose import diagnose_stored_message
from ghostdesk.pipeline.ingest import ingest
from ghostdesk.pipeline.respond import acknowledge, draft_reply
from ghostdesk.pipeline.ses import SesReceipt
from ghostdesk.records import SesVerdicts
from tests.integration.conftest import Stack
from tests.shared_data import REPO

DEMO = REPO / "demo" / "emails"


def receive(stack: Stack, name: str, *, ses_id: str, received_at: datetime) -> None:
    """One demo email through ingest, acknowledgement, diagnosis and drafting.

    The process environment must be a function's whose settings name every table (e.g. after
    ``stack.use_function("DiagnoseFunction")``).
    """
    raw = (DEMO / name).read_bytes()
    bucket = stack.resources.buckets["RawMailBucket"]
    stack.client("s3").put_object(Bucket=bucket, Key=f"inbound/{ses_id}", Body=raw)
    receipt = SesReceipt(
        message_id=ses_id,
        timestamp=received_at,
        source=parseaddr(str(message_from_bytes(raw)["From"]))[1],
        recipients=("orders@example.com",),
        verdicts=SesVerdicts(spf="PASS", dkim="PASS", dmarc="PASS"),
        bucket=bucket,
        key=f"inbound/{ses_id}",
    )
    ingest(receipt, wiring.ingest_deps())
    acknowledge(ses_id, wiring.respond_deps())
    diagnose_stored_message(ses_id, wiring.diagnose_deps())
    draft_reply(ses_id, wiring.respond_deps())
