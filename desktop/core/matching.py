"""Who fits a need: my own fit from my profile, and the people in my network who could help.

Skills are compared by a *canonical key*: the skill's `name_key` (case, width and spacing
ignored), then mapped through the user's skill aliases (the `skill_alias` table, edited
through `desktop.core.aliases`), so that someone offering "JS" matches a need calling for
"JavaScript". The skill table keeps the words people typed; aliases only join them up.

The network can be large (tens of thousands of people), so candidate searches run in
SQL: each call first fills a per-connection TEMP table `skill_canon(skill_id, key)` with
the canonical key of every skill (skills are few, hundreds at most, so this is cheap),
then joins `person_skill` / `need_skill` through it and groups by person or need in SQL.
Nothing loads the whole network into Python.
"""

from __future__ import annotations

from typing import NamedTuple

from peewee import chunked

from desktop.core import skills, undo
from desktop.core.aliases import alias_map
from desktop.core.validation import fold, name_key
from desktop.store import query
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import ProfileSkill


def canonical_key(name: str) -> str:
    """The key skills are matched by: 'JS', ' js ' and 'JavaScript' all give 'javascript'."""
    key = name_key(name)
    # SQL text: called for every skill a brief ranks, where peewee would build each anew.
    found = query.value("SELECT skill_key FROM skill_alias WHERE alias_key = ?", (key,))
    return str(found) if found is not None else key


class Fit(NamedTuple):
    """How well I fit a need. `matched` / `missing` are the need's skill names."""

    level: str  # 'strong', 'partial' or 'none'
    matched: list[str]
    missing: list[str]
    overridden: bool  # True when the level is my own judgement (need.fit_override)


class Candidate(NamedTuple):
    """Someone in my network who could fill or help with a need, and why."""

    person_id: int
    name: str
    company: str
    is_job_seeker: bool
    score: float  # share of the need's skills the person offers or seeks, 0..1
    offers: list[str]  # the person's offered skills that the need calls for
    seeks: list[str]  # the person's sought skills (or roles) that the need calls for
    reasons: str  # e.g. 'job seeker; offers Python, SQL; seeks data roles'


def set_profile_skills(names: list[str]) -> None:
    """Replace my own skills (the profile's) in one transaction."""
    with db.atomic():
        undo.name("Edit my skills")
        chosen = list(dict.fromkeys(skills.ensure_skills(names)))  # 'JS' and 'js' are one
        if set(chosen) == set(query.column("SELECT skill_id FROM profile_skill")):
            return  # the same skills: nothing to write, and no step to undo
        ProfileSkill.delete().execute()
        for batch in chunked(chosen, skills.ROWS_PER_INSERT):
            ProfileSkill.insert_many(
                [(skill_id,) for skill_id in batch], [ProfileSkill.skill]
            ).execute()


def profile_skills() -> list[str]:
    """My skills as I typed them, in reading order of their keys."""
    return query.column(
        "SELECT s.name FROM profile_skill p JOIN skill s ON s.id = p.skill_id ORDER BY s.name_key"
    )


def _canonical(name: str, aliases: dict[str, str]) -> str:
    """`canonical_key` with the alias map already read."""
    key = name_key(name)
    return aliases.get(key, key)


def _level(matched: int, total: int) -> str:
    if matched and matched * 3 >= total * 2:
        return "strong"
    return "partial" if matched else "none"


def my_fit(need_id: int) -> Fit:
    """My fit: strong when I have at least 2/3 of the need's skills, partial with at least
    one, none otherwise (and when the need names no skills). A fit override set on the
    need replaces the level; the matched and missing skills are still shown."""
    # SQL text throughout: a brief works out the fit of each need it shows.
    found = query.row("SELECT fit_override FROM need WHERE id = ?", (need_id,), into=_Override)
    if found is None:
        raise LookupError(f"There is no need with id {need_id}.")
    override = found.fit_override
    need_skills = query.column(
        "SELECT s.name FROM need_skill ns JOIN skill s ON s.id = ns.skill_id WHERE ns.need_id = ?",
        (need_id,),
    )
    aliases = alias_map()
    mine = {_canonical(name, aliases) for name in profile_skills()}
    matched: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()
    for name in _by_name(need_skills):
        key = _canonical(name, aliases)
        if key in seen:  # 'JS' and 'JavaScript' on one need count once
            continue
        seen.add(key)
        (matched if key in mine else missing).append(name)
    level = _level(len(matched), len(seen))
    if override:
        return Fit(override, matched, missing, True)
    return Fit(level, matched, missing, False)


class _Override(NamedTuple):
    fit_override: str | None


