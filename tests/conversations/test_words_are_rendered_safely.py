"""`said` escapes everything a person wrote, links http(s) addresses with
rel="nofollow noopener ugc" and links only the handles a Mention row allows."""

from __future__ import annotations

import pytest

from saathi.conversations.templatetags.conversation import said

pytestmark = pytest.mark.django_db  # reverse() of the profile URL only


def test_html_is_shown_as_text() -> None:
    html = said('<script>alert("x")</script><b onclick="x">hi</b>')
    assert "<script>" not in html and "<b" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_web_addresses_become_links_that_pass_on_no_standing() -> None:
    html = said("Route: https://example.org/a?b=1&c=2. Nice")
    assert html == (
        '<p>Route: <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener ugc">'
        "https://example.org/a?b=1&amp;c=2</a>. Nice</p>"
    )


def test_other_schemes_stay_text() -> None:
    html = said('javascript:alert(1) data:text/html,<x> <a href="javascript:alert(1)">x</a>')
    assert "<a" not in html and "href" not in html.replace("href=&quot;", "")


def test_an_address_cannot_break_out_of_its_attribute() -> None:
    html = said('https://example.org/"onmouseover="alert(1)')
    assert 'href="https://example.org/"' in html and '"onmouseover' not in html


def test_only_allowed_handles_are_linked() -> None:
    html = said("Thanks @partner and @vikram", {"partner"})
    assert html == (
        '<p>Thanks <a class="mention" href="/people/partner/">@partner</a> and @vikram</p>'
    )


def test_lines_and_paragraphs_are_kept_and_blank_text_says_nothing() -> None:
    assert said("one\ntwo\n\nthree") == "<p>one<br>two</p>\n<p>three</p>"
    assert said("") == "" and said("   \n ") == ""
