"""What the pages read, on a generated network: each time next to the same SQL through
the standard `sqlite3` module in the same run (the floor)."""

from __future__ import annotations

import sqlite3
import tracemalloc
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, timedelta
from pathlib import Path

from desktop.core import people, timeline
from desktop.core import reciprocity as rc
from desktop.core.timeline import TimelineFilter
from desktop.store import connection
from desktop.store.textkeys import fold

from .table import Row, median_ms

TYPED = ["a", "ma", "mar", "maria", "data", "data eng", "python", "zz-nobody"]
SEARCH_SQL = (
    "SELECT p.id FROM person_search s JOIN person p ON p.id = s.rowid"
    " WHERE person_search MATCH ? ORDER BY p.sort_key, p.id"
)
# The list's columns for the first screen of people, as people.person_rows reads them.
ROWS_SQL = (
    "SELECT p.id, p.name, coalesce(c.name, ''), p.title,"
    " (SELECT group_concat(role, ',') FROM person_role WHERE person_id = p.id),"
    " (SELECT group_concat(s.name, ', ') FROM person_skill ps JOIN skill s"
    "   ON s.id = ps.skill_id WHERE ps.person_id = p.id AND ps.kind = 'offers'),"
    " (SELECT group_concat(s.name, ', ') FROM person_skill ps JOIN skill s"
    "   ON s.id = ps.skill_id WHERE ps.person_id = p.id AND ps.kind = 'seeks')"
    " FROM person p LEFT JOIN company c ON c.id = p.company_id WHERE p.id IN ({marks})"
)
ONE_LETTER_MS = 10  # a first keystroke at 30,000 people
CHARTS_MS = 250  # every chart figure for all time, together


@contextmanager
def opened(path: Path) -> Iterator[sqlite3.Connection]:
    """The network open in the program's connection, and a raw sqlite3 one for floors."""
    connection.open_database(path)
    raw = sqlite3.connect(path)
    try:
        yield raw
    finally:
        raw.close()
        connection.close_database()


def first_screen(raw: sqlite3.Connection, fts: str) -> list:
    """The floor of a keystroke: every match sorted, and the columns of the first block of
    rows, which the list reads for its first screen (IdTableModel.BLOCK)."""
    ids = [found[0] for found in raw.execute(SEARCH_SQL, (fts,))][:200]
    marks = ",".join("?" * len(ids))
    return raw.execute(ROWS_SQL.format(marks=marks), ids).fetchall() if ids else []


def search(path: Path) -> list[Row]:
    """Search on every keystroke of a few typed texts: what the People list reads before
    it can show the count and its first screen, against sorting every match in raw SQL."""
    from desktop.ui.models.people_model import PeopleModel

    rows = []
    with opened(path) as raw:
        total = people.person_count()
        model = PeopleModel()

        def keystroke(text: str) -> list:
            model.set_filter(text)
            return [model.index(row, 0).data() for row in range(min(40, model.rowCount()))]

        for text in TYPED:
            query = people.fts_query(text)
            ours = median_ms(7, lambda t=text: keystroke(t))
            floor = median_ms(7, lambda q=query: first_screen(raw, q))
            found = len(people.person_ids(text))
            limit = ONE_LETTER_MS if len(text) == 1 and total >= 30_000 else None
            rows.append(
                Row(
                    f"search {text!r} ({found:,} of {total:,})",
                    ours,
                    floor=floor,
                    ratio=1.5,
                    slack=2,
                    limit=limit,
                    floor_is="FTS query and first rows, sqlite3",
                )
            )
    return rows


def people_list(path: Path) -> list[Row]:
    """Opening the People list: the ids in order and the first screen of rows."""
    from desktop.ui.models.people_model import PeopleModel

    with opened(path) as raw:
        model = PeopleModel()
        floor = median_ms(
            5, lambda: raw.execute("SELECT id FROM person ORDER BY sort_key, id").fetchall()
        )

        def open_list() -> list:
            model.reload()
            return [model.index(row, 0).data() for row in range(40)]

        ours = median_ms(5, open_list)
        assert model.rowCount() == people.person_count()
    return [
        Row(
            f"people list open ({model.rowCount():,})",
            ours,
            floor=floor,
            ratio=3,
            slack=20,
            floor_is="ids in order, sqlite3",
        )
    ]


