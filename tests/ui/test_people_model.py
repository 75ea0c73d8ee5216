"""The People list reads, on a keystroke, how many match and the first of them; the rest
of the list is read once something past them is asked for."""

from __future__ import annotations

from desktop.core import people
from desktop.ui.models.people_model import PeopleModel


def test_the_list_holds_every_match_though_a_keystroke_reads_only_the_first(
    qtbot, database, monkeypatch
):
    for n in range(80):
        people.create_person(people.PersonData(name=f"Ann {n:02}"))
    model = PeopleModel()
    monkeypatch.setattr(model, "_fetch_first", lambda text: people.person_search(text, 10))
    reads = []
    real = model._fetch_ids
    model._fetch_ids = lambda text: (reads.append(text), real(text))[1]
    model.set_filter("ann")
    assert model.rowCount() == 80  # the count is true from the first keystroke
    assert model.index(0, 0).data() == "Ann 00"
    assert reads == []  # only the first ten were read
    assert model.index(79, 0).data() == "Ann 79"  # scrolled to the end: the rest is read
    assert reads == ["ann"]
    assert model.row_of(people.person_named("Ann 42")) == 42
    assert len(model.ids()) == 80


def test_a_person_past_the_first_read_is_found_by_id(qtbot, database, monkeypatch):
    ids = [people.create_person(people.PersonData(name=f"Bo {n:02}")) for n in range(50)]
    model = PeopleModel()
    monkeypatch.setattr(model, "_fetch_first", lambda text: people.person_search(text, 5))
    model.set_filter("bo")
    assert model.row_of(ids[-1]) == 49
    assert model.id_at(49) == ids[-1]
