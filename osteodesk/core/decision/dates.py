"""Calendar arithmetic of A0: whole calendar months with the day clamped to the month's end.

`d2` is at least N months after `d1` when ``d2 >= add_months(d1, N)``; "in the last N months"
means on or after ``add_months(as_of, -N)``. Time on a drug is measured in (fractional) calendar
months over the union of its records, so a single record is >= N months exactly when A0 says so.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

MONTHS_PER_YEAR: Final = 12


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, the day clamped to the end of the target month.

    Dates beyond the calendar's range clamp to ``date.min`` / ``date.max`` instead of raising.
    """
    index = day.year * MONTHS_PER_YEAR + (day.month - 1) + months
    year, month0 = divmod(index, MONTHS_PER_YEAR)
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years (29 February clamps to 28 February)."""
    return add_months(day, years * MONTHS_PER_YEAR)


def add_days(day: date, days: int) -> date:
    """`day` moved by `days`, clamped to the calendar's range."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def months_between(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end` (negative when `end` is earlier)."""
    if end < start:
        return -months_between(end, start)
    count = (end.year - start.year) * MONTHS_PER_YEAR + end.month - start.month
    if add_months(start, count) > end:
        count -= 1
    return count


def fractional_months(start: date, end: date) -> float:
    """Calendar months from `start` to `end`: whole months plus the fraction of the next one."""
    if end <= start:
        return 0.0
    whole = months_between(start, end)
    anchor = add_months(start, whole)
    following = add_months(start, whole + 1)
    span = (following - anchor).days
    return whole + ((end - anchor).days / span if span else 0.0)


def at_least_months_after(earlier: date, later: date, months: int) -> bool:
    """Whether `later` is >= `months` calendar months after `earlier` (A0)."""
    return later >= add_months(earlier, months)


def in_last_months(day: date, as_of: date, months: int) -> bool:
    """Whether `day` lies in the last `months` months: on or after as_of - N months, not later."""
    return add_months(as_of, -months) <= day <= as_of


@dataclass(frozen=True, slots=True)
class Interval:
    """A stretch of time on a drug; `end` None means it is still running."""

    start: date
    end: date | None


def merge_intervals(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """The union of `intervals`, sorted, overlapping or touching stretches joined."""
    ordered = sorted(intervals, key=lambda i: i.start)
    merged: list[Interval] = []
    for item in ordered:
        if merged:
            last = merged[-1]
            if last.end is None or item.start <= last.end:
                end = None if last.end is None or item.end is None else max(last.end, item.end)
                merged[-1] = Interval(last.start, end)
                continue
        merged.append(item)
    return tuple(merged)


def exposure_months(intervals: Sequence[Interval], until: date) -> float:
    """Months spent within the merged `intervals` up to `until` (running ones end at `until`)."""
    total = 0.0
    for item in merge_intervals(intervals):
        if item.start >= until:
            continue
        end = until if item.end is None else min(item.end, until)
        total += fractional_months(item.start, end)
    return total


def date_exposure_reaches(intervals: Sequence[Interval], months: float) -> date | None:
    """The day cumulative time in `intervals` reaches `months`, or None if it never does.

    A running interval continues indefinitely, so the answer may lie in the future.
    """
    remaining = months
    for item in merge_intervals(intervals):
        span = None if item.end is None else fractional_months(item.start, item.end)
        if span is not None and span < remaining:
            remaining -= span
            continue
        whole = int(remaining)
        anchor = add_months(item.start, whole)
        following = add_months(item.start, whole + 1)
        return add_days(anchor, round((remaining - whole) * (following - anchor).days))
    return None
