"""A patient's follow-up schedule as an iCalendar file (RFC 5545) to import on a phone.

Written by hand (it is plain text): CRLF line ends, lines folded at 75 octets without
splitting a UTF-8 character, commas, semicolons, backslashes and line breaks escaped in text,
one all-day VEVENT per item (``DTSTART;VALUE=DATE``) with a stable UID, so importing the file
again updates the events instead of doubling them, and a reminder the day before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime

from osteodesk.core import messages
from osteodesk.core.decision.dates import add_days
from osteodesk.core.worklist import DueItem, detail_text, what_text

PRODUCT_ID = "-//OsteoDesk//Follow-up schedule//EN"
UID_DOMAIN = "osteodesk.invalid"  # RFC 2606: never a real host
FOLD_OCTETS = 75
CRLF = "\r\n"
# Clinic-side tasks that mean nothing in a patient's calendar.
CLINIC_ONLY_CODES = frozenset({"denosumab_last_dose_unknown"})


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = FOLD_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1  # a continuation line starts with one space
        current += char
        size += width
    pieces.append(current)
    return CRLF.join(pieces)


def _date(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _uid(patient: str, item: DueItem) -> str:
    key = f"{patient}|{item.code}|{item.subject}|{item.due_date.isoformat()}"
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@{UID_DOMAIN}"


def schedule_calendar(
    items: Sequence[DueItem],
    *,
    patient: str,
    name: str | None,
    lang: str,
    stamp: datetime,
) -> str:
    """The VCALENDAR text of one patient's due items.

    Args:
        items: the patient's items (osteodesk.core.worklist.DueItem).
        patient: the patient's clinic id (or internal number): part of every UID.
        name: the patient's name for the calendar's title.
        lang: ``zh_CN`` or ``en``.
        stamp: when the file is made (DTSTAMP); the caller reads the clock.

    Returns:
        The file's text; write it as UTF-8 without changing the line ends.
    """
    when = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    title = messages.text("worklist.calendar.name", lang, {"name": name or patient})
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(title)}",
    ]
    for item in items:
        if item.code in CLINIC_ONLY_CODES:
            continue
        summary = what_text(item.code, item.subject, item.params, lang)
        description = detail_text(item.code, item.subject, item.due_date, item.params, lang)
        day = item.due_date
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(patient, item)}",
            f"DTSTAMP:{when}",
            f"DTSTART;VALUE=DATE:{_date(day)}",
            f"DTEND;VALUE=DATE:{_date(add_days(day, 1))}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(summary)}",
            "TRIGGER:-P1D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
