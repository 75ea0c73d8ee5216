"""Keep-in-touch tiers: named gaps between contacts ('Close': every 14 days, at most 21),
who is in which, and the gaps that hold for each person.

A person's ideal gap is their own keep-in-touch days, else their tier's; past it they are
due. Their longest gap is their own, else their tier's (when it is not shorter than the
ideal), else half as long again as the ideal; past it they are overdue. `GAPS_SQL` says
the same in SQL, for the lists that read it for thousands of people at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from desktop.core import undo
from desktop.core.validation import MAX_NAME, Problems, ValidationError, name_key
from desktop.store import query
from desktop.store.batches import id_chunks
from desktop.store.connection import db
from desktop.store.models import Person, TieTier
from desktop.store.textkeys import has_visible_text

MAX_GAP_DAYS = 3650  # ten years: beyond that a gap means nothing to a job search


class Tier(NamedTuple):
    id: int
    name: str
    ideal_days: int
    longest_days: int


@dataclass(frozen=True)
class TierData:
    """What the tiers dialog edits of one tier."""

    name: str
    ideal_days: int
    longest_days: int

    def cleaned(self) -> TierData:
        return TierData(" ".join(self.name.split()), self.ideal_days, self.longest_days)


class Gaps(NamedTuple):
    """The gaps that hold for one person, and where each comes from in words."""

    ideal_days: int
    longest_days: int
    ideal_from: str  # 'their own' or "the ‘Close’ tier"
    longest_from: str  # 'their own', "the ‘Close’ tier" or 'half as long again'


def default_longest(ideal_days: int) -> int:
    """The longest gap when only an ideal one is known: half as long again, rounded up
    at a half (as `GAPS_SQL` does it, in whole numbers)."""
    return (ideal_days * 3 + 1) // 2


def effective_gaps(
    cadence_days: int | None,
    longest_gap_days: int | None,
    tier: Tier | None,
) -> Gaps | None:
    """The person's ideal and longest gap, or None when they keep no touch at all."""
    if cadence_days:
        ideal, ideal_from = cadence_days, "their own"
    elif tier is not None:
        ideal, ideal_from = tier.ideal_days, f"the ‘{tier.name}’ tier"
    else:
        return None
    if longest_gap_days:
        longest, longest_from = longest_gap_days, "their own"
    elif tier is not None and tier.longest_days >= ideal:
        longest, longest_from = tier.longest_days, f"the ‘{tier.name}’ tier"
    else:
        longest, longest_from = default_longest(ideal), "half as long again"
    # A tier edited since may have made the ideal longer than the person's own longest.
    return Gaps(ideal, max(ideal, longest), ideal_from, longest_from)


#: The ideal and longest gaps of `person p LEFT JOIN tie_tier t ON t.id = p.tier_id`, as
#: `effective_gaps` works them out (a test holds the two to each other).
IDEAL_SQL = "coalesce(p.cadence_days, t.ideal_days)"
LONGEST_SQL = (
    f"max({IDEAL_SQL}, coalesce(p.longest_gap_days,"
    f" CASE WHEN t.longest_days >= {IDEAL_SQL} THEN t.longest_days END,"
    f" ({IDEAL_SQL} * 3 + 1) / 2))"
)


# -- the tiers ----------------------------------------------------------------------------
def list_tiers() -> list[Tier]:
    """Every tier, the closest first."""
    return query.rows(
        TieTier.select(TieTier.id, TieTier.name, TieTier.ideal_days, TieTier.longest_days).order_by(
            TieTier.ideal_days, TieTier.longest_days, TieTier.name_key
        ),
        into=Tier,
    )


def get_tier(tier_id: int) -> Tier:
    found = query.row(
        TieTier.select(TieTier.id, TieTier.name, TieTier.ideal_days, TieTier.longest_days).where(
            TieTier.id == tier_id
        ),
        into=Tier,
    )
    if found is None:
        raise LookupError(f"There is no keep-in-touch tier with id {tier_id}.")
    return found


