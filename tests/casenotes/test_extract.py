"""Reading case notes against the gazetteer: names with slips, first names in context, schools, places, themes."""

from __future__ import annotations

from contextsafe.casenotes import extract, find_themes
from contextsafe.casenotes.names import school_short_names, stop_places


def _found(text, gazetteer, **kwargs):  # noqa: ANN001, ANN003, ANN202
    return {(s.text, s.kind): s for s in extract(text, gazetteer, **kwargs)}


def test_gazetteer_holds_linked_people_with_nicknames_schools_and_places(gazetteer):  # noqa: ANN001
    assert gazetteer.persons["P-AMARA"].label == "Amara Jones"
    assert "mo" in gazetteer.persons["P-MO"].given  # nickname of Mohammed from the packaged table
    assert {e.entity_id for e in gazetteer.phrase("haverstock")} == {"school:100049", "ward:E05000136"}
    assert [e.entity_id for e in gazetteer.phrase("chalk farm station")] == ["station:chalk-farm"]
    assert [e.entity_id for e in gazetteer.phrase("wildwood rise")] == ["stop:wildwood-rise"]
    assert gazetteer.phrase("william ellis school")[0].kind == "school"  # the stop named after it is not a place


def test_full_names_match_with_a_misspelling_a_nickname_and_lower_case(gazetteer):  # noqa: ANN001
    found = _found("Seen with Amra Jones, Mo Rahman and ben okafor.", gazetteer)
    assert found[("Amra Jones", "person")].entity_id == "P-AMARA"
    assert found[("Amra Jones", "person")].score < 100
    assert found[("Mo Rahman", "person")].entity_id == "P-MO"
    assert found[("ben okafor", "person")].entity_id == "P-BEN"


def test_a_first_name_alone_resolves_only_with_context(gazetteer):  # noqa: ANN001
    text = "Amara said she spends time with Jayden after school."
    # About Amara: Jayden Okoro was in the same police event, so he is a known peer.
    about_amara = _found(text, gazetteer, subject="P-AMARA")
    assert about_amara[("Amara", "person")].entity_id == "P-AMARA"
    assert about_amara[("Jayden", "person")].entity_id == "P-JAY2"
    # About Ben: no Jayden is known to him, two Jaydens are linked: ambiguous, with both as candidates.
    about_ben = _found(text, gazetteer, subject="P-BEN")
    jayden = about_ben[("Jayden", "person")]
    assert jayden.entity_id is None and jayden.ambiguous
    assert {c[0] for c in jayden.candidates} == {"P-JAY1", "P-JAY2"}


def test_a_first_name_resolves_to_someone_named_in_full_in_the_same_note(gazetteer):  # noqa: ANN001
    found = _found("Ben met Jayden Campbell. Later Jayden left.", gazetteer, subject="P-BEN")
    assert found[("Jayden", "person")].entity_id == "P-JAY1"
    assert found[("Jayden", "person")].reason == "named in full in this note"


def test_a_lower_case_word_that_is_a_surname_is_not_a_name(gazetteer):  # noqa: ANN001
    found = _found("Chloe Young was discussed as a young person at risk.", gazetteer, subject="P-CHLOE")
    assert found[("Chloe Young", "person")].entity_id == "P-CHLOE"
    assert ("young", "person") not in found


def test_schools_by_full_and_short_names_and_a_short_name_that_is_also_a_ward(gazetteer):  # noqa: ANN001
    found = _found("She attends Haverstock. Excluded from RHS. Seen on the Haverstock estate.", gazetteer)
    assert found[("RHS", "school")].entity_id == "school:100051"
    assert [s.entity_id for s in extract("She attends Haverstock.", gazetteer)] == ["school:100049"]
    estate = [s for s in extract("Seen on the Haverstock estate.", gazetteer) if s.kind != "theme"]
    assert [(s.kind, s.entity_id) for s in estate] == [("place", "ward:E05000136")]


def test_places_stops_stations_wards_and_a_slip(gazetteer):  # noqa: ANN001
    text = ("Seen at the bus stop on Kentish Town Raod, then Chalk Farm station, then around Gospel Oak and "
            "Primrose Hill.")
    found = {s.text: s.entity_id for s in extract(text, gazetteer) if s.kind == "place"}
    assert found == {"Kentish Town Raod": "stop:kentish-town-road", "Chalk Farm station": "station:chalk-farm",
                     "Gospel Oak": "ward:E05000134", "Primrose Hill": "ward:E05000130"}


def test_every_suggestion_carries_its_span_and_evidence(gazetteer):  # noqa: ANN001
    text = "Home visit.\nAmara Jones was seen at Chalk Farm station with a knife."
    for s in extract(text, gazetteer):
        assert text[s.start:s.end] == s.text
        assert s.text in s.evidence and "\n" not in s.evidence


def test_themes_with_cues_and_negations():
    text = ("She uses Snapchat to message older boys. There is no indication that he has carried a knife. "
            "Mum is struggling to safeguard. No protective factors were identified. "
            "He has a positive relationship with his youth worker. Sexist comments about girls in the group.")
    themes = [(h.theme, text[h.start:h.end]) for h in find_themes(text)]
    assert themes == [("technology", "Snapchat"), ("capacity_to_safeguard", "struggling to safeguard"),
                      ("protective_factors", "positive relationship"), ("harmful_gender_norms", "Sexist")]
    negated = {h.theme for h in find_themes(text, keep_negated=True) if h.negated}
    assert negated == {"weapons", "protective_factors"}


def test_names_of_places_and_schools():
    assert stop_places("HIGH HOLBORN / CHANCERY LANE STATION <>") == [
        ("stop", "High Holborn", "stop:high-holborn"), ("station", "Chancery Lane", "station:chancery-lane")]
    assert stop_places("WEST HAMPSTEAD POLICE STATION") == [
        ("stop", "West Hampstead Police Station", "stop:west-hampstead-police-station")]
    assert school_short_names("Haverstock School") == ["Haverstock"]
    assert school_short_names("The Camden School for Girls") == ["Camden School for Girls", "CSG"]
    assert "University" not in school_short_names("University College School")
