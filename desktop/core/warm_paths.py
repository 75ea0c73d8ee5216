"""Who do I know at this company, now or before: warm paths in, each with its reason.

Three kinds, in this order:
1. people who work there now;
2. people who worked there before (with when);
3. people who know someone there: an action links them with someone who works or worked
   there (a referral, an introduction, any help one gave the other through me), or they
   took part in one of its opportunities (an agency's recruiter).
Within each kind, people who have helped me and whom I have helped come first, then those
who helped me, then those I helped, then the rest; the latest contact breaks ties. The
company is matched by the rule of `company_names`, which each path shows when it applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from desktop.core import company_names
from desktop.core.actions import KIND_LABELS, ActionData
from desktop.core.company_names import Namesake
from desktop.core.opportunities import PART_LABELS
from desktop.core.when import span_words, when_words
from desktop.store import query

CURRENT, FORMER, SECOND = "current", "former", "second"
KIND_WORDS = {
    CURRENT: "Works there",
    FORMER: "Worked there",
    SECOND: "Knows someone there",
}
#: Days after asking for an introduction that the follow-up falls due.
ASK_FOLLOW_UP_DAYS = 7


class WarmPath(NamedTuple):
    person_id: int
    name: str
    kind: str  # CURRENT, FORMER or SECOND
    reason: str  # in words: 'Works at Contoso as Analytics Lead, since Mar 2024'
    given: int  # actions I gave them
    received: int  # actions they gave me
    last_contact: str | None  # ISO day of the latest action with them

    def balance_words(self) -> str:
        """'You helped 3 times · helped you 2 times', 'No help logged yet'."""
        if not self.given and not self.received:
            return "No help logged yet"
        parts = []
        if self.given:
            parts.append(f"you helped {_times(self.given)}")
        if self.received:
            parts.append(f"helped you {_times(self.received)}")
        text = " · ".join(parts)
        return text[0].upper() + text[1:]


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count:,} times"


@dataclass
class WarmPaths:
    company: str
    #: The companies taken for it, itself first, each with the rule that took it.
    namesakes: list[Namesake]
    paths: list[WarmPath]

    def count(self, kind: str) -> int:
        return sum(1 for path in self.paths if path.kind == kind)

    def rule_words(self) -> str:
        """What was matched, for the page: 'Also counted as Contoso: Contoso, Ltd. (the
        same name apart from …)'; '' when only the company itself was."""
        others = self.namesakes[1:]
        if not others:
            return ""
        return f"Also counted as {self.company}: " + "; ".join(n.words() for n in others) + "."


class _Person(NamedTuple):
    person_id: int
    name: str
    title: str
    company_id: int
    given: int
    received: int
    last_contact: str | None
    started: str | None
    ended: str | None


class _Link(NamedTuple):
    person_id: int
    name: str
    given: int
    received: int
    last_contact: str | None
    other: str  # the person there they are linked with, or the opportunity's title
    other_company_id: int
    kind: str  # an action's kind, or an opportunity part
    day: str | None
    through: str  # 'action' or 'opportunity'


# The columns every kind reads about a person: their balance with me and last contact.
_BALANCE = (
    " coalesce(ap.given, 0) AS given, coalesce(ap.received, 0) AS received,"
    " CASE WHEN ap.last_given > ap.last_received OR ap.last_received IS NULL"
    " THEN ap.last_given ELSE ap.last_received END AS last_contact"
)


