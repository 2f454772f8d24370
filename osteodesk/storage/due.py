"""The only module that reads or writes the follow-up tables: due_items, due_marks, due_refreshed.

Each patient's open items (osteodesk.core.worklist) are stored in a table clustered on the due
date, and recomputed inside the transaction of every write that can move them:
PatientRepository (add, update, import, bulk, archive) and PlanRepository (add, status) call
`refresh_due_rows` / `refresh_due_for_patient`. The worklist is then one range scan of that
table (clinic id and name are stored with the items, archived patients have none); nothing is
evaluated when it is shown. What the clinic did about an item (done on a date, snoozed until a
date with a reason) is kept in due_marks and survives every recomputation.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any, Final

from sqlite_utils import Database

from osteodesk.core import codes
from osteodesk.core.constants import RULES_VERSION
from osteodesk.core.decision.dates import add_days
from osteodesk.core.evaluation import ParamValue
from osteodesk.core.plan import Plan
from osteodesk.core.record import PatientRecord, Treatment
from osteodesk.core.worklist import (
    DOSE_DRUGS,
    DUE_CODES,
    STATUSES,
    SUBJECT_DOSE,
    SUBJECT_START,
    DueItem,
    DueMark,
    derive_due_items,
    detail_text,
    notice_horizon,
    severity_of,
    what_text,
)
from osteodesk.storage.audit import AuditLog, Clock, timestamp, utc_now
from osteodesk.storage.errors import PatientNotFoundError, StorageError

if TYPE_CHECKING:
    from osteodesk.storage.patients import PatientRepository

# Severities are stored as their rank, so ORDER BY puts urgent first.
_SEVERITY_RANK: Final = {name: rank for rank, name in enumerate(codes.SEVERITIES)}
_SEVERITY_NAME: Final = dict(enumerate(codes.SEVERITIES))
_BATCH: Final = 500  # patient ids per IN (...) (SQLite's variable limit)
_PARALLEL_MIN_CHUNK: Final = 500  # smaller chunks are derived in place (not worth a fork)
_PARALLEL_CHILDREN: Final = 2  # forked children at a time (the caller keeps inserting)
_ITEM_COLUMNS: Final = (
    "due_date, patient_id, code, subject, notice_from, late_from, late_code, severity,"
    " late_severity, params_json, source, snoozed_until, snooze_reason, mrn, name"
)
_ITEM_MARKS: Final = ", ".join("?" * 15)
_STATUS_NAME: Final = dict(enumerate(STATUSES))
_LEAN_COLUMNS: Final = 9  # a worklist line read without its details (WorklistEntry)


class DueItemNotFoundError(StorageError, LookupError):
    """The item is no longer open (recomputed or done meanwhile)."""


class WorklistEntry:
    """One line of the worklist: the item, its patient, and its status on the day shown.

    A list may hold tens of thousands of lines, so each keeps the row it was read from and
    turns a field into a date or a dict only when it is asked for. A list read without its
    details (the window's) reads an entry's sentence parameters and snooze the first time
    they are asked for (one primary-key lookup), then keeps them.
    """

    __slots__ = ("_fetch", "_row")

    # (due_date, patient_id, code, subject, shown code, status rank, severity rank, mrn,
    #  name[, source, params_json, snoozed_until, snooze_reason]): see DueRepository.worklist
    def __init__(
        self,
        row: tuple[Any, ...],
        fetch: Callable[[WorklistEntry], tuple[Any, ...]] | None = None,
    ) -> None:
        self._row = row
        self._fetch = fetch

    def _details(self) -> tuple[Any, ...]:
        """(source, params_json, snoozed_until, snooze_reason), read now if not yet."""
        if len(self._row) == _LEAN_COLUMNS:
            if self._fetch is None:
                raise RuntimeError("a worklist line without its details and no way to read them")
            self._row = self._row + self._fetch(self)
        return self._row[_LEAN_COLUMNS:]

    @property
    def due_date(self) -> date:
        """The day the action falls due."""
        return date.fromisoformat(self._row[0])

    @property
    def patient_id(self) -> int:
        """The patient's internal number."""
        result: int = self._row[1]
        return result

    @property
    def base_code(self) -> str:
        """The stored code (what marks refer to)."""
        result: str = self._row[2]
        return result

    @property
    def subject(self) -> str:
        """What the item is about within its code (a drug, a test, ``dose:denosumab``)."""
        result: str = self._row[3]
        return result

    @property
    def code(self) -> str:
        """The contract code on the day shown (a late dose has its late code)."""
        result: str = self._row[4]
        return result

    @property
    def status(self) -> str:
        """``overdue``, ``due`` or ``upcoming`` on the day shown."""
        return _STATUS_NAME[self._row[5]]

    @property
    def severity(self) -> str:
        """``urgent``, ``warning`` or ``info`` on the day shown."""
        return _SEVERITY_NAME[self._row[6]]

    @property
    def mrn(self) -> str | None:
        """The clinic's id of the patient."""
        result: str | None = self._row[7]
        return result

    @property
    def name(self) -> str | None:
        """The patient's name."""
        result: str | None = self._row[8]
        return result

    @property
    def source(self) -> str:
        """Where the item comes from (treatment, monitoring, plan, follow_up)."""
        result: str = self._details()[0]
        return result

    @property
    def params(self) -> dict[str, ParamValue]:
        """The parameters of the item's sentence."""
        decoded: dict[str, ParamValue] = json.loads(self._details()[1])
        return decoded

    @property
    def snoozed_until(self) -> date | None:
        """The day a snooze ends (the item shows again that day)."""
        return _opt_day(self._details()[2])

    @property
    def snooze_reason(self) -> str | None:
        """Why it was snoozed."""
        result: str | None = self._details()[3]
        return result

    @property
    def key(self) -> tuple[str, int, str, str]:
        """(due date, patient, stored code, subject): what identifies the item."""
        due, patient_id, code, subject = self._row[:4]
        return (due, patient_id, code, subject)

    @property
    def display_id(self) -> str:
        """The clinic id when there is one, else the internal number (contract section 4)."""
        return self.mrn if self.mrn is not None else str(self.patient_id)

    def line(self, lang: str = "en") -> dict[str, Any]:
        """The item as `osteodesk due --format json` prints it (contract section 4)."""
        return {
            "patient": self.mrn if self.mrn is not None else self.patient_id,
            "name": self.name,
            "code": self.code,
            "due_date": self._row[0],
            "status": self.status,
            "detail": self.detail(lang),
        }

    def detail(self, lang: str) -> str:
        """What is due and why, in `lang` (with the snooze, if any)."""
        return detail_text(
            self.code,
            self.subject,
            self.due_date,
            self.params,
            lang,
            snoozed_until=self.snoozed_until,
            snooze_reason=self.snooze_reason,
        )

    def what(self, lang: str) -> str:
        """What is due, in a few words, in `lang`."""
        return what_text(self.code, self.subject, self.params, lang)

    @property
    def records_dose(self) -> bool:
        """Whether "done" records a dose or a start in the patient's treatments."""
        return dose_drug(self.base_code, self.subject) is not None

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, WorklistEntry)
            and self._row[:_LEAN_COLUMNS] == other._row[:_LEAN_COLUMNS]
        )

    def __hash__(self) -> int:
        return hash(self._row[:_LEAN_COLUMNS])

    def __repr__(self) -> str:
        return (
            f"WorklistEntry(patient={self.patient_id}, code={self.code!r},"
            f" subject={self.subject!r}, due={self._row[0]}, status={self.status})"
        )


