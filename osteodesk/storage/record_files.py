"""Patient record files: JSON (contract section 1) and CSV, read with a report of every problem.

JSON files hold one record object or a list of them, exactly as `record_to_json` writes them.

CSV files have one row per patient and a header row naming the columns (any order; UTF-8,
with or without the byte-order mark Excel writes). An empty cell means "not recorded".

================== ==================================================================
column             content
================== ==================================================================
id                 the clinic's patient number (import updates the patient with this id)
name               name as written (王秀英, Mary Smith)
sex                ``female`` or ``male`` (required)
birth_date         ``YYYY-MM-DD`` (required)
phone              phone number as written
language           ``zh_CN`` or ``en``
menopausal_status  ``pre``, ``peri`` or ``post``
menopause_year     e.g. ``2004``
weight_kg          kilograms, decimal point (``48.5``)
height_cm          centimetres
falls_past_year    a whole number
conditions         condition codes separated by ``;`` (``rheumatoid_arthritis;dialysis``)
allergies          drug ids separated by ``;``
notes              free text (line breaks allowed inside the quoted cell)
events             JSON list as in the record: ``[{"type": "stroke", "date": "2025-03-01"}]``
fractures          JSON list of ``{"site", "date", "fragility"}``
glucocorticoid     JSON object ``{"dose_mg_per_day", "start_date", "end_date"}``
glucocorticoid_past JSON list of such objects
dxa                JSON list of scans (``{"date", "lumbar_spine_t", ...}``)
frax               JSON list of FRAX results
labs               JSON list of ``{"date", "test", "value", "unit"}``
treatments         JSON list of treatments (with ``last_dose_date``, ``dose_dates``, ...)
biologics          JSON list of ``{"drug", "start_date", "end_date"}``
================== ==================================================================

`osteodesk export --format csv` writes exactly these columns, and importing that file gives the
same records back. One limit of CSV: an empty text (a name or note of zero characters) reads
back as "not recorded"; JSON keeps the difference.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Final

from osteodesk.core.record import PatientRecord, RecordError, parse_record, record_to_json

CSV_COLUMNS: Final = (
    "id",
    "name",
    "sex",
    "birth_date",
    "phone",
    "language",
    "menopausal_status",
    "menopause_year",
    "weight_kg",
    "height_cm",
    "falls_past_year",
    "conditions",
    "allergies",
    "notes",
    "events",
    "fractures",
    "glucocorticoid",
    "glucocorticoid_past",
    "dxa",
    "frax",
    "labs",
    "treatments",
    "biologics",
)
_NUMBER_COLUMNS: Final = ("menopause_year", "weight_kg", "height_cm", "falls_past_year")
_CODE_LIST_COLUMNS: Final = ("conditions", "allergies")
_JSON_COLUMNS: Final = (
    "events",
    "fractures",
    "glucocorticoid",
    "glucocorticoid_past",
    "dxa",
    "frax",
    "labs",
    "treatments",
    "biologics",
)
SCHEMA_FILE: Final = Path(__file__).parents[1] / "resources" / "schema" / "patient.schema.json"


class RecordFileError(ValueError):
    """The file as a whole cannot be read (missing, not JSON, not CSV with a header)."""


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as found in a file, before validation."""

    position: str  # "record 3" (JSON) or "row 3" (CSV), counted from 1
    data: Any
    problems: tuple[tuple[str, str], ...] = ()  # (field, reason) found while decoding


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record that failed validation, with every (field, reason)."""

    position: str
    record_id: str | None
    problems: tuple[tuple[str, str], ...]

    def lines(self) -> list[str]:
        """One report line per problem: position, id, field and reason."""
        where = self.position + (f" (id {self.record_id})" if self.record_id else "")
        return [f"{where}: {field or '(record)'}: {reason}" for field, reason in self.problems]


# --- reading ----------------------------------------------------------------------------


def detect_format(path: Path, text: str) -> str:
    """``json`` or ``csv``: by extension, else by the first non-blank character."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "json" if text.lstrip()[:1] in ("{", "[") else "csv"


def read_record_file(path: Path, *, text: str | None = None) -> list[RawRecord]:
    """The records of a JSON or CSV file, undecoded fields reported per record.

    Raises:
        RecordFileError: the file cannot be read at all.
    """
    if text is None:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError as exc:
            raise RecordFileError(f"{path}: no such file") from exc
        except IsADirectoryError as exc:
            raise RecordFileError(f"{path}: is a folder, not a record file") from exc
        except UnicodeDecodeError as exc:
            raise RecordFileError(
                f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"
            ) from exc
        except OSError as exc:
            raise RecordFileError(f"{path}: {exc.strerror}") from exc
    if detect_format(path, text) == "json":
        return _read_json(path, text)
    return _read_csv(path, text)


def _read_json(path: Path, text: str) -> list[RawRecord]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordFileError(
            f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from exc
    except RecursionError as exc:  # found by the fuzz tests of issue 9
        raise RecordFileError(f"{path}: not a record file (JSON nested too deeply)") from exc
    except ValueError as exc:  # an integer of more than 4300 digits (Python's limit)
        raise RecordFileError(f"{path}: not valid JSON ({exc})") from exc
    items = data if isinstance(data, list) else [data]
    return [RawRecord(f"record {i}", item) for i, item in enumerate(items, 1)]


def _read_csv(path: Path, text: str) -> list[RawRecord]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames
    if not header:
        raise RecordFileError(f"{path}: empty CSV file (a header row is required)")
    unknown = [name for name in header if name not in CSV_COLUMNS]
    if unknown:
        raise RecordFileError(
            f"{path}: unknown CSV column(s) {', '.join(map(repr, unknown))};"
            f" allowed: {', '.join(CSV_COLUMNS)}"
        )
    if len(set(header)) != len(header):
        raise RecordFileError(f"{path}: a column appears twice in the header")
    out = []
    try:
        for number, row in enumerate(reader, 1):
            out.append(_decode_row(f"row {number}", row))
    except csv.Error as exc:
        raise RecordFileError(f"{path}: broken CSV at line {reader.line_num}: {exc}") from exc
    return out


def _decode_row(position: str, row: dict[str | Any, Any]) -> RawRecord:
    data: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    if None in row:  # more cells than header columns
        problems.append(("(row)", f"{len(row[None])} cell(s) beyond the last column"))
    for column in CSV_COLUMNS:
        cell = row.get(column)
        if cell is None or cell == "":
            continue
        if column in _NUMBER_COLUMNS:
            data[column] = _number(cell)
        elif column in _CODE_LIST_COLUMNS:
            data[column] = [code.strip() for code in cell.split(";") if code.strip()]
        elif column in _JSON_COLUMNS:
            try:
                data[column] = json.loads(cell)
            except json.JSONDecodeError as exc:
                problems.append((column, f"must be JSON ({exc.msg} at character {exc.pos})"))
            except RecursionError:
                problems.append((column, "must be JSON as in the record (nested too deeply)"))
            except ValueError as exc:  # an integer of more than 4300 digits
                problems.append((column, f"must be JSON as in the record ({exc})"))
        else:
            data[column] = cell
    return RawRecord(position, data, tuple(problems))


def _number(cell: str) -> int | float | str:
    text = cell.strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return cell  # parse_record names the field and says a number is expected


# --- validating -------------------------------------------------------------------------


@functools.cache
def _schema_validator() -> Callable[[Any], list[tuple[str, str]]] | None:
    """A JSON Schema check when the project's schema file exists (it is generated).

    jsonschema-rs gives the same verdicts as jsonschema about 100 times faster (0.06 against
    6 ms a record here), which decides whether importing 10,000 records takes seconds or a
    minute; plain jsonschema is the fallback where the compiled package is missing.
    """
    if not SCHEMA_FILE.is_file():
        return None
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    try:
        import jsonschema_rs
    except ImportError:
        return _python_schema_validator(schema)
    fast = jsonschema_rs.validator_for(schema, validate_formats=True)

    def check_fast(data: Any) -> list[tuple[str, str]]:
        return [
            (".".join(str(p) for p in error.instance_path) or "(record)", error.message)
            for error in fast.iter_errors(data)
        ]

    return check_fast


def _python_schema_validator(schema: dict[str, Any]) -> Callable[[Any], list[tuple[str, str]]]:
    import jsonschema

    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

    def check(data: Any) -> list[tuple[str, str]]:
        return [
            (".".join(str(p) for p in error.absolute_path) or "(record)", error.message)
            for error in validator.iter_errors(data)
        ]

    return check


def validate_records(
    raw: Iterable[RawRecord], *, as_of: date
) -> tuple[list[PatientRecord], list[BadRecord]]:
    """Validate every record (never stopping at the first bad one).

    Each record goes through `parse_record` (field-by-field messages) and, when the project's
    JSON Schema exists, through it as well. A clinic id used twice in the file is an error.
    """
    schema_check = _schema_validator()
    records: list[PatientRecord] = []
    bad: list[BadRecord] = []
    first_seen: dict[str, str] = {}
    for item in raw:
        problems = list(item.problems)
        record_id = item.data.get("id") if isinstance(item.data, dict) else None
        record_id = record_id if isinstance(record_id, str) else None
        record = None
        try:
            record = parse_record(item.data, as_of=as_of)
        except RecordError as exc:
            problems.extend((p.field, p.message) for p in exc.problems)
        if record is not None and schema_check is not None:
            problems.extend(schema_check(item.data))
        if record_id is not None:
            if record_id in first_seen:
                problems.append(("id", f"used again (first at {first_seen[record_id]})"))
            else:
                first_seen[record_id] = item.position
        if problems:
            bad.append(BadRecord(item.position, record_id, tuple(problems)))
        elif record is not None:
            records.append(record)
    return records, bad


# --- writing ----------------------------------------------------------------------------


def write_json(records: Iterable[PatientRecord], out: IO[str]) -> int:
    """Write a JSON list of records (streamed: one record per line); return the count."""
    count = 0
    out.write("[")
    for record in records:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(record_to_json(record), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def csv_row(record: PatientRecord) -> dict[str, str]:
    """The CSV cells of one record (see the module docstring)."""
    data = record_to_json(record)
    row: dict[str, str] = {}
    for column in CSV_COLUMNS:
        value = data.get(column)
        if value is None:
            row[column] = ""
        elif column in _CODE_LIST_COLUMNS:
            row[column] = ";".join(value)
        elif column in _JSON_COLUMNS:
            row[column] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif isinstance(value, float):
            row[column] = repr(value)
        else:
            row[column] = str(value)
    return row


def write_csv(records: Iterable[PatientRecord], out: IO[str]) -> int:
    """Write the CSV header and one row per record; return the count."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


def write_atomically(path: Path, write: Callable[[IO[str]], int], *, bom: bool = False) -> int:
    """Write a text file through a temporary file and a rename: complete or not there at all."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    temp = Path(temp_name)
    try:
        with open(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            count = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count