def warm_paths(company_id: int) -> WarmPaths:
    """Everyone who is a way in at *company_id*, in the order to ask them."""
    namesakes = company_names.namesakes(company_id)
    ids = [n.id for n in namesakes]
    names = {n.id: n for n in namesakes}
    marks = ", ".join("?" * len(ids))
    current = query.rows(
        f"SELECT p.id AS person_id, p.name, p.title, p.company_id, {_BALANCE},"
        " ps.started, NULL AS ended FROM person p"
        " LEFT JOIN position ps ON ps.person_id = p.id AND ps.current = 1"
        " LEFT JOIN action_person ap ON ap.person_id = p.id"
        f" WHERE p.company_id IN ({marks})",
        tuple(ids),
        into=_Person,
    )
    # Each former colleague once, with their latest position there.
    former = query.rows(
        f"SELECT p.id AS person_id, p.name, ps.title, ps.company_id, {_BALANCE},"
        " ps.started, ps.ended FROM position ps JOIN person p ON p.id = ps.person_id"
        " LEFT JOIN action_person ap ON ap.person_id = p.id"
        f" WHERE ps.company_id IN ({marks}) AND ps.current = 0"
        f" AND (p.company_id IS NULL OR p.company_id NOT IN ({marks}))"
        " AND ps.id = (SELECT l.id FROM position l WHERE l.person_id = ps.person_id"
        f"  AND l.company_id IN ({marks}) AND l.current = 0"
        "  ORDER BY l.ended IS NULL, l.ended DESC, l.started DESC, l.id DESC LIMIT 1)",
        tuple(ids) * 3,
        into=_Person,
    )
    there = {p.person_id for p in current} | {p.person_id for p in former}
    paths = [_path(p, CURRENT, names) for p in current]
    paths += [_path(p, FORMER, names) for p in former]
    paths += _second_degree(ids, there, names)
    return WarmPaths(namesakes[0].name, namesakes, _ranked(paths))


def _path(person: _Person, kind: str, names: dict[int, Namesake]) -> WarmPath:
    where = _where(person.company_id, names)
    role = f" as {person.title}" if person.title else ""
    span = span_words(person.started, person.ended, kind == CURRENT)
    if kind == CURRENT:
        reason = f"Works at {where}{role}" + (f", {span}" if span and span != "now" else "")
    else:
        reason = f"Worked at {where}{role}" + (f", {span}" if span else "")
    return WarmPath(
        person.person_id, person.name, kind, reason, person.given, person.received,
        person.last_contact,
    )  # fmt: skip


def _where(company_id: int, names: dict[int, Namesake]) -> str:
    """'Contoso', or 'Contoso, Ltd. (the same name apart from …)' for a namesake."""
    return names[company_id].words()


def _second_degree(ids: list[int], there: set[int], names: dict[int, Namesake]) -> list[WarmPath]:
    """People linked with someone who works or worked there, or with its opportunities."""
    marks = ", ".join("?" * len(ids))
    staff = (
        f"SELECT id FROM person WHERE company_id IN ({marks})"
        f" UNION SELECT person_id FROM position WHERE company_id IN ({marks})"
    )
    links = query.rows(
        # An action between someone there (q) and someone not (p), either way round.
        f"WITH there(id) AS ({staff}),"
        " linked AS ("
        "  SELECT a.beneficiary_id AS p_id, a.counterpart_id AS q_id, a.kind, a.occurred_on"
        "  FROM action a WHERE a.counterpart_id IN (SELECT id FROM there)"
        "   AND a.beneficiary_id IS NOT NULL AND a.beneficiary_id NOT IN (SELECT id FROM there)"
        "  UNION ALL"
        "  SELECT a.counterpart_id, a.beneficiary_id, a.kind, a.occurred_on"
        "  FROM action a WHERE a.beneficiary_id IN (SELECT id FROM there)"
        "   AND a.counterpart_id NOT IN (SELECT id FROM there))"
        f" SELECT p.id AS person_id, p.name, {_BALANCE}, q.name AS other,"
        "  coalesce((SELECT ps.company_id FROM position ps WHERE ps.person_id = q.id"
        f"   AND ps.company_id IN ({marks}) ORDER BY ps.current DESC LIMIT 1), q.company_id)"
        "  AS other_company_id, l.kind, max(l.occurred_on) AS day, 'action' AS through"
        " FROM linked l JOIN person p ON p.id = l.p_id JOIN person q ON q.id = l.q_id"
        " LEFT JOIN action_person ap ON ap.person_id = p.id"
        " GROUP BY p.id, q.id, l.kind"
        " UNION ALL"
        f" SELECT p.id, p.name, {_BALANCE}, o.title, o.company_id, op.part,"
        "  o.status_changed_on, 'opportunity'"
        " FROM opportunity_person op JOIN opportunity o ON o.id = op.opportunity_id"
        " JOIN person p ON p.id = op.person_id"
        " LEFT JOIN action_person ap ON ap.person_id = p.id"
        f" WHERE o.company_id IN ({marks})"
        f" AND (p.company_id IS NULL OR p.company_id NOT IN ({marks}))"
        f" AND p.id NOT IN (SELECT person_id FROM position WHERE company_id IN ({marks}))",
        tuple(ids) * 6,
        into=_Link,
    )
    reasons: dict[int, list[tuple[str, str]]] = {}
    first: dict[int, _Link] = {}
    for link in links:
        if link.person_id in there:
            continue
        first.setdefault(link.person_id, link)
        reasons.setdefault(link.person_id, []).append((link.day or "", _link_words(link, names)))
    paths = []
    for person_id, link in first.items():
        said = [words for _day, words in sorted(reasons[person_id], reverse=True)]
        reason = "; ".join(said[:3]) + (f"; and {len(said) - 3:,} more" if len(said) > 3 else "")
        paths.append(
            WarmPath(
                person_id,
                link.name,
                SECOND,
                reason,
                link.given,
                link.received,
                link.last_contact,
            )
        )
    return paths


