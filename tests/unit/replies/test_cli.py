"""``ghostdesk lint-reply`` and ``ghostdesk macros`` as a support lead or a CI job uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ghostdesk.replies.cli import lint_reply_main, macros_main
from tests.unit.replies.conftest import TEMPLATES


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_lint_reply_json_gives_one_object_per_file_and_exit_1_on_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = write(tmp_path, "clean.txt", "Bitte wenden Sie sich an den Amazon-Kundenservice.")
    bad = write(tmp_path, "bad.txt", "Ihre Bestellung geht morgen raus! Fragen? service@shop.example")
    assert lint_reply_main(["--lang", "de", "--json", clean, bad]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        {"file": clean, "ok": True, "findings": []},
        {
            "file": bad,
            "ok": False,
            "findings": [
                {"rule": "date_promise", "text": "geht morgen raus"},
                {"rule": "email_address", "text": "service@shop.example"},
            ],
        },
    ]


def test_lint_reply_exits_0_when_every_file_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok = write(tmp_path, "ok.txt", "Please check Your Orders at amazon.de/gp/css/order-history.")
    assert lint_reply_main([ok]) == 0
    assert capsys.readouterr().out == f"{ok}: ok\n"


def test_lint_reply_reads_html_including_link_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write(
        tmp_path,
        "reply.html",
        '<html><body><p>See <a href="http://shop.example/x">Your Orders</a></p></body></html>',
    )
    assert lint_reply_main(["--json", page]) == 1
    assert json.loads(capsys.readouterr().out)["findings"] == [
        {"rule": "external_link", "text": "http://shop.example/x"}
    ]


def test_lint_reply_reports_an_unreadable_file_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok = write(tmp_path, "ok.txt", "Thank you for your patience.")
    missing = str(tmp_path / "missing.txt")
    assert lint_reply_main(["--json", missing, ok]) == 2
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["file"] == missing
    assert first["ok"] is False
    assert "error" in first
    assert second == {"file": ok, "ok": True, "findings": []}


def test_macros_lists_every_macro_with_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert macros_main(["--templates", str(TEMPLATES)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("15 macros in ")
    assert "pending.payment_verification" in out
    assert " v1 " in out
    assert "MISSING" not in out


def test_macros_render_shows_a_case_filled_with_sample_facts(capsys: pytest.CaptureFixture[str]) -> None:
    assert macros_main(["--templates", str(TEMPLATES), "render", "pending", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# pending.payment_verification v2, fr")
    assert "Bonjour Camille," in out
    assert "« Vos commandes »" in out


def test_macros_render_previews_a_slot_and_shows_its_findings(capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "--templates",
        str(TEMPLATES),
        "render",
        "ghost_not_found",
        "--slot",
        "personal_note=Ships tomorrow!",
    ]
    assert macros_main(args) == 1
    out = capsys.readouterr().out
    assert "Ships tomorrow!" in out
    assert "# FINDINGS:" in out
    assert "date_promise" in out


def test_macros_render_of_an_unknown_macro_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert macros_main(["--templates", str(TEMPLATES), "render", "nonsense"]) == 2
    assert "known macros: ack.general" in capsys.readouterr().err


def test_macros_check_renders_and_checks_everything(capsys: pytest.CaptureFixture[str]) -> None:
    assert macros_main(["--templates", str(TEMPLATES), "check"]) == 0
    assert capsys.readouterr().out.strip().endswith("75 renderings checked, 0 problem(s)")
