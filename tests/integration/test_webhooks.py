"""``POST /webhooks/{channel}`` on the real ApiFunction under moto: signed messages in, everything else out.

Given the template's WebhookSecret holding a help-desk key (ghostdesk scheme, with a retired key still
accepted) and a Shopify app secret, when channels post buyer messages, then a correctly signed, fresh
request becomes a stored message that is acknowledged like mail, and every request that is unsigned,
wrongly signed, stale, replayed, for an unknown channel or not a message is refused with a JSON error
and leaves nothing behind: no record, no raw request, nothing queued.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest

from ghostdesk.aws.tables import MessageStore
from ghostdesk.local.gateway import Integration, LocalHttpApi
from ghostdesk.models import Channel
from ghostdesk.records import AckStatus, MessageStatus
from ghostdesk.webhooks.signatures import ghostdesk_signature, shopify_signature
from tests.integration.conftest import EVENTS, Stack
from tests.integration.pipeline_run import run_pipeline
from tests.integration.test_api import InProcessFunction

HELPDESK_KEY = "helpdesk-key-7f3a9c1e5b2d4f6a8c0e"
RETIRED_KEY = "helpdesk-key-old-0a1b2c3d4e5f6a7b"
SHOPIFY_KEY = "shpss_0123456789abcdef0123456789abcdef"
SAMPLE: dict[str, Any] = json.loads((EVENTS / "api-webhook-helpdesk.json").read_text())
MESSAGE = {
    "email": "Lena.Vogel@example.net",
    "name": "Lena Vogel",
    "subject": "Bestellung 302-1234567-7654321",
    "message": "Hallo, meine Bestellung 113-4829175-6031482 steht seit Tagen auf ausstehend. Wann kommt sie?",
    "id": "ticket-1001",
}


def body_of(fields: dict[str, str] | None = None, **changes: str) -> bytes:
    return json.dumps({**(fields or MESSAGE), **changes}, separators=(",", ":")).encode()


def webhook_event(channel: str, body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    """The sample event (events/api-webhook-helpdesk.json) for another channel, body and headers."""
    event = json.loads(json.dumps(SAMPLE))
    event["rawPath"] = event["requestContext"]["http"]["path"] = f"/webhooks/{channel}"
    event["pathParameters"] = {"channel": channel}
    event["headers"] = {
        k: v for k, v in event["headers"].items() if not k.startswith(("x-ghostdesk", "x-shopify"))
    }
    event["headers"].update({k.lower(): v for k, v in headers.items()})
    event["headers"]["content-length"] = str(len(body))
    event["body"] = body.decode("utf-8")
    return event


def signed(body: bytes, *, key: str = HELPDESK_KEY, at: datetime | None = None) -> dict[str, str]:
    moment = int((at or datetime.now(UTC)).timestamp())
    return {"X-Ghostdesk-Signature": ghostdesk_signature(body, key, moment)}


def shopify_headers(body: bytes, webhook_id: str, *, at: datetime | None = None) -> dict[str, str]:
    moment = (at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%f") + "123Z"  # Shopify: nanoseconds
    return {
        "X-Shopify-Hmac-Sha256": shopify_signature(body, SHOPIFY_KEY),
        "X-Shopify-Triggered-At": moment,
        "X-Shopify-Webhook-Id": webhook_id,
        "X-Shopify-Topic": "customers/message",
        "X-Shopify-Shop-Domain": "acme.myshopify.com",
    }


class Webhooks:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        stack.client("secretsmanager").put_secret_value(
            SecretId=stack.resources.secrets["WebhookSecret"],
            SecretString=json.dumps({"helpdesk": [HELPDESK_KEY, RETIRED_KEY], "shopify": SHOPIFY_KEY}),
        )
        self.api = stack.use_function("ApiFunction")

    def post(self, channel: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
        response = self.api(webhook_event(channel, body, headers))
        return response["statusCode"], json.loads(response["body"])

    def messages(self) -> MessageStore:
        return MessageStore(self.stack.client("dynamodb"), self.stack.resources.tables["MessagesTable"])

    def footprint(self) -> tuple[int, list[str], list[str]]:
        """Everything a request could leave behind: table items, raw objects, queued work (counted)."""
        dynamodb, s3, sqs = (self.stack.client(name) for name in ("dynamodb", "s3", "sqs"))
        items = dynamodb.scan(TableName=self.stack.resources.tables["MessagesTable"], Select="COUNT")["Count"]
        listing = s3.list_objects_v2(Bucket=self.stack.resources.buckets["RawMailBucket"])
        keys = [o["Key"] for o in listing.get("Contents", [])]
        queued = [
            sqs.get_queue_attributes(
                QueueUrl=self.stack.resources.queues[name].url, AttributeNames=["ApproximateNumberOfMessages"]
            )["Attributes"]["ApproximateNumberOfMessages"]
            for name in ("RespondQueue", "DiagnoseQueue")
        ]
        return items, keys, queued


@pytest.fixture
def hooks(stack: Stack) -> Webhooks:
    return Webhooks(stack)


# -- accepted ----------------------------------------------------------------------------------------------


def test_a_signed_help_desk_message_is_stored_like_mail_and_the_buyer_is_acknowledged(
    hooks: Webhooks, stack: Stack
) -> None:
    body = body_of()
    status, answer = hooks.post("helpdesk", body, signed(body))

    assert status == 202
    assert answer["result"] == "accepted"
    found = hooks.messages().get(answer["message_id"])
    assert found is not None
    record = found[0]
    assert record.status is MessageStatus.PARSED
    assert record.message is not None
    assert record.message.channel is Channel.WEBHOOK
    assert record.message.reply_address == "lena.vogel@example.net"
    assert record.message.language == "de"
    assert record.triage is not None
    assert "113-4829175-6031482" in record.triage.amazon_order_ids
    assert record.ack_status is AckStatus.PENDING
    raw = stack.client("s3").get_object(Bucket=record.raw_bucket, Key=record.raw_key)["Body"].read()
    assert raw == body  # the request is kept as received, beside the raw mail
    assert record.raw_key.startswith("webhook/helpdesk/")

    run_pipeline(stack)
    (ack,) = stack.sent_emails()
    assert ack["To"] == "lena.vogel@example.net"
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["Content-Language"] == "de"
    assert hooks.messages().get(answer["message_id"])[0].ack_status is AckStatus.SENT  # type: ignore[index]


def test_a_retried_delivery_is_a_duplicate_and_acknowledged_once(hooks: Webhooks, stack: Stack) -> None:
    body = body_of()
    first, answer = hooks.post("helpdesk", body, signed(body))
    time.sleep(1.01)  # the sender signs its retry anew
    again, duplicate = hooks.post("helpdesk", body, signed(body))

    assert (first, again) == (202, 200)
    assert duplicate == {**answer, "result": "duplicate"}
    run_pipeline(stack)
    assert len(stack.sent_emails()) == 1


def test_a_form_post_signed_with_a_retired_key_is_accepted_while_the_key_rotates(hooks: Webhooks) -> None:
    body = urlencode(
        {"email": "max@example.net", "message": "Where is my order 113-4829175-6031482?"}
    ).encode()
    headers = {**signed(body, key=RETIRED_KEY), "Content-Type": "application/x-www-form-urlencoded"}
    status, answer = hooks.post("helpdesk", body, headers)

    assert status == 202
    record = hooks.messages().get(answer["message_id"])
    assert record is not None
    assert record[0].message is not None
    assert record[0].message.from_address == "max@example.net"


def test_shopify_deliveries_are_verified_with_shopifys_scheme_and_retries_are_duplicates(
    hooks: Webhooks,
) -> None:
    body = body_of(email="kim@example.net", message="Where is my order #1042?")
    status, answer = hooks.post(
        "shopify", body, shopify_headers(body, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
    )
    assert (status, answer["result"]) == (202, "accepted")

    retry_status, retry = hooks.post(
        "shopify", body, shopify_headers(body, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
    )
    assert (retry_status, retry["result"]) == (200, "duplicate")

    # A captured body re-sent under a fresh delivery ID, or the ID reused for another body: replays.
    replay_status, replay = hooks.post(
        "shopify", body, shopify_headers(body, "0f0e0d0c-0000-4000-8000-000000000000")
    )
    assert (replay_status, replay["code"]) == (401, "replayed")
    other = body_of(email="kim@example.net", message="Send it to another address please")
    forged_status, forged = hooks.post(
        "shopify", other, shopify_headers(other, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
    )
    assert (forged_status, forged["code"]) == (401, "replayed")


# -- refused: nothing stored -------------------------------------------------------------------------------


def without(headers: dict[str, str], name: str) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k != name}


Build = Callable[[datetime], tuple[bytes, dict[str, str]]]  # the request, signed at the test's own now
BODY = body_of()
LARGE = body_of(message="x" * 70_000)
NO_MESSAGE = b'{"email": "a@example.net"}'
NO_ADDRESS = body_of(email="not an address")
# name: (channel, request, status, code)
REFUSED: dict[str, tuple[str, Build, int, str]] = {
    "unsigned": ("helpdesk", lambda _now: (BODY, {}), 401, "unsigned"),
    "wrong key": (
        "helpdesk",
        lambda now: (BODY, signed(BODY, key="not-the-key-000000000000", at=now)),
        401,
        "bad_signature",
    ),
    "body changed after signing": (
        "helpdesk",
        lambda now: (body_of(email="thief@evil.example"), signed(BODY, at=now)),
        401,
        "bad_signature",
    ),
    "garbage signature": (
        "helpdesk",
        lambda _now: (BODY, {"X-Ghostdesk-Signature": "sha256=abc"}),
        401,
        "bad_signature",
    ),
    "stale": (
        "helpdesk",
        lambda now: (BODY, signed(BODY, at=now - timedelta(minutes=5, seconds=5))),
        401,
        "stale",
    ),
    "from the future": (
        "helpdesk",
        lambda now: (BODY, signed(BODY, at=now + timedelta(minutes=3))),
        401,
        "stale",
    ),
    "shopify unsigned": ("shopify", lambda _now: (BODY, {"X-Shopify-Webhook-Id": "x"}), 401, "unsigned"),
    "shopify signed with the help-desk scheme": (
        "shopify",
        lambda now: (BODY, signed(BODY, at=now)),
        401,
        "unsigned",
    ),
    "shopify stale": (
        "shopify",
        lambda now: (BODY, shopify_headers(BODY, "id-1", at=now - timedelta(minutes=6))),
        401,
        "stale",
    ),
    "shopify without a delivery ID": (
        "shopify",
        lambda now: (BODY, without(shopify_headers(BODY, "id-2", at=now), "X-Shopify-Webhook-Id")),
        401,
        "unsigned",
    ),
    "unknown channel": ("zendesk", lambda now: (BODY, signed(BODY, at=now)), 404, "unknown_channel"),
    "signed, but no message": (
        "helpdesk",
        lambda now: (NO_MESSAGE, signed(NO_MESSAGE, at=now)),
        400,
        "invalid_payload",
    ),
    "signed, but no address": (
        "helpdesk",
        lambda now: (NO_ADDRESS, signed(NO_ADDRESS, at=now)),
        400,
        "invalid_payload",
    ),
    "too large": ("helpdesk", lambda now: (LARGE, signed(LARGE, at=now)), 413, "too_large"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_request_that_is_not_signed_fresh_and_well_formed_is_refused_and_stores_nothing(
    hooks: Webhooks, case: str
) -> None:
    channel, build, status, code = REFUSED[case]
    before = hooks.footprint()
    got_status, answer = hooks.post(channel, *build(datetime.now(UTC)))

    assert (got_status, answer["code"]) == (status, code), case
    assert answer["message"]
    assert hooks.footprint() == before


def test_an_exact_replay_of_a_signed_request_is_refused(hooks: Webhooks) -> None:
    body = body_of()
    headers = signed(body)
    assert hooks.post("helpdesk", body, headers)[0] == 202
    before = hooks.footprint()

    status, answer = hooks.post("helpdesk", body, headers)

    assert (status, answer["code"]) == (401, "replayed")
    assert hooks.footprint() == before


def test_the_placeholder_key_of_a_fresh_deploy_opens_no_channel(hooks: Webhooks, stack: Stack) -> None:
    stack.client("secretsmanager").put_secret_value(
        SecretId=stack.resources.secrets["WebhookSecret"], SecretString=json.dumps({"shopify": "REPLACE_ME"})
    )
    api = stack.use_function("ApiFunction")  # a new container reads the secret afresh
    body = body_of()
    headers = {"X-Shopify-Hmac-Sha256": shopify_signature(body, "REPLACE_ME")}
    response = api(webhook_event("shopify", body, headers))
    assert response["statusCode"] == 404


# -- through the gateway: no agent token needed, the signature is the authentication -----------------------


def test_the_gateway_passes_webhooks_without_an_agent_token_and_the_signature_decides(
    hooks: Webhooks, stack: Stack
) -> None:
    spec = stack.resources.functions["ApiFunction"]
    function = InProcessFunction("ApiFunction", spec, hooks.api, threading.Lock())
    integrations = [Integration(route, function) for route in spec.http_routes]
    body = body_of()
    with LocalHttpApi(integrations, agent_token="agent-token", account_id="123456789012", port=0) as gateway:

        def post(headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
            request = urllib.request.Request(
                f"{gateway.url}/webhooks/helpdesk",
                data=body,
                headers={"Content-Type": "application/json", **headers},
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status, json.loads(response.read())
            except urllib.error.HTTPError as refused:
                return refused.code, json.loads(refused.read())

        assert post({}) == (
            401,
            {"message": "the request is not signed (x-ghostdesk-signature is missing)", "code": "unsigned"},
        )
        status, answer = post(signed(body))
    assert status == 202
    assert answer["result"] == "accepted"
