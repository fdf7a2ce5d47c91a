"""Relayed buyer emails (tests/fixtures/emails/relay): each .eml read as its .expected.json sidecar says.

The fixtures are synthetic, written after shared/data/amazon-relay-format.md: Amazon relay mail from seven
marketplaces in five languages (plain, HTML-only with <br />, quoted-printable, base64, ISO-8859-1,
Windows-1252), replies whose quoted history names other orders, a subject cut short, a Canadian bilingual
subject, plus an eBay relay message, direct mail, an Amazon system notice and an out-of-office reply.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ghostdesk.mail.guards import acknowledgement_block_reason
from ghostdesk.mail.reader import read_email

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "emails" / "relay"
EMAILS = sorted(FIXTURES.glob("*.eml"))
SELLER = "orders@northwind-goods.example.com"


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    return data


def test_fixture_set_covers_what_the_pipeline_meets() -> None:
    expected = [_expected(path) for path in EMAILS]
    assert len(EMAILS) >= 15
    amazon = [e for e in expected if e["channel"] == "amazon"]
    assert {e["marketplace"] for e in amazon} >= {"US", "UK", "DE", "FR", "IT", "ES", "CA"}
    assert {e["language"] for e in expected} >= {"en", "de", "fr", "es", "it"}
    assert {e["channel"] for e in expected} == {"amazon", "ebay", "direct"}
    assert any(e.get("html_only") for e in expected)
    assert {e["ack_block"] for e in expected} >= {None, "amazon_system", "auto_submitted"}
    raw = b"".join(path.read_bytes() for path in EMAILS)
    for marker in (b"quoted-printable", b"base64", b"iso-8859-1", b"windows-1252", b"<br />"):
        assert marker in raw


@pytest.mark.parametrize("path", EMAILS, ids=lambda p: p.stem)
def test_relay_fixture_is_read_as_expected(path: Path) -> None:
    expected = _expected(path)
    message = read_email(path.read_bytes())
    assert message.channel.value == expected["channel"]
    assert message.marketplace == expected["marketplace"]
    assert message.relay_alias == expected["relay_alias"]
    assert message.relay_order_id == expected["relay_order_id"]
    assert message.language == expected["language"]
    assert message.from_name == expected["from_name"]
    assert expected["fresh_contains"] in message.fresh_text
    if expected.get("fresh_excludes"):
        assert expected["fresh_excludes"] not in message.fresh_text
        assert expected["fresh_excludes"] in message.text, "the excluded phrase must exist in the mail"
    if expected.get("quoted_contains"):
        assert expected["quoted_contains"] in message.quoted_text
    if "html_only" in expected:
        assert message.html_only is expected["html_only"]
    assert acknowledgement_block_reason(message, own_addresses=[SELLER]) == expected["ack_block"]
    assert "commMgrTok" not in message.fresh_text
    assert "Begin message" not in message.fresh_text
    assert message.reply_address == (expected["relay_alias"] or message.reply_to or message.from_address)
