"""Clinical sentences of the decision module (drugs, categories, reasons, alerts, monitoring)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
