"""Go to anything: one box that finds people, companies, needs, opportunities, actions (by
summary) and the program's commands, ranked as a person expects.

Ranking, best first: the whole name typed; a name that begins with it as a whole word; a
name that begins with it; a later word that does; a name that holds it; then close
spellings ("Gallager" for Gallagher), by rapidfuzz. Within each, what was touched most
recently comes first, and a command before a record. Actions are found by the words of
their summary, newest first, after the names.

The names are read once into memory (`note_changes` drops them when names change), so
that each keystroke is a lookup in memory, not a query per kind.
"""

from __future__ import annotations

import bisect
import heapq
import threading
from collections.abc import Sequence
from typing import NamedTuple

from desktop.core.actions import KIND_LABELS
from desktop.core.changes import Changed
from desktop.core.people import fts_query
from desktop.store import connection, query
from desktop.store.textkeys import fold

KIND_WORDS = {  # every kind of hit, and how the box names it
    "command": "Command",
    "person": "Person",
    "company": "Company",
    "need": "Need",
    "opportunity": "Opportunity",
    "action": "Action",
}
LIMIT = 30  # hits listed
ACTIONS_LISTED = 8  # actions after the names, newest first
FUZZY_SCORE = 72  # of 100: below it a spelling is not close enough to offer
CLOSE = 5  # the tier of close spellings, after exact, whole word, start, word, anywhere


class Command(NamedTuple):
    """Something the program does, offered by name: `key` is what the window runs."""

    key: str
    title: str
    detail: str = ""  # its shortcut, say


class Hit(NamedTuple):
    kind: str  # a key of KIND_WORDS
    id: int | str  # the record's id, or the command's key
    title: str
    detail: str  # what else to show: the company, the kind, the shortcut


class _Entry(NamedTuple):
    kind: str
    id: int | str
    title: str
    detail: str
    key: str  # the title folded (case, accents, width)
    recent: str  # ISO date of the last touch, '' when never


_NAMES_SQL = {
    # A person's recency is when you last dealt with them (the timeline's summary of
    # them), not when their record was edited.
    "person": (
        "SELECT 'person' AS kind, p.id, p.name AS title, coalesce(c.name, '') AS detail,"
        " p.sort_key AS key,"
        " max(coalesce(s.last_given, ''), coalesce(s.last_received, '')) AS recent"
        " FROM person p LEFT JOIN company c ON c.id = p.company_id"
        " LEFT JOIN action_person s ON s.person_id = p.id"
    ),
    "company": (
        # Its name folded here, as what is typed is (name_key keeps accents).
        "SELECT 'company' AS kind, id, name AS title, coalesce(industry, '') AS detail,"
        " '' AS key, substr(updated_at, 1, 10) AS recent FROM company"
    ),
    "need": (
        "SELECT 'need' AS kind, n.id, n.title, c.name AS detail, '' AS key,"
        " coalesce(n.learned_on, substr(n.updated_at, 1, 10)) AS recent"
        " FROM need n JOIN company c ON c.id = n.company_id"
    ),
    "opportunity": (
        "SELECT 'opportunity' AS kind, o.id, o.title, c.name AS detail, '' AS key,"
        " coalesce(o.status_changed_on, substr(o.updated_at, 1, 10)) AS recent"
        " FROM opportunity o JOIN company c ON c.id = o.company_id"
    ),
}


class _ActionRow(NamedTuple):
    id: int
    summary: str
    kind: str
    on: str
    who: str


class _Index:
    """Entries with what a keystroke looks them up by: their keys sorted (a prefix is a
    range of them), each key after a space (where a word begins), and every word's
    entries (for close spellings)."""

    def __init__(self, entries: list[_Entry]):
        self.entries = entries
        self.keys = keys = [entry.key for entry in entries]
        self.spaced = [" " + key for key in keys]  # ' ' and a word: where a word begins
        self.recent = [entry.recent for entry in entries]
        # Sorted by key alone, the entries' positions beside: a prefix is a slice.
        self.starts_at = sorted(range(len(keys)), key=keys.__getitem__)
        self.starts = [keys[i] for i in self.starts_at]
        self.by_word: dict[str, list[int]] = {}
        for index, key in enumerate(keys):
            for word in set(key.split()):
                self.by_word.setdefault(word, []).append(index)
        self.words = list(self.by_word)


def _beginning(texts: list[str], at: list[int], typed: str) -> list[int]:
    """The entries (by *at*) of the sorted *texts* that begin with *typed*."""
    low = bisect.bisect_left(texts, typed)
    high = bisect.bisect_left(texts, typed + "\U0010ffff", low)
    return at[low:high]


_lock = threading.Lock()
_names: _Index | None = None
_names_of: str | None = None  # the database they were read from
_recent_stale = False
_NAMED = Changed.PEOPLE | Changed.COMPANIES | Changed.NEEDS | Changed.OPPORTUNITIES
_PEOPLE_RECENT = (
    "SELECT person_id AS id, max(coalesce(last_given, ''), coalesce(last_received, ''))"
    " AS recent FROM action_person"
)


class _Recent(NamedTuple):
    id: int
    recent: str


def forget() -> None:
    """Drop the names read: the next search reads them again (another database)."""
    global _names
    with _lock:
        _names = None


def note_changes(changed: Changed) -> None:
    """A write: names read again if any changed, else only when people were last dealt
    with (logging an action moves that person up), which is quicker."""
    global _recent_stale
    if changed & _NAMED:
        forget()
    elif changed & Changed.ACTIONS:
        _recent_stale = True


