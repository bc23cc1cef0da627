"""The leak check refuses a partner version holding a name, date of birth, postcode, record
identifier or small count — one test each — and says which kind, never the value."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from contextsafe.profile import RedactionLeakError, check_output, secrets_from

RECORDS = pl.DataFrame({
    "given_name": ["Zainab", "Tomasz"], "family_name": ["Okonkwo-Reid", "Wiśniewski"], "other_names": [None, None],
    "date_of_birth": [dt.date(2004, 3, 17), dt.date(2005, 11, 2)], "postcode": ["NW5 1TL", "nw1 8ab"],
    "address": [None, None], "record_id": ["CSC-000123", "MASE/0042"], "latitude": [51.55012, None],
    "longitude": [-0.14021, None],
})
EVENTS = pl.DataFrame({"event_id": ["EV-99881"], "postcode": ["WC1H 9AB"], "latitude": [51.52591],
                       "longitude": [-0.12803]})
CLEAN = "<p>PG1 (12): HA01, HA02. 14-15 age band. Kentish Town ward, hexagon 8a194ad321a7fff.</p>"


@pytest.fixture(scope="module")
def secrets():
    return secrets_from(RECORDS, EVENTS, public=["Kentish Town"])


def refused(secrets, text: str = CLEAN, tables=None) -> RedactionLeakError:
    with pytest.raises(RedactionLeakError) as caught:
        check_output(secrets, {"profile_redacted.html": text}, tables or {}, 5)
    return caught.value


def test_clean_output_passes(secrets):
    check_output(secrets, {"profile_redacted.html": CLEAN},
                 {"schools": (pl.DataFrame({"persons": ["[c]", "0", "12"]}), ("persons",))}, 5)


def test_refuses_a_planted_name(secrets):
    error = refused(secrets, CLEAN + "<td>Okonkwo-Reid</td>")
    assert error.kind == "name" and error.where == "profile_redacted.html"
    assert "Okonkwo" not in str(error)


def test_refuses_a_full_name_even_when_each_word_is_public():
    public = secrets_from(RECORDS, EVENTS, public=["Zainab Park", "Okonkwo-Reid Road"])
    assert refused(public, CLEAN + " Zainab Okonkwo-Reid").kind == "name"


@pytest.mark.parametrize("written", ["17/03/2004", "2004-03-17", "17 March 2004", "17-03-2004"])
def test_refuses_a_planted_date_of_birth(secrets, written):
    error = refused(secrets, CLEAN + f" born {written}")
    assert error.kind == "date of birth" and written not in str(error)


def test_refuses_a_planted_postcode(secrets):
    error = refused(secrets, CLEAN + " NW1 8AB")
    assert error.kind == "postcode" and "8AB" not in str(error)


def test_refuses_a_planted_record_identifier(secrets):
    error = refused(secrets, CLEAN + " (mase_list/MASE/0042)")
    assert error.kind == "record identifier" and "0042" not in str(error)


def test_refuses_an_exact_location(secrets):
    assert refused(secrets, CLEAN + ' "coordinates": [-0.14021, 51.55012]').kind == "exact location"


def test_refuses_a_small_count_in_a_table(secrets):
    table = pl.DataFrame({"school": ["A", "B"], "persons": ["12", "3"]})
    error = refused(secrets, tables={"schools": (table, ("persons",))})
    assert error.kind == "small count" and "schools" in error.where and error.how_many == 1


def test_refuses_personal_data_inside_a_table_cell(secrets):
    table = pl.DataFrame({"group": ["PG1"], "note": ["seen with Tomasz"]})
    assert refused(secrets, tables={"peer_group_members": (table, ())}).kind == "name"


def test_refuses_a_small_count_written_in_a_sentence(secrets):
    error = refused(secrets, CLEAN + "<p>Two peer groups draw their members (3 young people) from one school.</p>")
    assert error.kind == "small count" and "sentence" in error.where


def test_refuses_an_exact_address():
    records = RECORDS.with_columns(pl.Series("address", ["Flat 3, 12 Lyme Street", None]))
    secrets = secrets_from(records, EVENTS)
    assert refused(secrets, CLEAN + "<td>flat 3, 12 lyme street</td>").kind == "address"


def test_markup_is_not_a_name():
    # a young person called "Li Li" must not make every list in the report a leak
    records = RECORDS.with_columns(pl.Series("given_name", ["Li", "Tomasz"]), pl.Series("family_name", ["Li", "W"]))
    check_output(secrets_from(records, EVENTS), {"profile_redacted.html": "<ul><li>PG1</li><li>PG2</li></ul>"},
                 {}, 5)
    with pytest.raises(RedactionLeakError):
        check_output(secrets_from(records, EVENTS), {"p.html": "<ul><li>seen with Li Li</li></ul>"}, {}, 5)