def tier_named(name: str) -> int | None:
    """The id of the tier of this name (case aside), or None."""
    found = query.value(TieTier.select(TieTier.id).where(TieTier.name_key == name_key(name)))
    return int(found) if found is not None else None


def people_in(tier_id: int) -> int:
    """How many people are in the tier."""
    return int(Person.select().where(Person.tier == tier_id).count())


def tier_problems(data: TierData) -> dict[str, str]:
    """Why one tier cannot be saved, by field ('name', 'ideal_days', 'longest_days')."""
    data = data.cleaned()
    errors: dict[str, str] = {}
    if not has_visible_text(data.name):
        errors["name"] = "A tier needs a name, such as Close or Occasional."
    elif len(data.name) > MAX_NAME:
        errors["name"] = (
            f"A tier's name can be at most {MAX_NAME} characters long"
            f" (this one has {len(data.name):,})."
        )
    if not 1 <= data.ideal_days <= MAX_GAP_DAYS:
        errors["ideal_days"] = f"Keep in touch every 1 to {MAX_GAP_DAYS:,} days."
    if not 1 <= data.longest_days <= MAX_GAP_DAYS:
        errors["longest_days"] = f"The longest gap is 1 to {MAX_GAP_DAYS:,} days."
    elif "ideal_days" not in errors and data.longest_days < data.ideal_days:
        errors["longest_days"] = (
            f"The longest gap cannot be shorter than the ideal one ({data.ideal_days} days)."
        )
    return errors


def validate_tier(data: TierData, tier_id: int | None = None) -> Problems:
    """Errors that block saving one tier: its own, and a name another tier has."""
    problems = Problems(errors=tier_problems(data))
    name = data.cleaned().name
    if "name" not in problems.errors:
        other = tier_named(name)
        if other is not None and other != tier_id:
            problems.errors["name"] = f"There is a tier called ‘{get_tier(other).name}’ already."
    return problems


def validate_tiers(rows: Sequence[tuple[int | None, TierData]]) -> Problems:
    """Errors of a whole list of tiers as the dialog saves it, keyed '<index>.<field>'."""
    problems = Problems()
    seen: dict[str, int] = {}
    for index, (_tier_id, data) in enumerate(rows):
        for field, message in tier_problems(data).items():
            problems.errors[f"{index}.{field}"] = message
        name = data.cleaned().name
        if f"{index}.name" in problems.errors:
            continue
        earlier = seen.setdefault(name_key(name), index)
        if earlier != index:
            problems.errors[f"{index}.name"] = (
                f"Two tiers are called ‘{name}’; give each its own name."
            )
    return problems


def _checked(data: TierData, tier_id: int | None) -> TierData:
    problems = validate_tier(data, tier_id)
    if not problems.ok:
        raise ValidationError(problems)
    return data.cleaned()


def _columns(data: TierData) -> dict[str, object]:
    return {
        "name": data.name,
        "name_key": name_key(data.name),
        "ideal_days": data.ideal_days,
        "longest_days": data.longest_days,
    }


def create_tier(data: TierData) -> int:
    """Add a tier; returns its id. Raises ValidationError."""
    with db.atomic():
        undo.name("Add tier", data.name)
        data = _checked(data, None)
        return int(TieTier.insert(**_columns(data)).execute())


def update_tier(tier_id: int, data: TierData) -> None:
    """Rename a tier or change its gaps. Raises ValidationError, or LookupError."""
    with db.atomic():
        undo.name("Edit tier", data.name)
        data = _checked(data, tier_id)
        before = get_tier(tier_id)
        if (before.name, before.ideal_days, before.longest_days) == (
            data.name,
            data.ideal_days,
            data.longest_days,
        ):
            return  # saved as it was: nothing to write, and no step to undo
        TieTier.update(**_columns(data)).where(TieTier.id == tier_id).execute()


def rename_tier(tier_id: int, name: str) -> None:
    tier = get_tier(tier_id)
    update_tier(tier_id, TierData(name, tier.ideal_days, tier.longest_days))


