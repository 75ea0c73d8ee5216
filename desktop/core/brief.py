"""The interview brief: what I know about a company, gathered for one or two printed pages.

Everything is read with bounded queries (each list has a LIMIT and walks an index), so a
brief is as quick on a 30,000-person network as on a small one. The brief holds plain
data and words (labels, not codes); laying it out on a page is the UI's business.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from desktop.core import actions, companies, matching, needs, opportunities, people, profile
from desktop.core.validation import fold
from desktop.store import query
from desktop.store.connection import db

MAX_NEEDS = 8  # open needs shown, at most
MIN_NEEDS = 3  # filled or closed needs fill the list up to this many, for context
MAX_OPENINGS = 5
MAX_PEOPLE = 10
MAX_TOLD = 8
#: What people tell me that is worth reading before an interview; thanks and check-ins
#: keep in touch but rarely carry news about the company.
TOLD_KINDS = tuple(k for k in actions.KIND_LABELS if k not in ("thanks", "check_in"))
#: Staff in these roles are the likeliest to be met; they come first.
MEETING_ROLES = ("hiring_manager", "interviewer", "recruiter")


class Opening(NamedTuple):
    """An opportunity at the company: the role, where it stands, the need it serves."""

    id: int
    title: str
    status: str  # a label: 'Interviewing'
    need: str  # the need's title, or ''
    url: str  # the posting's address, or ''
    notes: str


class BriefNeed(NamedTuple):
    """One need with my fit; labels are words, '' where nothing was recorded."""

    id: int
    title: str
    problem: str
    for_whom: str
    status: str
    is_open: bool
    urgency: str
    learned_on: date | None
    source: str  # who told me
    fit: matching.Fit


class Part(NamedTuple):
    """A person's part in an opening: ('Hiring manager', 'Data engineer')."""

    part: str
    opening: str


class BriefPerson(NamedTuple):
    id: int
    name: str
    title: str
    elsewhere: str  # their company when it is not this one (an agency recruiter), else ''
    parts: tuple[Part, ...]
    roles: tuple[str, ...]  # role labels


class Told(NamedTuple):
    """Something received from someone: a company insight, a lead, interview prep."""

    id: int
    occurred_on: date
    kind: str  # a label
    person: str
    summary: str
    notes: str


@dataclass(frozen=True)
class Brief:
    """Everything the printed brief shows, in the order it shows it."""

    company_id: int
    company: companies.CompanyData
    prepared_on: date
    my_name: str
    my_pitch: str
    my_skills: tuple[str, ...]
    opening: Opening | None  # the opportunity the interview is for
    openings: tuple[Opening, ...]  # the company's other active opportunities
    openings_left_out: int  # active opportunities beyond those listed
    needs: tuple[BriefNeed, ...]
    open_needs_left_out: int
    bring: tuple[str, ...]  # my skills their needs call for, most called for first
    gaps: tuple[str, ...]  # skills their needs call for that I lack
    people: tuple[BriefPerson, ...]
    people_left_out: int  # people at the company not listed
    told: tuple[Told, ...]


def company_brief(
    company_id: int, opportunity_id: int | None = None, today: date | None = None
) -> Brief:
    """The brief on a company, centred on one opportunity when given.

    Raises LookupError for a missing company, ValueError for an opportunity elsewhere.
    """
    with db.reading():  # one consistent read
        company = companies.get_company(company_id)
        mine = profile.get_profile()
        focus, openings = _openings(company_id, opportunity_id)
        openings_left_out = _active_count(company_id, opportunity_id) - len(openings)
        focus_need = _need_of(focus.id) if focus else None
        shown_needs, open_left_out = _needs(company_id, focus_need)
        bring, gaps = _skills([n for n in shown_needs if n.is_open or n.id == focus_need])
        shown_people, people_left_out = _people(company_id, opportunity_id)
        told = _told(company_id)
    return Brief(
        company_id=company_id,
        company=company,
        prepared_on=today or date.today(),
        my_name=mine.name,
        my_pitch=mine.pitch,
        my_skills=tuple(mine.skills),
        opening=focus,
        openings=openings,
        openings_left_out=openings_left_out,
        needs=shown_needs,
        open_needs_left_out=open_left_out,
        bring=bring,
        gaps=gaps,
        people=shown_people,
        people_left_out=people_left_out,
        told=told,
    )


def _in(values: tuple[str, ...]) -> str:
    return f"({', '.join('?' * len(values))})"


