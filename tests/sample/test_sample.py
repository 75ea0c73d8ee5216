"""The sample network: sizes, determinism, believable and valid contents, speed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.validation import email_problem, linkedin_problem, name_key, url_problem
from desktop.sample import LARGE_SIZE, SAMPLE_SIZE, generate_network
from desktop.store.connection import close_database, db, open_database
from desktop.store.models import ACTION_KINDS, OPPORTUNITY_STATUSES, ROLES

TODAY = date(2026, 3, 15)
WINDOW_START = "2024-09-15"  # 18 months before TODAY
TABLES = (
    "company", "person", "person_role", "skill", "person_skill", "profile", "profile_skill",
    "need", "need_skill", "opportunity", "opportunity_person", "action",
)  # fmt: skip
MEDIUM = dict(people=3000, companies=300, actions=50_000, months=36)


@pytest.fixture
def database(tmp_path):
    open_database(tmp_path / "sample.sqlite3")
    try:
        yield db
    finally:
        close_database()


@pytest.fixture
def sample(database):
    return generate_network(database, **SAMPLE_SIZE, today=TODAY)


def rows(sql: str, *params) -> list[tuple]:
    return db.execute_sql(sql, params).fetchall()


def value(sql: str, *params):
    return db.execute_sql(sql, params).fetchone()[0]


def dump() -> dict[str, list[tuple]]:
    """Every table's rows in a fixed order (compare their repr to tell 1 from 1.0)."""
    tables = {}
    for table in TABLES:
        width = len(rows(f"PRAGMA table_info({table})"))
        order = ", ".join(str(i + 1) for i in range(width))
        tables[table] = rows(f"SELECT * FROM {table} ORDER BY {order}")
    return tables


def generate_and_dump(path: Path, **kwargs) -> dict[str, list[tuple]]:
    open_database(path)
    try:
        generate_network(db, today=TODAY, **kwargs)
        return dump()
    finally:
        close_database()


def test_counts_match_the_requested_sizes(database):
    counts = generate_network(database, **SAMPLE_SIZE, today=TODAY)
    assert counts == {
        "companies": 30, "people": 150, "needs": 60, "opportunities": 30, "actions": 1200,
    }  # fmt: skip
    for table, key in (("company", "companies"), ("person", "people"), ("need", "needs"),
                       ("opportunity", "opportunities"), ("action", "actions")):  # fmt: skip
        assert value(f"SELECT count(*) FROM {table}") == counts[key]
    assert value("SELECT count(*) FROM profile") == 1
    assert 60 <= value("SELECT count(*) FROM skill") <= 100
    assert value("SELECT count(*) FROM profile_skill") >= 5


def test_same_seed_gives_identical_rows_and_another_seed_differs(tmp_path):
    size = dict(people=400, companies=40, actions=4000, months=24)
    first = generate_and_dump(tmp_path / "a.sqlite3", **size, seed=11)
    again = generate_and_dump(tmp_path / "b.sqlite3", **size, seed=11)
    other = generate_and_dump(tmp_path / "c.sqlite3", **size, seed=12)
    assert repr(first) == repr(again)
    for table in ("company", "person", "need", "opportunity", "action"):
        assert first[table] != other[table], table


