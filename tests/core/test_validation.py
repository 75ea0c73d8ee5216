from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import validation
from desktop.core.validation import email_problem, name_key, url_problem


def test_valid_addresses_pass():
    assert email_problem("") is None
    assert email_problem("first.last+jobs@example.co.uk") is None
    assert email_problem("josé@exämple.org") is None


def test_url_rules():
    assert url_problem("https://example.org") is None
    assert "spaces" in url_problem("https://exa mple.org")
    assert "http:// or https://" in url_problem("mailto:a@b.c")


def test_name_key_ignores_case_and_spacing():
    assert name_key("  Acme   Corp ") == name_key("ACME corp")


def _library_says(address: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


_ATOM = "abcXYZ019_%+'-"
_LABEL = "abz09-"


@settings(max_examples=3000, deadline=None, database=None)
@given(
    st.lists(st.text(_ATOM, min_size=0, max_size=70), min_size=1, max_size=3),
    st.lists(st.text(_LABEL, min_size=0, max_size=66), min_size=1, max_size=4),
    st.sampled_from(["com", "org", "de", "local", "test", "arpa", "c", "x" * 64, "museum"]),
)
def test_the_plain_address_shortcut_agrees_with_the_library(locals_, labels, top):
    address = ".".join(locals_) + "@" + ".".join([*labels, top])
    if validation._plainly_valid(address):
        assert _library_says(address) is None, address


def test_plain_addresses_take_the_shortcut_and_others_the_library():
    for plain in ("ada@example.org", "first.last+jobs@mail.example.co.uk", "o'neil@x-y.de"):
        assert validation._plainly_valid(plain), plain
    for other in (
        "josé@exämple.org",
        "a..b@x.org",
        ".a@x.org",
        "a@-x.org",
        "a@x-.org",
        "a@x.local",
        "a@xn--bcher-kva.de",
        "a@1.2",
        "a@x",
        "x" * 65 + "@x.org",
        '"a b"@x.org',
    ):
        assert not validation._plainly_valid(other), other
        assert (email_problem(other) is None) == (_library_says(other) is None), other
    # The library takes any ending; an unknown one is refused after it.
    assert not validation._plainly_valid("a@x.o") and _library_says("a@x.o") is None
    assert "“.o” is not a top-level domain" in email_problem("a@x.o")


def _parsed_says(url: str) -> str | None:
    """The answer of the full check, by urlsplit, without the quick yes."""
    from urllib.parse import urlsplit

    if not url:
        return None  # nothing given is no problem
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return "scheme"
    if not parts.netloc or " " in url:
        return "netloc or space"
    return None


_URL_PIECES = st.sampled_from(
    ["/", "?", "#", ":", " ", "\t", "\n", "x", "é", "linkedin.com", "in", "@", "[", "]",
     "%20", "\u00a0", "www."]
)  # fmt: skip
_URLS = st.builds(
    lambda scheme, separator, rest: scheme + separator + "".join(rest),
    st.sampled_from(["http", "https", "HTTPS", "hTtP", "ftp", "x", "", " http"]),
    st.sampled_from(["://", ":/", ":", "//", ":///", ":// ", "://?", "://#", ""]),
    st.lists(_URL_PIECES, max_size=6),
)


@settings(max_examples=400, deadline=None)
@given(_URLS)
def test_the_quick_yes_to_web_addresses_agrees_with_parsing_them(url):
    try:
        expected = _parsed_says(url)
    except ValueError:  # urlsplit refuses it outright (an unclosed "["): no answer to match
        return
    assert (url_problem(url) is None) == (expected is None), url


def test_invisible_text_is_found_the_same_in_ascii_and_beyond():
    from desktop.store.textkeys import has_visible_text

    for text in ("", " ", "\t\n\x00\x7f", "\u200b", "\u00a0 "):
        assert not has_visible_text(text), repr(text)
    for text in ("a", " .", "\x00!", "é", " \u200bé"):
        assert has_visible_text(text), repr(text)


def test_an_ending_that_is_no_top_level_domain_is_refused_with_the_likely_address():
    problem = email_problem("dana@acmerobotics.comRobotics")
    assert "“.comRobotics” is not a top-level domain" in problem
    assert problem.endswith("Did you mean dana@acmerobotics.com?")
    assert "Did you mean a@b.org?" in email_problem("a@b.orgx")
    assert "Did you mean" not in email_problem("a@b.qqqq")  # nothing it could have meant
    for kept in ("a@b.COM", "a@b.museum", "a@b.рф", "a@b.xn--p1ai", "a@b.dev", "a@x.co.uk"):
        assert email_problem(kept) is None, kept


def test_endings_written_with_other_dots_or_widths_are_read_as_the_library_reads_them():
    for kept in (
        "ana@例子。中国",
        "ana@example。com",
        "ana@example.ＣＯＭ",
        "ana@ｅｘａｍｐｌｅ．ｃｏｍ",
    ):
        assert email_problem(kept) is None, kept


def test_https_is_put_only_before_what_is_a_site_name():
    from desktop.core.validation import web_address

    assert web_address(" globex.example ") == "https://globex.example"
    assert web_address("example.com:8080/jobs") == "https://example.com:8080/jobs"
    assert web_address("bücher.de") == "https://bücher.de"
    for left in ("ana@example.com", "Ada.Lovelace", ".", "a.", "localhost:8080", "x y.org"):
        assert web_address(left) == left, left
