"""Fixtures of the reliability tests."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture
def summary_line(capsys):
    """Print a line into the test output even when pytest captures it (the lead reads it)."""

    def emit(text: str) -> None:
        with capsys.disabled():
            sys.stdout.write(f"\n{text}\n")
            sys.stdout.flush()

    return emit
