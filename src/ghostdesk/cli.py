"""``ghostdesk`` console script: dispatches to a command module, importing only what that command needs."""

from __future__ import annotations

import importlib
import sys

# command -> (module, function, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "diagnose": ("ghostdesk.commands.diagnose", "main", "diagnose buyer emails (.eml) as the Lambdas do"),
    "serve": ("ghostdesk.local.cli", "serve_main", "run the local stack (what `make run` starts)"),
    "evidence": (
        "ghostdesk.commands.evidence",
        "main",
        "the A-to-z claim evidence for an order: messages, what the buyer was told, who approved",
    ),
    "send-demo": ("ghostdesk.local.cli", "send_demo_main", "mail the demo emails into a running local stack"),
    "lint-reply": (
        "ghostdesk.replies.cli",
        "lint_reply_main",
        "check reply texts against Amazon's messaging rules",
    ),
    "macros": (
        "ghostdesk.replies.cli",
        "macros_main",
        "list the reply macros, or render one with sample facts",
    ),
    "dlq": ("ghostdesk.commands.dlq", "main", "list the dead letters with their last error, or redrive them"),
}


def usage() -> str:
    width = max(len(c) for c in COMMANDS)
    lines = ["usage: ghostdesk COMMAND [ARGS...]", "", "commands:"]
    lines += [f"  {name.ljust(width)}  {help_}" for name, (_, _, help_) in COMMANDS.items()]
    lines += ["", "Run `ghostdesk COMMAND --help` for a command's options."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    command, rest = args[0], args[1:]
    if command not in COMMANDS:
        print(f"ghostdesk: unknown command {command!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module_name, function, _ = COMMANDS[command]
    module = importlib.import_module(module_name)
    result: int = getattr(module, function)(rest)
    return result


if __name__ == "__main__":
    sys.exit(main())
