"""Print the checker's scores on the held-out rounds.

Run `python -m tests.unit.replies.score_heldout [round-N ...] [-v]`.

Used to record the blind (before-fix) score of a new round in tests/fixtures/compliance/heldout/SCORES.md,
and to list what it missed (-v) once the score is recorded.
"""

from __future__ import annotations

import sys

from ghostdesk.replies.compliance import check_reply
from tests.unit.replies.corpus import LANGUAGES, Score, heldout_rounds, load_heldout, score


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    wanted = {a for a in argv if not a.startswith("-")}
    for folder in heldout_rounds():
        if wanted and folder.name not in wanted:
            continue
        total = Score()
        print(folder.name)
        for language in LANGUAGES:
            result = score(load_heldout(folder / f"{language}.json", language), check_reply)
            print("  " + result.line(language))
            for attr in ("violations", "caught", "exact", "clean", "false_alarms"):
                setattr(total, attr, getattr(total, attr) + getattr(result, attr))
            if verbose:
                for case, findings in result.misses:
                    found = [str(f) for f in findings]
                    print(f"    MISS #{case.line} {sorted(case.rules)} {case.text!r} -> {found}")
                for case, findings in result.alarms:
                    print(f"    ALARM #{case.line} {case.text!r} -> {[str(f) for f in findings]}")
        print("  " + total.line("all"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
