"""Errors a command reports as a message (never a traceback)."""

from __future__ import annotations


class InputError(Exception):
    """Bad input or usage: exit code 2. The message names the field or argument."""


class CommandError(Exception):
    """Any other failure the user should read about: exit code 1."""
