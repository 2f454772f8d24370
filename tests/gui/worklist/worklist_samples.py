"""Sample patients of the Worklist tests, due on fixed days."""

from datetime import date

from osteodesk.core.record import parse_record

TODAY = date(2026, 11, 25)
LABS_OK = [
    {"date": "2026-01-05", "test": "egfr", "value": 70, "unit": "mL/min/1.73m2"},
    {"date": "2026-01-05", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
    {"date": "2026-01-05", "test": "vitamin_d_25oh", "value": 32, "unit": "ng/mL"},
]
# Internal numbers of the patients `clinic` adds, in order.
LATE, SOON, INFUSION, ENDING = 1, 2, 3, 4


def clinic_record(mrn, name, treatments, **fields):
    data = {
        "id": mrn,
        "name": name,
        "sex": "female",
        "birth_date": "1955-03-14",
        "menopausal_status": "post",
        "weight_kg": 58,
        "labs": LABS_OK,
        "dxa": [{"date": "2026-01-05", "femoral_neck_t": -2.7}],
        "treatments": treatments,
    }
    data.update(fields)
    return parse_record(data, as_of=TODAY)


def rx(drug, start, end=None, **extra):
    return {"drug": drug, "start_date": start, "end_date": end, **extra}
