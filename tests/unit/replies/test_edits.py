"""An agent's edit: only the slots change, the locked wording never does, and no edit adds a breach."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from ghostdesk.replies.errors import ComplianceError, LockedTextError, SlotValueError
from ghostdesk.replies.library import MacroLibrary
from ghostdesk.replies.rendered import RenderedReply
from ghostdesk.replies.samples import sample_context

MACRO = "pending.payment_verification"


@pytest.fixture
def draft(library: MacroLibrary) -> RenderedReply:
    return library.render(MACRO, "en", sample_context(MACRO, "en"))


def test_a_draft_records_its_macro_version_and_slot_values(
    library: MacroLibrary, draft: RenderedReply
) -> None:
    assert (draft.macro, draft.version, draft.language) == (MACRO, library.version(MACRO), "en")
    assert draft.slots == {"greeting": "Hello Emma,", "personal_note": ""}
    assert draft.ok


def test_editing_the_slots_keeps_every_locked_word(library: MacroLibrary, draft: RenderedReply) -> None:
    edited = library.apply_edit(
        draft, {"greeting": "Dear Emma,", "personal_note": "I'm keeping an eye on your order for you."}
    )
    assert edited.text.startswith("Dear Emma,\n\n")
    assert "I'm keeping an eye on your order for you.\n\nKind regards," in edited.text
    assert (
        edited.text.replace("Dear Emma,", "Hello Emma,").replace(
            "I'm keeping an eye on your order for you.\n\n", ""
        )
        == draft.text
    )
    assert edited.version == draft.version
    assert edited.ok


def test_an_edit_of_a_slot_the_macro_does_not_have_is_refused(
    library: MacroLibrary, draft: RenderedReply
) -> None:
    with pytest.raises(LockedTextError, match=r"'body' cannot be edited .* only greeting and personal_note"):
        library.apply_edit(draft, {"body": "Your order ships today."})


def test_an_edit_that_adds_a_breach_is_refused_with_the_finding(
    library: MacroLibrary, draft: RenderedReply
) -> None:
    with pytest.raises(ComplianceError) as refused:
        library.apply_edit(
            draft, {"personal_note": "Good news, it will ship tomorrow! Questions? Call 0800 123 4567."}
        )
    assert [(f.rule, f.text) for f in refused.value.findings] == [
        ("date_promise", "ship tomorrow"),
        ("phone_number", "0800 123 4567"),
    ]
    assert "date_promise" in str(refused.value)


def test_a_greeting_is_one_line_and_a_note_has_a_length_limit(
    library: MacroLibrary, draft: RenderedReply
) -> None:
    with pytest.raises(SlotValueError, match="single line"):
        library.apply_edit(draft, {"greeting": "Hello\nEmma,"})
    with pytest.raises(SlotValueError, match="at most 600"):
        library.apply_edit(draft, {"personal_note": "Thanks. " * 100})


def test_a_whole_text_edit_that_only_touches_the_slots_is_accepted(
    library: MacroLibrary, draft: RenderedReply
) -> None:
    text = draft.text.replace("Hello Emma,", "Hi Emma,").replace(
        "\n\nKind regards,", "\n\nThanks again for your patience.\n\nKind regards,"
    )
    edited = library.apply_text_edit(draft, text)
    assert edited.slots == {"greeting": "Hi Emma,", "personal_note": "Thanks again for your patience."}
    assert edited.text == text


def test_a_whole_text_edit_of_the_locked_wording_is_refused_naming_the_line(
    library: MacroLibrary, draft: RenderedReply
) -> None:
    text = draft.text.replace("we'll ship your order", "we'll ship your order within 24 hours")
    with pytest.raises(
        LockedTextError, match=r"As soon as Amazon completes the check.*must stay exactly as it is"
    ):
        library.apply_text_edit(draft, text)


def test_a_whole_text_edit_that_adds_a_breach_in_a_slot_is_refused(
    library: MacroLibrary, draft: RenderedReply
) -> None:
    text = draft.text.replace("\n\nKind regards,", "\n\nPlease leave us a 5-star review 😊\n\nKind regards,")
    with pytest.raises(ComplianceError) as refused:
        library.apply_text_edit(draft, text)
    assert {f.rule for f in refused.value.findings} == {"feedback_incentive", "emoji"}


def test_a_draft_survives_storage_as_json_and_as_dynamodb_numbers(draft: RenderedReply) -> None:
    stored = json.loads(json.dumps(draft.to_dict()))
    assert RenderedReply.from_dict(stored) == draft
    stored["version"] = Decimal(stored["version"])  # what boto3's DynamoDB resource hands back
    assert RenderedReply.from_dict(stored) == draft


def test_a_stored_draft_can_still_be_edited(library: MacroLibrary, draft: RenderedReply) -> None:
    restored = RenderedReply.from_dict(json.loads(json.dumps(draft.to_dict())))
    assert library.apply_edit(restored, {"greeting": "Dear Emma,"}).text.startswith("Dear Emma,")


def test_a_draft_whose_text_was_altered_outside_the_library_cannot_be_sent(
    library: MacroLibrary, draft: RenderedReply
) -> None:
    library.ensure_sendable(draft)
    tampered = replace(draft, text=draft.text.replace("Amazon is still verifying", "We are still verifying"))
    with pytest.raises(LockedTextError, match="differs from its macro"):
        library.ensure_sendable(tampered)
    breaching = replace(
        draft, html=draft.html.replace("</body>", '<a href="https://shop.example">Shop</a></body>')
    )
    with pytest.raises(ComplianceError, match="external_link"):
        library.ensure_sendable(breaching)
