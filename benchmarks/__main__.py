"""`python -m benchmarks [--quick] [--only NAME]`: print every figure against its floor.

Each ``benchmarks/bench_*.py`` module has ``run(quick: bool) -> list[dict]``; a figure is
``{"name", "value", "unit", "floor", "ratio", "target"}``. One JSON object per line goes to stdout,
then a table. Each module runs in a fresh interpreter of its own: what one leaves behind (open
databases, a large heap the garbage collector walks) must not slow the next one's figures down
(the worklist read 270 ms after the others, 135 ms alone). Timings are never asserted in tests;
the test suite only runs ``--quick`` once to keep the harness working.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def discover() -> list[str]:
    """Names of the benchmark modules, in a stable order."""
    folder = Path(__file__).parent
    return sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    )


def format_table(figures: list[dict[str, Any]]) -> str:
    """A human-readable table of the figures."""
    lines = [f"{'figure':<58} {'value':>10} {'unit':<6} {'floor':>10} {'ratio':>7}  target"]
    for fig in figures:
        floor = fig.get("floor")
        ratio = fig.get("ratio")
        lines.append(
            f"{fig['name'][:58]:<58} {fig['value']:>10.3f} {fig['unit']:<6} "
            f"{'' if floor is None else f'{floor:.3f}':>10} "
            f"{'' if ratio is None else f'{ratio:.2f}':>7}  {fig.get('target', '')}"
        )
    return "\n".join(lines)


def _run_here(name: str, quick: bool) -> list[dict[str, Any]]:
    module = importlib.import_module(f"benchmarks.{name}")
    figures: list[dict[str, Any]] = module.run(quick)
    return figures


def _run_apart(name: str, quick: bool) -> list[dict[str, Any]]:
    """One module's figures, measured in a fresh interpreter."""
    command = [sys.executable, "-m", "benchmarks", "--in-process", "--only", name]
    if quick:
        command.append("--quick")
    result = subprocess.run(
        command,
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"benchmark {name} failed (exit {result.returncode})")
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print their figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small data, well under a minute")
    parser.add_argument("--only", action="append", default=[], help="run only these modules")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    figures: list[dict[str, Any]] = []
    started = time.perf_counter()
    for name in discover():
        if args.only and name not in args.only and name.removeprefix("bench_") not in args.only:
            continue
        found = _run_here(name, args.quick) if args.in_process else _run_apart(name, args.quick)
        for fig in found:
            fig.setdefault("module", name)
            print(json.dumps(fig, ensure_ascii=False), flush=True)
            figures.append(fig)
    if args.in_process:
        return 0
    print(file=sys.stderr)
    print(format_table(figures), file=sys.stderr)
    print(
        f"\n{len(figures)} figures in {time.perf_counter() - started:.1f} s on "
        f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
