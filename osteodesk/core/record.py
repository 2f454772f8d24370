"""The patient record (`osteodesk.patient/1`): typed, frozen, validated.

`parse_record` is the one gate every record passes (file, form, database): it checks every field
against the contract and names the field, the value and the allowed range when something is wrong.
`record_to_json` writes the canonical JSON that `parse_record` reads back to an equal record.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from osteodesk.core import codes

# Physical ranges (contract section 1): outside them a value is a typing error.
T_SCORE_RANGE: Final = (-7.0, 5.0)
Z_SCORE_RANGE: Final = (-7.0, 5.0)
BMD_RANGE: Final = (0.05, 3.0)  # g/cm²
WEIGHT_RANGE: Final = (20.0, 300.0)  # kg
HEIGHT_RANGE: Final = (50.0, 250.0)  # cm
PERCENT_RANGE: Final = (0.0, 100.0)
GC_DOSE_RANGE: Final = (0.0, 1000.0)  # prednisone-equivalent mg/day
FALLS_RANGE: Final = (0, 100)
DOSES_RANGE: Final = (0, 1000)
OLDEST_BIRTH_DATE: Final = date(1900, 1, 1)
MAX_NAME_LENGTH: Final = 200
MAX_ID_LENGTH: Final = 64
MAX_NOTES_LENGTH: Final = 20000
MAX_TEXT_LENGTH: Final = 200
MAX_LIST_LENGTH: Final = 1000

_DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ID_RE: Final = re.compile(r"^[^\s\x00-\x1f\x7f]([^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where it is and what is allowed."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class RecordError(ValueError):
    """A record failed validation; `problems` lists every field that is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class Event:
    """A cardiovascular or thrombotic event (gates romosozumab, SERMs, HRT)."""

    type: str
    date: date


@dataclass(frozen=True, slots=True)
class Fracture:
    """A fracture; `fragility` None means not stated, which counts as fragility (A0)."""

    site: str
    date: date
    fragility: bool | None = None

    @property
    def is_fragility(self) -> bool:
        return self.fragility is not False


@dataclass(frozen=True, slots=True)
class GlucocorticoidCourse:
    """A prednisone-equivalent course; `end_date` None means ongoing."""

    dose_mg_per_day: float
    start_date: date
    end_date: date | None = None


@dataclass(frozen=True, slots=True)
class DxaScan:
    """One DXA visit; `t`, `z` and `bmd` map a site (codes.DXA_SITES) to its value."""

    date: date
    t: Mapping[str, float] = field(default_factory=dict)
    z: Mapping[str, float] = field(default_factory=dict)
    bmd: Mapping[str, float] = field(default_factory=dict)
    device: str | None = None


@dataclass(frozen=True, slots=True)
class FraxResult:
    """An official FRAX result typed in by the clinician (never computed here)."""

    date: date
    major_osteoporotic_pct: float | None = None
    hip_pct: float | None = None
    with_bmd: bool | None = None
    glucocorticoid_ticked: bool | None = None
    model: str | None = None


@dataclass(frozen=True, slots=True)
class LabResult:
    """A lab value with its unit exactly as entered."""

    date: date
    test: str
    value: float
    unit: str

    @property
    def canonical_unit(self) -> str:
        unit = codes.canonical_unit(self.test, self.unit)
        assert unit is not None, "validated at parse time"
        return unit


@dataclass(frozen=True, slots=True)
class Treatment:
    """An osteoporosis drug course, present or past, with the doses given where known."""

    drug: str
    start_date: date
    end_date: date | None = None
    last_dose_date: date | None = None
    doses_given: int | None = None
    product: str | None = None
    planned_stop: bool = False
    dose_dates: tuple[date, ...] = ()

    @property
    def latest_dose(self) -> date | None:
        """The last dose on record, from `last_dose_date` or the dose list."""
        candidates = [d for d in (self.last_dose_date, *self.dose_dates) if d is not None]
        return max(candidates) if candidates else None

    @property
    def dose_count(self) -> int | None:
        """Doses given: the stated count, else the number of recorded dose dates."""
        if self.doses_given is not None:
            return max(self.doses_given, len(self.dose_dates))
        return len(self.dose_dates) if self.dose_dates else None