def timeline_pages(path: Path) -> list[Row]:
    """The timeline's first page under a few filters, the next page, and its memory."""
    from desktop.ui.models.timeline_model import TimelineModel

    with closing(sqlite3.connect(path)) as found:  # someone with a timeline of their own
        (busy,) = found.execute(
            "SELECT counterpart_id FROM action GROUP BY counterpart_id"
            " ORDER BY count(*) DESC, counterpart_id LIMIT 1 OFFSET 40"
        ).fetchone()
    filters = {
        "everything": TimelineFilter(),
        "one person": TimelineFilter(person_id=busy),
        "referrals given": TimelineFilter(kinds=frozenset({"referral"}), direction="given"),
        "text 'lead'": TimelineFilter(text="lead"),
    }
    rows = []
    with opened(path) as raw:
        for name, flt in filters.items():
            first = median_ms(5, lambda f=flt: timeline.page(f))
            sql, params = timeline.page_sql(flt)
            floor = median_ms(5, lambda s=sql, p=params: raw.execute(s, p).fetchall())
            rows.append(
                Row(
                    f"timeline first page, {name}",
                    first,
                    floor=floor,
                    ratio=1.5,
                    slack=5,
                    floor_is="page SQL, sqlite3",
                )
            )
            last = timeline.page(flt)[-1]
            following = median_ms(
                5, lambda f=flt, a=(last.occurred_on, last.id): timeline.page(f, a)
            )
            rows.append(
                Row(
                    f"timeline next page, {name}",
                    following,
                    floor=floor,
                    ratio=1.5,
                    slack=5,
                    floor_is="first page SQL, sqlite3",
                )
            )
        tracemalloc.start()
        try:
            model = TimelineModel()
            model.reload()
            for _ in range(10):
                model.fetchMore()
            held = tracemalloc.get_traced_memory()[0] / 1e6
        finally:
            tracemalloc.stop()
        assert (
            model.total() == connection.db.execute_sql("SELECT count(*) FROM action").fetchone()[0]
        )
    rows.append(Row("timeline memory after 11 pages", held, unit="MB", limit=20))
    return rows


FIGURES = {
    "by_period month": lambda rng: rc.by_period(rng, "month", people=False),  # as charted
    "top_exchanges": lambda rng: rc.top_exchanges(rng),
    "by_kind": rc.by_kind,
    "by_role": rc.by_role,
    "lag_histogram": rc.lag_histogram,
    "totals": rc.totals,
}


def _recorded(work) -> list[tuple[str, tuple]]:
    """The statements (and parameters) *work* sends to the database, in order."""
    statements: list[tuple[str, tuple]] = []
    original = connection.db.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        statements.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    connection.db.execute_sql = spy
    try:
        work()
    finally:
        del connection.db.execute_sql
    return statements


def _replay(raw: sqlite3.Connection, statements: list[tuple[str, tuple]]) -> None:
    for sql, params in statements:
        raw.execute(sql, params).fetchall()


def charts(path: Path) -> list[Row]:
    """Every figure the Reciprocity page draws, together, for all time and for a year."""
    rows = []
    with opened(path) as raw:
        last = raw.execute("SELECT max(occurred_on) FROM action").fetchone()[0]
        end = date.fromisoformat(last)
        for label, rng, repeats in (
            ("all time", rc.ALL_TIME, 5),
            ("last 12 months", rc.Range(end - timedelta(days=364), end), 3),
        ):

            def everything(r=rng) -> None:
                for figure in FIGURES.values():
                    figure(r)

            statements = _recorded(everything)
            ours = median_ms(repeats, everything)
            floor = median_ms(repeats, lambda s=statements: _replay(raw, s))
            limit = CHARTS_MS if rng is rc.ALL_TIME else None
            ratio = 1.5 if rng is rc.ALL_TIME else None
            rows.append(
                Row(
                    f"chart figures, {label}",
                    ours,
                    floor=floor,
                    ratio=ratio,
                    limit=limit,
                    floor_is="the same statements, sqlite3",
                )
            )
    return rows


WARM_PATHS_MS = 50


