"""Command module placeholder: replaced by the issue that builds this command."""

from __future__ import annotations

import argparse

from osteodesk.cli.errors import CommandError


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """No arguments yet."""


def run(args: argparse.Namespace) -> int:
    """Not built yet."""
    raise CommandError(f"{args.command} is not available yet")
