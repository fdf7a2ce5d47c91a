"""``ghostdesk lint-reply`` and ``ghostdesk macros``: the checker and the macro library from a shell."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ghostdesk.replies.compliance.finding import RULES

EXIT_FINDINGS = 1
EXIT_ERROR = 2


def lint_reply_main(argv: list[str]) -> int:
    """Check reply files; exit 1 when any file breaks a rule, 2 when a file cannot be read."""
    parser = argparse.ArgumentParser(
        prog="ghostdesk lint-reply",
        description="Check reply texts (plain text or HTML) against Amazon's buyer-seller messaging rules.",
        epilog="rules: " + ", ".join(RULES),
    )
    parser.add_argument("--lang", help="the replies' language (en, de, fr, es, it); all are checked anyway")
    parser.add_argument("--json", action="store_true", help="one JSON object per file on its own line")
    parser.add_argument("files", nargs="+", metavar="FILE", help="reply files; '-' reads standard input")
    args = parser.parse_args(argv)

    from ghostdesk.replies.compliance import check_document

    status = 0
    for name in args.files:
        try:
            content = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            status = max(status, EXIT_ERROR)
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if args.json:
                print(
                    json.dumps(
                        {"file": name, "ok": False, "findings": [], "error": error}, ensure_ascii=False
                    )
                )
            else:
                print(f"{name}: cannot read: {error}", file=sys.stderr)
            continue
        findings = check_document(content, args.lang)
        if findings:
            status = max(status, EXIT_FINDINGS)
        if args.json:
            record = {"file": name, "ok": not findings, "findings": [f.to_dict() for f in findings]}
            print(json.dumps(record, ensure_ascii=False))
        elif findings:
            for finding in findings:
                print(f"{name}: {finding.rule}: {finding.text!r} ({finding.explanation})")
        else:
            print(f"{name}: ok")
    return status


def macros_main(argv: list[str]) -> int:
    """List the macros, render one with sample facts, or check every macro in every language."""
    parser = argparse.ArgumentParser(
        prog="ghostdesk macros", description="Preview the locked reply macros (for support leads)."
    )
    parser.add_argument("--templates", type=Path, help="templates folder (default: GHOSTDESK_TEMPLATES_DIR)")
    sub = parser.add_subparsers(dest="command")
    render = sub.add_parser("render", help="show one macro filled with sample facts")
    render.add_argument(
        "macro", metavar="CASE", help="a macro name (pending.payment_verification) or a case (pending)"
    )
    render.add_argument("--lang", default="en", help="language (default: en)")
    render.add_argument("--html", action="store_true", help="print the HTML alternative instead of the text")
    render.add_argument(
        "--slot", action="append", default=[], metavar="NAME=VALUE", help="fill an editable slot (repeatable)"
    )
    sub.add_parser("check", help="render every macro in every language and check it; exit 1 on any finding")
    args = parser.parse_args(argv)

    from ghostdesk.replies.library import MacroLibrary

    library = MacroLibrary(args.templates or _default_templates_dir())
    try:
        if args.command == "render":
            return _render(library, args.macro, args.lang, args.html, args.slot)
        if args.command == "check":
            return _check(library)
        return _list(library)
    except Exception as exc:
        from ghostdesk.replies.catalog import CatalogError
        from ghostdesk.replies.errors import ReplyError

        if isinstance(exc, ReplyError | CatalogError):
            print(f"ghostdesk macros: {exc}", file=sys.stderr)
            return EXIT_ERROR
        raise


def _default_templates_dir() -> Path:
    from ghostdesk.settings import Settings

    return Path(Settings.from_env().templates_dir)


def _list(library: object) -> int:
    from ghostdesk.replies.library import MacroLibrary

    assert isinstance(library, MacroLibrary)
    languages = library.languages()
    print(f"{len(library.names())} macros in {library.templates_dir} (languages: {', '.join(languages)})")
    width = max(len(n) for n in library.names())
    for name in library.names():
        spec = library.spec(name)
        missing = [lang for lang in languages if not library.has_template(name, lang)]
        gap = f"  MISSING: {', '.join(missing)}" if missing else ""
        print(
            f"  {name.ljust(width)}  v{spec.version}  slots: {', '.join(spec.slots) or '-'}"
            f"  {spec.title}{gap}"
        )
    return 0


def _macro_name(library: object, value: str) -> str:
    from ghostdesk.replies.library import MacroLibrary

    assert isinstance(library, MacroLibrary)
    if value in library.catalog.macros:
        return value
    aliases = {
        "pending": "pending.payment_verification",
        "order_found": "order_found.shipped",
        "ghost": "ghost.not_found",
        "ack": "ack.general",
    }
    dotted = value.replace("ghost_", "ghost.", 1) if value.startswith("ghost_") else value
    for candidate in (dotted, aliases.get(value, "")):
        if candidate in library.catalog.macros:
            return candidate
    return library.spec(value).name  # raises UnknownMacro with the list of names


def _render(library: object, value: str, language: str, html: bool, slot_args: list[str]) -> int:
    from ghostdesk.replies.library import MacroLibrary
    from ghostdesk.replies.samples import sample_context

    assert isinstance(library, MacroLibrary)
    name = _macro_name(library, value)
    slots: dict[str, str] = {}
    for item in slot_args:
        key, sep, text = item.partition("=")
        if not sep:
            print(f"ghostdesk macros: --slot needs NAME=VALUE, got {item!r}", file=sys.stderr)
            return EXIT_ERROR
        slots[key.strip()] = text
    reply = library.render(name, language, sample_context(name, language), slots)
    fallback = f" (no {language!r} template: fell back)" if reply.language != language else ""
    print(f"# {reply.macro} v{reply.version}, {reply.language}{fallback}; editable: {', '.join(reply.slots)}")
    print(reply.html if html else reply.text, end="")
    if reply.findings:
        print("\n# FINDINGS:")
        for finding in reply.findings:
            print(f"#   {finding}")
        return EXIT_FINDINGS
    return 0


def _check(library: object) -> int:
    from ghostdesk.replies.library import MacroLibrary
    from ghostdesk.replies.samples import sample_context

    assert isinstance(library, MacroLibrary)
    bad = 0
    for name in library.names():
        for language in library.languages():
            if not library.has_template(name, language):
                print(f"{name} [{language}]: missing template")
                bad += 1
                continue
            reply = library.render(name, language, sample_context(name, language))
            for finding in library.check(reply):
                print(f"{name} [{language}]: {finding}")
                bad += 1
    total = len(library.names()) * len(library.languages())
    print(f"{total} renderings checked, {bad} problem(s)")
    return EXIT_FINDINGS if bad else 0
