"""The one table of clinical constants: value, unit, source and confidence tag for each.

Confidence tags (clinical-rules.md B0): C confirmed, S secondary summary, U unconfirmed (shipped
only as a labelled, clinician-overridable default). RULES_VERSION changes whenever a rule changes
and is stored with every saved assessment.
"""

from __future__ import annotations

from typing import Final

RULES_VERSION: Final = "2026.1"
