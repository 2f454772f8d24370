"""The least significant change per DXA site: a clinic setting kept in QSettings.

The defaults come from the decision module's settings (clinical-rules A7: 0.03 g/cm² at the
spine, none elsewhere until the centre measures its own precision; Part B §5).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from osteodesk.core import codes
from osteodesk.core.decision.settings import RuleSettings

SETTINGS_PREFIX: Final = "assessment/lsc/"
NOT_SET: Final = ""
MAX_LSC_G_CM2: Final = 0.2  # a typing guard only: real LSCs are a few hundredths (Part B §5)


def default_lsc() -> dict[str, float | None]:
    """The LSC of each site when the clinic has not set one."""
    defaults = RuleSettings()
    return {site: defaults.lsc(site) for site in codes.DXA_SITES}


def load_lsc(settings: QSettings) -> dict[str, float | None]:
    """The LSC of each site: the clinic's setting, else the default."""
    values = default_lsc()
    for site in codes.DXA_SITES:
        stored = settings.value(SETTINGS_PREFIX + site)
        if stored is None:
            continue
        if stored == NOT_SET:
            values[site] = None
            continue
        try:
            number = float(str(stored))
        except ValueError:
            continue
        values[site] = number if 0 < number <= MAX_LSC_G_CM2 else None
    return values


def save_lsc(settings: QSettings, values: dict[str, float | None]) -> None:
    """Keep the clinic's LSC per site (None: not set)."""
    for site in codes.DXA_SITES:
        value = values.get(site)
        settings.setValue(SETTINGS_PREFIX + site, NOT_SET if value is None else f"{value:.4f}")
    settings.sync()


class LscDialog(QDialog):
    """Edit the least significant change of each DXA site (0 = not set)."""

    def __init__(self, values: dict[str, float | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lsc_dialog")
        self.setWindowTitle(self.tr("Least significant change"))
        explanation = QLabel(
            self.tr(
                "The smallest BMD change (g/cm²) your centre can tell from measurement error: "
                "2.77 × its precision error (ISCD). Changes larger than this between two scans "
                "at the same site are marked. 0 means not set."
            )
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        self.spin_boxes: dict[str, QDoubleSpinBox] = {}
        from osteodesk.ui.reference.catalogue import label  # on first use: a faster start

        for site in codes.DXA_SITES:
            spin = QDoubleSpinBox()
            spin.setDecimals(3)
            spin.setRange(0.0, MAX_LSC_G_CM2)
            spin.setSingleStep(0.001)
            spin.setSuffix(" g/cm²")
            spin.setSpecialValueText(self.tr("not set"))
            spin.setValue(values.get(site) or 0.0)
            self.spin_boxes[site] = spin
            form.addRow(label("site", site), spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, float | None]:
        """The LSC per site as edited (None: not set)."""
        return {site: (spin.value() or None) for site, spin in self.spin_boxes.items()}
