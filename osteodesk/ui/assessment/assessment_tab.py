"""The Assessment tab: DXA, labs and FRAX of the open patient, and the live evaluation.

Every valid edit goes straight into the session's working record, so the evaluation on the right
follows as the clinician types (no Evaluate button). An edit the record gate rejects is shown red
with the allowed range and is not applied. Ctrl+S saves the working record.
"""

from __future__ import annotations

from html import escape
from typing import Any, Final

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHeaderView, QMessageBox, QTableView, QVBoxLayout, QWidget
from typing_extensions import override

from osteodesk.core import codes, messages
from osteodesk.core import constants as k
from osteodesk.core.evaluation import Evaluation
from osteodesk.core.record import PatientRecord, RecordError, age_on, parse_record, record_to_json
from osteodesk.storage.errors import StorageError
from osteodesk.ui.assessment.assessment_view import CONTENT_PAGE, PLACEHOLDER_PAGE, AssessmentView
from osteodesk.ui.assessment.delegates import CellDelegate
from osteodesk.ui.assessment.evaluation_models import AlertTableModel, ReasonTableModel
from osteodesk.ui.assessment.lsc import LscDialog, save_lsc
from osteodesk.ui.assessment.preferences import (
    CHART_MEASURE_KEY,
    FRAMEWORK_KEY,
    apply_saved_preferences,
)
from osteodesk.ui.assessment.table_models import (
    AssessmentTableModel,
    DxaTableModel,
    FraxTableModel,
    LabTableModel,
    ProblemKey,
)
from osteodesk.ui.reference.catalogue import (
    RISK_COLOURS,
    format_date,
    format_number,
    label,
    ui_language,
)
from osteodesk.ui.session import PatientSession

# The record lists this tab owns; the patient form owns every other field.
OWNED_LISTS: Final = ("dxa", "labs", "frax")
FIT_COLUMNS_TO_ROWS: Final = 20  # rows measured for the column widths (the visible ones first)


