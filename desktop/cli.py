"""The command line for scripting, backups and benchmarks: import, export, demo, backup,
check and restore.

    reciprocity import {linkedin,vcard,google,outlook,archive} FILE [--database PATH] [--dry-run]
        [--list]
    reciprocity export {csv,vcard,ics,archive} FILE [--database PATH]
    reciprocity demo [--people N] [--companies N] [--actions M] [--months N] --database PATH
    reciprocity backup [--database PATH] [--list]
    reciprocity check [--database PATH] [--quick] [--repair]
    reciprocity restore BACKUP [--database PATH]
    reciprocity paths COMPANY [--database PATH] [--tsv]

Each prints what it did; on failure it prints the reason to standard error, exits with 1
and writes nothing. Never imports Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_NAME, paths
from desktop.formats import ARCHIVE, EXPORTERS, IMPORTERS

if TYPE_CHECKING:  # the commands import what they use when they run, for a quick start
    from desktop.core import warm_paths
    from desktop.formats.importing import Plan
    from desktop.formats.records import Parsed

COMMANDS = ("import", "export", "demo", "backup", "check", "restore", "paths")
IMPORTS = (*IMPORTERS, ARCHIVE)
EXPORTS = tuple(EXPORTERS)


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
    existing = argparse.ArgumentParser(add_help=False)
    existing.add_argument(
        "--database", metavar="PATH", type=Path, help="the database file instead of your own"
    )
    bring = commands.add_parser(
        "import",
        parents=[database],
        help="bring people (or a whole archive) in from a file",
        description="Bring people in from LinkedIn's Connections.csv, a vCard file, a "
        "Google Contacts CSV or an Outlook contacts CSV, or restore a full archive into an "
        "empty database. A CSV file saved again from a spreadsheet (semicolons or tabs, "
        "UTF-16 or Windows-1252) is read too. People already in the network are merged: "
        "empty fields are filled, nothing is overwritten.",
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
    _add_safety_commands(commands, existing)
    return top


def _add_safety_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    database: argparse.ArgumentParser,
) -> None:
    keep = commands.add_parser(
        "backup",
        parents=[database],
        help="back up the database now, or list its backups",
        description="Make a backup now, in the backups folder beside the database; it is "
        "safe while the window has the database open. With --list: the backups, newest "
        "first, and how long they are kept.",
    )
    keep.add_argument(
        "--list", action="store_true", help="list the backups and the retention policy"
    )
    look = commands.add_parser(
        "check",
        parents=[database],
        help="check the database, and repair what can be",
        description="Check the file, the references between records, the timeline "
        "summaries and the search indexes. Exits with 0 when all is in order (or was "
        "repaired), 1 when problems remain.",
    )
    look.add_argument(
        "--quick", action="store_true", help="SQLite's quick check instead of the full one"
    )
    look.add_argument(
        "--repair",
        action="store_true",
        help="rebuild the timeline summaries and search indexes if they are out of step "
        "(after a backup)",
    )
    back = commands.add_parser(
        "restore",
        parents=[database],
        help="put a backup in the place of the database",
        description="Put a backup in the place of the database, after backing the "
        "database up as it is now. Close the Reciprocity window first.",
    )
    back.add_argument(
        "backup", type=Path, help="the backup file, or its name as 'backup --list' shows it"
    )
    ask = commands.add_parser(
        "paths",
        parents=[database],
        help="who you know at a company, now or before, or through someone",
        description="The warm paths in at a company: the people who work there now, who "
        "worked there before, and who know someone there, in the order to ask them, each "
        "with the reason and what you and they have done for each other.",
    )
    ask.add_argument("company", help="the company's name (its legal suffix may be left off)")
    ask.add_argument(
        "--tsv",
        action="store_true",
        help="tab-separated columns with a header line, for scripts and spreadsheets",
    )


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


def _database_path(args: argparse.Namespace) -> Path:
    return (args.database or paths.default_database_path()).expanduser()


def _doing(args: argparse.Namespace) -> str:
    """What the command was doing, for the sentence that reports a bug."""
    if args.command == "import":
        return f"importing {args.file}"
    if args.command == "export":
        return f"exporting to {args.file}"
    if args.command == "demo":
        return "writing the demo network"
    return f"running “reciprocity {args.command}”"


def _concerns(args: argparse.Namespace) -> Path:
    """The file a full disk or a lock concerns, unless the error names its own."""
    return args.file if args.command == "export" else _database_path(args)


def _command(args: argparse.Namespace) -> int:
    from desktop.store import connection

    if args.command == "demo" and args.database is None:
        return fail(
            "demo writes a made-up network, so it needs a new file of its own: add "
            "--database PATH. It never goes into your own network."
        )
    path = _database_path(args)
    run = {
        "backup": run_backup, "check": run_check, "restore": run_restore, "paths": run_paths,
    }.get(args.command)  # fmt: skip
    if run is not None:  # each opens (or only copies) the file its own way
        return run(args)
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
        empty = created and _holds_nothing()
        connection.close_database()
        # A database made for this command goes again if it was a dry run or failed, and
        # only while nothing is in it: what was committed stays.
        if empty and (code != 0 or getattr(args, "dry_run", False)):
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)


def _holds_nothing() -> bool:
    """Whether no person or company is in the open database; False when it cannot even say."""
    import sqlite3

    import peewee

    from desktop.store.models import Company, Person

    try:
        return not Person.select().exists() and not Company.select().exists()
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
    try:
        return path.read_bytes()
    except OSError as exc:  # it is the source that cannot be read, not the database
        raise FormatError(f"Reciprocity could not read {path}: {exc.strerror}.") from exc


def run_import(args: argparse.Namespace) -> int:
    if args.format == ARCHIVE:
        from desktop.formats import archive

        if args.dry_run or args.list:
            return fail("An archive is restored whole; --dry-run and --list do not apply to it.")
        print(archive.restored_words(archive.import_into(args.file)))
        return 0
    from desktop.formats import importing
    from desktop.formats.exported import export_day

    started = time.perf_counter()  # reading and planning are part of the import's time
    parsed = IMPORTERS[args.format].parse(read(args.file), args.file.name)
    plan = importing.plan(parsed, origin=args.format, as_of=export_day(args.file))
    for notice in notices(plan, parsed):
        print(notice)
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
    _back_up_before_import(plan)
    importing.apply(plan)
    print(f"Imported in {time.perf_counter() - started:.1f} s.")
    return 0


def notices(plan: Plan, parsed: Parsed) -> list[str]:
    """The sentences about the whole file: the plan's, and the file's own if the plan does
    not already say them."""
    said = list(plan.notices)
    return said + [notice for notice in parsed.notices if notice not in said]


def run_export(args: argparse.Namespace) -> int:
    from desktop.formats import export

    target: Path = args.file
    if not EXPORTERS[args.format].into_folder and not target.parent.is_dir():
        return fail(f"There is no folder {target.parent} to write {target.name} into.")
    print("\n".join(str(p) for p in export(args.format, target)))
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from desktop import sample
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


def _back_up_before_import(plan: Plan) -> None:
    """An import that changes a network with something in it backs it up first, and says so."""
    from desktop.store import backups, connection

    if not (plan.new or plan.merged) or _holds_nothing():
        return
    made = backups.create(Path(connection.db.database), "before-import")
    print(f"Backed up the network first, to {made.path}.")


@contextlib.contextmanager
def _windows_kept_out(path: Path) -> Iterator[bool]:
    """Yields False when a Reciprocity window has *path* open; else holds the window's
    one-instance lock for the block, so no window opens the file while it is replaced."""
    from desktop.store import instance

    lock = instance.InstanceLock(path)
    try:
        free = lock.acquire()
    except OSError:  # no lock folder: the restore's own check that nothing has it open stays
        free = True
    try:
        yield free
    finally:
        lock.release()


def _holds_words(people: int | None, actions: int | None) -> str:
    if people is None or actions is None:
        return "no network"
    from desktop.store.backup_index import count_words

    return (
        f"{count_words(people, 'person', 'people')} and {count_words(actions, 'action', 'actions')}"
    )


def run_backup(args: argparse.Namespace) -> int:
    from desktop.store import backups, connection
    from desktop.store.backup_index import size_words
    from desktop.store.errors import StorageError

    path = _database_path(args)
    if args.list:
        return _list_backups(path)
    if not path.is_file():
        return fail(f"There is no database at {path}, so there is nothing to back up.")
    try:
        connection.check_openable(path)  # never a backup of another program's file
        made = backups.create(path, "by-hand")
    except (StorageError, connection.DatabaseError) as exc:
        return fail(str(exc))
    print(f"Backed up {path} to {made.path}.")
    print(f"It holds {_holds_words(made.people, made.actions)} ({size_words(made.size)}).")
    return 0


def _list_backups(path: Path) -> int:
    from desktop.store import backups
    from desktop.store.backup_index import size_words

    found = backups.list_backups(path)
    folder = backups.folder_for(path)
    if found:
        total = size_words(sum(b.size for b in found))
        s = "" if len(found) == 1 else "s"
        print(f"{len(found)} backup{s} of {path} in {folder} ({total}), newest first:")
        for backup in found:
            print(f"  {backup.words()}\n    {backup.path.name}")
    else:
        print(f"There are no backups of {path} yet; they will be kept in {folder}.")
    print(backups.retention_words(path))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from desktop.store import check, connection
    from desktop.store.errors import StorageError

    path = _database_path(args)
    if not path.is_file():
        return fail(f"There is no database at {path}, so there is nothing to check.")
    read_only = False
    try:
        connection.open_database(path)
    except connection.DatabaseError as exc:
        if exc.kind != "read-only" or args.repair:
            where = "" if args.database is None else f" --database {path}"
            restore = (
                f" To restore a backup: “reciprocity backup --list{where}”, then "
                f"“reciprocity restore BACKUP{where}”."
            )
            return fail(str(exc) + (restore if exc.kind == "damaged" else ""))
        connection.open_database(path, read_only=True)  # a check only reads
        read_only = True
    try:
        report = check.run_check(full=not args.quick)
        print(report.words())
        if report.ok:
            return 0
        if not any(f.repairable for f in report.findings):
            return 1
        if read_only:
            print("The file is read-only, so it cannot be repaired where it is.")
            return 1
        if not args.repair:
            print("Run “reciprocity check --repair” to repair what can be repaired.")
            return 1
        saved, after = check.repair(path, full=not args.quick)
        print(f"Backed up first, to {saved.path}.")
        print("Repaired. Checked again: " + after.words())
        return 0 if after.ok else 1
    except (StorageError, connection.DatabaseError) as exc:
        return fail(str(exc))
    finally:
        connection.close_database()


def run_paths(args: argparse.Namespace) -> int:
    from desktop.core import company_names, warm_paths
    from desktop.store import connection

    path = _database_path(args)
    if not path.is_file():
        return fail(f"There is no database at {path}, so there is no one to list.")
    try:
        connection.open_database(path)
    except connection.DatabaseError as exc:
        if exc.kind != "read-only":
            return fail(str(exc))
        connection.open_database(path, read_only=True)  # a list only reads
    try:
        found = company_names.companies_called(args.company)
        if not found:
            return fail(f"There is no company called “{args.company}” in {path}.")
        if len(found) > 1:
            names = "; ".join(company.name for company in found)
            return fail(f"“{args.company}” could be any of: {names}. Give the whole name.")
        paths_in = warm_paths.warm_paths(found[0].id)
        print(_paths_table(paths_in) if args.tsv else _paths_words(paths_in))
        return 0
    finally:
        connection.close_database()


def _paths_words(found: warm_paths.WarmPaths) -> str:
    from desktop.core import warm_paths

    lines = [f"Warm paths at {found.company}: {len(found.paths):,}"]
    if rule := found.rule_words():
        lines.append(rule)
    for kind, heading in warm_paths.KIND_WORDS.items():
        here = [p for p in found.paths if p.kind == kind]
        if here:
            lines.append(f"{heading} ({len(here):,}):")
            lines += [f"  {p.name} — {p.reason}. {p.balance_words()}." for p in here]
    if not found.paths:
        lines.append("No one you know works there, worked there or knows someone there yet.")
    return "\n".join(lines)


def _paths_table(found: warm_paths.WarmPaths) -> str:
    def cell(text: str) -> str:
        return " ".join(text.split())  # a tab or line break in a note would split a row

    rows = ["kind\tname\treason\tyou helped\thelped you\tlast contact"]
    rows += [
        "\t".join(
            (
                p.kind,
                cell(p.name),
                cell(p.reason),
                str(p.given),
                str(p.received),
                p.last_contact or "",
            )
        )
        for p in found.paths
    ]
    return "\n".join(rows)


def run_restore(args: argparse.Namespace) -> int:
    from desktop.store import backups, connection, snapshots
    from desktop.store.errors import StorageError

    path = _database_path(args)
    source: Path = args.backup.expanduser()
    if not source.exists() and source.name == str(source):  # a name from 'backup --list'
        source = backups.folder_for(path) / source.name
    with _windows_kept_out(path) as free:
        if not free:
            return fail(
                f"{path} is open in the Reciprocity window, so it was not replaced. Close "
                "the window and restore again, or restore from File › Backups… in the window."
            )
        try:
            saved = backups.restore(path, source)
        except (StorageError, connection.DatabaseError) as exc:
            return fail(str(exc))
    if saved is not None:
        print(f"Backed up the database as it was first, to {saved.path}.")
    elif damaged := backups.damaged_copies(path):
        print(f"The database was damaged, so it was not backed up: it is kept as {damaged[0]}.")
    facts = snapshots.read_facts(path)
    print(f"Restored {path} from {source}: {_holds_words(facts.people, facts.actions)}.")
    return 0
