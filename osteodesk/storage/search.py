"""Finding patients: reads search_terms (written by patients.py) and returns list summaries.

A query is folded like the stored terms (names.fold) and looked up as exact term, then as a
prefix of a whole key (name, pinyin, initials, clinic id, phone, birth date), then as a prefix
of a part (given name, later syllables, phone substring, the digits of an id). The four steps
are the four arms of one UNION ALL query that returns the list lines themselves: SQLite runs
the arms in order, each a range scan of the (weight, term) primary key, and stops at LIMIT,
so a query costs the same on 100,000 patients as on 100 and is one round trip (issue 8).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, Final

from sqlite_utils import Database

from osteodesk.storage.names import PART, WHOLE, fold, prefix_end
from osteodesk.storage.patients import SUMMARY_COLUMNS, PatientSummary, summary_from_row

DEFAULT_LIMIT: Final = 50
MAX_LIMIT: Final = 1000
# Rows read beyond the limit: one patient can match through several terms (read again with
# a larger cap in the rare case that duplicates used them all up).
_OVERSCAN: Final = 4

# Best match first: exact key, exact part, then keys and parts starting with the query.
# No ORDER BY: it would sort every match of a one-letter prefix; within an arm the rows
# come in key order, by the matched term then by number.
_STEPS: Final = (
    (WHOLE, "s.term = :q"),
    (PART, "s.term = :q"),
    (WHOLE, "s.term > :q AND s.term < :end"),
    (PART, "s.term > :q AND s.term < :end"),
)


def _lookup_sql(columns: str, *, include_archived: bool) -> str:
    archived = "" if include_archived else " AND p.archived = 0"
    arms = (
        f"SELECT {columns} FROM search_terms s JOIN patients p ON p.id = s.patient_id"
        f" WHERE s.weight = {weight} AND {match}{archived}"
        for weight, match in _STEPS
    )
    return " UNION ALL ".join(arms) + " LIMIT :cap"


_SUMMARY_SELECT: Final = ", ".join(f"p.{column}" for column in SUMMARY_COLUMNS)
_SQL: Final = {
    (columns, archived): _lookup_sql(select, include_archived=archived)
    for columns, select in (("ids", "p.id"), ("summaries", _SUMMARY_SELECT))
    for archived in (False, True)
}


class PatientSearch:
    """Search patients by name, pinyin, initials, clinic id, phone digits or birth date."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def find_ids(
        self, text: str, *, limit: int = DEFAULT_LIMIT, include_archived: bool = False
    ) -> list[int]:
        """Internal numbers of the matching patients, best match first.

        Ranking: exact key (clinic id, full name, pinyin, initials, phone, birth date), then
        exact part (given name, id digits), then keys starting with the query, then parts
        starting with it; within a step, by the matched term then by number.
        """
        return [row[0] for row in self._unique_rows(text, limit, include_archived, "ids")]

    def search(
        self,
        text: str,
        *,
        limit: int = DEFAULT_LIMIT,
        include_archived: bool = False,
        as_of: date | None = None,
    ) -> list[PatientSummary]:
        """The matching patients' list lines, best match first (ranked as find_ids)."""
        day = as_of or date.today()
        rows = self._unique_rows(text, limit, include_archived, "summaries")
        return [summary_from_row(row, day) for row in rows]

    def _unique_rows(
        self, text: str, limit: int, include_archived: bool, columns: str
    ) -> list[Sequence[Any]]:
        """The first row of each matching patient, at most `limit` of them, best first."""
        query = fold(text)
        if not query or limit <= 0:
            return []
        limit = min(limit, MAX_LIMIT)
        sql = _SQL[(columns, include_archived)]
        cap = limit * _OVERSCAN
        while True:
            found: dict[int, Sequence[Any]] = {}
            read = 0
            for row in self._rows(sql, query, cap):
                read += 1
                if row[0] not in found:
                    found[row[0]] = row
                    if len(found) >= limit:
                        return list(found.values())
            if read < cap:  # every match was read
                return list(found.values())
            cap *= 2

    def _rows(self, sql: str, query: str, cap: int) -> Iterator[Sequence[Any]]:
        params = {"q": query, "end": prefix_end(query), "cap": cap}
        cursor = self._db.execute(sql, params)
        try:
            yield from cursor
        finally:
            cursor.close()  # stopped at the limit: end the statement (and its read) now
