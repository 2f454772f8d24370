"""A patient's schedule as an iCalendar file (RFC 5545): line ends, folding, escaping, UIDs."""

from datetime import UTC, date, datetime

from osteodesk.core.icalendar import escape_text, fold, schedule_calendar
from osteodesk.core.worklist import DueItem

STAMP = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def item(code="denosumab_dose_due", subject="denosumab", due=date(2027, 3, 20), **params):
    params = params or {"last_dose": "2026-09-20", "next_due": "2027-03-20", "late_after": "x"}
    return DueItem(code, subject, due, due, "treatment", params)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_escape_text():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_fold_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "地舒单抗应于注射" * 12
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line  # unfolding gives the line back
    for part in parts:
        part.encode("utf-8").decode("utf-8")  # every piece is whole UTF-8


def test_short_line_is_not_folded():
    assert fold("VERSION:2.0") == "VERSION:2.0"


def test_calendar_structure():
    text = schedule_calendar(
        [item(), item("dxa_due", "dxa", date(2027, 6, 1), test="dxa", reason="dxa_interval")],
        patient="MRN-000123",
        name="王秀英",
        lang="zh_CN",
        stamp=STAMP,
    )
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # only CRLF line ends
    raw_lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines)
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20270320" in lines
    assert "DTEND;VALUE=DATE:20270321" in lines
    assert "DTSTART;VALUE=DATE:20270601" in lines
    assert lines.count("DTSTAMP:20261125T093000Z") == 2
    assert "SUMMARY:地舒单抗注射" in lines
    assert "X-WR-CALNAME:骨质疏松随访：王秀英" in lines
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 2
    assert all(uid.endswith("@osteodesk.invalid") for uid in uids)
    assert "MRN-000123" not in text  # the clinic id does not leak into the UIDs


def test_uids_are_stable_and_text_is_escaped():
    params = {"drug": "romosozumab", "last_dose": "2026-10-05", "number": 7}
    visit = item("visit_due", "dose:romosozumab", date(2026, 11, 5), **params)
    first = schedule_calendar([visit], patient="7", name=None, lang="en", stamp=STAMP)
    again = schedule_calendar([visit], patient="7", name=None, lang="en", stamp=STAMP)
    assert first == again
    description = next(line for line in unfold(first) if line.startswith("DESCRIPTION:"))
    # "Monthly romosozumab dose due 2026-11-05 (last 2026-10-05); cardiovascular review ..."
    assert "\\;" in description
    assert ";" not in description.replace("\\;", "")[len("DESCRIPTION:") :]
    assert "SUMMARY:Romosozumab dose 7" in unfold(first)


def test_clinic_only_items_are_left_out():
    unknown = DueItem(
        "denosumab_last_dose_unknown", "denosumab", date(2026, 11, 25), date(2026, 11, 25), "x"
    )
    text = schedule_calendar([unknown], patient="1", name="A", lang="en", stamp=STAMP)
    assert "BEGIN:VEVENT" not in text