def _fill_canon() -> None:
    """(Re)fill the TEMP table `skill_canon` with every skill's canonical key."""
    query.execute(
        "CREATE TEMP TABLE IF NOT EXISTS skill_canon"
        " (skill_id INTEGER PRIMARY KEY, key TEXT NOT NULL)"
    )
    query.execute("CREATE INDEX IF NOT EXISTS temp.skill_canon_key ON skill_canon (key, skill_id)")
    query.execute("DELETE FROM skill_canon")
    query.execute(
        "INSERT INTO skill_canon (skill_id, key)"
        " SELECT s.id, coalesce(a.skill_key, s.name_key) FROM skill s"
        " LEFT JOIN skill_alias a ON a.alias_key = s.name_key"
    )


class _Counted(NamedTuple):
    """A need's override and skills: how many it calls for, and how many of them I have."""

    id: int
    fit_override: str | None
    total: int
    matched: int


def fit_levels(need_ids: list[int] | None = None) -> dict[int, tuple[str, bool]]:
    """need id -> (level, overridden) for *need_ids*, or for every need when None.

    The same rules as `my_fit`, counted in SQL for many needs at once (for lists of
    thousands). Ids of needs that do not exist are left out.
    """
    sql = (
        "WITH mine(key) AS ("
        "   SELECT DISTINCT c.key FROM profile_skill p"
        "   JOIN skill_canon c ON c.skill_id = p.skill_id)"
        " SELECT n.id, n.fit_override, count(DISTINCT c.key) AS total,"
        "   count(DISTINCT CASE WHEN c.key IN (SELECT key FROM mine) THEN c.key END) AS matched"
        " FROM need n LEFT JOIN need_skill ns ON ns.need_id = n.id"
        " LEFT JOIN skill_canon c ON c.skill_id = ns.skill_id"
        " {where} GROUP BY n.id"
    )
    rows: list[_Counted] = []
    with db.reading():  # one consistent read; the TEMP table lives on this connection
        _fill_canon()
        if need_ids is None:
            rows = query.rows(sql.format(where=""), into=_Counted)
        else:
            for marks, chunk in id_chunks(need_ids):
                where = f"WHERE n.id IN ({marks})"
                rows += query.rows(sql.format(where=where), chunk, into=_Counted)
    return {
        row.id: (row.fit_override, True)
        if row.fit_override
        else (_level(row.matched, row.total), False)
        for row in rows
    }


def _reasons(is_job_seeker: bool, offers: list[str], seeks: list[str]) -> str:
    parts = ["job seeker"] if is_job_seeker else []
    if offers:
        parts.append("offers " + ", ".join(offers))
    if seeks:
        parts.append("seeks " + ", ".join(seeks))
    return "; ".join(parts)


_SEP = "\x1f"  # joins skill names in SQL; cannot occur in a tidied skill name


def _split(names: str | None) -> list[str]:
    return _by_name(names.split(_SEP)) if names else []


def _by_name(names: list[str]) -> list[str]:
    """Skill names in reading order: case and accents aside ('économétrie' before 'Python')."""
    return sorted(names, key=lambda n: (fold(n), n))


class _Ranked(NamedTuple):
    """A person matching a need: how many of its skill keys they have, of how many."""

    person_id: int
    name: str
    company: str
    seeker: bool
    n_any: int
    n_wanted: int


def candidates(need_id: int, limit: int = 50) -> list[Candidate]:
    """People whose offered or sought skills match the need's, best first.

    Ranking: job seekers first, then the number of the need's skills the person offers,
    then the number they seek, then name. Everyone matching is included, the person who
    told me about the need too (they may well know the answer themselves).
    """
    with db.reading():  # one consistent read; the TEMP table lives on this connection
        _fill_canon()
        ranked = query.rows(
            "WITH wanted(key) AS ("
            "   SELECT DISTINCT c.key FROM need_skill ns"
            "   JOIN skill_canon c ON c.skill_id = ns.skill_id WHERE ns.need_id = ?),"
            " hits AS ("
            "   SELECT ps.person_id,"
            "     count(DISTINCT CASE WHEN ps.kind = 'offers' THEN c.key END) AS n_offers,"
            "     count(DISTINCT CASE WHEN ps.kind = 'seeks' THEN c.key END) AS n_seeks,"
            "     count(DISTINCT c.key) AS n_any"
            "   FROM wanted w JOIN skill_canon c ON c.key = w.key"
            "   JOIN person_skill ps ON ps.skill_id = c.skill_id"
            "   GROUP BY ps.person_id)"
            " SELECT h.person_id, p.name, coalesce(co.name, '') AS company,"
            "   EXISTS (SELECT 1 FROM person_role r"
            "           WHERE r.person_id = h.person_id AND r.role = 'job_seeker') AS seeker,"
            "   h.n_any, (SELECT count(*) FROM wanted) AS n_wanted"
            " FROM hits h JOIN person p ON p.id = h.person_id"
            " LEFT JOIN company co ON co.id = p.company_id"
            " ORDER BY seeker DESC, h.n_offers DESC, h.n_seeks DESC, p.sort_key, p.id"
            " LIMIT ?",
            (need_id, limit),
            into=_Ranked,
        )
        matched = _matched_names(_WANTED_KEYS, need_id, [row.person_id for row in ranked])
    result = []
    for row in ranked:
        offers, seeks = matched.get(row.person_id, ([], []))
        result.append(
            Candidate(
                row.person_id,
                row.name,
                row.company,
                row.seeker,
                row.n_any / row.n_wanted,
                offers,
                seeks,
                _reasons(row.seeker, offers, seeks),
            )
        )
    return result


