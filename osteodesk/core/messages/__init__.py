"""The message catalogue: one sentence per code per language, shared by the UI, the CLI and PDFs.

Keys are namespaced: ``drug.<id>``, ``diagnosis.<category>``, ``risk.<category>``,
``state.<treatment_state>``, ``reason.<code>``, ``alert.<code>``, ``monitoring.<item>``,
``supportive.<code>``, ``note.<code>``, ``handout.<key>``, ``worklist.<key>`` ... Each entry is
``(zh_CN, en)`` with ``{name}`` placeholders filled from the code's parameters. The tables live
in the modules of this package (clinical.py for the decision module, handout.py for
patient-facing text, worklist.py for the follow-up worklist).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from osteodesk.core.messages import clinical, conditions, handout, reference, worklist

LANGUAGES = ("zh_CN", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    **clinical.MESSAGES,
    **handout.MESSAGES,
    **conditions.MESSAGES,
    **reference.MESSAGES,
    **worklist.MESSAGES,
}


class _Blank(dict[str, Any]):
    """Leaves unknown placeholders visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def has(key: str) -> bool:
    """Whether the catalogue has a sentence for `key`."""
    return key in CATALOGUE


def text(key: str, lang: str = "en", params: Mapping[str, Any] | None = None) -> str:
    """The sentence for `key` in `lang` with its parameters filled in.

    A key with no entry returns the key itself, so a missing translation shows up visibly
    (and the catalogue completeness test catches it) instead of crashing a printout.
    """
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    template = entry[0] if lang == "zh_CN" else entry[1]
    if not params:
        return template
    return template.format_map(_Blank(params))
