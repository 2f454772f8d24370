"""Layout of the Plan tab: options and the choice on the left, what goes with them on the right.

Only widgets and layout here (style.md B5); `PlanTab` holds the logic and the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk.ui.assessment.assessment_view import data_table, row_buttons, text_table

PLACEHOLDER_PAGE, CONTENT_PAGE = range(2)
ALERTS_MAX_HEIGHT = 210  # longer lists scroll, the schedule below keeps its room
MAX_REASON_LENGTH = 500  # a sentence or two; the plans table has no limit


class FittingScrollArea(QScrollArea):
    """A scroll area whose content gets the height its wrapped text needs at the current width.

    QScrollArea sizes a resizable widget from its minimum size hint, which ignores word-wrapped
    labels' height-for-width; without this the option cards are squeezed and overlap.
    """

    def refit(self) -> None:
        """Give the content the height it needs at the viewport's width."""
        content = self.widget()
        if content is None:
            return
        layout = content.layout()
        if layout is not None:
            layout.activate()
        if content.hasHeightForWidth():
            content.setMinimumHeight(content.heightForWidth(self.viewport().width()))

    def refit_later(self) -> None:
        """Refit once the layouts have settled (after cards were added or removed)."""
        QTimer.singleShot(0, self.refit)

    @override
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refit_later()
        return super().viewportEvent(event)


class PlanView(QWidget):
    """Widgets of the Plan tab as public attributes; no behaviour."""

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
        self.patient_label.setObjectName("plan_patient_label")
        self.patient_label.setTextFormat(Qt.TextFormat.RichText)
        self.patient_label.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._left())
        splitter.addWidget(self._right())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 540])
        self.splitter = splitter
        layout = QVBoxLayout(content)
        layout.addWidget(self.patient_label)
        layout.addWidget(splitter, 1)
        return content

    def _left(self) -> QWidget:
        left = QWidget()
        self.options_box = QGroupBox()
        self.options_container = QWidget()
        self.options_layout = QVBoxLayout(self.options_container)
        self.options_layout.setContentsMargins(0, 0, 0, 0)
        self.no_options_label = QLabel()
        self.no_options_label.setObjectName("no_options_label")
        self.no_options_label.setWordWrap(True)
        self.options_layout.addWidget(self.no_options_label)
        self.compose_card = self._compose_card()
        self.options_layout.addWidget(self.compose_card)
        self.options_layout.addStretch(1)
        scroll = FittingScrollArea()
        scroll.setObjectName("options_scroll")
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.options_container)
        self.options_scroll = scroll
        options_layout = QVBoxLayout(self.options_box)
        options_layout.addWidget(scroll)

        self.choice_box = QGroupBox()
        self.start_label = QLabel()
        self.start_edit = QDateEdit()
        self.start_edit.setObjectName("start_date_edit")
        self.start_edit.setCalendarPopup(True)
        self.start_label.setBuddy(self.start_edit)
        self.reason_label = QLabel()
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("override_reason_edit")
        self.reason_edit.setMaxLength(MAX_REASON_LENGTH)
        self.reason_label.setBuddy(self.reason_edit)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("plan_hint_label")
        self.hint_label.setWordWrap(True)
        self.save_plan_button = QPushButton()
        self.save_plan_button.setObjectName("save_plan_button")
        self.care_plan_button = QPushButton()
        self.care_plan_button.setObjectName("care_plan_button")
        self.handout_button = QPushButton()
        self.handout_button.setObjectName("handout_button")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("render_busy_bar")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("plan_status_label")
        self.status_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.start_label, self.start_edit)
        form.addRow(self.reason_label, self.reason_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_plan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.busy_bar)
        buttons.addWidget(self.care_plan_button)
        buttons.addWidget(self.handout_button)
        choice_layout = QVBoxLayout(self.choice_box)
        choice_layout.addLayout(form)
        choice_layout.addWidget(self.hint_label)
        choice_layout.addLayout(buttons)
        choice_layout.addWidget(self.status_label)

        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.options_box, 1)
        layout.addWidget(self.choice_box)
        return left

    def _compose_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("compose_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        self.compose_radio = QRadioButton()
        self.compose_radio.setObjectName("compose_radio")
        self.steps_table = data_table("steps_table")
        self.steps_table.setMaximumHeight(130)
        self.steps_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.add_step_button = QPushButton()
        self.remove_step_button = QPushButton()
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("regimen_warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.RichText)
        self.compose_body = QWidget()
        body = QVBoxLayout(self.compose_body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.steps_table)
        body.addLayout(row_buttons(self.add_step_button, self.remove_step_button))
        body.addWidget(self.warnings_label)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.compose_radio)
        layout.addWidget(self.compose_body)
        return card

    def _right(self) -> QWidget:
        right = QWidget()
        self.alerts_box = QGroupBox()
        self.alerts_table = text_table("plan_alerts_table", ALERTS_MAX_HEIGHT)
        self.no_alerts_label = QLabel()
        alerts_layout = QVBoxLayout(self.alerts_box)
        alerts_layout.addWidget(self.alerts_table)
        alerts_layout.addWidget(self.no_alerts_label)

        self.avoid_toggle = QToolButton()
        self.avoid_toggle.setObjectName("avoid_toggle")
        self.avoid_toggle.setCheckable(True)
        self.avoid_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.avoid_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.avoid_toggle.setAutoRaise(True)
        self.avoid_table = text_table("avoid_table", ALERTS_MAX_HEIGHT)
        self.avoid_table.hide()

        self.right_tabs = QTabWidget()
        self.right_tabs.setObjectName("plan_right_tabs")
        self.monitoring_table = text_table("monitoring_table")
        self.supportive_browser = QTextBrowser()
        self.supportive_browser.setObjectName("supportive_browser")
        self.history_table: QTableView = text_table("history_table")
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.right_tabs.addTab(self.monitoring_table, "")
        self.right_tabs.addTab(self.supportive_browser, "")
        self.right_tabs.addTab(self.history_table, "")

        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.alerts_box)
        layout.addWidget(self.avoid_toggle)
        layout.addWidget(self.avoid_table)
        layout.addWidget(self.right_tabs, 1)
        return right
