"""Skill aliases: the user's list, its checks, one-transaction saves, and matching by it."""

from __future__ import annotations

import sqlite3

import peewee
import pytest

from desktop.core import aliases, matching, needs, people
from desktop.core.aliases import Alias
from desktop.core.needs import NeedData
from desktop.core.people import PersonData
from desktop.core.validation import ValidationError
from desktop.store.connection import db


def errors(pairs) -> dict[str, str]:
    return aliases.validate_aliases(pairs).errors


def offers_match(offered: str, wanted: str) -> bool:
    ada = people.create_person(PersonData(name="Ada", offers=[offered]))
    need_id = needs.create_need(NeedData(company="Analytical Engines", title="T", skills=[wanted]))
    return [c.person_id for c in matching.candidates(need_id)] == [ada]


def test_the_common_aliases_come_with_a_new_database(database):
    listed = aliases.list_aliases()
    assert len(listed) == 20
    assert Alias("JS", "JavaScript") in listed
    assert listed[:3] == [
        Alias("AI", "Artificial intelligence"),
        Alias("AWS", "Amazon Web Services"),
        Alias("C sharp", "CSharp"),
    ]
    assert aliases.alias_map()["js"] == "javascript"


def test_save_replaces_the_list_tidied_and_sorted_without_regard_to_case_or_accents(database):
    aliases.save_aliases(
        [("  Pandas ", "Python   dataframes"), ("éco", "Économétrie"), ("ｋ８ｓ", "Kubernetes")]
    )
    assert aliases.list_aliases() == [
        Alias("éco", "Économétrie"),
        Alias("ｋ８ｓ", "Kubernetes"),
        Alias("Pandas", "Python dataframes"),
    ]
    assert aliases.alias_map() == {
        "éco": "économétrie",
        "k8s": "kubernetes",  # NFKC: full-width letters are the same words
        "pandas": "python dataframes",
    }


def test_the_same_pair_twice_is_kept_once(database):
    aliases.save_aliases([("JS", "JavaScript"), ("js", "javascript ")])
    assert aliases.list_aliases() == [Alias("JS", "JavaScript")]


def test_an_empty_list_removes_every_alias(database):
    aliases.save_aliases([])
    assert aliases.list_aliases() == []


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([("", "Python")], {"0.alias": "Write the short form that stands for 'Python'."}),
        ([("Py", " \u200b ")], {"0.skill": "Write the skill that 'Py' stands for."}),
        (
            [("JS", "JavaScript"), (" ", "")],
            {
                "1.alias": "One row is empty: write a short form and the skill it stands for,"
                " or remove it."
            },
        ),
        (
            [("x" * 201, "Python")],
            {"0.alias": "A short form can be at most 200 characters long (this one has 201)."},
        ),
        (
            [("Py", "p" * 250)],
            {"0.skill": "A skill name can be at most 200 characters long (this one has 250)."},
        ),
        (
            [("Go", " go ")],
            {"0.skill": "'Go' cannot stand for itself; write the skill it is short for."},
        ),
        (
            [("JS", "JavaScript"), ("js", "Java")],
            {"1.alias": "'js' is listed twice, for 'JavaScript' and for 'Java'; keep one of them."},
        ),
        (
            [("TS", "JS"), ("JS", "JavaScript")],
            {
                "0.skill": "'TS' stands for 'JS', which is itself short for 'JavaScript'."
                " Let 'TS' stand for 'JavaScript' instead."
            },
        ),
        (
            [("A", "B"), ("b", "a")],
            {
                "0.skill": "'A' and 'b' stand for each other; remove one of the two.",
                "1.skill": "'b' and 'A' stand for each other; remove one of the two.",
            },
        ),
    ],
)
def test_problems_are_explained_per_row(pairs, expected):
    assert errors(pairs) == expected


def test_a_refused_save_changes_nothing(database):
    before = aliases.list_aliases()
    with pytest.raises(ValidationError) as raised:
        aliases.save_aliases([("Pandas", "Python dataframes"), ("Go", "go")])
    assert str(raised.value) == "'Go' cannot stand for itself; write the skill it is short for."
    assert aliases.list_aliases() == before


def test_a_failed_save_rolls_back_the_delete(database):
    """The delete and the inserts are one transaction: a failure half-way keeps the old list."""
    before = aliases.list_aliases()
    db.execute_sql(
        "CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON main.skill_alias"
        " WHEN NEW.alias_key = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(peewee.IntegrityError, match="disk full") as raised:
        aliases.save_aliases([("Pandas", "Python dataframes"), ("Boom", "Explosives")])
    assert isinstance(raised.value.orig, sqlite3.IntegrityError)  # what storage_problem reads
    assert aliases.list_aliases() == before


def test_matching_uses_an_alias_the_user_added(database):
    assert matching.canonical_key("Pandas") == "pandas"
    aliases.save_aliases([*aliases.list_aliases(), ("Pandas", "Python dataframes")])
    assert matching.canonical_key("pandas") == matching.canonical_key("Python Dataframes")
    assert offers_match("Pandas", "Python dataframes")
    matching.set_profile_skills(["Python dataframes"])
    need_id = needs.create_need(NeedData(company="Babbage", title="Data", skills=["PANDAS"]))
    assert matching.my_fit(need_id).level == "strong"


def test_unicode_aliases_match(database):
    aliases.save_aliases([("日本語", "Japanese"), ("Éco", "Économétrie")])
    assert offers_match("japanese", "日本語")
    assert matching.canonical_key("ÉCO") == matching.canonical_key("économétrie")
    assert matching.canonical_key("eco") == "eco"  # accents count in names


def test_removing_the_js_alias_stops_js_matching_javascript(database):
    assert matching.canonical_key("JS") == matching.canonical_key("JavaScript")
    aliases.save_aliases([a for a in aliases.list_aliases() if a.alias != "JS"])
    assert matching.canonical_key("JS") != matching.canonical_key("JavaScript")
    assert not offers_match("JS", "JavaScript")
    assert matching.canonical_key("TS") == "typescript"  # the others stay


def test_a_row_with_one_problem_is_not_blamed_for_a_chain_too():
    assert errors([("", "JS"), ("JS", "JavaScript")]) == {
        "0.alias": "Write the short form that stands for 'JS'."
    }
