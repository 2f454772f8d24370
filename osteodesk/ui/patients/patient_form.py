"""The add/edit patient form: reads the widgets into a record and lets the record gate judge it.

On every change the form builds the record JSON (the fields it owns, over the open patient's
working record for the rest: DXA, FRAX, labs and past glucocorticoid courses belong to the
Assessment tab) and passes it through `parse_record`, the one gate. A valid record becomes the
session's working record at once, so the live evaluation follows the form; an invalid one
turns the named fields red, lists what is allowed, and keeps Save disabled.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk.core import messages
from osteodesk.core.products import drug_for_product, lookup_product
from osteodesk.core.record import (
    GC_DOSE_RANGE,
    HEIGHT_RANGE,
    WEIGHT_RANGE,
    PatientRecord,
    Problem,
    RecordError,
    age_on,
    parse_record,
    record_to_json,
)
from osteodesk.storage.errors import DuplicateClinicIdError, StorageError
from osteodesk.ui.patients.labels import (
    catalogue_language,
    drug_label,
    format_number,
)
from osteodesk.ui.patients.labels import parse_number as parse_locale_number
from osteodesk.ui.patients.patient_form_view import BLANK_YEAR, PatientFormView
from osteodesk.ui.patients.record_tables import (
    BiologicTableModel,
    DoseTableModel,
    EventTableModel,
    FractureTableModel,
    RecordCellDelegate,
    RecordTableModel,
    TreatmentTableModel,
)
from osteodesk.ui.patients.validators import FieldPath, ProblemHints, split_path
from osteodesk.ui.session import PatientSession

# The record fields this form owns; every other field is kept from the working record.
FORM_FIELDS: Final = (
    "id",
    "name",
    "phone",
    "language",
    "sex",
    "birth_date",
    "menopausal_status",
    "menopause_year",
    "weight_kg",
    "height_cm",
    "conditions",
    "allergies",
    "events",
    "fractures",
    "falls_past_year",
    "glucocorticoid",
    "treatments",
    "biologics",
    "notes",
)
INVALID_STYLE: Final = "background-color: #ffcdd2; color: #000000;"
INVALID_GROUP_STYLE: Final = "QGroupBox::title { color: #b71c1c; }"
MAX_LISTED_PROBLEMS: Final = 6


def _number_or_text(text: str) -> float | str | None:
    """A typed number, or the text itself so that the gate says it is not a number."""
    stripped = text.strip()
    if not stripped:
        return None
    value = parse_locale_number(stripped)
    return value if value is not None else stripped


def _text_or_none(text: str) -> str | None:
    stripped = text.strip()
    return stripped or None


def _day_iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


class PatientForm(QWidget):
    """Add or edit the open patient; saving goes through the session.

    Signals:
        back_requested(): the clinician asked for the patient list (unsaved changes are the
            caller's to ask about, see `needs_save`).
        patient_saved(int): the patient was saved (internal id).
        validity_changed(bool): the form became valid or invalid.
    """

    back_requested = Signal()
    patient_saved = Signal(int)
    validity_changed = Signal(bool)

    def __init__(self, session: PatientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = PatientFormView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.fractures = FractureTableModel(self)
        self.events = EventTableModel(self)
        self.treatments = TreatmentTableModel(self)
        self.doses = DoseTableModel(self)
        self.biologics = BiologicTableModel(self)
        self._tables: dict[QTableView, RecordTableModel] = {
            self.view.fractures_table: self.fractures,
            self.view.events_table: self.events,
            self.view.treatments_table: self.treatments,
            self.view.doses_table: self.doses,
            self.view.biologics_table: self.biologics,
        }
        for table, model in self._tables.items():
            table.setModel(model)
            # One delegate per view: a view listens to every editor its delegate closes.
            table.setItemDelegate(RecordCellDelegate(table))
            table.installEventFilter(self)

        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.save_action)

        self._hints = ProblemHints(self)
        self._loading = False
        self._saving = False
        self._valid = False
        self._record: PatientRecord | None = None
        self._problems: list[Problem] = []
        self._baseline: dict[str, Any] = {}
        self._dose_row: int | None = None
        self._marked: list[QWidget] = []
        self._field_widgets: dict[str, QWidget] = {
            "id": self.view.clinic_id_edit,
            "name": self.view.name_edit,
            "phone": self.view.phone_edit,
            "language": self.view.language_combo,
            "sex": self.view.sex_combo,
            "birth_date": self.view.birth_date_edit,
            "menopausal_status": self.view.menopausal_combo,
            "menopause_year": self.view.menopause_year_spin,
            "weight_kg": self.view.weight_edit,
            "height_cm": self.view.height_edit,
            "falls_past_year": self.view.falls_spin,
            "glucocorticoid": self.view.glucocorticoid_box,
            "glucocorticoid.dose_mg_per_day": self.view.gc_dose_edit,
            "glucocorticoid.start_date": self.view.gc_start_edit,
            "glucocorticoid.end_date": self.view.gc_end_edit,
            "conditions": self.view.conditions_box,
            "allergies": self.view.allergies_box,
            "notes": self.view.notes_edit,
        }
        self._table_models: dict[str, RecordTableModel] = {
            "fractures": self.fractures,
            "events": self.events,
            "treatments": self.treatments,
            "biologics": self.biologics,
        }
        self._connect_signals()
        self.retranslate_ui()
        self._load(None)

    # --- state ---------------------------------------------------------------------------

    @property
    def patient_id(self) -> int | None:
        """The patient being edited (None: a new patient)."""
        return self.session.patient_id

    @property
    def is_new(self) -> bool:
        """Whether the form adds a patient rather than editing one."""
        return self.session.patient_id is None

    @property
    def is_valid(self) -> bool:
        """Whether the record gate accepts the form as it stands."""
        return self._valid

    @property
    def problems(self) -> list[Problem]:
        """What the gate (and the form) found wrong, field by field."""
        return list(self._problems)

    def needs_save(self) -> bool:
        """Whether leaving now would lose something the clinician typed."""
        if self.session.has_unsaved_changes:
            return True
        return not self._valid and self._form_fields() != self._baseline

    # --- operations ----------------------------------------------------------------------

    def edit_open_patient(self) -> None:
        """Show the session's open patient (its working record) for editing."""
        self._load(self.session.record)

    def start_new(self) -> None:
        """Close the open patient and show a blank form for a new one."""
        self._loading = True
        try:
            self.session.close_patient()
        finally:
            self._loading = False
        self._load(None)
        self.view.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> bool:
        """Save through the session (re-evaluates and broadcasts); False when not possible."""
        if not self.validate() or self._record is None:
            return False
        self._saving = True
        try:
            patient_id = self.session.save_record(self._record)
        except DuplicateClinicIdError:
            self._show_problems(
                [Problem("id", "duplicate")],
                {"id": self.tr("Another patient already has this clinic ID")},
            )
            self._set_valid(False)
            return False
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Save patient"), str(exc))
            return False
        finally:
            self._saving = False
        self._load(self.session.record)
        self.patient_saved.emit(patient_id)
        return True

    def discard(self) -> None:
        """Forget unsaved changes: reload the patient from the database (or blank a new one)."""
        if self.session.patient_id is None:
            self.start_new()
            return
        self._loading = True
        try:
            self.session.open_patient(self.session.patient_id)
        finally:
            self._loading = False
        self._load(self.session.record)

    def validate(self) -> bool:
        """Build the record from the widgets, judge it, mark problems, share it if valid."""
        if self._loading:
            return self._valid
        data, local = self.form_data()
        problems = list(local)
        record: PatientRecord | None = None
        try:
            record = parse_record(data, as_of=self.session.today())
        except RecordError as error:
            problems = [*problems, *error.problems]
        valid = not problems and record is not None
        self._record = record if valid else None
        self._show_problems(problems)
        self._update_derived()
        if valid and record is not None and record != self.session.record:
            self._loading = True
            try:
                self.session.set_working_record(record)
            finally:
                self._loading = False
        self._set_valid(valid)
        return valid

    def form_data(self) -> tuple[dict[str, Any], list[Problem]]:
        """The record JSON (working record + this form's fields) and the form's own problems."""
        base = record_to_json(self.session.record) if self.session.record is not None else {}
        data = {k: v for k, v in base.items() if k not in FORM_FIELDS}
        fields, problems = self._read_fields()
        data.update({k: v for k, v in fields.items() if v not in (None, [], "")})
        return data, problems

    # --- reading and writing the widgets -------------------------------------------------

    def _read_fields(self) -> tuple[dict[str, Any], list[Problem]]:
        view = self.view
        problems: list[Problem] = []
        fields: dict[str, Any] = {
            "id": _text_or_none(view.clinic_id_edit.text()),
            "name": _text_or_none(view.name_edit.text()),
            "phone": _text_or_none(view.phone_edit.text()),
            "language": view.language_combo.currentData(),
            "sex": view.sex_combo.currentData(),
            "birth_date": view.birth_date_edit.value(),
            "menopausal_status": view.menopausal_combo.currentData(),
            "menopause_year": (
                None
                if view.menopause_year_spin.value() == BLANK_YEAR
                else view.menopause_year_spin.value()
            ),
            "weight_kg": _number_or_text(view.weight_edit.text()),
            "height_cm": _number_or_text(view.height_edit.text()),
            "conditions": sorted(c for c, box in view.condition_checks.items() if box.isChecked()),
            "allergies": sorted(d for d, box in view.allergy_checks.items() if box.isChecked()),
            "falls_past_year": (
                None
                if view.falls_spin.value() == view.falls_spin.minimum()
                else view.falls_spin.value()
            ),
            "notes": view.notes_edit.toPlainText().strip() or None,
        }
        if view.glucocorticoid_box.isChecked():
            ongoing = view.gc_ongoing_check.isChecked()
            end = None if ongoing else view.gc_end_edit.value()
            if not ongoing and end is None:
                problems.append(Problem("glucocorticoid.end_date", "is required"))
            fields["glucocorticoid"] = {
                "dose_mg_per_day": _number_or_text(view.gc_dose_edit.text()),
                "start_date": view.gc_start_edit.value(),
                "end_date": end,
            }
        fields["fractures"] = [
            {
                "site": row["site"],
                "date": _day_iso(row["date"]),
                **({"fragility": row["fragility"]} if row["fragility"] is not None else {}),
            }
            for row in self.fractures.rows()
        ]
        fields["events"] = [
            {"type": row["type"], "date": _day_iso(row["date"])} for row in self.events.rows()
        ]
        fields["treatments"] = [self._treatment_json(row) for row in self.treatments.rows()]
        fields["biologics"] = [
            {
                "drug": row["drug"],
                "start_date": _day_iso(row["start_date"]),
                "end_date": _day_iso(row["end_date"]),
            }
            for row in self.biologics.rows()
        ]
        return fields, problems

    @staticmethod
    def _treatment_json(row: Mapping[str, Any]) -> dict[str, Any]:
        item: dict[str, Any] = {
            "drug": row["drug"],
            "start_date": _day_iso(row["start_date"]),
            "end_date": _day_iso(row["end_date"]),
        }
        if row["last_dose_date"] is not None:
            item["last_dose_date"] = row["last_dose_date"].isoformat()
        if row["doses_given"] is not None:
            item["doses_given"] = row["doses_given"]
        if row["product"]:
            item["product"] = row["product"]
        if row["planned_stop"]:
            item["planned_stop"] = True
        if row["dose_dates"]:
            item["dose_dates"] = [_day_iso(day) for day in row["dose_dates"]]
        return item

    def _form_fields(self) -> dict[str, Any]:
        fields, _problems = self._read_fields()
        return fields

    def _load(self, record: PatientRecord | None) -> None:
        """Fill every widget from `record` (None: blank) without treating it as an edit."""
        view = self.view
        self._loading = True
        try:
            view.name_edit.setText(record.name or "" if record else "")
            view.clinic_id_edit.setText(record.id or "" if record else "")
            view.phone_edit.setText(record.phone or "" if record else "")
            _select_data(view.language_combo, record.language if record else None)
            _select_data(view.sex_combo, record.sex if record else None)
            view.birth_date_edit.set_date(record.birth_date if record else None)
            _select_data(view.menopausal_combo, record.menopausal_status if record else None)
            year = record.menopause_year if record else None
            view.menopause_year_spin.setValue(year if year is not None else BLANK_YEAR)
            view.weight_edit.setText(_number_text(record.weight_kg if record else None))
            view.height_edit.setText(_number_text(record.height_cm if record else None))
            conditions = record.conditions if record else frozenset()
            for code, box in view.condition_checks.items():
                box.setChecked(code in conditions)
            allergies = record.allergies if record else frozenset()
            for drug, box in view.allergy_checks.items():
                box.setChecked(drug in allergies)
            falls = record.falls_past_year if record else None
            view.falls_spin.setValue(falls if falls is not None else view.falls_spin.minimum())
            course = record.glucocorticoid if record else None
            view.glucocorticoid_box.setChecked(course is not None)
            view.gc_dose_edit.setText(_number_text(course.dose_mg_per_day if course else None))
            view.gc_start_edit.set_date(course.start_date if course else None)
            view.gc_ongoing_check.setChecked(course is None or course.end_date is None)
            view.gc_end_edit.set_date(course.end_date if course else None)
            view.notes_edit.setPlainText(record.notes or "" if record else "")
            self.fractures.set_rows(
                [
                    {"site": f.site, "date": f.date, "fragility": f.fragility}
                    for f in (record.fractures if record else ())
                ]
            )
            self.events.set_rows(
                [{"type": e.type, "date": e.date} for e in (record.events if record else ())]
            )
            self.treatments.set_rows(
                [
                    {
                        "drug": t.drug,
                        "product": t.product,
                        "start_date": t.start_date,
                        "end_date": t.end_date,
                        "planned_stop": t.planned_stop,
                        "last_dose_date": t.last_dose_date,
                        "doses_given": t.doses_given,
                        "dose_dates": list(t.dose_dates),
                    }
                    for t in (record.treatments if record else ())
                ]
            )
            self.biologics.set_rows(
                [
                    {"drug": b.drug, "start_date": b.start_date, "end_date": b.end_date}
                    for b in (record.biologics if record else ())
                ]
            )
            self._bind_doses(None)
            view.product_hint_label.clear()
            if self.treatments.rowCount() > 0:
                # The doses of the first course show at once (the table's current row).
                view.treatments_table.setCurrentIndex(self.treatments.index(0, 0))
        finally:
            self._loading = False
        self._baseline = self._form_fields()
        self._update_enabled_fields()
        self._update_title()
        self.validate()
        view.scroll_area.verticalScrollBar().setValue(0)

    # --- derived display -----------------------------------------------------------------

    def _update_derived(self) -> None:
        view = self.view
        birth = view.birth_date_edit.typed_date()
        if birth is None:
            view.age_label.clear()
        else:
            age = age_on(birth, self.session.today())
            view.age_label.setText(self.tr("Age {age}").format(age=age) if age >= 0 else "")
        weight = parse_locale_number(view.weight_edit.text())
        height = parse_locale_number(view.height_edit.text())
        if (
            weight is not None
            and height is not None
            and WEIGHT_RANGE[0] <= weight <= WEIGHT_RANGE[1]
            and HEIGHT_RANGE[0] <= height <= HEIGHT_RANGE[1]
        ):
            bmi = weight / (height / 100) ** 2
            view.bmi_label.setText(self.tr("BMI {bmi} kg/m²").format(bmi=format_number(bmi, 1)))
        else:
            view.bmi_label.setText(self.tr("BMI —"))

    def _update_enabled_fields(self) -> None:
        view = self.view
        female = view.sex_combo.currentData() == "female"
        view.menopausal_combo.setEnabled(female)
        view.menopause_year_spin.setEnabled(female)
        view.gc_end_edit.setEnabled(not view.gc_ongoing_check.isChecked())
        has_treatment = self._dose_row is not None
        view.doses_table.setEnabled(has_treatment)
        view.dose_add_button.setEnabled(has_treatment)
        view.dose_remove_button.setEnabled(has_treatment and self.doses.rowCount() > 0)
        for table, remove in (
            (view.fractures_table, view.fracture_remove_button),
            (view.events_table, view.event_remove_button),
            (view.treatments_table, view.treatment_remove_button),
            (view.biologics_table, view.biologic_remove_button),
        ):
            remove.setEnabled(table.model().rowCount() > 0)

    def _update_title(self) -> None:
        if self.is_new:
            self.view.title_label.setText(self.tr("New patient"))
            return
        record = self.session.record
        name = record.name if record is not None and record.name else ""
        ident = record.id if record is not None and record.id else str(self.session.patient_id)
        self.view.title_label.setText(
            self.tr("Edit patient: {name} ({id})").format(name=name, id=ident)
        )

    def _set_valid(self, valid: bool) -> None:
        self.view.save_button.setEnabled(valid and self.session.has_unsaved_changes)
        self.save_action.setEnabled(self.view.save_button.isEnabled())
        self.view.revert_button.setEnabled(self.needs_save() or not valid)
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    # --- problems ------------------------------------------------------------------------

    def _show_problems(
        self, problems: list[Problem], hints: Mapping[str, str] | None = None
    ) -> None:
        """Paint each problem where it is, and list them above the form."""
        self._problems = problems
        for marked in self._marked:
            marked.setStyleSheet("")
            marked.setToolTip("")
            marked.setProperty("invalid", False)
        self._marked = []
        cells: dict[str, dict[tuple[int, str | None], str]] = {
            name: {} for name in self._table_models
        }
        dose_cells: dict[tuple[int, str | None], str] = {}
        lines: list[str] = []
        for problem in problems:
            hint = (hints or {}).get(problem.field) or self._hints.hint(problem)
            path = split_path(problem.field)
            widget = self._widget_for(path)
            if widget is not None:
                self._mark(widget, hint)
            elif path.is_table and path.row is not None:
                cells[path.name][(path.row, path.key)] = hint
                if path.key == "dose_dates" and path.row == self._dose_row:
                    dose_cells.update(self._dose_cells(path, hint))
            lines.append(self._problem_line(path, hint, problem))
        for name, model in self._table_models.items():
            model.set_problems(cells[name])
        self.doses.set_problems(dose_cells)
        if lines:
            shown = lines[:MAX_LISTED_PROBLEMS]
            if len(lines) > MAX_LISTED_PROBLEMS:
                shown.append(
                    self.tr("… and {count} more").format(count=len(lines) - MAX_LISTED_PROBLEMS)
                )
            self.view.problems_label.setText("\n".join(shown))
            self.view.problems_label.show()
        else:
            self.view.problems_label.clear()
            self.view.problems_label.hide()

    def _dose_cells(self, path: FieldPath, hint: str) -> dict[tuple[int, str | None], str]:
        """The dose rows a problem of ``treatments[i].dose_dates`` is about."""
        if path.sub_row is not None:
            return {(path.sub_row, "date"): hint}
        # The gate names the list ("must not be before start_date"): point at the early doses.
        start = self.treatments.value(path.row or 0, "start_date")
        return {
            (row, "date"): hint
            for row, day in enumerate(self.doses.dates())
            if day is not None and start is not None and day < start
        }

    def _widget_for(self, path: FieldPath) -> QWidget | None:
        if path.is_table:
            return None
        return self._field_widgets.get(path.name)

    def _mark(self, widget: QWidget, hint: str) -> None:
        style = INVALID_GROUP_STYLE if isinstance(widget, QGroupBox) else INVALID_STYLE
        widget.setStyleSheet(style)
        widget.setToolTip(hint)
        widget.setProperty("invalid", True)
        self._marked.append(widget)

    def _problem_line(self, path: FieldPath, hint: str, problem: Problem) -> str:
        if path.is_table and path.row is not None:
            model = self._table_models[path.name]
            column = model.header_text(path.key) if path.key in _keys(model) else ""
            where = self.tr("{table}, row {row}").format(
                table=self._table_title(path.name), row=path.row + 1
            )
            return f"{where}, {column}: {hint}" if column else f"{where}: {hint}"
        label = self._field_title(path.name)
        if label is None:
            # A field of the Assessment tab (DXA, labs, FRAX): name it as the gate does.
            return self.tr("Assessment data: {problem}").format(problem=str(problem))
        return f"{label}: {hint}"

    def _table_title(self, name: str) -> str:
        titles = {
            "fractures": self.view.fractures_box.title(),
            "events": self.view.events_box.title(),
            "treatments": self.view.treatments_box.title(),
            "biologics": self.view.biologics_box.title(),
        }
        return titles[name].replace("&", "")

    def _field_title(self, name: str) -> str | None:
        view = self.view
        labels = {
            "id": view.clinic_id_label,
            "name": view.name_label,
            "phone": view.phone_label,
            "language": view.language_label,
            "sex": view.sex_label,
            "birth_date": view.birth_date_label,
            "menopausal_status": view.menopausal_label,
            "menopause_year": view.menopause_year_label,
            "weight_kg": view.weight_label,
            "height_cm": view.height_label,
            "falls_past_year": view.falls_label,
            "glucocorticoid.dose_mg_per_day": view.gc_dose_label,
            "glucocorticoid.start_date": view.gc_start_label,
            "glucocorticoid.end_date": view.gc_end_label,
        }
        if name in labels:
            return labels[name].text().replace("&", "")
        boxes = {
            "glucocorticoid": view.glucocorticoid_box,
            "conditions": view.conditions_box,
            "allergies": view.allergies_box,
            "notes": view.notes_box,
        }
        box = boxes.get(name)
        return box.title().replace("&", "") if box is not None else None

    # --- the dose sub-table --------------------------------------------------------------

    def _bind_doses(self, treatment_row: int | None) -> None:
        """Show the doses of one treatment (None: no treatment selected)."""
        self._dose_row = treatment_row
        dates = self.treatments.dose_dates(treatment_row) if treatment_row is not None else []
        was_loading = self._loading
        self._loading = True
        try:
            self.doses.set_rows([{"date": day} for day in dates])
        finally:
            self._loading = was_loading
        self._update_enabled_fields()

    def _on_doses_rows_edited(self) -> None:
        if self._dose_row is not None and self._dose_row < self.treatments.rowCount():
            self.treatments.set_dose_dates(self._dose_row, self.doses.dates())
        self._update_enabled_fields()

    def _on_treatment_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._bind_doses(current.row() if current.isValid() else None)
        self.validate()

    # --- signals -------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        view = self.view
        for edit in (
            view.name_edit,
            view.clinic_id_edit,
            view.phone_edit,
            view.weight_edit,
            view.height_edit,
            view.gc_dose_edit,
        ):
            edit.textChanged.connect(self._on_field_changed)
        for combo in (view.language_combo, view.sex_combo, view.menopausal_combo):
            combo.currentIndexChanged.connect(self._on_field_changed)
        for date_edit in (view.birth_date_edit, view.gc_start_edit, view.gc_end_edit):
            date_edit.textChanged.connect(self._on_field_changed)
        for spin in (view.menopause_year_spin, view.falls_spin):
            spin.valueChanged.connect(self._on_field_changed)
        checks: list[QCheckBox] = [
            *view.condition_checks.values(),
            *view.allergy_checks.values(),
            view.gc_ongoing_check,
        ]
        for check in checks:
            check.toggled.connect(self._on_field_changed)
        view.glucocorticoid_box.toggled.connect(self._on_field_changed)
        view.notes_edit.textChanged.connect(self._on_field_changed)
        for model in (self.fractures, self.events, self.treatments, self.biologics):
            model.rows_edited.connect(self._on_field_changed)
        self.doses.rows_edited.connect(self._on_doses_rows_edited)
        self.treatments.dataChanged.connect(self._on_treatments_data_changed)
        selection = view.treatments_table.selectionModel()
        selection.currentRowChanged.connect(self._on_treatment_current_changed)

        self._connect_row_buttons(
            view.fracture_add_button,
            view.fracture_remove_button,
            view.fractures_table,
            self.fractures,
        )
        self._connect_row_buttons(
            view.event_add_button, view.event_remove_button, view.events_table, self.events
        )
        self._connect_row_buttons(
            view.treatment_add_button,
            view.treatment_remove_button,
            view.treatments_table,
            self.treatments,
        )
        self._connect_row_buttons(
            view.dose_add_button, view.dose_remove_button, view.doses_table, self.doses
        )
        self._connect_row_buttons(
            view.biologic_add_button,
            view.biologic_remove_button,
            view.biologics_table,
            self.biologics,
        )

        view.save_button.clicked.connect(self.save)
        self.save_action.triggered.connect(self.save)
        view.revert_button.clicked.connect(self._on_revert_button_clicked)
        view.back_button.clicked.connect(self.back_requested)
        self.session.patient_opened.connect(self._on_session_patient_opened)
        self.session.patient_closed.connect(self._on_session_patient_closed)

    def _connect_row_buttons(
        self,
        add: Any,
        remove: Any,
        table: QTableView,
        model: RecordTableModel,
    ) -> None:
        def add_row() -> None:
            defaults: dict[str, Any] = {}
            if model is self.doses:
                defaults = {"date": self.session.today()}
            row = model.add_row(defaults)
            table.setCurrentIndex(model.index(row, 0))
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            table.edit(model.index(row, 0))

        def remove_row() -> None:
            current = table.currentIndex()
            row = current.row() if current.isValid() else model.rowCount() - 1
            model.remove_row(row)
            if model is self.treatments:
                self._bind_doses(None)
                current_after = table.currentIndex()
                if current_after.isValid():
                    self._bind_doses(current_after.row())

        add.clicked.connect(add_row)
        remove.clicked.connect(remove_row)

    def _on_field_changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self._update_enabled_fields()
        self.validate()

    def _on_treatments_data_changed(
        self, top_left: QModelIndex, _bottom_right: QModelIndex
    ) -> None:
        if self._loading or not top_left.isValid():
            return
        if top_left.column() != self.treatments.column_of("product"):
            return
        row = top_left.row()
        product = self.treatments.value(row, "product")
        self.view.product_hint_label.setText(self._product_hint(row, product))

    def _product_hint(self, row: int, product: str | None) -> str:
        """Fill the drug from a known brand; say why a known non-osteoporosis product is not one."""
        if not product:
            return ""
        found = lookup_product(product)
        if found is None:
            return ""
        language = catalogue_language()
        if not found.osteoporosis_dosing:
            return messages.text(found.note, language) if found.note else ""
        drug = drug_for_product(product)
        if drug is not None and self.treatments.value(row, "drug") is None:
            self.treatments.set_value(row, "drug", drug)
        if drug is not None and self.treatments.value(row, "drug") != drug:
            return self.tr("{product} contains {drug}").format(
                product=product, drug=drug_label(drug, language)
            )
        return ""

    def _on_revert_button_clicked(self) -> None:
        self.discard()

    def _on_session_patient_opened(self, _patient_id: int) -> None:
        if self._loading or self._saving:
            return
        self._load(self.session.record)

    def _on_session_patient_closed(self) -> None:
        if self._loading:
            return
        self._load(None)

    # --- Qt overrides --------------------------------------------------------------------

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete empties an optional cell of a record table (a date editor cannot be blank).
        if (
            isinstance(watched, QTableView)
            and watched in self._tables
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and watched.state() != QAbstractItemView.State.EditingState
        ):
            return self._tables[watched].clear_cell(watched.currentIndex())
        return super().eventFilter(watched, event)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every label, placeholder and hint in the interface language."""
        self.view.retranslate_ui(catalogue_language())
        self.save_action.setText(self.tr("Save patient"))
        self.view.weight_edit.setPlaceholderText(_range_text(WEIGHT_RANGE))
        self.view.height_edit.setPlaceholderText(_range_text(HEIGHT_RANGE))
        self.view.gc_dose_edit.setPlaceholderText(_range_text(GC_DOSE_RANGE))
        for model in (*self._table_models.values(), self.doses):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
            model.set_problems({})
        self._update_title()
        self._show_problems(self._problems)
        self._update_derived()


def _keys(model: RecordTableModel) -> tuple[str, ...]:
    return tuple(spec.key for spec in model.columns)


def _select_data(combo: Any, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def _number_text(value: float | None) -> str:
    """A stored number as the clinician typed it: every decimal kept, so loading is no edit."""
    if value is None:
        return ""
    decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
    return format_number(value, min(decimals, 6))


def _range_text(bounds: tuple[float, float]) -> str:
    return f"{bounds[0]:g}–{bounds[1]:g}"
