"""Undo and redo in core: each kind of write taken back whole, in one transaction, with its
ids, its cascades, the summaries and the search index as they were; and redone likewise."""

from __future__ import annotations

from datetime import date

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import (
    actions,
    aliases,
    companies,
    follow_through,
    logbook,
    merging,
    needs,
    opportunities,
    people,
    profile,
    undo,
)
from desktop.core.actions import ActionData
from desktop.core.changes import Changed
from desktop.core.people import PersonData
from desktop.core.validation import ValidationError
from desktop.formats import importing, linkedin
from desktop.store import check, connection, query, undo_log
from desktop.store.connection import db

#: Everything a step may change, and what follows from the rows: the summaries.
SNAPSHOT_TABLES = (*undo_log.LOGGED, "action_day", "action_person")


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table the person's work is in, ids and all."""
    return {
        table: sorted(map(tuple, db.execute_sql(f"SELECT * FROM {table}").fetchall()), key=repr)
        for table in SNAPSHOT_TABLES
    }


def searched(words: str) -> list[int]:
    return query.column(
        "SELECT rowid FROM person_search WHERE person_search MATCH ? ORDER BY rowid", (words,)
    )


def assert_consistent() -> None:
    """The summaries and the search index agree with the rows (the full check)."""
    report = check.run_check(full=True)
    assert report.findings == ()


def last_step() -> undo_log.Step:
    return undo_log.steps_since(0, db)[-1]


@pytest.fixture
def history(database):
    undo_log.keep(db)
    yield
    undo_log.stop(db)


@pytest.fixture
def network(history):
    """A little of everything: people with roles, skills and actions both ways, a company
    with a need and an opportunity whose people are them."""
    dana = people.create_person(
        PersonData(name="Dana Ruiz", company="Acme Robotics", title="Recruiter",
                   email="dana@acme.example", roles=("recruiter",), offers=["Python"],
                   seeks=["Data roles"])
    )  # fmt: skip
    ben = people.create_person(PersonData(name="Ben Okafor", company="Globex"))
    need = needs.create_need(
        needs.NeedData(company="Acme Robotics", title="Data pipeline", source_person_id=dana,
                       skills=["Python"])
    )  # fmt: skip
    opp = opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Acme Robotics", title="Analyst", need_id=need,
            people=[(dana, "recruiter"), (ben, "referrer")],
        )
    )  # fmt: skip
    given = actions.create_action(
        ActionData(occurred_on=date(2026, 3, 2), direction="given", kind="referral",
                   counterpart_id=dana, beneficiary_id=ben, summary="Referred Ben to Dana",
                   follow_up_on=date(2026, 3, 9))
    )  # fmt: skip
    received = actions.create_action(
        ActionData(occurred_on=date(2026, 3, 5), direction="received", kind="job_lead",
                   counterpart_id=dana, opportunity_id=opp, summary="Dana sent the Analyst lead")
    )  # fmt: skip
    helped_ben = actions.create_action(
        ActionData(occurred_on=date(2026, 3, 6), direction="given", kind="check_in",
                   counterpart_id=ben, summary="Checked in with Ben")
    )  # fmt: skip
    return dict(dana=dana, ben=ben, need=need, opp=opp, given=given, received=received,
                helped_ben=helped_ben)  # fmt: skip


def undo_and_redo(write, label: str) -> undo.Reversed:
    """Make *write*; undo it and find the network as before; redo it and find it as after."""
    before = snapshot()
    write()
    after = snapshot()
    assert after != before, "the write changed nothing"
    step = last_step()
    assert step.label == label
    undone = undo.reverse(step.step)
    assert snapshot() == before
    assert_consistent()
    redone = undo.reverse(undone.step)
    assert snapshot() == after
    assert_consistent()
    assert undo_log.label(redone.step, db) == label  # the name goes with the step
    return undone


# -- each kind of write ------------------------------------------------------------------
def test_adding_a_person_with_a_new_company_is_one_step(history):
    undone = undo_and_redo(
        lambda: people.create_person(
            PersonData(name="Ada Lovelace", company="Analytical Engines", offers=["Math"])
        ),
        "Add ‘Ada Lovelace’",
    )
    assert undone.changed & Changed.PEOPLE and undone.changed & Changed.COMPANIES
    assert searched("lovelace") and searched("analytical")