def _link_words(link: _Link, names: dict[int, Namesake]) -> str:
    """'Introduction with Dana Ruiz of Contoso, Mar 2025'; 'Recruiter for ‘Analyst’'."""
    when = when_words(link.day[:7]) if link.day else ""
    suffix = f", {when}" if when else ""
    if link.through == "opportunity":
        part = PART_LABELS.get(link.kind, link.kind)
        return f"{part} for ‘{link.other}’ at {_where(link.other_company_id, names)}{suffix}"
    kind = KIND_LABELS.get(link.kind, link.kind)
    company = names[link.other_company_id].name if link.other_company_id in names else ""
    of = f" of {company}" if company else ""
    return f"{kind} with {link.other}{of}{suffix}"


_KIND_ORDER = {CURRENT: 0, FORMER: 1, SECOND: 2}


def _ranked(paths: list[WarmPath]) -> list[WarmPath]:
    """Kind first; then both ways, helped me, I helped, neither; then the latest contact
    first; then by name. (Stable sorts, the last one the first key.)"""
    paths = sorted(paths, key=lambda path: path.name.casefold())
    paths.sort(key=lambda path: path.last_contact or "", reverse=True)
    paths.sort(key=lambda path: (_KIND_ORDER[path.kind], _balance_order(path)))
    return paths


def _balance_order(path: WarmPath) -> int:
    if path.given and path.received:
        return 0
    return 1 if path.received else 2 if path.given else 3


def introduction_request(
    person_id: int,
    company_id: int,
    today: date,
    *,
    need_id: int | None = None,
    opportunity_id: int | None = None,
) -> ActionData:
    """The action that logs asking *person_id* for an introduction at *company_id*: a
    check-in I give, about the company (and the need or opportunity it is for), with a
    follow-up a week on, for the action form to offer."""
    company = str(query.value("SELECT name FROM company WHERE id = ?", (company_id,)) or "")
    return ActionData(
        occurred_on=today,
        direction="given",
        kind="check_in",
        counterpart_id=person_id,
        company_id=company_id,
        need_id=need_id,
        opportunity_id=opportunity_id,
        summary=f"Asked for an introduction at {company}",
        weight=1,
        follow_up_on=today + timedelta(days=ASK_FOLLOW_UP_DAYS),
    )
