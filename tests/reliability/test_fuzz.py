"""Fuzzing `evaluate` and `import` with Hypothesis: exit 0 or 2, never a traceback.

Inputs are valid records with one or more parts replaced by something hostile (wrong types,
huge numbers, NaN and Infinity literals, very long strings, control characters, emoji, lone
surrogates, deep nesting, unknown fields), arbitrary JSON values, broken UTF-8, empty files,
byte-order marks and CSV files with odd headers, cells and quoting. Every command runs
in-process through ``osteodesk.__main__.main`` (fast, and a traceback would reach stderr).

Exit 2 must come with a message naming the file, the record/row or the field; exit 0 must
leave valid output. ``OSTEODESK_FUZZ_EXAMPLES`` raises the number of examples per test
(default 400); runs are derandomized unless ``OSTEODESK_FUZZ_RANDOM=1``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteodesk.__main__ import main
from osteodesk.storage.record_files import CSV_COLUMNS

EXAMPLES = int(os.environ.get("OSTEODESK_FUZZ_EXAMPLES", "400"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("OSTEODESK_FUZZ_RANDOM") != "1",
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
EXAMPLE_RECORD = json.loads(
    (Path(__file__).parents[1] / "data" / "contract_example.json").read_text(encoding="utf-8")
)
AS_OF = "2026-11-25"

NASTY_TEXT = [
    "",
    " ",
    "王秀英",
    "测试隐私张三😀👩‍⚕️",
    "\x00",
    "a\x1b[31mred",
    "\ud800",
    "\udfff tail",
    "\u202eevil",
    "\ufeffbom",
    "x" * 50_000,
    "名" * 300,
    "1e400",
    "NaN",
    "null",
    "2026-02-30",
    "9999-12-31",
    "0000-01-01",
    "female ",
    "FEMALE",
    "../../etc/passwd",
    "'; DROP TABLE patients; --",
]
NASTY_NUMBERS: list[Any] = [
    0,
    -1,
    -0.0,
    1e-320,
    1e308,
    10**20,
    10**400,
    -(10**400),
    float("nan"),
    float("inf"),
    float("-inf"),
    2**63,
    True,
]

text = st.one_of(st.text(max_size=30), st.sampled_from(NASTY_TEXT))
numbers = st.one_of(
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(NASTY_NUMBERS),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, text)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.one_of(text, st.sampled_from(sorted(EXAMPLE_RECORD))), children, max_size=4
        )
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (dict keys and list positions), outermost first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _replace(value[head], tuple(rest), new)
    return copy


def _delete(value: Any, path: tuple[Any, ...]) -> Any:
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    if rest:
        copy[head] = _delete(value[head], tuple(rest))
    elif isinstance(copy, dict):
        del copy[head]
    else:
        copy.pop(head)
    return copy


@st.composite
def hostile_records(draw: st.DrawFn) -> Any:
    """The contract example with 1-3 parts replaced, deleted or added."""
    record: Any = EXAMPLE_RECORD
    for _ in range(draw(st.integers(1, 3))):
        places = [p for p in _paths(record) if p]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace" and places:
            record = _replace(record, draw(st.sampled_from(places)), draw(json_values))
        elif action == "delete" and places:
            record = _delete(record, draw(st.sampled_from(places)))
        elif isinstance(record, dict):
            record = {**record, draw(text): draw(json_values)}
    return record


def deeply_nested(depth: int) -> str:
    return '{"sex": "female", "birth_date": "1950-01-01", "dxa": ' + "[" * depth + "]" * depth + "}"


@st.composite
def json_files(draw: st.DrawFn) -> bytes:
    """The bytes of a JSON record file, hostile in content or in encoding."""
    kind = draw(st.sampled_from(["record", "record", "list", "value", "nested", "raw"]))
    if kind == "raw":
        return draw(
            st.sampled_from(
                [
                    b"",
                    b"\xef\xbb\xbf",
                    b"   \n",
                    b"\xff\xfe{}",
                    b'{"name": "\xc3\x28"}',
                    b"[1,",
                    b'{"sex": "female", "birth_date": "1950-01-01", "weight_kg": '
                    + b"9" * 5000
                    + b"}",
                    b'{"sex": "female", "birth_date": "1950-01-01", "weight_kg": 1e999999}',
                    b'[{"sex": "female", "birth_date": "1950-01-01", "weight_kg": NaN}]',
                    b'{"sex": "female", "birth_date": "1950-01-01", "height_cm": -Infinity}',
                ]
            )
            | st.binary(max_size=64)
        )
    if kind == "nested":
        return deeply_nested(draw(st.sampled_from([10, 900, 5000, 100_000]))).encode()
    if kind == "value":
        data: Any = draw(json_values)
    elif kind == "list":
        data = draw(st.lists(hostile_records() | st.just(EXAMPLE_RECORD), min_size=0, max_size=3))
    else:
        data = draw(hostile_records())
    content = json.dumps(data, ensure_ascii=draw(st.booleans()), allow_nan=True)
    if draw(st.integers(0, 9)) == 0:  # cut off mid-file
        content = content[: draw(st.integers(0, len(content)))]
    raw = content.encode("utf-8", "surrogatepass")  # a raw lone surrogate is broken UTF-8
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    return raw


CELLS: dict[str, Any] = {
    "sex": st.sampled_from(["female", "male", "", "F", "女"]) | text,
    "birth_date": st.sampled_from(["1950-01-01", "1958-03-14", "", "1950-13-01"]) | text,
    "number": st.sampled_from(["48.5", "1e400", "nan", "inf", "-0", "１２", "1,5", "", "60"])
    | numbers.map(str)
    | text,
    "codes": st.sampled_from(["rheumatoid_arthritis;dialysis", ";;", "x;y", ""]) | text,
    "json": json_values.map(lambda v: json.dumps(v, allow_nan=True))
    | st.sampled_from(["[", "{}", "[{}]", "null", "[" * 2000 + "]" * 2000, "9" * 5000])
    | text,
    "text": text,
}
VALID_CELLS = {  # by column; the others are left empty ("not recorded")
    "sex": "female",
    "birth_date": "1950-01-01",
    "name": "王秀英",
    "phone": "138 0013 8000",
    "language": "zh_CN",
    "menopausal_status": "post",
    "weight_kg": "48.5",
    "conditions": "rheumatoid_arthritis",
    "labs": '[{"date": "2026-01-02", "test": "egfr", "value": 52, "unit": "mL/min/1.73m2"}]',
    "notes": "line one\nline two",
}
NUMBER_COLUMNS = {"menopause_year", "weight_kg", "height_cm", "falls_past_year"}
JSON_COLUMNS = {
    "events",
    "fractures",
    "glucocorticoid",
    "glucocorticoid_past",
    "dxa",
    "frax",
    "labs",
    "treatments",
    "biologics",
}


def _cell_kind(column: str) -> str:
    if column in ("sex", "birth_date"):
        return column
    if column in NUMBER_COLUMNS:
        return "number"
    if column in ("conditions", "allergies"):
        return "codes"
    if column in JSON_COLUMNS:
        return "json"
    return "text"


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A CSV record file: chosen columns (maybe unknown or repeated), hostile cells."""
    columns = draw(
        st.lists(st.sampled_from(CSV_COLUMNS), min_size=1, max_size=8, unique=True).map(
            lambda cols: ["sex", "birth_date", *[c for c in cols if c not in ("sex", "birth_date")]]
        )
    )
    if draw(st.integers(0, 7)) == 0:
        columns.append(draw(st.sampled_from(["Name", "sex", "", "年龄"]) | text))
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):  # a clean row, maybe with one hostile cell
            row = [VALID_CELLS.get(c, "") for c in columns]
            if draw(st.booleans()):
                spot = draw(st.integers(0, len(columns) - 1))
                row[spot] = draw(CELLS.get(_cell_kind(columns[spot]), text))
        else:
            row = [draw(CELLS.get(_cell_kind(c), text)) for c in columns]
        rows.append(row)
    buffer = io.StringIO(newline="")
    if draw(st.booleans()):
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows(rows)
        if draw(st.integers(0, 5)) == 0:
            buffer.write(",".join(draw(st.lists(text, max_size=len(columns) + 2))) + "\n")
    else:  # hand-joined: quotes and commas inside cells break the layout
        for row in [columns, *rows]:
            buffer.write(",".join(row) + "\n")
    raw = buffer.getvalue().encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    if draw(st.integers(0, 9)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


def _check(code: int, out: str, err: str, command: str) -> None:
    assert code in (0, 2), (code, err[-2000:])
    assert "Traceback" not in err
    assert "Traceback" not in out
    if code == 2:
        assert err.startswith(f"osteodesk {command}: "), err[:300]
        first_line = err.splitlines()[0] + "".join(err.splitlines()[1:2])
        assert any(word in first_line for word in ("FILE", "record ", "row ", "invalid input")), (
            err[:300]
        )


def test_fuzz_evaluate_json(tmp_path, capsys, summary_line):
    source = tmp_path / "input.json"
    codes: Counter[int] = Counter()

    @FUZZ
    @given(payload=json_files())
    def check(payload: bytes) -> None:
        source.write_bytes(payload)
        code = main(["evaluate", str(source), "--as-of", AS_OF])
        out, err = capsys.readouterr()
        _check(code, out, err, "evaluate")
        if code == 0:
            json.loads(out)
        else:
            assert out == ""  # nothing printed when the input is refused
        codes[code] += 1

    check()
    summary_line(f"fuzz evaluate JSON: {sum(codes.values())} examples, exit codes {dict(codes)}")
    assert sum(codes.values()) >= min(EXAMPLES, 50)


def test_fuzz_evaluate_text_output(tmp_path, capsys, summary_line):
    """The readable output prints names: emoji, CJK and odd characters must not break it."""
    source = tmp_path / "input.json"
    codes: Counter[int] = Counter()

    @FUZZ
    @given(name=text, lang=st.sampled_from(["zh_CN", "en"]))
    def check(name: str, lang: str) -> None:
        source.write_bytes(
            json.dumps({**EXAMPLE_RECORD, "name": name}).encode("utf-8", "surrogatepass")
        )
        code = main(["evaluate", str(source), "--as-of", AS_OF, "--format", "text", "--lang", lang])
        out, err = capsys.readouterr()
        _check(code, out, err, "evaluate")
        codes[code] += 1

    check()
    summary_line(f"fuzz evaluate text: {sum(codes.values())} examples, exit codes {dict(codes)}")
    assert codes[0] > 0


def test_fuzz_import_json(tmp_path, capsys, summary_line):
    source = tmp_path / "input.json"
    db = tmp_path / "fuzz.sqlite3"
    codes: Counter[int] = Counter()

    @FUZZ
    @given(payload=json_files())
    def check(payload: bytes) -> None:
        source.write_bytes(payload)
        code = main(["import", str(source), "--db", str(db), "--as-of", AS_OF])
        out, err = capsys.readouterr()
        _check(code, out, err, "import")
        codes[code] += 1

    check()
    summary_line(f"fuzz import JSON: {sum(codes.values())} examples, exit codes {dict(codes)}")
    assert sum(codes.values()) >= min(EXAMPLES, 50)


def test_fuzz_import_csv(tmp_path, capsys, summary_line):
    source = tmp_path / "input.csv"
    db = tmp_path / "fuzz.sqlite3"
    codes: Counter[int] = Counter()

    @FUZZ
    @given(payload=csv_files())
    def check(payload: bytes) -> None:
        source.write_bytes(payload)
        code = main(["import", str(source), "--db", str(db), "--as-of", AS_OF])
        out, err = capsys.readouterr()
        _check(code, out, err, "import")
        codes[code] += 1

    check()
    summary_line(f"fuzz import CSV: {sum(codes.values())} examples, exit codes {dict(codes)}")
    assert sum(codes.values()) >= min(EXAMPLES, 50)
