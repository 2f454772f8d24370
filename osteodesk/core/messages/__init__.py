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
from typing import Any, Final

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


# parameter name -> catalogue namespace of its value
_LABELS: Final[dict[str, str]] = {
    "drug": "drug",
    "first": "drug",
    "second": "drug",
    "site": "site",
    "event": "event",
    "diagnosis": "diagnosis",
    "acr": "risk",
    "governing": "risk",
    "measure": "measure",
    "basis": "basis",
    "band": "band",
    "trigger": "trigger",
    "marker": "monitoring",
}
# parameters holding a comma-separated list of codes
_LIST_LABELS: Final[dict[str, str]] = {"drugs": "drug", "missing": "missing"}
_DISPLAY_DECIMALS: Final = 2


def _number(value: float) -> str:
    rounded = round(value, _DISPLAY_DECIMALS)
    return f"{rounded:g}" if rounded != 0 else "0"


def label(namespace: str, code: str, lang: str) -> str:
    """The catalogue label of a code (a drug, a site, a category), or the code itself."""
    key = f"{namespace}.{code}"
    return text(key, lang) if has(key) else code


def localise(params: Mapping[str, Any], lang: str) -> dict[str, str]:
    """Parameters ready for a sentence in `lang`."""
    out: dict[str, str] = {}
    separator = "、" if lang == "zh_CN" else ", "
    for key, value in params.items():
        if isinstance(value, str) and key in _LABELS:
            out[key] = label(_LABELS[key], value, lang) if value else ""
        elif isinstance(value, str) and key in _LIST_LABELS:
            items = [v.strip() for v in value.split(",") if v.strip()]
            out[key] = separator.join(label(_LIST_LABELS[key], v, lang) for v in items)
        elif isinstance(value, float):
            out[key] = _number(value)
        else:
            out[key] = str(value)
    return out


def sentence(namespace: str, code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The catalogue sentence for `namespace.code` with localised parameters."""
    return text(f"{namespace}.{code}", lang, localise(params, lang))


def coded(namespace: str, code: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    """The sentence of ``namespace.code`` with localised parameters.

    The bare code (spaced) when the catalogue has none, so a printout never fails on a new code.
    """
    if not has(f"{namespace}.{code}"):
        return code.replace("_", " ")
    return sentence(namespace, code, lang, params or {})


def detail_text(detail: str, lang: str) -> str:
    """A free-text detail in `lang`: the contract keeps details in English; a detail the
    catalogue knows (``detail.<text>``) is shown translated, any other one as it is."""
    key = f"detail.{detail}"
    return text(key, lang) if has(key) else detail
