"""Fixtures of the report tests (the builders live in report_samples.py)."""

from __future__ import annotations

import pytest
from report_samples import sample_input

from osteodesk.reports.data import ReportInput


@pytest.fixture
def report_input() -> ReportInput:
    """The contract's patient with a chosen plan: romosozumab 12 months, then denosumab."""
    return sample_input()
