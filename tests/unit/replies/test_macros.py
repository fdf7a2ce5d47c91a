"""Every macro in every language: rendered with realistic facts, compliant, translated, locked.

A buyer reads these words; the tests assert what they would notice: a reply in their language with no
English left in it, no "None" where a fact was missing, no markup injected, and no breach of Amazon's rules.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from ghostdesk.replies.compliance import check_html
from ghostdesk.replies.compliance.text import html_to_checkable_text
from ghostdesk.replies.context import ReplyContext
from ghostdesk.replies.errors import MissingFact, UnknownMacro
from ghostdesk.replies.library import MacroLibrary, resolve_language
from ghostdesk.replies.samples import sample_context
from tests.unit.replies.conftest import TEMPLATES

LANGUAGES = ("en", "de", "fr", "es", "it")
MACROS = (
    "ack.general",
    "ack.ghost_no_order_id",
    "pending.payment_verification",
    "pending.fba_transfer_hold",
    "pending.address_verification",
    "pending_long",
    "pending_availability",
    "order_found.unshipped",
    "order_found.partially_shipped",
    "order_found.shipped",
    "order_found.cancelled",
    "ghost.not_found",
    "ghost.wrong_identifier",
    "ghost.other_channel",
    "ghost.no_order_id",
)
SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("GHOSTDESK_UPDATE_SNAPSHOTS") == "1"

# English function words: a German, French, Spanish or Italian sentence has none of them.
_ENGLISH = {
    *("the", "and", "your", "you", "we", "our", "with", "for", "this", "that", "has", "have", "been", "is"),
    *("are", "it", "of", "to", "please", "thank", "will", "can", "if", "as", "what", "when", "be", "order"),
}


def _variants(macro: str, language: str) -> list[ReplyContext]:
    full = sample_context(macro, language)
    sparse = replace(
        full,
        buyer_first_name=None,
        item_title=None,
        marketplace_name=None,
        carrier=None,
        tracking_number=None,
        other_order_number=None,
        given_identifier=None if macro == "ghost.wrong_identifier" else full.given_identifier,
    )
    variants = [full, sparse]
    if macro == "ghost.wrong_identifier":
        for kind, value in (
            ("ebay_order", "12-34567-89012"),
            ("walmart_order", "2000123456789"),
            ("shopify_order", "#1001"),
        ):
            variants.append(
                replace(
                    full, given_identifier=value, given_identifier_kind=kind, given_identifier_carrier=None
                )
            )
    if macro == "ghost.other_channel":
        for status in ("UNSHIPPED", "PARTIALLY_SHIPPED", "CANCELLED", None):
            variants.append(
                replace(full, other_channel="eBay", other_order_number="12-34567-89012", order_status=status)
            )
    return variants


def test_the_catalog_lists_every_macro_of_the_issue(library: MacroLibrary) -> None:
    assert sorted(library.names()) == sorted(MACROS)
    assert library.languages() == sorted(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("macro", MACROS)
def test_every_macro_renders_compliant_text_and_html_in_every_language(
    library: MacroLibrary, macro: str, language: str
) -> None:
    for context in _variants(macro, language):
        reply = library.render(macro, language, context)
        assert reply.language == language
        assert reply.findings == [], reply.text
        assert library.check(reply) == []
        assert "None" not in reply.text
        assert not re.search(r"\{\{|\{%|  | [,.]|\n\n\n", reply.text), reply.text
        assert reply.text.rstrip().endswith(context.seller_name)
        if context.buyer_first_name:
            assert context.buyer_first_name in reply.text.splitlines()[0]
        # the HTML alternative says exactly what the text says
        assert " ".join(html_to_checkable_text(reply.html).split()) == " ".join(reply.text.split())


def _sentences(text: str, facts: tuple[str, ...]) -> list[str]:
    for fact in facts:
        text = text.replace(fact, " ")
    parts = re.split(r"(?<=[.!?:;])\s+|\n", text)
    return [" ".join(p.split()) for p in parts if len(re.findall(r"[^\W\d_]+", p)) >= 4]


@pytest.mark.parametrize("language", ["de", "fr", "es", "it"])
@pytest.mark.parametrize("macro", MACROS)
def test_no_sentence_is_left_untranslated(library: MacroLibrary, macro: str, language: str) -> None:
    """No English words in another language, and no sentence copied from another language's macro."""
    context = sample_context(macro, language)
    sentences = _sentences(library.render(macro, language, context).text, context.facts())
    assert sentences
    others: set[str] = set()
    for other in LANGUAGES:
        if other != language:
            other_context = replace(context, seller_name=sample_context(macro, other).seller_name)
            others.update(_sentences(library.render(macro, other, other_context).text, other_context.facts()))
    for sentence in sentences:
        english = [w for w in re.findall(r"[^\W\d_]+", sentence.lower()) if w in _ENGLISH]
        assert not english, f"{sentence!r} has English words {english}"
        assert sentence not in others, f"{sentence!r} also appears in another language"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_folder_has_every_macro_and_only_plain_wording(language: str) -> None:
    folder = TEMPLATES / language
    names = {p.name.removesuffix(".j2") for p in folder.glob("*.j2")} - {"_layout"}
    assert names == set(MACROS)
    for path in folder.glob("*.j2"):
        wording = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"[<>&]", wording), f"{path}: use no <, > or & in the wording"


