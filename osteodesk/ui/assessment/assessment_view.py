"""Layout of the Assessment tab: the data tables on the left, the live evaluation on the right.

Only widgets and layout here (style.md B5); `AssessmentTab` holds the logic and the text.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk.ui.assessment.trend_chart import TrendChart

PLACEHOLDER_PAGE, CONTENT_PAGE = range(2)
MIN_TABLE_HEIGHT = 56  # a header and a row: small windows shrink tables, not the window
REASONS_MAX_HEIGHT = 190  # longer lists of reasons scroll


def data_table(name: str) -> QTableView:
    """An editable table: whole rows selected, edits start on typing or double-click."""
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(False)
    table.setMinimumHeight(MIN_TABLE_HEIGHT)
    return table


class FitTableView(QTableView):
    """A read-only table as tall as its rows (up to `max_fit_height`), so short lists of reasons
    leave their room to the lists that need it; longer lists scroll."""

    def __init__(self, max_fit_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_fit_height = max_fit_height
        self._fitted_width = -1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def fit(self) -> None:
        """The rows changed: ask the layout for a new height."""
        self.updateGeometry()

    @override
    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.fit)
            model.rowsInserted.connect(self.fit)
            model.rowsRemoved.connect(self.fit)

    @override
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        frame = 2 * self.frameWidth()
        content = self.horizontalHeader().height() + self.verticalHeader().length() + frame
        return QSize(hint.width(), max(MIN_TABLE_HEIGHT, min(content, self.max_fit_height)))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), MIN_TABLE_HEIGHT)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped rows change height with the width: refit when the width changes only.
        if event.size().width() != self._fitted_width:
            self._fitted_width = event.size().width()
            QTimer.singleShot(0, self.fit)


def text_table(name: str, max_fit_height: int = 10_000) -> QTableView:
    """A read-only table whose text wraps; as tall as its rows, up to `max_fit_height`."""
    table = FitTableView(max_fit_height)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setMinimumHeight(MIN_TABLE_HEIGHT)
    return table


def row_buttons(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons in a row, pushed to the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class AssessmentView(QWidget):
    """Widgets of the Assessment tab as public attributes; no behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.placeholder_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.placeholder_label.setWordWrap(True)
        self.stack.addWidget(self.placeholder_label)
        self.stack.addWidget(self._content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _content(self) -> QWidget:
        content = QWidget()
        self.patient_label = QLabel()
        self.patient_label.setObjectName("assessment_patient_label")
        self.patient_label.setTextFormat(Qt.TextFormat.RichText)
        self.unsaved_label = QLabel()
        self.unsaved_label.setObjectName("unsaved_label")
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_record_button")
        header = QHBoxLayout()
        header.addWidget(self.patient_label, 1)
        header.addWidget(self.unsaved_label)
        header.addWidget(self.save_button)

        self.problem_label = QLabel()
        self.problem_label.setObjectName("problem_label")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._data_tabs())
        # In a scroll area, so a small window scrolls the panel instead of growing.
        panel_scroll = QScrollArea()
        panel_scroll.setObjectName("evaluation_scroll")
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel_scroll.setWidget(self._evaluation_panel())
        splitter.addWidget(panel_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 520])
        self.splitter = splitter

        layout = QVBoxLayout(content)
        layout.addLayout(header)
        layout.addWidget(self.problem_label)
        layout.addWidget(splitter, 1)
        return content

    def _data_tabs(self) -> QTabWidget:
        self.data_tabs = QTabWidget()
        self.data_tabs.setObjectName("assessment_data_tabs")

        dxa_page = QWidget()
        self.dxa_table = data_table("dxa_table")
        self.add_dxa_button = QPushButton()
        self.remove_dxa_button = QPushButton()
        self.trend_chart = TrendChart()
        dxa_split = QSplitter(Qt.Orientation.Vertical)
        dxa_top = QWidget()
        dxa_top_layout = QVBoxLayout(dxa_top)
        dxa_top_layout.setContentsMargins(0, 0, 0, 0)
        dxa_top_layout.addWidget(self.dxa_table)
        dxa_top_layout.addLayout(row_buttons(self.add_dxa_button, self.remove_dxa_button))
        dxa_split.addWidget(dxa_top)
        dxa_split.addWidget(self.trend_chart)
        dxa_split.setSizes([260, 300])
        dxa_layout = QVBoxLayout(dxa_page)
        dxa_layout.addWidget(dxa_split)

        labs_page = QWidget()
        self.lab_table = data_table("lab_table")
        self.add_lab_button = QPushButton()
        self.remove_lab_button = QPushButton()
        self.lab_note_label = QLabel()
        self.lab_note_label.setWordWrap(True)
        labs_layout = QVBoxLayout(labs_page)
        labs_layout.addWidget(self.lab_table, 1)
        labs_layout.addLayout(row_buttons(self.add_lab_button, self.remove_lab_button))
        labs_layout.addWidget(self.lab_note_label)

        frax_page = QWidget()
        self.frax_table = data_table("frax_table")
        self.add_frax_button = QPushButton()
        self.remove_frax_button = QPushButton()
        self.frax_adjusted_box = QGroupBox()
        self.frax_adjusted_label = QLabel()
        self.frax_adjusted_label.setObjectName("frax_adjusted_label")
        self.frax_adjusted_label.setWordWrap(True)
        self.frax_adjusted_label.setTextFormat(Qt.TextFormat.RichText)
        adjusted_layout = QVBoxLayout(self.frax_adjusted_box)
        adjusted_layout.addWidget(self.frax_adjusted_label)
        self.frax_note_label = QLabel()
        self.frax_note_label.setWordWrap(True)
        frax_layout = QVBoxLayout(frax_page)
        frax_layout.addWidget(self.frax_table, 1)
        frax_layout.addLayout(row_buttons(self.add_frax_button, self.remove_frax_button))
        frax_layout.addWidget(self.frax_adjusted_box)
        frax_layout.addWidget(self.frax_note_label)

        self.data_tabs.addTab(dxa_page, "")
        self.data_tabs.addTab(labs_page, "")
        self.data_tabs.addTab(frax_page, "")
        return self.data_tabs

    def _evaluation_panel(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("evaluation_panel")

        self.framework_label = QLabel()
        self.framework_combo = QComboBox()
        self.framework_combo.setObjectName("framework_combo")
        self.framework_label.setBuddy(self.framework_combo)
        framework_row = QHBoxLayout()
        framework_row.addWidget(self.framework_label)
        framework_row.addWidget(self.framework_combo, 1)

        self.diagnosis_box = QGroupBox()
        self.diagnosis_value_label = QLabel()
        self.diagnosis_value_label.setObjectName("diagnosis_value_label")
        self.diagnosis_value_label.setWordWrap(True)
        self.diagnosis_table = text_table("diagnosis_reasons_table", REASONS_MAX_HEIGHT)
        diagnosis_layout = QVBoxLayout(self.diagnosis_box)
        diagnosis_layout.addWidget(self.diagnosis_value_label)
        diagnosis_layout.addWidget(self.diagnosis_table)

        self.risk_box = QGroupBox()
        self.risk_value_label = QLabel()
        self.risk_value_label.setObjectName("risk_value_label")
        self.risk_value_label.setWordWrap(True)
        self.risk_value_label.setTextFormat(Qt.TextFormat.RichText)
        self.risk_table = text_table("risk_reasons_table", REASONS_MAX_HEIGHT)
        risk_layout = QVBoxLayout(self.risk_box)
        risk_layout.addWidget(self.risk_value_label)
        risk_layout.addWidget(self.risk_table)

        self.scores_box = QGroupBox()
        self.scores_label = QLabel()
        self.scores_label.setObjectName("scores_label")
        self.scores_label.setWordWrap(True)
        self.scores_label.setTextFormat(Qt.TextFormat.RichText)
        scores_layout = QVBoxLayout(self.scores_box)
        scores_layout.addWidget(self.scores_label)

        self.alerts_box = QGroupBox()
        self.alerts_table = text_table("assessment_alerts_table")
        self.no_alerts_label = QLabel()
        alerts_layout = QVBoxLayout(self.alerts_box)
        alerts_layout.addWidget(self.alerts_table)
        alerts_layout.addWidget(self.no_alerts_label)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(framework_row)
        layout.addWidget(self.diagnosis_box)
        layout.addWidget(self.risk_box)
        layout.addWidget(self.scores_box)
        layout.addWidget(self.alerts_box)
        layout.addStretch(1)
        return panel
