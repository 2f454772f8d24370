"""Clinician-overridable defaults of the rules (the [U] constants of clinical-rules Part B)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from osteodesk.core import constants as k


def _no_overrides() -> Mapping[str, int]:
    return MappingProxyType({})


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
            treatment's ``product`` text (compared without regard to case).
    """

    cn2022_very_high_t_score: float = k.CN2022_VERY_HIGH_T_SCORE
    falls_high_risk_proxy: int = k.FALLS_HIGH_RISK_PROXY
    lsc_lumbar_spine: float | None = k.LSC_LUMBAR_SPINE_G_CM2
    lsc_femoral_neck: float | None = None
    lsc_total_hip: float | None = None
    lsc_radius_33: float | None = None
    teriparatide_lifetime_months: int = k.PTH_LIFETIME_MONTHS
    teriparatide_product_months: Mapping[str, int] = field(default_factory=_no_overrides)

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
            name.strip().lower(): months
            for name, months in self.teriparatide_product_months.items()
        }
        for product in reversed(products):
            months = overrides.get(product.strip().lower())
            if months is not None:
                return months
        return self.teriparatide_lifetime_months
