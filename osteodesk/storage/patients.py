"""The only module that reads or writes patients and their clinical facts (and search_terms).

A patient is saved whole: the patient row, every child row and the search terms, in one
transaction, with one audit entry per changed field. Reads return `PatientRecord`s equal to
what was saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from sqlite_utils import Database

from osteodesk.core import codes
from osteodesk.core.record import (
    Biologic,
    DxaScan,
    Event,
    Fracture,
    FraxResult,
    GlucocorticoidCourse,
    LabResult,
    PatientRecord,
    Treatment,
    age_on,
    record_to_json,
)
from osteodesk.storage.audit import AuditLog, Clock, timestamp, utc_now
from osteodesk.storage.crypto import INTEGRITY_ERRORS
from osteodesk.storage.due import BulkDueRows, refresh_due_for_patient, refresh_due_rows
from osteodesk.storage.errors import DuplicateClinicIdError, PatientNotFoundError
from osteodesk.storage.names import name_keys, patient_terms, phone_digits

# Sort orders of the patient list: name -> the indexed columns that give it.
LIST_ORDERS: Final[dict[str, str]] = {
    "name": "sort_key",
    "id": "id",
    "birth_date": "birth_date",
    "lowest_t": "lowest_t",
    "updated": "updated_at",
}
_BATCH: Final = 500  # ids per IN (...) when loading many records (SQLite's variable limit)
_DXA_SITE_KINDS: Final = tuple(
    (site, kind) for site in codes.DXA_SITES for kind in ("t", "z", "bmd")
)
_DXA_VALUE_COLUMNS: Final = tuple(f"{site}_{kind}" for site, kind in _DXA_SITE_KINDS)
_BULK_CHUNK: Final = 2000  # records per executemany round in add_bulk (bounded memory)
_BULK_CACHE_KIB: Final = 131072  # page cache during bulk inserts: index pages stay in memory


@dataclass(frozen=True, slots=True)
class PatientSummary:
    """One line of the patient list: enough to find and recognise a patient, nothing more."""

    id: int
    mrn: str | None
    name: str | None
    sex: str
    birth_date: date
    age: int
    lowest_t: float | None
    lowest_t_date: date | None
    current_drug: str | None
    archived: bool
    name_pinyin: str | None = None
    phone: str | None = None
    updated_at: datetime | None = None

    @property
    def display_id(self) -> str:
        """The clinic id when there is one, else the internal number (what people type)."""
        return self.mrn if self.mrn is not None else str(self.id)


@dataclass(slots=True)
class _Rows:
    """Every row of a batch of records, ready for executemany."""

    patients: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[tuple[int, str]] = field(default_factory=list)
    allergies: list[tuple[int, str]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    fractures: list[tuple[Any, ...]] = field(default_factory=list)
    glucocorticoid: list[tuple[Any, ...]] = field(default_factory=list)
    dxa: list[tuple[Any, ...]] = field(default_factory=list)
    frax: list[tuple[Any, ...]] = field(default_factory=list)
    labs: list[tuple[Any, ...]] = field(default_factory=list)
    treatments: list[tuple[Any, ...]] = field(default_factory=list)
    doses: list[tuple[int, str]] = field(default_factory=list)
    biologics: list[tuple[Any, ...]] = field(default_factory=list)
    terms: list[tuple[int, str, int]] = field(default_factory=list)


_PATIENT_COLUMNS: Final = (
    "id",
    "mrn",
    "name",
    "name_pinyin",
    "name_initials",
    "sort_key",
    "sex",
    "birth_date",
    "phone",
    "phone_digits",
    "language",
    "menopausal_status",
    "menopause_year",
    "weight_kg",
    "height_cm",
    "falls_past_year",
    "notes",
    "archived",
    "lowest_t",
    "lowest_t_date",
    "current_drug",
    "created_at",
    "updated_at",
)
_UPDATABLE_COLUMNS: Final = tuple(
    c for c in _PATIENT_COLUMNS if c not in ("id", "archived", "created_at")
)


class PatientRepository:
    """Add, update, read, list, archive and delete patients.

    Args:
        db: an open database (see `open_database`).
        source: written into audit entries: which path made the change (ui, import, cli).
        now: the clock, for tests.
    """

    def __init__(self, db: Database, *, source: str = "ui", now: Clock = utc_now) -> None:
        self._db = db
        self._now = now
        self.audit = AuditLog(db, source=source, now=now)

    # --- writing ------------------------------------------------------------------------

    def add(self, record: PatientRecord) -> int:
        """Store a new patient; return the internal number.

        Raises:
            DuplicateClinicIdError: another patient already has `record.id`.
        """
        with self._db.atomic():
            if record.id is not None and self.find_by_mrn(record.id) is not None:
                raise DuplicateClinicIdError(record.id)
            patient_id = self._next_id("patients")
            self._insert([(patient_id, record)], created_at=timestamp(self._now()))
            self.audit.append(
                entity="patient",
                action="create",
                patient_id=patient_id,
                entity_id=patient_id,
                new_value=record_to_json(record),
            )
        return patient_id

    def update(self, patient_id: int, record: PatientRecord) -> None:
        """Replace a patient's facts with `record`, auditing every field that changed.

        Raises:
            PatientNotFoundError: no such patient.
            DuplicateClinicIdError: `record.id` belongs to another patient.
        """
        with self._db.atomic():
            old = self.get(patient_id)
            if record.id is not None:
                owner = self.find_by_mrn(record.id)
                if owner is not None and owner != patient_id:
                    raise DuplicateClinicIdError(record.id)
            changes = _diff(record_to_json(old), record_to_json(record))
            if not changes:
                return
            self._delete_children([patient_id])
            created = self._db.execute(
                "SELECT created_at FROM patients WHERE id = ?", [patient_id]
            ).fetchone()[0]
            self._insert([(patient_id, record)], created_at=created, replace=True)
            self.audit.append_many(
                [
                    ("patient", "update", patient_id, patient_id, key, before, after)
                    for key, before, after in changes
                ]
            )

    def save(self, record: PatientRecord, patient_id: int | None = None) -> int:
        """Add or update: by internal number if given, else by clinic id; return the number."""
        if patient_id is None and record.id is not None:
            patient_id = self.find_by_mrn(record.id)
        if patient_id is None:
            return self.add(record)
        self.update(patient_id, record)
        return patient_id

    def save_many(self, records: Sequence[PatientRecord]) -> tuple[list[int], int, int]:
        """Add or update many records in ONE transaction (import): (ids, added, updated)."""
        ids: list[int] = []
        added = updated = 0
        with self._db.atomic():
            new: list[tuple[int, PatientRecord]] = []
            next_id = self._next_id("patients")
            for record in records:
                existing = self.find_by_mrn(record.id) if record.id is not None else None
                if existing is None:
                    new.append((next_id, record))
                    ids.append(next_id)
                    next_id += 1
                    added += 1
                else:
                    self.update(existing, record)
                    ids.append(existing)
                    updated += 1
            if new:
                self._insert(new, created_at=timestamp(self._now()))
                self.audit.append_many(
                    [
                        ("patient", "create", pid, pid, None, None, record_to_json(rec))
                        for pid, rec in new
                    ]
                )
        return ids, added, updated

    def add_bulk(
        self,
        records: Iterable[PatientRecord],
        *,
        note: str,
        as_of: date | None = None,
        parallel: bool = False,
    ) -> int:
        """Insert many new patients fast (demo data): one transaction, ONE audit entry.

        `as_of` is the day their follow-up items are computed for (default today);
        `parallel` derives them in a worker process (only where no other thread runs).
        Returns how many were added.
        """
        added = 0
        old_cache = self._db.execute("PRAGMA cache_size").fetchone()[0]
        self._db.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
        due_day = as_of or self._now().astimezone().date()
        try:
            with self._db.atomic(), BulkDueRows(self._db, as_of=due_day, parallel=parallel) as due:
                next_id = self._next_id("patients")
                created = timestamp(self._now())
                chunk: list[tuple[int, PatientRecord]] = []
                for record in records:
                    chunk.append((next_id, record))
                    next_id += 1
                    if len(chunk) == _BULK_CHUNK:
                        self._insert(chunk, created_at=created, bulk_due=due)
                        added += len(chunk)
                        chunk = []
                if chunk:
                    self._insert(chunk, created_at=created, bulk_due=due)
                    added += len(chunk)
                due.finish()
                self.audit.append(
                    entity="patient",
                    action="bulk_create",
                    patient_id=None,
                    new_value={"note": note, "count": added},
                )
        finally:
            self._db.execute(f"PRAGMA cache_size = {int(old_cache)}")
        return added

    def archive(self, patient_id: int) -> None:
        """Hide a patient from the list and search (kept, and audited)."""
        self._set_archived(patient_id, True)

    def unarchive(self, patient_id: int) -> None:
        """Show an archived patient again."""
        self._set_archived(patient_id, False)

    def delete(self, patient_id: int, *, confirm: bool) -> None:
        """Delete a patient and everything recorded about them; the audit log keeps the record.

        Raises:
            ValueError: `confirm` is not True (deleting must be a deliberate act).
            PatientNotFoundError: no such patient.
        """
        if confirm is not True:
            raise ValueError("delete needs confirm=True")
        with self._db.atomic():
            old = self.get(patient_id)
            self._db.execute("DELETE FROM patients WHERE id = ?", [patient_id])
            self.audit.append(
                entity="patient",
                action="delete",
                patient_id=patient_id,
                entity_id=patient_id,
                old_value=record_to_json(old),
            )

    # --- reading ------------------------------------------------------------------------

    def get(self, patient_id: int) -> PatientRecord:
        """The patient's record, equal to what was saved.

        Raises:
            PatientNotFoundError: no such patient.
        """
        records = self._load([patient_id])
        if patient_id not in records:
            raise PatientNotFoundError(patient_id)
        return records[patient_id]

    get_record = get

    def exists(self, patient_id: int) -> bool:
        """Whether the internal number is a patient."""
        row = self._db.execute("SELECT 1 FROM patients WHERE id = ?", [patient_id]).fetchone()
        return row is not None

    def find_by_mrn(self, mrn: str) -> int | None:
        """The internal number of the patient with this clinic id, if any."""
        row = self._db.execute("SELECT id FROM patients WHERE mrn = ?", [mrn]).fetchone()
        return int(row[0]) if row else None

    def resolve(self, ref: str | int) -> int:
        """A patient reference as people type it: the clinic id, else the internal number.

        Raises:
            PatientNotFoundError: neither matches.
        """
        text = str(ref).strip()
        found = self.find_by_mrn(text)
        if found is not None:
            return found
        if text.isdigit() and self.exists(int(text)):
            return int(text)
        raise PatientNotFoundError(text)

    def is_archived(self, patient_id: int) -> bool:
        """Whether the patient is archived."""
        row = self._db.execute("SELECT archived FROM patients WHERE id = ?", [patient_id])
        found = row.fetchone()
        if found is None:
            raise PatientNotFoundError(patient_id)
        return bool(found[0])

    def count(self, *, include_archived: bool = False) -> int:
        """How many patients the list shows."""
        sql = "SELECT count(*) FROM patients"
        if not include_archived:
            # All minus archived: a bare count(*) scans the smallest index, and the archived
            # few are counted from their partial index (named: without ANALYZE statistics
            # SQLite would scan a whole index for them).
            archived = self._db.execute(
                "SELECT count(*) FROM patients INDEXED BY patients_archived_only WHERE archived = 1"
            ).fetchone()[0]
            return int(self._db.execute(sql).fetchone()[0]) - int(archived)
        return int(self._db.execute(sql).fetchone()[0])

    def list_patients(
        self, *, include_archived: bool = False, as_of: date | None = None
    ) -> list[PatientSummary]:
        """Every patient's summary, by name (use `list_summaries` for pages of a long list)."""
        return self.list_summaries(
            offset=0, limit=None, include_archived=include_archived, as_of=as_of
        )

    def list_summaries(
        self,
        offset: int = 0,
        limit: int | None = 100,
        order: str = "name",
        *,
        descending: bool = False,
        include_archived: bool = False,
        as_of: date | None = None,
    ) -> list[PatientSummary]:
        """One page of the patient list, read from the patients row alone (fast at 100,000).

        Args:
            offset: rows to skip.
            limit: rows to return (None: all).
            order: one of LIST_ORDERS.
            descending: reverse the order.
            include_archived: show archived patients too.
            as_of: the day ages are computed for (default today).
        """
        if order not in LIST_ORDERS:
            raise ValueError(f"order must be one of {', '.join(LIST_ORDERS)} (got {order!r})")
        column = LIST_ORDERS[order]
        direction = "DESC" if descending else "ASC"
        where = "" if include_archived else "WHERE archived = 0"
        # `archived` in the ORDER BY matches the (column, archived) list indexes, so a page is
        # read in index order. Naming `id` as well would make SQLite sort every row (it does
        # not see that the index already ends in the rowid); ties come in index order, which
        # is by id.
        tiebreak = "" if column == "id" else f", archived {direction}"
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM patients {where} "
            f"ORDER BY {column} {direction}{tiebreak} LIMIT :limit OFFSET :offset"
        )
        rows = self._db.execute(sql, {"limit": -1 if limit is None else limit, "offset": offset})
        day = as_of or date.today()
        return [summary_from_row(row, day) for row in rows]

    def summaries(self, ids: Sequence[int], *, as_of: date | None = None) -> list[PatientSummary]:
        """Summaries of the given patients, in the order of `ids` (missing ones skipped)."""
        day = as_of or date.today()
        found: dict[int, PatientSummary] = {}
        for chunk in _chunks(list(ids)):
            marks = ", ".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM patients WHERE id IN ({marks})", chunk
            )
            for row in rows:
                found[row[0]] = summary_from_row(row, day)
        return [found[i] for i in ids if i in found]

    def summary(self, patient_id: int, *, as_of: date | None = None) -> PatientSummary:
        """One patient's list line.

        Raises:
            PatientNotFoundError: no such patient.
        """
        found = self.summaries([patient_id], as_of=as_of)
        if not found:
            raise PatientNotFoundError(patient_id)
        return found[0]

    def ids(self, *, include_archived: bool = True) -> list[int]:
        """Every internal number, ascending."""
        sql = "SELECT id FROM patients"
        if not include_archived:
            sql += " WHERE archived = 0"
        return [row[0] for row in self._db.execute(sql + " ORDER BY id")]

    def iter_records(self, *, include_archived: bool = True) -> Iterator[tuple[int, PatientRecord]]:
        """Every patient as (internal number, record), by number, loaded in batches (export)."""
        ids = self.ids(include_archived=include_archived)
        for chunk in _chunks(ids):
            loaded = self._load(chunk)
            for patient_id in chunk:
                if patient_id in loaded:
                    yield patient_id, loaded[patient_id]

    # --- internals ----------------------------------------------------------------------

    def _set_archived(self, patient_id: int, archived: bool) -> None:
        with self._db.atomic():
            if self.is_archived(patient_id) == archived:
                return
            self._db.execute(
                "UPDATE patients SET archived = ?, updated_at = ? WHERE id = ?",
                [int(archived), timestamp(self._now()), patient_id],
            )
            self.audit.append(
                entity="patient",
                action="archive" if archived else "unarchive",
                patient_id=patient_id,
                entity_id=patient_id,
                field="archived",
                old_value=not archived,
                new_value=archived,
            )
            # An archived patient is on no worklist; unarchived, the items come back.
            refresh_due_for_patient(self._db, patient_id, as_of=self._now().astimezone().date())

    def _next_id(self, table: str) -> int:
        row = self._db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()
        return int(row[0])

    def _delete_children(self, patient_ids: list[int]) -> None:
        for chunk in _chunks(patient_ids):
            marks = ", ".join("?" * len(chunk))
            for table in _CHILD_TABLES:
                self._db.execute(f"DELETE FROM {table} WHERE patient_id IN ({marks})", chunk)

    def _insert(
        self,
        numbered: Sequence[tuple[int, PatientRecord]],
        *,
        created_at: str,
        replace: bool = False,
        bulk_due: BulkDueRows | None = None,
    ) -> None:
        """Write patient rows, children, search terms and follow-up items (numbered records)."""
        updated_at = timestamp(self._now())
        next_treatment = self._next_id("treatments")
        rows = _Rows()
        for patient_id, record in numbered:
            next_treatment = _collect(rows, patient_id, record, next_treatment)
        for row in rows.patients:
            row["created_at"] = created_at
            row["updated_at"] = updated_at
        conn = self._db.conn
        try:
            if replace:
                assignments = ", ".join(f"{c} = :{c}" for c in _UPDATABLE_COLUMNS)
                conn.executemany(f"UPDATE patients SET {assignments} WHERE id = :id", rows.patients)
            else:
                names = ", ".join(_PATIENT_COLUMNS)
                values = ", ".join(f":{c}" for c in _PATIENT_COLUMNS)
                conn.executemany(f"INSERT INTO patients ({names}) VALUES ({values})", rows.patients)
        except INTEGRITY_ERRORS as exc:  # sqlite3's or SQLCipher's (issue 9)
            if "patients.mrn" in str(exc):
                raise DuplicateClinicIdError(_duplicate_mrn(numbered)) from exc
            raise
        conn.executemany("INSERT INTO conditions VALUES (?, ?)", rows.conditions)
        conn.executemany("INSERT INTO allergies VALUES (?, ?)", rows.allergies)
        conn.executemany(
            "INSERT INTO events (patient_id, position, type, date) VALUES (?, ?, ?, ?)",
            rows.events,
        )
        conn.executemany(
            "INSERT INTO fractures (patient_id, position, site, date, fragility)"
            " VALUES (?, ?, ?, ?, ?)",
            rows.fractures,
        )
        conn.executemany(
            "INSERT INTO glucocorticoid_courses (patient_id, position, is_current,"
            " dose_mg_per_day, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)",
            rows.glucocorticoid,
        )
        dxa_names = ", ".join(("patient_id", "position", "date", "device", *_DXA_VALUE_COLUMNS))
        dxa_marks = ", ".join("?" * (4 + len(_DXA_VALUE_COLUMNS)))
        conn.executemany(f"INSERT INTO dxa_scans ({dxa_names}) VALUES ({dxa_marks})", rows.dxa)
        conn.executemany(
            "INSERT INTO frax_results (patient_id, position, date, major_osteoporotic_pct,"
            " hip_pct, with_bmd, glucocorticoid_ticked, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows.frax,
        )
        conn.executemany(
            "INSERT INTO labs (patient_id, position, date, test, value, unit)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows.labs,
        )
        conn.executemany(
            "INSERT INTO treatments (id, patient_id, position, drug, start_date, end_date,"
            " last_dose_date, doses_given, product, planned_stop)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.treatments,
        )
        conn.executemany(
            "INSERT INTO treatment_doses (treatment_id, dose_date) VALUES (?, ?)", rows.doses
        )
        conn.executemany(
            "INSERT INTO biologics (patient_id, position, drug, start_date, end_date)"
            " VALUES (?, ?, ?, ?, ?)",
            rows.biologics,
        )
        conn.executemany("INSERT INTO search_terms VALUES (?, ?, ?)", rows.terms)
        # The worklist's stored items move with every change of a record (issue 7).
        if bulk_due is not None:
            bulk_due.add(numbered)
        else:
            day = self._now().astimezone().date()
            refresh_due_rows(self._db, numbered, as_of=day, new=not replace)

    def _load(self, patient_ids: Sequence[int]) -> dict[int, PatientRecord]:
        """Read whole records for up to _BATCH patients with one query per table."""
        if not patient_ids:
            return {}
        ids = list(patient_ids)
        marks = ", ".join("?" * len(ids))
        within = f"patient_id IN ({marks})"
        db = self._db
        patients = {
            row["id"]: row for row in db.query(f"SELECT * FROM patients WHERE id IN ({marks})", ids)
        }
        facts: dict[int, dict[str, Any]] = {
            pid: {
                "conditions": set(),
                "allergies": set(),
                "events": [],
                "fractures": [],
                "glucocorticoid": None,
                "glucocorticoid_past": [],
                "dxa": [],
                "frax": [],
                "labs": [],
                "treatments": [],
                "biologics": [],
            }
            for pid in patients
        }
        for pid, code in db.execute(f"SELECT patient_id, code FROM conditions WHERE {within}", ids):
            facts[pid]["conditions"].add(code)
        for pid, drug in db.execute(f"SELECT patient_id, drug FROM allergies WHERE {within}", ids):
            facts[pid]["allergies"].add(drug)
        for pid, kind, day in db.execute(
            f"SELECT patient_id, type, date FROM events WHERE {within} ORDER BY patient_id,"
            " position",
            ids,
        ):
            facts[pid]["events"].append(Event(kind, _day(day)))
        for pid, site, day, fragility in db.execute(
            f"SELECT patient_id, site, date, fragility FROM fractures WHERE {within}"
            " ORDER BY patient_id, position",
            ids,
        ):
            facts[pid]["fractures"].append(Fracture(site, _day(day), _bool(fragility)))
        for pid, current, dose, start, end in db.execute(
            "SELECT patient_id, is_current, dose_mg_per_day, start_date, end_date"
            f" FROM glucocorticoid_courses WHERE {within} ORDER BY patient_id, position",
            ids,
        ):
            course = GlucocorticoidCourse(dose, _day(start), _opt_day(end))
            if current:
                facts[pid]["glucocorticoid"] = course
            else:
                facts[pid]["glucocorticoid_past"].append(course)
        dxa_select = ", ".join(("patient_id", "date", "device", *_DXA_VALUE_COLUMNS))
        for row in db.execute(
            f"SELECT {dxa_select} FROM dxa_scans WHERE {within} ORDER BY patient_id, position",
            ids,
        ):
            facts[row[0]]["dxa"].append(_dxa_scan(row))
        for pid, day, mof, hip, with_bmd, ticked, model in db.execute(
            "SELECT patient_id, date, major_osteoporotic_pct, hip_pct, with_bmd,"
            f" glucocorticoid_ticked, model FROM frax_results WHERE {within}"
            " ORDER BY patient_id, position",
            ids,
        ):
            facts[pid]["frax"].append(
                FraxResult(_day(day), mof, hip, _bool(with_bmd), _bool(ticked), model)
            )
        for pid, day, test, value, unit in db.execute(
            f"SELECT patient_id, date, test, value, unit FROM labs WHERE {within}"
            " ORDER BY patient_id, position",
            ids,
        ):
            facts[pid]["labs"].append(LabResult(_day(day), test, value, unit))
        doses: dict[int, list[date]] = {}
        for treatment_id, day in db.execute(
            "SELECT d.treatment_id, d.dose_date FROM treatment_doses d"
            f" JOIN treatments t ON t.id = d.treatment_id WHERE t.{within}"
            " ORDER BY d.treatment_id, d.dose_date, d.id",
            ids,
        ):
            doses.setdefault(treatment_id, []).append(_day(day))
        for tid, pid, drug, start, end, last, given, product, planned in db.execute(
            "SELECT id, patient_id, drug, start_date, end_date, last_dose_date, doses_given,"
            f" product, planned_stop FROM treatments WHERE {within} ORDER BY patient_id, position",
            ids,
        ):
            facts[pid]["treatments"].append(
                Treatment(
                    drug,
                    _day(start),
                    _opt_day(end),
                    _opt_day(last),
                    given,
                    product,
                    bool(planned),
                    tuple(doses.get(tid, ())),
                )
            )
        for pid, drug, start, end in db.execute(
            f"SELECT patient_id, drug, start_date, end_date FROM biologics WHERE {within}"
            " ORDER BY patient_id, position",
            ids,
        ):
            facts[pid]["biologics"].append(Biologic(drug, _day(start), _opt_day(end)))
        return {pid: _record(row, facts[pid]) for pid, row in patients.items()}


