"""Invariants of the decision module over generated valid records (Hypothesis), and keep-honest
checks of the rule code itself (no bare numbers)."""

import ast
import json
from datetime import date, timedelta
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osteodesk.core import codes, messages
from osteodesk.core.decision import check_regimen, evaluate
from osteodesk.core.decision.render import evaluation_text
from osteodesk.core.evaluation import evaluation_to_json
from osteodesk.core.record import parse_record, record_to_json

ROOT = Path(__file__).resolve().parents[3]
SCHEMAS = ROOT / "osteodesk" / "resources" / "schema"
EVALUATION_VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((SCHEMAS / "evaluation.schema.json").read_text(encoding="utf-8"))
)
PATIENT_VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((SCHEMAS / "patient.schema.json").read_text(encoding="utf-8"))
)

# Values near the thresholds that matter, so the strategies reach every branch.
T_SCORES = st.sampled_from([-4.0, -3.5, -3.2, -3.0, -2.7, -2.5, -2.45, -2.0, -1.0, -0.5, 0.5])
LAB_VALUES = {
    ("egfr", "mL/min/1.73m2"): [15, 29, 30, 34, 35, 60, 90],
    ("creatinine", "umol/L"): [50, 88.4, 150, 300],
    ("creatinine", "mg/dL"): [0.6, 1.0, 2.0, 3.5],
    ("calcium", "mmol/L"): [2.0, 2.1, 2.3, 2.6, 2.7],
    ("calcium", "mg/dL"): [8.0, 8.4, 9.5, 10.4, 10.8],
    ("vitamin_d_25oh", "ng/mL"): [8, 12, 19, 20, 35],
    ("vitamin_d_25oh", "nmol/L"): [20, 30, 49, 50, 90],
    ("ctx", "ng/mL"): [0.1, 0.3, 0.6],
    ("p1np", "ng/mL"): [20, 40, 80],
    ("pth", "pg/mL"): [30, 90],
    ("alp", "U/L"): [60, 200],
    ("phosphate", "mmol/L"): [0.8, 1.2],
}


def _iso(day: date) -> str:
    return day.isoformat()


@st.composite
def records(draw):
    """(as_of, data) of a record that parse_record accepts, across every field."""
    as_of = draw(st.dates(min_value=date(2018, 1, 1), max_value=date(2032, 12, 31)))
    birth = draw(st.dates(min_value=date(1925, 1, 1), max_value=as_of - timedelta(days=365 * 12)))
    sex = draw(st.sampled_from(codes.SEXES))
    days = st.dates(min_value=birth, max_value=as_of)
    recent = st.dates(min_value=max(birth, as_of - timedelta(days=365 * 12)), max_value=as_of)
    data: dict = {"sex": sex, "birth_date": _iso(birth)}
    if sex == "female":
        status = draw(st.sampled_from([None, *codes.MENOPAUSAL_STATUSES]))
        if status:
            data["menopausal_status"] = status
        if draw(st.booleans()):
            data["menopause_year"] = draw(st.integers(birth.year + 8, as_of.year))
    if draw(st.booleans()):
        data["weight_kg"] = draw(st.sampled_from([38.0, 48.0, 55.5, 62.0, 80.0, 120.0]))
    data["conditions"] = draw(st.lists(st.sampled_from(codes.CONDITIONS), unique=True, max_size=4))
    data["allergies"] = draw(
        st.lists(st.sampled_from(codes.OSTEOPOROSIS_DRUGS), unique=True, max_size=3)
    )
    data["events"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {"type": st.sampled_from(codes.EVENT_TYPES), "date": recent.map(_iso)}
            ),
            max_size=2,
        )
    )
    data["fractures"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {"site": st.sampled_from(codes.FRACTURE_SITES), "date": recent.map(_iso)},
                optional={"fragility": st.booleans()},
            ),
            max_size=3,
        )
    )
    if draw(st.booleans()):
        data["falls_past_year"] = draw(st.integers(0, 4))
    if draw(st.booleans()):
        start = draw(recent)
        end = draw(st.one_of(st.none(), st.dates(min_value=start, max_value=as_of)))
        dose = draw(st.sampled_from([1.0, 2.5, 5.0, 7.5, 10.0, 30.0, 60.0]))
        data["glucocorticoid"] = {
            "dose_mg_per_day": dose,
            "start_date": _iso(start),
            "end_date": end and _iso(end),
        }
    scans = []
    for _ in range(draw(st.integers(0, 3))):
        scan: dict = {"date": _iso(draw(recent))}
        for site in draw(
            st.lists(st.sampled_from(codes.DXA_SITES), unique=True, min_size=1, max_size=3)
        ):
            kind = draw(st.sampled_from(["t", "z", "bmd", "t"]))
            scan[f"{site}_{kind}"] = (
                draw(st.sampled_from([0.7, 0.8, 0.85])) if kind == "bmd" else draw(T_SCORES)
            )
        if draw(st.booleans()):
            scan["device"] = draw(st.sampled_from(["Hologic", "Lunar"]))
        scans.append(scan)
    data["dxa"] = scans
    data["frax"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "date": recent.map(_iso),
                    "major_osteoporotic_pct": st.sampled_from([8.0, 15.0, 20.0, 26.1, 31.0]),
                },
                optional={
                    "hip_pct": st.sampled_from([0.5, 1.0, 2.5, 3.75, 5.0]),
                    "with_bmd": st.booleans(),
                    "glucocorticoid_ticked": st.booleans(),
                },
            ),
            max_size=2,
        )
    )
    labs = []
    for _ in range(draw(st.integers(0, 5))):
        test, unit = draw(st.sampled_from(sorted(LAB_VALUES)))
        value = draw(st.sampled_from(LAB_VALUES[(test, unit)]))
        labs.append({"date": _iso(draw(recent)), "test": test, "value": value, "unit": unit})
    data["labs"] = labs
    treatments = []
    for _ in range(draw(st.integers(0, 3))):
        drug = draw(st.sampled_from(codes.OSTEOPOROSIS_DRUGS))
        start = draw(recent)
        item: dict = {"drug": drug, "start_date": _iso(start)}
        shape = draw(st.sampled_from(["ongoing", "ended", "planned"]))
        end = None
        if shape == "ended":
            end = draw(st.dates(min_value=start, max_value=as_of))
        elif shape == "planned":
            end = as_of + timedelta(days=draw(st.integers(1, 400)))
            item["planned_stop"] = True
        item["end_date"] = end and _iso(end)
        if draw(st.booleans()):
            item["last_dose_date"] = _iso(
                draw(st.dates(min_value=start, max_value=min(end or as_of, as_of)))
            )
        if draw(st.booleans()):
            item["doses_given"] = draw(st.integers(0, 14))
        treatments.append(item)
    data["treatments"] = treatments
    data["biologics"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {"drug": st.sampled_from(codes.RHEUMATOLOGY_DRUGS), "start_date": days.map(_iso)}
            ),
            max_size=2,
        )
    )
    return as_of, data


