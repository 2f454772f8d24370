"""Patient-facing sentences for the handout and the wallet card: plain words, no jargon."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