def delete_tier(tier_id: int) -> None:
    """Delete a tier; the people in it keep no tier (and their own gaps, if any)."""
    with db.atomic():
        undo.name("Delete tier", undo.row_name("tie_tier", "name", tier_id))
        TieTier.delete().where(TieTier.id == tier_id).execute()


def save_tiers(rows: Sequence[tuple[int | None, TierData]]) -> None:
    """The tiers dialog's Save: *rows* (id, or None for a new one) become the tiers, in
    one transaction and one step; a tier not listed is deleted."""
    problems = validate_tiers(rows)
    if not problems.ok:
        raise ValidationError(problems)
    cleaned = [(tier_id, data.cleaned()) for tier_id, data in rows]
    with db.atomic():
        before = {tier.id: tier for tier in list_tiers()}
        kept = {tier_id for tier_id, _ in cleaned if tier_id is not None}
        unchanged = kept == set(before) and all(
            tier_id is not None
            and (before[tier_id].name, before[tier_id].ideal_days, before[tier_id].longest_days)
            == (data.name, data.ideal_days, data.longest_days)
            for tier_id, data in cleaned
        )
        if unchanged:
            return  # saved as they were: nothing to write, and no step to undo
        undo.name("Edit keep-in-touch tiers")
        gone = set(before) - kept
        if gone:
            TieTier.delete().where(TieTier.id.in_(sorted(gone))).execute()
        # Names move between tiers (a swap, say): free every kept tier's key first.
        for kept_id in sorted(kept):
            TieTier.update(name_key=f"\0{kept_id}").where(TieTier.id == kept_id).execute()
        for tier_id, data in cleaned:
            if tier_id is None:
                TieTier.insert(**_columns(data)).execute()
            else:
                TieTier.update(**_columns(data)).where(TieTier.id == tier_id).execute()


# -- who is in which ----------------------------------------------------------------------
def assign_tier(person_ids: Iterable[int], tier_id: int | None) -> int:
    """Put every one of *person_ids* in the tier (None: in none), in one transaction and
    one step; returns how many people changed."""
    ids = sorted(set(person_ids))
    with db.atomic():
        tier = get_tier(tier_id) if tier_id is not None else None
        people = f"{len(ids):,} people" if len(ids) != 1 else "1 person"
        if tier is not None:
            undo.name(f"Set tier {{}} for {people}", tier.name)
        else:
            undo.name(f"Clear the keep-in-touch tier of {people}")
        changed = 0
        for marks, chunk in id_chunks(ids):
            changed += query.execute(
                f"UPDATE person SET tier_id = ? WHERE id IN ({marks}) AND tier_id IS NOT ?",
                (tier_id, *chunk, tier_id),
            )
        return changed


def tier_of(person_id: int) -> Tier | None:
    """The person's tier, if any."""
    tier_id = query.value(Person.select(Person.tier).where(Person.id == person_id))
    return get_tier(int(tier_id)) if tier_id is not None else None


def gaps_of(person_id: int) -> Gaps | None:
    """The gaps that hold for the person, or None when they keep no touch."""
    found = query.row(
        Person.select(Person.cadence_days, Person.longest_gap_days).where(Person.id == person_id),
        into=_Own,
    )
    if found is None:
        return None
    return effective_gaps(found.cadence_days, found.longest_gap_days, tier_of(person_id))


class _Own(NamedTuple):
    cadence_days: int | None
    longest_gap_days: int | None


def gaps_text(gaps: Gaps | None) -> str:
    """'Every 30 days, at most 45 (the ‘Regular’ tier)', in words; '' for none."""
    if gaps is None:
        return ""
    every = "Every day" if gaps.ideal_days == 1 else f"Every {gaps.ideal_days} days"
    if gaps.ideal_from == gaps.longest_from:
        return f"{every}, at most {gaps.longest_days} ({gaps.ideal_from})"
    return f"{every} ({gaps.ideal_from}), at most {gaps.longest_days} ({gaps.longest_from})"
