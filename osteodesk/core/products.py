"""Brand and biosimilar names of the osteoporosis drugs, mapped to the contract's drug ids.

A clinician types what is on the box ("Prolia", "普罗力", "CT-P41"); the record keeps that text in
``treatments[].product`` and the rules need the drug id. Only names we are sure of are listed;
an unknown name maps to nothing and the clinician picks the drug by hand.

Some products contain an osteoporosis drug at a different dose for another indication
(denosumab 120 mg every 4 weeks for bone metastases: Xgeva and its biosimilars; zoledronic acid
4 mg for cancer: Zometa). They are listed so the form can say why they are not accepted as an
osteoporosis course, and `drug_for_product` returns None for them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

KINDS: Final = ("generic", "originator", "biosimilar", "development_code")


@dataclass(frozen=True, slots=True)
class Product:
    """One product name: the drug in it and whether it is an osteoporosis product.

    `note` is a message key (``reference.product_note.<code>``) explaining a caveat.
    """

    name: str
    drug: str
    kind: str = "originator"
    osteoporosis_dosing: bool = True
    note: str | None = None


_ONCOLOGY_DENOSUMAB: Final = "reference.product_note.denosumab_oncology"
_ONCOLOGY_ZOLEDRONIC: Final = "reference.product_note.zoledronic_acid_oncology"
_CHECK_STRENGTH: Final = "reference.product_note.denosumab_code_check_strength"
_WITH_VITAMIN_D: Final = "reference.product_note.with_vitamin_d"

PRODUCTS: Final[tuple[Product, ...]] = (
    # Bisphosphonates
    Product("Fosamax", "alendronate"),
    Product("福善美", "alendronate"),
    Product("Fosamax Plus D", "alendronate", note=_WITH_VITAMIN_D),
    Product("Binosto", "alendronate"),
    Product("Actonel", "risedronate"),
    Product("Atelvia", "risedronate"),
    Product("Boniva", "ibandronate"),
    Product("Bonviva", "ibandronate"),
    Product("Aclasta", "zoledronic_acid"),
    Product("密固达", "zoledronic_acid"),
    Product("Reclast", "zoledronic_acid"),
    Product("Zometa", "zoledronic_acid", osteoporosis_dosing=False, note=_ONCOLOGY_ZOLEDRONIC),
    # Denosumab: originator, biosimilars of the 60 mg product, and development codes (seed 三.07)
    Product("Prolia", "denosumab"),
    Product("普罗力", "denosumab"),
    Product("Jubbonti", "denosumab", kind="biosimilar"),
    Product("Stoboclo", "denosumab", kind="biosimilar"),
    Product("GP2411", "denosumab", kind="development_code", note=_CHECK_STRENGTH),
    Product("CT-P41", "denosumab", kind="development_code", note=_CHECK_STRENGTH),
    Product("RGB-14-P", "denosumab", kind="development_code", note=_CHECK_STRENGTH),
    Product("QL1206", "denosumab", kind="development_code", note=_CHECK_STRENGTH),
    Product("Bmab1000", "denosumab", kind="development_code", note=_CHECK_STRENGTH),
    Product("AVT03", "denosumab", kind="development_code", note=_CHECK_STRENGTH),
    Product("TVB-009", "denosumab", kind="development_code", note=_CHECK_STRENGTH),
    # Denosumab 120 mg for bone metastases: not an osteoporosis product
    Product("Xgeva", "denosumab", osteoporosis_dosing=False, note=_ONCOLOGY_DENOSUMAB),
    Product("安加维", "denosumab", osteoporosis_dosing=False, note=_ONCOLOGY_DENOSUMAB),
    Product(
        "Wyost", "denosumab", kind="biosimilar", osteoporosis_dosing=False, note=_ONCOLOGY_DENOSUMAB
    ),
    Product(
        "Osenvelt",
        "denosumab",
        kind="biosimilar",
        osteoporosis_dosing=False,
        note=_ONCOLOGY_DENOSUMAB,
    ),
    # SERMs
    Product("Evista", "raloxifene"),
    Product("易维特", "raloxifene"),
    Product("Conbriza", "bazedoxifene"),
    # Calcitonin
    Product("Miacalcin", "calcitonin"),
    Product("Miacalcic", "calcitonin"),
    Product("密盖息", "calcitonin"),
    Product("Fortical", "calcitonin"),
    # PTH and PTHrP analogues
    Product("Forteo", "teriparatide"),
    Product("Forsteo", "teriparatide"),
    Product("复泰奥", "teriparatide"),
    Product("Movymia", "teriparatide", kind="biosimilar"),
    Product("Terrosa", "teriparatide", kind="biosimilar"),
    Product("Tymlos", "abaloparatide"),
    Product("Eladynos", "abaloparatide"),
    # Sclerostin antibody
    Product("Evenity", "romosozumab"),
)

# Generic names, so typing the drug itself works too; the Chinese spellings the seed and the
# printouts use (阿巴帕肽 and 阿巴洛肽, 罗莫苏单抗 and 罗莫佐单抗 are the same drugs).
GENERIC_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "alendronate": ("alendronate", "alendronic acid", "阿仑膦酸钠", "阿仑膦酸"),
    "risedronate": ("risedronate", "risedronic acid", "利塞膦酸钠", "利塞膦酸"),
    "ibandronate": ("ibandronate", "ibandronic acid", "伊班膦酸钠", "伊班膦酸"),
    "zoledronic_acid": ("zoledronic acid", "zoledronate", "唑来膦酸"),
    "denosumab": ("denosumab", "地舒单抗"),
    "raloxifene": ("raloxifene", "雷洛昔芬"),
    "bazedoxifene": ("bazedoxifene", "巴多昔芬"),
    "hrt": ("hrt", "mht", "激素替代治疗", "绝经激素治疗"),
    "calcitonin": ("calcitonin", "salmon calcitonin", "降钙素", "鲑降钙素"),
    "teriparatide": ("teriparatide", "特立帕肽"),
    "abaloparatide": ("abaloparatide", "阿巴洛肽", "阿巴帕肽"),
    "romosozumab": ("romosozumab", "罗莫佐单抗", "罗莫苏单抗", "罗莫尤单抗"),
}

_ALL_NAMES: Final[tuple[Product, ...]] = (
    *PRODUCTS,
    *(
        Product(name, drug, kind="generic")
        for drug, names in GENERIC_NAMES.items()
        for name in names
    ),
)


def fold_product_name(name: str) -> str:
    """A name folded for comparison: no case, width, spaces, hyphens or trademark signs.

    So "ct p41", "CT-P41" and "ＣＴ－Ｐ４１" are the same name.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[\s\-_.®™]+", "", folded)


_BY_NAME: Final[dict[str, Product]] = {fold_product_name(p.name): p for p in _ALL_NAMES}


def lookup_product(name: str) -> Product | None:
    """The product called `name` (any spelling variant), or None when it is not listed."""
    folded = fold_product_name(name)
    return _BY_NAME.get(folded) if folded else None


def drug_for_product(name: str) -> str | None:
    """The drug id of an osteoporosis product, or None (unknown, or not osteoporosis dosing).

    Examples: ``Prolia`` and ``普罗力`` give ``denosumab``; ``Xgeva`` gives None, because it is
    denosumab 120 mg for bone metastases and not a course the osteoporosis rules can count.
    """
    product = lookup_product(name)
    if product is None or not product.osteoporosis_dosing:
        return None
    return product.drug


def products_of(drug: str) -> tuple[Product, ...]:
    """Every listed product containing `drug`, in table order (for completers and the reference)."""
    return tuple(p for p in PRODUCTS if p.drug == drug)
