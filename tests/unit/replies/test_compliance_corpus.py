"""The checker against the labelled corpus in five languages (tests/fixtures/compliance).

Given hand-written violating and clean replies, including near misses, when each is checked, then every
violation is found under the rule it is labelled with and no clean reply raises a finding. The scores are
printed per language so a change in the checker shows up as a change in numbers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostdesk.replies.compliance import check_reply
from ghostdesk.replies.compliance.finding import RULES
from tests.unit.replies.corpus import CORPUS_DIR, LANGUAGES, Case, Score, load_cases, score


def _cases(language: str) -> list[Case]:
    return load_cases(CORPUS_DIR / f"{language}.txt", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_covers_every_rule_with_enough_cases(language: str) -> None:
    cases = _cases(language)
    violating = [c for c in cases if not c.clean]
    assert len(violating) >= 40
    assert len([c for c in cases if c.clean]) >= 40
    covered = set().union(*(c.rules for c in violating))
    assert covered == set(RULES), f"rules without a {language} example: {sorted(set(RULES) - covered)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_checker_finds_every_labelled_violation_and_passes_clean_replies(language: str) -> None:
    result = score(_cases(language), check_reply)
    misses = [f"line {c.line} {sorted(c.rules)}: {c.text[:80]!r} -> {f}" for c, f in result.misses]
    alarms = [f"line {c.line}: {c.text[:80]!r} -> {f}" for c, f in result.alarms]
    assert not misses, "violations missed:\n" + "\n".join(misses)
    assert not alarms, "clean replies flagged:\n" + "\n".join(alarms)


def test_scores_per_language_are_printed(scoreboard: Callable[[str], None]) -> None:
    total = Score()
    lines = []
    for language in LANGUAGES:
        result = score(_cases(language), check_reply)
        lines.append(result.line(language))
        for attr in ("violations", "caught", "exact", "clean", "false_alarms"):
            setattr(total, attr, getattr(total, attr) + getattr(result, attr))
    lines.append(total.line("all"))
    for line in lines:
        scoreboard(f"compliance corpus {line}")
    assert total.recall >= 0.95
    assert total.false_alarm_rate < 0.05
