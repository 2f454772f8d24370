"""The database schema as append-only migration steps (sqlite-utils Migrations, style.md B4).

Never edit a step that has shipped: add a new one. `db/schema.sql` is the schema these steps
produce; tests/unit/storage/test_migrations.py keeps the two equal.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

MIGRATION_SET = "osteodesk"
migrations = Migrations(MIGRATION_SET)

_DXA_COLUMNS = "\n".join(
    f"    {site}_{kind} REAL,"
    for site in ("lumbar_spine", "femoral_neck", "total_hip", "radius_33")
    for kind in ("t", "z", "bmd")
)


def _run(db: Database, script: str) -> None:
    """Run a DDL script statement by statement inside the step's transaction.

    `executescript` would commit first; splitting on complete statements keeps trigger
    bodies (which contain `;`) whole.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending.strip())
            pending = ""
    if pending.strip():
        db.execute(pending.strip())


@migrations(name="0001_patients_and_clinical_facts")
def create_patients(db: Database) -> None:
    """Patients (one row per person, with list summary columns) and every fact of the record.

    Child rows keep `position` so lists come back in the order they were saved; all of them go
    when the patient is deleted.
    """
    _run(
        db,
        f"""
CREATE TABLE patients (
    id INTEGER PRIMARY KEY,
    mrn TEXT,
    name TEXT,
    name_pinyin TEXT,
    name_initials TEXT,
    sort_key TEXT NOT NULL DEFAULT '',
    sex TEXT NOT NULL CHECK (sex IN ('female', 'male')),
    birth_date TEXT NOT NULL,
    phone TEXT,
    phone_digits TEXT,
    language TEXT,
    menopausal_status TEXT,
    menopause_year INTEGER,
    weight_kg REAL,
    height_cm REAL,
    falls_past_year INTEGER,
    notes TEXT,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    lowest_t REAL,
    lowest_t_date TEXT,
    current_drug TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX patients_mrn ON patients (mrn);
CREATE INDEX patients_sort_key ON patients (sort_key, id);
CREATE INDEX patients_birth_date ON patients (birth_date, id);
CREATE INDEX patients_lowest_t ON patients (lowest_t, id);
CREATE INDEX patients_updated_at ON patients (updated_at, id);
CREATE INDEX patients_archived ON patients (archived);
CREATE TABLE conditions (
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (patient_id, code)
) STRICT, WITHOUT ROWID;
CREATE TABLE allergies (
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    drug TEXT NOT NULL,
    PRIMARY KEY (patient_id, drug)
) STRICT, WITHOUT ROWID;
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    date TEXT NOT NULL
) STRICT;
CREATE INDEX events_patient ON events (patient_id, position);
CREATE TABLE fractures (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    site TEXT NOT NULL,
    date TEXT NOT NULL,
    fragility INTEGER CHECK (fragility IN (0, 1))
) STRICT;
CREATE INDEX fractures_patient ON fractures (patient_id, position);
CREATE TABLE glucocorticoid_courses (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    dose_mg_per_day REAL NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT
) STRICT;
CREATE INDEX glucocorticoid_courses_patient ON glucocorticoid_courses (patient_id, position);
CREATE TABLE dxa_scans (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    device TEXT,
{_DXA_COLUMNS}
    CHECK (position >= 0)
) STRICT;
CREATE INDEX dxa_scans_patient ON dxa_scans (patient_id, position);
CREATE TABLE frax_results (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    major_osteoporotic_pct REAL,
    hip_pct REAL,
    with_bmd INTEGER CHECK (with_bmd IN (0, 1)),
    glucocorticoid_ticked INTEGER CHECK (glucocorticoid_ticked IN (0, 1)),
    model TEXT
) STRICT;
CREATE INDEX frax_results_patient ON frax_results (patient_id, position);
CREATE TABLE labs (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    test TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL
) STRICT;
CREATE INDEX labs_patient ON labs (patient_id, position);
CREATE TABLE treatments (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    drug TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    last_dose_date TEXT,
    doses_given INTEGER,
    product TEXT,
    planned_stop INTEGER NOT NULL DEFAULT 0 CHECK (planned_stop IN (0, 1))
) STRICT;
CREATE INDEX treatments_patient ON treatments (patient_id, position);
CREATE TABLE treatment_doses (
    id INTEGER PRIMARY KEY,
    treatment_id INTEGER NOT NULL REFERENCES treatments (id) ON DELETE CASCADE,
    dose_date TEXT NOT NULL
) STRICT;
CREATE INDEX treatment_doses_treatment ON treatment_doses (treatment_id, dose_date);
CREATE TABLE biologics (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    drug TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT
) STRICT;
CREATE INDEX biologics_patient ON biologics (patient_id, position)
""",
    )


@migrations(name="0002_search_terms")
def create_search_terms(db: Database) -> None:
    """Every searchable prefix key of a patient, so any lookup is one index range scan.

    FTS5 trigram misses 1- and 2-character queries (setup-notes.md), so names, pinyin,
    initials, clinic id, phone digits and birth date are stored as folded terms; a query is
    `term >= :q AND term < :q_end`. `weight` 0 = a whole key (ranked first), 1 = a part of one
    (given name, a later syllable, a phone-number substring).
    """
    _run(
        db,
        """
CREATE TABLE search_terms (
    weight INTEGER NOT NULL,
    term TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    PRIMARY KEY (weight, term, patient_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_terms_patient ON search_terms (patient_id)
""",
    )


