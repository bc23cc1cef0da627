"""Case notes walked in the browser: a social care practitioner finds the young person, writes a note, sees what
it names highlighted, confirms a peer and the school, rejects a theme and reads the confirmed associations (with
the note's purpose) and the history of who decided what; the youth offending service (another organisation) is
refused the note, a guessed note and a forged decision, and a wrong purpose is refused."""

from __future__ import annotations

import pytest

from tests.web.browser.conftest import sign_in, submit

pytestmark = pytest.mark.browser

TEXT = ("Home visit. Spoke with Amara Jones and mum.\n"
        "Amara said she spends time with Ben Okafor after Hill School. Mum is struggling to safeguard.\n"
        "There is no indication that she has carried a knife.")


def _write_note(page, base: str) -> str:  # noqa: ANN001
    page.goto(f"{base}/")
    submit(page, "#navigation a:text('Case notes')")
    assert "Home visit (demo)" in page.inner_text("#notes")  # the demo note of this organisation
    submit(page, "#new-note")
    assert page.inner_text("#note-purpose") == "assessment"
    page.fill("#id_q", "Amara")
    submit(page, "#search-people")
    submit(page, "#choose-P-AMARA")
    assert page.input_value("#id_person_id") == "P-AMARA"
    page.fill("#id_title", "Home visit with mum")
    page.fill("#id_written_on", "2026-03-03")
    page.fill("#id_text", TEXT)
    submit(page, "#save-note")
    assert page.inner_text("#note-title") == "Home visit with mum"
    return page.url


def _row(page, text: str) -> str:  # noqa: ANN001
    """The id number of the suggestion whose text is ``text``."""
    for row in page.locator("#suggestions tbody tr").all():
        if row.locator("td strong").first.inner_text() == text:
            return row.get_attribute("id").removeprefix("suggestion-")
    raise AssertionError(f"no suggestion {text!r}")


def test_practitioner_writes_a_note_and_decides_its_suggestions(served, page):  # noqa: ANN001
    base, accounts = served
    sign_in(page, base, accounts["practitioner_social_care"], "assessment")
    url = _write_note(page, base)
    ben, school, theme = _row(page, "Ben Okafor"), _row(page, "Hill School"), _row(page, "struggling to safeguard")
    amara = _row(page, "Amara Jones")
    assert page.inner_text(f"#mark-{ben}") == "Ben Okafor"
    assert "casenotes-mark--person" in page.get_attribute(f"#mark-{ben}", "class")
    assert "Hill School" in page.inner_text(f"#suggested-{school}")
    assert "knife" not in page.inner_text("#suggestions")  # the negated statement raises no theme
    assert page.inner_text("#associations-none") == "None confirmed yet."
    submit(page, f"#confirm-{ben}")
    assert page.inner_text(f"#state-{ben}") == "Confirmed"
    submit(page, f"#confirm-{school}")
    submit(page, f"#reject-{theme}")
    assert page.inner_text(f"#state-{theme}") == "Rejected"
    assert "casenotes-mark--rejected" in page.get_attribute(f"#mark-{theme}", "class")
    associations = page.inner_text("#associations")
    assert "Ben Okafor" in associations and "Hill School" in associations and "safeguard" not in associations
    assert all(p == "assessment" for p in page.locator("[id^=association-purpose-]").all_inner_texts())
    assert page.query_selector(f"#confirm-{ben}") is None  # decided once
    submit(page, "#history")
    assert "rejected theme suggestion" in page.inner_text("main")
    page.goto(url)
    submit(page, "#print")
    assert "Ben Okafor" in page.inner_text("body")

    note_id = url.rstrip("/").split("/")[-1]
    other = page.context.browser.new_context().new_page()
    sign_in(other, base, accounts["practitioner_youth_offending"], "assessment")
    other.goto(f"{base}/casenotes/")
    assert "Home visit with mum" not in other.inner_text("main")
    token = other.input_value("input[name=csrfmiddlewaretoken]")
    for path in (f"/casenotes/{note_id}/", "/casenotes/987654/", f"/casework/{note_id}/history/"):
        response = other.goto(f"{base}{path}")
        assert response.status == 403 and "You cannot see this page" in other.inner_text("h1"), path
    forged = other.request.post(f"{base}/casenotes/{note_id}/suggestions/{amara}/",
                                form={"csrfmiddlewaretoken": token, "decision": "confirm"})
    assert forged.status == 403
    page.goto(url)
    assert page.query_selector(f"#confirm-{amara}") is not None  # still to decide
    chair = page.context.browser.new_context().new_page()
    sign_in(chair, base, accounts["panel_chair"], "profiling")
    assert chair.goto(f"{base}/casenotes/{note_id}/").status == 403