def test_editing_a_person(network):
    data = people.get_person(network["dana"])
    data.title, data.offers, data.roles = "Head of Talent", ["SQL"], ("hiring_manager",)
    undo_and_redo(lambda: people.update_person(network["dana"], data), "Edit ‘Dana Ruiz’")
    undo.reverse(undo.reverse(last_step().step).step)
    assert searched("talent") == [network["dana"]]


def test_deleting_a_person_restores_their_actions_parts_and_the_need_they_told(network):
    dana = network["dana"]
    before = snapshot()
    people.delete_person(dana)
    assert query.value("SELECT count(*) FROM action WHERE counterpart_id = ?", (dana,)) == 0
    assert query.value("SELECT source_person_id FROM need") is None  # set to none
    undone = undo.reverse(last_step().step)
    assert undone.shown == ("person", dana)
    assert snapshot() == before  # the same ids, the parts, the need's source, the summaries
    assert people.get_person(dana).name == "Dana Ruiz"
    assert searched("dana") == [dana]
    assert query.column("SELECT rowid FROM action_search WHERE action_search MATCH 'analyst'") == [
        network["received"]
    ]
    assert_consistent()
    undo.reverse(undone.step)  # redo: gone again, with all of it
    assert query.value("SELECT count(*) FROM person WHERE id = ?", (dana,)) == 0
    assert searched("dana") == []
    assert_consistent()


def test_a_person_deleted_is_named_by_who_they_were(network):
    people.delete_person(network["dana"])
    assert last_step().label == "Delete ‘Dana Ruiz’"


def test_company_add_edit_and_delete(network):
    acme = companies.find_company("Acme Robotics")
    assert acme is not None
    undo_and_redo(
        lambda: companies.create_company(companies.CompanyData(name="Initech")), "Add ‘Initech’"
    )
    data = companies.get_company(acme)
    data.name = "Acme Robots Inc."
    undo_and_redo(lambda: companies.update_company(acme, data), "Edit ‘Acme Robots Inc.’")
    # Its needs and opportunities go with it; its people stay, without a company.
    undo_and_redo(lambda: companies.delete_company(acme), "Delete ‘Acme Robots Inc.’")


def test_renaming_a_company_and_undoing_it_re_indexes_its_people(network):
    acme = companies.find_company("Acme Robotics")
    data = companies.get_company(acme)
    data.name = "Zenith"
    companies.update_company(acme, data)
    assert searched("zenith") == [network["dana"]]
    undo.reverse(last_step().step)
    assert searched("zenith") == [] and searched("acme") == [network["dana"]]


def test_need_add_edit_and_delete(network):
    undo_and_redo(
        lambda: needs.create_need(
            needs.NeedData(company="Globex", title="Churn model", skills=["Statistics"])
        ),
        "Add need ‘Churn model’",
    )
    data = needs.get_need(network["need"])
    data.status, data.skills = "filled", ["Python", "Airflow"]
    undo_and_redo(lambda: needs.update_need(network["need"], data), "Edit need ‘Data pipeline’")
    undo_and_redo(lambda: needs.delete_need(network["need"]), "Delete need ‘Data pipeline’")


def test_opportunity_add_edit_move_and_delete(network):
    undo_and_redo(
        lambda: opportunities.save_opportunity(
            opportunities.OpportunityData(company="Globex", title="Data Lead"),
            new_people=[("Theo Grant", "hiring_manager")],
        ),
        "Add opportunity ‘Data Lead’",
    )
    undo_and_redo(
        lambda: opportunities.set_status(network["opp"], "interviewing", date(2026, 4, 1)),
        "Move ‘Analyst’ to Interviewing",
    )
    undo_and_redo(
        lambda: opportunities.delete_opportunity(network["opp"]), "Delete opportunity ‘Analyst’"
    )


def test_action_log_edit_and_delete(network):
    undo_and_redo(
        lambda: logbook.log_action(
            ActionData(occurred_on=date(2026, 4, 2), direction="received", kind="thanks",
                       summary="Thanked by Kim"),
            new_counterpart="Kim Lee",
        ),
        "Log action",
    )  # fmt: skip
    data = actions.get_action(network["given"])
    data.weight, data.summary = 3, "Referred Ben to Dana for the Analyst role"
    undo_and_redo(
        lambda: actions.update_action(network["given"], data),
        "Edit action ‘Referred Ben to Dana for the Analyst…’",
    )
    undo_and_redo(
        lambda: actions.delete_action(network["received"]),
        "Delete action ‘Dana sent the Analyst lead’",
    )