def test_html_escapes_every_value_it_did_not_write_itself(library: MacroLibrary) -> None:
    context = replace(sample_context("order_found.unshipped", "en"), item_title='Cable <b>"2m"</b> & plug')
    reply = library.render(
        "order_found.unshipped", "en", context, {"personal_note": "<script>alert(1)</script>"}
    )
    assert "<script>" not in reply.html
    assert "<b>" not in reply.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reply.html
    assert "Cable &lt;b&gt;&#34;2m&#34;&lt;/b&gt; &amp; plug" in reply.html
    assert 'Cable <b>"2m"</b> & plug' in reply.text  # the text alternative is plain text
    assert reply.html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in reply.html


def test_slot_values_are_never_evaluated_as_templates(library: MacroLibrary) -> None:
    note = "{{ 7 * 7 }} {% for x in range(3) %}x{% endfor %} {{ ''.__class__ }}"
    reply = library.render("ack.general", "en", sample_context("ack.general", "en"), {"personal_note": note})
    assert note in reply.text
    assert "49" not in reply.text


def test_the_sandbox_refuses_unsafe_template_code_and_undefined_names(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "catalog.toml").write_text(
        '[slots.greeting]\nmax_length = 50\n[macros."x.unsafe"]\nversion = 1\nslots = ["greeting"]\n'
        '[macros."x.undefined"]\nversion = 1\nslots = ["greeting"]\n',
        encoding="utf-8",
    )
    (tmp_path / "en" / "_layout.j2").write_text(
        '{{ slot("greeting", "Hi") }}\n{% block body %}{% endblock %}\n'
    )
    (tmp_path / "en" / "x.unsafe.j2").write_text(
        '{% extends "en/_layout.j2" %}{% block body %}{{ seller_name.__class__.__mro__ }}{% endblock %}'
    )
    (tmp_path / "en" / "x.undefined.j2").write_text(
        '{% extends "en/_layout.j2" %}{% block body %}{{ buyer_message }}{% endblock %}'
    )
    lib = MacroLibrary(tmp_path)
    context = ReplyContext(seller_name="Shop")
    with pytest.raises(SecurityError):
        lib.render("x.unsafe", "en", context)
    with pytest.raises(UndefinedError):
        lib.render("x.undefined", "en", context)


def test_a_missing_language_falls_back_to_the_marketplace_language_then_english(tmp_path: Path) -> None:
    for lang in ("en", "de"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "_layout.j2").write_text(
            '{{ slot("greeting", "") }}{% block body %}{% endblock %}'
        )
        (tmp_path / lang / "m.j2").write_text(
            f'{{% extends "{lang}/_layout.j2" %}}{{% block body %}}{lang}{{% endblock %}}'
        )
    (tmp_path / "catalog.toml").write_text(
        '[slots.greeting]\nmax_length = 9\n[macros.m]\nversion = 2\nslots = ["greeting"]\n'
    )
    lib = MacroLibrary(tmp_path)
    german_market = ReplyContext(seller_name="S", marketplace_name="Amazon.de")
    assert lib.render("m", "fr", german_market).language == "de"
    assert lib.render("m", "fr", ReplyContext(seller_name="S", marketplace_name="Amazon.fr")).language == "en"
    assert lib.render("m", "de-AT", ReplyContext(seller_name="S")).language == "de"


