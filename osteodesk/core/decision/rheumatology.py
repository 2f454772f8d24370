"""Rheumatology drugs (seed section 二): information only, never a bone treatment (A6).

A biologic or JAK inhibitor never changes the risk category and never appears in the options.
Each class on record gets the seed's short note; JAK inhibitors add the fracture-signal alert.
"""

from __future__ import annotations

from osteodesk.core import codes
from osteodesk.core.decision.reasons import alert, note
from osteodesk.core.evaluation import Alert, Reason
from osteodesk.core.record import PatientRecord


def rheumatology_notes(record: PatientRecord) -> tuple[tuple[Alert, ...], tuple[Reason, ...]]:
    """Alerts and class notes for the rheumatology drugs listed in the record."""
    if not record.biologics:
        return (), ()
    classes: list[str] = []
    for biologic in record.biologics:
        klass = codes.biologic_class(biologic.drug)
        if klass not in classes:
            classes.append(klass)
    drugs = ", ".join(dict.fromkeys(b.drug for b in record.biologics))
    alerts = [alert("biologic_not_bone_therapy", drugs=drugs)]
    if "jak" in classes:
        jak = ", ".join(
            dict.fromkeys(b.drug for b in record.biologics if codes.biologic_class(b.drug) == "jak")
        )
        alerts.append(alert("jak_inhibitor_fracture_signal", drugs=jak))
    notes = [note(f"biologic_{klass}") for klass in codes.BIOLOGIC_CLASSES if klass in classes]
    notes.append(note("inflammation_control_base"))
    return tuple(alerts), tuple(notes)
