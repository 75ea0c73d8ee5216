"""What a write touched, so that only what shows it is read again.

Each write the person makes is said as a `Changed`: the kinds of record it added, edited
or removed, including what followed from it (deleting a person removes their actions and
their part in opportunities). A page says which kinds it shows; the window tells each page
of every write, and a page that shows none of what changed keeps what it has.
"""

from __future__ import annotations

from enum import Flag, auto


class Changed(Flag):
    NOTHING = 0
    PEOPLE = auto()
    COMPANIES = auto()
    NEEDS = auto()
    OPPORTUNITIES = auto()
    ACTIONS = auto()
    FOLLOW_UPS = auto()  # when a follow-up is due, done or snoozed
    PROFILE = auto()  # my skills and target roles, which fits are worked out from
    ALIASES = auto()  # skill aliases, which matching reads
    EVERYTHING = (
        PEOPLE | COMPANIES | NEEDS | OPPORTUNITIES | ACTIONS | FOLLOW_UPS | PROFILE | ALIASES
    )


#: Logging, editing or deleting an action: its follow-up comes and goes with it.
ACTION_WRITE = Changed.ACTIONS | Changed.FOLLOW_UPS
#: What matching reads: a change to any of these can change a need's fit or its people.
SKILLS = Changed.PROFILE | Changed.ALIASES
#: A person saved: their company may be new, their skills change who could fill a need.
PERSON_WRITE = Changed.PEOPLE | Changed.COMPANIES
#: A person or company deleted takes with it what hangs on it.
CASCADE = Changed.EVERYTHING & ~SKILLS