def test_resolve_language_prefers_the_message_then_the_marketplace_then_the_default() -> None:
    assert resolve_language("fr", "de") == "fr"
    assert resolve_language("pt", "de") == "de"
    assert resolve_language(None, "nl", "it") == "it"
    assert resolve_language("ES", None) == "es"


def test_a_macro_without_the_facts_it_needs_is_refused(library: MacroLibrary) -> None:
    with pytest.raises(MissingFact, match="order_id"):
        library.render("pending.payment_verification", "en", ReplyContext(seller_name="S"))
    with pytest.raises(UnknownMacro, match="known macros"):
        library.render("pending.unknown", "en", ReplyContext(seller_name="S"))


def test_macros_are_loaded_lazily_and_compiled_once(library: MacroLibrary) -> None:
    fresh = MacroLibrary(TEMPLATES)
    assert fresh._catalog is None
    assert not fresh._envs
    context = sample_context("pending_long", "it")
    first = fresh.render("pending_long", "it", context)
    template = fresh._env(False).get_template("it/pending_long.j2")
    assert fresh._env(False).get_template("it/pending_long.j2") is template
    assert fresh.render("pending_long", "it", context) == first


# -- snapshots: a change of wording is a visible diff -------------------------------------------------

SNAPSHOT_CASES = [("pending.payment_verification", lang) for lang in LANGUAGES] + [
    ("ack.ghost_no_order_id", "en"),
    ("ghost.wrong_identifier", "de"),
    ("order_found.shipped", "fr"),
    ("pending_long", "es"),
    ("ghost.not_found", "it"),
]


@pytest.mark.parametrize(("macro", "language"), SNAPSHOT_CASES)
def test_rendering_matches_its_snapshot(library: MacroLibrary, macro: str, language: str) -> None:
    reply = library.render(macro, language, sample_context(macro, language))
    path = SNAPSHOTS / f"{macro}.{language}.txt"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(reply.text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}; run with GHOSTDESK_UPDATE_SNAPSHOTS=1"
    assert reply.text == path.read_text(encoding="utf-8")


def _wording_digest(macro: str) -> str:
    digest = hashlib.sha256()
    for lang in LANGUAGES:
        for name in ("_layout.j2", f"{macro}.j2"):
            digest.update((TEMPLATES / lang / name).read_bytes())
    return digest.hexdigest()[:16]


def test_a_change_of_wording_comes_with_a_new_version(library: MacroLibrary) -> None:
    """Drafts store (macro, version); the same version must always mean the same words."""
    path = SNAPSHOTS / "macro_versions.json"
    current = {m: {"version": library.version(m), "wording": _wording_digest(m)} for m in library.names()}
    if UPDATE:
        path.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    recorded = json.loads(path.read_text(encoding="utf-8"))
    for macro, now in current.items():
        before = recorded.get(macro)
        assert before is not None, f"new macro {macro!r}: run with GHOSTDESK_UPDATE_SNAPSHOTS=1"
        if now["wording"] != before["wording"]:
            assert now["version"] > before["version"], (
                f"the wording of {macro!r} changed but its version is still {now['version']}: "
                "raise it in templates/catalog.toml, then update the snapshots"
            )
        assert now == before, f"{macro!r}: run with GHOSTDESK_UPDATE_SNAPSHOTS=1 and commit the new snapshots"


def test_check_html_sees_the_same_as_the_text(library: MacroLibrary) -> None:
    reply = library.render("order_found.shipped", "de", sample_context("order_found.shipped", "de"))
    assert check_html(reply.html, "de", known_facts=reply.context.facts() if reply.context else ()) == []
