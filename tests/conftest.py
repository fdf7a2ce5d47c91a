"""Suite-wide pytest hooks: measured scores are shown at the end of every run, `make test` included.

A test that measures something (the intent rule on labelled utterances, the compliance checker on its
corpora, the guards on held-out mail) hands its score line to the ``scoreboard`` fixture. The line travels
with the test's report (so it survives ``pytest -n``) and is printed in a "scores" section after the
run, whether or not the test passed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

_KEY = "ghostdesk_score"


@pytest.fixture
def scoreboard(request: pytest.FixtureRequest) -> Callable[[str], None]:
    def record(text: str) -> None:
        print(text)
        request.node.user_properties.append((_KEY, text.strip("\n")))

    return record


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for key, value in getattr(report, "user_properties", ())
        if key == _KEY
    ]
    if lines:
        terminalreporter.section("scores")
        for line in sorted(lines):
            terminalreporter.write_line(line)