def test_follow_up_done_snoozed_and_reopened(network):
    given = network["given"]
    undo_and_redo(
        lambda: actions.mark_follow_up_done(given), "Mark follow-up done ‘Referred Ben to Dana’"
    )
    actions.mark_follow_up_done(given)
    undo_and_redo(
        lambda: actions.reopen_follow_up(given), "Reopen follow-up ‘Referred Ben to Dana’"
    )
    undo_and_redo(
        lambda: actions.snooze_follow_up(given, date(2026, 5, 1)),
        "Snooze follow-up ‘Referred Ben to Dana’",
    )


def test_skill_aliases_and_my_profile(network):
    undo_and_redo(
        lambda: aliases.save_aliases([("JS", "JavaScript"), ("Py", "Python")]),
        "Edit skill aliases",
    )
    undo_and_redo(
        lambda: profile.save_profile(
            profile.ProfileData(name="Me", target_roles=["Analyst"], skills=["SQL", "Python"])
        ),
        "Edit my profile",
    )


def test_merging_two_people_is_one_step(network):
    twin = people.create_person(PersonData(name="Dana R.", phone="+1 555 0100"))
    actions.create_action(ActionData(occurred_on=date(2026, 2, 1), counterpart_id=twin,
                                     summary="Coffee with Dana R."))  # fmt: skip
    undo_and_redo(
        lambda: merging.merge_people(network["dana"], twin), "Merge ‘Dana R.’ into ‘Dana Ruiz’"
    )


def test_accepting_follow_through_suggestions_is_one_step(network):
    opportunities.set_status(network["opp"], "not_selected", date(2026, 4, 2))
    suggestions = follow_through.offer(network["opp"], date(2026, 4, 3)).suggestions
    assert suggestions
    undo_and_redo(
        lambda: follow_through.accept(network["opp"], suggestions[:1], date(2026, 4, 3)),
        "Log what I offered for ‘Analyst’",
    )


CONNECTIONS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    b"Theo,Grant,https://www.linkedin.com/in/theo-grant,,Contoso,Analyst,3 Mar 2025\r\n"
    b"Dana,Ruiz,https://www.linkedin.com/in/dana-ruiz,dana@acme.example,Acme Robotics,"
    b"Recruiter,4 Mar 2025\r\n"
    b"Mina,Park,https://www.linkedin.com/in/mina-park,,Northwind,Engineer,5 Mar 2025\r\n"
)


def test_an_import_is_one_step_that_takes_back_new_people_companies_and_fills(network):
    plan = importing.plan(linkedin.parse(CONNECTIONS, "Connections.csv"))
    assert len(plan.new) == 2 and plan.merges  # Dana is known: her address is filled in
    undone = undo_and_redo(
        lambda: importing.apply(plan, source="Connections.csv"), "Import ‘Connections.csv’"
    )
    assert undone.changed & Changed.PEOPLE
    assert len(searched("contoso")) == 1  # redone
    undo.reverse(last_step().step)
    assert searched("contoso") == [] and searched("northwind") == []
    assert people.get_person(network["dana"]).linkedin_url == ""  # the fill taken back


def test_an_import_without_its_file_name_is_named_by_its_count(history):
    plan = importing.plan(linkedin.parse(CONNECTIONS, "Connections.csv"))
    importing.apply(plan)
    assert last_step().label == "Import 3 people"


# -- the history itself ------------------------------------------------------------------
def test_a_write_that_fails_leaves_no_step(network):
    before = undo_log.steps_since(0, db)
    with pytest.raises(ValidationError):
        people.create_person(PersonData(name=""))
    with pytest.raises(peewee.IntegrityError), db.atomic():
        people.create_person(PersonData(name="Half"))
        db.execute_sql("INSERT INTO person_role VALUES (999999, 'recruiter')")
    assert undo_log.steps_since(0, db) == before
    # And the rollback left no step behind for a write made outside any transaction.
    db.connection().execute("UPDATE person SET title = 'Raw' WHERE id = 1")
    assert undo_log.steps_since(0, db) == before


def test_a_save_that_changes_nothing_is_no_step(network):
    seen = undo_log.last_seq(db)
    for person in (network["ben"], network["dana"]):  # Dana has roles and skills
        people.update_person(person, people.get_person(person))
    acme = companies.find_company("Acme Robotics")
    companies.update_company(acme, companies.get_company(acme))
    needs.update_need(network["need"], needs.get_need(network["need"]))
    assert undo_log.steps_since(seen, db) == []


