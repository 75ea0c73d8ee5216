"""Warm paths: who I know at a company, now or before, or through someone, in the order
to ask them, each with the reason in words."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import actions, companies, opportunities, people, positions, warm_paths
from desktop.core.actions import ActionData
from desktop.core.companies import CompanyData
from desktop.core.people import PersonData
from desktop.core.positions import PositionData
from desktop.core.warm_paths import CURRENT, FORMER, SECOND
from desktop.store import query


def log(person: int, direction: str, day: date, kind: str = "check_in", **more) -> None:
    actions.create_action(
        ActionData(occurred_on=day, direction=direction, kind=kind, counterpart_id=person,
                   summary=f"{kind} {direction}", **more)
    )  # fmt: skip


@pytest.fixture
def network(database):
    contoso = companies.create_company(CompanyData(name="Contoso"))
    add = lambda name, company="", title="": people.create_person(  # noqa: E731
        PersonData(name=name, company=company, title=title)
    )
    ana = add("Ana Abel", "Contoso", "Analytics Lead")
    ben = add("Ben Bauer", "Contoso")
    cal = add("Cal Cole", "Contoso", "Recruiter")
    dee = add("Dee Dunn", "Contoso")
    eve = add("Eve Ekström", "Contoso, Ltd.", "Engineer")  # the same company by its name
    kim = add("Kim Kato", "Contoso Rockets")  # another company
    finn = add("Finn Fox", "Globex", "Director")
    gus = add("Gus Grey")
    hal = add("Hal Hart", "Initech")
    ivy = add("Ivy Iles", "TalentCo")
    jo = add("Jo Jung")
    positions.add_position(
        finn, PositionData(company="Contoso", title="Manager", started="2019-03", ended="2023-06")
    )
    positions.add_position(gus, PositionData(company="Contoso", ended="2021"))
    log(ana, "given", date(2026, 1, 5))
    log(ana, "received", date(2026, 2, 1))
    log(ben, "received", date(2025, 5, 1))
    log(cal, "given", date(2026, 3, 1))
    log(gus, "received", date(2024, 1, 1))
    log(kim, "received", date(2026, 3, 3))
    # I referred Hal to Ana: Hal knows someone there now.
    log(ana, "given", date(2025, 4, 2), "referral", beneficiary_id=hal)
    # Jo introduced me to Finn, who worked there.
    log(jo, "received", date(2025, 9, 9), "introduction", beneficiary_id=finn)
    opportunities.create_opportunity(
        opportunities.OpportunityData(
            company="Contoso", title="Data Analyst", status_on=date(2026, 2, 2),
            people=[(ivy, "recruiter"), (ana, "hiring_manager")],
        ),
        today=date(2026, 2, 2),
    )  # fmt: skip
    return dict(contoso=contoso, ana=ana, ben=ben, cal=cal, dee=dee, eve=eve, kim=kim,
                finn=finn, gus=gus, hal=hal, ivy=ivy, jo=jo)  # fmt: skip


def test_current_then_former_then_second_degree_each_with_its_reason(network):
    found = warm_paths.warm_paths(network["contoso"])
    assert [(p.name, p.kind) for p in found.paths] == [
        ("Ana Abel", CURRENT),  # helped me and I helped her
        ("Ben Bauer", CURRENT),  # helped me
        ("Cal Cole", CURRENT),  # I helped him
        ("Dee Dunn", CURRENT),
        ("Eve Ekström", CURRENT),
        ("Gus Grey", FORMER),  # helped me
        ("Finn Fox", FORMER),
        ("Jo Jung", SECOND),  # helped me
        ("Hal Hart", SECOND),
        ("Ivy Iles", SECOND),
    ]
    reasons = {p.name: p.reason for p in found.paths}
    assert reasons["Ana Abel"] == "Works at Contoso as Analytics Lead"
    assert reasons["Eve Ekström"].startswith("Works at Contoso, Ltd. (the same name apart from")
    assert reasons["Finn Fox"] == "Worked at Contoso as Manager, Mar 2019 – Jun 2023"
    assert reasons["Gus Grey"] == "Worked at Contoso, until 2021"
    assert reasons["Hal Hart"] == "Referral with Ana Abel of Contoso, Apr 2025"
    assert reasons["Jo Jung"] == "Introduction with Finn Fox of Contoso, Sep 2025"
    assert reasons["Ivy Iles"] == "Recruiter for ‘Data Analyst’ at Contoso, Feb 2026"
    balance = {p.name: p.balance_words() for p in found.paths}
    assert balance["Ana Abel"] == "You helped 2 times · helped you once"
    assert balance["Dee Dunn"] == "No help logged yet"
    assert found.rule_words().startswith("Also counted as Contoso: Contoso, Ltd. (")
    assert "Kim Kato" not in reasons  # 'Contoso Rockets' is another company


def test_a_move_turns_a_current_path_into_a_former_one(network):
    people.update_person(network["ben"], PersonData(name="Ben Bauer", company="Globex"), moved=True)
    found = {p.name: p for p in warm_paths.warm_paths(network["contoso"]).paths}
    assert found["Ben Bauer"].kind == FORMER
    assert found["Ben Bauer"].reason == "Worked at Contoso"


def test_the_namesake_finds_the_same_paths(network):
    ltd = companies.find_company("Contoso, Ltd.")
    assert {p.name for p in warm_paths.warm_paths(ltd).paths} == {
        p.name for p in warm_paths.warm_paths(network["contoso"]).paths
    }


def test_asking_for_an_introduction_logs_a_check_in_with_a_follow_up(network):
    request = warm_paths.introduction_request(network["ana"], network["contoso"], date(2026, 12, 3))
    action_id = actions.create_action(request)
    logged = actions.get_action(action_id)
    assert (logged.kind, logged.direction, logged.counterpart_id, logged.company_id) == (
        "check_in", "given", network["ana"], network["contoso"],
    )  # fmt: skip
    assert logged.summary == "Asked for an introduction at Contoso"
    assert logged.follow_up_on == date(2026, 12, 10)
    assert query.value("SELECT count(*) FROM action WHERE id = ?", (action_id,)) == 1
