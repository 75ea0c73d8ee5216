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