def test_nothing_is_logged_without_a_history(database):
    people.create_person(PersonData(name="Not logged"))
    assert query.value("SELECT count(*) FROM undo_log") == 0


def test_another_programs_write_empties_the_history(network, tmp_path):
    """The command line's connection keeps no history: its write empties the window's,
    so no step is undone over changes it knows nothing of."""
    assert undo_log.steps_since(0, db)
    step = last_step().step
    other = connection.ReciprocityDatabase(None)
    connection.open_database(db.database, database=other)
    try:
        with other.atomic():
            other.execute_sql("UPDATE person SET title = 'Changed elsewhere'")
    finally:
        other.close()
    assert undo_log.logged_steps(db) == set()
    with pytest.raises(undo.UndoConflict, match="changed outside this window"):
        undo.reverse(step)


def test_a_step_whose_rows_were_taken_meanwhile_is_refused_and_changes_nothing(history):
    people.create_person(PersonData(name="Ada"))
    people.delete_person(query.value("SELECT id FROM person"))
    deleted = last_step().step
    # Something else takes the row's place, outside any step (so logged nowhere).
    db.connection().execute(
        "INSERT INTO person (id, name, sort_key, created_at, updated_at)"
        " VALUES (1, 'Squatter', 'squatter', '', '')"
    )
    before = snapshot()
    with pytest.raises(undo.UndoConflict, match="changed since"):
        undo.reverse(deleted)
    assert snapshot() == before


def test_a_cancelled_undo_changes_nothing(network):
    from desktop.store.progress import Cancelled

    people.delete_person(network["dana"])
    before = snapshot()

    def stop(done, total):
        raise Cancelled

    with pytest.raises(Cancelled):
        undo.reverse(last_step().step, progress=stop)
    assert snapshot() == before


def test_keep_empties_what_an_earlier_run_left(network):
    assert undo_log.steps_since(0, db)
    undo_log.keep(db)
    assert undo_log.steps_since(0, db) == []
    assert query.value("SELECT count(*) FROM undo_step") == 0


def test_keep_only_forgets_the_other_steps(network):
    steps = [s.step for s in undo_log.steps_since(0, db)]
    undo_log.keep_only(steps[-2:], db)
    assert [s.step for s in undo_log.steps_since(0, db)] == steps[-2:]


def test_long_names_are_cut_for_the_menu(history):
    people.create_person(PersonData(name="N" * 60))
    assert last_step().label == "Add ‘" + "N" * 39 + "…’"


def test_no_logged_table_holds_values_json_would_not_keep_exactly(database):
    """The log keeps values as JSON, exact for NULL, integers and text only."""
    for table in undo_log.LOGGED:
        types = {
            row[0].upper()
            for row in db.execute_sql(f"SELECT type FROM pragma_table_xinfo('{table}')")
        }
        assert types <= {"INTEGER", "TEXT"}, table
        for column in query.column(f"SELECT name FROM pragma_table_xinfo('{table}')"):
            kinds = query.column(f"SELECT DISTINCT typeof({column}) FROM {table}")
            assert set(kinds) <= {"integer", "text", "null"}


# -- any sequence of writes, taken back one by one ---------------------------------------
WRITES = st.lists(
    st.sampled_from(
        ["add person", "edit person", "delete person", "log action", "delete action",
         "add need", "delete company", "done", "merge"]
    ),
    min_size=1,
    max_size=8,
)  # fmt: skip


def _write(kind: str, n: int) -> None:
    ids = query.column("SELECT id FROM person ORDER BY id")
    action_ids = query.column("SELECT id FROM action ORDER BY id")
    if kind == "add person" or not ids:
        people.create_person(PersonData(name=f"Person {n}", company=f"Co {n % 3}",
                                        offers=[f"Skill {n % 4}"]))  # fmt: skip
    elif kind == "edit person":
        data = people.get_person(ids[n % len(ids)])
        data.title, data.company = f"Title {n}", f"Co {n % 2}"
        people.update_person(ids[n % len(ids)], data)
    elif kind == "delete person":
        people.delete_person(ids[n % len(ids)])
    elif kind == "log action":
        actions.create_action(ActionData(occurred_on=date(2026, 1, 1 + n % 28),
                                         counterpart_id=ids[n % len(ids)], summary=f"Did {n}",
                                         follow_up_on=date(2026, 2, 1)))  # fmt: skip
    elif kind == "delete action" and action_ids:
        actions.delete_action(action_ids[n % len(action_ids)])
    elif kind == "done" and action_ids:
        due = query.column("SELECT id FROM action WHERE follow_up_on IS NOT NULL ORDER BY id")
        if due:
            actions.mark_follow_up_done(due[n % len(due)])
    elif kind == "add need":
        needs.create_need(needs.NeedData(company=f"Co {n % 3}", title=f"Need {n}"))
    elif kind == "delete company":
        found = query.column("SELECT id FROM company ORDER BY id")
        if found:
            companies.delete_company(found[n % len(found)])
    elif kind == "merge" and len(ids) > 1:
        merging.merge_people(ids[0], ids[-1])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(writes=WRITES)