@migrations(name="0003_assessments_and_plans")
def create_assessments_and_plans(db: Database) -> None:
    """Saved evaluations (input snapshot + result) and the regimens clinicians chose from them."""
    _run(
        db,
        """
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    as_of TEXT NOT NULL,
    framework TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    record_json TEXT NOT NULL,
    evaluation_json TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX assessments_patient ON assessments (patient_id, created_at);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    assessment_id INTEGER REFERENCES assessments (id) ON DELETE SET NULL,
    steps_json TEXT NOT NULL,
    start_date TEXT NOT NULL,
    framework TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    chosen_rank INTEGER,
    override_reason TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'cancelled', 'superseded')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (chosen_rank = 1 OR length(trim(coalesce(override_reason, ''))) > 0)
) STRICT;
CREATE INDEX plans_patient ON plans (patient_id, status);
CREATE INDEX plans_assessment ON plans (assessment_id)
""",
    )


@migrations(name="0004_audit_log")
def create_audit_log(db: Database) -> None:
    """Append-only record of every clinical change; triggers refuse UPDATE and DELETE.

    No foreign key to patients: the entries about a deleted patient must outlive the patient.
    """
    _run(
        db,
        """
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    source TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    patient_id INTEGER,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT
) STRICT;
CREATE INDEX audit_log_patient ON audit_log (patient_id, id);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END
""",
    )


def known_steps() -> list[str]:
    """The names of every step this version knows, in order."""
    # Migrations has no public accessor for its registered steps.
    return [m.name for m in migrations._migrations]


@migrations(name="0005_patient_list_indexes")
def index_patient_list(db: Database) -> None:
    """Indexes that serve a page of the patient list straight from the index.

    `(column, archived)` lets `WHERE archived = 0 ORDER BY column, archived, id` walk the index
    and skip archived rows without reading them; the lone `archived` index of 0001 made SQLite
    sort all 100,000 rows for every page instead. The partial index counts archived patients
    without a scan, so the list's count is total minus archived.
    """
    _run(
        db,
        """
DROP INDEX patients_sort_key;
DROP INDEX patients_birth_date;
DROP INDEX patients_lowest_t;
DROP INDEX patients_updated_at;
DROP INDEX patients_archived;
CREATE INDEX patients_list_name ON patients (sort_key, archived);
CREATE INDEX patients_list_birth_date ON patients (birth_date, archived);
CREATE INDEX patients_list_lowest_t ON patients (lowest_t, archived);
CREATE INDEX patients_list_updated_at ON patients (updated_at, archived);
CREATE INDEX patients_archived_only ON patients (id) WHERE archived = 1
""",
    )


@migrations(name="0006_follow_up_items")
def create_due_items(db: Database) -> None:
    """Stored follow-up items, so the worklist is one range scan, never an evaluation.

    `due_items` holds each open item of every patient who is not archived, recomputed in the
    transaction of every change to the patient, a dose or a plan; the status and the late
    code are worked out from the day the list is shown. It is clustered on the due date
    (WITHOUT ROWID, the due date first in the key) and carries the clinic id and name, so
    the worklist of 100,000 patients reads one contiguous range without a lookup per row.
    `due_marks` keeps what the clinic did (done; snoozed with a reason) across
    recomputations. `due_refreshed` says for which rules version a patient's items were
    computed, so patients from before this step, or computed under older rules, are found.
    """
    _run(
        db,
        """
CREATE TABLE due_items (
    due_date TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    subject TEXT NOT NULL,
    notice_from TEXT NOT NULL,
    late_from TEXT,
    late_code TEXT,
    severity INTEGER NOT NULL,
    late_severity INTEGER,
    params_json TEXT NOT NULL DEFAULT '{}',
    source TEXT NOT NULL,
    snoozed_until TEXT,
    snooze_reason TEXT,
    mrn TEXT,
    name TEXT,
    PRIMARY KEY (due_date, patient_id, code, subject),
    CHECK (notice_from <= due_date)
) STRICT, WITHOUT ROWID;
CREATE INDEX due_items_patient ON due_items (patient_id);
CREATE TABLE due_marks (
    id INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('done', 'snooze')),
    code TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL,
    mark_date TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    CHECK (kind = 'done' OR length(trim(coalesce(note, ''))) > 0)
) STRICT;
CREATE INDEX due_marks_patient ON due_marks (patient_id, kind);
CREATE TABLE due_refreshed (
    patient_id INTEGER PRIMARY KEY REFERENCES patients (id) ON DELETE CASCADE,
    as_of TEXT NOT NULL,
    rules_version TEXT NOT NULL
) STRICT, WITHOUT ROWID
""",
    )


@migrations(name="0007_due_refreshed_rules_index")
def index_due_refreshed_rules(db: Database) -> None:
    """An index on the rules version the worklist items were computed under.

    Every start asks whether any patient's items are missing or from older rules; with the
    index that is two counts and two index probes (~1 ms) instead of a join over every
    patient (~27 ms at 100,000), which the window paid before showing the list.
    """
    _run(db, "CREATE INDEX due_refreshed_rules_version ON due_refreshed (rules_version)")