def dose_drug(code: str, subject: str) -> str | None:
    """The drug "done" gives for an item: a dose, the transition infusion, a planned start."""
    if code in ("denosumab_dose_due", "denosumab_last_dose_unknown"):
        return "denosumab"  # "done" on a date records that dose (and so dates the next)
    if code == "denosumab_transition_required":
        return "zoledronic_acid"
    if code == "visit_due" and subject.startswith(SUBJECT_DOSE):
        drug = subject.removeprefix(SUBJECT_DOSE)
        return drug if drug in DOSE_DRUGS else None
    if code == "visit_due" and subject.startswith(SUBJECT_START):
        drug = subject.removeprefix(SUBJECT_START)
        return drug if drug in codes.OSTEOPOROSIS_DRUGS else None
    return None


# --- the write path every repository calls -------------------------------------------------


def refresh_due_rows(
    db: Database,
    records: Sequence[tuple[int, PatientRecord]],
    *,
    as_of: date,
    new: bool = False,
) -> None:
    """Recompute and store the due items of these patients (call inside the write's transaction).

    Args:
        db: the database being written.
        records: (internal number, the record just saved) for each patient.
        as_of: the day of the evaluation the monitoring dates come from.
        new: the patients were just added: no old rows, marks or plans to read (bulk speed).
    """
    if not records:
        return
    ids = [pid for pid, _ in records]
    plans: dict[int, Plan] = {} if new else _active_plans(db, ids)
    marks: dict[int, list[DueMark]] = {} if new else _marks(db, ids)
    archived: set[int] = set() if new else _archived(db, ids)
    if not new:
        _delete_rows(db, ids)
    rows: list[tuple[Any, ...]] = []
    for pid, record in records:
        if pid in archived:
            continue  # an archived patient is on no worklist
        items = derive_due_items(record, as_of=as_of, plan=plans.get(pid), marks=marks.get(pid, ()))
        rows.extend(_row(pid, record, item) for item in items)
    _write_rows(db, rows, ids, as_of)


