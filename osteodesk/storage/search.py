"""Finding patients: reads search_terms (written by patients.py) and returns list summaries.

A query is folded like the stored terms (names.fold) and looked up as exact term, then as a
prefix of a whole key (name, pinyin, initials, clinic id, phone, birth date), then as a prefix
of a part (given name, later syllables, phone substring, the digits of an id). Each step is
one range scan of the (weight, term) primary key, stopped early by LIMIT, so a query costs the
same on 100,000 patients as on 100.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from sqlite_utils import Database

from osteodesk.storage.names import PART, WHOLE, fold, prefix_end
from osteodesk.storage.patients import PatientRepository, PatientSummary

DEFAULT_LIMIT: Final = 50
MAX_LIMIT: Final = 1000
# Rows read per step beyond the limit: one patient can match through several terms.
_OVERSCAN: Final = 4


class PatientSearch:
    """Search patients by name, pinyin, initials, clinic id, phone digits or birth date."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._patients = PatientRepository(db)

    def find_ids(
        self, text: str, *, limit: int = DEFAULT_LIMIT, include_archived: bool = False
    ) -> list[int]:
        """Internal numbers of the matching patients, best match first.

        Ranking: exact key (clinic id, full name, pinyin, initials, phone, birth date), then
        exact part (given name, id digits), then keys starting with the query, then parts
        starting with it; within a step, by the matched term then by number.
        """
        query = fold(text)
        if not query or limit <= 0:
            return []
        limit = min(limit, MAX_LIMIT)
        archived_clause = "" if include_archived else " AND p.archived = 0"
        found: dict[int, None] = {}
        steps = (
            ("s.weight = :w AND s.term = :q", WHOLE),
            ("s.weight = :w AND s.term = :q", PART),
            ("s.weight = :w AND s.term > :q AND s.term < :end", WHOLE),
            ("s.weight = :w AND s.term > :q AND s.term < :end", PART),
        )
        end = prefix_end(query)
        for condition, weight in steps:
            wanted = limit - len(found)
            if wanted <= 0:
                break
            rows = self._db.execute(
                "SELECT s.patient_id FROM search_terms s JOIN patients p ON p.id = s.patient_id"
                f" WHERE {condition}{archived_clause} LIMIT :cap",
                {"w": weight, "q": query, "end": end, "cap": wanted * _OVERSCAN + len(found)},
            )
            for (patient_id,) in rows:
                if patient_id not in found:
                    found[patient_id] = None
                    if len(found) >= limit:
                        break
        return list(found)

    def search(
        self,
        text: str,
        *,
        limit: int = DEFAULT_LIMIT,
        include_archived: bool = False,
        as_of: date | None = None,
    ) -> list[PatientSummary]:
        """The matching patients' list lines, best match first."""
        ids = self.find_ids(text, limit=limit, include_archived=include_archived)
        return self._patients.summaries(ids, as_of=as_of)
