CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
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
    lumbar_spine_t REAL,
    lumbar_spine_z REAL,
    lumbar_spine_bmd REAL,
    femoral_neck_t REAL,
    femoral_neck_z REAL,
    femoral_neck_bmd REAL,
    total_hip_t REAL,
    total_hip_z REAL,
    total_hip_bmd REAL,
    radius_33_t REAL,
    radius_33_z REAL,
    radius_33_bmd REAL,
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
CREATE INDEX biologics_patient ON biologics (patient_id, position);
CREATE TABLE search_terms (
    weight INTEGER NOT NULL,
    term TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    PRIMARY KEY (weight, term, patient_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_terms_patient ON search_terms (patient_id);
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
CREATE INDEX plans_assessment ON plans (assessment_id);
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
END;
CREATE INDEX patients_list_name ON patients (sort_key, archived);
CREATE INDEX patients_list_birth_date ON patients (birth_date, archived);
CREATE INDEX patients_list_lowest_t ON patients (lowest_t, archived);
CREATE INDEX patients_list_updated_at ON patients (updated_at, archived);
CREATE INDEX patients_archived_only ON patients (id) WHERE archived = 1;
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
) STRICT, WITHOUT ROWID;
CREATE INDEX due_refreshed_rules_version ON due_refreshed (rules_version);
