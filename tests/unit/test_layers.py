"""Keep-honest checks of the layering (style.md B2)."""

import subprocess
import sys


def test_core_does_not_import_qt():
    code = (
        "import sys, osteodesk.core.record, osteodesk.core.evaluation, osteodesk.core.constants; "
        "import importlib.util as u; "
        "sys.exit(any(m.split('.')[0] in {'PySide6', 'sqlite3', 'reportlab'} for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_cli_version_loads_no_qt():
    code = (
        "import sys; from osteodesk.cli.main import build_parser; build_parser(); "
        "sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
