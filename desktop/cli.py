"""The command line for scripting, backups and benchmarks: import, export, demo.

    reciprocity import {linkedin,vcard,google,archive} FILE [--database PATH] [--dry-run] [--list]
    reciprocity export {csv,vcard,ics,archive} FILE [--database PATH]
    reciprocity demo [--people N] [--companies N] [--actions M] [--months N] --database PATH

Each prints what it did; on failure it prints the reason to standard error, exits with 1
and writes nothing. Never imports Qt.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from desktop import APP_NAME, paths

COMMANDS = ("import", "export", "demo")
IMPORTS = ("linkedin", "vcard", "google", "archive")
EXPORTS = ("csv", "vcard", "ics", "archive")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="reciprocity",
        description=f"{APP_NAME} on the command line: bring people in, take everything out.",
    )
    commands = top.add_subparsers(dest="command", required=True)
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database",
        metavar="PATH",
        type=Path,
        help="the database file to use instead of your own (created if missing)",
    )
    bring = commands.add_parser(
        "import",
        parents=[database],
        help="bring people (or a whole archive) in from a file",
        description="Bring people in from LinkedIn's Connections.csv, a vCard file or a "
        "Google Contacts CSV, or restore a full archive into an empty database. People "
        "already in the network are merged: empty fields are filled, nothing is "
        "overwritten.",
    )
    bring.add_argument("format", choices=IMPORTS)
    bring.add_argument("file", type=Path)
    bring.add_argument(
        "--dry-run",
        action="store_true",
        help="only say what would happen (new, merged, skipped, with reasons)",
    )
    bring.add_argument(
        "--list",
        action="store_true",
        help="say what happens to every row, with names, as the import preview does",
    )
    take = commands.add_parser(
        "export",
        parents=[database],
        help="write people, the timeline or everything to a file",
        description="csv: a folder of CSV files (people, companies, needs, actions); "
        "vcard: every person as vCard 4.0; ics: follow-ups and keep-in-touch dates as a "
        "calendar; archive: the whole database as one JSON document.",
    )
    take.add_argument("format", choices=EXPORTS)
    take.add_argument("file", type=Path, help="the file (for csv: the folder) to write")
    demo = commands.add_parser(
        "demo",
        parents=[database],
        help="write a made-up network into a new database (for trying and benchmarks)",
    )
    demo.add_argument("--people", type=int, default=150, help="how many people (150)")
    demo.add_argument(
        "--companies", type=int, default=None, help="how many companies (a fifth of the people)"
    )
    demo.add_argument("--actions", type=int, default=1200, help="how many actions (1,200)")
    demo.add_argument("--months", type=int, default=18, help="over how many months (18)")
    demo.add_argument("--seed", type=int, default=7, help="another seed, another network (7)")
    return top


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from desktop import cli_failures

    cli_failures.start_log()
    with cli_failures.output_may_close():
        try:
            return _command(args)
        except KeyboardInterrupt:
            fail("Stopped before the end; what was not finished was not saved.")
            return 130
        except Exception as exc:
            exporting = args.command == "export"
            words = cli_failures.words_for(exc, _doing(args), _concerns(args), exporting=exporting)
            return fail(words)


def _database_path(args) -> Path:
    return (args.database or paths.default_database_path()).expanduser()


def _doing(args) -> str:
    """What the command was doing, for the sentence that reports a bug."""
    if args.command == "import":
        return f"importing {args.file}"
    if args.command == "export":
        return f"exporting to {args.file}"
    if args.command == "demo":
        return "writing the demo network"
    return f"running “reciprocity {args.command}”"


def _concerns(args) -> Path:
    """The file a full disk or a lock concerns, unless the error names its own."""
    return args.file if args.command == "export" else _database_path(args)


def _command(args) -> int:
    from desktop.store import connection

    if args.command == "demo" and args.database is None:
        return fail(
            "demo writes a made-up network, so it needs a new file of its own: add "
            "--database PATH. It never goes into your own network."
        )
    path = _database_path(args)
    created = not path.exists()  # made for this command: gone again if nothing comes of it
    if args.command == "export" and created:
        return fail(f"There is no database at {path}, so there is nothing to export.")
    try:
        connection.open_database(path)
    except connection.DatabaseError as exc:
        if not (args.command == "export" and exc.kind == "read-only"):
            return fail(str(exc))
        connection.open_database(path, read_only=True)  # an export only reads
    code = 1
    try:
        code = {"import": run_import, "export": run_export, "demo": run_demo}[args.command](args)
        return code
    finally:
        empty = created and _holds_nothing(connection.db)
        connection.close_database()
        # A database made for this command goes again if it was a dry run or failed, and
        # only while nothing is in it: what was committed stays.
        if empty and (code != 0 or getattr(args, "dry_run", False)):
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)


def _holds_nothing(database) -> bool:
    """Whether no person or company is in *database*; False when it cannot even say."""
    import sqlite3

    import peewee

    try:
        return bool(
            database.execute_sql(
                "SELECT NOT EXISTS (SELECT 1 FROM person) AND NOT EXISTS (SELECT 1 FROM company)"
            ).fetchone()[0]
        )
    except (sqlite3.Error, peewee.PeeweeException):  # keep the file; the error was said
        return False


def fail(reason: str) -> int:
    from desktop import cli_failures

    said = reason if reason.startswith(f"{APP_NAME} ") else f"{APP_NAME}: {reason}"
    cli_failures.say_failure(said)
    return 1


def read(path: Path) -> bytes:
    from desktop.formats.records import FormatError

    if path.is_dir():
        raise FormatError(f"{path} is a folder; choose the file inside it to import.")
    if not path.is_file():
        raise FormatError(f"There is no file {path}.")
    return path.read_bytes()


def run_import(args) -> int:
    if args.format == "archive":
        from desktop.formats import archive

        if args.dry_run or args.list:
            return fail("An archive is restored whole; --dry-run and --list do not apply to it.")
        print(archive.restored_words(archive.import_into(args.file)))
        return 0
    from desktop.formats import google, importing, linkedin, vcard

    parse = {"linkedin": linkedin.parse, "vcard": vcard.parse, "google": google.parse}
    parsed = parse[args.format](read(args.file), args.file.name)
    plan = importing.plan(parsed)
    if args.list:
        print(plan.summary().splitlines()[0])
        for row, what, name, company in plan.entries():
            who = f"{name} at {company}" if company and company != name else name
            print(f"  {plan.unit} {row}: " + (f"{who} — {what}" if who else what))
    else:
        print(plan.summary())
    if args.dry_run:
        print("Nothing was written (--dry-run).")
        return 0
    started = time.perf_counter()
    importing.apply(plan)
    print(f"Imported in {time.perf_counter() - started:.1f} s.")
    return 0


def run_export(args) -> int:
    from desktop import private_files
    from desktop.core import people

    target: Path = args.file
    if args.format != "csv" and not target.parent.is_dir():
        return fail(f"There is no folder {target.parent} to write {target.name} into.")
    if args.format == "csv":
        from desktop.formats import csv_export

        written = csv_export.export_all(target)
        print("\n".join(str(p) for p in written))
        return 0
    if args.format == "archive":
        from desktop.formats import archive

        archive.export(target)
    elif args.format == "vcard":
        from desktop.formats import vcard

        private_files.write_text(target, vcard.export(people.person_ids()), newline="")
    else:
        from desktop.formats import icalendar_export

        private_files.write_bytes(target, icalendar_export.export(date.today()))
    print(target)
    return 0


def run_demo(args) -> int:
    from desktop.core import sample
    from desktop.store import connection

    companies = args.companies if args.companies is not None else max(1, args.people // 5)
    started = time.perf_counter()
    try:
        counts = sample.generate_network(
            connection.db,
            people=args.people,
            companies=companies,
            actions=args.actions,
            months=args.months,
            seed=args.seed,
        )
    except ValueError as exc:  # impossible sizes, or a database not empty: said in words
        return fail(str(exc))
    print(
        ", ".join(f"{n:,} {what}" for what, n in counts.items())
        + f" in {time.perf_counter() - started:.1f} s"
    )
    return 0
