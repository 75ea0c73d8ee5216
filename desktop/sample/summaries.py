"""One-line summaries of actions, and the rule that picks the template for an action.

Each action is described by a template for its (direction, kind) filled with what is known
about it. Everything here is made up.
"""

from __future__ import annotations

import string

#: Placeholders known only for some actions; {cp} and {skill} are always known.
OPTIONAL_FIELDS = ("ben", "company", "role", "need")

# fmt: off
# Action summaries by (direction, kind). Placeholders: {cp} the counterpart, {skill} one of
# their skills (both always known); {ben} the beneficiary, {company}, {role} the
# opportunity's title and {need} the need's title (known only sometimes). The generator
# uses the templates that fill the most of what it knows about an action.
SUMMARIES = {
    ("given", "referral"): (
        "Referred {ben} for the {role} role at {company}",
        "Put {ben} forward to {cp} for the {role} opening at {company}",
        "Referred {ben} to {cp} at {company}",
        "Referred {ben} to {cp}",
        "Referred a friend to {cp}",
    ),
    ("received", "referral"): (
        "{cp} referred me for the {role} role at {company}",
        "{cp} passed my resume to the hiring manager at {company}",
        "{cp} referred me to a friend who is hiring",
    ),
    ("given", "job_lead"): (
        "Sent {cp} a lead on the {role} opening at {company}",
        "Told {cp} that {company} is hiring: {role}",
        "Sent {cp} a lead at {company}",
        "Sent {cp} a job lead in {skill}",
    ),
    ("received", "job_lead"): (
        "{cp} told me about the {role} opening at {company}",
        "{cp} sent me a lead: {company} is hiring for {role}",
        "{cp} told me {company} is hiring",
        "{cp} sent me a job lead",
    ),
    ("given", "introduction"): (
        "Introduced {cp} to {ben}",
        "Connected {cp} with {ben} over email",
        "Introduced {cp} to {ben} at {company}",
        "Introduced {cp} to a friend who works in {skill}",
    ),
    ("received", "introduction"): (
        "{cp} introduced me to the hiring manager at {company}",
        "{cp} introduced me to the {skill} lead at {company}",
        "{cp} introduced me to a friend who works in {skill}",
    ),
    ("given", "company_insight"): (
        "Shared with {cp} what I learned about {company}: {need}",
        "Told {cp} how interviews at {company} work",
        "Told {cp} what I know about the {skill} market",
    ),
    ("received", "company_insight"): (
        "{cp} explained what {company} needs: {need}",
        "{cp} told me the top priority at {company}: {need}",
        "{cp} explained how {company} hires",
        "{cp} explained who is hiring in {skill}",
    ),
    ("given", "recommendation"): (
        "Wrote {cp} a LinkedIn recommendation",
        "Recommended {cp} for their {skill} work",
        "Recommended {cp} to {ben}",
    ),
    ("received", "recommendation"): (
        "{cp} wrote me a LinkedIn recommendation",
        "{cp} agreed to be a reference for me",
        "{cp} was a reference for me at {company}",
    ),
    ("given", "review"): (
        "Reviewed {cp}'s resume",
        "Gave {cp} feedback on their portfolio",
        "Reviewed {cp}'s LinkedIn profile",
    ),
    ("received", "review"): (
        "{cp} reviewed my resume",
        "{cp} gave me feedback on my portfolio",
        "{cp} reviewed my cover letter for {company}",
    ),
    ("given", "interview_prep"): (
        "Ran a mock interview with {cp}",
        "Helped {cp} prepare for their {company} interview",
        "Helped {cp} practise {skill} interview questions",
    ),
    ("received", "interview_prep"): (
        "{cp} helped me prepare for the {company} interview",
        "Mock interview with {cp} for the {role} role at {company}",
        "Mock interview with {cp}",
    ),
    ("given", "check_in"): (
        "Checked in with {cp}",
        "Coffee with {cp}",
        "Sent {cp} an article on {skill}",
        "Called {cp} to see how things are going",
    ),
    ("received", "check_in"): (
        "{cp} checked in on my search",
        "{cp} asked how interviews were going",
        "Lunch with {cp}",
    ),
    ("given", "thanks"): (
        "Thanked {cp} for the introduction",
        "Sent {cp} a thank-you note",
        "Thanked {cp} for their time",
    ),
    ("received", "thanks"): (
        "{cp} thanked me for the referral",
        "{cp} thanked me for the lead",
        "{cp} sent a thank-you note",
    ),
    ("given", "other"): (
        "Helped {cp} with a question on {skill}",
        "Shared a course on {skill} with {cp}",
    ),
    ("received", "other"): (
        "{cp} lent me a book on {skill}",
        "{cp} invited me to a meetup on {skill}",
    ),
}
# fmt: on


def _fields(template: str) -> frozenset[str]:
    return frozenset(f for _, f, _, _ in string.Formatter().parse(template) if f)


def best_templates(direction: str, kind: str, have: frozenset[str]) -> list[str]:
    """The summaries that use the most of what is known about an action and nothing more."""
    usable = [
        (len(_fields(t) & have), t)
        for t in SUMMARIES[direction, kind]
        if _fields(t) & set(OPTIONAL_FIELDS) <= have
    ]
    best = max(n for n, _ in usable)
    return [t for n, t in usable if n == best]
