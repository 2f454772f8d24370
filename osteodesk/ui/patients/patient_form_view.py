"""Layout of the patient form: widgets as public attributes, no logic (style.md B5).

The controller (`patient_form.PatientForm`) fills, reads and validates these widgets. The form
scrolls; its header (title, problems, buttons) stays in view.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from osteodesk.core import codes
from osteodesk.core.record import FALLS_RANGE
from osteodesk.ui.assessment.assessment_view import row_buttons
from osteodesk.ui.i18n import LANGUAGE_NAMES
from osteodesk.ui.patients.date_edit import DateLineEdit
from osteodesk.ui.patients.labels import catalogue_label, drug_label

# The first value of a number box stands for "not known" and shows blank.
BLANK_YEAR = 1899
LATEST_YEAR = 2100
TABLE_HEIGHT = 150
TABLE_MIN_COLUMN_WIDTH = 90
DOSE_TABLE_WIDTH = 200
CONDITION_COLUMNS = 3


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _date_edit(name: str) -> DateLineEdit:
    edit = DateLineEdit()
    edit.setObjectName(name)
    return edit


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.setTabKeyNavigation(False)  # Tab leaves the table: the form stays keyboard-friendly
    table.setMinimumHeight(TABLE_HEIGHT)
    table.setMaximumHeight(TABLE_HEIGHT)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setMinimumSectionSize(TABLE_MIN_COLUMN_WIDTH)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


class PatientFormView(QWidget):
    """Every field of the record a clinician keeps on the Patients tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patient_form")

        # Header: title, problem summary, actions.
        self.title_label = _named(QLabel(), "form_title")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        # A long name must not widen the window: the title is cut instead.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_button = _named(QPushButton(), "form_back")
        self.revert_button = _named(QPushButton(), "form_revert")
        self.save_button = _named(QPushButton(), "form_save")
        self.save_button.setDefault(True)
        self.problems_label = _named(QLabel(), "form_problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b71c1c;")
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Identity and contact.
        self.name_edit = _named(QLineEdit(), "name_edit")
        self.clinic_id_edit = _named(QLineEdit(), "clinic_id_edit")
        self.phone_edit = _named(QLineEdit(), "phone_edit")
        self.language_combo = _named(QComboBox(), "language_combo")
        for code in (None, *codes.LANGUAGES):
            self.language_combo.addItem(LANGUAGE_NAMES.get(code or "", ""), code)
        self.name_label = QLabel()
        self.clinic_id_label = QLabel()
        self.phone_label = QLabel()
        self.language_label = QLabel()
        self.identity_box = QGroupBox()
        identity = QFormLayout(self.identity_box)
        for label, field in (
            (self.name_label, self.name_edit),
            (self.clinic_id_label, self.clinic_id_edit),
            (self.phone_label, self.phone_edit),
            (self.language_label, self.language_combo),
        ):
            label.setBuddy(field)
            identity.addRow(label, field)

        # Body: sex, age, menopause, weight, height.
        self.sex_combo = _named(QComboBox(), "sex_combo")
        for code in (None, *codes.SEXES):
            self.sex_combo.addItem("", code)
        self.birth_date_edit = _date_edit("birth_date_edit")
        self.age_label = _named(QLabel(), "age_label")
        self.menopausal_combo = _named(QComboBox(), "menopausal_combo")
        for code in (None, *codes.MENOPAUSAL_STATUSES):
            self.menopausal_combo.addItem("", code)
        self.menopause_year_spin = _named(QSpinBox(), "menopause_year_spin")
        self.menopause_year_spin.setRange(BLANK_YEAR, LATEST_YEAR)
        self.menopause_year_spin.setSpecialValueText(" ")
        self.menopause_year_spin.setGroupSeparatorShown(False)
        self.weight_edit = _named(QLineEdit(), "weight_edit")
        self.height_edit = _named(QLineEdit(), "height_edit")
        self.bmi_label = _named(QLabel(), "bmi_label")
        self.sex_label = QLabel()
        self.birth_date_label = QLabel()
        self.menopausal_label = QLabel()
        self.menopause_year_label = QLabel()
        self.weight_label = QLabel()
        self.height_label = QLabel()
        self.weight_unit_label = QLabel("kg")
        self.height_unit_label = QLabel("cm")
        birth_row = QHBoxLayout()
        birth_row.addWidget(self.birth_date_edit, 1)
        birth_row.addWidget(self.age_label)
        weight_row = QHBoxLayout()
        weight_row.addWidget(self.weight_edit, 1)
        weight_row.addWidget(self.weight_unit_label)
        height_row = QHBoxLayout()
        height_row.addWidget(self.height_edit, 1)
        height_row.addWidget(self.height_unit_label)
        height_row.addWidget(self.bmi_label)
        self.body_box = QGroupBox()
        body = QFormLayout(self.body_box)
        body.addRow(self.sex_label, self.sex_combo)
        body.addRow(self.birth_date_label, birth_row)
        body.addRow(self.menopausal_label, self.menopausal_combo)
        body.addRow(self.menopause_year_label, self.menopause_year_spin)
        body.addRow(self.weight_label, weight_row)
        body.addRow(self.height_label, height_row)
        buddies: tuple[tuple[QLabel, QWidget], ...] = (
            (self.sex_label, self.sex_combo),
            (self.birth_date_label, self.birth_date_edit),
            (self.menopausal_label, self.menopausal_combo),
            (self.menopause_year_label, self.menopause_year_spin),
            (self.weight_label, self.weight_edit),
            (self.height_label, self.height_edit),
        )
        for label, buddy in buddies:
            label.setBuddy(buddy)

        # Falls and glucocorticoids.
        self.falls_spin = _named(QSpinBox(), "falls_spin")
        self.falls_spin.setRange(FALLS_RANGE[0] - 1, FALLS_RANGE[1])
        self.falls_spin.setSpecialValueText(" ")
        self.falls_label = QLabel()
        self.falls_label.setBuddy(self.falls_spin)
        self.glucocorticoid_box = _named(QGroupBox(), "glucocorticoid_box")
        self.glucocorticoid_box.setCheckable(True)
        self.glucocorticoid_box.setChecked(False)
        self.gc_dose_edit = _named(QLineEdit(), "gc_dose_edit")
        self.gc_dose_unit_label = QLabel("mg/d")
        self.gc_start_edit = _date_edit("gc_start_edit")
        self.gc_ongoing_check = _named(QCheckBox(), "gc_ongoing_check")
        self.gc_end_edit = _date_edit("gc_end_edit")
        self.gc_dose_label = QLabel()
        self.gc_start_label = QLabel()
        self.gc_end_label = QLabel()
        dose_row = QHBoxLayout()
        dose_row.addWidget(self.gc_dose_edit, 1)
        dose_row.addWidget(self.gc_dose_unit_label)
        end_row = QHBoxLayout()
        end_row.addWidget(self.gc_ongoing_check)
        end_row.addWidget(self.gc_end_edit, 1)
        gc_form = QFormLayout(self.glucocorticoid_box)
        gc_form.addRow(self.gc_dose_label, dose_row)
        gc_form.addRow(self.gc_start_label, self.gc_start_edit)
        gc_form.addRow(self.gc_end_label, end_row)
        self.gc_dose_label.setBuddy(self.gc_dose_edit)
        self.gc_start_label.setBuddy(self.gc_start_edit)
        self.gc_end_label.setBuddy(self.gc_end_edit)
        self.risk_box = QGroupBox()
        risk = QVBoxLayout(self.risk_box)
        falls_row = QHBoxLayout()
        falls_row.addWidget(self.falls_label)
        falls_row.addWidget(self.falls_spin)
        falls_row.addStretch(1)
        risk.addLayout(falls_row)
        risk.addWidget(self.glucocorticoid_box)
        risk.addStretch(1)

        # Allergies: one check box per osteoporosis drug.
        self.allergies_box = _named(QGroupBox(), "allergies_box")
        allergies = QGridLayout(self.allergies_box)
        self.allergy_checks: dict[str, QCheckBox] = {}
        for number, drug in enumerate(codes.OSTEOPOROSIS_DRUGS):
            check = _named(QCheckBox(), f"allergy_{drug}")
            self.allergy_checks[drug] = check
            allergies.addWidget(check, number // 2, number % 2)

        # Conditions: grouped check boxes.
        self.conditions_box = _named(QGroupBox(), "conditions_box")
        conditions = QGridLayout(self.conditions_box)
        self.condition_group_boxes: dict[str, QGroupBox] = {}
        self.condition_checks: dict[str, QCheckBox] = {}
        for number, (group, members) in enumerate(codes.CONDITION_GROUPS.items()):
            box = _named(QGroupBox(), f"condition_group_{group}")
            column = QVBoxLayout(box)
            for code in members:
                check = _named(QCheckBox(), f"condition_{code}")
                self.condition_checks[code] = check
                column.addWidget(check)
            column.addStretch(1)
            self.condition_group_boxes[group] = box
            conditions.addWidget(box, number // CONDITION_COLUMNS, number % CONDITION_COLUMNS)

        # Fractures, events, treatments (with doses), biologics.
        self.fractures_table = _table("fractures_table")
        self.fracture_add_button = _named(QPushButton(), "fracture_add")
        self.fracture_remove_button = _named(QPushButton(), "fracture_remove")
        self.fractures_box = _named(QGroupBox(), "fractures_box")
        fractures = QVBoxLayout(self.fractures_box)
        fractures.addWidget(self.fractures_table)
        fractures.addLayout(row_buttons(self.fracture_add_button, self.fracture_remove_button))

        self.events_table = _table("events_table")
        self.event_add_button = _named(QPushButton(), "event_add")
        self.event_remove_button = _named(QPushButton(), "event_remove")
        self.events_box = _named(QGroupBox(), "events_box")
        events = QVBoxLayout(self.events_box)
        events.addWidget(self.events_table)
        events.addLayout(row_buttons(self.event_add_button, self.event_remove_button))

        self.treatments_table = _table("treatments_table")
        self.treatment_add_button = _named(QPushButton(), "treatment_add")
        self.treatment_remove_button = _named(QPushButton(), "treatment_remove")
        self.doses_table = _table("doses_table")
        self.doses_table.setFixedWidth(DOSE_TABLE_WIDTH)
        self.doses_label = _named(QLabel(), "doses_label")
        self.doses_label.setWordWrap(True)
        self.dose_add_button = _named(QPushButton(), "dose_add")
        self.dose_remove_button = _named(QPushButton(), "dose_remove")
        self.product_hint_label = _named(QLabel(), "product_hint")
        self.product_hint_label.setWordWrap(True)
        self.treatments_box = _named(QGroupBox(), "treatments_box")
        treatments = QGridLayout(self.treatments_box)
        treatments.addWidget(self.treatments_table, 0, 0)
        doses_column = QVBoxLayout()
        doses_column.addWidget(self.doses_label)
        doses_column.addWidget(self.doses_table)
        doses_buttons = QHBoxLayout()
        doses_buttons.addWidget(self.dose_add_button)
        doses_buttons.addWidget(self.dose_remove_button)
        doses_column.addLayout(doses_buttons)
        treatments.addLayout(doses_column, 0, 1, 2, 1)
        treatment_buttons = row_buttons(self.treatment_add_button, self.treatment_remove_button)
        treatment_buttons.addWidget(self.product_hint_label, 2)
        treatments.addLayout(treatment_buttons, 1, 0)
        treatments.setColumnStretch(0, 1)

        self.biologics_table = _table("biologics_table")
        self.biologic_add_button = _named(QPushButton(), "biologic_add")
        self.biologic_remove_button = _named(QPushButton(), "biologic_remove")
        self.biologics_box = _named(QGroupBox(), "biologics_box")
        biologics = QVBoxLayout(self.biologics_box)
        biologics.addWidget(self.biologics_table)
        biologics.addLayout(row_buttons(self.biologic_add_button, self.biologic_remove_button))

        self.notes_edit = _named(QPlainTextEdit(), "notes_edit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(TABLE_HEIGHT)
        self.notes_box = _named(QGroupBox(), "notes_box")
        notes = QVBoxLayout(self.notes_box)
        notes.addWidget(self.notes_edit)

        # The page: two columns in a scroll area, the header above it.
        content = _named(QWidget(), "form_content")
        grid = QGridLayout(content)
        grid.addWidget(self.identity_box, 0, 0)
        grid.addWidget(self.body_box, 0, 1)
        grid.addWidget(self.risk_box, 1, 0)
        grid.addWidget(self.allergies_box, 1, 1)
        grid.addWidget(self.conditions_box, 2, 0, 1, 2)
        grid.addWidget(self.fractures_box, 3, 0)
        grid.addWidget(self.events_box, 3, 1)
        grid.addWidget(self.treatments_box, 4, 0, 1, 2)
        grid.addWidget(self.biologics_box, 5, 0)
        grid.addWidget(self.notes_box, 5, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.scroll_area = _named(QScrollArea(), "form_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.revert_button)
        header.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.scroll_area, 1)
        self.problems_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._set_tab_order()

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [
            self.name_edit,
            self.clinic_id_edit,
            self.phone_edit,
            self.language_combo,
            self.sex_combo,
            self.birth_date_edit,
            self.menopausal_combo,
            self.menopause_year_spin,
            self.weight_edit,
            self.height_edit,
            self.falls_spin,
            self.glucocorticoid_box,
            self.gc_dose_edit,
            self.gc_start_edit,
            self.gc_ongoing_check,
            self.gc_end_edit,
            *self.allergy_checks.values(),
            *self.condition_checks.values(),
            self.fractures_table,
            self.fracture_add_button,
            self.fracture_remove_button,
            self.events_table,
            self.event_add_button,
            self.event_remove_button,
            self.treatments_table,
            self.treatment_add_button,
            self.treatment_remove_button,
            self.doses_table,
            self.dose_add_button,
            self.dose_remove_button,
            self.biologics_table,
            self.biologic_add_button,
            self.biologic_remove_button,
            self.notes_edit,
            self.save_button,
            self.revert_button,
            self.back_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def retranslate_ui(self, language: str) -> None:
        """Every label in the interface language (`language` for the catalogue words)."""
        self.back_button.setText(self.tr("← Patient list"))
        self.revert_button.setText(self.tr("&Discard changes"))
        self.save_button.setText(self.tr("&Save"))

        self.identity_box.setTitle(self.tr("Identity and contact"))
        self.name_label.setText(self.tr("&Name"))
        self.clinic_id_label.setText(self.tr("Clinic &ID"))
        self.phone_label.setText(self.tr("&Phone"))
        self.language_label.setText(self.tr("Handout &language"))
        self.body_box.setTitle(self.tr("Sex, age and body"))
        self.sex_label.setText(self.tr("Se&x"))
        self.birth_date_label.setText(self.tr("&Birth date"))
        self.menopausal_label.setText(self.tr("&Menopause"))
        self.menopause_year_label.setText(self.tr("Menopause &year"))
        sexes = {"female": self.tr("Female"), "male": self.tr("Male")}
        for index in range(1, self.sex_combo.count()):
            self.sex_combo.setItemText(index, sexes[self.sex_combo.itemData(index)])
        statuses = {
            "pre": self.tr("Premenopausal"),
            "peri": self.tr("Perimenopausal"),
            "post": self.tr("Postmenopausal"),
        }
        for index in range(1, self.menopausal_combo.count()):
            self.menopausal_combo.setItemText(
                index, statuses[self.menopausal_combo.itemData(index)]
            )
        self.weight_label.setText(self.tr("&Weight"))
        self.height_label.setText(self.tr("&Height"))
        self.risk_box.setTitle(self.tr("Falls and glucocorticoids"))
        self.falls_label.setText(self.tr("&Falls in the past year"))
        self.glucocorticoid_box.setTitle(self.tr("&Glucocorticoid course"))
        self.gc_dose_label.setText(self.tr("Dose (prednisone equivalent)"))
        self.gc_start_label.setText(self.tr("Started"))
        for date_edit in (self.birth_date_edit, self.gc_start_edit, self.gc_end_edit):
            date_edit.retranslate_ui()
        self.gc_end_label.setText(self.tr("Ended"))
        self.gc_ongoing_check.setText(self.tr("Ongoing"))
        self.allergies_box.setTitle(self.tr("Allergies and intolerances"))
        for drug, check in self.allergy_checks.items():
            check.setText(drug_label(drug, language))
        self.conditions_box.setTitle(self.tr("Conditions"))
        for group, box in self.condition_group_boxes.items():
            box.setTitle(catalogue_label(f"condition_group.{group}", language))
        for code, check in self.condition_checks.items():
            check.setText(catalogue_label(f"condition.{code}", language))
        self.fractures_box.setTitle(self.tr("Fracture history"))
        self.events_box.setTitle(self.tr("Cardiovascular and thrombotic events"))
        self.treatments_box.setTitle(self.tr("Osteoporosis treatment history"))
        self.doses_label.setText(self.tr("Doses of the selected treatment"))
        self.biologics_box.setTitle(self.tr("Rheumatology drugs"))
        self.notes_box.setTitle(self.tr("Notes"))
        for add, remove in (
            (self.fracture_add_button, self.fracture_remove_button),
            (self.event_add_button, self.event_remove_button),
            (self.treatment_add_button, self.treatment_remove_button),
            (self.dose_add_button, self.dose_remove_button),
            (self.biologic_add_button, self.biologic_remove_button),
        ):
            add.setText(self.tr("Add"))
            remove.setText(self.tr("Remove"))
