"""PySide6 6.12.0 loses a reference to True per emitted signal; the window must not abort.

Found by issue 9's tests: on CPython 3.11 the interpreter aborted with "bool_dealloc:
deallocating True or False" once enough signals had been emitted (a few thousand: a long
session of typing in the patient form). `osteodesk.ui` gives the constants a reserve of
references when it is imported (osteodesk/ui/qt_refcounts.py).
"""

from __future__ import annotations

import subprocess
import sys

import PySide6

EMIT_MANY = """
import sys
{prelude}
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

class Source(QObject):
    changed = Signal(str)

app = QCoreApplication([])
source = Source()
source.changed.connect(lambda text: None)
for _ in range(60_000):
    source.changed.emit("x")
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
for _ in range(60_000):
    settings.setValue("key", 1)
print("alive", flush=True)
"""


def run(prelude: str, settings_file) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", EMIT_MANY.format(prelude=prelude), str(settings_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_sixty_thousand_signals_do_not_abort_the_window(tmp_path):
    done = run("import osteodesk.ui", tmp_path / "s.ini")
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "alive"


def test_the_bug_is_real_without_the_reserve(tmp_path):
    """The control: without osteodesk.ui the same run aborts on PySide6 6.12.0 / CPython 3.11."""
    done = run("", tmp_path / "s.ini")
    if PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12):
        assert done.returncode != 0
        assert "deallocating" in done.stderr
    else:  # a fixed PySide6 or an immortal-constants CPython: the reserve is not needed
        assert done.returncode == 0
