"""Storage speed (issue 4): search, opening a patient, the list, import and export.

Everything runs on a demo database of 100,000 patients (``--quick``: 2,000), built once and
cached under ``benchmarks/.cache/`` keyed by size, seed, schema and rules. Each figure has a floor
measured in the same run: the one hand-written indexed SQLite query (or bare file work) that
the operation cannot beat, so the ratio shows what the repository layer costs on top.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import figure, median_seconds

AS_OF = date(2026, 11, 25)
SEED = 20261125
FULL_SIZE = 100_000
QUICK_SIZE = 2_000
CACHE = Path(__file__).parent / ".cache"
SEARCH_TARGET = "<= 3x and <= 10 ms (issue 8)"
# The floor of a search (issue 8: "the same lookup as one hand-written indexed SQLite query"):
# the list lines of the patients whose search terms equal, then start with, the folded query,
# whole keys before parts, 50 rows, written out by hand. The search on top folds the query,
# drops a patient's second match and builds the list lines (ages, dates).
_LIST_COLUMNS = (
    "p.id, p.mrn, p.name, p.sex, p.birth_date, p.lowest_t, p.lowest_t_date, p.current_drug,"
    " p.archived, p.name_pinyin, p.phone, p.updated_at"
)
SEARCH_FLOOR_SQL = (
    " UNION ALL ".join(
        f"SELECT {_LIST_COLUMNS} FROM search_terms s JOIN patients p ON p.id = s.patient_id"
        f" WHERE s.weight = {weight} AND {match} AND p.archived = 0"
        for weight, match in (
            (0, "s.term = :q"),
            (1, "s.term = :q"),
            (0, "s.term > :q AND s.term < :end"),
            (1, "s.term > :q AND s.term < :end"),
        )
    )
    + " LIMIT 50"
)


def _cache_path(size: int) -> Path:
    """Keyed by the schema and the rules version: the stored worklist items follow the rules
    (a stale cache would make the window's first start recompute 100,000 patients)."""
    from osteodesk.core.constants import RULES_VERSION
    from osteodesk.storage.migrations import known_steps

    key = "|".join([*known_steps(), RULES_VERSION])
    schema = hashlib.sha256(key.encode()).hexdigest()[:10]
    return CACHE / f"storage-demo-{size}-seed{SEED}-{schema}.sqlite3"


def _heavy_record() -> Any:
    """A patient followed for 15 years: 30 DXA scans, 100 labs, 10 treatments."""
    from osteodesk.core.record import parse_record

    start = AS_OF - timedelta(days=15 * 365)
    dxa = [
        {
            "date": (start + timedelta(days=180 * i)).isoformat(),
            "lumbar_spine_t": -3.0 + i * 0.02,
            "femoral_neck_t": -2.6 + i * 0.01,
            "total_hip_t": -2.2,
            "lumbar_spine_bmd": 0.72 + i * 0.002,
        }
        for i in range(30)
    ]
    tests = [
        ("egfr", 60.0, "mL/min/1.73m2"),
        ("calcium", 2.3, "mmol/L"),
        ("vitamin_d_25oh", 28.0, "ng/mL"),
        ("ctx", 0.3, "ng/mL"),
        ("p1np", 40.0, "ng/mL"),
    ]
    labs = [
        {
            "date": (start + timedelta(days=54 * (i // 5))).isoformat(),
            "test": t,
            "value": v,
            "unit": u,
        }
        for i, (t, v, u) in zip(range(100), tests * 20, strict=True)
    ]
    drugs = [
        "alendronate",
        "risedronate",
        "zoledronic_acid",
        "denosumab",
        "teriparatide",
        "romosozumab",
        "raloxifene",
        "ibandronate",
        "calcitonin",
        "denosumab",
    ]
    treatments = []
    for i, drug in enumerate(drugs):
        begin = start + timedelta(days=540 * i)
        end = None if i == len(drugs) - 1 else begin + timedelta(days=500)
        item: dict[str, Any] = {
            "drug": drug,
            "start_date": begin.isoformat(),
            "end_date": end.isoformat() if end else None,
        }
        if drug in ("denosumab", "zoledronic_acid", "romosozumab"):
            item["dose_dates"] = [(begin + timedelta(days=90 * k)).isoformat() for k in range(5)]
        treatments.append(item)
    return parse_record(
        {
            "id": "HEAVY-15Y",
            "name": "欧阳秀英",
            "sex": "female",
            "birth_date": "1950-03-03",
            "menopausal_status": "post",
            "dxa": dxa,
            "labs": labs,
            "treatments": treatments,
            "fractures": [{"site": "vertebra", "date": "2020-02-02", "fragility": True}],
        },
        as_of=AS_OF,
    )


def _build(path: Path, size: int) -> float:
    """Create the demo database (with the heavy patient and 20 assessments); return seconds."""
    from osteodesk.core.plan import Assessment
    from osteodesk.core.record import record_to_json
    from osteodesk.storage.assessments import AssessmentRepository
    from osteodesk.storage.database import open_database
    from osteodesk.storage.demo import fill
    from osteodesk.storage.patients import PatientRepository

    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in (partial, partial.with_name(partial.name + "-wal")):
        leftover.unlink(missing_ok=True)
    db = open_database(partial)
    started = time.perf_counter()
    fill(db, size, seed=SEED, as_of=AS_OF)
    seconds = time.perf_counter() - started
    heavy = _heavy_record()
    pid = PatientRepository(db, source="benchmark").add(heavy)
    evaluation = {
        "schema": "osteodesk.evaluation/1",
        "rules_version": "2026.1",
        "options": [
            {"rank": r, "steps": [{"drug": "denosumab"}], "reasons": []} for r in range(1, 6)
        ],
        "alerts": [],
        "monitoring": [],
    }
    assessments = AssessmentRepository(db, source="benchmark")
    for k in range(20):
        assessments.add(
            Assessment(
                pid,
                AS_OF - timedelta(days=270 * k),
                "cn2022",
                "2026.1",
                record_to_json(heavy),
                evaluation,
            )
        )
    db.close()
    partial.rename(path)
    path.with_suffix(".json").write_text(json.dumps({"fill_seconds": seconds, "size": size}))
    return seconds


def _database(size: int) -> tuple[Path, float, bool]:
    path = _cache_path(size)
    if not path.exists():
        return path, _build(path, size), True
    meta = json.loads(path.with_suffix(".json").read_text())
    return path, float(meta["fill_seconds"]), False


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def run(quick: bool) -> list[dict[str, Any]]:
    """Measure every storage figure."""
    from osteodesk.storage.assessments import AssessmentRepository
    from osteodesk.storage.database import open_database
    from osteodesk.storage.names import fold, name_keys
    from osteodesk.storage.patients import PatientRepository
    from osteodesk.storage.plans import PlanRepository
    from osteodesk.storage.search import PatientSearch

    size = QUICK_SIZE if quick else FULL_SIZE
    path, fill_seconds, built = _database(size)
    figures = [
        figure(
            f"demo: fill {size:,} patients{'' if built else ' (cached build)'}",
            fill_seconds,
            "s",
            target="100,000 < 60 s (issue 4)",
        )
    ]
    db = open_database(path)
    conn = db.conn
    repeat = 30

    # --- search ---------------------------------------------------------------------------
    three = conn.execute(
        "SELECT name FROM patients WHERE length(name) = 3 AND mrn IS NOT NULL"
        " AND name_pinyin IS NOT NULL ORDER BY id LIMIT 1 OFFSET :o",
        {"o": size // 3},
    ).fetchone()[0]
    two = conn.execute(
        "SELECT name FROM patients WHERE length(name) = 2 AND name_pinyin IS NOT NULL"
        " ORDER BY id LIMIT 1 OFFSET :o",
        {"o": size // 4},
    ).fetchone()[0]
    mrn = conn.execute(
        "SELECT mrn FROM patients WHERE mrn IS NOT NULL ORDER BY id LIMIT 1 OFFSET :o",
        {"o": size // 2},
    ).fetchone()[0]
    keys = name_keys(three)
    search = PatientSearch(db)
    cases = [
        ("search: 3-character name", three),
        ("search: 2-character name", two),
        ("search: 1-character prefix (surname)", three[0]),
        ("search: full pinyin", keys.pinyin),
        ("search: pinyin initials", keys.initials),
        ("search: clinic id", mrn),
    ]
    for name, query in cases:
        assert query is not None
        found = search.search(query, as_of=AS_OF)
        assert found, f"benchmark query {query!r} found nothing"
        term = fold(query)
        folded = {"q": term, "end": term[:-1] + chr(ord(term[-1]) + 1)}
        floor_ids = list(dict.fromkeys(row[0] for row in conn.execute(SEARCH_FLOOR_SQL, folded)))
        assert floor_ids[: len(found)] == [s.id for s in found], name  # the same lookup
        value = median_seconds(lambda q=query: search.search(q, as_of=AS_OF), repeat=repeat)
        floor = median_seconds(
            lambda p=folded: conn.execute(SEARCH_FLOOR_SQL, p).fetchall(), repeat=repeat
        )
        figures.append(figure(name, _ms(value), "ms", floor=_ms(floor), target=SEARCH_TARGET))

    # --- opening a patient with 15 years of history ----------------------------------------
    patients = PatientRepository(db)
    assessments = AssessmentRepository(db)
    plans = PlanRepository(db)
    heavy_id = patients.resolve("HEAVY-15Y")

    def open_patient() -> None:
        patients.get(heavy_id)
        patients.summary(heavy_id, as_of=AS_OF)
        assessments.for_patient(heavy_id)
        plans.for_patient(heavy_id)

    figures.append(
        figure(
            "open patient: 30 DXA, 100 labs, 10 treatments, 20 assessments",
            _ms(median_seconds(open_patient, repeat=repeat)),
            "ms",
            floor=_ms(
                median_seconds(
                    lambda: conn.execute(
                        "SELECT * FROM patients WHERE id = ?", (heavy_id,)
                    ).fetchone(),
                    repeat=repeat,
                )
            ),
            target="<= 20 ms (issue 8)",
        )
    )

    # --- the patient list -------------------------------------------------------------------
    middle = size // 2
    figures.append(
        figure(
            f"list: page of 50 by name at row {middle:,} (+ count)",
            _ms(
                median_seconds(
                    lambda: (
                        patients.list_summaries(middle, 50, "name", as_of=AS_OF),
                        patients.count(),
                    ),
                    repeat=repeat,
                )
            ),
            "ms",
            floor=_ms(
                median_seconds(
                    lambda: conn.execute(
                        "SELECT * FROM patients ORDER BY sort_key, archived LIMIT 50 OFFSET ?",
                        (middle,),
                    ).fetchall(),
                    repeat=repeat,
                )
            ),
            target="< 50 ms",
        )
    )

    # --- import and export --------------------------------------------------------------------
    figures.extend(_import_export(path, 1_000 if quick else 10_000, size))
    db.close()
    return figures


def _import_export(db_path: Path, count: int, size: int) -> list[dict[str, Any]]:
    from osteodesk.__main__ import main
    from osteodesk.core.record import record_to_json
    from osteodesk.storage.demo import generate

    out: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="osteodesk-bench-") as folder_name:
        folder = Path(folder_name)
        records = [record_to_json(r) for r in generate(count, seed=SEED + 1, as_of=AS_OF)]
        for i, item in enumerate(records):
            item["id"] = f"IMP-{i:06d}"
        source = folder / "records.json"
        source.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")

        target = folder / "import.sqlite3"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            started = time.perf_counter()
            code = main(["import", str(source), "--db", str(target), "--as-of", AS_OF.isoformat()])
            value = time.perf_counter() - started
        assert code == 0, "benchmark import failed"

        floor_db = folder / "floor.sqlite3"
        started = time.perf_counter()
        data = json.loads(source.read_text(encoding="utf-8"))
        conn = sqlite3.connect(floor_db)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE p (mrn TEXT, name TEXT, birth_date TEXT, body TEXT)")
        with conn:
            conn.executemany(
                "INSERT INTO p VALUES (?, ?, ?, ?)",
                [(d["id"], d.get("name"), d["birth_date"], json.dumps(d)) for d in data],
            )
        conn.close()
        floor = time.perf_counter() - started
        out.append(
            figure(
                f"import: {count:,} records (JSON, validated, one transaction)",
                value,
                "s",
                floor=floor,
                target="<= 10 s at 10,000 (issue 8)",
            )
        )

        export_file = folder / "export.json"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            started = time.perf_counter()
            code = main(["export", "--db", str(db_path), "--out", str(export_file)])
            value = time.perf_counter() - started
        assert code == 0, "benchmark export failed"
        started = time.perf_counter()
        conn = sqlite3.connect(db_path)
        with (folder / "floor.json").open("w", encoding="utf-8") as handle:
            for row in conn.execute("SELECT * FROM patients"):
                handle.write(json.dumps(row, ensure_ascii=False))
        conn.close()
        floor = time.perf_counter() - started
        out.append(
            figure(
                f"export: {size + 1:,} patients to JSON",
                value,
                "s",
                floor=floor,
                target="informational",
            )
        )
    return out
