"""BMD changes between consecutive scans larger than the least significant change (A7).

Pure functions (no Qt) so the chart and its tests share one definition. The LSC is a setting per
site in g/cm² (ISCD: 2.77 × the centre's precision error; Part B §5); a site without one is not
judged. Two scans are compared only when they come from the same device or a device is unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from osteodesk.core import codes
from osteodesk.core.record import DxaScan


@dataclass(frozen=True, slots=True)
class SignificantChange:
    """A BMD change at one site, from the previous scan to this one, beyond the LSC."""

    site: str
    date: dt.date
    previous_date: dt.date
    change_g_cm2: float
    lsc_g_cm2: float

    @property
    def is_loss(self) -> bool:
        return self.change_g_cm2 < 0


def _comparable(a: DxaScan, b: DxaScan) -> bool:
    return a.device is None or b.device is None or a.device.strip() == b.device.strip()


def significant_changes(
    scans: Sequence[DxaScan], lsc_by_site: Mapping[str, float | None]
) -> list[SignificantChange]:
    """Every change between consecutive scans of a site whose size exceeds that site's LSC.

    Args:
        scans: the record's DXA scans in any order.
        lsc_by_site: least significant change per site in g/cm²; None or missing = not set.

    Returns:
        The changes in date order per site, sites in ``codes.DXA_SITES`` order.
    """
    found: list[SignificantChange] = []
    ordered = sorted(scans, key=lambda s: s.date)
    for site in codes.DXA_SITES:
        lsc = lsc_by_site.get(site)
        if lsc is None or lsc <= 0:
            continue
        with_bmd = [scan for scan in ordered if site in scan.bmd]
        for previous, current in zip(with_bmd, with_bmd[1:], strict=False):
            if not _comparable(previous, current):
                continue
            change = current.bmd[site] - previous.bmd[site]
            if abs(change) > lsc:
                found.append(SignificantChange(site, current.date, previous.date, change, lsc))
    return found


def series_points(scans: Sequence[DxaScan], site: str, measure: str) -> list[tuple[dt.date, float]]:
    """The (date, value) points of one site for ``t`` or ``bmd``, oldest first."""
    points = []
    for scan in sorted(scans, key=lambda s: s.date):
        values = scan.t if measure == "t" else scan.bmd
        if site in values:
            points.append((scan.date, values[site]))
    return points
