"""Argument parsing shared by several commands (kept free of storage imports: evaluate is hot)."""

from __future__ import annotations

from datetime import date

from osteodesk.cli.errors import InputError


def parse_as_of(value: str | None) -> date:
    """The --as-of date, or today (the command line may read the clock; the rules never do)."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--as-of: must be a date YYYY-MM-DD (got {value!r})") from None
