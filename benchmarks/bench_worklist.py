"""Worklist speed (issue 7): the list over 100,000 patients, its badge, the next-due column,
and keeping one patient's items current.

Runs on the storage benchmark's cached demo database (``bench_storage._database``: 100,000
patients, ``--quick`` 2,000, whose fill time there already includes deriving every due item).
Each figure's floor is measured in the same run: the one hand-written indexed SQLite query (or
bare evaluation) the operation cannot beat, so value / floor shows what the repository adds.
"""

from __future__ import annotations

from typing import Any

from benchmarks.bench_storage import AS_OF, FULL_SIZE, QUICK_SIZE, _database, _ms
from benchmarks.common import figure, median_seconds

WITHIN_DAYS = 30
TARGET = "<= 200 ms (issue 7)"


def run(quick: bool) -> list[dict[str, Any]]:
    """Measure every worklist figure."""
    from osteodesk.core.decision import evaluate
    from osteodesk.core.decision.dates import add_days
    from osteodesk.storage.database import open_database
    from osteodesk.storage.due import DueRepository
    from osteodesk.storage.patients import PatientRepository

    size = QUICK_SIZE if quick else FULL_SIZE
    path, _fill_seconds, _built = _database(size)
    db = open_database(path)
    conn = db.conn
    repeat = 15
    due = DueRepository(db, source="benchmark")
    horizon = add_days(AS_OF, WITHIN_DAYS).isoformat()
    items = conn.execute("SELECT count(*) FROM due_items").fetchone()[0]
    listed = due.worklist(AS_OF, WITHIN_DAYS)
    assert listed, "the benchmark worklist is empty"
    figures = [
        figure(
            f"worklist: {size:,} patients ({items:,} items), within {WITHIN_DAYS} days:"
            f" {len(listed):,} lines",
            _ms(median_seconds(lambda: due.worklist(AS_OF, WITHIN_DAYS), repeat=repeat)),
            "ms",
            floor=_ms(
                median_seconds(
                    lambda: conn.execute(
                        "SELECT due_date, patient_id FROM due_items WHERE due_date <= ?",
                        (horizon,),
                    ).fetchall(),
                    repeat=repeat,
                )
            ),
            target=TARGET,
        ),
        figure(
            "worklist: denosumab doses only, due today or late",
            _ms(
                median_seconds(
                    lambda: due.worklist(
                        AS_OF, 0, codes=["denosumab_dose_due", "denosumab_dose_late"]
                    ),
                    repeat=repeat,
                )
            ),
            "ms",
            floor=_ms(
                median_seconds(
                    lambda: conn.execute(
                        "SELECT due_date, patient_id FROM due_items WHERE due_date <= ?"
                        " AND code = 'denosumab_dose_due'",
                        (AS_OF.isoformat(),),
                    ).fetchall(),
                    repeat=repeat,
                )
            ),
            target=TARGET,
        ),
        figure(
            "worklist: overdue count (the tab's badge)",
            _ms(median_seconds(lambda: due.overdue_count(AS_OF), repeat=repeat)),
            "ms",
            floor=_ms(
                median_seconds(
                    lambda: conn.execute(
                        "SELECT count(*) FROM due_items WHERE due_date < ?", (AS_OF.isoformat(),)
                    ).fetchone(),
                    repeat=repeat,
                )
            ),
            target="< 50 ms",
        ),
    ]

    page = list(range(size // 2, size // 2 + 200))
    figures.append(
        figure(
            "worklist: next due of a page of 200 patients (patient list column)",
            _ms(median_seconds(lambda: due.next_due(page, AS_OF), repeat=repeat)),
            "ms",
            floor=_ms(
                median_seconds(
                    lambda: conn.execute(
                        "SELECT patient_id, min(due_date) FROM due_items WHERE patient_id"
                        f" IN ({', '.join('?' * len(page))}) GROUP BY patient_id",
                        page,
                    ).fetchall(),
                    repeat=repeat,
                )
            ),
            target="< 10 ms",
        )
    )

    patients = PatientRepository(db, source="benchmark")
    patient_id = patients.resolve("HEAVY-15Y")
    record = patients.get(patient_id)

    def refresh() -> None:
        with db.atomic():
            due.refresh_patient(patient_id, AS_OF)

    figures.append(
        figure(
            "worklist: recompute one patient's items (15 years of history)",
            _ms(median_seconds(refresh, repeat=repeat)),
            "ms",
            floor=_ms(median_seconds(lambda: evaluate(record, as_of=AS_OF), repeat=repeat)),
            target="< 20 ms (runs inside every save)",
        )
    )
    db.close()
    return figures