@dataclass(frozen=True, slots=True)
class Biologic:
    """A rheumatology drug (never a bone treatment; seed section 二)."""

    drug: str
    start_date: date
    end_date: date | None = None


@dataclass(frozen=True, slots=True)
class PatientRecord:
    """One patient's facts. Everything but sex and birth date is optional; missing = unknown."""

    sex: str
    birth_date: date
    id: str | None = None
    name: str | None = None
    phone: str | None = None
    language: str | None = None
    menopausal_status: str | None = None
    menopause_year: int | None = None
    weight_kg: float | None = None
    height_cm: float | None = None
    conditions: frozenset[str] = frozenset()
    allergies: frozenset[str] = frozenset()
    events: tuple[Event, ...] = ()
    fractures: tuple[Fracture, ...] = ()
    falls_past_year: int | None = None
    glucocorticoid: GlucocorticoidCourse | None = None
    glucocorticoid_past: tuple[GlucocorticoidCourse, ...] = ()
    dxa: tuple[DxaScan, ...] = ()
    frax: tuple[FraxResult, ...] = ()
    labs: tuple[LabResult, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    biologics: tuple[Biologic, ...] = ()
    notes: str | None = None

    @property
    def glucocorticoid_courses(self) -> tuple[GlucocorticoidCourse, ...]:
        """Every glucocorticoid course on record, earlier ones first."""
        current = (self.glucocorticoid,) if self.glucocorticoid else ()
        return tuple(sorted((*self.glucocorticoid_past, *current), key=lambda c: c.start_date))


# --- parsing ------------------------------------------------------------------------------


class _Checker:
    """Collects problems while reading a JSON object, so one pass reports them all."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def obj(self, value: Any, path: str, allowed: Iterable[str]) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.fail(path, f"must be an object (got {_show(value)})")
            return None
        allowed = tuple(allowed)
        for key in value:
            if key not in allowed:
                self.fail(_join(path, str(key)), f"unknown field; allowed: {', '.join(allowed)}")
        return value

    def text(
        self, value: Any, path: str, *, max_length: int = MAX_TEXT_LENGTH, multiline: bool = False
    ) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(path, f"must be text (got {_show(value)})")
            return None
        if len(value) > max_length:
            self.fail(path, f"must be at most {max_length} characters (got {len(value)})")
            return None
        bad = _CONTROL_RE.search(value) if multiline else re.search(r"[\x00-\x1f\x7f]", value)
        if bad:
            self.fail(path, f"must not contain control character {bad.group()!r}")
            return None
        # A lone UTF-16 surrogate (JSON "\ud800") cannot be stored or printed as UTF-8.
        surrogate = re.search("[\ud800-\udfff]", value)
        if surrogate:
            code = ord(surrogate.group())
            self.fail(path, f"must be valid Unicode text (got the lone surrogate U+{code:04X})")
            return None
        return value

    def number(
        self, value: Any, path: str, bounds: tuple[float, float], unit: str = ""
    ) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, f"must be a number (got {_show(value)})")
            return None
        low, high = bounds
        suffix = f" {unit}" if unit else ""
        # An int is compared as it is: math.isfinite(10**400) would raise OverflowError.
        finite = isinstance(value, int) or math.isfinite(value)
        if not finite or not low <= value <= high:
            self.fail(
                path, f"must be between {_fmt(low)} and {_fmt(high)}{suffix} (got {_show(value)})"
            )
            return None
        return float(value)

    def integer(self, value: Any, path: str, bounds: tuple[int, int]) -> int | None:
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"must be a whole number (got {_show(value)})")
            return None
        if not bounds[0] <= value <= bounds[1]:
            self.fail(path, f"must be between {bounds[0]} and {bounds[1]} (got {value})")
            return None
        return value

    def boolean(self, value: Any, path: str) -> bool | None:
        if value is None:
            return None
        if not isinstance(value, bool):
            self.fail(path, f"must be true or false (got {_show(value)})")
            return None
        return value

    def code(self, value: Any, path: str, allowed: Iterable[str]) -> str | None:
        allowed = tuple(allowed)
        if not isinstance(value, str) or value not in allowed:
            self.fail(path, f"must be one of {', '.join(allowed)} (got {_show(value)})")
            return None
        return value

    def day(
        self, value: Any, path: str, *, required: bool = True, future_ok: bool = False
    ) -> date | None:
        if value is None:
            if required:
                self.fail(path, "is required (a date YYYY-MM-DD)")
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.fail(path, f"must be a date YYYY-MM-DD (got {_show(value)})")
            return None
        if parsed < OLDEST_BIRTH_DATE:
            self.fail(path, f"must be on or after {OLDEST_BIRTH_DATE.isoformat()} (got {value})")
            return None
        if not future_ok and parsed > self.as_of:
            self.fail(path, f"must not be after {self.as_of.isoformat()} (got {value})")
            return None
        return parsed

    def items(self, value: Any, path: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, f"must be a list (got {_show(value)})")
            return []
        if len(value) > MAX_LIST_LENGTH:
            self.fail(path, f"must have at most {MAX_LIST_LENGTH} entries (got {len(value)})")
            return []
        return value


def parse_date(value: Any) -> date | None:
    """An ISO ``YYYY-MM-DD`` date, or None when `value` is not one."""
    if not isinstance(value, str) or not _DATE_RE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fmt(number: float) -> str:
    return f"{number:g}"


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


_PATIENT_FIELDS: Final = (
    "schema",
    "id",
    "name",
    "phone",
    "language",
    "sex",
    "birth_date",
    "menopausal_status",
    "menopause_year",
    "weight_kg",
    "height_cm",
    "conditions",
    "allergies",
    "events",
    "fractures",
    "falls_past_year",
    "glucocorticoid",
    "glucocorticoid_past",
    "dxa",
    "frax",
    "labs",
    "treatments",
    "biologics",
    "notes",
)
_DXA_FIELDS: Final = (
    "date",
    "device",
    *(f"{site}_{kind}" for site in codes.DXA_SITES for kind in ("t", "z", "bmd")),
)


def parse_record(data: Any, *, as_of: date) -> PatientRecord:
    """Validate one record object and build the typed record.

    Args:
        data: the decoded JSON object of one patient.
        as_of: the date the record is read for; later dates are errors (contract A0).

    Raises:
        RecordError: listing every field that is wrong, with the allowed values.
    """
    c = _Checker(as_of)
    obj = c.obj(data, "", _PATIENT_FIELDS)
    if obj is None:
        raise RecordError(c.problems)
    schema = obj.get("schema")
    if schema is not None and schema != codes.RECORD_SCHEMA:
        c.fail("schema", f"must be {codes.RECORD_SCHEMA!r} (got {_show(schema)})")

    ident = obj.get("id")
    if ident is not None:
        ident = c.text(ident, "id", max_length=MAX_ID_LENGTH)
        if ident is not None and not _ID_RE.match(ident):
            c.fail("id", "must not be empty or start or end with spaces")
            ident = None
    name = c.text(obj.get("name"), "name", max_length=MAX_NAME_LENGTH)
    phone = c.text(obj.get("phone"), "phone", max_length=40)
    language = None
    if obj.get("language") is not None:
        language = c.code(obj["language"], "language", codes.LANGUAGES)
    sex = c.code(obj.get("sex"), "sex", codes.SEXES)
    birth = c.day(obj.get("birth_date"), "birth_date")
    menopausal = None
    if obj.get("menopausal_status") is not None:
        menopausal = c.code(
            obj["menopausal_status"], "menopausal_status", codes.MENOPAUSAL_STATUSES
        )
        if menopausal is not None and sex == "male":
            c.fail("menopausal_status", "applies to women only (sex is male)")
    low_year = birth.year + 8 if birth else OLDEST_BIRTH_DATE.year
    menopause_year = c.integer(obj.get("menopause_year"), "menopause_year", (low_year, as_of.year))
    weight = c.number(obj.get("weight_kg"), "weight_kg", WEIGHT_RANGE, "kg")
    height = c.number(obj.get("height_cm"), "height_cm", HEIGHT_RANGE, "cm")

    conditions = _code_set(c, obj.get("conditions"), "conditions", codes.CONDITIONS)
    allergies = _code_set(c, obj.get("allergies"), "allergies", codes.OSTEOPOROSIS_DRUGS)

    events = []
    for i, raw in enumerate(c.items(obj.get("events"), "events")):
        path = _join("events", i)
        item = c.obj(raw, path, ("type", "date"))
        if item is None:
            continue
        kind = c.code(item.get("type"), _join(path, "type"), codes.EVENT_TYPES)
        when = c.day(item.get("date"), _join(path, "date"))
        if kind and when:
            events.append(Event(kind, when))

    fractures = []
    for i, raw in enumerate(c.items(obj.get("fractures"), "fractures")):
        path = _join("fractures", i)
        item = c.obj(raw, path, ("site", "date", "fragility"))
        if item is None:
            continue
        site = c.code(item.get("site"), _join(path, "site"), codes.FRACTURE_SITES)
        when = c.day(item.get("date"), _join(path, "date"))
        fragility = c.boolean(item.get("fragility"), _join(path, "fragility"))
        if site and when:
            fractures.append(Fracture(site, when, fragility))

    falls = c.integer(obj.get("falls_past_year"), "falls_past_year", FALLS_RANGE)

    glucocorticoid = None
    if obj.get("glucocorticoid") is not None:
        glucocorticoid = _gc_course(c, obj["glucocorticoid"], "glucocorticoid")
    gc_past = []
    for i, raw in enumerate(c.items(obj.get("glucocorticoid_past"), "glucocorticoid_past")):
        course = _gc_course(c, raw, _join("glucocorticoid_past", i))
        if course is not None:
            if course.end_date is None:
                c.fail(
                    _join(_join("glucocorticoid_past", i), "end_date"),
                    "a past course needs an end date",
                )
            gc_past.append(course)

    dxa = []
    for i, raw in enumerate(c.items(obj.get("dxa"), "dxa")):
        scan = _dxa(c, raw, _join("dxa", i))
        if scan is not None:
            dxa.append(scan)

    frax = []
    for i, raw in enumerate(c.items(obj.get("frax"), "frax")):
        path = _join("frax", i)
        item = c.obj(
            raw,
            path,
            (
                "date",
                "major_osteoporotic_pct",
                "hip_pct",
                "with_bmd",
                "glucocorticoid_ticked",
                "model",
            ),
        )
        if item is None:
            continue
        when = c.day(item.get("date"), _join(path, "date"))
        mof = c.number(
            item.get("major_osteoporotic_pct"),
            _join(path, "major_osteoporotic_pct"),
            PERCENT_RANGE,
            "%",
        )
        hip = c.number(item.get("hip_pct"), _join(path, "hip_pct"), PERCENT_RANGE, "%")
        if item.get("major_osteoporotic_pct") is None and item.get("hip_pct") is None:
            c.fail(path, "needs major_osteoporotic_pct or hip_pct")
        with_bmd = c.boolean(item.get("with_bmd"), _join(path, "with_bmd"))
        ticked = c.boolean(item.get("glucocorticoid_ticked"), _join(path, "glucocorticoid_ticked"))
        model = c.text(item.get("model"), _join(path, "model"), max_length=60)
        if when:
            frax.append(FraxResult(when, mof, hip, with_bmd, ticked, model))

    labs = []
    for i, raw in enumerate(c.items(obj.get("labs"), "labs")):
        lab = _lab(c, raw, _join("labs", i))
        if lab is not None:
            labs.append(lab)

    treatments = []
    for i, raw in enumerate(c.items(obj.get("treatments"), "treatments")):
        treatment = _treatment(c, raw, _join("treatments", i))
        if treatment is not None:
            treatments.append(treatment)

    biologics = []
    for i, raw in enumerate(c.items(obj.get("biologics"), "biologics")):
        path = _join("biologics", i)
        item = c.obj(raw, path, ("drug", "start_date", "end_date"))
        if item is None:
            continue
        drug = c.code(item.get("drug"), _join(path, "drug"), codes.RHEUMATOLOGY_DRUGS)
        start = c.day(item.get("start_date"), _join(path, "start_date"))
        end = c.day(item.get("end_date"), _join(path, "end_date"), required=False)
        if start and end and end < start:
            c.fail(_join(path, "end_date"), f"must not be before start_date {start.isoformat()}")
        if drug and start:
            biologics.append(Biologic(drug, start, end))

    notes = c.text(obj.get("notes"), "notes", max_length=MAX_NOTES_LENGTH, multiline=True)

    if birth is not None:
        _check_after_birth(c, birth, events, fractures, dxa, frax, labs, treatments, biologics)
        if glucocorticoid and glucocorticoid.start_date < birth:
            c.fail(
                "glucocorticoid.start_date", f"must not be before birth_date {birth.isoformat()}"
            )

    if c.problems or sex is None or birth is None:
        raise RecordError(c.problems)
    return PatientRecord(
        sex=sex,
        birth_date=birth,
        id=ident,
        name=name,
        phone=phone,
        language=language,
        menopausal_status=menopausal,
        menopause_year=menopause_year,
        weight_kg=weight,
        height_cm=height,
        conditions=conditions,
        allergies=allergies,
        events=tuple(events),
        fractures=tuple(fractures),
        falls_past_year=falls,
        glucocorticoid=glucocorticoid,
        glucocorticoid_past=tuple(gc_past),
        dxa=tuple(dxa),
        frax=tuple(frax),
        labs=tuple(labs),
        treatments=tuple(treatments),
        biologics=tuple(biologics),
        notes=notes,
    )


def _code_set(c: _Checker, value: Any, path: str, allowed: tuple[str, ...]) -> frozenset[str]:
    found = set()
    for i, raw in enumerate(c.items(value, path)):
        code = c.code(raw, _join(path, i), allowed)
        if code:
            found.add(code)
    return frozenset(found)


def _gc_course(c: _Checker, raw: Any, path: str) -> GlucocorticoidCourse | None:
    item = c.obj(raw, path, ("dose_mg_per_day", "start_date", "end_date"))
    if item is None:
        return None
    if item.get("dose_mg_per_day") is None:
        c.fail(_join(path, "dose_mg_per_day"), "is required (prednisone-equivalent mg/day)")
    dose = c.number(
        item.get("dose_mg_per_day"), _join(path, "dose_mg_per_day"), GC_DOSE_RANGE, "mg/day"
    )
    start = c.day(item.get("start_date"), _join(path, "start_date"))
    end = c.day(item.get("end_date"), _join(path, "end_date"), required=False)
    if start and end and end < start:
        c.fail(_join(path, "end_date"), f"must not be before start_date {start.isoformat()}")
        return None
    if dose is None or start is None:
        return None
    return GlucocorticoidCourse(dose, start, end)


def _dxa(c: _Checker, raw: Any, path: str) -> DxaScan | None:
    item = c.obj(raw, path, _DXA_FIELDS)
    if item is None:
        return None
    when = c.day(item.get("date"), _join(path, "date"))
    device = c.text(item.get("device"), _join(path, "device"), max_length=80)
    t: dict[str, float] = {}
    z: dict[str, float] = {}
    bmd: dict[str, float] = {}
    bounds = {"t": T_SCORE_RANGE, "z": Z_SCORE_RANGE, "bmd": BMD_RANGE}
    targets = {"t": t, "z": z, "bmd": bmd}
    for site in codes.DXA_SITES:
        for kind in ("t", "z", "bmd"):
            key = f"{site}_{kind}"
            value = c.number(
                item.get(key), _join(path, key), bounds[kind], "g/cm²" if kind == "bmd" else ""
            )
            if value is not None:
                targets[kind][site] = value
    if not (t or z or bmd) and when is not None:
        c.fail(path, "needs at least one T-score, Z-score or BMD value")
        return None
    if when is None:
        return None
    return DxaScan(when, t, z, bmd, device)


def _lab(c: _Checker, raw: Any, path: str) -> LabResult | None:
    item = c.obj(raw, path, ("date", "test", "value", "unit"))
    if item is None:
        return None
    when = c.day(item.get("date"), _join(path, "date"))
    test = c.code(item.get("test"), _join(path, "test"), tuple(codes.LAB_UNITS))
    unit_raw = item.get("unit")
    unit = None
    if test is not None:
        if not isinstance(unit_raw, str) or codes.canonical_unit(test, unit_raw) is None:
            c.fail(
                _join(path, "unit"),
                f"for {test} must be one of {', '.join(codes.LAB_UNITS[test])}"
                f" (got {_show(unit_raw)})",
            )
        else:
            unit = unit_raw
    value = None
    if item.get("value") is None:
        c.fail(_join(path, "value"), "is required")
    elif test is not None and unit is not None:
        canonical = codes.canonical_unit(test, unit)
        assert canonical is not None
        value = c.number(
            item["value"], _join(path, "value"), codes.LAB_RANGES[(test, canonical)], canonical
        )
    if when is None or test is None or unit is None or value is None:
        return None
    return LabResult(when, test, value, unit)


def _treatment(c: _Checker, raw: Any, path: str) -> Treatment | None:
    item = c.obj(
        raw,
        path,
        (
            "drug",
            "start_date",
            "end_date",
            "last_dose_date",
            "doses_given",
            "product",
            "planned_stop",
            "dose_dates",
        ),
    )
    if item is None:
        return None
    drug = c.code(item.get("drug"), _join(path, "drug"), codes.OSTEOPOROSIS_DRUGS)
    planned = c.boolean(item.get("planned_stop"), _join(path, "planned_stop")) or False
    start = c.day(item.get("start_date"), _join(path, "start_date"))
    end = c.day(item.get("end_date"), _join(path, "end_date"), required=False, future_ok=planned)
    last = c.day(item.get("last_dose_date"), _join(path, "last_dose_date"), required=False)
    doses = c.integer(item.get("doses_given"), _join(path, "doses_given"), DOSES_RANGE)
    product = c.text(item.get("product"), _join(path, "product"), max_length=80)
    dose_dates = []
    for i, raw_day in enumerate(c.items(item.get("dose_dates"), _join(path, "dose_dates"))):
        day = c.day(raw_day, _join(_join(path, "dose_dates"), i))
        if day is not None:
            dose_dates.append(day)
    if start and end and end < start:
        c.fail(_join(path, "end_date"), f"must not be before start_date {start.isoformat()}")
    if start and last and last < start:
        c.fail(_join(path, "last_dose_date"), f"must not be before start_date {start.isoformat()}")
    if start and any(d < start for d in dose_dates):
        c.fail(_join(path, "dose_dates"), f"must not be before start_date {start.isoformat()}")
    if end and last and last > end:
        c.fail(_join(path, "last_dose_date"), f"must not be after end_date {end.isoformat()}")
    if drug is None or start is None:
        return None
    return Treatment(drug, start, end, last, doses, product, planned, tuple(sorted(dose_dates)))


def _check_after_birth(c: _Checker, birth: date, *groups: Iterable[Any]) -> None:
    names = ("events", "fractures", "dxa", "frax", "labs", "treatments", "biologics")
    for name, group in zip(names, groups, strict=True):
        for i, item in enumerate(group):
            when = getattr(item, "date", None) or getattr(item, "start_date", None)
            if when is not None and when < birth:
                c.fail(
                    f"{name}[{i}]",
                    f"dated {when.isoformat()}, before birth_date {birth.isoformat()}",
                )


# --- writing ------------------------------------------------------------------------------


def record_to_json(record: PatientRecord) -> dict[str, Any]:
    """The canonical JSON object of a record (omits unknown facts; lists in stored order)."""
    out: dict[str, Any] = {"schema": codes.RECORD_SCHEMA}
    if record.id is not None:
        out["id"] = record.id
    if record.name is not None:
        out["name"] = record.name
    if record.phone is not None:
        out["phone"] = record.phone
    if record.language is not None:
        out["language"] = record.language
    out["sex"] = record.sex
    out["birth_date"] = record.birth_date.isoformat()
    for key in ("menopausal_status", "menopause_year", "weight_kg", "height_cm"):
        value = getattr(record, key)
        if value is not None:
            out[key] = value
    if record.conditions:
        out["conditions"] = sorted(record.conditions)
    if record.allergies:
        out["allergies"] = sorted(record.allergies)
    if record.events:
        out["events"] = [{"type": e.type, "date": e.date.isoformat()} for e in record.events]
    if record.fractures:
        out["fractures"] = [_fracture_json(f) for f in record.fractures]
    if record.falls_past_year is not None:
        out["falls_past_year"] = record.falls_past_year
    if record.glucocorticoid is not None:
        out["glucocorticoid"] = _gc_json(record.glucocorticoid)
    if record.glucocorticoid_past:
        out["glucocorticoid_past"] = [_gc_json(g) for g in record.glucocorticoid_past]
    if record.dxa:
        out["dxa"] = [_dxa_json(s) for s in record.dxa]
    if record.frax:
        out["frax"] = [_frax_json(f) for f in record.frax]
    if record.labs:
        out["labs"] = [
            {"date": lab.date.isoformat(), "test": lab.test, "value": lab.value, "unit": lab.unit}
            for lab in record.labs
        ]
    if record.treatments:
        out["treatments"] = [_treatment_json(t) for t in record.treatments]
    if record.biologics:
        out["biologics"] = [
            {
                "drug": b.drug,
                "start_date": b.start_date.isoformat(),
                "end_date": _iso(b.end_date),
            }
            for b in record.biologics
        ]
    if record.notes is not None:
        out["notes"] = record.notes
    return out


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _fracture_json(f: Fracture) -> dict[str, Any]:
    out: dict[str, Any] = {"site": f.site, "date": f.date.isoformat()}
    if f.fragility is not None:
        out["fragility"] = f.fragility
    return out


def _gc_json(g: GlucocorticoidCourse) -> dict[str, Any]:
    return {
        "dose_mg_per_day": g.dose_mg_per_day,
        "start_date": g.start_date.isoformat(),
        "end_date": _iso(g.end_date),
    }


def _dxa_json(s: DxaScan) -> dict[str, Any]:
    out: dict[str, Any] = {"date": s.date.isoformat()}
    if s.device is not None:
        out["device"] = s.device
    for site in codes.DXA_SITES:
        for kind, values in (("t", s.t), ("z", s.z), ("bmd", s.bmd)):
            if site in values:
                out[f"{site}_{kind}"] = values[site]
    return out


def _frax_json(f: FraxResult) -> dict[str, Any]:
    out: dict[str, Any] = {"date": f.date.isoformat()}
    for key in ("major_osteoporotic_pct", "hip_pct", "with_bmd", "glucocorticoid_ticked", "model"):
        value = getattr(f, key)
        if value is not None:
            out[key] = value
    return out


def _treatment_json(t: Treatment) -> dict[str, Any]:
    out: dict[str, Any] = {
        "drug": t.drug,
        "start_date": t.start_date.isoformat(),
        "end_date": _iso(t.end_date),
    }
    if t.last_dose_date is not None:
        out["last_dose_date"] = t.last_dose_date.isoformat()
    if t.doses_given is not None:
        out["doses_given"] = t.doses_given
    if t.product is not None:
        out["product"] = t.product
    if t.planned_stop:
        out["planned_stop"] = True
    if t.dose_dates:
        out["dose_dates"] = [d.isoformat() for d in t.dose_dates]
    return out


def age_on(birth: date, day: date) -> int:
    """Completed years at `day` (contract A0)."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years
