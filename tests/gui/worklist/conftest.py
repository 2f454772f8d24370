"""A patient session on a temporary database with patients due on fixed days."""

from datetime import date

import pytest
from worklist_samples import TODAY, clinic_record, rx


@pytest.fixture
def clinic_today() -> date:
    """The day the sample patients' doses fall due from."""
    return TODAY


@pytest.fixture
def clinic(session):
    """Four patients: a late denosumab dose (overdue), a dose due in 6 days, a zoledronic acid
    infusion due in 15 days, and a teriparatide course ending in 46 days (in its notice)."""
    repo = session.patients
    repo.add(
        clinic_record(
            "MRN-1", "王秀英", [rx("denosumab", "2022-01-10", last_dose_date="2026-04-01")]
        )
    )
    repo.add(
        clinic_record(
            "MRN-2", "Mary Smith", [rx("denosumab", "2022-01-10", last_dose_date="2026-06-01")]
        )
    )
    repo.add(clinic_record("MRN-3", "李", [rx("zoledronic_acid", "2025-12-10")]))
    repo.add(clinic_record("MRN-4", "张伟", [rx("teriparatide", "2025-01-10")]))
    return session