def _write_rows(db: Database, rows: list[tuple[Any, ...]], ids: list[int], as_of: date) -> None:
    conn = db.conn
    conn.executemany(
        f"INSERT INTO due_items ({_ITEM_COLUMNS}) VALUES ({_ITEM_MARKS})",
        rows,
    )
    stamp = as_of.isoformat()
    conn.executemany(
        "INSERT OR REPLACE INTO due_refreshed (patient_id, as_of, rules_version) VALUES (?, ?, ?)",
        [(pid, stamp, RULES_VERSION) for pid in ids],
    )


def _new_patients_rows(records: list[tuple[int, PatientRecord]], as_of: date) -> list[Any]:
    """The rows of newly added patients (no plans, no marks); runs in a worker process too."""
    rows: list[tuple[Any, ...]] = []
    for pid, record in records:
        rows.extend(_row(pid, record, item) for item in derive_due_items(record, as_of=as_of))
    return rows


def _derive_in_child(
    records: list[tuple[int, PatientRecord]], as_of: date, results: Connection
) -> None:
    """A forked child's work: it inherited `records`, it sends back only the rows."""
    results.send(_new_patients_rows(records, as_of))
    results.close()


class BulkDueRows:
    """The due items of a bulk insert, derived beside the inserts and written as they come.

    Deriving evaluates every record (about 0.2 ms each), as long as inserting it. With
    `parallel` on a platform that forks (Linux), each chunk is derived in a forked child while
    the caller goes on inserting the next: the child inherits the chunk (nothing is copied
    through a pipe but the rows it sends back), so two cores fill 100,000 demo patients in well
    under a minute. Forking is only asked for by callers that know the process runs no other
    threads (the demo command); elsewhere the rows are derived in place. Call `add` after the
    chunk's patients are inserted and `finish` before the transaction commits.
    """

    def __init__(self, db: Database, *, as_of: date, parallel: bool = False) -> None:
        self._db = db
        self._as_of = as_of
        self._parallel = parallel and "fork" in multiprocessing.get_all_start_methods()
        self._children: list[tuple[BaseProcess, Connection, list[int]]] = []

    def __enter__(self) -> BulkDueRows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, records: Sequence[tuple[int, PatientRecord]]) -> None:
        """Derive and store the items of these new patients (in a forked child when parallel)."""
        chunk = list(records)
        ids = [pid for pid, _ in chunk]
        if not (self._parallel and len(chunk) >= _PARALLEL_MIN_CHUNK):
            _write_rows(self._db, _new_patients_rows(chunk, self._as_of), ids, self._as_of)
            return
        self._collect(block=False)
        while len(self._children) >= _PARALLEL_CHILDREN:
            self._collect(block=True)
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_derive_in_child, args=(chunk, self._as_of, send))
        child.start()
        send.close()
        self._children.append((child, receive, ids))

    def finish(self) -> None:
        """Wait for the children and store the rest (inside the caller's transaction)."""
        while self._children:
            self._collect(block=True)

    def close(self) -> None:
        """Stop any child still running (when `finish` was not reached)."""
        for child, receive, _ids in self._children:
            child.terminate()
            child.join()
            receive.close()
        self._children = []

    def _collect(self, *, block: bool) -> None:
        """Store the rows of the oldest child (waiting for it when `block`)."""
        if not self._children:
            return
        child, receive, ids = self._children[0]
        if not block and not receive.poll():
            return
        try:
            rows = receive.recv()
        except EOFError:
            raise StorageError(
                f"a worker deriving due items failed (exit {child.exitcode})"
            ) from None
        finally:
            receive.close()
            child.join()
            self._children.pop(0)
        _write_rows(self._db, rows, ids, self._as_of)