def _refresh_recent(index: _Index) -> None:
    people = {entry.id: i for i, entry in enumerate(index.entries) if entry.kind == "person"}
    for found in query.each(_PEOPLE_RECENT, into=_Recent):
        at = people.get(found.id)
        if at is not None:
            index.recent[at] = found.recent or ""


def _entry(kind: str, item_id: int | str, title: str, detail: str, key: str, recent: str) -> _Entry:
    return _Entry(kind, item_id, title, detail, key or fold(title), recent or "")


def _read_names() -> _Index:
    global _names, _recent_stale, _names_of
    with _lock:  # the window's thread and a read-ahead may both ask
        if _names is None or _names_of != connection.db.database:  # another network's
            _names_of = connection.db.database
            entries = [
                entry if entry.key else entry._replace(key=fold(entry.title))
                for sql in _NAMES_SQL.values()
                for entry in query.rows(sql, into=_Entry)
            ]
            _names = _Index(entries)
        elif _recent_stale:
            _refresh_recent(_names)
        _recent_stale = False
        return _names


def warm() -> None:
    """Read the names now if they are not (off the window's thread, so that the first
    keystroke after a start or a change finds them read)."""
    _read_names()


def search(text: str, commands: Sequence[Command] = (), limit: int = LIMIT) -> list[Hit]:
    """What *text* finds, best first (see the module); nothing for blank text."""
    typed = " ".join(fold(text).split())
    if not typed:
        return []
    offered = _Index([_entry("command", c.key, c.title, c.detail, "", "") for c in commands])
    # A command before a record as good a match: running one is what Ctrl+K is often for.
    both = _ranked(typed, offered, limit) + _ranked(typed, _read_names(), limit)
    both.sort(key=lambda found: found[0])  # stable: commands stay first within a tier
    hits = [Hit(e.kind, e.id, e.title, e.detail) for _tier, e in both[:limit]]
    if len(typed) >= 2:
        hits += _actions(text, ACTIONS_LISTED)
    return hits


def _ranked(typed: str, index: _Index, limit: int) -> list[tuple[int, _Entry]]:
    """The best *limit* entries for *typed* with their tier, the most recent first within
    each tier."""
    keys, recent, entries = index.keys, index.recent, index.entries
    begins = _beginning(index.starts, index.starts_at, typed)
    whole = typed + " "
    tiers: list[list[int]] = [
        [i for i in begins if keys[i] == typed],
        [i for i in begins if keys[i].startswith(whole)],  # 'maria' in Maria Lopez
        [i for i in begins if keys[i] != typed and not keys[i].startswith(whole)],
    ]
    taken = set(begins)
    if len(taken) < limit:  # a later word begins with it, then it is anywhere in it
        start = " " + typed
        tiers.append([i for i, key in enumerate(index.spaced) if start in key and i not in taken])
        taken.update(tiers[-1])
        tiers.append([i for i, key in enumerate(keys) if typed in key and i not in taken])
        taken.update(tiers[-1])
    if len(taken) < limit and len(typed) >= 3:
        tiers.append([i for i in _close(typed, index) if i not in taken])
    chosen: list[tuple[int, _Entry]] = []
    for rank, tier in enumerate(tiers):
        left = limit - len(chosen)
        if left <= 0:
            break
        if rank == CLOSE:  # the closest spellings first, already in order
            best = tier[:left]
        else:
            best = heapq.nlargest(left, tier, key=lambda i: (recent[i], -i))
        chosen += [(rank, entries[i]) for i in best]
    return chosen


def _close(typed: str, index: _Index) -> list[int]:
    """Entries whose words are close spellings of every word typed (the last may be
    half typed: a word it begins also counts), the closest first."""
    from rapidfuzz import fuzz, process  # the matcher, when a keystroke first needs it

    words = typed.split()
    total: dict[int, float] | None = None
    for position, word in enumerate(words):
        near = {
            found: score
            for found, score, _i in process.extract(
                word, index.words, scorer=fuzz.ratio, limit=40, score_cutoff=FUZZY_SCORE
            )
        }
        if position == len(words) - 1:  # still being typed: a word it begins is as good
            near.update((w, 100.0) for w in index.words if w.startswith(word))
        best: dict[int, float] = {}
        for found, score in near.items():
            for i in index.by_word[found]:
                if score > best.get(i, 0.0):
                    best[i] = score
        if total is None:
            total = best
        else:
            total = {i: total[i] + score for i, score in best.items() if i in total}
        if not total:
            return []
    found_total = total or {}
    return sorted(found_total, key=lambda i: (-found_total[i], i))


def _actions(text: str, limit: int) -> list[Hit]:
    """Actions whose summary has words starting with what was typed, newest logged first."""
    words = fts_query(text)
    if not words:
        return []
    rows = query.each(
        "SELECT a.id, a.summary, a.kind, a.occurred_on AS \"on\", coalesce(p.name, '') AS who"
        " FROM (SELECT rowid AS id FROM action_search WHERE action_search MATCH ?"
        "       ORDER BY rowid DESC LIMIT ?) AS found"
        " JOIN action a ON a.id = found.id LEFT JOIN person p ON p.id = a.counterpart_id",
        (f"summary : ({words})", limit),
        into=_ActionRow,
    )
    return [
        Hit(
            "action",
            row.id,
            row.summary,
            f"{KIND_LABELS.get(row.kind, row.kind)} · {row.on}"
            + (f" · {row.who}" if row.who else ""),
        )
        for row in rows
    ]
