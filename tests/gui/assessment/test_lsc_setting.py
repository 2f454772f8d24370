"""The centre's least significant change reaches the decision module, not only the chart."""

from datetime import date

from osteodesk.core.record import parse_record
from osteodesk.storage.database import open_database
from osteodesk.ui.session import PatientSession

AS_OF = date(2026, 11, 25)


def _record(drop):
    return parse_record(
        {
            "sex": "female",
            "birth_date": "1955-01-01",
            "menopausal_status": "post",
            "treatments": [{"drug": "alendronate", "start_date": "2024-01-01", "end_date": None}],
            "dxa": [
                {
                    "date": "2025-01-10",
                    "device": "Hologic",
                    "lumbar_spine_bmd": 0.900,
                    "lumbar_spine_t": -2.6,
                },
                {
                    "date": "2026-01-10",
                    "device": "Hologic",
                    "lumbar_spine_bmd": 0.900 - drop,
                    "lumbar_spine_t": -2.9,
                },
            ],
        },
        as_of=AS_OF,
    )


def _alert_codes(session):
    return {a.code for a in session.evaluation.alerts}


def test_lsc_setting_decides_the_bmd_loss_alert(qtbot):
    session = PatientSession(open_database(None), today=lambda: AS_OF)
    session.set_working_record(_record(0.04))
    assert "bmd_loss_on_treatment" in _alert_codes(session)  # 0.04 > default 0.03
    with qtbot.wait_signal(session.evaluation_changed):
        session.set_lsc({"lumbar_spine": 0.05})
    assert "bmd_loss_on_treatment" not in _alert_codes(session)
