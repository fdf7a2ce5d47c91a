"""Fixtures for the reply tests: the repository's macro library, shared by the whole session."""

from __future__ import annotations

import pytest

from ghostdesk.replies.library import MacroLibrary
from tests.shared_data import REPO

TEMPLATES = REPO / "templates"


@pytest.fixture(scope="session")
def library() -> MacroLibrary:
    return MacroLibrary(TEMPLATES)
