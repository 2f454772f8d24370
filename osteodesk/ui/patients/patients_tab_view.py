"""Layout of the patient list page: search box, actions, undo bar, the list. No logic."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

SEARCH_MIN_WIDTH = 240


class PatientListView(QWidget):
    """The list page of the Patients tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patient_list_page")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("patient_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.show_archived_check = QCheckBox()
        self.show_archived_check.setObjectName("show_archived")
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_patient")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_patient")
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_patient")
        self.archive_button = QPushButton()
        self.archive_button.setObjectName("archive_patient")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete_patient")

        self.undo_label = QLabel()
        self.undo_label.setObjectName("undo_label")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo_archive")
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undo_bar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        undo = QHBoxLayout(self.undo_bar)
        undo.setContentsMargins(8, 2, 8, 2)
        undo.addWidget(self.undo_label, 1)
        undo.addWidget(self.undo_button)
        self.undo_bar.hide()

        self.list_view = QTableView()
        self.list_view.setObjectName("patient_list")
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(False)
        self.list_view.setTabKeyNavigation(False)
        self.list_view.verticalHeader().hide()
        self.list_view.verticalHeader().setDefaultSectionSize(
            self.list_view.fontMetrics().height() + 8
        )
        header = self.list_view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)

        self.count_label = QLabel()
        self.count_label.setObjectName("patient_count")

        # Two rows, so the window can still be made narrow (640 px) in either language.
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.show_archived_check)
        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.open_button,
            self.edit_button,
            self.archive_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.count_label)

        QWidget.setTabOrder(self.search_edit, self.list_view)
        QWidget.setTabOrder(self.list_view, self.show_archived_check)
        QWidget.setTabOrder(self.show_archived_check, self.new_button)
        QWidget.setTabOrder(self.new_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.archive_button)
        QWidget.setTabOrder(self.archive_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.undo_button)

    def retranslate_ui(self) -> None:
        """Every label in the interface language."""
        self.search_edit.setPlaceholderText(
            self.tr("Find: name, pinyin, initials, ID, phone or birth date (Ctrl+F)")
        )
        self.show_archived_check.setText(self.tr("Show &archived"))
        self.new_button.setText(self.tr("&New patient"))
        self.open_button.setText(self.tr("&Open"))
        self.edit_button.setText(self.tr("Ed&it"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.undo_button.setText(self.tr("&Undo"))