def _emitted_keys(ev) -> set[str]:
    keys = {
        f"diagnosis.{ev.diagnosis.category}",
        f"risk.{ev.risk.category}",
        f"state.{ev.treatment_state}",
        f"framework.{ev.framework}",
    }
    keys |= {f"framework.{fw}" for fw in ev.risk.by_framework}
    reasons = [*ev.diagnosis.reasons, *ev.risk.reasons]
    for option in ev.options:
        reasons.extend(option.reasons)
        keys |= {f"drug.{d}" for d in option.drugs}
    for entry in ev.avoid:
        reasons.extend(entry.reasons)
        keys.add(f"drug.{entry.drug}")
    keys |= {f"reason.{r.code}" for r in reasons}
    keys |= {f"alert.{a.code}" for a in ev.alerts} | {f"severity.{a.severity}" for a in ev.alerts}
    keys |= {f"monitoring.{m.item}" for m in ev.monitoring}
    keys |= {f"reason.{m.reason}" for m in ev.monitoring if m.reason}
    keys |= {f"supportive.{s.code}" for s in ev.supportive}
    keys |= {f"note.{n.code}" for n in ev.notes}
    return keys


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_every_valid_record_gives_a_sound_evaluation(case):
    as_of, data = case
    record = parse_record(data, as_of=as_of)
    assert not list(PATIENT_VALIDATOR.iter_errors(data))
    assert not list(PATIENT_VALIDATOR.iter_errors(record_to_json(record)))

    ev = evaluate(record, as_of=as_of)
    assert evaluate(record, as_of=as_of) == ev  # deterministic

    avoided = ev.avoided_drugs
    for option in ev.options:
        assert not set(option.drugs) & avoided
        assert option.reasons
        assert all(r.source.strip() for r in option.reasons)
        for index, step in enumerate(option.steps):
            if step.drug in codes.ANABOLICS:
                assert index + 1 < len(option.steps)
                assert option.steps[index + 1].drug in codes.ANTIRESORPTIVES
        assert check_regimen(ev, record, option.steps) == ()
    assert [o.rank for o in ev.options] == list(range(1, len(ev.options) + 1))
    for entry in ev.avoid:
        assert entry.reasons
        assert all(r.source.strip() for r in entry.reasons)
    if "pregnant_or_breastfeeding" in record.conditions:
        assert ev.options == ()
    assert len({a.code for a in ev.alerts}) == len(ev.alerts)

    payload = evaluation_to_json(ev)
    assert not list(EVALUATION_VALIDATOR.iter_errors(payload))
    json.dumps(payload, allow_nan=False)

    for key in _emitted_keys(ev):
        assert messages.has(key), key
        zh, en = messages.text(key, "zh_CN"), messages.text(key, "en")
        assert zh.strip(), key
        assert en.strip(), key
    for lang in codes.LANGUAGES:
        text = evaluation_text(ev, lang)
        assert "{" not in text, text


@settings(max_examples=100, deadline=None)
@given(records(), st.sampled_from(codes.FRAMEWORKS))
def test_both_frameworks_evaluate_every_record(case, framework):
    as_of, data = case
    ev = evaluate(parse_record(data, as_of=as_of), as_of=as_of, framework=framework)
    assert ev.framework == framework
    assert ev.risk.by_framework[framework]


@settings(max_examples=100, deadline=None)
@given(records())
def test_biologics_never_change_the_category_or_the_options(case):
    as_of, data = case
    without = dict(data, biologics=[])
    with_jak = dict(data, biologics=[{"drug": "upadacitinib", "start_date": data["birth_date"]}])
    plain = evaluate(parse_record(without, as_of=as_of), as_of=as_of)
    treated = evaluate(parse_record(with_jak, as_of=as_of), as_of=as_of)
    assert treated.risk == plain.risk
    assert treated.options == plain.options
    assert treated.avoid == plain.avoid


# --- keep-honest: no bare numbers in the rule code ----------------------------------------


def test_rule_code_has_no_bare_numbers():
    """Every threshold comes from constants.py; only 0 and 1 may appear inside a function."""
    folder = ROOT / "osteodesk" / "core" / "decision"
    offenders = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for sub in ast.walk(node):
                if (
                    isinstance(sub, ast.Constant)
                    and isinstance(sub.value, int | float)
                    and not isinstance(sub.value, bool)
                    and sub.value not in (0, 1)
                ):
                    offenders.append(f"{path.name}:{sub.lineno}: {sub.value}")
    assert offenders == []
