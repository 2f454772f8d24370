"""The Assessment tab's saved choices that the patient session needs from the start.

The framework and the LSC change every evaluation, so the window applies them before it reopens
the last patient, without building (or importing) the Assessment tab, which it builds on first
show for a faster start (issue 8).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QSettings

from osteodesk.core import codes
from osteodesk.ui.assessment.lsc import load_lsc
from osteodesk.ui.session import PatientSession

FRAMEWORK_KEY: Final = "assessment/framework"
CHART_MEASURE_KEY: Final = "assessment/chart_measure"


def apply_saved_preferences(
    session: PatientSession, settings: QSettings
) -> dict[str, float | None]:
    """Give `session` the clinic's LSC and framework; returns the LSC per site."""
    lsc = load_lsc(settings)
    session.set_lsc(lsc)
    saved_framework = settings.value(FRAMEWORK_KEY)
    if isinstance(saved_framework, str) and saved_framework in codes.FRAMEWORKS:
        session.set_framework(saved_framework)
    return lsc