class AssessmentTab(QWidget):
    """DXA results, labs, FRAX and the live evaluation of the current patient."""

    def __init__(
        self,
        session: PatientSession,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("assessment_tab")
        self._settings = settings if settings is not None else QSettings()
        self._applying = False
        self._other_problems: list[str] = []

        self.view = AssessmentView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.dxa_model = DxaTableModel(session.today, self)
        self.lab_model = LabTableModel(session.today, self)
        self.frax_model = FraxTableModel(session.today, self)
        self.diagnosis_model = ReasonTableModel(self)
        self.risk_model = ReasonTableModel(self)
        self.alert_model = AlertTableModel(self)
        self._tables: list[tuple[QTableView, AssessmentTableModel]] = [
            (self.view.dxa_table, self.dxa_model),
            (self.view.lab_table, self.lab_model),
            (self.view.frax_table, self.frax_model),
        ]
        for table, model in self._tables:
            table.setModel(model)
            # One delegate per view: a shared delegate's commitData reaches every view.
            table.setItemDelegate(CellDelegate(table))
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            # Fit the columns to the rows on screen and a few more, not to all 100 labs of a
            # long history: that measuring took ~15 ms of every patient opened (issue 8).
            header.setResizeContentsPrecision(FIT_COLUMNS_TO_ROWS)
        self.view.diagnosis_table.setModel(self.diagnosis_model)
        self.view.risk_table.setModel(self.risk_model)
        self.view.alerts_table.setModel(self.alert_model)
        for table in (self.view.diagnosis_table, self.view.risk_table):
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.horizontalHeader().setSectionResizeMode(
                1, QHeaderView.ResizeMode.ResizeToContents
            )
        alerts_header = self.view.alerts_table.horizontalHeader()
        alerts_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        alerts_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        alerts_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.save_action)

        self._lsc = apply_saved_preferences(session, self._settings)
        measure = self._settings.value(CHART_MEASURE_KEY)
        if isinstance(measure, str):
            self.view.trend_chart.set_measure(measure)

        self._connect_signals()
        self.retranslate_ui()
        if session.record is not None:
            self._load_record(session.record)
            if session.evaluation is not None:
                self._show_evaluation(session.evaluation)
        self._update_page()

    # --- public ------------------------------------------------------------------------------

    @property
    def has_invalid_cells(self) -> bool:
        """Whether an edit is waiting because the record gate rejected it."""
        return any(model.has_problems for _table, model in self._tables) or bool(
            self._other_problems
        )

    def save(self) -> bool:
        """Save the working record (Ctrl+S); False when nothing was saved."""
        record = self.session.record
        if record is None or self.has_invalid_cells:
            return False
        try:
            self.session.save_record(record)
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Save"), str(exc))
            return False
        return True

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        view = self.view
        view.placeholder_label.setText(
            self.tr("Open a patient in the Patients tab to see and enter the assessment.")
        )
        view.save_button.setText(self.tr("&Save"))
        view.save_button.setToolTip(self.tr("Save the record (Ctrl+S)"))
        self.save_action.setText(self.tr("Save record"))
        view.data_tabs.setTabText(0, self.tr("DXA"))
        view.data_tabs.setTabText(1, self.tr("Labs"))
        view.data_tabs.setTabText(2, self.tr("FRAX"))
        view.add_dxa_button.setText(self.tr("Add measurement"))
        view.remove_dxa_button.setText(self.tr("Remove measurement"))
        view.add_lab_button.setText(self.tr("Add lab result"))
        view.remove_lab_button.setText(self.tr("Remove lab result"))
        view.add_frax_button.setText(self.tr("Add FRAX result"))
        view.remove_frax_button.setText(self.tr("Remove FRAX result"))
        view.lab_note_label.setText(
            self.tr(
                "Units as on the lab report. Calcium and 25(OH)D outside the limits the rules use "
                "(clinical-rules A4) are shown in red; other tests have no reference range here."
            )
        )
        view.frax_note_label.setText(
            self.tr(
                "Type in the result of the official FRAX calculator; OsteoDesk never computes "
                "FRAX. The latest result is adjusted for glucocorticoid dose and the lumbar-spine "
                "offset (clinical-rules A2)."
            )
        )
        view.frax_adjusted_box.setTitle(self.tr("Adjusted FRAX (latest result)"))
        view.framework_label.setText(self.tr("&Framework:"))
        view.diagnosis_box.setTitle(self.tr("Diagnosis"))
        view.risk_box.setTitle(self.tr("Fracture-risk category"))
        view.scores_box.setTitle(self.tr("Scores"))
        view.alerts_box.setTitle(self.tr("Alerts"))
        view.no_alerts_label.setText(self.tr("No alerts."))
        self.dxa_model.set_headers(
            {
                "date": self.tr("Date"),
                "device": self.tr("Device"),
                "site": self.tr("Site"),
                "t": self.tr("T-score"),
                "z": self.tr("Z-score"),
                "bmd": self.tr("BMD (g/cm²)"),
            }
        )
        self.lab_model.set_headers(
            {
                "date": self.tr("Date"),
                "test": self.tr("Test"),
                "value": self.tr("Value"),
                "unit": self.tr("Unit"),
            }
        )
        self.lab_model.set_test_labels(
            {
                "egfr": self.tr("eGFR"),
                "creatinine": self.tr("Creatinine"),
                "calcium": self.tr("Calcium (corrected)"),
                "vitamin_d_25oh": self.tr("25(OH) vitamin D"),
                "ctx": self.tr("CTX"),
                "p1np": self.tr("P1NP"),
                "pth": self.tr("PTH"),
                "alp": self.tr("ALP"),
                "phosphate": self.tr("Phosphate"),
            }
        )
        self.frax_model.set_headers(
            {
                "date": self.tr("Date"),
                "model": self.tr("Model"),
                "major_osteoporotic_pct": self.tr("Major osteoporotic %"),
                "hip_pct": self.tr("Hip %"),
                "with_bmd": self.tr("With BMD"),
                "glucocorticoid_ticked": self.tr("Glucocorticoids ticked"),
            }
        )
        self._fill_framework_combo()
        self.dxa_model.relabel()
        self.diagnosis_model.relabel()
        self.risk_model.relabel()
        self.alert_model.relabel()
        self._update_unsaved()
        self._update_problem_label()
        if self.session.evaluation is not None and self.session.record is not None:
            self._show_evaluation(self.session.evaluation)

    # --- loading and applying --------------------------------------------------------------

    def _load_record(self, record: PatientRecord) -> None:
        self.dxa_model.set_scans(record.dxa)
        self.lab_model.set_labs(record.labs)
        self.frax_model.set_frax(record.frax)
        self._other_problems = []
        self._update_problem_label()
        self.view.trend_chart.set_data(record.dxa, self._lsc)
        self._update_patient_label(record)

    def _apply_edits(self) -> None:
        """Validate the tables through the record gate; apply them when they pass."""
        record = self.session.record
        if record is None:
            return
        data = record_to_json(record)
        lists = {
            "dxa": self.dxa_model.to_json(),
            "labs": self.lab_model.to_json(),
            "frax": self.frax_model.to_json(),
        }
        for name, items in lists.items():
            if items:
                data[name] = items
            else:
                data.pop(name, None)
        problems: dict[str, dict[ProblemKey, str]] = {
            "dxa": self.dxa_model.local_problems(),
            "labs": self.lab_model.local_problems(),
            "frax": self.frax_model.local_problems(),
        }
        new_record: PatientRecord | None = None
        self._other_problems = []
        try:
            new_record = parse_record(data, as_of=self.session.today())
        except RecordError as error:
            models = {"dxa": self.dxa_model, "labs": self.lab_model, "frax": self.frax_model}
            for name, model in models.items():
                for key, message in model.map_problems(error.problems, name).items():
                    problems[name].setdefault(key, message)
            self._other_problems = [
                str(p) for p in error.problems if p.field.split("[")[0] not in OWNED_LISTS
            ]
        self.dxa_model.set_problems(problems["dxa"])
        self.lab_model.set_problems(problems["labs"])
        self.frax_model.set_problems(problems["frax"])
        self._update_problem_label()
        if new_record is None or any(problems.values()):
            self._update_unsaved()
            return
        self._applying = True
        try:
            self.session.set_working_record(new_record)
        finally:
            self._applying = False
        self.view.trend_chart.set_data(new_record.dxa, self._lsc)

    # --- display ---------------------------------------------------------------------------

    def _update_page(self) -> None:
        has_patient = self.session.record is not None
        self.view.stack.setCurrentIndex(CONTENT_PAGE if has_patient else PLACEHOLDER_PAGE)
        self.save_action.setEnabled(has_patient)

    def _update_unsaved(self) -> None:
        dirty = self.session.has_unsaved_changes
        self.view.unsaved_label.setText(
            self.tr("Unsaved changes") if dirty else self.tr("All changes saved")
        )
        self.view.unsaved_label.setStyleSheet("color: #8a4b00; font-weight: bold;" if dirty else "")
        can_save = dirty or self.session.patient_id is None
        self.view.save_button.setEnabled(
            self.session.record is not None and can_save and not self.has_invalid_cells
        )

    def _update_problem_label(self) -> None:
        if not self.has_invalid_cells:
            self.view.problem_label.hide()
            return
        text = self.tr(
            "Some values are not valid (red cells; hover for the allowed range). They are not "
            "applied until corrected."
        )
        if self._other_problems:
            text += " " + "; ".join(self._other_problems)
        self.view.problem_label.setText(text)
        self.view.problem_label.show()

    def _update_patient_label(self, record: PatientRecord) -> None:
        name = record.name or self.tr("(no name)")
        age = age_on(record.birth_date, self.session.today())
        sex = self.tr("female") if record.sex == "female" else self.tr("male")
        parts = [f"<b>{escape(name)}</b>", escape(sex), self.tr("{age} years").format(age=age)]
        if record.id:
            parts.append(escape(record.id))
        self.view.patient_label.setText(" · ".join(parts))

    def _fill_framework_combo(self) -> None:
        combo = self.view.framework_combo
        combo.blockSignals(True)
        combo.clear()
        short = {"cn2022": self.tr("China 2022"), "aace2020": self.tr("AACE/ACE 2020")}
        for framework in codes.FRAMEWORKS:
            combo.addItem(short.get(framework, framework), framework)
            combo.setItemData(
                combo.count() - 1,
                label("framework", framework),
                Qt.ItemDataRole.ToolTipRole,
            )
        combo.setCurrentIndex(max(0, combo.findData(self.session.framework)))
        combo.setToolTip(label("framework", self.session.framework))
        combo.blockSignals(False)

    def _show_evaluation(self, evaluation: Evaluation) -> None:
        lang = ui_language()
        view = self.view
        view.diagnosis_value_label.setText(
            f"<b>{escape(label('diagnosis', evaluation.diagnosis.category, lang))}</b>"
        )
        self.diagnosis_model.set_reasons(evaluation.diagnosis.reasons)
        risk = evaluation.risk
        colour = RISK_COLOURS.get(risk.category, "#000000")
        text = (
            f"<span style='color:white; background-color:{colour}; font-weight:bold;'>"
            f"&nbsp;{escape(label('risk', risk.category, lang))}&nbsp;</span>"
        )
        if len(risk.by_framework) > 1:
            shown = "; ".join(
                f"{escape(label('framework', fw, lang))}: {escape(label('risk', cat, lang))}"
                for fw, cat in risk.by_framework.items()
            )
            text += f"<br/><small>{shown}</small>"
        view.risk_value_label.setText(text)
        self.risk_model.set_reasons(risk.reasons)
        self.alert_model.set_alerts(evaluation.alerts)
        view.alerts_table.setVisible(bool(evaluation.alerts))
        view.no_alerts_label.setVisible(not evaluation.alerts)
        record = self.session.record
        if record is not None:
            view.scores_label.setText(self._scores_html(evaluation, record))
            view.frax_adjusted_label.setText(self._frax_html(evaluation, record))
        combo = view.framework_combo
        if combo.currentData() != evaluation.framework:
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(evaluation.framework)))
            combo.blockSignals(False)
        combo.setToolTip(label("framework", evaluation.framework, lang))

    def _scores_html(self, evaluation: Evaluation, record: PatientRecord) -> str:
        scores = evaluation.scores
        age = age_on(record.birth_date, evaluation.as_of)
        weight = (
            self.tr("{weight} kg").format(weight=format_number(record.weight_kg))
            if record.weight_kg is not None
            else self.tr("weight unknown")
        )
        lines = []
        if scores.osta is not None:
            lines.append(
                self.tr(
                    "<b>OSTA</b> {value} ({band}) = 0.2 × (weight {weight} − age {age})"
                ).format(
                    value=format_number(scores.osta),
                    band=self._osta_band(scores.osta),
                    weight=weight,
                    age=age,
                )
            )
        elif scores.ost is not None:
            lines.append(
                self.tr(
                    "<b>OST</b> {value} ({band}), men: shown only (weight {weight}, age {age})"
                ).format(
                    value=format_number(scores.ost),
                    band=escape(messages.text(f"band.{scores.ost_band}", ui_language())),
                    weight=weight,
                    age=age,
                )
            )
        else:
            lines.append(self.tr("<b>OSTA</b> not computed (needs weight)"))
        creatinine = _latest_lab(record, "creatinine")
        if scores.crcl_ml_min is not None and creatinine is not None:
            female = self.tr(", × 0.85 (female)") if record.sex == "female" else ""
            lines.append(
                self.tr(
                    "<b>CrCl</b> {value} mL/min (Cockcroft–Gault: creatinine {creatinine} {unit} "
                    "of {date}, age {age}, {weight}{female})"
                ).format(
                    value=format_number(scores.crcl_ml_min),
                    creatinine=format_number(creatinine.value, 2),
                    unit=escape(creatinine.unit),
                    date=format_date(creatinine.date),
                    age=age,
                    weight=weight,
                    female=female,
                )
            )
        else:
            lines.append(self.tr("<b>CrCl</b> not computed (needs creatinine and weight)"))
        egfr = _latest_lab(record, "egfr")
        if scores.egfr is not None:
            when = format_date(egfr.date) if egfr is not None else ""
            lines.append(
                self.tr("<b>eGFR</b> {value} mL/min/1.73 m² ({date})").format(
                    value=format_number(scores.egfr), date=when
                )
            )
        return "<br/>".join(lines)

    def _osta_band(self, osta: float) -> str:
        if osta > k.OSTA_LOW_ABOVE:
            return self.tr("low")
        if osta < k.OSTA_HIGH_BELOW:
            return self.tr("high")
        return self.tr("moderate")

    def _frax_html(self, evaluation: Evaluation, record: PatientRecord) -> str:
        adjusted = evaluation.scores.frax_adjusted
        if not record.frax or adjusted is None:
            return self.tr("No FRAX result entered.")
        latest = max(record.frax, key=lambda f: f.date)
        lines = [self.tr("Latest FRAX of {date}").format(date=format_date(latest.date))]
        for name, typed, value in (
            (
                self.tr("Major osteoporotic"),
                latest.major_osteoporotic_pct,
                adjusted.major_osteoporotic_pct,
            ),
            (self.tr("Hip"), latest.hip_pct, adjusted.hip_pct),
        ):
            if typed is None:
                continue
            lines.append(
                self.tr("{name}: typed {typed} % → adjusted <b>{value} %</b>").format(
                    name=name,
                    typed=format_number(typed),
                    value=format_number(value) if value is not None else "—",
                )
            )
        if adjusted.adjustments:
            shown = "; ".join(escape(label("adjustment", a)) for a in adjusted.adjustments)
            lines.append(self.tr("Adjustments: {list}").format(list=shown))
        else:
            lines.append(self.tr("No adjustment applies."))
        return "<br/>".join(lines)

    # --- signals -----------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        session = self.session
        session.patient_opened.connect(self._on_session_patient_opened)
        session.patient_closed.connect(self._on_session_patient_closed)
        session.record_changed.connect(self._on_session_record_changed)
        session.evaluation_changed.connect(self._on_session_evaluation_changed)
        session.patients_changed.connect(self._update_unsaved)
        view = self.view
        for _table, model in self._tables:
            model.rows_edited.connect(self._apply_edits)
        view.add_dxa_button.clicked.connect(lambda: self._add_row(view.dxa_table, self.dxa_model))
        view.add_lab_button.clicked.connect(lambda: self._add_row(view.lab_table, self.lab_model))
        view.add_frax_button.clicked.connect(
            lambda: self._add_row(view.frax_table, self.frax_model)
        )
        view.remove_dxa_button.clicked.connect(
            lambda: self._remove_row(view.dxa_table, self.dxa_model)
        )
        view.remove_lab_button.clicked.connect(
            lambda: self._remove_row(view.lab_table, self.lab_model)
        )
        view.remove_frax_button.clicked.connect(
            lambda: self._remove_row(view.frax_table, self.frax_model)
        )
        view.save_button.clicked.connect(self.save)
        self.save_action.triggered.connect(self.save)
        view.framework_combo.activated.connect(self._on_framework_combo_activated)
        view.trend_chart.lsc_edit_requested.connect(self._on_trend_chart_lsc_edit_requested)
        view.trend_chart.measure_combo.activated.connect(self._on_chart_measure_activated)

    def _add_row(self, table: QTableView, model: AssessmentTableModel) -> None:
        row = model.add_row()
        index = model.index(row, 0)
        table.setCurrentIndex(index)
        table.scrollTo(index)
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_row(self, table: QTableView, model: AssessmentTableModel) -> None:
        index = table.currentIndex()
        if index.isValid():
            model.remove_row(index.row())

    def _on_session_patient_opened(self, _patient_id: int) -> None:
        self._update_page()

    def _on_session_patient_closed(self) -> None:
        for _table, model in self._tables:
            model.set_rows([])
        self._other_problems = []
        self._update_page()
        self._update_problem_label()

    def _on_session_record_changed(self, record: Any) -> None:
        if not self._applying and isinstance(record, PatientRecord):
            self._load_record(record)
        elif isinstance(record, PatientRecord):
            self._update_patient_label(record)
        self._update_page()
        self._update_unsaved()

    def _on_session_evaluation_changed(self, evaluation: Any) -> None:
        if isinstance(evaluation, Evaluation):
            self._show_evaluation(evaluation)

    def _on_framework_combo_activated(self, _index: int) -> None:
        framework = str(self.view.framework_combo.currentData())
        self._settings.setValue(FRAMEWORK_KEY, framework)
        self.session.set_framework(framework)

    def _on_chart_measure_activated(self, _index: int) -> None:
        self._settings.setValue(CHART_MEASURE_KEY, self.view.trend_chart.measure)

    def _on_trend_chart_lsc_edit_requested(self) -> None:
        dialog = LscDialog(self._lsc, self)
        if dialog.exec() == LscDialog.DialogCode.Accepted:
            self._lsc = dialog.values()
            save_lsc(self._settings, self._lsc)
            self.session.set_lsc(self._lsc)
            record = self.session.record
            self.view.trend_chart.set_data(record.dxa if record else (), self._lsc)

    # Qt overrides ####

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = self.focusWidget()
        if self.session.record is not None and (focus is None or not self.isAncestorOf(focus)):
            # Ctrl+S only reaches this tab while the focus is inside it.
            self.view.dxa_table.setFocus(Qt.FocusReason.OtherFocusReason)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _latest_lab(record: PatientRecord, test: str) -> Any:
    found = [lab for lab in record.labs if lab.test == test]
    return max(found, key=lambda lab: lab.date) if found else None
