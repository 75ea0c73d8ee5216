"""Matching: my fit from my profile, candidates in my network, needs for a person."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import aliases, matching, needs, people
from desktop.core.matching import Candidate, Fit
from desktop.core.needs import NeedData
from desktop.core.people import PersonData


def need(skills: list[str], **changes) -> int:
    data = NeedData(company="Analytical Engines", title="Tame the data", skills=skills)
    for key, value in changes.items():
        setattr(data, key, value)
    return needs.create_need(data)


def person(name: str, offers=(), seeks=(), seeker=False, company="") -> int:
    return people.create_person(
        PersonData(
            name=name,
            company=company,
            roles=("job_seeker",) if seeker else (),
            offers=list(offers),
            seeks=list(seeks),
        )
    )


@pytest.mark.parametrize(
    ("mine", "wanted", "level"),
    [
        (["Python", "SQL"], ["Python", "SQL", "Spark"], "strong"),  # exactly 2/3: a tie
        (["Python"], ["Python", "SQL"], "partial"),  # 1/2 < 2/3
        (["Python", "SQL"], ["Python", "SQL", "Spark", "Go"], "partial"),  # 2/4
        (["Python", "SQL", "Spark"], ["Python", "SQL", "Spark", "Go"], "strong"),  # 3/4
        (["Python"], ["Python"], "strong"),
        (["Cobol"], ["Python", "SQL"], "none"),
        ([], ["Python"], "none"),
    ],
)
def test_fit_levels(database, mine, wanted, level):
    matching.set_profile_skills(mine)
    fit = matching.my_fit(need(wanted))
    assert fit.level == level and not fit.overridden
    assert sorted(fit.matched + fit.missing) == sorted(wanted)


def test_fit_lists_matched_and_missing_in_the_needs_words(database):
    need_id = need(["SQL", "Python", "JavaScript"])
    matching.set_profile_skills(["python", "JS"])
    fit = matching.my_fit(need_id)
    assert fit == Fit("strong", ["JavaScript", "Python"], ["SQL"], False)


def test_a_need_without_skills_is_no_fit(database):
    matching.set_profile_skills(["Python"])
    assert matching.my_fit(need([])) == Fit("none", [], [], False)


def test_an_override_is_shown_as_such(database):
    matching.set_profile_skills(["Python"])
    fit = matching.my_fit(need(["Python", "SQL", "Spark"], fit_override="strong"))
    assert fit == Fit("strong", ["Python"], ["Spark", "SQL"], True)
    assert matching.my_fit(need([], fit_override="none")) == Fit("none", [], [], True)


def test_a_need_naming_one_skill_twice_counts_it_once(database):
    matching.set_profile_skills(["JavaScript"])
    fit = matching.my_fit(need(["JS", "JavaScript", "SQL"]))
    assert fit.level == "partial" and fit.matched == ["JavaScript"] and fit.missing == ["SQL"]


def test_set_profile_skills_replaces_them(database):
    matching.set_profile_skills(["Python", "SQL"])
    matching.set_profile_skills(["Go", "go "])
    assert matching.profile_skills() == ["Go"]


def test_missing_need_is_a_lookup_error(database):
    with pytest.raises(LookupError):
        matching.my_fit(123)


@pytest.mark.parametrize(
    ("short", "full"),
    [("JS", "JavaScript"), ("k8s", "Kubernetes"), ("Postgres", "PostgreSQL"), ("ML", "ml")],
)
def test_aliases_match_both_ways(database, short, full):
    assert matching.canonical_key(short) == matching.canonical_key(full)
    ada = person("Ada", offers=[short])
    [found] = matching.candidates(need([full]))
    assert (found.person_id, found.offers, found.score) == (ada, [short], 1.0)


def test_unicode_skill_names_match_ignoring_case_and_width(database):
    ada = person("Ada", offers=["économétrie", "ｐｙｔｈｏｎ"])
    kenji = person("Kenji", seeks=["日本語"])
    need_id = need(["Économétrie", "日本語", "Python"])
    found = matching.candidates(need_id)
    assert [(c.person_id, c.reasons) for c in found] == [
        (ada, "offers économétrie, ｐｙｔｈｏｎ"),
        (kenji, "seeks 日本語"),
    ]
    matching.set_profile_skills(["日本語"])
    # one skill row per name_key: the need shows the spelling Ada typed first
    fit = matching.my_fit(need_id)
    assert fit == Fit("partial", ["日本語"], ["économétrie", "ｐｙｔｈｏｎ"], False)


def test_candidates_rank_seekers_then_offers_then_seeks_then_name(database):
    need_id = need(["Python", "SQL", "Data roles"], learned_on=date(2025, 1, 1))
    zoe = person("Zoë", offers=["Python"], seeker=True)
    bob = person("Bob", offers=["Python", "SQL"], company="Babbage & Co")
    anna = person("Anna", offers=["SQL"])
    emil = person("Émil", offers=["Python"])  # sorts as 'emil', after Anna
    carl = person("Carl", offers=["Python"], seeks=["data roles"])
    dora = person("Dora", seeks=["Data Roles"], seeker=True)
    person("Nobody", offers=["Cobol"], seeks=["Farming"])
    found = matching.candidates(need_id)
    assert [c.person_id for c in found] == [zoe, dora, bob, carl, anna, emil]
    assert found[0] == Candidate(
        zoe, "Zoë", "", True, 1 / 3, ["Python"], [], "job seeker; offers Python"
    )
    assert found[1].reasons == "job seeker; seeks Data roles"  # the skill as first spelled
    assert found[2] == Candidate(
        bob, "Bob", "Babbage & Co", False, 2 / 3, ["Python", "SQL"], [], "offers Python, SQL"
    )
    assert found[3].reasons == "offers Python; seeks Data roles"
    assert found[3].score == 2 / 3
    assert [c.person_id for c in matching.candidates(need_id, limit=2)] == [zoe, dora]


def test_candidates_include_the_source_and_ignore_other_skills(database):
    ada = person("Ada", offers=["Python", "Cobol"], seeks=["Farming"])
    need_id = need(["Python"], source_person_id=ada)
    assert [(c.person_id, c.reasons) for c in matching.candidates(need_id)] == [
        (ada, "offers Python")
    ]
    assert matching.candidates(need([])) == []


def test_needs_for_person_lists_open_needs_with_reasons(database):
    ada = person("Ada", offers=["JS", "SQL"], seeks=["Data roles"], seeker=True)
    both = need(["JavaScript", "SQL"], title="Both", learned_on=date(2025, 1, 1))
    one_old = need(["SQL"], title="One old", learned_on=date(2024, 1, 1))
    one_new = need(["sql"], title="One new", company="Babbage", learned_on=date(2025, 2, 1))
    sought = need(["data roles"], title="Sought")
    need(["SQL"], title="Filled", status="filled")
    need(["Cobol"], title="Unrelated")
    assert matching.needs_for_person(ada) == [
        (both, "Both", "Analytical Engines", "offers JS, SQL"),
        (one_new, "One new", "Babbage", "offers SQL"),
        (one_old, "One old", "Analytical Engines", "offers SQL"),
        (sought, "Sought", "Analytical Engines", "seeks Data roles"),
    ]
    assert len(matching.needs_for_person(ada, limit=1)) == 1
    assert matching.needs_for_person(person("Nobody")) == []


def test_fit_levels_agree_with_my_fit(database):
    aliases.save_aliases([*aliases.list_aliases(), ("Pandas", "Python dataframes")])
    matching.set_profile_skills(["JS", "python dataframes", "ＳＱＬ", "économétrie"])
    wanted = {
        "strong": need(["JavaScript", "SQL", "Go"]),  # 2/3, JS through the alias
        "alias twice": need(["JS", "JavaScript", "Go"]),  # one key: 1/2
        "user alias": need(["Pandas"]),
        "unicode": need(["ÉCONOMÉTRIE", "日本語"]),
        "no skills": need([]),
        "none": need(["Cobol"]),
        "overridden up": need(["Cobol"], fit_override="strong"),
        "overridden down": need(["SQL"], fit_override="none"),
        "overridden, no skills": need([], fit_override="partial"),
    }
    expected = {
        "strong": ("strong", False),
        "alias twice": ("partial", False),
        "user alias": ("strong", False),
        "unicode": ("partial", False),
        "no skills": ("none", False),
        "none": ("none", False),
        "overridden up": ("strong", True),
        "overridden down": ("none", True),
        "overridden, no skills": ("partial", True),
    }
    everything = matching.fit_levels()
    assert {label: everything[need_id] for label, need_id in wanted.items()} == expected
    for need_id in wanted.values():
        fit = matching.my_fit(need_id)
        assert everything[need_id] == (fit.level, fit.overridden)
    # more ids than one IN (...) chunk takes; ids of needs that do not exist are left out
    some = [wanted["unicode"], wanted["overridden down"], *range(10_000, 10_600)]
    assert matching.fit_levels(some) == {
        wanted["unicode"]: ("partial", False),
        wanted["overridden down"]: ("none", True),
    }
    assert matching.fit_levels([]) == {}