def refresh_due_for_patient(db: Database, patient_id: int, *, as_of: date) -> None:
    """Recompute one patient's items from the stored record (after a plan changed)."""
    from osteodesk.storage.patients import PatientRepository  # patients.py calls this module

    record = PatientRepository(db).get(patient_id)
    refresh_due_rows(db, [(patient_id, record)], as_of=as_of)


def _row(patient_id: int, record: PatientRecord, item: DueItem) -> tuple[Any, ...]:
    late_severity = None if item.late_code is None else _SEVERITY_RANK[severity_of(item.late_code)]
    return (
        item.due_date.isoformat(),
        patient_id,
        item.code,
        item.subject,
        item.notice_from.isoformat(),
        _iso(item.late_from),
        item.late_code,
        _SEVERITY_RANK[severity_of(item.code)],
        late_severity,
        json.dumps(dict(item.params), ensure_ascii=False, sort_keys=True),
        item.source,
        _iso(item.snoozed_until),
        item.snooze_reason,
        record.id,
        record.name,
    )


def _delete_rows(db: Database, patient_ids: list[int]) -> None:
    for chunk in _chunks(patient_ids):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"DELETE FROM due_items WHERE patient_id IN ({marks})", chunk)


def _archived(db: Database, patient_ids: list[int]) -> set[int]:
    from osteodesk.storage.patients import PatientRepository  # patients.py calls this module

    patients = PatientRepository(db)
    return {pid for pid in patient_ids if patients.exists(pid) and patients.is_archived(pid)}


def _active_plans(db: Database, patient_ids: list[int]) -> dict[int, Plan]:
    from osteodesk.storage.plans import PlanRepository  # plans.py calls this module

    plans = PlanRepository(db)
    found: dict[int, Plan] = {}
    for chunk in _chunks(patient_ids):
        marks = ", ".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT DISTINCT patient_id FROM plans WHERE status = 'active' AND patient_id IN"
            f" ({marks})",
            chunk,
        ).fetchall()
        for (pid,) in rows:
            plan = plans.active(pid)
            if plan is not None:
                found[pid] = plan
    return found


def _marks(db: Database, patient_ids: list[int]) -> dict[int, list[DueMark]]:
    found: dict[int, list[DueMark]] = {}
    for chunk in _chunks(patient_ids):
        marks = ", ".join("?" * len(chunk))
        for pid, kind, code, subject, due, mark_date, note in db.execute(
            "SELECT patient_id, kind, code, subject, due_date, mark_date, note FROM due_marks"
            f" WHERE patient_id IN ({marks}) ORDER BY id",
            chunk,
        ):
            found.setdefault(pid, []).append(
                DueMark(kind, code, subject, _day(due), _day(mark_date), note)
            )
    return found


# --- the repository ----------------------------------------------------------------------