def test_any_writes_undone_in_turn_pass_back_through_every_state(network, writes):
    made: list[tuple[int, dict]] = []  # each step, and the network before it
    for n, kind in enumerate(writes):
        before, seen = snapshot(), undo_log.last_seq(db)
        _write(kind, n)
        new = undo_log.steps_since(seen, db)
        assert len(new) <= 1  # one write, one step (or none when it changed nothing)
        made += [(new[0].step, before)] if new else []
    final = snapshot()
    redo = []
    for step, before in reversed(made):
        redo.append(undo.reverse(step).step)
        assert snapshot() == before
    assert_consistent()
    for step in reversed(redo):
        undo.reverse(step)
    assert snapshot() == final
    assert_consistent()


def test_an_import_cancelled_half_way_leaves_the_history_logging_as_before(network):
    from desktop.store.progress import Cancelled

    plan = importing.plan(linkedin.parse(CONNECTIONS, "Connections.csv"))
    before = undo_log.steps_since(0, db)

    def stop(done, total):
        raise Cancelled

    with pytest.raises(Cancelled):
        importing.apply(plan, stop)
    assert undo_log.steps_since(0, db) == before
    people.delete_person(network["ben"])  # the triggers the import set aside are back
    undone = undo.reverse(last_step().step)
    assert undone.shown == ("person", network["ben"])
    importing.apply(plan)  # and after an import that went through, too
    people.delete_person(network["ben"])
    assert last_step().label == "Delete ‘Ben Okafor’"
    assert undo_log.entries(last_step().step, db)


def test_a_transaction_of_another_program_that_writes_nothing_leaves_the_history(network):
    """A check on the command line takes the write lock but changes nothing."""
    other = connection.ReciprocityDatabase(None)
    connection.open_database(db.database, database=other)
    try:
        with other.atomic():
            other.execute_sql("SELECT count(*) FROM person").fetchone()
    finally:
        other.close()
    assert undo_log.logged_steps(db)


def test_a_write_refused_at_begin_leaves_no_step_number_behind(network, tmp_path):
    import sqlite3

    holder = sqlite3.connect(db.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    db.execute_sql("PRAGMA busy_timeout = 0")
    try:
        with pytest.raises(peewee.OperationalError):
            people.create_person(PersonData(name="Refused"))
        assert db.history.current_step() == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.execute_sql(f"PRAGMA busy_timeout = {connection.BUSY_TIMEOUT_MS}")


def test_seq_is_never_reused_once_the_log_is_emptied(network):
    last = undo_log.last_seq(db)
    undo_log.forget_all(db)
    people.create_person(PersonData(name="After the emptying"))
    assert undo_log.steps_since(last, db)[0].label == "Add ‘After the emptying’"


def test_putting_the_follow_through_offer_aside_is_no_step_of_its_own(network):
    opportunities.set_status(network["opp"], "not_selected", date(2026, 4, 2))
    follow_through.dismiss(network["opp"])
    assert last_step().label == "Move ‘Analyst’ to Not selected"
    undo.reverse(last_step().step)
    assert opportunities.get_opportunity(network["opp"]).status == "interested"
    assert query.value("SELECT follow_through_offered_at FROM opportunity") is None


def test_aliases_and_a_profile_saved_as_they_were_are_no_step(network):
    aliases.save_aliases([("JS", "JavaScript")])
    data = profile.ProfileData(name="Me", target_roles=["Analyst"], skills=["SQL"])
    profile.save_profile(data)
    seen = undo_log.last_seq(db)
    aliases.save_aliases([("JS", "JavaScript")])
    profile.save_profile(data)
    assert undo_log.steps_since(seen, db) == []