_CHILD_TABLES: Final = (
    "conditions",
    "allergies",
    "events",
    "fractures",
    "glucocorticoid_courses",
    "dxa_scans",
    "frax_results",
    "labs",
    "treatments",  # treatment_doses go with their treatment (ON DELETE CASCADE)
    "biologics",
    "search_terms",
)
# The columns of a list line, in the order summary_from_row reads them (search.py uses them too).
SUMMARY_COLUMNS: Final = (
    "id",
    "mrn",
    "name",
    "sex",
    "birth_date",
    "lowest_t",
    "lowest_t_date",
    "current_drug",
    "archived",
    "name_pinyin",
    "phone",
    "updated_at",
)
_SUMMARY_COLUMNS: Final = ", ".join(SUMMARY_COLUMNS)


def summary_from_row(row: Sequence[Any], as_of: date) -> PatientSummary:
    """A list line from a row of SUMMARY_COLUMNS; the age is on `as_of`."""
    birth = date.fromisoformat(row[4])
    return PatientSummary(
        id=row[0],
        mrn=row[1],
        name=row[2],
        sex=row[3],
        birth_date=birth,
        age=age_on(birth, as_of),
        lowest_t=row[5],
        lowest_t_date=_opt_day(row[6]),
        current_drug=row[7],
        archived=bool(row[8]),
        name_pinyin=row[9],
        phone=row[10],
        updated_at=datetime.fromisoformat(row[11]) if row[11] else None,
    )


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _BATCH):
        yield ids[start : start + _BATCH]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _opt_day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _dxa_scan(row: Sequence[Any]) -> DxaScan:
    t: dict[str, float] = {}
    z: dict[str, float] = {}
    bmd: dict[str, float] = {}
    targets = {"t": t, "z": z, "bmd": bmd}
    for (site, kind), value in zip(_DXA_SITE_KINDS, row[3:], strict=True):
        if value is not None:
            targets[kind][site] = value
    return DxaScan(_day(row[1]), t, z, bmd, row[2])


