"""The open patient, shared by the tabs: Anki's "operation, then broadcast" in miniature.

Tabs never talk to each other or to the database directly. They call a method here (which calls a
repository or the decision module) and redraw when a signal says something changed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from osteodesk.core.codes import DEFAULT_FRAMEWORK, FRAMEWORKS
from osteodesk.core.decision import RuleSettings, evaluate
from osteodesk.core.evaluation import Evaluation, evaluation_to_json
from osteodesk.core.plan import Assessment, Plan
from osteodesk.core.record import PatientRecord, record_to_json
from osteodesk.storage import crypto, faults
from osteodesk.storage.assessments import AssessmentRepository
from osteodesk.storage.database import database_path
from osteodesk.storage.due import DueRepository, WorklistEntry
from osteodesk.storage.patients import PatientRepository
from osteodesk.storage.plans import PlanRepository
from osteodesk.storage.search import PatientSearch

_FAULTS: tuple[type[Exception], ...] = (*crypto.DRIVER_ERRORS, OSError)


class PatientSession(QObject):
    """The repositories, the open patient, its working record and its live evaluation.

    The working record is what the forms show, saved or not; the evaluation always belongs to
    the working record, so the clinician sees the effect of a change before saving it.

    Signals:
        patient_opened(int): another patient was opened (internal id).
        patient_closed(): no patient is open.
        record_changed(object): the working record changed (a PatientRecord).
        evaluation_changed(object): the live evaluation changed (an Evaluation).
        patients_changed(): patients were added, saved, archived or deleted.
        plans_changed(int): the plans of this patient changed.
    """

    patient_opened = Signal(int)
    patient_closed = Signal()
    record_changed = Signal(object)
    evaluation_changed = Signal(object)
    patients_changed = Signal()
    plans_changed = Signal(int)

    def __init__(
        self,
        database: Any,
        *,
        framework: str = DEFAULT_FRAMEWORK,
        today: Any = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.patients = PatientRepository(database)
        self.assessments = AssessmentRepository(database)
        self.plans = PlanRepository(database)
        self.search = PatientSearch(database)
        self._database_path = database_path(database)
        self.due = DueRepository(database, patients=self.patients, today=self.today)
        self._today = today
        self._framework = framework if framework in FRAMEWORKS else DEFAULT_FRAMEWORK
        self._rule_settings = RuleSettings()
        self.patient_id: int | None = None
        self.record: PatientRecord | None = None
        # What the database holds for the open patient: the working record differs from it
        # while there are unsaved changes (None for a new patient not saved yet).
        self.saved_record: PatientRecord | None = None
        self.evaluation: Evaluation | None = None

    # --- queries -------------------------------------------------------------------------

    @property
    def framework(self) -> str:
        return self._framework

    def today(self) -> date:
        """The clinic's today (injectable for tests)."""
        result: date = self._today()
        return result

    @property
    def has_unsaved_changes(self) -> bool:
        """Whether the working record differs from what the database holds."""
        return self.record is not None and self.record != self.saved_record

    # --- operations ----------------------------------------------------------------------

    def open_patient(self, patient_id: int) -> None:
        """Load a patient from the database and evaluate it."""
        record = self.patients.get(patient_id)
        self.patient_id = patient_id
        self.saved_record = record
        self.patient_opened.emit(patient_id)
        self.set_working_record(record)

    def close_patient(self) -> None:
        """Forget the open patient (after archiving or deleting it)."""
        self.patient_id = None
        self.record = None
        self.saved_record = None
        self.evaluation = None
        self.patient_closed.emit()

    def set_working_record(self, record: PatientRecord) -> None:
        """Show `record` (saved or not) and re-evaluate it at once (well under 1 ms)."""
        self.record = record
        self.record_changed.emit(record)
        self._reevaluate()

    def set_lsc(self, lsc_by_site: dict[str, float | None]) -> None:
        """Use the centre's least significant change per DXA site (g/cm²) and re-evaluate.

        The same values mark the trend chart and decide the ``bmd_loss_on_treatment`` alert.
        """
        settings = replace(
            self._rule_settings,
            lsc_lumbar_spine=lsc_by_site.get("lumbar_spine"),
            lsc_femoral_neck=lsc_by_site.get("femoral_neck"),
            lsc_total_hip=lsc_by_site.get("total_hip"),
            lsc_radius_33=lsc_by_site.get("radius_33"),
        )
        if settings != self._rule_settings:
            self._rule_settings = settings
            self._reevaluate()

    def set_framework(self, framework: str) -> None:
        """Change the governing framework and re-evaluate."""
        if framework not in FRAMEWORKS:
            raise ValueError(f"framework must be one of {', '.join(FRAMEWORKS)}")
        if framework != self._framework:
            self._framework = framework
            self._reevaluate()

    def save_record(self, record: PatientRecord) -> int:
        """Save the working record (new or existing) and make it the open patient."""
        # A new patient is always added: saving by clinic id would overwrite whoever has it
        # (the repository raises DuplicateClinicIdError instead).
        with self._described_faults():
            if self.patient_id is None:
                patient_id = self.patients.add(record)
            else:
                patient_id = self.patients.save(record, self.patient_id)
        is_new = patient_id != self.patient_id
        self.patient_id = patient_id
        if is_new:
            self.patient_opened.emit(patient_id)
        saved = self.patients.get(patient_id)
        self.saved_record = saved
        self.set_working_record(saved)
        self.patients_changed.emit()
        return patient_id

    def archive_patient(self, patient_id: int) -> None:
        """Hide a patient from the list and search (kept, audited; undo with unarchive)."""
        with self._described_faults():
            self.patients.archive(patient_id)
        self.patients_changed.emit()

    def unarchive_patient(self, patient_id: int) -> None:
        """Show an archived patient again."""
        with self._described_faults():
            self.patients.unarchive(patient_id)
        self.patients_changed.emit()

    def delete_patient(self, patient_id: int) -> None:
        """Delete a patient for good (the caller has asked the clinician; audited by storage)."""
        with self._described_faults():
            self.patients.delete(patient_id, confirm=True)
        if patient_id == self.patient_id:
            self.close_patient()
        self.patients_changed.emit()

    def save_plan(self, plan: Plan) -> Plan:
        """Keep the evaluation it came from and the plan, then broadcast."""
        if self.patient_id is None or self.record is None or self.evaluation is None:
            raise RuntimeError("no patient is open")
        with self._described_faults():
            return self._save_plan(plan)

    def _save_plan(self, plan: Plan) -> Plan:
        assert self.patient_id is not None
        assert self.record is not None
        assert self.evaluation is not None
        assessment = self.assessments.add(
            Assessment(
                patient_id=self.patient_id,
                as_of=self.evaluation.as_of,
                framework=self.evaluation.framework,
                rules_version=self.evaluation.rules_version,
                record_json=record_to_json(self.record),
                evaluation_json=evaluation_to_json(self.evaluation),
            )
        )
        saved = self.plans.add(
            replace(plan, patient_id=self.patient_id, assessment_id=assessment.id)
        )
        self.plans_changed.emit(self.patient_id)
        self.patients_changed.emit()
        return saved

    def mark_due_done(self, entry: WorklistEntry, day: date, note: str | None = None) -> None:
        """Record a worklist item as done on `day` (a dose goes into the record), then broadcast.

        Raises:
            RuntimeError: the patient is open with unsaved changes (saving them later would
                overwrite the recorded dose).
            ValueError, DueItemNotFoundError: see DueRepository.mark_done.
        """
        if entry.patient_id == self.patient_id and self.has_unsaved_changes:
            raise RuntimeError("the patient is open with unsaved changes")
        self.due.mark_done(entry, day, note)
        if entry.patient_id == self.patient_id:
            self.saved_record = self.patients.get(entry.patient_id)
            self.set_working_record(self.saved_record)
        self.patients_changed.emit()

    def snooze_due(self, entry: WorklistEntry, until: date, reason: str) -> None:
        """Hide a worklist item until `until` (a reason is required), then broadcast."""
        self.due.snooze(entry, until, reason)
        self.patients_changed.emit()

    @contextlib.contextmanager
    def _described_faults(self) -> Iterator[None]:
        """A full disk, a read-only file or a lock becomes a StorageError the tabs show.

        The tabs already show StorageError messages; a raw sqlite3 error would reach the crash
        dialog instead (issue 9). The transaction has rolled back: nothing was saved.
        """
        try:
            yield
        except _FAULTS as exc:
            described = faults.describe(exc, self._database_path)
            if described is None:
                raise
            raise described from exc

    def _reevaluate(self) -> None:
        if self.record is None:
            return
        self.evaluation = evaluate(
            self.record,
            as_of=self.today(),
            framework=self._framework,
            settings=self._rule_settings,
        )
        self.evaluation_changed.emit(self.evaluation)
