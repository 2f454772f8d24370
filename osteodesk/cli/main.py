"""The command line of contract section 4: one parser, one module per command.

Exit codes: 0 success, 2 bad input or usage (a message naming the field), 1 any other failure.
Results go to stdout, messages to stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Protocol

from osteodesk import __version__
from osteodesk.cli.errors import CommandError, InputError

# Command name -> module under osteodesk.cli that defines add_arguments(parser) and run(args).
COMMANDS: dict[str, str] = {
    "evaluate": "evaluate",
    "import": "import_cmd",
    "export": "export_cmd",
    "search": "search",
    "due": "due",
    "report": "report",
    "backup": "backup",
    "restore": "backup",
    "check": "backup",
    "demo": "demo",
}
HELP: dict[str, str] = {
    "gui": "open the window (the default)",
    "evaluate": "evaluate patient records (JSON) and print the evaluation",
    "import": "add or update patients from a JSON record file or CSV (all or nothing)",
    "export": "write every patient as records (JSON or CSV)",
    "search": "find patients by name, pinyin, initials, id, phone or birth date",
    "due": "the follow-up worklist",
    "report": "write a care plan or patient handout PDF",
    "backup": "copy the database safely and verify the copy",
    "restore": "replace the database with a verified backup (the old one is kept)",
    "check": "check the database (or a backup) for damage",
    "demo": "fill the database with synthetic patients",
}


class _Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser, name: str) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def _version_text() -> str:
    from osteodesk.core.constants import RULES_VERSION

    return f"OsteoDesk {__version__} (rules {RULES_VERSION})"


class _VersionAction(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        print(_version_text())
        parser.exit()


def chosen_command(argv: list[str]) -> str | None:
    """The command named on the command line, found without importing any command module."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--db":
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line parser.

    Only the module of the command named in `argv` is imported (to add its arguments), so
    starting the window or one command never pays for the imports of all the others.
    With `argv` None every command's arguments are added (for documentation and tests).
    """
    wanted = None if argv is None else chosen_command(argv)
    parser = argparse.ArgumentParser(
        prog="osteodesk",
        description=(
            "OsteoDesk: offline osteoporosis care. It supports, never replaces, clinical judgement."
        ),
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="print the version and rules version"
    )
    _add_db(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help=HELP["gui"])
    _add_db(gui)
    gui.add_argument(
        "--demo", action="store_true", help="a throw-away database with sample patients"
    )
    gui.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    for name, module in COMMANDS.items():
        command_parser = sub.add_parser(name, help=HELP[name])
        _add_db(command_parser)
        if argv is None or name == wanted:
            _load(module).add_arguments(command_parser, name)
    return parser


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="database file (default: $OSTEODESK_DB or the per-user data folder)",
    )


def _load(module: str) -> _Command:
    return importlib.import_module(f"osteodesk.cli.{module}")  # type: ignore[return-value]


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed command and turn every expected failure into a message and an exit code."""
    if not hasattr(args, "db"):
        args.db = None
    try:
        return _load(COMMANDS[args.command]).run(args)
    except InputError as exc:
        print(f"osteodesk {args.command}: {_printable(exc)}", file=sys.stderr)
        return 2
    except CommandError as exc:
        print(f"osteodesk {args.command}: {_printable(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"osteodesk {args.command}: interrupted", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    except Exception as exc:
        # A fault of the disk or the database that a command did not expect (full disk,
        # read-only file, lock held by another program): a message naming the file, not a
        # traceback. Anything else is a bug and keeps its traceback.
        message = _storage_fault(exc, args)
        if message is None:
            raise
        print(f"osteodesk {args.command}: {message}", file=sys.stderr)
        return 1


def _printable(exc: Exception) -> str:
    """The message with anything UTF-8 cannot carry (a lone surrogate in a name) escaped."""
    return str(exc).encode("utf-8", "backslashreplace").decode("utf-8")


def _storage_fault(exc: Exception, args: argparse.Namespace) -> str | None:
    """The message for a storage fault (issue 9), or None when `exc` is not one."""
    from osteodesk.storage.faults import describe
    from osteodesk.storage.paths import resolve_db_path

    described = describe(exc, resolve_db_path(args.db))
    return None if described is None else str(described)
