"""The clinic's letterhead for printouts: a small JSON file in the data folder.

``clinic.json`` holds text only (no patient data), so it lives beside the database and travels
with a portable install::

    {"name": "仁和医院", "department": "骨质疏松门诊", "phone": "010-8888 6666",
     "address": "北京市东城区和平路 1 号", "logo": "logo.png"}

Every key is optional. A relative ``logo`` is resolved against the data folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from osteodesk.storage.errors import StorageError
from osteodesk.storage.paths import data_dir

CLINIC_FILENAME: Final = "clinic.json"
TEXT_FIELDS: Final = ("name", "department", "phone", "address")
ALLOWED_FIELDS: Final = (*TEXT_FIELDS, "logo")
MAX_FIELD_LENGTH: Final = 300


class ClinicSettingsError(StorageError):
    """clinic.json cannot be read: the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    """The clinic's name, department, contact lines and logo file."""

    name: str = ""
    department: str = ""
    phone: str = ""
    address: str = ""
    logo_path: Path | None = None


def clinic_settings_path(folder: Path | None = None) -> Path:
    """Where clinic.json lives: the data folder unless told otherwise."""
    return (folder if folder is not None else data_dir()) / CLINIC_FILENAME


def load_clinic_settings(path: Path | None = None) -> ClinicSettings:
    """The clinic settings; empty settings when the file does not exist.

    Raises:
        ClinicSettingsError: the file is not JSON, not an object, or a field is wrong.
    """
    file = path if path is not None else clinic_settings_path()
    if not file.exists():
        return ClinicSettings()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ClinicSettingsError(f"{file}: cannot be read as JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ClinicSettingsError(f"{file}: must be a JSON object")
    values: dict[str, str] = {}
    for key, value in data.items():
        if key not in ALLOWED_FIELDS:
            raise ClinicSettingsError(
                f"{file}: {key}: unknown field; allowed: {', '.join(ALLOWED_FIELDS)}"
            )
        if value is None:
            continue
        if not isinstance(value, str):
            raise ClinicSettingsError(f"{file}: {key}: must be text")
        if len(value) > MAX_FIELD_LENGTH:
            raise ClinicSettingsError(
                f"{file}: {key}: must be at most {MAX_FIELD_LENGTH} characters"
            )
        values[key] = value.strip()
    logo = values.pop("logo", "")
    logo_path = None
    if logo:
        logo_path = Path(logo)
        if not logo_path.is_absolute():
            logo_path = file.parent / logo_path
    return ClinicSettings(logo_path=logo_path, **values)


def save_clinic_settings(settings: ClinicSettings, path: Path | None = None) -> Path:
    """Write clinic.json atomically (temporary file, then rename) and return its path."""
    file = path if path is not None else clinic_settings_path()
    data: dict[str, str] = {key: getattr(settings, key) for key in TEXT_FIELDS}
    if settings.logo_path is not None:
        logo = settings.logo_path
        data["logo"] = str(
            logo.relative_to(file.parent) if logo.is_relative_to(file.parent) else logo
        )
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".clinic-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return file
