"""The checker against the held-out rounds (tests/fixtures/compliance/heldout/round-N/<lang>.json).

Each round was written blind and scored before the rules were changed (SCORES.md holds those honest
numbers). Once folded in, a round is a regression test: given its replies, when they are checked, then the
checker keeps at least the acceptance bar per language (95% of violations found, under 5% false alarms)
and a tighter floor over the whole round, so a rule change that loses ground on earlier rounds shows up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ghostdesk.replies.compliance import check_reply
from ghostdesk.replies.compliance.finding import RULES
from tests.unit.replies.corpus import LANGUAGES, Score, heldout_rounds, load_heldout, score

ROUNDS = heldout_rounds()
LANGUAGE_RECALL_FLOOR = 0.95
LANGUAGE_FALSE_ALARM_CEILING = 0.05
ROUND_RECALL_FLOOR = 0.98
ROUND_FALSE_ALARM_CEILING = 0.01
# Rounds scored blind but not yet folded in (no rule change made for them yet) are held to their measured
# before-fix scores instead of the bar above: per language, (violating replies caught, at least; clean
# replies flagged, at most). Once the rules are generalised for a round, delete its entry so the standard
# bar applies. Rounds 11-13 are folded in (SCORES.md records their before-fix scores).
NOT_YET_FOLDED_IN: dict[str, dict[str, tuple[int, int]]] = {}
# A full round has at least 30 violating and 30 clean replies per language. A blind sanity set written
# before a fix, to see whether the checker generalises beyond the round being fixed, may be smaller.
MIN_REPLIES_PER_KIND = 30
SANITY_SETS: dict[str, int] = {"round-13": 20}


def test_there_are_held_out_rounds() -> None:
    assert len(ROUNDS) >= 2


@pytest.mark.parametrize("folder", ROUNDS, ids=lambda p: p.name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_round_has_enough_violating_and_clean_replies_over_every_rule(
    folder: Path, language: str
) -> None:
    cases = load_heldout(folder / f"{language}.json", language)
    violating = [c for c in cases if not c.clean]
    least = SANITY_SETS.get(folder.name, MIN_REPLIES_PER_KIND)
    assert len(violating) >= least
    assert len(cases) - len(violating) >= least
    covered = set().union(*(c.rules for c in violating))
    assert covered == set(RULES), f"rules without an example: {sorted(set(RULES) - covered)}"


@pytest.mark.parametrize("folder", ROUNDS, ids=lambda p: p.name)
def test_checker_keeps_its_floor_on_every_held_out_round(
    folder: Path, scoreboard: Callable[[str], None]
) -> None:
    total = Score()
    lines: list[str] = []
    problems: list[str] = []
    for language in LANGUAGES:
        result = score(load_heldout(folder / f"{language}.json", language), check_reply)
        lines.append(result.line(language))
        for attr in ("violations", "caught", "exact", "clean", "false_alarms"):
            setattr(total, attr, getattr(total, attr) + getattr(result, attr))
        problems += [
            f"{language} miss #{c.line} {sorted(c.rules)}: {c.text[:90]!r}" for c, _ in result.misses
        ]
        problems += [f"{language} alarm #{c.line}: {c.text[:90]!r} -> {f}" for c, f in result.alarms]
        measured = NOT_YET_FOLDED_IN.get(folder.name)
        if measured is not None:
            least_caught, most_alarms = measured[language]
            assert result.caught >= least_caught, "\n".join(problems)
            assert result.false_alarms <= most_alarms, "\n".join(problems)
            continue
        assert result.recall >= LANGUAGE_RECALL_FLOOR, "\n".join(problems)
        assert result.false_alarm_rate < LANGUAGE_FALSE_ALARM_CEILING, "\n".join(problems)
    lines.append(total.line("all"))
    scoreboard(f"compliance held-out {folder.name} {lines[-1]}")
    if folder.name in NOT_YET_FOLDED_IN:
        return
    assert total.recall >= ROUND_RECALL_FLOOR, "\n".join(problems)
    assert total.false_alarm_rate <= ROUND_FALSE_ALARM_CEILING, "\n".join(problems)