def _openings(
    company_id: int, opportunity_id: int | None
) -> tuple[Opening | None, tuple[Opening, ...]]:
    """(the opening the interview is for, the other active openings, latest moved first)."""
    active = opportunities.ACTIVE
    rows = query.rows(
        "SELECT o.id, o.title, o.status, coalesce(n.title, '') AS need, o.url, o.notes"
        " FROM opportunity o LEFT JOIN need n ON n.id = o.need_id"
        f" WHERE o.company_id = ? AND (o.status IN {_in(active)} OR o.id IS ?)"
        " ORDER BY o.id IS ? DESC, o.status_changed_on DESC, o.id DESC LIMIT ?",
        (company_id, *active, opportunity_id, opportunity_id, MAX_OPENINGS + 1),
        into=Opening,
    )
    found = [row._replace(status=opportunities.STATUS_LABELS[row.status]) for row in rows]
    if opportunity_id is None:
        return None, tuple(found[:MAX_OPENINGS])
    if not found or found[0].id != opportunity_id:
        raise ValueError("That opportunity is not at this company; choose one of its own.")
    return found[0], tuple(found[1 : MAX_OPENINGS + 1])


def _active_count(company_id: int, opportunity_id: int | None) -> int:
    """Active opportunities at the company, the interview's own aside."""
    active = opportunities.ACTIVE
    return int(
        query.value(
            f"SELECT count(*) FROM opportunity WHERE company_id = ? AND status IN {_in(active)}"
            " AND id IS NOT ?",
            (company_id, *active, opportunity_id),
        )
    )


def _need_of(opportunity_id: int) -> int | None:
    need_id: int | None = query.value(
        "SELECT need_id FROM opportunity WHERE id = ?", (opportunity_id,)
    )
    return need_id


def _needs(company_id: int, first: int | None) -> tuple[tuple[BriefNeed, ...], int]:
    """(the needs to show, how many open needs did not fit). The opening's own need comes
    first, then open needs by urgency and recency; filled and closed ones only pad a
    short list, as background."""
    rows = query.rows(
        "SELECT n.id, n.title, n.problem, n.for_whom, n.status, n.urgency, n.learned_on,"
        " coalesce(p.name, '') AS source FROM need n"
        " LEFT JOIN person p ON p.id = n.source_person_id"
        " WHERE n.company_id = ? ORDER BY n.id IS ? DESC, n.status <> 'open',"
        " n.urgency DESC, n.learned_on IS NULL, n.learned_on DESC, n.id DESC LIMIT ?",
        (company_id, first, MAX_NEEDS),
        into=_Need,
    )
    kept = [r for r in rows if r.status == "open" or r.id == first]
    kept += [r for r in rows if r not in kept][: max(0, MIN_NEEDS - len(kept))]
    kept.sort(key=rows.index)
    open_count = int(
        query.value(
            "SELECT count(*) FROM need WHERE company_id = ? AND status = 'open'", (company_id,)
        )
    )
    shown = tuple(
        BriefNeed(
            id=need.id,
            title=need.title,
            problem=need.problem,
            for_whom=needs.FOR_WHOM_LABELS.get(need.for_whom, ""),
            status=needs.STATUS_LABELS[need.status],
            is_open=need.status == "open",
            urgency=needs.URGENCY_LABELS[need.urgency],
            learned_on=need.learned_on,
            source=need.source,
            fit=matching.my_fit(need.id),
        )
        for need in kept
    )
    return shown, open_count - sum(n.is_open for n in shown)


class _Need(NamedTuple):
    """A need as stored, before its codes become words."""

    id: int
    title: str
    problem: str
    for_whom: str
    status: str
    urgency: int
    learned_on: date | None
    source: str


class _Involved(NamedTuple):
    person_id: int
    part: str
    title: str  # the opening's


class _Met(NamedTuple):
    id: int
    name: str
    title: str
    company_id: int | None
    company: str
    roles: str | None  # role keys joined by ','


