"""Synthetic patients for trying OsteoDesk and for benchmarks (never real people).

The mix covers what the clinic sees: Chinese names of 1 to 4 characters and Western names,
ages 45-95, DXA series over years, labs in both unit systems, fractures, glucocorticoids,
rheumatology conditions with biologics, and every osteoporosis drug in every treatment state
(naive; bisphosphonate under and over five years; holiday; denosumab on time, due, late and
stopped; anabolics mid-course and completed; SERM; HRT), all dated relative to `as_of`.
The same seed and `as_of` give the same patients.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Final

from sqlite_utils import Database

from osteodesk.core import codes
from osteodesk.core.record import (
    Biologic,
    DxaScan,
    Event,
    Fracture,
    FraxResult,
    GlucocorticoidCourse,
    LabResult,
    PatientRecord,
    Treatment,
)
from osteodesk.storage.patients import PatientRepository

SURNAMES: Final = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤单"
)
COMPOUND_SURNAMES: Final = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
GIVEN_CHARS: Final = (
    "秀英华玉兰芳丽敏静淑珍桂凤红梅霞娟燕萍洁琴云莲美娥荣素月春琳雪慧颖婷倩佳"
    "伟强军勇杰涛明超刚平辉健峰建国志文斌波宁磊鹏飞浩宇俊德新海林晓东立成坤"
)
WESTERN_FIRST_FEMALE: Final = (
    "Mary", "Patricia", "Linda", "Barbara", "Elizabeth", "Susan", "Margaret", "Dorothy",
    "Helen", "Anna", "Ruth", "Joan", "Maria", "Ingrid", "Claire",
)  # fmt: skip
WESTERN_FIRST_MALE: Final = (
    "John", "Robert", "William", "James", "Charles", "George", "Thomas", "Peter", "Paul",
    "Hans", "Pierre", "David",
)  # fmt: skip
WESTERN_SURNAMES: Final = (
    "Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Anderson", "Martin",
    "Müller", "Schmidt", "Dubois", "Rossi", "O'Brien", "van der Berg", "García",
)  # fmt: skip

# Treatment scenarios and how often each occurs (weights). Every treatment state of the
# evaluation contract appears, with denosumab schedules on time, due, late and stopped.
SCENARIOS: Final[dict[str, int]] = {
    "naive": 26,
    "oral_bp_short": 10,
    "oral_bp_long": 6,
    "zoledronic_acid": 5,
    "bp_holiday": 6,
    "denosumab_on_time": 6,
    "denosumab_due": 4,
    "denosumab_late": 3,
    "denosumab_stopped": 3,
    "teriparatide_mid": 3,
    "teriparatide_done": 3,
    "abaloparatide_mid": 2,
    "romosozumab_mid": 2,
    "romosozumab_done": 2,
    "serm": 4,
    "hrt": 3,
    "calcitonin_past": 1,
}
RHEUMATOLOGY: Final = (
    "rheumatoid_arthritis",
    "ankylosing_spondylitis",
    "psoriatic_arthritis",
    "sle",
    "polymyalgia_or_gca",
)
OTHER_CONDITIONS: Final = tuple(c for c in codes.CONDITIONS if c not in RHEUMATOLOGY)
_MALE_GIVEN: Final = "伟强军勇杰涛明超刚平辉健峰建国志文斌波宁磊鹏飞浩宇俊德新海林晓东立成坤"


def _days(n: float) -> timedelta:
    return timedelta(days=round(n))


def _years(n: float) -> timedelta:
    return timedelta(days=round(n * 365.25))


class _Maker:
    """One generator state: a seeded RNG and the day everything is dated against."""

    def __init__(self, seed: int, as_of: date) -> None:
        self.rng = random.Random(seed)
        self.as_of = as_of
        self.scenario_names = list(SCENARIOS)
        self.scenario_weights = list(SCENARIOS.values())

    def record(self, number: int) -> PatientRecord:
        rng = self.rng
        as_of = self.as_of
        sex = "female" if rng.random() < 0.8 else "male"
        age = rng.randint(45, 94)
        birth = as_of - _years(age) - _days(rng.randint(1, 364))
        western = rng.random() < 0.12
        name = self.western_name(sex) if western else self.chinese_name(sex)
        scenario = rng.choices(self.scenario_names, self.scenario_weights)[0]
        if sex == "male" and scenario in ("serm", "hrt", "romosozumab_mid", "romosozumab_done"):
            scenario = "oral_bp_short"
        menopausal = None
        menopause_year = None
        if sex == "female":
            menopausal = "post" if age >= 52 or rng.random() < 0.7 else "peri"
            if menopausal == "post" and rng.random() < 0.7:
                menopause_year = min(as_of.year, birth.year + rng.randint(45, 55))
        if scenario in ("hrt", "serm", "romosozumab_mid", "romosozumab_done"):
            menopausal = "post"
        conditions: set[str] = set()
        biologics: list[Biologic] = []
        if rng.random() < 0.14:
            disease = rng.choice(RHEUMATOLOGY)
            conditions.add(disease)
            if disease != "polymyalgia_or_gca" and rng.random() < 0.6:
                start = as_of - _days(rng.randint(60, 3000))
                drug = rng.choice(codes.RHEUMATOLOGY_DRUGS)
                end = None
                if rng.random() < 0.25:
                    end = min(as_of, start + _days(rng.randint(90, 900)))
                biologics.append(Biologic(drug, start, end))
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
            conditions.add(rng.choice(OTHER_CONDITIONS))
        if sex == "male":
            conditions -= {
                "pregnant_or_breastfeeding",
                "breast_cancer_history",
                "breast_cancer_high_risk",
                "endometrial_cancer_history",
                "vasomotor_symptoms",
            }
        conditions.discard("open_epiphyses")
        conditions.discard("pregnant_or_breastfeeding")
        glucocorticoid, gc_past = self.glucocorticoids(conditions)
        treatments = self.treatments(scenario, birth)
        first_treatment = min((t.start_date for t in treatments), default=None)
        dxa = self.dxa_series(age, sex, first_treatment)
        labs = self.labs(scenario, dxa)
        fractures = self.fractures(birth)
        events = []
        if rng.random() < 0.05:
            events.append(
                Event(rng.choice(codes.EVENT_TYPES), as_of - _days(rng.randint(20, 2000)))
            )
        frax = []
        if dxa and rng.random() < 0.4:
            frax.append(
                FraxResult(
                    dxa[-1].date,
                    round(rng.uniform(3, 40), 1),
                    round(rng.uniform(0.2, 15), 1),
                    True,
                    glucocorticoid is not None,
                    "China",
                )
            )
        phone = None
        if rng.random() < 0.65:
            phone = f"1{rng.choice('3456789')}{rng.randint(0, 9)}" + "".join(
                rng.choice("0123456789") for _ in range(8)
            )
            phone = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
        return PatientRecord(
            sex=sex,
            birth_date=birth,
            id=f"DEMO-{number:06d}" if rng.random() < 0.92 else None,
            name=name,
            phone=phone,
            language="en" if western else "zh_CN",
            menopausal_status=menopausal,
            menopause_year=menopause_year,
            weight_kg=round(rng.uniform(38, 85) if sex == "female" else rng.uniform(48, 95), 1),
            height_cm=round(rng.uniform(143, 170) if sex == "female" else rng.uniform(155, 182), 1),
            conditions=frozenset(conditions),
            allergies=frozenset({rng.choice(codes.ORAL_BISPHOSPHONATES)})
            if rng.random() < 0.03
            else frozenset(),
            events=tuple(events),
            fractures=tuple(fractures),
            falls_past_year=rng.choice((None, 0, 0, 0, 1, 1, 2, 3)),
            glucocorticoid=glucocorticoid,
            glucocorticoid_past=tuple(gc_past),
            dxa=tuple(dxa),
            frax=tuple(frax),
            labs=tuple(labs),
            treatments=tuple(treatments),
            biologics=tuple(biologics),
            notes="Synthetic demo patient" if rng.random() < 0.1 else None,
        )

    def chinese_name(self, sex: str) -> str:
        rng = self.rng
        roll = rng.random()
        surname = rng.choice(COMPOUND_SURNAMES) if roll < 0.02 else rng.choice(SURNAMES)
        pool = _MALE_GIVEN if sex == "male" else GIVEN_CHARS
        if 0.02 <= roll < 0.03:
            return surname  # a one-character name (e.g. only the surname was recorded)
        length = 1 if rng.random() < 0.35 else 2
        return surname + "".join(rng.choice(pool) for _ in range(length))

    def western_name(self, sex: str) -> str:
        rng = self.rng
        first = rng.choice(WESTERN_FIRST_MALE if sex == "male" else WESTERN_FIRST_FEMALE)
        return f"{first} {rng.choice(WESTERN_SURNAMES)}"

    def glucocorticoids(
        self, conditions: set[str]
    ) -> tuple[GlucocorticoidCourse | None, list[GlucocorticoidCourse]]:
        rng = self.rng
        chance = 0.45 if conditions & set(RHEUMATOLOGY) else 0.05
        current = None
        past: list[GlucocorticoidCourse] = []
        if rng.random() < chance:
            start = self.as_of - _days(rng.randint(30, 1500))
            current = GlucocorticoidCourse(rng.choice((2.5, 5.0, 7.5, 10.0, 15.0, 30.0)), start)
        if rng.random() < chance / 2:
            end = self.as_of - _days(rng.randint(400, 3000))
            past.append(
                GlucocorticoidCourse(
                    rng.choice((5.0, 10.0, 20.0, 40.0)), end - _days(rng.randint(30, 300)), end
                )
            )
        return current, past

    def dxa_series(self, age: int, sex: str, treated_from: date | None) -> list[DxaScan]:
        rng = self.rng
        count = rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5, 6))
        if count == 0:
            return []
        base = rng.gauss(-2.3 if sex == "female" else -1.8, 0.9) - (age - 65) * 0.02
        scans: list[DxaScan] = []
        day = self.as_of - _days(rng.randint(10, 200))
        days: list[date] = []
        for _ in range(count):
            days.append(day)
            day -= _days(rng.randint(330, 760))
        device = rng.choice(("Hologic Horizon", "GE Lunar iDXA", None))
        for when in reversed(days):
            years_treated = (when - treated_from).days / 365.25 if treated_from else 0.0
            drift = min(max(years_treated, 0.0), 5.0) * 0.12
            spine = _clamp(base + drift + rng.gauss(0, 0.25), -6.5, 4.0)
            neck = _clamp(base + 0.3 + drift / 2 + rng.gauss(0, 0.2), -6.5, 4.0)
            hip = _clamp(neck + 0.3 + rng.gauss(0, 0.15), -6.5, 4.0)
            t = {"lumbar_spine": round(spine, 1), "femoral_neck": round(neck, 1)}
            t["total_hip"] = round(hip, 1)
            z = {site: round(_clamp(v + (age - 50) * 0.03, -6.5, 4.5), 1) for site, v in t.items()}
            bmd = {
                "lumbar_spine": round(1.047 + spine * 0.11, 3),
                "femoral_neck": round(0.858 + neck * 0.12, 3),
                "total_hip": round(0.942 + hip * 0.12, 3),
            }
            if rng.random() < 0.1:
                t["radius_33"] = round(_clamp(base + rng.gauss(0, 0.5), -6.5, 4.0), 1)
            scans.append(DxaScan(when, t, z, bmd, device))
        return scans

    def labs(self, scenario: str, dxa: list[DxaScan]) -> list[LabResult]:
        rng = self.rng
        visits = max(1, len(dxa)) if rng.random() < 0.9 else 0
        out: list[LabResult] = []
        for k in range(visits):
            when = dxa[k].date if k < len(dxa) else self.as_of - _days(rng.randint(5, 300))
            egfr = round(_clamp(rng.gauss(72, 20), 8, 130))
            out.append(LabResult(when, "egfr", float(egfr), "mL/min/1.73m2"))
            creatinine = round(_clamp(6900 / max(egfr, 8), 40, 700))
            if rng.random() < 0.8:
                out.append(LabResult(when, "creatinine", float(creatinine), "umol/L"))
            else:
                out.append(LabResult(when, "creatinine", round(creatinine / 88.4, 2), "mg/dL"))
            calcium = _clamp(rng.gauss(2.35, 0.1), 1.9, 2.9)
            if rng.random() < 0.85:
                out.append(LabResult(when, "calcium", round(calcium, 2), "mmol/L"))
            else:
                out.append(LabResult(when, "calcium", round(calcium * 4.008, 1), "mg/dL"))
            vit_d = _clamp(rng.gauss(24, 9), 4, 80)
            if rng.random() < 0.7:
                out.append(LabResult(when, "vitamin_d_25oh", round(vit_d, 1), "ng/mL"))
            else:
                out.append(LabResult(when, "vitamin_d_25oh", round(vit_d * 2.496, 1), "nmol/L"))
            if scenario != "naive" and rng.random() < 0.6:
                ctx = _clamp(rng.gauss(0.35, 0.15), 0.03, 1.5)
                p1np = _clamp(rng.gauss(45, 20), 5, 300)
                out.append(LabResult(when, "ctx", round(ctx, 2), "ng/mL"))
                out.append(LabResult(when, "p1np", round(p1np, 1), "ng/mL"))
            if rng.random() < 0.15:
                pth = _clamp(rng.gauss(50, 20), 5, 400)
                alp = _clamp(rng.gauss(80, 25), 20, 600)
                phosphate = _clamp(rng.gauss(1.1, 0.2), 0.4, 2.5)
                out.append(LabResult(when, "pth", round(pth, 1), "pg/mL"))
                out.append(LabResult(when, "alp", float(round(alp)), "U/L"))
                out.append(LabResult(when, "phosphate", round(phosphate, 2), "mmol/L"))
        return out

    def fractures(self, birth: date) -> list[Fracture]:
        rng = self.rng
        out: list[Fracture] = []
        if rng.random() < 0.3:
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                site = rng.choices(codes.FRACTURE_SITES, (12, 30, 20, 8, 4, 6, 2, 6, 4))[0]
                when = self.as_of - _days(rng.randint(15, 3650))
                when = max(when, birth + _years(40))
                out.append(Fracture(site, when, rng.random() < 0.9 if rng.random() < 0.8 else None))
        return out

    def treatments(self, scenario: str, birth: date) -> list[Treatment]:
        rng = self.rng
        as_of = self.as_of

        def ago(low_days: int, high_days: int) -> date:
            return as_of - _days(rng.randint(low_days, high_days))

        def injections(start: date, every_days: int, until: date) -> tuple[date, ...]:
            out = []
            day = start
            while day <= until:
                out.append(day)
                day += _days(every_days)
            return tuple(out)

        oral = rng.choice(codes.ORAL_BISPHOSPHONATES)
        if scenario == "naive":
            return []
        if scenario == "oral_bp_short":
            return [Treatment(oral, ago(60, 1700))]
        if scenario == "oral_bp_long":
            return [Treatment(oral, ago(1900, 3400))]
        if scenario == "zoledronic_acid":
            start = ago(20, 1500)
            doses = injections(start, 365, as_of)
            return [Treatment("zoledronic_acid", start, last_dose_date=doses[-1], dose_dates=doses)]
        if scenario == "bp_holiday":
            end = ago(150, 1100)
            return [Treatment(oral, end - _years(rng.uniform(5.0, 7.5)), end_date=end)]
        if scenario.startswith("denosumab"):
            days_since_last = {
                "denosumab_on_time": (20, 140),
                "denosumab_due": (160, 183),
                "denosumab_late": (215, 300),
                "denosumab_stopped": (150, 300),
            }[scenario]
            last = ago(*days_since_last)
            count = rng.randint(1, 9)
            doses = tuple(last - _days(182 * k) for k in reversed(range(count)))
            stop: date | None = None
            planned = False
            if scenario == "denosumab_stopped":
                if rng.random() < 0.5:
                    stop = min(as_of, last + _days(rng.randint(30, 150)))
                else:
                    planned = True
                    stop = as_of + _days(rng.randint(10, 60))
            return [
                Treatment(
                    "denosumab",
                    doses[0],
                    end_date=stop,
                    last_dose_date=last,
                    doses_given=count,
                    product=rng.choice((None, "Prolia", "普罗力")),
                    planned_stop=planned,
                    dose_dates=doses,
                )
            ]
        if scenario == "teriparatide_mid":
            return [Treatment("teriparatide", ago(60, 600))]
        if scenario == "abaloparatide_mid":
            return [Treatment("abaloparatide", ago(60, 500))]
        if scenario == "teriparatide_done":
            end = ago(30, 700)
            course = Treatment("teriparatide", end - _days(730), end_date=end)
            after = Treatment(rng.choice(("alendronate", "denosumab")), end + _days(14))
            return [course, after] if rng.random() < 0.7 else [course]
        if scenario in ("romosozumab_mid", "romosozumab_done"):
            if scenario == "romosozumab_mid":
                start = ago(40, 300)
                doses = injections(start, 30, as_of)
                return [Treatment("romosozumab", start, last_dose_date=doses[-1], dose_dates=doses)]
            start = ago(400, 900)
            doses = injections(start, 30, start + _days(30 * 11))
            course = Treatment(
                "romosozumab",
                start,
                end_date=doses[-1] + _days(30),
                last_dose_date=doses[-1],
                doses_given=12,
                dose_dates=doses,
            )
            den_start = doses[-1] + _days(30)
            den_doses = injections(den_start, 182, as_of)
            follow = Treatment(
                "denosumab", den_start, last_dose_date=den_doses[-1], dose_dates=den_doses
            )
            return [course, follow]
        if scenario == "serm":
            return [Treatment(rng.choice(codes.SERMS), ago(60, 2500))]
        if scenario == "hrt":
            return [Treatment("hrt", ago(60, 1800))]
        if scenario == "calcitonin_past":
            end = ago(400, 2000)
            return [Treatment("calcitonin", end - _days(180), end_date=end)]
        raise ValueError(scenario)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def generate(
    count: int, *, seed: int = 0, as_of: date, first_number: int = 1
) -> Iterator[PatientRecord]:
    """`count` synthetic records, the same ones for the same seed and `as_of`."""
    maker = _Maker(seed, as_of)
    for number in range(first_number, first_number + count):
        yield maker.record(number)


# From this many patients the follow-up items are derived in a worker process (BulkDueRows);
# the window's demo and the tests stay single-process.
PARALLEL_FROM: Final = 20_000


def fill(db: Database, count: int, *, seed: int = 0, as_of: date | None = None) -> int:
    """Add `count` synthetic patients in one transaction with a single audit entry."""
    day = as_of or date.today()
    first = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM patients").fetchone()[0])
    repo = PatientRepository(db, source="demo")
    return repo.add_bulk(
        generate(count, seed=seed, as_of=day, first_number=first),
        note=f"demo data: {count} synthetic patients, seed {seed}, as of {day.isoformat()}",
        as_of=day,
        parallel=count >= PARALLEL_FROM,
    )
