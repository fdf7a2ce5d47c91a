"""Reading the labelled compliance corpus and scoring the checker on it (see tests/fixtures/compliance)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ghostdesk.replies.compliance import Finding
from ghostdesk.replies.compliance.finding import RULES

CORPUS_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "compliance"
HELDOUT_DIR = CORPUS_DIR / "heldout"
LANGUAGES = ("en", "de", "fr", "es", "it")


@dataclass(frozen=True)
class Case:
    language: str
    line: int
    rules: frozenset[str]  # empty: a clean reply
    text: str

    @property
    def clean(self) -> bool:
        return not self.rules


def load_cases(path: Path, language: str) -> list[Case]:
    cases: list[Case] = []
    header: tuple[int, frozenset[str]] | None = None
    lines: list[str] = []

    def close() -> None:
        if header is not None:
            text = "\n".join(lines).strip()
            if not text:
                raise ValueError(f"{path}:{header[0]}: empty case")
            cases.append(Case(language, header[0], header[1], text))

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("#"):
            continue
        if raw.startswith("== "):
            close()
            labels = {label.strip() for label in raw[3:].split(",")}
            header, lines = (number, _rules(labels, f"{path}:{number}")), []
        elif header is not None:
            lines.append(raw)
    close()
    return cases


def _rules(labels: set[str], where: str) -> frozenset[str]:
    rules = frozenset() if labels == {"clean"} else frozenset(labels)
    unknown = rules - RULES.keys()
    if unknown:
        raise ValueError(f"{where}: unknown rule(s) {sorted(unknown)}")
    return rules


def load_heldout(path: Path, language: str) -> list[Case]:
    """Read one held-out round: a JSON list of {"labels": [...], "text": "..."}; `line` is the case number."""
    cases: list[Case] = []
    for number, item in enumerate(json.loads(path.read_text(encoding="utf-8")), start=1):
        text = str(item["text"]).strip()
        if not text:
            raise ValueError(f"{path}: case {number} is empty")
        cases.append(
            Case(language, number, _rules({str(x) for x in item["labels"]}, f"{path}:{number}"), text)
        )
    return cases


def heldout_rounds() -> list[Path]:
    """The held-out round folders, oldest first (round-1, round-2, ...)."""
    return sorted(HELDOUT_DIR.glob("round-*"), key=lambda p: int(p.name.split("-")[1]))


@dataclass
class Score:
    violations: int = 0
    caught: int = 0  # violating replies with at least one finding
    exact: int = 0  # violating replies where every labelled rule was found
    clean: int = 0
    false_alarms: int = 0
    misses: list[tuple[Case, list[Finding]]] = field(default_factory=list)
    alarms: list[tuple[Case, list[Finding]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.violations if self.violations else 1.0

    @property
    def rule_recall(self) -> float:
        return self.exact / self.violations if self.violations else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.clean if self.clean else 0.0

    @property
    def precision(self) -> float:
        flagged = self.caught + self.false_alarms
        return self.caught / flagged if flagged else 1.0

    def line(self, label: str) -> str:
        return (
            f"{label}: {self.violations} violating, {self.clean} clean | recall {self.recall:.1%} "
            f"(right rule {self.rule_recall:.1%}) | precision {self.precision:.1%} | "
            f"false alarms {self.false_alarms}/{self.clean} = {self.false_alarm_rate:.1%}"
        )


def score(cases: list[Case], check: Callable[[str, str], list[Finding]]) -> Score:
    result = Score()
    for case in cases:
        findings = check(case.text, case.language)
        found = {f.rule for f in findings}
        if case.clean:
            result.clean += 1
            if findings:
                result.false_alarms += 1
                result.alarms.append((case, findings))
        else:
            result.violations += 1
            if findings:
                result.caught += 1
            if case.rules <= found:
                result.exact += 1
            else:
                result.misses.append((case, findings))
    return result
