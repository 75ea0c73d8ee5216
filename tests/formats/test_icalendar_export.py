"""Open follow-ups and keep-in-touch dates as all-day events a calendar can import."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import icalendar
import pytest

from desktop.core import actions, people
from desktop.core.actions import ActionData
from desktop.core.people import PersonData
from desktop.formats import icalendar_export
from desktop.store.connection import db

TODAY = date(2026, 3, 15)
DAY = timedelta(days=1)


def log(person_id: int, day: date, **fields) -> int:
    fields.setdefault("summary", "Checked in")
    return actions.create_action(ActionData(occurred_on=day, counterpart_id=person_id, **fields))


@pytest.fixture
def calendar_data(database):
    ada = people.create_person(PersonData(name="Ada Lovelace", company="Acme"))
    # Met 40 days ago, every 30 days, never contacted: due 10 days ago.
    bob = people.create_person(
        PersonData(name="Bob Ödegaard", met_on=TODAY - 40 * DAY, cadence_days=30)
    )
    # Contacted two days ago, every 14 days: due in 12 days.
    cy = people.create_person(PersonData(name="Cy Young", company="Initech", cadence_days=14))
    log(cy, TODAY - 2 * DAY)
    ids = {
        "ada": ada,
        "bob": bob,
        "cy": cy,
        "soon": log(
            ada,
            TODAY - 5 * DAY,
            kind="referral",
            summary="Referred her to Initech, Inc.; asked for news",
            follow_up_on=TODAY + 3 * DAY,
        ),
        "late": log(
            ada,
            TODAY - 9 * DAY,
            kind="job_lead",
            direction="received",
            summary="Sent me the data lead",
            follow_up_on=TODAY - 2 * DAY,
        ),
        "done": log(ada, TODAY - 8 * DAY, follow_up_on=TODAY + DAY),
        "none": log(ada, TODAY - 7 * DAY),
    }
    actions.mark_follow_up_done(ids["done"])
    return ids


def uid(kind: str, table: str, row_id: int) -> str:
    sql = f"SELECT created_at FROM {table} WHERE id = ?"
    created = db.execute_sql(sql, (row_id,)).fetchone()[0]
    return (
        f"{kind}-{row_id}-{created.replace('-', '').replace(':', '').replace(' ', '')}@reciprocity"
    )


def events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_calendar_names_itself_and_uses_crlf(calendar_data):
    data = icalendar_export.export(TODAY)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["prodid"]) == "-//Reciprocity//EN"
    assert str(calendar["version"]) == "2.0"
    assert calendar.walk("VTODO") == []


def test_open_follow_ups_and_cadences_become_all_day_events(calendar_data):
    ids = calendar_data
    found = events(icalendar_export.export(TODAY))
    assert {
        uid: (str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend"), str(e["description"]))
        for uid, e in found.items()
    } == {
        uid("followup", "action", ids["soon"]): (
            "Follow up: Referred her to Initech, Inc.; asked for news (Ada Lovelace)",
            TODAY + 3 * DAY,
            TODAY + 4 * DAY,
            f"Referral (given) on {TODAY - 5 * DAY}.\nCompany: Acme.",
        ),
        # Overdue: shown today, with the date it was due.
        uid("followup", "action", ids["late"]): (
            "Follow up: Sent me the data lead (Ada Lovelace)",
            TODAY,
            TODAY + DAY,
            f"Job lead (received) on {TODAY - 9 * DAY}.\nCompany: Acme.\n"
            f"Due since {TODAY - 2 * DAY}.",
        ),
        uid("keep-in-touch", "person", ids["bob"]): (
            "Keep in touch with Bob Ödegaard",
            TODAY,
            TODAY + DAY,
            f"Every 30 days.\nNo contact logged yet.\nDue since {TODAY - 10 * DAY}.",
        ),
        uid("keep-in-touch", "person", ids["cy"]): (
            "Keep in touch with Cy Young",
            TODAY + 12 * DAY,
            TODAY + 13 * DAY,
            f"Every 14 days.\nLast contact: {TODAY - 2 * DAY}.\nCompany: Initech.",
        ),
    }


def test_dates_are_all_day_values_and_events_do_not_block_time(calendar_data):
    data = icalendar_export.export(TODAY)
    assert data.count(b"DTSTART;VALUE=DATE:") == 4
    assert b"DTSTART;VALUE=DATE:20260318\r\n" in data
    for event in events(data).values():
        assert str(event["transp"]) == "TRANSPARENT"
        stamp = event.decoded("dtstamp")
        assert stamp.tzinfo is not None
        assert abs(stamp - datetime.now(timezone.utc)) < timedelta(minutes=5)


def test_done_follow_ups_are_left_out_and_reopened_ones_come_back(calendar_data):
    done = uid("followup", "action", calendar_data["done"])
    assert done not in events(icalendar_export.export(TODAY))
    actions.reopen_follow_up(calendar_data["done"])
    assert events(icalendar_export.export(TODAY))[done].decoded("dtstart") == TODAY + DAY


def test_uids_are_stable_between_exports(calendar_data):
    first = events(icalendar_export.export(TODAY))
    people.update_person(calendar_data["bob"], people.PersonData(name="Bob Ö.", cadence_days=7))
    again = events(icalendar_export.export(TODAY + DAY))
    assert set(first) == set(again)


def test_the_same_id_in_another_network_is_another_event(calendar_data):
    bob = calendar_data["bob"]
    mine = events(icalendar_export.export(TODAY))
    # The sample network, say: the same id, made at another time.
    db.execute_sql("UPDATE person SET created_at = '2025-01-31 09:15:02' WHERE id = ?", (bob,))
    sample = events(icalendar_export.export(TODAY))
    assert f"keep-in-touch-{bob}-20250131091502@reciprocity" in sample
    assert len(set(mine) & set(sample)) == len(mine) - 1


def test_an_empty_database_gives_a_valid_empty_calendar(database):
    calendar = icalendar.Calendar.from_ical(icalendar_export.export(TODAY))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["prodid"]) == "-//Reciprocity//EN"


UID_FORM = re.compile(r"(followup|keep-in-touch)-[1-9][0-9]*-[0-9]{14}@reciprocity")


def test_every_uid_has_one_form_with_a_domain_part(calendar_data):
    found = events(icalendar_export.export(TODAY))
    assert {uid.split("-")[0] for uid in found} == {"followup", "keep"}  # both kinds
    for uid_text in found:
        assert UID_FORM.fullmatch(uid_text), uid_text
    assert len(found) == len(set(found)) == 4


def test_two_exports_give_the_same_uid_for_each_follow_up(calendar_data):
    ids = calendar_data
    first = events(icalendar_export.export(TODAY))
    # The follow-up moved and renamed, the person renamed: the same events, updated.
    changed = actions.get_action(ids["soon"])
    changed.summary = "Asked Ada for news"
    changed.follow_up_on = TODAY + 6 * DAY
    actions.update_action(ids["soon"], changed)
    people.update_person(ids["ada"], people.PersonData(name="Ada King", company="Acme"))
    again = events(icalendar_export.export(TODAY))
    assert list(again) == list(first)
    soon = uid("followup", "action", ids["soon"])
    assert str(again[soon]["summary"]) == "Follow up: Asked Ada for news (Ada King)"
    assert again[soon].decoded("dtstart") == TODAY + 6 * DAY


def test_uids_survive_moving_the_network_with_the_archive(calendar_data, tmp_path):
    from desktop.formats import archive
    from desktop.store import connection

    before = list(events(icalendar_export.export(TODAY)))
    archive.export(tmp_path / "network.json")
    connection.close_database()
    connection.open_database(tmp_path / "new-computer.sqlite3")
    archive.import_into(tmp_path / "network.json")
    assert list(events(icalendar_export.export(TODAY))) == before


@pytest.mark.parametrize(
    "created_at", ["2025-01-31 09:15:02", "2025-01-31T09:15:02", "2025-01-31 09:15:02.123456"]
)
def test_a_uid_holds_the_second_the_row_was_made_however_it_is_written(created_at):
    assert (
        icalendar_export.uid("followup", 27, created_at) == "followup-27-20250131091502@reciprocity"
    )
