"""Entry point: `osteodesk` with no command (or `gui`) opens the window, anything else is the CLI.

Qt is imported only when the window is wanted, so command-line use starts fast and works on a
machine without a display.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; returns the exit code."""
    from osteodesk.cli.main import build_parser, run_command

    args_list = sys.argv[1:] if argv is None else argv
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    if args.command in (None, "gui"):
        from osteodesk.ui.app import run_gui

        return run_gui(args)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
