"""`osteodesk evaluate FILE|-`: evaluate patient records and print the evaluations.

A file holds one record object or a list of them; the output is one evaluation or a list, in the
contract's JSON (section 2) or as a readable rationale (``--format text``, zh_CN or en). Every
record is validated before anything is evaluated: first against the shipped JSON Schema, then by
`parse_record`. One bad record means exit 2 and a message per problem naming the record's
position, the field, the value and what is allowed; nothing is printed to stdout then.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Final

import jsonschema

from osteodesk.cli.errors import CommandError, InputError
from osteodesk.cli.options import parse_as_of
from osteodesk.core import codes
from osteodesk.core.decision import evaluate
from osteodesk.core.decision.render import evaluation_text
from osteodesk.core.evaluation import Evaluation, evaluation_to_json
from osteodesk.core.record import PatientRecord, RecordError, parse_record

MAX_REPORTED_PROBLEMS: Final = 200
DEFAULT_LANGUAGE: Final = "zh_CN"


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """FILE, --as-of, --framework, --format and --lang."""
    parser.add_argument(
        "file", metavar="FILE", help="JSON record file (one object or a list); - reads stdin"
    )
    parser.add_argument(
        "--as-of", metavar="DATE", help="evaluate as on this day (YYYY-MM-DD; default today)"
    )
    parser.add_argument(
        "--framework",
        choices=codes.FRAMEWORKS,
        default=codes.DEFAULT_FRAMEWORK,
        help=f"governing framework (default {codes.DEFAULT_FRAMEWORK}; ACR-GIOP applies on top)",
    )
    parser.add_argument(
        "--format", choices=("json", "text"), default="json", help="output format (default json)"
    )
    parser.add_argument(
        "--lang",
        choices=codes.LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help=f"language of --format text (default {DEFAULT_LANGUAGE})",
    )


def _read_text(name: str) -> str:
    try:
        if name == "-":
            return sys.stdin.buffer.read().decode("utf-8-sig")
        with open(name, "rb") as handle:
            return handle.read().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"FILE: {name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"FILE: {name}: is a folder, not a record file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"FILE: {name}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"FILE: {name}: {exc.strerror}") from None


def _decode(name: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = "stdin" if name == "-" else name
        raise InputError(
            f"FILE: {where}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:  # found by the fuzz tests of issue 9
        where = "stdin" if name == "-" else name
        raise InputError(f"FILE: {where}: not a record file (JSON nested too deeply)") from None
    except ValueError as exc:  # an integer of more than 4300 digits (Python's limit)
        where = "stdin" if name == "-" else name
        raise InputError(f"FILE: {where}: not valid JSON ({exc})") from None


@cache
def _validator() -> jsonschema.protocols.Validator:
    path = resources.files("osteodesk").joinpath("resources", "schema", "patient.schema.json")
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)  # type: ignore[no-any-return]


def _field(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _schema_problem(error: jsonschema.ValidationError) -> tuple[str, str]:
    """(field, message) for one schema error, naming the value and what is allowed."""
    field = _field(error.absolute_path) or "(record)"
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    value: Any = error.instance
    if kind in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return field, f"must be between {_number(low)} and {_number(high)} (got {_show(value)})"
        bound = f"at least {_number(low)}" if low is not None else f"at most {_number(high)}"
        return field, f"must be {bound} (got {_show(value)})"
    if kind == "enum":
        allowed = ", ".join("null" if v is None else str(v) for v in schema.get("enum", []))
        return field, f"must be one of {allowed} (got {_show(value)})"
    if kind == "type":
        return field, f"must be {' or '.join(_as_list(schema.get('type')))} (got {_show(value)})"
    if kind == "pattern":
        if "description" in schema:
            return field, f"must be {schema['description']} (got {_show(value)})"
        return field, f"must be a date YYYY-MM-DD (got {_show(value)})"
    if kind == "format":
        return field, f"must be a real date YYYY-MM-DD (got {_show(value)})"
    if kind == "required":
        required: Any = error.validator_value
        missing = [name for name in required if name not in (value or {})]
        name = missing[0] if missing else "?"
        return (name if field == "(record)" else f"{field}.{name}"), "is required"
    if kind == "additionalProperties":
        allowed_names = list(schema.get("properties", {}))
        extra = [key for key in value if key not in allowed_names]
        where = field
        if extra:
            where = extra[0] if field == "(record)" else f"{field}.{extra[0]}"
        return where, f"unknown field; allowed: {', '.join(allowed_names)}"
    return field, error.message


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def _problems(data: Any, as_of: date) -> tuple[PatientRecord | None, list[tuple[str, str]]]:
    """Schema check first, then parse_record; every (field, message) found."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    problems = [_schema_problem(e) for e in errors]
    try:
        record = parse_record(data, as_of=as_of)
    except RecordError as exc:
        # parse_record also finds what a schema cannot (dates after as_of, end before start);
        # a field the schema already reported (or its container) is not repeated.
        reported = [field for field, _ in problems]
        problems += [
            (p.field or "(record)", p.message)
            for p in exc.problems
            if not any(field.startswith(p.field) for field in reported)
        ]
        return None, problems
    return (None if problems else record), problems


def _label(record: PatientRecord, position: int) -> str:
    return record.id or record.name or f"record {position}"


def run(args: argparse.Namespace) -> int:
    """Validate every record, evaluate each, print the evaluation(s)."""
    as_of = parse_as_of(args.as_of)
    data = _decode(args.file, _read_text(args.file))
    many = isinstance(data, list)
    items = data if many else [data]
    records: list[PatientRecord] = []
    report: list[str] = []
    for position, item in enumerate(items, 1):
        record, problems = _problems(item, as_of)
        ident = item.get("id") if isinstance(item, dict) else None
        where = f"record {position}" + (f" (id {ident})" if isinstance(ident, str) else "")
        report.extend(f"{where}: {field}: {message}" for field, message in problems)
        if record is not None:
            records.append(record)
    if report:
        shown = report[:MAX_REPORTED_PROBLEMS]
        if len(report) > len(shown):
            shown.append(f"... and {len(report) - len(shown)} more problems")
        raise InputError("invalid input\n  " + "\n  ".join(shown))

    evaluations: list[Evaluation] = []
    for position, record in enumerate(records, 1):
        try:
            evaluations.append(evaluate(record, as_of=as_of, framework=args.framework))
        except Exception as exc:  # a rule bug must still end in a message, not a traceback
            raise CommandError(
                f"internal error evaluating record {position}: {type(exc).__name__}: {exc}"
            ) from exc

    if args.format == "text":
        blocks = [
            evaluation_text(ev, args.lang, label=_label(record, position))
            for position, (record, ev) in enumerate(zip(records, evaluations, strict=True), 1)
        ]
        _write("\n\n".join(blocks) + "\n")
    else:
        payload: Any = [evaluation_to_json(ev) for ev in evaluations]
        if not many:
            payload = payload[0]
        _write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 0


def _write(text: str) -> None:
    """UTF-8 to stdout whatever the console's encoding (Chinese names and sentences)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
