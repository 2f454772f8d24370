"""Layout of the Worklist tab: the day's filters, the actions, the list. No logic."""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

MAX_WITHIN_DAYS: Final = 365
# Initial column widths in digit widths: due date, status, patient, clinic id, what.
COLUMN_DIGITS: Final = {0: 12, 1: 11, 2: 18, 3: 14, 4: 40}
DEFAULT_WITHIN_DAYS: Final = 30


class WorklistView(QWidget):
    """The widgets of the Worklist tab (public: the controller connects and fills them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worklist_page")
        self.within_label = QLabel()
        self.within_spin = QSpinBox()
        self.within_spin.setObjectName("worklist_within")
        self.within_spin.setRange(0, MAX_WITHIN_DAYS)
        self.within_spin.setValue(DEFAULT_WITHIN_DAYS)
        self.within_label.setBuddy(self.within_spin)
        self.type_label = QLabel()
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("worklist_type")
        self.type_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.type_label.setBuddy(self.type_combo)
        self.show_snoozed_check = QCheckBox()
        self.show_snoozed_check.setObjectName("worklist_show_snoozed")

        self.open_button = QPushButton()
        self.open_button.setObjectName("worklist_open")
        self.done_button = QPushButton()
        self.done_button.setObjectName("worklist_done")
        self.snooze_button = QPushButton()
        self.snooze_button.setObjectName("worklist_snooze")
        self.print_button = QPushButton()
        self.print_button.setObjectName("worklist_print")
        self.export_button = QPushButton()
        self.export_button.setObjectName("worklist_export")
        self.calendar_button = QPushButton()
        self.calendar_button.setObjectName("worklist_calendar")

        self.table = QTableView()
        self.table.setObjectName("worklist_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)

        self.count_label = QLabel()
        self.count_label.setObjectName("worklist_counts")

        filters = QHBoxLayout()
        filters.addWidget(self.within_label)
        filters.addWidget(self.within_spin)
        filters.addSpacing(12)
        filters.addWidget(self.type_label)
        filters.addWidget(self.type_combo)
        filters.addSpacing(12)
        filters.addWidget(self.show_snoozed_check)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (
            self.open_button,
            self.done_button,
            self.snooze_button,
            self.print_button,
            self.export_button,
            self.calendar_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        QWidget.setTabOrder(self.within_spin, self.type_combo)
        QWidget.setTabOrder(self.type_combo, self.show_snoozed_check)
        QWidget.setTabOrder(self.show_snoozed_check, self.table)
        QWidget.setTabOrder(self.table, self.open_button)

    def size_columns(self) -> None:
        """Initial column widths (call once the table has its model).

        From the font, not from the contents: sizing to contents would measure every one of
        tens of thousands of rows.
        """
        header = self.table.horizontalHeader()
        digit = self.table.fontMetrics().horizontalAdvance("0")
        for column, digits in COLUMN_DIGITS.items():
            header.resizeSection(column, digit * digits)

    def retranslate_ui(self) -> None:
        """Every label in the interface language."""
        self.within_label.setText(self.tr("Due &within:"))
        self.within_spin.setSuffix(self.tr(" days"))
        self.type_label.setText(self.tr("&Type:"))
        self.show_snoozed_check.setText(self.tr("Show &snoozed"))
        self.open_button.setText(self.tr("&Open patient"))
        self.done_button.setText(self.tr("&Done…"))
        self.snooze_button.setText(self.tr("S&nooze…"))
        self.print_button.setText(self.tr("&Print…"))
        self.export_button.setText(self.tr("Export &CSV…"))
        self.calendar_button.setText(self.tr("Patient &calendar (.ics)…"))
        self.calendar_button.setToolTip(
            self.tr("Save the selected patient's schedule as a calendar file for a phone")
        )
