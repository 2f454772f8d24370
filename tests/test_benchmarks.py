"""The benchmark harness keeps working (timings are never asserted)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_quick_benchmarks_print_every_figure():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert figures, "no figures printed"
    for fig in figures:
        assert {"name", "value", "unit", "floor", "ratio", "target"} <= set(fig)
        assert fig["value"] >= 0
