"""One ranked option drawn as a timeline of steps (drug, months, arrow, next drug) with reasons.

Each drug name is a link: clicking it (or Enter on it) asks for the drug reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from osteodesk.core import codes
from osteodesk.core.evaluation import Option, Reason, Step
from osteodesk.ui.reference.catalogue import drug_name, reason_sentence

DRUG_LINK_PREFIX: Final = "drug:"
ANABOLIC_STYLE: Final = "background-color: #e6f2e6; border: 1px solid #6a9f6a;"
ANTIRESORPTIVE_STYLE: Final = "background-color: #e6eef8; border: 1px solid #6a8fbf;"
OTHER_STYLE: Final = "background-color: #f1f1f1; border: 1px solid #9e9e9e;"
STEP_STYLE: Final = "QLabel {{ {colours} border-radius: 4px; padding: 3px 8px; }}"
AVOIDED_STYLE: Final = "background-color: #fde7e7; border: 2px solid #b3261e;"


def drug_link(drug: str, text: str | None = None) -> str:
    """An HTML link that names a drug and opens its reference."""
    shown = escape(text if text is not None else drug_name(drug))
    return f"<a href='{DRUG_LINK_PREFIX}{drug}'>{shown}</a>"


def step_style(drug: str, *, avoided: bool = False) -> str:
    """The box style of a step: anabolics green, antiresorptives blue, avoided red."""
    if avoided:
        colours = AVOIDED_STYLE
    elif drug in codes.ANABOLICS:
        colours = ANABOLIC_STYLE
    elif drug in codes.ANTIRESORPTIVES and drug != "calcitonin":
        colours = ANTIRESORPTIVE_STYLE
    else:
        colours = OTHER_STYLE
    return STEP_STYLE.format(colours=colours)


class RegimenTimeline(QWidget):
    """A row of step boxes joined by arrows, e.g. [Romosozumab, months 1-12] → [Denosumab].

    Signals:
        drug_clicked(str): a drug name was activated (its drug id).
    """

    drug_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.step_labels: list[QLabel] = []

    def set_steps(
        self,
        steps: Sequence[Step],
        *,
        month_texts: Sequence[str],
        avoided: frozenset[str] = frozenset(),
    ) -> None:
        """Draw these steps; `month_texts[i]` is the second line of step i."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.step_labels = []
        for number, step in enumerate(steps):
            if number:
                arrow = QLabel("→")
                arrow.setAccessibleName(self.tr("then"))
                self._layout.addWidget(arrow)
            box = QLabel(
                f"<b>{drug_link(step.drug)}</b><br/><small>{escape(month_texts[number])}</small>"
            )
            box.setObjectName(f"step_{number}")
            box.setTextFormat(Qt.TextFormat.RichText)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            box.setStyleSheet(step_style(step.drug, avoided=step.drug in avoided))
            box.linkActivated.connect(self._on_link_activated)
            self._layout.addWidget(box)
            self.step_labels.append(box)
        self._layout.addStretch(1)

    def _on_link_activated(self, link: str) -> None:
        if link.startswith(DRUG_LINK_PREFIX):
            self.drug_clicked.emit(link.removeprefix(DRUG_LINK_PREFIX))


def reasons_html(reasons: Sequence[Reason]) -> str:
    """Reasons as lines with their sources in grey."""
    return "<br/>".join(
        f"• {escape(reason_sentence(r))} <span style='color:#666666'>[{escape(r.source)}]</span>"
        for r in reasons
    )


class OptionCard(QFrame):
    """A ranked option: a radio button to choose it, its timeline and its reasons.

    Signals:
        drug_clicked(str): a drug name was activated.
    """

    drug_clicked = Signal(str)

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.setObjectName(f"option_card_{option.rank}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.radio = QRadioButton()
        self.radio.setObjectName(f"option_radio_{option.rank}")
        self.timeline = RegimenTimeline()
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.radio)
        layout.addWidget(self.timeline)
        layout.addWidget(self.reasons_label)
        self.timeline.drug_clicked.connect(self.drug_clicked)
