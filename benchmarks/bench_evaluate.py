"""Speed of the decision module: one record, and a clinic's worth of records (issue 3).

The floor of each figure is `parse_record` over the same records in the same run: reading a
record is the least work any evaluation must do, so value / floor stays comparable between
machines. Records are synthetic and deterministic (a fixed seed), spread over every branch the
rules have: naive, on and off each drug class, glucocorticoids, renal limits, fractures.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta
from typing import Any

from benchmarks.common import figure
from osteodesk.core import codes
from osteodesk.core.decision import evaluate
from osteodesk.core.record import PatientRecord, parse_record

AS_OF = date(2026, 11, 25)
SEED = 20261125
POOL = 500
FULL_COUNT = 100_000
QUICK_COUNT = 2_000


def _day(rng: random.Random, years_back: float) -> str:
    return (AS_OF - timedelta(days=rng.randint(0, int(365 * years_back)))).isoformat()


def synthetic_record(rng: random.Random) -> dict[str, Any]:
    """One plausible patient record (contract section 1)."""
    sex = rng.choice(("female", "female", "female", "male"))
    age = rng.randint(35, 92)
    data: dict[str, Any] = {
        "sex": sex,
        "birth_date": (AS_OF - timedelta(days=365 * age + rng.randint(0, 364))).isoformat(),
        "weight_kg": round(rng.uniform(38, 95), 1),
    }
    if sex == "female":
        data["menopausal_status"] = "pre" if age < 45 else rng.choice(("post", "post", "peri"))
    data["conditions"] = rng.sample(codes.CONDITIONS, rng.choice((0, 0, 1, 2)))
    data["fractures"] = [
        {"site": rng.choice(codes.FRACTURE_SITES), "date": _day(rng, 6), "fragility": True}
        for _ in range(rng.choice((0, 0, 1, 2)))
    ]
    data["dxa"] = [
        {
            "date": _day(rng, 4),
            "lumbar_spine_t": round(rng.uniform(-4.0, 0.5), 1),
            "femoral_neck_t": round(rng.uniform(-3.5, 0.5), 1),
            "lumbar_spine_bmd": round(rng.uniform(0.7, 1.0), 3),
            "device": "Hologic",
        }
        for _ in range(rng.choice((0, 1, 2)))
    ]
    if rng.random() < 0.5:
        data["frax"] = [
            {
                "date": _day(rng, 2),
                "major_osteoporotic_pct": round(rng.uniform(5, 40), 1),
                "hip_pct": round(rng.uniform(0.5, 8), 1),
                "with_bmd": True,
                "glucocorticoid_ticked": rng.random() < 0.2,
            }
        ]
    data["labs"] = [
        {
            "date": _day(rng, 1),
            "test": "egfr",
            "value": rng.randint(15, 100),
            "unit": "mL/min/1.73m2",
        },
        {
            "date": _day(rng, 1),
            "test": "creatinine",
            "value": rng.randint(50, 250),
            "unit": "umol/L",
        },
        {
            "date": _day(rng, 1),
            "test": "calcium",
            "value": round(rng.uniform(2.05, 2.65), 2),
            "unit": "mmol/L",
        },
        {
            "date": _day(rng, 1),
            "test": "vitamin_d_25oh",
            "value": rng.randint(8, 45),
            "unit": "ng/mL",
        },
    ]
    if rng.random() < 0.2:
        data["glucocorticoid"] = {
            "dose_mg_per_day": rng.choice((2.5, 5, 7.5, 10, 30)),
            "start_date": _day(rng, 2),
        }
    if rng.random() < 0.5:
        drug = rng.choice(codes.OSTEOPOROSIS_DRUGS)
        start = _day(rng, 8)
        treatment: dict[str, Any] = {"drug": drug, "start_date": start, "end_date": None}
        if drug in ("denosumab", "zoledronic_acid", "romosozumab"):
            treatment["last_dose_date"] = max(start, _day(rng, 1))
        data["treatments"] = [treatment]
    if rng.random() < 0.1:
        data["biologics"] = [
            {"drug": rng.choice(codes.RHEUMATOLOGY_DRUGS), "start_date": _day(rng, 5)}
        ]
    return data


def _pool() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    return [synthetic_record(rng) for _ in range(POOL)]


def _median_ms(fn: Any, items: list[Any]) -> float:
    samples = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def run(quick: bool) -> list[dict[str, Any]]:
    """Median ms for one record, and seconds for N records (100,000; quick: 2,000)."""
    raw = _pool()
    records: list[PatientRecord] = [parse_record(d, as_of=AS_OF) for d in raw]
    for record in records[:20]:  # warm-up
        evaluate(record, as_of=AS_OF)

    one = _median_ms(lambda r: evaluate(r, as_of=AS_OF), records)
    one_floor = _median_ms(lambda d: parse_record(d, as_of=AS_OF), raw)

    count = QUICK_COUNT if quick else FULL_COUNT
    start = time.perf_counter()
    for index in range(count):
        evaluate(records[index % POOL], as_of=AS_OF)
    total = time.perf_counter() - start
    start = time.perf_counter()
    for index in range(count):
        parse_record(raw[index % POOL], as_of=AS_OF)
    floor = time.perf_counter() - start

    return [
        figure(
            "evaluate one record (median ms; floor: parse it)",
            one,
            "ms",
            floor=one_floor,
            target="<= 0.5 ms (issue 8)",
        ),
        figure(
            f"evaluate {count:,} records",
            total,
            "s",
            floor=floor,
            target=f"<= {count * 0.6 / 1000:g} s (issue 8: 100,000 in <= 60 s)",
        ),
    ]
