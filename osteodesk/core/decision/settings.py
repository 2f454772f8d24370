"""Clinician-overridable defaults of the rules (the [U] constants of clinical-rules Part B)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from osteodesk.core import constants as k
from osteodesk.core.products import fold_product_name


class FrozenMonths(Mapping[str, int]):
    """A read-only, hashable product -> months table (so RuleSettings stays hashable)."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, int] | None = None) -> None:
        self._items = MappingProxyType(dict(items or {}))

    def __getitem__(self, key: str) -> int:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._items.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __repr__(self) -> str:
        return f"FrozenMonths({dict(self._items)!r})"


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """The labelled defaults a clinician may change; every default comes from constants.py.

    Attributes:
        cn2022_very_high_t_score: CN 2022 very-high T-score cut-off (<=); [U] in Part B §1.6.
        falls_high_risk_proxy: falls in the past year that count as high fall risk (>=); [U].
        lsc_lumbar_spine: least significant change in g/cm² (None: no check at that site).
        lsc_femoral_neck: as above, femoral neck (no default: a centre must measure its own).
        lsc_total_hip: as above, total hip.
        lsc_radius_33: as above, 1/3 radius.
        teriparatide_lifetime_months: lifetime teriparatide + abaloparatide months; [C/U].
        teriparatide_product_months: per-product overrides of that limit, keyed by the
            treatment's ``product`` text (compared as `fold_product_name` folds names:
            case, width, spaces and hyphens ignored).
    """

    cn2022_very_high_t_score: float = k.CN2022_VERY_HIGH_T_SCORE
    falls_high_risk_proxy: int = k.FALLS_HIGH_RISK_PROXY
    lsc_lumbar_spine: float | None = k.LSC_LUMBAR_SPINE_G_CM2
    lsc_femoral_neck: float | None = None
    lsc_total_hip: float | None = None
    lsc_radius_33: float | None = None
    teriparatide_lifetime_months: int = k.PTH_LIFETIME_MONTHS
    teriparatide_product_months: Mapping[str, int] = field(default_factory=FrozenMonths)

    def __post_init__(self) -> None:
        if not isinstance(self.teriparatide_product_months, FrozenMonths):
            frozen = FrozenMonths(self.teriparatide_product_months)
            object.__setattr__(self, "teriparatide_product_months", frozen)

    def lsc(self, site: str) -> float | None:
        """The least significant change set for a DXA site, or None when not set."""
        value: float | None = getattr(self, f"lsc_{site}", None)
        return value

    def pth_limit_months(self, products: tuple[str, ...]) -> int:
        """The lifetime PTH-analogue limit, using a product override when one matches.

        Args:
            products: the ``product`` texts of the patient's PTH-analogue records, newest last.
        """
        overrides = {
            fold_product_name(name): months
            for name, months in self.teriparatide_product_months.items()
        }
        for product in reversed(products):
            months = overrides.get(fold_product_name(product))
            if months is not None:
                return months
        return self.teriparatide_lifetime_months