# The canonical keys of the skills a need (the one parameter) calls for.
_WANTED_KEYS = (
    "SELECT DISTINCT c.key FROM need_skill ns"
    " JOIN skill_canon c ON c.skill_id = ns.skill_id WHERE ns.need_id = ?"
)


class _Named(NamedTuple):
    """A person's offered and sought skill names, joined by `_SEP`."""

    person_id: int
    offers: str | None
    seeks: str | None


def _matched_names(
    wanted_sql: str, wanted_arg: int, person_ids: list[int]
) -> dict[int, tuple[list[str], list[str]]]:
    """person id -> (offered, sought) skill names, in the person's own words, whose keys
    are among those *wanted_sql* selects. Needs a filled `skill_canon`."""
    result: dict[int, tuple[list[str], list[str]]] = {}
    for marks, chunk in id_chunks(person_ids):
        for named in query.each(
            "SELECT ps.person_id,"
            f" group_concat(CASE WHEN ps.kind = 'offers' THEN s.name END, '{_SEP}') AS offers,"
            f" group_concat(CASE WHEN ps.kind = 'seeks' THEN s.name END, '{_SEP}') AS seeks"
            " FROM person_skill ps JOIN skill s ON s.id = ps.skill_id"
            " JOIN skill_canon c ON c.skill_id = ps.skill_id"
            f" WHERE ps.person_id IN ({marks}) AND c.key IN ({wanted_sql})"
            " GROUP BY ps.person_id",
            (*chunk, wanted_arg),
            into=_Named,
        ):
            result[named.person_id] = (_split(named.offers), _split(named.seeks))
    return result


class NeedMatch(NamedTuple):
    """An open need that calls for skills a person offers or seeks, and why."""

    need_id: int
    title: str
    company: str
    reasons: str


class _Hit(NamedTuple):
    id: int
    title: str
    company: str


def needs_for_person(person_id: int, limit: int = 50) -> list[NeedMatch]:
    """Open needs calling for skills this person offers or seeks: most skills offered
    first, then sought, then newest learned."""
    with db.reading():
        _fill_canon()
        hits = query.rows(
            "WITH mine AS ("
            "   SELECT DISTINCT ps.kind, c.key FROM person_skill ps"
            "   JOIN skill_canon c ON c.skill_id = ps.skill_id WHERE ps.person_id = ?),"
            " hits AS ("
            "   SELECT ns.need_id,"
            "     count(DISTINCT CASE WHEN m.kind = 'offers' THEN m.key END) AS n_offers,"
            "     count(DISTINCT CASE WHEN m.kind = 'seeks' THEN m.key END) AS n_seeks"
            "   FROM mine m JOIN skill_canon c ON c.key = m.key"
            "   JOIN need_skill ns ON ns.skill_id = c.skill_id"
            "   GROUP BY ns.need_id)"
            " SELECT n.id, n.title, co.name AS company FROM hits h JOIN need n ON n.id = h.need_id"
            " JOIN company co ON co.id = n.company_id WHERE n.status = 'open'"
            " ORDER BY h.n_offers DESC, h.n_seeks DESC, n.learned_on IS NULL,"
            "   n.learned_on DESC, n.id DESC"
            " LIMIT ?",
            (person_id, limit),
            into=_Hit,
        )
        result = []
        for hit in hits:
            offers, seeks = _matched_names(_WANTED_KEYS, hit.id, [person_id]).get(
                person_id, ([], [])
            )
            result.append(NeedMatch(hit.id, hit.title, hit.company, _reasons(False, offers, seeks)))
    return result
