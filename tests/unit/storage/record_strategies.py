"""Hypothesis strategies for valid patient records (JSON objects that parse_record accepts)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from osteodesk.core import codes
from osteodesk.core.record import PatientRecord, parse_record

AS_OF = date(2026, 11, 25)
EARLIEST_EVENT = date(1991, 1, 1)  # after every generated birth date

_TEXT_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs"),  # no control characters, no lone surrogates
)
_LINE_TEXT = st.text(_TEXT_CHARS, max_size=30)
_NOTES = st.text(
    st.one_of(_TEXT_CHARS, st.sampled_from("\n\t\r")),
    max_size=60,
)
_CHINESE = st.text(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=4
)
_IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9\- /_.]{0,20}[A-Za-z0-9]|[0-9]", fullmatch=True)


def _day(low: date = EARLIEST_EVENT, high: date = AS_OF) -> st.SearchStrategy[date]:
    return st.dates(min_value=low, max_value=high)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _number(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


@st.composite
def _dxa(draw: st.DrawFn) -> dict:
    scan: dict = {"date": draw(_day()).isoformat()}
    if draw(st.booleans()):
        scan["device"] = draw(_LINE_TEXT)
    bounds = {"t": (-7.0, 5.0), "z": (-7.0, 5.0), "bmd": (0.05, 3.0)}
    keys = [(s, k) for s in codes.DXA_SITES for k in ("t", "z", "bmd")]
    chosen = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=5, unique=True))
    for site, kind in chosen:
        scan[f"{site}_{kind}"] = draw(_number(*bounds[kind]))
    return scan


@st.composite
def _lab(draw: st.DrawFn) -> dict:
    test = draw(st.sampled_from(sorted(codes.LAB_UNITS)))
    canonical = draw(st.sampled_from(codes.LAB_UNITS[test]))
    spelled = draw(
        st.sampled_from(
            [canonical, canonical.upper(), canonical.lower(), canonical.replace("u", "µ", 1)]
        )
    )
    low, high = codes.LAB_RANGES[(test, canonical)]
    value = draw(st.one_of(_number(low, high), st.integers(int(low) + 1, int(high))))
    return {"date": draw(_day()).isoformat(), "test": test, "value": value, "unit": spelled}


@st.composite
def _treatment(draw: st.DrawFn) -> dict:
    start = draw(_day())
    item: dict = {"drug": draw(st.sampled_from(codes.OSTEOPOROSIS_DRUGS))}
    item["start_date"] = start.isoformat()
    planned = draw(st.booleans())
    end = draw(st.none() | _day(start, AS_OF + timedelta(days=400) if planned else AS_OF))
    item["end_date"] = _iso(end)
    if planned:
        item["planned_stop"] = True
    dose_high = min(end, AS_OF) if end else AS_OF
    if draw(st.booleans()):
        item["last_dose_date"] = draw(_day(start, dose_high)).isoformat()
    if draw(st.booleans()):
        item["dose_dates"] = [
            d.isoformat() for d in draw(st.lists(_day(start, dose_high), max_size=4))
        ]
    if draw(st.booleans()):
        item["doses_given"] = draw(st.integers(0, 1000))
    if draw(st.booleans()):
        item["product"] = draw(_LINE_TEXT)
    return item


@st.composite
def _gc(draw: st.DrawFn, past: bool) -> dict:
    start = draw(_day())
    end = draw(_day(start)) if past else draw(st.none() | _day(start))
    return {
        "dose_mg_per_day": draw(_number(0.0, 1000.0)),
        "start_date": start.isoformat(),
        "end_date": _iso(end),
    }


@st.composite
def record_json(draw: st.DrawFn) -> dict:
    """A record JSON object that passes parse_record(as_of=AS_OF)."""
    sex = draw(st.sampled_from(codes.SEXES))
    birth = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(1990, 12, 31)))
    data: dict = {"sex": sex, "birth_date": birth.isoformat()}
    if draw(st.booleans()):
        data["schema"] = codes.RECORD_SCHEMA
    optional = {
        "id": _IDS,
        "name": st.one_of(_CHINESE, _LINE_TEXT),
        "phone": st.from_regex(r"\+?[0-9][0-9 \-]{3,15}[0-9]", fullmatch=True),
        "language": st.sampled_from(codes.LANGUAGES),
        "weight_kg": _number(20.0, 300.0),
        "height_cm": _number(50.0, 250.0),
        "falls_past_year": st.integers(0, 100),
        "notes": _NOTES,
        "conditions": st.lists(st.sampled_from(codes.CONDITIONS), max_size=5),
        "allergies": st.lists(st.sampled_from(codes.OSTEOPOROSIS_DRUGS), max_size=3),
        "events": st.lists(
            st.builds(
                lambda t, d: {"type": t, "date": d.isoformat()},
                st.sampled_from(codes.EVENT_TYPES),
                _day(),
            ),
            max_size=2,
        ),
        "fractures": st.lists(
            st.builds(
                lambda s, d, f: {
                    "site": s,
                    "date": d.isoformat(),
                    **({} if f is None else {"fragility": f}),
                },
                st.sampled_from(codes.FRACTURE_SITES),
                _day(),
                st.none() | st.booleans(),
            ),
            max_size=3,
        ),
        "glucocorticoid": _gc(past=False),
        "glucocorticoid_past": st.lists(_gc(past=True), max_size=2),
        "dxa": st.lists(_dxa(), max_size=3),
        "frax": st.lists(
            st.builds(
                lambda d, m, h, b, g, model: {
                    k: v
                    for k, v in {
                        "date": d.isoformat(),
                        "major_osteoporotic_pct": m,
                        "hip_pct": h,
                        "with_bmd": b,
                        "glucocorticoid_ticked": g,
                        "model": model,
                    }.items()
                    if v is not None
                },
                _day(),
                _number(0.0, 100.0),
                st.none() | _number(0.0, 100.0),
                st.none() | st.booleans(),
                st.none() | st.booleans(),
                st.none() | _LINE_TEXT,
            ),
            max_size=2,
        ),
        "labs": st.lists(_lab(), max_size=4),
        "treatments": st.lists(_treatment(), max_size=3),
        "biologics": st.lists(
            st.builds(
                lambda drug, start, days: {
                    "drug": drug,
                    "start_date": start.isoformat(),
                    "end_date": _iso(
                        None if days is None else min(AS_OF, start + timedelta(days=days))
                    ),
                },
                st.sampled_from(codes.RHEUMATOLOGY_DRUGS),
                _day(),
                st.none() | st.integers(0, 3000),
            ),
            max_size=2,
        ),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            data[key] = draw(strategy)
    if sex == "female" and draw(st.booleans()):
        data["menopausal_status"] = draw(st.sampled_from(codes.MENOPAUSAL_STATUSES))
        if draw(st.booleans()):
            data["menopause_year"] = draw(st.integers(birth.year + 8, AS_OF.year))
    return data


def valid_records() -> st.SearchStrategy[PatientRecord]:
    """Parsed records (the strategy only builds objects parse_record accepts)."""
    return record_json().map(lambda data: parse_record(data, as_of=AS_OF))