def _skills(current: list[BriefNeed]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(my skills their current needs call for, those I lack): most called for first.
    Filled and closed needs are background and do not count, unless the interview's."""

    def ranked(lists: list[list[str]]) -> tuple[str, ...]:
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for names in lists:
            for name in names:
                key = matching.canonical_key(name)
                spelling.setdefault(key, name)
                counts[key] += 1
        order = sorted(counts, key=lambda k: (-counts[k], fold(spelling[k]), spelling[k]))
        return tuple(spelling[k] for k in order)

    return ranked([n.fit.matched for n in current]), ranked([n.fit.missing for n in current])


def _people(company_id: int, opportunity_id: int | None) -> tuple[tuple[BriefPerson, ...], int]:
    """(people I may meet, how many more work there): the people on the company's active
    openings (the interview's first), then staff in hiring roles, then by latest contact."""
    part_order = " ".join(f"WHEN '{p}' THEN {n}" for n, p in enumerate(opportunities.PART_LABELS))
    active = opportunities.ACTIVE
    involved = query.rows(
        "SELECT op.person_id, op.part, o.title FROM opportunity o"
        " JOIN opportunity_person op ON op.opportunity_id = o.id"
        f" WHERE o.company_id = ? AND (o.status IN {_in(active)} OR o.id IS ?)"
        f" ORDER BY o.id IS ? DESC, CASE op.part {part_order} END,"
        " o.status_changed_on DESC, o.id DESC LIMIT ?",
        (company_id, *active, opportunity_id, opportunity_id, MAX_PEOPLE * 4),
        into=_Involved,
    )
    parts: dict[int, list[Part]] = {}
    for one in involved:
        if len(parts) < MAX_PEOPLE or one.person_id in parts:
            part = Part(opportunities.PART_LABELS[one.part], one.title)
            parts.setdefault(one.person_id, []).append(part)
    staff = query.column(
        "SELECT p.id FROM person p WHERE p.company_id = ? ORDER BY EXISTS (SELECT 1 FROM"
        f" person_role r WHERE r.person_id = p.id AND r.role IN {_in(MEETING_ROLES)}) DESC,"
        " (SELECT max(a.occurred_on) FROM action a WHERE a.counterpart_id = p.id) DESC"
        " NULLS LAST, p.sort_key, p.id LIMIT ?",
        (company_id, *MEETING_ROLES, MAX_PEOPLE + len(parts)),
    )
    ids = list(parts)
    ids += [pid for pid in staff if pid not in parts][: max(0, MAX_PEOPLE - len(ids))]
    if not ids:
        return (), 0
    rows = query.rows(
        "SELECT p.id, p.name, p.title, p.company_id, coalesce(c.name, '') AS company,"
        " (SELECT group_concat(r.role) FROM person_role r WHERE r.person_id = p.id) AS roles"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id"
        f" WHERE p.id IN ({', '.join('?' * len(ids))})",
        ids,
        into=_Met,
    )
    found = {row.id: row for row in rows}
    shown = []
    for pid in ids:
        met = found[pid]
        held = set((met.roles or "").split(","))
        shown.append(
            BriefPerson(
                id=pid,
                name=met.name,
                title=met.title,
                elsewhere=met.company if met.company_id != company_id else "",
                parts=tuple(parts.get(pid, ())),
                roles=tuple(label for r, label in people.ROLE_LABELS.items() if r in held),
            )
        )
    total = int(query.value("SELECT count(*) FROM person WHERE company_id = ?", (company_id,)))
    return tuple(shown), total - sum(found[pid].company_id == company_id for pid in ids)


def _told(company_id: int) -> tuple[Told, ...]:
    """The latest things received about the company or from the people who work there
    (unless it was about another company).

    Four index walks (the company's actions, its people's, its needs', its openings'),
    each stopped at the limit, then merged: no walk reads the whole timeline.
    """
    wanted = f"a.direction = 'received' AND a.kind IN {_in(TOLD_KINDS)}"
    arms = (
        ("FROM action a INDEXED BY action_company WHERE a.company_id = ?", (company_id,)),
        (
            "FROM person p JOIN action a INDEXED BY action_counterpart"
            " ON a.counterpart_id = p.id"
            " WHERE p.company_id = ? AND (a.company_id IS NULL OR a.company_id = ?)",
            (company_id, company_id),
        ),
        (
            "FROM need n JOIN action a INDEXED BY action_need ON a.need_id = n.id"
            " WHERE n.company_id = ?",
            (company_id,),
        ),
        (
            "FROM opportunity o JOIN action a INDEXED BY action_opportunity"
            " ON a.opportunity_id = o.id WHERE o.company_id = ?",
            (company_id,),
        ),
    )
    union = " UNION ".join(
        f"SELECT * FROM (SELECT a.id, a.occurred_on {sql} AND {wanted}"
        " ORDER BY a.occurred_on DESC, a.id DESC LIMIT ?)"
        for sql, _params in arms
    )
    params = [p for _sql, arm in arms for p in (*arm, *TOLD_KINDS, MAX_TOLD)]
    rows = query.rows(
        f"WITH picked AS ({union} ORDER BY occurred_on DESC, id DESC LIMIT ?)"
        " SELECT a.id, a.occurred_on, a.kind, cp.name AS person, a.summary, a.notes"
        " FROM picked JOIN action a ON a.id = picked.id"
        " JOIN person cp ON cp.id = a.counterpart_id"
        " ORDER BY a.occurred_on DESC, a.id DESC",
        (*params, MAX_TOLD),
        into=Told,
    )
    return tuple(row._replace(kind=actions.KIND_LABELS[row.kind]) for row in rows)
