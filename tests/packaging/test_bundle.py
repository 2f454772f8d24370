"""The Linux bundle works on a PC with nothing installed: every check runs the frozen executable.

The bundle is built by packaging/build-linux.sh, or reused when osteodesk/, packaging/,
pyproject.toml and scripts/setup.sh are unchanged since this test last built it. It is unpacked
outside the checkout and run with no font configuration (FONTCONFIG_FILE=/dev/null, so only the
bundled CJK font can draw Chinese), no display, no Python environment and a throw-away data folder.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from osteodesk import __version__
from osteodesk.core.constants import RULES_VERSION

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build-linux.sh"
TARBALL = ROOT / "dist" / f"OsteoDesk-{__version__}-linux-x86_64.tar.gz"
STAMP = ROOT / "build" / "bundle-test" / "sources.sha256"
LOCK = ROOT / "build" / "bundle-test" / "lock"
# What the bundle is made of; a change to any of these means the tarball is stale.
BUNDLE_SOURCES = ("osteodesk", "packaging", "pyproject.toml", "scripts/setup.sh")
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 120
CHINESE_NAME = "王秀英"
AS_OF = "2026-11-25"

pytestmark = [
    pytest.mark.slow,
    # The first test also builds the bundle (about 35 s here, a few minutes on a cold CI machine).
    pytest.mark.timeout(BUILD_TIMEOUT_S + 300),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]


@dataclass(frozen=True)
class Bundle:
    """An unpacked tarball: its top folder and the `osteodesk` executable in it."""

    top: Path
    executable: Path


def _sources_hash() -> str:
    digest = hashlib.sha256()
    for name in BUNDLE_SOURCES:
        path = ROOT / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if not file.is_file() or "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(file.relative_to(ROOT).as_posix().encode())
            digest.update(b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """Build (or reuse) the tarball and unpack it in a temporary folder outside the checkout."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with LOCK.open("w") as lock:
        # Held until unpacked: another test run must not rebuild the tarball under our feet.
        fcntl.flock(lock, fcntl.LOCK_EX)
        wanted = _sources_hash()
        fresh = TARBALL.is_file() and STAMP.is_file() and STAMP.read_text().strip() == wanted
        if not fresh:
            STAMP.unlink(missing_ok=True)
            built = subprocess.run(
                ["bash", str(BUILD_SCRIPT)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=BUILD_TIMEOUT_S,
                check=False,
            )
            assert built.returncode == 0, f"build-linux.sh failed:\n{built.stderr[-4000:]}"
            assert TARBALL.is_file(), f"build-linux.sh did not write {TARBALL}"
            STAMP.write_text(wanted + "\n")
        target = tmp_path_factory.mktemp("unpacked")
        subprocess.run(["tar", "-xzf", str(TARBALL), "-C", str(target)], check=True)
    top = target / f"OsteoDesk-{__version__}"
    return Bundle(top=top, executable=top / "osteodesk")


def _run(
    bundle: Bundle,
    home: Path,
    *args: str,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the frozen executable as on a bare PC: no fonts, no display, nothing from this venv."""
    runtime_dir = home / "runtime"
    runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "FONTCONFIG_FILE": "/dev/null",
        "QT_QPA_PLATFORM": "offscreen",
        "OSTEODESK_DATA_DIR": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(runtime_dir),
        **(extra_env or {}),
    }
    return subprocess.run(
        [str(bundle.executable), *args],
        cwd=home,
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT_S,
        check=False,
    )


def _write_record(folder: Path, example_record_json: dict) -> Path:
    record = dict(example_record_json, name=CHINESE_NAME)
    path = folder / "patient.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def test_top_folder_holds_executable_desktop_file_and_icon(bundle: Bundle):
    assert os.access(bundle.executable, os.X_OK)
    desktop = (bundle.top / "osteodesk.desktop").read_text(encoding="utf-8")
    assert "Exec=osteodesk" in desktop
    assert "Icon=osteodesk" in desktop
    assert (bundle.top / "osteodesk.png").read_bytes().startswith(b"\x89PNG")


def test_every_package_resource_is_bundled(bundle: Bundle):
    """Translations, icons, schemas and the CJK font: whatever osteodesk/resources holds."""
    source = ROOT / "osteodesk" / "resources"
    shipped = bundle.top / "_internal" / "osteodesk" / "resources"
    wanted = {
        file.relative_to(source)
        for file in source.rglob("*")
        if file.is_file() and "__pycache__" not in file.parts
    }
    assert Path("fonts/wqy-microhei.ttc") in wanted
    missing = {name for name in wanted if not (shipped / name).is_file()}
    assert not missing, f"not in the bundle: {sorted(map(str, missing))}"


def test_reportlab_speed_ups_are_bundled(bundle: Bundle):
    """reportlab[accel]: imported inside exec(), so the spec lists it; PDFs are a third slower
    without it."""
    assert list((bundle.top / "_internal").glob("_rl_accel*.so"))


def test_version_shows_version_and_rules_version(bundle: Bundle, tmp_path: Path):
    result = _run(bundle, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert __version__ in result.stdout
    assert RULES_VERSION in result.stdout


def test_evaluate_prints_the_evaluation(bundle: Bundle, tmp_path: Path, example_record_json):
    record = _write_record(tmp_path, example_record_json)
    result = _run(bundle, tmp_path, "evaluate", str(record), "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    evaluation = json.loads(result.stdout)
    assert evaluation["schema"] == "osteodesk.evaluation/1"
    assert evaluation["rules_version"] == RULES_VERSION
    assert evaluation["risk"]["category"] in {"low", "moderate", "high", "very_high"}


def test_imported_chinese_name_survives_into_the_care_plan_pdf_and_worklist(
    bundle: Bundle, tmp_path: Path, example_record_json
):
    record = _write_record(tmp_path, example_record_json)
    imported = _run(bundle, tmp_path, "import", str(record))
    assert imported.returncode == 0, imported.stderr

    pdf = tmp_path / "care-plan.pdf"
    patient_id = example_record_json["id"]
    report_args = ("--patient", patient_id, "--kind", "care-plan", "--out", str(pdf))
    reported = _run(bundle, tmp_path, "report", *report_args)
    assert reported.returncode == 0, reported.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert CHINESE_NAME in text

    worklist = _run(bundle, tmp_path, "due", "--as-of", AS_OF, "--format", "json")
    assert worklist.returncode == 0, worklist.stderr
    names = {item["name"] for item in json.loads(worklist.stdout) if item["patient"] == patient_id}
    assert names == {CHINESE_NAME}


def test_window_opens_offscreen_and_quits(bundle: Bundle, tmp_path: Path):
    result = _run(bundle, tmp_path, extra_env={"OSTEODESK_QUIT_AFTER_MS": "300"})
    assert result.returncode == 0, result.stderr