class DueRepository:
    """The worklist, a patient's schedule, and recording what was done or snoozed.

    Args:
        db: an open database (see `open_database`).
        patients: the repository doses are recorded through (default: one on `db`).
        source: written into audit entries (ui, cli).
        now: the clock, for tests.
        today: the clinic's today (default: the clock's local date); a done date may not
            be later, a snooze must end later.
    """

    def __init__(
        self,
        db: Database,
        *,
        patients: PatientRepository | None = None,
        source: str = "ui",
        now: Clock = utc_now,
        today: Callable[[], date] | None = None,
    ) -> None:
        if patients is None:
            from osteodesk.storage.patients import PatientRepository

            patients = PatientRepository(db, source=source, now=now)
        self._db = db
        self._patients = patients
        self._now = now
        self._clinic_today = today
        self._audit = AuditLog(db, source=source, now=now)

    # --- keeping the rows current ---------------------------------------------------------

    def refresh_patient(self, patient_id: int, as_of: date | None = None) -> None:
        """Recompute one patient's items now (in one transaction).

        Raises:
            PatientNotFoundError: no such patient.
        """
        day = as_of or self._today()
        with self._db.atomic():
            record = self._patients.get(patient_id)
            refresh_due_rows(self._db, [(patient_id, record)], as_of=day)

    def stale_patients(self) -> list[int]:
        """Patients whose items were never computed or were computed under older rules."""
        rows = self._db.execute(
            "SELECT p.id FROM patients p LEFT JOIN due_refreshed r ON r.patient_id = p.id"
            " WHERE r.patient_id IS NULL OR r.rules_version != :version ORDER BY p.id",
            {"version": RULES_VERSION},
        )
        return [row[0] for row in rows]

    def has_stale(self) -> bool:
        """Whether stale_patients() would find anyone: two counts and two index probes.

        Each due_refreshed row belongs to one existing patient (its key, and the cascade on
        delete), so equal counts and no row under other rules mean everyone is current.
        """
        row = self._db.execute(
            "SELECT (SELECT COUNT(*) FROM patients) != (SELECT COUNT(*) FROM due_refreshed)"
            " OR EXISTS (SELECT 1 FROM due_refreshed WHERE rules_version < :version)"
            " OR EXISTS (SELECT 1 FROM due_refreshed WHERE rules_version > :version)",
            {"version": RULES_VERSION},
        ).fetchone()
        return bool(row[0])

    def refresh_stale(
        self,
        as_of: date | None = None,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Compute the items of every stale patient (after an upgrade); return how many.

        After a rules upgrade that is every patient (~0.4 ms each). Each batch is its own
        transaction: a kill keeps the batches done, and the rest are still stale and done at
        the next start. `progress(done, total)` is called after each batch.
        """
        day = as_of or self._today()
        stale = self.stale_patients()
        done = 0
        for chunk in _chunks(stale):
            with self._db.atomic():
                loaded = [(pid, self._patients.get(pid)) for pid in chunk]
                refresh_due_rows(self._db, loaded, as_of=day)
            done += len(chunk)
            if progress is not None:
                progress(done, len(stale))
        return len(stale)

    # --- reading --------------------------------------------------------------------------

    def worklist(
        self,
        as_of: date,
        within_days: int,
        codes: Sequence[str] | None = None,
        include_snoozed: bool = False,
        *,
        patient_id: int | None = None,
        details: bool = False,
    ) -> list[WorklistEntry]:
        """The items listed on `as_of`, most urgent first (one range scan of the due dates).

        An item is listed when it is due on or before `as_of` + `within_days` (day N
        included) or its notice window has begun; snoozed items are left out until their
        snooze date unless `include_snoozed`. Order: overdue, due, upcoming; within each,
        urgent before warning before information; then by due date.

        Args:
            as_of: the day the list is for.
            within_days: how far ahead "due" reaches (0: today).
            codes: only these contract codes (as shown on `as_of`: a late denosumab dose is
                ``denosumab_dose_late``); None for all.
            include_snoozed: list snoozed items too.
            patient_id: only this patient.
            details: read every line's sentence parameters and snooze now (the command
                prints them all); without, each line reads its own when first asked (the
                window shows a screenful), which keeps a list of 50,000 lines fast.

        Raises:
            ValueError: `within_days` is negative or a code is unknown.
        """
        if within_days < 0:
            raise ValueError(f"within_days must be 0 or more (got {within_days})")
        unknown = [c for c in codes or () if c not in DUE_CODES]
        if unknown:
            raise ValueError(f"unknown code(s) {', '.join(unknown)}; use {', '.join(DUE_CODES)}")
        horizon = add_days(as_of, within_days)
        params: dict[str, Any] = {
            "as_of": as_of.isoformat(),
            "horizon": horizon.isoformat(),
            "scan_to": max(horizon, notice_horizon(as_of)).isoformat(),
        }
        late = "late_from IS NOT NULL AND late_from <= :as_of"
        shown_code = f"CASE WHEN {late} THEN late_code ELSE code END"
        where = ["due_date <= :scan_to", "(due_date <= :horizon OR notice_from <= :as_of)"]
        if not include_snoozed:
            where.append("(snoozed_until IS NULL OR snoozed_until <= :as_of)")
        if codes is not None:
            names = {f"code{i}": code for i, code in enumerate(codes)}
            params.update(names)
            listed = ", ".join(f":{name}" for name in names) or "NULL"
            where.append(f"{shown_code} IN ({listed})")
        if patient_id is not None:
            where.append("patient_id = :patient_id")
            params["patient_id"] = patient_id
        # Rows come in key order (due date first); the status and severity buckets below
        # keep that order, so no sort of the whole list is needed.
        sql = (
            f"SELECT due_date, patient_id, code, subject, {shown_code},"
            " CASE WHEN due_date < :as_of THEN 0 WHEN due_date <= :horizon THEN 1 ELSE 2 END,"
            f" CASE WHEN {late} THEN late_severity ELSE severity END,"
            " mrn, name"
            + (", source, params_json, snoozed_until, snooze_reason" if details else "")
            + f" FROM due_items WHERE {' AND '.join(where)}"
        )
        fetch = None if details else self._line_details
        buckets: list[list[WorklistEntry]] = [
            [] for _ in range(len(STATUSES) * len(_SEVERITY_RANK))
        ]
        width = len(_SEVERITY_RANK)
        for row in self._db.execute(sql, params):
            buckets[row[5] * width + row[6]].append(WorklistEntry(row, fetch))
        return [entry for bucket in buckets for entry in bucket]

    def _line_details(self, entry: WorklistEntry) -> tuple[Any, ...]:
        row = self._db.execute(
            "SELECT source, params_json, snoozed_until, snooze_reason FROM due_items"
            " WHERE due_date = :due AND patient_id = :pid AND code = :code AND subject = :subject",
            {
                "due": entry.due_date.isoformat(),
                "pid": entry.patient_id,
                "code": entry.base_code,
                "subject": entry.subject,
            },
        ).fetchone()
        # Gone meanwhile (recomputed or done): the line still reads, without parameters.
        return tuple(row) if row is not None else ("", "{}", None, None)

    def counts(self, as_of: date, within_days: int) -> dict[str, int]:
        """How many items of each status the worklist shows on `as_of` (snoozed left out)."""
        found = dict.fromkeys(STATUSES, 0)
        for entry in self.worklist(as_of, within_days):
            found[entry.status] += 1
        return found

    def overdue_count(self, as_of: date) -> int:
        """Items due before `as_of`, snoozed ones left out (the Worklist tab's badge)."""
        row = self._db.execute(
            "SELECT count(*) FROM due_items WHERE due_date < :as_of"
            " AND (snoozed_until IS NULL OR snoozed_until <= :as_of)",
            {"as_of": as_of.isoformat()},
        ).fetchone()
        return int(row[0])

    def schedule(self, patient_id: int) -> list[DueItem]:
        """Every stored item of one patient, by due date (snoozed ones included)."""
        rows = self._db.execute(
            "SELECT code, subject, due_date, notice_from, late_from, late_code, params_json,"
            " source, snoozed_until, snooze_reason FROM due_items WHERE patient_id = :pid"
            " ORDER BY due_date, code, subject",
            {"pid": patient_id},
        )
        return [
            DueItem(
                code=code,
                subject=subject,
                due_date=_day(due),
                notice_from=_day(notice),
                source=source,
                params=json.loads(params_json),
                late_from=_opt_day(late_from),
                late_code=late_code,
                snoozed_until=_opt_day(snoozed),
                snooze_reason=reason,
            )
            for (
                code,
                subject,
                due,
                notice,
                late_from,
                late_code,
                params_json,
                source,
                snoozed,
                reason,
            ) in rows
        ]

    def next_due(self, patient_ids: Sequence[int], as_of: date) -> dict[int, DueItem]:
        """Each patient's earliest item not snoozed on `as_of` (the patient list's column)."""
        found: dict[int, DueItem] = {}
        for chunk in _chunks(list(patient_ids)):
            marks = ", ".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT patient_id, code, subject, due_date, notice_from, late_from, late_code,"
                " params_json, source FROM due_items INDEXED BY due_items_patient"
                f" WHERE patient_id IN ({marks})"
                " AND (snoozed_until IS NULL OR snoozed_until <= ?)"
                " ORDER BY patient_id, due_date, code, subject",
                [*chunk, as_of.isoformat()],
            )
            for pid, code, subject, due, notice, late_from, late_code, params_json, source in rows:
                if pid in found:
                    continue
                found[pid] = DueItem(
                    code=code,
                    subject=subject,
                    due_date=_day(due),
                    notice_from=_day(notice),
                    source=source,
                    params=json.loads(params_json),
                    late_from=_opt_day(late_from),
                    late_code=late_code,
                )
        return found

    def marks(self, patient_id: int) -> list[DueMark]:
        """Every done and snooze mark of one patient, oldest first."""
        return _marks(self._db, [patient_id]).get(patient_id, [])

    # --- writing --------------------------------------------------------------------------

    def mark_done(self, item: WorklistEntry, done_date: date, note: str | None = None) -> None:
        """Record that the item was done on `done_date`; its next date follows.

        A denosumab, zoledronic acid or romosozumab dose (and the zoledronic acid that follows
        denosumab, and a planned start) is added to the patient's treatment record, so the
        schedule moves on from it; a test or a review is kept as a done mark.

        Raises:
            ValueError: `done_date` is after today.
            DueItemNotFoundError: the item is no longer open.
        """
        if done_date > self._today():
            raise ValueError(f"done_date {done_date.isoformat()} is in the future")
        with self._db.atomic():
            self._check_open(item)
            drug = dose_drug(item.base_code, item.subject)
            self._add_mark(item, "done", done_date, note)
            if drug is not None:
                record = self._patients.get(item.patient_id)
                changed = record_dose(record, drug, done_date, transition=_is_transition(item))
                if changed != record:
                    # The update recomputes the items (it calls refresh_due_rows).
                    self._patients.update(item.patient_id, changed)
                    return
            refresh_due_for_patient(self._db, item.patient_id, as_of=self._today())

    def snooze(self, item: WorklistEntry, until: date, reason: str) -> None:
        """Hide the item until `until` (it shows again on that day); a reason is required.

        Raises:
            ValueError: no reason, or `until` is not after today.
            DueItemNotFoundError: the item is no longer open.
        """
        if not reason.strip():
            raise ValueError("a snooze needs a reason")
        if until <= self._today():
            raise ValueError(f"snooze until {until.isoformat()}: must be after today")
        with self._db.atomic():
            self._check_open(item)
            self._add_mark(item, "snooze", until, reason.strip())
            self._db.execute(
                "UPDATE due_items SET snoozed_until = :until, snooze_reason = :reason"
                " WHERE patient_id = :pid AND code = :code AND subject = :subject"
                " AND due_date = :due",
                {
                    "until": until.isoformat(),
                    "reason": reason.strip(),
                    "pid": item.patient_id,
                    "code": item.base_code,
                    "subject": item.subject,
                    "due": item.due_date.isoformat(),
                },
            )

    # --- internals ------------------------------------------------------------------------

    def _today(self) -> date:
        if self._clinic_today is not None:
            return self._clinic_today()
        return self._now().astimezone().date()

    def _check_open(self, item: WorklistEntry) -> None:
        row = self._db.execute(
            "SELECT 1 FROM due_items WHERE patient_id = :pid AND code = :code"
            " AND subject = :subject AND due_date = :due",
            {
                "pid": item.patient_id,
                "code": item.base_code,
                "subject": item.subject,
                "due": item.due_date.isoformat(),
            },
        ).fetchone()
        if row is None:
            if not self._patients.exists(item.patient_id):
                raise PatientNotFoundError(item.patient_id)
            raise DueItemNotFoundError(
                f"{item.base_code} of patient {item.display_id} due {item.due_date.isoformat()}"
                " is no longer open"
            )

    def _add_mark(self, item: WorklistEntry, kind: str, mark_date: date, note: str | None) -> None:
        cursor = self._db.execute(
            "INSERT INTO due_marks (patient_id, kind, code, subject, due_date, mark_date, note,"
            " created_at) VALUES (:pid, :kind, :code, :subject, :due, :mark_date, :note, :at)",
            {
                "pid": item.patient_id,
                "kind": kind,
                "code": item.base_code,
                "subject": item.subject,
                "due": item.due_date.isoformat(),
                "mark_date": mark_date.isoformat(),
                "note": note,
                "at": timestamp(self._now()),
            },
        )
        self._audit.append(
            entity="due_item",
            action=kind,
            patient_id=item.patient_id,
            entity_id=cursor.lastrowid,
            field=item.base_code,
            new_value={
                "subject": item.subject,
                "due_date": item.due_date.isoformat(),
                "mark_date": mark_date.isoformat(),
                "note": note,
            },
        )


