"""Command line and start-up: choose the database, open it, show the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import APP_NAME, __version__, private_files, startup

_START = startup.start_perf_counter()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="reciprocity",
        description=f"{APP_NAME}: a servant-minded job search companion.",
        epilog="Also on the command line: 'reciprocity import …', 'export …', 'demo …', "
        "'backup …', 'check …' and 'restore …'; add --help after one for its options.",
    )
    parser.add_argument(
        "--database",
        metavar="PATH",
        type=Path,
        help="open this database file instead of your own (created if missing)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the made-up sample network (kept in its own file, never in yours)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, paint the window, check the database, print 'ok <ms>' and exit",
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="a contacts file to import once the window is open: LinkedIn's "
        "Connections.csv, a vCard file, or Google or Outlook contacts as CSV",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Files are made private by their writers; this catches any a library makes itself.
    private_files.keep_private_by_default()
    from desktop import cli  # the command line, without Qt

    if argv and argv[0] in cli.COMMANDS:
        return cli.main(argv)
    args = parse_args(argv)
    # Qt is imported only now, so `--help` and argument errors answer at once.
    from desktop.ui.application import run

    return run(args, _START)


if __name__ == "__main__":
    sys.exit(main())
