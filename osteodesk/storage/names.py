"""Search keys of a patient: folded names, pinyin (pypinyin), initials, id, phone and birth date.

Every key is stored as a term in `search_terms`; a query is folded the same way and matched as a
prefix, which is one index range scan whatever the query length (FTS5 trigram cannot do 1- and
2-character queries, setup-notes.md).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Final

WHOLE: Final = 0  # a whole key: full name, full pinyin, initials, clinic id, phone, birth date
PART: Final = 1  # part of a key: given name, later syllables, digits of an id, phone substring
MIN_PHONE_PART = 4

_CJK_RE: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DROP_RE: Final = re.compile(r"[\s\-_.'’·•,，/()（）]+")
_TRAILING_DIGITS_RE: Final = re.compile(r"(\d+)$")

Term = tuple[int, str]


def fold(text: str) -> str:
    """The comparison form: NFKC, case-folded, without spaces and punctuation; ü typed as v."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ü", "v")
    return _DROP_RE.sub("", folded)


def has_cjk(text: str) -> bool:
    """Whether `text` contains a Chinese character."""
    return _CJK_RE.search(text) is not None


@dataclass(frozen=True, slots=True)
class NameKeys:
    """The derived forms of a name kept on the patient row (list sorting and display)."""

    pinyin: str | None
    initials: str | None
    sort_key: str


@lru_cache(maxsize=65536)
def _syllables(name: str) -> tuple[str, ...]:
    """The toneless pinyin syllables of a Chinese name (other text kept as folded words)."""
    # pypinyin loads its phrase dictionary (~170 ms) on import: only when a name needs it.
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for chunk in lazy_pinyin(name, style=Style.NORMAL, errors="default"):
        if has_cjk(chunk):
            continue
        for word in re.split(r"\s+", chunk):
            folded = fold(word)
            if folded:
                out.append(folded)
    return tuple(out)


@lru_cache(maxsize=4096)
def _surname_readings(char: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for a surname character (单: dan, shan, chan)."""
    from pypinyin import Style, pinyin

    readings = pinyin(char, style=Style.NORMAL, heteronym=True)
    return tuple(fold(r) for r in readings[0]) if readings else ()


def name_keys(name: str | None) -> NameKeys:
    """Pinyin, initials and sort key of a name (pinyin only for Chinese names)."""
    if not name:
        return NameKeys(None, None, "")
    if has_cjk(name):
        syllables = _syllables(name)
        full = "".join(syllables)
        initials = "".join(s[0] for s in syllables)
        return NameKeys(full or None, initials or None, full or fold(name))
    words = [fold(w) for w in name.split() if fold(w)]
    return NameKeys(None, "".join(w[0] for w in words) or None, fold(name))


def patient_terms(
    *, name: str | None, mrn: str | None, phone: str | None, birth_date: date
) -> set[Term]:
    """Every (weight, term) under which a patient is found."""
    terms: set[Term] = {(WHOLE, birth_date.strftime("%Y%m%d"))}
    if name:
        terms |= _name_terms(name)
    if mrn:
        folded = fold(mrn)
        if folded:
            terms.add((WHOLE, folded))
        match = _TRAILING_DIGITS_RE.search(folded)
        if match and match.group(1) != folded:
            terms.add((PART, match.group(1)))
        if match and match.group(1).lstrip("0") not in ("", match.group(1)):
            terms.add((PART, match.group(1).lstrip("0")))
    digits = phone_digits(phone)
    if digits:
        terms.add((WHOLE, digits))
        for start in range(1, len(digits) - MIN_PHONE_PART + 1):
            terms.add((PART, digits[start:]))
    return terms


def phone_digits(phone: str | None) -> str | None:
    """The digits of a phone number (what people type to find it)."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone))
    return digits or None


@lru_cache(maxsize=65536)
def _name_terms(name: str) -> frozenset[Term]:
    terms: set[Term] = set()
    folded = fold(name)
    if not folded:
        return frozenset()
    terms.add((WHOLE, folded))
    if has_cjk(name):
        # Given name alone (秀英, 英): clinics often remember only that.
        for start in range(1, len(folded)):
            terms.add((PART, folded[start:]))
        syllables = _syllables(name)
        if syllables:
            full = "".join(syllables)
            initials = "".join(s[0] for s in syllables)
            terms.add((WHOLE, full))
            terms.add((WHOLE, initials))
            if "v" in full:  # 吕 typed lu as well as lv
                terms.add((WHOLE, full.replace("v", "u")))
            for start in range(1, len(syllables)):
                terms.add((PART, "".join(syllables[start:])))
                if len(syllables) - start >= 2:
                    terms.add((PART, initials[start:]))
            # A polyphonic surname is read by its surname reading, which pypinyin's
            # phrase-based default may not pick (单 shan, not dan). Without a surname table
            # every reading is a candidate, so these rank as parts, after real matches.
            first = next((c for c in name if has_cjk(c)), None)
            rest = syllables[1:]
            if first is not None:
                for reading in _surname_readings(first):
                    if reading and reading != syllables[0]:
                        terms.add((PART, reading + "".join(rest)))
                        terms.add((PART, reading[0] + "".join(s[0] for s in rest)))
    else:
        words = [fold(w) for w in name.split() if fold(w)]
        for start in range(1, len(words)):
            terms.add((PART, "".join(words[start:])))
        if len(words) >= 2:
            terms.add((PART, "".join(w[0] for w in words)))
    return frozenset(terms)


def prefix_end(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def query_forms(text: str) -> list[str]:
    """The folded forms of a query to look up (a date typed 1954-05-12 becomes 19540512)."""
    folded = fold(text)
    return [folded] if folded else []
