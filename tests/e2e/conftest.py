"""The e2e tests drive the real program; mark them so `-m "not e2e"` skips them."""

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    """Every test in this folder is end-to-end: mark it `e2e`."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.e2e)