def latest_lowest_t(scans: Iterable[DxaScan]) -> tuple[float | None, date | None]:
    """The lowest T-score of the most recent scan that has one (the list's summary)."""
    with_t = [(scan.date, i, scan) for i, scan in enumerate(scans) if scan.t]
    if not with_t:
        return None, None
    _, _, scan = max(with_t, key=lambda item: (item[0], item[1]))
    return min(scan.t.values()), scan.date


def current_drug(treatments: Iterable[Treatment]) -> str | None:
    """The osteoporosis drug of the ongoing course started last (None when none is ongoing)."""
    ongoing = [(t.start_date, i, t.drug) for i, t in enumerate(treatments) if t.end_date is None]
    return max(ongoing)[2] if ongoing else None


def _collect(rows: _Rows, pid: int, record: PatientRecord, next_treatment: int) -> int:
    """Append the rows of one record to `rows`; return the next free treatment id."""
    keys = name_keys(record.name)
    lowest, lowest_date = latest_lowest_t(record.dxa)
    rows.patients.append(
        {
            "id": pid,
            "mrn": record.id,
            "name": record.name,
            "name_pinyin": keys.pinyin,
            "name_initials": keys.initials,
            "sort_key": keys.sort_key,
            "sex": record.sex,
            "birth_date": record.birth_date.isoformat(),
            "phone": record.phone,
            "phone_digits": phone_digits(record.phone),
            "language": record.language,
            "menopausal_status": record.menopausal_status,
            "menopause_year": record.menopause_year,
            "weight_kg": record.weight_kg,
            "height_cm": record.height_cm,
            "falls_past_year": record.falls_past_year,
            "notes": record.notes,
            "archived": 0,
            "lowest_t": lowest,
            "lowest_t_date": _iso(lowest_date),
            "current_drug": current_drug(record.treatments),
        }
    )
    rows.conditions.extend((pid, code) for code in sorted(record.conditions))
    rows.allergies.extend((pid, drug) for drug in sorted(record.allergies))
    rows.events.extend((pid, i, e.type, e.date.isoformat()) for i, e in enumerate(record.events))
    rows.fractures.extend(
        (pid, i, f.site, f.date.isoformat(), _flag(f.fragility))
        for i, f in enumerate(record.fractures)
    )
    courses = [(False, c) for c in record.glucocorticoid_past]
    if record.glucocorticoid is not None:
        courses.append((True, record.glucocorticoid))
    rows.glucocorticoid.extend(
        (pid, i, int(current), c.dose_mg_per_day, c.start_date.isoformat(), _iso(c.end_date))
        for i, (current, c) in enumerate(courses)
    )
    for i, scan in enumerate(record.dxa):
        values = {"t": scan.t, "z": scan.z, "bmd": scan.bmd}
        rows.dxa.append(
            (
                pid,
                i,
                scan.date.isoformat(),
                scan.device,
                *(values[kind].get(site) for site, kind in _DXA_SITE_KINDS),
            )
        )
    rows.frax.extend(
        (
            pid,
            i,
            f.date.isoformat(),
            f.major_osteoporotic_pct,
            f.hip_pct,
            _flag(f.with_bmd),
            _flag(f.glucocorticoid_ticked),
            f.model,
        )
        for i, f in enumerate(record.frax)
    )
    rows.labs.extend(
        (pid, i, lab.date.isoformat(), lab.test, lab.value, lab.unit)
        for i, lab in enumerate(record.labs)
    )
    for i, t in enumerate(record.treatments):
        rows.treatments.append(
            (
                next_treatment,
                pid,
                i,
                t.drug,
                t.start_date.isoformat(),
                _iso(t.end_date),
                _iso(t.last_dose_date),
                t.doses_given,
                t.product,
                int(t.planned_stop),
            )
        )
        rows.doses.extend((next_treatment, d.isoformat()) for d in t.dose_dates)
        next_treatment += 1
    rows.biologics.extend(
        (pid, i, b.drug, b.start_date.isoformat(), _iso(b.end_date))
        for i, b in enumerate(record.biologics)
    )
    rows.terms.extend(
        (weight, term, pid)
        for weight, term in patient_terms(
            name=record.name, mrn=record.id, phone=record.phone, birth_date=record.birth_date
        )
    )
    return next_treatment