def test_same_rows_in_another_process_with_other_string_hashing(tmp_path):
    """Nothing may depend on set or dict order of strings, which varies between runs."""
    script = (
        "import sys; from datetime import date;"
        "from desktop.store.connection import open_database, close_database, db;"
        "from desktop.sample import generate_network;"
        "open_database(sys.argv[1]);"
        "generate_network(db, people=200, companies=20, actions=2000, today=date(2026, 3, 15));"
        "close_database()"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    root = Path(__file__).resolve().parents[2]
    outside = tmp_path / "other-process.sqlite3"
    subprocess.run([sys.executable, "-c", script, str(outside)], check=True, cwd=root, env=env)
    inside = generate_and_dump(tmp_path / "here.sqlite3", people=200, companies=20, actions=2000)
    open_database(outside)
    try:
        assert repr(dump()) == repr(inside)
    finally:
        close_database()


def test_dates_lie_within_the_window(sample):
    today, later = TODAY.isoformat(), (TODAY + timedelta(days=60)).isoformat()
    assert value("SELECT min(occurred_on) FROM action") >= WINDOW_START
    assert value("SELECT max(occurred_on) FROM action") <= today
    assert not rows(
        "SELECT id FROM action WHERE substr(created_at, 1, 10) NOT BETWEEN occurred_on AND ?"
        " OR follow_up_on <= occurred_on OR follow_up_on > ?"
        " OR substr(follow_up_done_at, 1, 10) NOT BETWEEN occurred_on AND ?",
        today, later, today,
    )  # fmt: skip
    # Follow-ups of every sort: overdue, still ahead, done.
    assert value("SELECT count(*) FROM action WHERE follow_up_on IS NOT NULL") > 100
    undone = "follow_up_on IS NOT NULL AND follow_up_done_at IS NULL"
    assert value(f"SELECT count(*) FROM action WHERE {undone} AND follow_up_on < ?", today)
    assert value(f"SELECT count(*) FROM action WHERE {undone} AND follow_up_on > ?", today)
    assert value("SELECT count(*) FROM action WHERE follow_up_done_at IS NOT NULL")
    assert not rows("SELECT id FROM need WHERE learned_on NOT BETWEEN ? AND ?", WINDOW_START, today)
    assert not rows(
        "SELECT id FROM opportunity WHERE status_changed_on > ? OR applied_on > ?"
        " OR applied_on < substr(created_at, 1, 10)",
        today, today,
    )  # fmt: skip
    assert not rows("SELECT id FROM person WHERE met_on > ?", today)
    for table in ("company", "person", "need", "opportunity"):
        assert not rows(
            f"SELECT id FROM {table} WHERE updated_at < created_at OR created_at > ?"
            " OR created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] "
            "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'",
            today + " 23:59:59",
        ), table
    # Nobody is first met after the first action with them.
    assert not rows(
        "SELECT p.id FROM person p JOIN action a ON a.counterpart_id = p.id"
        " WHERE p.met_on > a.occurred_on"
    )


def test_every_foreign_key_is_valid(sample):
    assert rows("PRAGMA foreign_key_check") == []
    assert value("PRAGMA integrity_check") == "ok"
    assert value("PRAGMA quick_check") == "ok"  # what the smoke test and the database check run


def test_the_network_is_varied_like_a_real_search(sample):
    assert {r[0] for r in rows("SELECT DISTINCT role FROM person_role")} == set(ROLES)
    assert value("SELECT count(*) FROM (SELECT 1 FROM person_role GROUP BY person_id"
                 " HAVING count(*) = 2)") > 10  # fmt: skip
    for role in ("job_seeker", "recruiter", "hiring_manager", "interviewer"):
        assert value("SELECT count(*) FROM person_role WHERE role = ?", role) >= 10, role
    assert {r[0] for r in rows("SELECT DISTINCT kind FROM action")} == set(ACTION_KINDS)
    given = value("SELECT avg(direction = 'given') FROM action")
    assert 0.55 < given < 0.65
    statuses = {r[0] for r in rows("SELECT DISTINCT status FROM opportunity")}
    assert "not_selected" in statuses and statuses <= set(OPPORTUNITY_STATUSES)
    assert len(statuses) >= 5
    parts = {r[0] for r in rows("SELECT DISTINCT part FROM opportunity_person")}
    assert {"hiring_manager", "recruiter", "interviewer"} <= parts
    assert 0.2 < value("SELECT avg(is_target) FROM company") < 0.5
    assert 0.3 < value("SELECT avg(cadence_days IS NOT NULL) FROM person") < 0.5
    # Everyone seeks or offers 1 to 5 skills of each kind; needs call for 2 to 5.
    assert not rows("SELECT p.id FROM person p LEFT JOIN person_skill s ON s.person_id = p.id"
                    " WHERE s.person_id IS NULL")  # fmt: skip
    assert value("SELECT max(n) FROM (SELECT count(*) n FROM person_skill"
                 " GROUP BY person_id, kind)") <= 6  # fmt: skip
    assert {r[0] for r in rows("SELECT count(*) FROM need_skill GROUP BY need_id")} <= {2, 3, 4, 5}
    assert not rows("SELECT id FROM need WHERE problem = ''")
    # Referrals given name whom they benefit; summaries are sentences with names in them.
    assert value("SELECT avg(beneficiary_id IS NOT NULL) FROM action"
                 " WHERE kind = 'referral' AND direction = 'given'") > 0.9  # fmt: skip
    for summary, name in rows(
        "SELECT a.summary, b.name FROM action a JOIN person b ON b.id = a.beneficiary_id"
    ):
        assert name in summary
    assert value("SELECT count(DISTINCT summary) FROM action") > 500
    assert rows("SELECT id FROM action WHERE summary LIKE 'Referred % for the % role at %'")
    assert not rows("SELECT id FROM action WHERE summary LIKE '%None%' OR summary LIKE '%{%'")


def test_names_and_addresses_are_well_formed(sample):
    assert not rows("SELECT id FROM person WHERE trim(name) = ''")
    companies = rows("SELECT name, name_key, website FROM company")
    assert all(key == name_key(name) for name, key, _ in companies)
    assert all(url_problem(site) is None and site.startswith("https://") for *_, site in companies)
    assert not rows("SELECT name_key FROM skill GROUP BY name_key HAVING count(*) > 1")
    assert all(key == name_key(name) for name, key in rows("SELECT name, name_key FROM skill"))
    people = rows("SELECT email, linkedin_url FROM person")
    emails = [e for e, _ in people if e]
    assert 0.6 * len(people) < len(emails) < len(people)
    assert all(email_problem(e) is None for e in emails)
    links = [u for _, u in people if u]
    assert all(u.startswith("https://www.linkedin.com/in/") for u in links)
    assert all(linkedin_problem(u) is None for u in links)
    assert value("SELECT count(DISTINCT name) FROM person") == 150


def test_full_text_search_finds_a_person_by_name_prefix(sample):
    def found(query: str) -> set[int]:
        return {r[0] for r in rows("SELECT rowid FROM person_search WHERE person_search MATCH ?",
                                   query)}  # fmt: skip

    pid, name = rows("SELECT id, name FROM person ORDER BY id LIMIT 1")[0]
    assert pid in found(f'"{name.split()[0][:3]}"*')
    mar = {pid for pid, name in rows("SELECT id, name FROM person")
           if any(word.casefold().startswith("mar") for word in name.split())}  # fmt: skip
    assert mar and mar <= found('"mar"*')


def test_refuses_a_database_that_already_holds_people(sample):
    before = dump()
    with pytest.raises(ValueError, match="already holds 150 people"):
        generate_network(db, **SAMPLE_SIZE, today=TODAY)
    assert dump() == before


def test_refuses_nonsense_sizes(database):
    with pytest.raises(ValueError):
        generate_network(database, people=-1)
    with pytest.raises(ValueError):
        generate_network(database, people=0, actions=5)
    with pytest.raises(ValueError):
        generate_network(database, months=0)
    assert value("SELECT count(*) FROM skill") == 0


def test_small_and_odd_sizes_work(database):
    counts = generate_network(database, people=3, companies=0, actions=20, months=1, today=TODAY)
    assert counts == {"companies": 0, "people": 3, "needs": 0, "opportunities": 0, "actions": 20}
    assert rows("PRAGMA foreign_key_check") == []


def test_progress_is_reported_up_to_the_total(database):
    calls = []
    generate_network(
        database, **SAMPLE_SIZE, today=TODAY, progress=lambda d, t: calls.append((d, t))
    )
    total = 30 + 150 + 60 + 30 + 1200
    assert calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_an_exception_from_progress_cancels_everything(database):
    class Cancelled(Exception):
        pass

    def cancel_midway(done: int, total: int) -> None:
        if done > 10_000:
            raise Cancelled

    with pytest.raises(Cancelled):
        generate_network(database, **MEDIUM, today=TODAY, progress=cancel_midway)
    assert all(not table_rows for table_rows in dump().values())
    assert value("SELECT count(*) FROM person_search") == 0


def test_medium_size_is_quick(database):
    started = time.perf_counter()
    counts = generate_network(database, **MEDIUM, today=TODAY)
    elapsed = time.perf_counter() - started
    assert counts["actions"] == 50_000 and counts["people"] == 3000
    assert value("SELECT count(*) FROM person_search") == 3000
    assert elapsed < 10, f"medium sample took {elapsed:.1f}s"


@pytest.mark.slow
def test_large_size_finishes_well_under_a_minute(request, database):
    if "slow" not in request.config.getoption("markexpr"):
        pytest.skip("30,000 people and a million actions take half a minute: run with -m slow")
    started = time.perf_counter()
    counts = generate_network(database, **LARGE_SIZE, today=TODAY)
    elapsed = time.perf_counter() - started
    print(f"\nlarge sample ({counts}) took {elapsed:.1f}s")
    assert counts == {"companies": 3000, "people": 30000, "needs": 6000,
                      "opportunities": 3000, "actions": 1_000_000}  # fmt: skip
    assert value("SELECT count(*) FROM action") == 1_000_000
    assert value("SELECT count(DISTINCT name) FROM person") == 30000
    assert rows("PRAGMA foreign_key_check") == []
    assert elapsed < 45, f"large sample took {elapsed:.1f}s"


def test_each_opportunity_has_a_history_ending_where_it_stands(sample):
    from desktop.core import opportunities

    ids = [r[0] for r in rows("SELECT id FROM opportunity")]
    for opportunity_id in ids:
        data = opportunities.get_opportunity(opportunity_id)
        steps = opportunities.history(opportunity_id)
        assert steps[0].status == "interested"
        assert steps[-1] == (data.status, data.status_on)
        days = [step.changed_on for step in steps]
        assert days == sorted(days)
    assert value("SELECT count(*) FROM opportunity_history") > len(ids)  # real paths
    # Referrals name the need or opportunity they were for, so panes show them.
    assert value("SELECT count(*) FROM action WHERE kind = 'referral' AND need_id IS NOT NULL") > 0


def test_everyone_with_a_company_has_it_as_their_open_position_and_some_moved(database):
    generate_network(database, **SAMPLE_SIZE, today=TODAY)
    # The open position is the person's company and title, for each of them.
    assert not rows(
        "SELECT p.id FROM person p LEFT JOIN position ps ON ps.person_id = p.id AND ps.current"
        " WHERE p.company_id IS NOT ps.company_id OR (ps.id IS NOT NULL AND p.title <> ps.title)"
    )
    assert value("SELECT count(DISTINCT person_id) FROM position WHERE current = 0") > 40
    assert not rows("SELECT id FROM position WHERE started > ended")
    from desktop.core import positions

    moved, _latest = positions.moves_since(TODAY.replace(day=1))
    assert 1 <= moved <= 15


def test_some_keep_in_touch_by_tier_and_some_ties_are_dormant(sample):
    from desktop.core import followups, reconnect

    tiers = dict(rows("SELECT tier_id, count(*) FROM person GROUP BY tier_id"))
    assert set(tiers) == {None, 1, 2, 3} and 20 < sum(tiers[t] for t in (1, 2, 3)) < 60
    # A tier is instead of days of one's own.
    assert value("SELECT count(*) FROM person WHERE tier_id IS NOT NULL AND cadence_days > 0") == 0
    dormant = reconnect.dormant(TODAY)
    assert 5 <= len(dormant) <= 20
    assert any(tie.target for tie in dormant) and any(not tie.target for tie in dormant)
    reach = followups.buckets(TODAY).reach_out
    assert any(r.tier for r in reach) and any(r.overdue for r in reach)
    assert any(not r.overdue for r in reach)
