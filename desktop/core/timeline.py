"""The timeline: filtered actions, newest first, fetched a page at a time.

A page walks indexes in timeline order and stops at the page size (keyset paging, never
OFFSET), so scrolling a million actions costs the same as a hundred. The filter picks
the walk: the person's two indexes (as counterpart, as beneficiary) merged, else the
company's, else (without text) one walk per kind and direction merged, else the timeline
index itself; the other conditions are checked on the rows walked. Counts and month
counts are SQL aggregates over the same walks.

Text search matches the words typed against the summary and notes of each action only
(full-text, every word as a prefix, accents ignored); names of the people and the company
are not searched: the person and company filters are for those.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from desktop.core.people import fts_query
from desktop.store import query
from desktop.store.models import ACTION_KINDS, DIRECTIONS

Cursor = tuple[str, int]  # (occurred_on, id) of the last row of the previous page


@dataclass(frozen=True)
class TimelineFilter:
    """What the timeline shows; empty fields do not filter. Dates are inclusive."""

    person_id: int | None = None  # as counterpart or as beneficiary
    as_counterpart: bool = False  # with person_id: only as the counterpart
    company_id: int | None = None
    opportunity_id: int | None = None
    need_id: int | None = None
    role: str | None = None  # the counterpart's role, such as 'recruiter'
    kinds: frozenset[str] = frozenset()
    direction: str | None = None
    start: date | None = None
    end: date | None = None
    text: str = ""


class TimelineRow(NamedTuple):
    """One line of the timeline; names are '' where there is no such person or company."""

    id: int
    occurred_on: str
    direction: str
    kind: str
    summary: str
    weight: int
    counterpart_id: int
    counterpart: str
    beneficiary_id: int | None
    beneficiary: str
    company_id: int | None
    company: str
    follow_up_on: str | None
    follow_up_done: bool


class _Where(NamedTuple):
    """A condition in SQL with its parameters."""

    sql: str
    params: tuple[Any, ...] = ()


class _Arm(NamedTuple):
    """One walk down an index in timeline order, with the conditions its rows must meet."""

    walk: str  # the index it walks
    where: list[_Where]


_TEXT = "id IN (SELECT rowid FROM action_search WHERE action_search MATCH ?)"


def _arms(flt: TimelineFilter) -> list[_Arm]:
    """The index walks whose rows together are the timeline; no two share a row."""
    kinds = [] if set(ACTION_KINDS) <= flt.kinds else sorted(flt.kinds)
    direction, company_id, query = flt.direction, flt.company_id, fts_query(flt.text)
    if flt.person_id is not None:
        arms = [_Arm("action_counterpart", [_Where("counterpart_id = ?", (flt.person_id,))])]
        if not flt.as_counterpart:
            arms.append(
                _Arm(
                    "action_beneficiary",
                    [_Where("beneficiary_id = ? AND counterpart_id <> ?", (flt.person_id,) * 2)],
                )
            )
    elif flt.opportunity_id is not None:  # few rows each: sorting them is cheap
        arms = [_Arm("action_opportunity", [_Where("opportunity_id = ?", (flt.opportunity_id,))])]
    elif flt.need_id is not None:
        arms = [_Arm("action_need", [_Where("need_id = ?", (flt.need_id,))])]
    elif company_id is not None:
        arms = [_Arm("action_company", [_Where("company_id = ?", (company_id,))])]
        company_id = None
    elif (kinds or direction) and not query:
        # With text, one walk down the timeline beats a full-text lookup in every arm.
        arms = [
            _Arm("action_kind", [_Where("kind = ? AND direction = ?", (kind, way))])
            for kind in kinds or ACTION_KINDS
            for way in ([direction] if direction else DIRECTIONS)
        ]
        kinds, direction = [], None
    else:
        arms = [_Arm("action_timeline", [])]
    rest: list[_Where] = []
    for column in ("opportunity_id", "need_id"):  # also when another arm walks first
        if getattr(flt, column) is not None:
            rest.append(_Where(f"{column} = ?", (getattr(flt, column),)))
    if flt.role is not None:
        rest.append(
            _Where(
                "counterpart_id IN (SELECT person_id FROM person_role WHERE role = ?)",
                (flt.role,),
            )
        )
    if company_id is not None:
        rest.append(_Where("company_id = ?", (company_id,)))
    if kinds:
        rest.append(_Where(f"kind IN ({','.join('?' * len(kinds))})", tuple(kinds)))
    if direction:
        rest.append(_Where("direction = ?", (direction,)))
    if flt.start is not None:
        rest.append(_Where("occurred_on >= ?", (flt.start.isoformat(),)))
    if flt.end is not None:
        rest.append(_Where("occurred_on <= ?", (flt.end.isoformat(),)))
    if query:
        rest.append(_Where(_TEXT, (query,)))
    elif flt.text.strip():
        rest.append(_Where("0"))  # only punctuation typed: nothing can match
    return [_Arm(arm.walk, arm.where + rest) for arm in arms]


def _union(
    flt: TimelineFilter, after: Cursor | None = None, pinned: bool = False
) -> tuple[str, list[Any]]:
    """A compound SELECT of (occurred_on, id) over every arm, and its parameters.

    *pinned* names each arm's index, for walks that stop early: the planner would
    otherwise sort every full-text match rather than walk the timeline and stop.
    """
    selects: list[str] = []
    params: list[Any] = []
    for index, where in _arms(flt):
        if after is not None:
            where = [*where, _Where("(occurred_on, id) < (?, ?)", (after[0], int(after[1])))]
        sql = " AND ".join(w.sql for w in where) or "1"
        source = f"action INDEXED BY {index}" if pinned else "action"
        selects.append(f"SELECT occurred_on, id FROM {source} WHERE {sql}")
        params.extend(p for w in where for p in w.params)
    return " UNION ALL ".join(selects), params


def count(flt: TimelineFilter) -> int:
    """How many actions the filter shows."""
    sql, params = _union(flt)
    return int(query.value(f"SELECT count(*) FROM ({sql})", params))


def page_sql(
    flt: TimelineFilter, after: Cursor | None = None, limit: int = 200
) -> tuple[str, list[Any]]:
    """The SQL and parameters behind `page` (for tests that look at its query plan)."""
    sql, params = _union(flt, after, pinned=True)
    return (
        f"WITH picked AS ({sql} ORDER BY occurred_on DESC, id DESC LIMIT ?)"
        " SELECT a.id, a.occurred_on, a.direction, a.kind, a.summary, a.weight,"
        " a.counterpart_id, cp.name AS counterpart, a.beneficiary_id,"
        " coalesce(b.name, '') AS beneficiary, a.company_id, coalesce(c.name, '') AS company,"
        " a.follow_up_on, a.follow_up_done_at IS NOT NULL AS follow_up_done"
        " FROM picked JOIN action a ON a.id = picked.id"
        " JOIN person cp ON cp.id = a.counterpart_id"
        " LEFT JOIN person b ON b.id = a.beneficiary_id"
        " LEFT JOIN company c ON c.id = a.company_id",
        [*params, int(limit)],
    )


def page(flt: TimelineFilter, after: Cursor | None = None, limit: int = 200) -> list[TimelineRow]:
    """Up to *limit* rows, newest first, strictly older than the *after* cursor.

    Pass the (occurred_on, id) of the last row shown to get the next page: pages never
    overlap or skip a row, even when actions are added between fetches.
    """
    sql, params = page_sql(flt, after, limit)
    rows = query.rows(sql, params, into=TimelineRow)
    rows.sort(key=lambda row: (row.occurred_on, row.id), reverse=True)  # cheaper than SQL's
    return rows


def month_counts(flt: TimelineFilter) -> dict[str, int]:
    """Actions per month ('YYYY-MM' -> count), newest month first, for the month headers."""
    sql, params = _union(flt)
    # Counting days first follows the timeline index; grouping by month at once would sort.
    rows = query.rows(
        "SELECT substr(day, 1, 7) AS month, sum(n) AS n FROM"
        f" (SELECT occurred_on AS day, count(*) AS n FROM ({sql}) GROUP BY occurred_on)"
        " GROUP BY month ORDER BY month DESC",
        params,
        into=_MonthCount,
    )
    return {row.month: row.n for row in rows}


class _MonthCount(NamedTuple):
    month: str  # 'YYYY-MM'
    n: int
