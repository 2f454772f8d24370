"""Entry script of the frozen bundle: the same `main()` as the pip-installed `osteodesk` command.

PyInstaller needs a script file, not a package's `__main__` module; this one is used for both the
console executable (`osteodesk`) and, on Windows, the windowed one (`osteodeskw.exe`).
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _give_windowed_build_streams() -> None:
    """A windowed Windows executable starts with no stdout/stderr; print() must not fail there."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    # A frozen program has no python to start worker processes with: a child started by the
    # "spawn" method (Windows) re-runs this executable, and this call turns it into the worker.
    multiprocessing.freeze_support()
    _give_windowed_build_streams()
    from osteodesk.__main__ import main

    sys.exit(main())