def _is_transition(item: WorklistEntry) -> bool:
    return item.base_code == "denosumab_transition_required"


def record_dose(
    record: PatientRecord, drug: str, day: date, *, transition: bool = False
) -> PatientRecord:
    """The record with a dose of `drug` given on `day` (or the course started on `day`).

    The dose goes to the running course of the drug (its last dose date and dose list move
    on, and a stated dose count goes up by one); without one, a new course starts that day.
    The zoledronic acid after denosumab (`transition`) also ends the denosumab course on that
    day, so the record no longer reads as "denosumab stopping".
    """
    treatments = list(record.treatments)
    running = [
        i
        for i, t in enumerate(treatments)
        if t.drug == drug and (t.end_date is None or t.end_date >= day)
    ]
    injected = drug in DOSE_DRUGS
    if running:
        index = max(running, key=lambda i: treatments[i].start_date)
        course = treatments[index]
        if injected:
            treatments[index] = _with_dose(course, day)
    else:
        treatments.append(
            Treatment(
                drug,
                day,
                last_dose_date=day if injected else None,
                dose_dates=(day,) if injected else (),
            )
        )
    if transition:
        treatments = [
            replace(t, end_date=day)
            if t.drug == "denosumab" and (t.end_date is None or t.end_date > day)
            else t
            for t in treatments
        ]
    return replace(record, treatments=tuple(treatments))


def _with_dose(course: Treatment, day: date) -> Treatment:
    dates = tuple(sorted({*course.dose_dates, day}))
    last = course.last_dose_date
    return replace(
        course,
        dose_dates=dates,
        last_dose_date=day if last is None or day > last else last,
        doses_given=None if course.doses_given is None else course.doses_given + 1,
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


__all__ = [
    "DueItemNotFoundError",
    "BulkDueRows",
    "DueRepository",
    "WorklistEntry",
    "dose_drug",
    "record_dose",
    "refresh_due_for_patient",
    "refresh_due_rows",
]
