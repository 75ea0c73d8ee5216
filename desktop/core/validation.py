"""Checks on what people type, with messages a person understands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from desktop.store.textkeys import fold, has_visible_text, name_key

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

__all__ = ["fold", "name_key"]  # re-exported: the keys names are compared by

MAX_NAME = 200


@dataclass
class Problems:
    """Errors block a save; warnings are shown but allow it. Both map field -> message."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


class ValidationError(ValueError):
    """Raised by a save when the data is invalid; carries the problems per field."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(" ".join(problems.errors.values()))


# The plain addresses almost every contact has: an ASCII dot-atom before the @, and a
# domain of letter-digit-hyphen labels ending in a letters-only top-level domain. Such an
# address is valid whenever its lengths are and its top-level domain is not one that
# email-validator reserves; a test holds the shortcut to the library's answer. Everything
# else (Unicode, quotes, literals, odd hyphens) goes to the library, which takes ~100 µs.
_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?!-)){0,61}(?<!-)\.)+([A-Za-z]{2,63})",
    re.ASCII,
)


@cache
def _reserved_top_level() -> frozenset[str]:
    """email-validator's reserved names, read when first needed: the library takes a tenth
    of a second to import, which the window's start need not wait for."""
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    return frozenset(SPECIAL_USE_DOMAIN_NAMES)


def _plainly_valid(email: str) -> bool:
    match = _PLAIN_EMAIL.fullmatch(email)
    return (
        match is not None
        and len(email) <= 254
        and email.index("@") <= 64
        and match.group(1).lower() not in _reserved_top_level()
    )


def email_problem(email: str) -> str | None:
    """Return why *email* is not a valid address, or None. Never touches the network."""
    if not email:
        return None
    if _plainly_valid(email):
        return _top_level_problem(email, email.rpartition("@")[2])
    from email_validator import EmailNotValidError, validate_email

    try:
        valid = validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        return f"This is not a valid email address: {exc}"
    # The domain as the library reads it: full-width and ideographic dots are dots, and an
    # internationalised name is in its ASCII form, as the list of endings holds it.
    return _top_level_problem(email, valid.ascii_domain or valid.domain)


@cache
def _public_suffixes() -> PublicSuffixList:
    """The Public Suffix List, read when first needed (it takes some 70 ms)."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(accept_unknown=False)


#: Kept for examples by RFC 2606, which RFC 6761 asks programs not to treat as special (as
#: email-validator does not): addresses in guides and the sample network end in it.
_EXAMPLE_TOP_LEVEL = "example"


@cache
def _is_top_level(label: str) -> bool:
    label = label.lower()
    return label == _EXAMPLE_TOP_LEVEL or _public_suffixes().is_public(label)


def _top_level_problem(email: str, domain: str) -> str | None:
    """Why *domain*, the ending of *email*, is no top-level domain, as when the next
    field's text ran on into it (dana@acme.comRobotics), with the address likely meant."""
    if not domain or domain.startswith("["):  # an address literal: the library judged it
        return None
    head, _, top = domain.rstrip(".").rpartition(".")
    if _is_top_level(top):
        return None
    message = f"This is not a valid email address: “.{top}” is not a top-level domain."
    known = next((n for n in range(len(top) - 1, 1, -1) if _is_top_level(top[:n])), None)
    local, _, typed_domain = email.rpartition("@")
    if head and known and typed_domain == domain:
        message += f" Did you mean {local}@{head}.{top[:known]}?"
    return message


# What `urlsplit` reads as an http(s) scheme and a site name: a quick yes for most addresses.
_PLAIN_WEB_ADDRESS = re.compile(r"https?://[^/?#\s]", re.IGNORECASE | re.ASCII)


def url_problem(url: str, what: str = "The address") -> str | None:
    """Return why *url* is not an http(s) web address, or None."""
    if not url:
        return None
    if _PLAIN_WEB_ADDRESS.match(url) and " " not in url:  # most addresses, without parsing
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"{what} must start with http:// or https://."
    if not parts.netloc or " " in url:
        return (
            f"{what} is missing a site name after {parts.scheme}://."
            if not parts.netloc
            else f"{what} cannot contain spaces."
        )
    return None


# A site name as people type one: labels joined by dots, the last a word, maybe a port.
_BARE_SITE = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?::\d{1,5})?", re.UNICODE)


def web_address(text: str | None) -> str:
    """*text* cleaned, with https:// put before a bare site name as people type it
    (globex.example, www.linkedin.com/in/ada, example.com:8080/jobs); anything else (an
    email address, a word with a dot, a scheme of its own) is left for the check."""
    text = clean(text)
    host = re.split(r"[/?#]", text, maxsplit=1)[0]
    if (
        _BARE_SITE.fullmatch(host)
        and not any(c.isspace() for c in text)
        and _is_top_level(host.split(":")[0].rpartition(".")[2])  # not 'Ada.Lovelace'
    ):
        return f"https://{text}"
    return text


def linkedin_problem(url: str) -> str | None:
    return url_problem(url, "The LinkedIn address")


def clean(text: str | None) -> str:
    """Strip surrounding whitespace; None becomes empty."""
    return (text or "").strip()


def name_problem(name: str, what: str) -> str | None:
    """Why *name* cannot name a person or company ('A person needs a name.'), or None."""
    if not has_visible_text(name):
        return f"{what} needs a name."
    if len(name) > MAX_NAME:
        return f"Names can be at most {MAX_NAME} characters long (this one has {len(name):,})."
    return None
