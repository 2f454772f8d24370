"""Shared fixtures. Offscreen Qt must be set before anything imports Qt (setup-notes.md)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import json
from datetime import date
from pathlib import Path

import pytest

from osteodesk.core.record import PatientRecord, parse_record

AS_OF = date(2026, 11, 25)


@pytest.fixture
def make_record():
    """Build a validated record from keyword fields (default: a postmenopausal woman of 68)."""

    def make(as_of: date = AS_OF, **fields) -> PatientRecord:
        data = {"sex": "female", "birth_date": "1958-03-14", "menopausal_status": "post"}
        data.update(fields)
        return parse_record(data, as_of=as_of)

    return make


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real per-user data folder or settings from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("OSTEODESK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.delenv("OSTEODESK_DB", raising=False)


@pytest.fixture
def example_record_json() -> dict:
    """The record of contract section 1."""
    path = Path(__file__).parent / "data" / "contract_example.json"
    return json.loads(path.read_text(encoding="utf-8"))
