"""From the record gate's problems to the form: which widget or cell, and what to tell the user.

`parse_record` is the one judge of a record (style: never a second set of rules in the UI). Its
problems name a field path (``weight_kg``, ``fractures[1].date``,
``treatments[0].dose_dates[2]``) and an English sentence with the allowed values; this module
splits the path and turns the sentence into a short hint in the interface language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from PySide6.QtCore import QObject

from osteodesk.core.record import Problem
from osteodesk.ui.patients.labels import date_format, format_date, format_number

TABLES: Final = ("fractures", "events", "treatments", "biologics")
_TABLE_PATH: Final = re.compile(r"^(\w+)\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?$")
_ISO: Final = r"(\d{4}-\d{2}-\d{2})"


@dataclass(frozen=True, slots=True)
class FieldPath:
    """Where a problem is: a top-level field, or a cell (or row) of one of the record's lists.

    `name` is the top-level field (``weight_kg``, ``glucocorticoid.end_date``) or the list's
    name; `row`, `key` and `sub_row` locate a cell (``key`` None = the whole row; `sub_row` is
    the dose within a treatment's ``dose_dates``).
    """

    name: str
    row: int | None = None
    key: str | None = None
    sub_row: int | None = None

    @property
    def is_table(self) -> bool:
        return self.name in TABLES and self.row is not None


def split_path(field: str) -> FieldPath:
    """Locate a problem's field path."""
    match = _TABLE_PATH.match(field)
    if match:
        name, row, key, sub_row = match.groups()
        return FieldPath(name, int(row), key, int(sub_row) if sub_row is not None else None)
    return FieldPath(field)


class ProblemHints(QObject):
    """Short, translated hints for the gate's problems (the allowed range, the limit date)."""

    def hint(self, problem: Problem) -> str:
        """What the user should change, in the interface language."""
        message = problem.message
        if message.startswith("is required"):
            return self.tr("Required")
        match = re.match(r"^must be between (\S+) and (\S+)(?: (.+?))? \(got", message)
        if match:
            low, high, unit = match.groups()
            return (
                self.tr("Allowed: {low} to {high} {unit}")
                .format(low=_number(low), high=_number(high), unit=unit or "")
                .strip()
            )
        match = re.match(rf"^must not be after end_date {_ISO}", message)
        if match:
            return self.tr("Must not be after the end date ({date})").format(
                date=_date(match.group(1))
            )
        match = re.match(rf"^must not be after {_ISO}", message)
        if match:
            return self.tr("Must not be after today ({date})").format(date=_date(match.group(1)))
        match = re.match(rf"^must not be before start_date {_ISO}", message)
        if match:
            return self.tr("Must not be before the start date ({date})").format(
                date=_date(match.group(1))
            )
        match = re.match(
            rf"^(?:must not be before birth_date|dated \S+, before birth_date) {_ISO}", message
        )
        if match:
            return self.tr("Must not be before the birth date ({date})").format(
                date=_date(match.group(1))
            )
        match = re.match(rf"^must be on or after {_ISO}", message)
        if match:
            return self.tr("Must be on or after {date}").format(date=_date(match.group(1)))
        match = re.match(r"^must be at most (\d+) characters", message)
        if match:
            return self.tr("At most {count} characters").format(count=match.group(1))
        if message.startswith("must be one of"):
            return self.tr("Choose one of the listed values")
        if message.startswith("must be a whole number"):
            return self.tr("Type a whole number")
        if message.startswith("must be a number"):
            return self.tr("Type a number")
        if message.startswith("must be a date"):
            return self.tr("Type a date as {format}").format(format=date_format())
        if message.startswith("applies to women only"):
            return self.tr("Applies to women only")
        if message.startswith("must not be empty or start or end with spaces"):
            return self.tr("Must not start or end with spaces")
        if message.startswith("must not contain control character"):
            return self.tr("Must not contain control characters")
        return message


def _number(text: str) -> str:
    try:
        value = float(text)
    except ValueError:
        return text
    decimals = 0 if value.is_integer() else len(text.split(".")[-1])
    return format_number(value, decimals)


def _date(text: str) -> str:
    return format_date(date.fromisoformat(text))
