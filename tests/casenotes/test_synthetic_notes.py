"""Synthetic case notes: deterministic by seed, every mention's span is its text, varied noise and themes."""

from __future__ import annotations

import pytest

from contextsafe.synth.borough import build_world
from contextsafe.synth.case_notes import THEMES, generate_case_notes, read_case_notes, write_case_notes


@pytest.fixture(scope="module")
def world():  # noqa: ANN201
    return build_world("camden", 400, 5)


def test_same_seed_same_notes_and_another_seed_other_notes(world, tmp_path):  # noqa: ANN001
    first = write_case_notes(world, tmp_path / "a", 5)
    again = write_case_notes(world, tmp_path / "b", 5)
    other = write_case_notes(world, tmp_path / "c", 6)
    for key in ("case_notes", "case_note_mentions"):
        assert first[key].read_bytes() == again[key].read_bytes()
        assert first[key].read_bytes() != other[key].read_bytes()
    assert read_case_notes(first["case_notes"])[0]["note_id"] == "N000001"


def test_every_mention_is_its_span_of_the_note(world):  # noqa: ANN001
    notes = generate_case_notes(world, 5)
    assert len(notes) >= 30
    for note in notes:
        for m in note.mentions:
            assert note.text[m.start:m.end] == m.surface and m.surface.strip() == m.surface


def test_notes_carry_the_noise_and_the_kinds_of_mention_real_notes_have(world):  # noqa: ANN001
    notes = generate_case_notes(world, 5)
    mentions = [m for n in notes for m in n.mentions]
    kinds = {m.kind for m in mentions}
    assert kinds == {"person", "school", "place", "peer_group", "theme"}
    assert {m.entity_id for m in mentions if m.kind == "theme"} == set(THEMES)
    people = [m for m in mentions if m.kind == "person"]
    assert any(" " not in m.surface for m in people)  # first name alone
    assert any(m.surface.islower() for m in people)  # lower case
    pop = world.pop
    index = {pid: i for i, pid in enumerate(pop.person_id)}
    full = {f"{pop.given[index[m.entity_id]]} {pop.family[index[m.entity_id]]}" for m in people}
    assert any(" " in m.surface and m.surface not in full and not m.surface.islower() for m in people)  # slips
    schools = dict(zip([f"school:{u}" for u in world.geo.schools["urn"]], world.geo.schools["name"], strict=True))
    assert any(m.surface != schools[m.entity_id] for m in mentions if m.kind == "school")  # short names
    places = {m.entity_id.split(":")[0] for m in mentions if m.kind == "place"}
    assert places == {"stop", "station", "ward"}
    subjects = {n.person_id for n in notes}
    assert all(any(m.entity_id == n.person_id for m in n.mentions) for n in notes)
    assert len(subjects) < len(notes)  # some young people have several notes


def test_negated_theme_statements_are_not_mentions(world):  # noqa: ANN001
    notes = generate_case_notes(world, 5)
    negated = [n for n in notes if "no indication that" in n.text or "No concerns about social media" in n.text]
    assert negated
    for note in negated:
        at = note.text.find("no indication that") if "no indication that" in note.text else \
            note.text.find("No concerns about social media")
        assert not any(m.kind == "theme" and m.start <= at + 40 <= m.end for m in note.mentions)
