"""A0 calendar arithmetic: whole calendar months, day clamped, "in the last N months"."""

from datetime import date

import pytest

from osteodesk.core.decision.dates import (
    Interval,
    add_days,
    add_months,
    add_years,
    at_least_months_after,
    date_exposure_reaches,
    exposure_months,
    fractional_months,
    in_last_months,
    merge_intervals,
    months_between,
)

AS_OF = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year: clamped to the 29th
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 3, 31), -1, date(2023, 2, 28)),
        (date(2026, 11, 25), 2, date(2027, 1, 25)),  # year rollover
        (date(2026, 1, 15), -13, date(2024, 12, 15)),
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2026, 11, 25), 0, date(2026, 11, 25)),
        (date(2026, 11, 25), -24, date(2024, 11, 25)),
    ],
)
def test_add_months_clamps_the_day(start, months, expected):
    assert add_months(start, months) == expected


def test_add_years_clamps_29_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_dates_beyond_the_calendar_clamp_instead_of_raising():
    assert add_months(date(9999, 11, 1), 5) == date.max
    assert add_months(date(1, 2, 1), -5) == date.min
    assert add_days(date.max, 1) == date.max
    assert add_days(date.min, -1) == date.min


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2020, 1, 15), date(2021, 1, 15), 12),  # exactly 12 months
        (date(2020, 1, 15), date(2021, 1, 14), 11),  # one day short
        (date(2024, 1, 31), date(2024, 2, 29), 1),  # clamped month end counts as a month
        (date(2024, 1, 31), date(2024, 2, 28), 0),
        (date(2021, 1, 15), date(2020, 1, 15), -12),
        (date(2020, 5, 5), date(2020, 5, 5), 0),
    ],
)
def test_months_between_counts_whole_calendar_months(start, end, expected):
    assert months_between(start, end) == expected


def test_at_least_months_after_on_both_sides_of_the_boundary():
    assert at_least_months_after(date(2021, 11, 25), AS_OF, 60)
    assert not at_least_months_after(date(2021, 11, 26), AS_OF, 60)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 11, 25), True),  # exactly as_of - 24 months: inside
        (date(2024, 11, 24), False),
        (AS_OF, True),
        (date(2026, 11, 26), False),  # after as_of is not "in the last N months"
    ],
)
def test_in_last_months_starts_on_as_of_minus_n_months(day, expected):
    assert in_last_months(day, AS_OF, 24) is expected


def test_fractional_months_adds_the_part_of_the_next_month():
    assert fractional_months(date(2026, 1, 1), date(2026, 1, 1)) == 0.0
    assert fractional_months(date(2026, 1, 1), date(2027, 1, 1)) == 12.0
    assert fractional_months(date(2026, 2, 1), date(2026, 2, 15)) == pytest.approx(0.5)


def test_merge_intervals_joins_overlapping_and_touching_records():
    merged = merge_intervals(
        [
            Interval(date(2022, 1, 1), date(2022, 6, 1)),
            Interval(date(2020, 1, 1), date(2021, 1, 1)),
            Interval(date(2022, 6, 1), date(2023, 1, 1)),
            Interval(date(2022, 3, 1), None),
        ]
    )
    assert merged == (
        Interval(date(2020, 1, 1), date(2021, 1, 1)),
        Interval(date(2022, 1, 1), None),
    )


def test_exposure_adds_every_record_without_double_counting_overlaps():
    intervals = [
        Interval(date(2020, 1, 1), date(2021, 1, 1)),  # 12 months
        Interval(date(2020, 7, 1), date(2021, 1, 1)),  # inside the first
        Interval(date(2025, 11, 25), None),  # running: 12 months to as_of
    ]
    assert exposure_months(intervals, AS_OF) == 24.0


def test_exposure_date_matches_calendar_months_for_one_record():
    start = date(2024, 11, 26)
    assert date_exposure_reaches([Interval(start, None)], 24) == add_months(start, 24)
    assert date_exposure_reaches([Interval(start, date(2025, 1, 1))], 24) is None


def test_exposure_date_continues_after_a_gap():
    intervals = [Interval(date(2020, 1, 1), date(2021, 1, 1)), Interval(date(2022, 1, 1), None)]
    assert date_exposure_reaches(intervals, 24) == date(2023, 1, 1)
    assert date_exposure_reaches(intervals, 6) == date(2020, 7, 1)
