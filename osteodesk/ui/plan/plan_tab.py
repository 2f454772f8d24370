"""The Plan tab: ranked options as timelines, the clinician's choice, its history and printouts.

The clinician picks an option or composes a regimen (checked against the gates by
`check_regimen`), sets the start date and, when the choice is not the rank-1 option, says why;
Save stays disabled until then. Saving keeps the plan with the evaluation and rules version it
came from. The care plan and the handout render on a worker thread and open in a preview.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any, Final

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHeaderView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk.core.decision import check_regimen
from osteodesk.core.evaluation import Evaluation, Reason, Step
from osteodesk.core.plan import Plan
from osteodesk.core.record import PatientRecord, age_on
from osteodesk.storage.errors import StorageError
from osteodesk.ui.assessment.delegates import CellDelegate
from osteodesk.ui.assessment.evaluation_models import AlertTableModel
from osteodesk.ui.plan.option_card import OptionCard, reasons_html
from osteodesk.ui.plan.pdf_preview import PdfPreviewDialog, RenderJob
from osteodesk.ui.plan.plan_models import (
    AvoidTableModel,
    DrugRole,
    MonitoringTableModel,
    PlanHistoryModel,
    StepsModel,
    regimen_text,
)
from osteodesk.ui.plan.plan_view import CONTENT_PAGE, PLACEHOLDER_PAGE, PlanView
from osteodesk.ui.reference.catalogue import (
    RISK_COLOURS,
    coded_sentence,
    date_format,
    format_date,
    from_qdate,
    label,
    to_qdate,
    ui_language,
)
from osteodesk.ui.reference.reference_dialog import open_reference
from osteodesk.ui.session import PatientSession

COMPOSED: Final = 0  # the button-group id of "compose another"; options use their rank
KINDS: Final = ("care_plan", "handout")
RHEUMATOLOGY_NOTE_PREFIXES: Final = ("biologic_", "inflammation_control_base")


class PlanTab(QWidget):
    """The ranked treatment options, the chosen plan and earlier plans.

    Signals:
        plan_saved(object): a plan was saved (the stored `Plan`).
        preview_opened(object): a printout preview opened (the `PdfPreviewDialog`).
    """

    plan_saved = Signal(object)
    preview_opened = Signal(object)

    def __init__(
        self,
        session: PatientSession,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("plan_tab")
        self._settings = settings if settings is not None else QSettings()
        self.option_cards: list[OptionCard] = []
        self.regimen_warnings: tuple[Reason, ...] = ()
        self.preview_dialog: PdfPreviewDialog | None = None
        self._job: RenderJob | None = None
        self._remembered_rank: int | None = None

        self.view = PlanView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.button_group = QButtonGroup(self)
        self.button_group.addButton(self.view.compose_radio, COMPOSED)
        self.steps_model = StepsModel(self)
        self.alert_model = AlertTableModel(self)
        self.avoid_model = AvoidTableModel(self)
        self.monitoring_model = MonitoringTableModel(self)
        self.history_model = PlanHistoryModel(self)
        view = self.view
        view.steps_table.setModel(self.steps_model)
        view.steps_table.setItemDelegate(CellDelegate(self))
        view.alerts_table.setModel(self.alert_model)
        view.avoid_table.setModel(self.avoid_model)
        view.monitoring_table.setModel(self.monitoring_model)
        view.history_table.setModel(self.history_model)
        _stretch(view.alerts_table, 1)
        _stretch(view.avoid_table, 1)
        _stretch(view.monitoring_table, 2)
        _stretch(view.history_table, 3)

        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.care_plan_action = QAction(self)
        self.care_plan_action.setShortcut(QKeySequence.StandardKey.Print)
        self.handout_action = QAction(self)
        self.handout_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        for action in (self.save_action, self.care_plan_action, self.handout_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self._connect_signals()
        self.retranslate_ui()
        self._reset_for_patient()
        if session.evaluation is not None:
            self._show_evaluation(session.evaluation)

    # --- public ----------------------------------------------------------------------------

    @property
    def selected_rank(self) -> int | None:
        """The rank of the chosen option; None when composing or nothing is chosen."""
        checked = self.button_group.checkedId()
        return checked if checked > 0 else None

    @property
    def is_composing(self) -> bool:
        """Whether the clinician is composing a regimen by hand."""
        return self.button_group.checkedId() == COMPOSED

    def choose_option(self, rank: int) -> bool:
        """Choose the option of `rank`; False when there is none."""
        button = self.button_group.button(rank)
        if button is None:
            return False
        button.setChecked(True)
        return True

    def compose(self, steps: list[Step] | None = None) -> None:
        """Compose a regimen by hand, starting from `steps` (or the chosen option's)."""
        if steps is None:
            steps = list(self.current_steps())
        self.view.compose_radio.setChecked(True)
        self.steps_model.set_steps(steps)
        self._check_composed()
        self._update_choice()

    def current_steps(self) -> tuple[Step, ...]:
        """The steps of the current choice (the option's, or the composed ones)."""
        if self.is_composing:
            return self.steps_model.steps()
        rank = self.selected_rank
        for card in self.option_cards:
            if card.option.rank == rank:
                return card.option.steps
        return ()

    def blocking_reason(self) -> str | None:
        """Why the plan cannot be saved yet, or None when it can."""
        if self.session.record is None or self.session.evaluation is None:
            return self.tr("Open a patient first.")
        if self.button_group.checkedId() < 0:
            return self.tr("Choose an option or compose a regimen.")
        if self.is_composing:
            if self.steps_model.local_problems():
                return self.tr("Correct the red cells of the composed regimen.")
            if not self.steps_model.steps():
                return self.tr("Add at least one step to the regimen.")
        if self._needs_reason() and not self.view.reason_edit.text().strip():
            if self.is_composing and self.regimen_warnings:
                return self.tr("Give a reason for going ahead despite the warnings.")
            return self.tr("Give a reason: the choice is not the rank-1 option.")
        return None

    def save_plan(self) -> Plan | None:
        """Save the chosen regimen (Ctrl+S); None when it cannot be saved yet."""
        if self.blocking_reason() is not None:
            return None
        session = self.session
        evaluation = session.evaluation
        record = session.record
        assert evaluation is not None
        assert record is not None
        reason = self.view.reason_edit.text().strip() or None
        plan = Plan(
            patient_id=session.patient_id or 0,
            steps=self.current_steps(),
            start_date=from_qdate(self.view.start_edit.date()),
            framework=evaluation.framework,
            rules_version=evaluation.rules_version,
            chosen_rank=self.selected_rank,
            override_reason=reason,
        )
        try:
            if session.patient_id is None or session.has_unsaved_changes:
                # The plan rests on what the clinician sees: keep that record too.
                session.save_record(record)
            saved = session.save_plan(replace(plan, patient_id=session.patient_id or 0))
        except (StorageError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Save plan"), str(exc))
            return None
        self.view.reason_edit.clear()
        self.view.status_label.setText(
            self.tr("Plan saved: {regimen}, starting {date}.").format(
                regimen=regimen_text(saved.steps), date=format_date(saved.start_date)
            )
        )
        self.plan_saved.emit(saved)
        return saved

    def show_report(self, kind: str) -> bool:
        """Render the care plan or the handout off the UI thread, then preview it.

        Returns False when nothing was started (no patient, or a render is running).
        """
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        if self._job is not None or self.session.record is None or self.session.evaluation is None:
            return False
        data = self._report_input()

        def render() -> bytes:
            from osteodesk.reports import care_plan, handout

            document = care_plan if kind == "care_plan" else handout
            return document.render_pdf(data)

        job = RenderJob(render)
        job.signals.finished.connect(lambda pdf: self._on_render_finished(kind, pdf))
        job.signals.failed.connect(self._on_render_failed)
        self._job = job
        self._set_busy(True)
        job.start_on(QThreadPool.globalInstance())
        return True

    @property
    def is_rendering(self) -> bool:
        """Whether a printout is being rendered."""
        return self._job is not None

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        view = self.view
        view.placeholder_label.setText(
            self.tr("Open a patient in the Patients tab to see the treatment options.")
        )
        view.options_box.setTitle(self.tr("Treatment options"))
        view.no_options_label.setText(
            self.tr("No drug option now (see the alerts). You may still compose a regimen.")
        )
        view.compose_radio.setText(self.tr("Compose another regimen"))
        view.add_step_button.setText(self.tr("Add step"))
        view.remove_step_button.setText(self.tr("Remove step"))
        view.choice_box.setTitle(self.tr("The plan"))
        view.start_label.setText(self.tr("&Start date:"))
        view.reason_label.setText(self.tr("&Reason for the choice:"))
        view.reason_edit.setPlaceholderText(
            self.tr("Required when the choice is not the rank-1 option")
        )
        view.save_plan_button.setText(self.tr("Save &plan"))
        view.save_plan_button.setToolTip(self.tr("Save the plan (Ctrl+S)"))
        view.care_plan_button.setText(self.tr("&Care plan PDF"))
        view.care_plan_button.setToolTip(self.tr("Preview, save or print the care plan (Ctrl+P)"))
        view.handout_button.setText(self.tr("Patient &handout"))
        view.handout_button.setToolTip(
            self.tr("Preview, save or print the patient handout (Ctrl+Shift+P)")
        )
        view.alerts_box.setTitle(self.tr("Alerts"))
        view.no_alerts_label.setText(self.tr("No alerts."))
        view.right_tabs.setTabText(0, self.tr("Monitoring"))
        view.right_tabs.setTabText(1, self.tr("Supportive care and notes"))
        view.right_tabs.setTabText(2, self.tr("Plan history"))
        self.save_action.setText(self.tr("Save plan"))
        self.care_plan_action.setText(self.tr("Care plan PDF"))
        self.handout_action.setText(self.tr("Patient handout"))
        view.start_edit.setDisplayFormat(date_format())
        self.steps_model.set_headers({"drug": self.tr("Drug"), "months": self.tr("Months")})
        for model in (
            self.alert_model,
            self.avoid_model,
            self.monitoring_model,
            self.history_model,
        ):
            model.relabel()
        self.steps_model.relabel()
        self._update_avoid_toggle()
        if self.session.evaluation is not None:
            self._show_evaluation(self.session.evaluation)
        else:
            self._update_choice()

    # --- showing ---------------------------------------------------------------------------

    def _reset_for_patient(self) -> None:
        has_patient = self.session.record is not None
        self.view.stack.setCurrentIndex(CONTENT_PAGE if has_patient else PLACEHOLDER_PAGE)
        self.view.start_edit.setDate(to_qdate(self.session.today()))
        self.view.reason_edit.clear()
        self.view.status_label.clear()
        self.steps_model.set_steps([])
        self._remembered_rank = None
        self.button_group.setExclusive(False)
        for button in self.button_group.buttons():
            button.setChecked(False)
        self.button_group.setExclusive(True)
        self._refresh_history()

    def _show_evaluation(self, evaluation: Evaluation) -> None:
        view = self.view
        previous = self.button_group.checkedId()
        if previous > 0:
            self._remembered_rank = previous
        self._remove_cards()
        avoided = evaluation.avoided_drugs
        for position, option in enumerate(evaluation.options):
            card = OptionCard(option)
            if option.rank == 1:
                card.radio.setText(self.tr("Option 1 (recommended)"))
            else:
                card.radio.setText(self.tr("Option {rank}").format(rank=option.rank))
            card.timeline.set_steps(
                option.steps, month_texts=self._month_texts(option.steps), avoided=avoided
            )
            card.reasons_label.setText(reasons_html(option.reasons))
            card.drug_clicked.connect(self._on_drug_clicked)
            self.button_group.addButton(card.radio, option.rank)
            view.options_layout.insertWidget(position, card)
            self.option_cards.append(card)
        view.no_options_label.setVisible(not evaluation.options)
        view.options_scroll.refit()
        view.options_scroll.refit_later()
        if previous == COMPOSED:
            view.compose_radio.setChecked(True)
        elif self._remembered_rank is not None and self.choose_option(self._remembered_rank):
            pass
        elif evaluation.options:
            self.choose_option(evaluation.options[0].rank)
        self.alert_model.set_alerts(evaluation.alerts)
        view.alerts_table.setVisible(bool(evaluation.alerts))
        view.no_alerts_label.setVisible(not evaluation.alerts)
        self.avoid_model.set_avoid(evaluation.avoid)
        self.monitoring_model.set_items(evaluation.monitoring)
        self.view.supportive_browser.setHtml(self._supportive_html(evaluation))
        self._update_avoid_toggle()
        record = self.session.record
        if record is not None:
            self._update_patient_label(record, evaluation)
        self._check_composed()
        self._update_choice()

    def _remove_cards(self) -> None:
        for card in self.option_cards:
            self.button_group.removeButton(card.radio)
            self.view.options_layout.removeWidget(card)
            # Hidden and unparented now: deleteLater only runs when the event loop next does.
            card.hide()
            card.setParent(None)
            card.deleteLater()
        self.option_cards = []

    def _month_texts(self, steps: tuple[Step, ...] | list[Step]) -> list[str]:
        texts = []
        start: int | None = 1
        for step in steps:
            if step.months is not None and start is not None:
                texts.append(
                    self.tr("months {first}–{last}").format(
                        first=start, last=start + step.months - 1
                    )
                )
                start += step.months
            elif step.months is not None:
                texts.append(self.tr("{months} months").format(months=step.months))
            elif start is not None and start > 1:
                texts.append(self.tr("from month {first}").format(first=start))
                start = None
            else:
                texts.append(self.tr("no fixed end"))
                start = None
        return texts

    def _supportive_html(self, evaluation: Evaluation) -> str:
        lang = ui_language()
        # tr() outside f-strings: lupdate does not look inside them.
        heading = self.tr("Supportive care (always)")
        parts = [f"<h3>{escape(heading)}</h3><ul>"]
        for item in evaluation.supportive:
            parts.append(f"<li>{escape(coded_sentence('supportive', item.code, {}, lang))}</li>")
        parts.append("</ul>")
        rheumatology = [
            n for n in evaluation.notes if n.code.startswith(RHEUMATOLOGY_NOTE_PREFIXES)
        ]
        others = [n for n in evaluation.notes if n not in rheumatology]
        for title, notes in (
            (self.tr("Rheumatology notes"), rheumatology),
            (self.tr("Notes"), others),
        ):
            if not notes:
                continue
            parts.append(f"<h3>{escape(title)}</h3><ul>")
            for note in notes:
                text = coded_sentence("note", note.code, note.params, lang)
                parts.append(
                    f"<li>{escape(text)} <span style='color:#666666'>"
                    f"[{escape(note.source)}]</span></li>"
                )
            parts.append("</ul>")
        return "".join(parts)

    def _update_patient_label(self, record: PatientRecord, evaluation: Evaluation) -> None:
        lang = ui_language()
        name = escape(record.name or self.tr("(no name)"))
        age = age_on(record.birth_date, evaluation.as_of)
        colour = RISK_COLOURS.get(evaluation.risk.category, "#000000")
        risk = escape(label("risk", evaluation.risk.category, lang))
        diagnosis = escape(label("diagnosis", evaluation.diagnosis.category, lang))
        state = escape(label("state", evaluation.treatment_state, lang))
        years = self.tr("{age} years").format(age=age)
        rules = self.tr("rules {version}").format(version=evaluation.rules_version)
        framework = label("framework", evaluation.framework, lang)
        self.view.patient_label.setText(
            f"<b>{name}</b> · {escape(years)} · {diagnosis} · "
            f"<span style='color:white; background-color:{colour}; font-weight:bold;'>"
            f"&nbsp;{risk}&nbsp;</span> · {state} · "
            f"<small>{escape(framework)}, {escape(rules)}</small>"
        )

    def _update_avoid_toggle(self) -> None:
        count = self.avoid_model.rowCount()
        self.view.avoid_toggle.setText(self.tr("Drugs to avoid ({count})").format(count=count))
        self.view.avoid_toggle.setEnabled(count > 0)

    def _refresh_history(self) -> None:
        patient_id = self.session.patient_id
        plans = self.session.plans.for_patient(patient_id) if patient_id is not None else []
        self.history_model.set_plans(plans)

    def _check_composed(self) -> None:
        evaluation, record = self.session.evaluation, self.session.record
        steps = self.steps_model.steps()
        if not self.is_composing or evaluation is None or record is None or not steps:
            self.regimen_warnings = ()
        else:
            self.regimen_warnings = check_regimen(evaluation, record, steps)
        lang = ui_language()
        if self.regimen_warnings:
            lines = "<br/>".join(
                f"⚠ {escape(coded_sentence('reason', r.code, r.params, lang))} "
                f"<span style='color:#666666'>[{escape(r.source)}]</span>"
                for r in self.regimen_warnings
            )
            self.view.warnings_label.setText(f"<span style='color:#8a4b00'>{lines}</span>")
        elif self.is_composing and steps:
            self.view.warnings_label.setText(
                escape(self.tr("No warnings: the regimen passes the safety checks."))
            )
        else:
            self.view.warnings_label.clear()
        avoided = evaluation.avoided_drugs if evaluation else frozenset()
        self.view.steps_table.setToolTip(
            self.tr("Avoided now: {drugs}").format(
                drugs=", ".join(label("drug", d) for d in sorted(avoided))
            )
            if avoided
            else ""
        )

    def _needs_reason(self) -> bool:
        return self.is_composing or (self.selected_rank is not None and self.selected_rank != 1)

    def _update_choice(self) -> None:
        view = self.view
        view.compose_body.setEnabled(self.is_composing)
        blocking = self.blocking_reason()
        can_save = blocking is None
        view.save_plan_button.setEnabled(can_save)
        self.save_action.setEnabled(can_save)
        evaluation = self.session.evaluation
        if blocking is not None:
            view.hint_label.setText(blocking)
            view.hint_label.setStyleSheet("color: #8a4b00;")
        elif evaluation is not None:
            view.hint_label.setText(
                self.tr(
                    "Saving keeps the plan with this evaluation ({framework}, rules {version})."
                ).format(
                    framework=label("framework", evaluation.framework),
                    version=evaluation.rules_version,
                )
            )
            view.hint_label.setStyleSheet("")
        has_patient = self.session.record is not None
        for widget in (view.care_plan_button, view.handout_button):
            widget.setEnabled(has_patient and self._job is None)
        for action in (self.care_plan_action, self.handout_action):
            action.setEnabled(has_patient and self._job is None)
        view.reason_label.setText(
            self.tr("&Reason for the choice (required):")
            if self._needs_reason()
            else self.tr("&Reason for the choice:")
        )

    def _set_busy(self, busy: bool) -> None:
        self.view.busy_bar.setVisible(busy)
        if busy:
            self.view.status_label.setText(self.tr("Preparing the document…"))
        self._update_choice()

    def _report_input(self) -> Any:
        from osteodesk.reports.data import ClinicInfo, ReportInput
        from osteodesk.storage.clinic import load_clinic_settings

        session = self.session
        assert session.record is not None
        assert session.evaluation is not None
        try:
            clinic_settings = load_clinic_settings()
            clinic = ClinicInfo(
                name=clinic_settings.name,
                department=clinic_settings.department,
                phone=clinic_settings.phone,
                address=clinic_settings.address,
                logo_path=clinic_settings.logo_path,
            )
        except StorageError:
            clinic = ClinicInfo()
        plan = session.plans.active(session.patient_id) if session.patient_id else None
        return ReportInput(
            record=session.record,
            evaluation=session.evaluation,
            plan=plan,
            clinic=clinic,
            lang=ui_language(),
            printed_on=session.today(),
            patient_number=str(session.patient_id) if session.patient_id else None,
        )

    # --- signals -----------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        session = self.session
        session.patient_opened.connect(self._on_session_patient_opened)
        session.patient_closed.connect(self._on_session_patient_closed)
        session.evaluation_changed.connect(self._on_session_evaluation_changed)
        session.plans_changed.connect(self._on_session_plans_changed)
        view = self.view
        self.button_group.idToggled.connect(self._on_button_group_id_toggled)
        view.reason_edit.textChanged.connect(self._update_choice)
        view.add_step_button.clicked.connect(self._on_add_step_button_clicked)
        view.remove_step_button.clicked.connect(self._on_remove_step_button_clicked)
        self.steps_model.rows_edited.connect(self._on_steps_model_rows_edited)
        view.save_plan_button.clicked.connect(self.save_plan)
        self.save_action.triggered.connect(self.save_plan)
        view.care_plan_button.clicked.connect(lambda: self.show_report("care_plan"))
        view.handout_button.clicked.connect(lambda: self.show_report("handout"))
        self.care_plan_action.triggered.connect(lambda: self.show_report("care_plan"))
        self.handout_action.triggered.connect(lambda: self.show_report("handout"))
        view.avoid_toggle.toggled.connect(self._on_avoid_toggle_toggled)
        view.avoid_table.clicked.connect(self._on_avoid_table_clicked)
        view.avoid_table.activated.connect(self._on_avoid_table_clicked)

    def _on_session_patient_opened(self, _patient_id: int) -> None:
        self._reset_for_patient()

    def _on_session_patient_closed(self) -> None:
        self._reset_for_patient()
        self._remove_cards()
        self._update_choice()

    def _on_session_evaluation_changed(self, evaluation: Any) -> None:
        if isinstance(evaluation, Evaluation):
            self.view.stack.setCurrentIndex(CONTENT_PAGE)
            self._show_evaluation(evaluation)

    def _on_session_plans_changed(self, _patient_id: int) -> None:
        self._refresh_history()

    def _on_button_group_id_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        if button_id == COMPOSED and not self.steps_model.rowCount():
            rank = self._remembered_rank
            steps = next((c.option.steps for c in self.option_cards if c.option.rank == rank), ())
            if not steps and self.option_cards:
                steps = self.option_cards[0].option.steps
            self.steps_model.set_steps(list(steps))
        elif button_id > 0:
            self._remembered_rank = button_id
        self._check_composed()
        self._update_choice()

    def _on_add_step_button_clicked(self) -> None:
        row = self.steps_model.add_row()
        self.view.steps_table.setCurrentIndex(self.steps_model.index(row, 0))

    def _on_remove_step_button_clicked(self) -> None:
        index = self.view.steps_table.currentIndex()
        row = index.row() if index.isValid() else self.steps_model.rowCount() - 1
        self.steps_model.remove_row(row)

    def _on_steps_model_rows_edited(self) -> None:
        self.steps_model.set_problems(self.steps_model.local_problems())
        self._check_composed()
        self._update_choice()

    def _on_avoid_toggle_toggled(self, checked: bool) -> None:
        self.view.avoid_table.setVisible(checked)
        self.view.avoid_toggle.setArrowType(
            Qt.ArrowType.DownArrow if checked else Qt.ArrowType.RightArrow
        )

    def _on_avoid_table_clicked(self, index: QModelIndex) -> None:
        drug = index.data(DrugRole)
        if index.column() == 0 and isinstance(drug, str):
            self._on_drug_clicked(drug)

    def _on_drug_clicked(self, drug: str) -> None:
        open_reference(self, drug)

    def _on_render_finished(self, kind: str, pdf: bytes) -> None:
        self._job = None
        self._set_busy(False)
        self.view.status_label.clear()
        record = self.session.record
        ident = (record.id if record else None) or str(self.session.patient_id or "")
        stem = "care-plan" if kind == "care_plan" else "handout"
        title = self.tr("Care plan") if kind == "care_plan" else self.tr("Patient handout")
        dialog = PdfPreviewDialog(
            pdf,
            title=title,
            file_name=f"{stem}-{ident}-{self.session.today().isoformat()}.pdf",
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.preview_dialog = dialog
        dialog.destroyed.connect(self._on_preview_destroyed)
        self.preview_opened.emit(dialog)

    def _on_preview_destroyed(self) -> None:
        self.preview_dialog = None

    def _on_render_failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.view.status_label.clear()
        QMessageBox.warning(
            self,
            self.tr("Printout"),
            self.tr("The document could not be made: {error}").format(error=message),
        )

    # Qt overrides ####

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = self.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            # The tab's shortcuts (Ctrl+S, Ctrl+P) reach it only while the focus is inside.
            target = self.option_cards[0].radio if self.option_cards else self.view.reason_edit
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _stretch(table: Any, column: int) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