def matching_and_dossier(path: Path) -> list[Row]:
    """Who could fill a need, every need's fit, a company's dossier and brief, and the
    follow-through offer; the floor is counting every need's skills through sqlite3."""
    from desktop.core import brief, dossier, follow_through, matching, needs, warm_paths

    rows = []
    with opened(path) as raw:
        db = connection.db
        floor = median_ms(
            5,
            lambda: raw.execute(
                "SELECT need_id, count(*) FROM need_skill GROUP BY need_id"
            ).fetchall(),
        )
        most, fewest = (
            db.execute_sql(
                "SELECT need_id FROM need_skill GROUP BY need_id"
                f" ORDER BY count(*) {order}, need_id LIMIT 1"
            ).fetchone()[0]
            for order in ("DESC", "ASC")
        )
        middle = db.execute_sql("SELECT max(id) / 2 FROM need").fetchone()[0]
        for label, need_id in (("most skills", most), ("fewest", fewest), ("middle", middle)):
            assert matching.candidates(need_id), "the sample has people for every skill"
            ours = median_ms(7, lambda n=need_id: matching.candidates(n))
            rows.append(Row(f"who could fill a need ({label})", ours, limit=100))
        ids = needs.need_ids()
        rows.append(
            Row(
                f"fit of every need ({len(ids):,})",
                median_ms(5, matching.fit_levels),
                floor=floor,
                ratio=1,
                slack=100,
                floor_is="count need skills, sqlite3",
            )
        )
        busiest = db.execute_sql(
            "SELECT company_id FROM person WHERE company_id IS NOT NULL"
            " GROUP BY company_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        for label, work in (
            ("company dossier (busiest)", lambda: dossier.dossier(busiest)),
            ("company brief (busiest)", lambda: brief.company_brief(busiest)),
        ):
            rows.append(
                Row(
                    label,
                    median_ms(5, work),
                    floor=floor,
                    ratio=1,
                    slack=100,
                    floor_is="count need skills, sqlite3",
                )
            )
        rows.append(
            Row(
                "warm paths (busiest company)",
                median_ms(5, lambda: warm_paths.warm_paths(busiest)),
                floor=floor,
                limit=WARM_PATHS_MS,
                floor_is="count need skills, sqlite3",
            )
        )
        ended = db.execute_sql(
            "SELECT id FROM opportunity WHERE status = 'not_selected' AND need_id IS NOT NULL"
            " LIMIT 1"
        ).fetchone()
        if ended:
            rows.append(
                Row(
                    "follow-through offer",
                    median_ms(5, lambda: follow_through.offer(ended[0])),
                    floor=floor,
                    ratio=1,
                    slack=100,
                    floor_is="count need skills, sqlite3",
                )
            )
    return rows


GO_TO_TYPED = ["a", "ma", "mar", "maria", "maria lo", "rodrigez", "wren bio", "zz-nobody"]
GO_TO_MS = 30  # a keystroke in Go to anything at the large network
NAMES_SQL = (
    "SELECT p.id, p.name, p.sort_key FROM person p"
    " UNION ALL SELECT id, name, name_key FROM company"
    " UNION ALL SELECT id, title, '' FROM need UNION ALL SELECT id, title, '' FROM opportunity"
)


def go_to(path: Path) -> list[Row]:
    """Go to anything (Ctrl+K): each keystroke as the box shows it (search and list),
    against the names that begin with the text through raw sqlite3; and the first use,
    which reads every name, against reading them raw."""
    from desktop.core import goto
    from desktop.ui.dialogs.goto_dialog import GoToDialog

    from .heartbeat import application

    application()
    rows = []
    with opened(path) as raw:
        commands = [goto.Command(str(n), f"Command {n}") for n in range(40)]
        dialog = GoToDialog(None, commands)

        def first_use() -> None:
            goto.forget()
            dialog.look("ma")

        first = median_ms(3, first_use)
        floor = median_ms(3, lambda: raw.execute(NAMES_SQL).fetchall())
        rows.append(
            Row(
                "go to anything: first use, names read",
                first,
                floor=floor,
                ratio=4,
                slack=40,
                floor_is="every name, sqlite3",
            )
        )
        for text in GO_TO_TYPED:
            ours = median_ms(7, lambda t=text: dialog.look(t))
            prefix = fold(text)
            floor = median_ms(
                7,
                lambda p=prefix: raw.execute(
                    "SELECT id, name FROM person WHERE sort_key >= ? AND sort_key < ? LIMIT 30",
                    (p, p + "\U0010ffff"),
                ).fetchall(),
            )
            rows.append(
                Row(
                    f"go to anything {text!r} ({len(dialog.hits())} shown)",
                    ours,
                    floor=floor,
                    limit=GO_TO_MS,
                    floor_is="names beginning with it, sqlite3",
                )
            )
        dialog.deleteLater()
    return rows