def _record(row: dict[str, Any], facts: dict[str, Any]) -> PatientRecord:
    return PatientRecord(
        sex=row["sex"],
        birth_date=_day(row["birth_date"]),
        id=row["mrn"],
        name=row["name"],
        phone=row["phone"],
        language=row["language"],
        menopausal_status=row["menopausal_status"],
        menopause_year=row["menopause_year"],
        weight_kg=row["weight_kg"],
        height_cm=row["height_cm"],
        conditions=frozenset(facts["conditions"]),
        allergies=frozenset(facts["allergies"]),
        events=tuple(facts["events"]),
        fractures=tuple(facts["fractures"]),
        falls_past_year=row["falls_past_year"],
        glucocorticoid=facts["glucocorticoid"],
        glucocorticoid_past=tuple(facts["glucocorticoid_past"]),
        dxa=tuple(facts["dxa"]),
        frax=tuple(facts["frax"]),
        labs=tuple(facts["labs"]),
        treatments=tuple(facts["treatments"]),
        biologics=tuple(facts["biologics"]),
        notes=row["notes"],
    )


def _diff(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every top-level record field that differs."""
    keys = [k for k in (*old, *(k for k in new if k not in old)) if k != "schema"]
    return [(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)]


def _duplicate_mrn(numbered: Sequence[tuple[int, PatientRecord]]) -> str:
    seen: set[str] = set()
    for _, record in numbered:
        if record.id is not None:
            if record.id in seen:
                return record.id
            seen.add(record.id)
    return next((r.id for _, r in numbered if r.id is not None), "?")
