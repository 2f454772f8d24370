"""The facts the rules read, taken once from a record at `as_of` (A0).

Latest DXA value per site, latest FRAX, latest value of each lab, the patient's group for the
diagnosis rules, the fragility fractures (a fracture without ``fragility`` counts) and the
glucocorticoid course running at `as_of`. Nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from osteodesk.core import codes
from osteodesk.core import constants as k
from osteodesk.core.record import (
    DxaScan,
    Fracture,
    FraxResult,
    GlucocorticoidCourse,
    LabResult,
    PatientRecord,
    age_on,
)


def dec(value: float) -> Decimal:
    """The decimal the user typed (shortest repr), so 0.8 - 0.77 is exactly 0.03."""
    return Decimal(repr(value))


@dataclass(frozen=True, slots=True)
class SiteValue:
    """The latest value at one DXA site, with the scan date."""

    site: str
    value: float
    date: date


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules need from one record on one day."""

    record: PatientRecord
    as_of: date
    age: int
    female: bool
    menopause: str | None  # "pre" | "peri" | "post"; None for men and unknown young women
    menopause_inferred: bool  # post from age >= 50 without a stated status (A1)
    who_applies: bool  # post/perimenopausal women and men >= 50 (T-score diagnosis)
    t_scores: Mapping[str, SiteValue]
    z_scores: Mapping[str, SiteValue]
    frax: FraxResult | None
    labs: Mapping[str, LabResult]
    fragility_fractures: tuple[Fracture, ...]
    gc_current: GlucocorticoidCourse | None

    @property
    def male(self) -> bool:
        return not self.female

    @property
    def postmenopausal(self) -> bool:
        return self.female and self.menopause == "post"

    @property
    def lowest_t(self) -> SiteValue | None:
        """The lowest latest T-score across the DXA sites."""
        if not self.t_scores:
            return None
        return min(self.t_scores.values(), key=lambda v: (v.value, codes.DXA_SITES.index(v.site)))

    @property
    def lowest_z(self) -> SiteValue | None:
        """The lowest latest Z-score across the DXA sites."""
        if not self.z_scores:
            return None
        return min(self.z_scores.values(), key=lambda v: (v.value, codes.DXA_SITES.index(v.site)))

    def lab(self, test: str) -> LabResult | None:
        return self.labs.get(test)


def latest_per_site(scans: tuple[DxaScan, ...], kind: str) -> dict[str, SiteValue]:
    """The latest value of `kind` ("t", "z" or "bmd") at each site; later list entries win ties."""
    found: dict[str, SiteValue] = {}
    for scan in scans:
        values: Mapping[str, float] = getattr(scan, kind)
        for site, value in values.items():
            current = found.get(site)
            if current is None or scan.date >= current.date:
                found[site] = SiteValue(site, value, scan.date)
    return found


def _latest_frax(record: PatientRecord) -> FraxResult | None:
    latest: FraxResult | None = None
    for item in record.frax:
        if latest is None or item.date >= latest.date:
            latest = item
    return latest


def _latest_labs(record: PatientRecord) -> dict[str, LabResult]:
    found: dict[str, LabResult] = {}
    for lab in record.labs:
        current = found.get(lab.test)
        if current is None or lab.date >= current.date:
            found[lab.test] = lab
    return found


def ongoing_course(record: PatientRecord, as_of: date) -> GlucocorticoidCourse | None:
    """The glucocorticoid course running at `as_of`: the contract's ``end_date`` null."""
    course = record.glucocorticoid
    if course is None or course.start_date > as_of or course.end_date is not None:
        return None
    return course


def gather(record: PatientRecord, as_of: date) -> Facts:
    """Read the facts of `record` at `as_of`."""
    age = age_on(record.birth_date, as_of)
    female = record.sex == "female"
    menopause: str | None = None
    inferred = False
    if female:
        menopause = record.menopausal_status
        if menopause is None and age >= k.ASSUMED_POSTMENOPAUSAL_AGE:
            menopause, inferred = "post", True
    if female:
        who = menopause in ("post", "peri")
    else:
        who = age >= k.WHO_CRITERIA_MIN_AGE_MEN
    fractures = tuple(sorted((f for f in record.fractures if f.is_fragility), key=lambda f: f.date))
    return Facts(
        record=record,
        as_of=as_of,
        age=age,
        female=female,
        menopause=menopause,
        menopause_inferred=inferred,
        who_applies=who,
        t_scores=latest_per_site(record.dxa, "t"),
        z_scores=latest_per_site(record.dxa, "z"),
        frax=_latest_frax(record),
        labs=_latest_labs(record),
        fragility_fractures=fractures,
        gc_current=ongoing_course(record, as_of),
    )


@dataclass(frozen=True, slots=True)
class BmdChange:
    """BMD change at one site between two scans on the same device (A7)."""

    site: str
    loss: float  # g/cm², positive when BMD fell
    lsc: float
    earlier: date
    later: date
    device_known: bool  # False: devices not recorded, so "same device" is unconfirmed

    @property
    def exceeds_lsc(self) -> bool:
        return self.device_known and dec(self.loss) > dec(self.lsc)


def bmd_changes(
    facts: Facts, lsc_by_site: Mapping[str, float | None], since: date | None
) -> list[BmdChange]:
    """The change between the latest scan and the previous same-device scan at each site.

    Only sites with a least significant change set are compared, and only scans on or after
    `since` (e.g. the start of the current treatment). When either scan lacks a device the
    change is reported with ``device_known`` False: a missing fact never confirms "same device".
    """
    changes: list[BmdChange] = []
    for site in codes.DXA_SITES:
        lsc = lsc_by_site.get(site)
        if lsc is None:
            continue
        scans = sorted(
            (s for s in facts.record.dxa if site in s.bmd and (since is None or s.date >= since)),
            key=lambda s: s.date,
        )
        if len(scans) <= 1:  # a change needs an earlier and a later scan
            continue
        latest = scans[-1]
        earlier = None
        for scan in reversed(scans[:-1]):
            if scan.date >= latest.date:
                continue
            if latest.device is None or scan.device is None or scan.device == latest.device:
                earlier = scan
                break
        if earlier is None:
            continue
        known = latest.device is not None and earlier.device is not None
        loss = float(dec(earlier.bmd[site]) - dec(latest.bmd[site]))
        changes.append(BmdChange(site, loss, lsc, earlier.date, latest.date, known))
    return changes
