"""A8 supportive care: always given, whatever the options."""

from __future__ import annotations

from osteodesk.core import constants as k
from osteodesk.core.evaluation import Supportive


def supportive_care() -> tuple[Supportive, ...]:
    """Calcium, vitamin D, exercise, falls, smoking and alcohol (A8; seed section 05)."""
    low_ca, high_ca = k.CALCIUM_INTAKE_MG
    low_d, high_d = k.VITAMIN_D_IU
    return (
        Supportive(
            "calcium_intake",
            f"{low_ca}-{high_ca} mg/day, diet first, no routine high-dose supplements",
        ),
        Supportive("vitamin_d", f"{low_d}-{high_d} IU/day; check 25(OH)D"),
        Supportive("exercise", "weight-bearing and resistance exercise with balance training"),
        Supportive("falls_prevention", "falls-risk review"),
        Supportive("smoking_alcohol", "stop smoking, limit alcohol"),
    )
