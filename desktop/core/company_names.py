"""When two company names are one company: the rule warm paths and re-imports share.

Precision comes first, since a loose match puts strangers in a warm path:
- the same company (one row of the network);
- the same name apart from case, accents, width, punctuation, a leading 'The' and legal
  suffixes ('Contoso, Ltd.' and 'Contoso'; `textkeys.company_key`);
- another name the user confirmed ('Facebook' is 'Meta'), kept as a company alias.
Nothing looser: 'Apex Systems' and 'Apex Group' stay two companies, and so do 'Acme' and
'Acme Rockets'. Two companies whose websites are on different domains are two, whatever
their names.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

from desktop.core import companies, undo
from desktop.core.companies import CompanyData
from desktop.core.validation import Problems, ValidationError, name_problem
from desktop.store import query
from desktop.store.connection import db
from desktop.store.models import CompanyAlias
from desktop.store.textkeys import company_key, fold, name_key

SAME = "same"
NAME = "name"
ALIAS = "alias"

RULE_WORDS = {
    SAME: "this company",
    NAME: "the same name apart from case, accents, punctuation and endings such as"
    " ‘Inc.’ or ‘Ltd.’",
    ALIAS: "another name you confirmed for it",
}


class Namesake(NamedTuple):
    """A company of the network taken for the one asked about, and by which rule."""

    id: int
    name: str
    rule: str  # SAME, NAME or ALIAS

    def words(self) -> str:
        """'Contoso, Ltd. (the same name apart from …)'."""
        return self.name if self.rule == SAME else f"{self.name} ({RULE_WORDS[self.rule]})"


class _Company(NamedTuple):
    id: int
    name: str
    match_key: str
    website: str


def _host(website: str) -> str:
    """'example.com' for 'https://www.Example.com/jobs'; '' for no website."""
    host = (urlsplit(website if "//" in website else f"//{website}").hostname or "").lower()
    return host.removeprefix("www.")


def _websites_differ(one: _Company, other: _Company) -> bool:
    mine, theirs = _host(one.website), _host(other.website)
    return bool(mine and theirs and mine != theirs)


def namesakes(company_id: int) -> list[Namesake]:
    """The company and every company of the network the rules take for it, itself first."""
    found = query.row(
        "SELECT id, name, match_key, website FROM company WHERE id = ?",
        (company_id,),
        into=_Company,
    )
    if found is None:
        raise LookupError(f"There is no company with id {company_id}.")
    # The names it goes by: its own key, and the aliases it has or is one of.
    keys = {found.match_key} | set(
        query.column("SELECT alias_key FROM company_alias WHERE company_id = ?", (company_id,))
    )
    owners = query.column(
        "SELECT company_id FROM company_alias WHERE alias_key = ?", (found.match_key,)
    )
    result = [Namesake(found.id, found.name, SAME)]
    seen = {found.id}
    marks = ", ".join("?" * len(keys))
    for other in query.rows(
        f"SELECT id, name, match_key, website FROM company WHERE match_key IN ({marks})"
        " ORDER BY sort_key, id",
        tuple(keys),
        into=_Company,
    ):
        rule = NAME if other.match_key == found.match_key else ALIAS
        if rule == NAME and _websites_differ(found, other):
            continue  # two companies of one name: their websites tell them apart
        if other.id not in seen:
            result.append(Namesake(other.id, other.name, rule))
            seen.add(other.id)
    for owner in owners:
        if owner not in seen:
            name = str(query.value("SELECT name FROM company WHERE id = ?", (owner,)))
            result.append(Namesake(owner, name, ALIAS))
            seen.add(owner)
    return result


class Found(NamedTuple):
    id: int
    name: str


def companies_called(text: str, limit: int = 10) -> list[Found]:
    """The companies *text* names, most exact first: the name itself; else the same
    name by the rule above, or an alias; else the names that contain it."""
    exact = query.rows(
        "SELECT id, name FROM company WHERE name_key = ?", (name_key(text),), into=Found
    )
    if exact:
        return exact
    key = company_key(text)
    matched = query.rows(
        "SELECT id, name FROM company WHERE match_key = ? UNION"
        " SELECT c.id, c.name FROM company_alias a JOIN company c ON c.id = a.company_id"
        " WHERE a.alias_key = ? ORDER BY 2 LIMIT ?",
        (key, key, limit),
        into=Found,
    )
    if matched or not fold(text):
        return matched
    return query.rows(
        "SELECT id, name FROM company WHERE instr(fold(name), ?) > 0 ORDER BY sort_key, id LIMIT ?",
        (fold(text), limit),
        into=Found,
    )


class Canon:
    """Company names to the key they compare by, aliases applied: for comparing many names
    at once (a re-import), with the aliases read once."""

    def __init__(self) -> None:
        self._aliases: dict[str, str] = dict(
            query.rows(
                "SELECT a.alias_key, c.match_key FROM company_alias a"
                " JOIN company c ON c.id = a.company_id",
                into=_AliasKey,
            )
        )

    def key(self, name: str) -> str:
        key = company_key(name)
        return self._aliases.get(key, key)

    def same(self, one: str, other: str) -> bool:
        return self.key(one) == self.key(other)


class _AliasKey(NamedTuple):
    alias_key: str
    match_key: str


class Alias(NamedTuple):
    alias: str
    company_id: int
    company: str


def aliases() -> list[Alias]:
    """Every company alias, by company then alias."""
    return query.rows(
        "SELECT a.alias, a.company_id, c.name AS company FROM company_alias a"
        " JOIN company c ON c.id = a.company_id ORDER BY c.sort_key, a.alias_key",
        into=Alias,
    )


def aliases_of(company_id: int) -> list[str]:
    return query.column(
        "SELECT alias FROM company_alias WHERE company_id = ? ORDER BY alias_key", (company_id,)
    )


def alias_problems(names: list[str], company_name: str, company_id: int | None) -> Problems:
    """What is wrong with *names* as the other names of the company *company_name*
    (*company_id*, or None for one not saved yet), in words, under "aliases"."""
    problems = Problems()
    own = company_key(company_name)
    for typed in names:
        name = " ".join(typed.split())
        if not name:
            continue
        if message := name_problem(name, "Another name"):
            problems.errors["aliases"] = message
        elif company_key(name) == own:
            problems.errors["aliases"] = f"‘{name}’ is already how {company_name} is matched."
        elif (
            other := query.value(
                "SELECT c.name FROM company_alias a JOIN company c ON c.id = a.company_id"
                " WHERE a.alias_key = ? AND a.company_id IS NOT ?",
                (company_key(name), company_id),
            )
        ) is not None:
            problems.errors["aliases"] = f"‘{name}’ is already another name for {other}."
    return problems


def set_aliases(company_id: int, names: list[str]) -> None:
    """The other names *company_id* goes by are *names* (as typed), in one transaction.
    A name that is already another company's alias, or that is the company's own, is
    refused with words."""
    company = query.row(
        "SELECT id, name, match_key, website FROM company WHERE id = ?",
        (company_id,),
        into=_Company,
    )
    if company is None:
        raise LookupError(f"There is no company with id {company_id}.")
    problems = alias_problems(names, company.name, company_id)
    if not problems.ok:
        raise ValidationError(problems)
    wanted: dict[str, str] = {}
    for typed in names:
        if name := " ".join(typed.split()):
            wanted.setdefault(company_key(name), name)
    with db.atomic():
        if {company_key(name): name for name in aliases_of(company_id)} == wanted:
            return  # as they were: nothing to write, and no step to undo
        undo.name("Edit other names of {}", company.name)
        CompanyAlias.delete().where(CompanyAlias.company == company_id).execute()
        for key, name in wanted.items():
            CompanyAlias.insert(alias_key=key, other_name=name, company=company_id).execute()


def save_company(company_id: int | None, data: CompanyData, names: list[str]) -> int:
    """Create or update a company and the other names it goes by, as one step."""
    with db.atomic():
        undo.name("Add" if company_id is None else "Edit", data.name)
        if company_id is None:
            company_id = companies.create_company(data)
        else:
            companies.update_company(company_id, data)
        set_aliases(company_id, names)
        return company_id
