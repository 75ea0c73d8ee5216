"""After a 'not selected': refer others forward, thank the interviewers, stay in touch.

When an opportunity ends without me, the need behind it is still open and the people I
met are still worth knowing. The program offers these suggestions once per opportunity;
each one the user accepts becomes a logged action, all in one transaction.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from desktop.core import actions, matching, opportunities, undo
from desktop.core.clock import now_text
from desktop.store import query, undo_log
from desktop.store.connection import db
from desktop.store.models import Opportunity

STAY_IN_TOUCH_DAYS = 30
MAX_REFERRALS = 5


class Suggestion(NamedTuple):
    """One action the user may take; `why` says in words why it is suggested."""

    kind: str  # 'referral', 'thanks' or 'check_in'
    counterpart_id: int
    beneficiary_id: int | None
    summary: str
    why: str
    follow_up_on: date | None


class Offer(NamedTuple):
    """What to offer for one opportunity. `note` explains a missing kind of suggestion."""

    opportunity_id: int
    title: str
    referrals: list[Suggestion]
    thanks: list[Suggestion]
    keep_in_touch: list[Suggestion]
    note: str

    @property
    def suggestions(self) -> list[Suggestion]:
        return [*self.referrals, *self.thanks, *self.keep_in_touch]


def is_due(opportunity_id: int) -> bool:
    """True when the opportunity is 'not selected' and nothing was offered for it yet."""
    return (
        Opportunity.select()
        .where(
            Opportunity.id == opportunity_id,
            Opportunity.status == "not_selected",
            Opportunity.follow_through_offered_at.is_null(),
        )
        .exists()
    )


def offer(opportunity_id: int, today: date | None = None) -> Offer:
    """The suggestions for an opportunity: people who could fill its need (referred to
    the hiring manager, else the recruiter, else whoever told me of the need), a thank-you
    to each interviewer, and a check-in with a follow-up for the recruiter and the hiring
    manager."""
    today = today or date.today()
    data = opportunities.get_opportunity(opportunity_id)
    involved = opportunities.people_of(opportunity_id)
    by_part: dict[str, list[tuple[int, str]]] = {}
    for someone in involved:
        by_part.setdefault(someone.part, []).append((someone.person_id, someone.name))
    notes = []

    referrals: list[Suggestion] = []
    if data.need_id is None:
        notes.append("Link the opportunity to the need it serves to see whom you could refer.")
    else:
        # SQL text here and in `_logged`: peewee would build each query at many times the
        # cost of running it, and the offer is worked out while its dialog opens.
        need = query.row(
            "SELECT n.title, n.source_person_id, p.name AS source FROM need n"
            " LEFT JOIN person p ON p.id = n.source_person_id WHERE n.id = ?",
            (data.need_id,),
            into=_Need,
        )
        assert need is not None  # the opportunity's need: SET NULL when it goes
        deciders = by_part.get("hiring_manager") or by_part.get("recruiter") or []
        to: tuple[int, str] | None = deciders[0] if deciders else None
        if to is None and need.source_person_id is not None and need.source is not None:
            to = (need.source_person_id, need.source)
        if to is None:
            notes.append("Add the hiring manager or recruiter to refer people to them.")
        else:
            skip = {someone.person_id for someone in involved}
            for candidate in matching.candidates(data.need_id, limit=MAX_REFERRALS + len(skip)):
                if candidate.person_id in skip or len(referrals) == MAX_REFERRALS:
                    continue
                referrals.append(
                    Suggestion(
                        "referral",
                        to[0],
                        candidate.person_id,
                        f"Referred {candidate.name} to {to[1]} for {need.title}",
                        candidate.reasons,
                        None,
                    )
                )
            if not referrals:
                notes.append("No one else in your network matches the need's skills yet.")

    thanks = [
        Suggestion(
            "thanks",
            person_id,
            None,
            f"Thanked {name} for the interview for {data.title}",
            "interviewed you",
            None,
        )
        for person_id, name in by_part.get("interviewer", [])
    ]
    keep: list[Suggestion] = []
    seen: set[int] = set()
    for part in ("recruiter", "hiring_manager"):
        for person_id, name in by_part.get(part, []):
            if person_id in seen:
                continue
            seen.add(person_id)
            keep.append(
                Suggestion(
                    "check_in",
                    person_id,
                    None,
                    f"Asked {name} to stay in touch after {data.title}",
                    f"{opportunities.PART_LABELS[part].lower()}; a follow-up in"
                    f" {STAY_IN_TOUCH_DAYS} days",
                    today + timedelta(days=STAY_IN_TOUCH_DAYS),
                )
            )
    if not involved:
        notes.append("Add the people you met to the opportunity to thank them and keep in touch.")
    logged = _logged(opportunity_id)
    groups = [
        [s for s in group if (s.kind, s.counterpart_id, s.beneficiary_id) not in logged]
        for group in (referrals, thanks, keep)
    ]
    done = len(referrals) + len(thanks) + len(keep) - sum(len(group) for group in groups)
    if done:
        notes.append(
            f"{done} of these {'is' if done == 1 else 'are'} already on your timeline and left out."
        )
    referrals_left, thanks_left, keep_left = groups
    return Offer(
        opportunity_id, data.title, referrals_left, thanks_left, keep_left, " ".join(notes)
    )


class _Need(NamedTuple):
    title: str
    source_person_id: int | None
    source: str | None  # who told me of it


class _Logged(NamedTuple):
    kind: str
    counterpart_id: int
    beneficiary_id: int | None


class _Links(NamedTuple):
    company_id: int
    need_id: int | None


def _logged(opportunity_id: int) -> set[tuple[str, int, int | None]]:
    """(kind, counterpart, beneficiary) of the given actions already logged about it."""
    return set(
        query.rows(
            "SELECT kind, counterpart_id, beneficiary_id FROM action"
            " WHERE opportunity_id = ? AND direction = 'given'",
            (opportunity_id,),
            into=_Logged,
        )
    )


def accept(opportunity_id: int, chosen: list[Suggestion], today: date | None = None) -> list[int]:
    """Log each chosen suggestion as a given action and mark the offer made, in one
    transaction; returns the new action ids."""
    today = today or date.today()
    with db.atomic():
        undo.name(
            "Log what I offered for {}", undo.row_name("opportunity", "title", opportunity_id)
        )
        links = query.row(
            Opportunity.select(Opportunity.company, Opportunity.need).where(
                Opportunity.id == opportunity_id
            ),
            into=_Links,
        )
        if links is None:
            raise LookupError(f"There is no opportunity with id {opportunity_id}.")
        ids = [
            actions.create_action(
                actions.ActionData(
                    occurred_on=today,
                    direction="given",
                    kind=suggestion.kind,
                    counterpart_id=suggestion.counterpart_id,
                    beneficiary_id=suggestion.beneficiary_id,
                    company_id=links.company_id,
                    need_id=links.need_id if suggestion.kind == "referral" else None,
                    opportunity_id=opportunity_id,
                    summary=_fit(suggestion.summary),
                    follow_up_on=suggestion.follow_up_on,
                )
            )
            for suggestion in chosen
        ]
        _mark_offered(opportunity_id)
        return ids


def _fit(summary: str) -> str:
    """Long names can make a summary too long for the timeline: shorten it at the end."""
    limit = actions.MAX_SUMMARY
    return summary if len(summary) <= limit else summary[: limit - 1].rstrip() + "…"


def dismiss(opportunity_id: int) -> None:
    """Remember that the suggestions were offered, so they are not offered again.

    Bookkeeping, not a change of the person's: no undo step of its own, so that Ctrl+Z
    after "Not now" undoes the move that brought the offer (and with it this mark)."""
    with db.atomic(), undo_log.unlogged(db):
        _mark_offered(opportunity_id)


def _mark_offered(opportunity_id: int) -> None:
    Opportunity.update(follow_through_offered_at=now_text()).where(
        Opportunity.id == opportunity_id
    ).execute()
