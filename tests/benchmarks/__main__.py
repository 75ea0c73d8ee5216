"""Every benchmark in one table: `python -m tests.benchmarks [--small]`.

Builds (or reuses, from the cache folder) the large made-up network — 30,000 people,
3,000 companies, 1,000,000 actions — or with `--small` one of 3,000 people and 100,000
actions, runs every measure with its floor measured in the same run, prints

    measure | ours | floor | ratio | target | pass

and writes the table as JSON (`--json`, by default benchmarks.json in the cache folder).
It exits 0 once the table is made, whatever it says, unless `--fail-on-miss` is given:
timings on a shared machine are for reading, not for failing a build.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from . import networks, processes, reads, vcards, writes
from .table import Row, render, save

MEASURES = (
    "startup",
    "pages",
    "search",
    "goto",
    "people",
    "timeline",
    "charts",
    "matching",
    "import",
    "vcard",
    "heartbeat",
    "archive",
    "backup",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--small", action="store_true", help="3,000 people, 100,000 actions")
    parser.add_argument("--cache", type=Path, default=networks.default_cache())
    parser.add_argument("--json", type=Path, help="where the table goes as JSON")
    parser.add_argument("--only", nargs="+", choices=MEASURES, help="run only these")
    parser.add_argument("--fail-on-miss", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    size = networks.SMALL if args.small else networks.LARGE
    chosen = args.only or MEASURES
    rows: list[Row] = []
    failed: list[str] = []
    started = time.perf_counter()
    network = networks.network(size, args.cache)
    with tempfile.TemporaryDirectory(prefix="reciprocity-bench-") as scratch_name:
        scratch = Path(scratch_name)
        copy = networks.scratch_copy(network, scratch / "copy")  # for what may write
        plan = {
            "startup": lambda: processes.startup(copy),
            "pages": lambda: processes.visit_every_page(copy),
            "search": lambda: reads.search(network),
            "goto": lambda: reads.go_to(network),
            "people": lambda: reads.people_list(network),
            "timeline": lambda: reads.timeline_pages(network),
            "charts": lambda: reads.charts(network),
            "matching": lambda: reads.matching_and_dossier(network),
            "import": lambda: writes.linkedin_import(_folder(scratch, "import"), size.people),
            "vcard": lambda: (
                vcards.photo_cards_read()
                + vcards.address_book_import(
                    _folder(scratch, "vcard"), vcards.CARDS * size.people // networks.LARGE.people
                )
            ),
            "heartbeat": lambda: writes.import_heartbeat(_folder(scratch, "beat"), size.people),
            "archive": lambda: writes.archive_out_and_in(network, _folder(scratch, "archive")),
            "backup": lambda: writes.backup_heartbeat(copy),
        }
        for name in chosen:
            print(f"… {name}", file=sys.stderr, flush=True)
            try:
                rows += plan[name]()
            except Exception:
                failed.append(name)
                traceback.print_exc()
    print(
        f"\n{size.name} network: {size.words} ({platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()})\n"
    )
    print(render(rows))
    missed = [row.measure for row in rows if not row.passed]
    crashed = f"; failed to run: {', '.join(failed)}" if failed else ""
    took = time.perf_counter() - started
    print(f"\n{len(rows)} measures in {took:.0f} s; {len(missed)} missed their target{crashed}")
    target = args.json or args.cache / f"benchmarks-{size.name}.json"
    save(
        rows,
        target,
        {
            "network": size.name,
            "size": size.words,
            "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": platform.platform(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
        },
    )
    print(f"Saved as {target}")
    if failed:
        return 2
    return 1 if args.fail_on_miss and missed else 0


def _folder(scratch: Path, name: str) -> Path:
    folder = scratch / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


if __name__ == "__main__":
    sys.exit(main())
