import polars as pl
import pytest

from conftest import person_of
from contextsafe.link import LinkSettings


def test_every_record_gets_exactly_one_person(linked):
    records, result = linked
    assert result.person_records.columns == ["source", "record_id", "person_id", "match_probability"]
    assert result.person_records.height == records.height
    assert result.person_records.select("source", "record_id").is_unique().all()


def test_five_records_two_of_them_the_same_person(linked):
    _, result = linked
    people = {person_of(result, s, r) for s, r in
              [("police", "K1"), ("social_care", "K2"), ("social_care", "K3"), ("police", "K4"), ("police", "K5")]}
    assert len(people) == 4
    assert person_of(result, "police", "K1") == person_of(result, "social_care", "K2")


@pytest.mark.parametrize("left, right", [
    (("social_care", "N1"), ("police", "N2")),  # William ~ Billy
    (("social_care", "D1"), ("police", "D2")),  # 07/04 ~ 04/07
    (("social_care", "S1"), ("police", "S2")),  # Kofi Lawson ~ Lawson Kofi
    (("social_care", "H1"), ("police", "H2")),  # Parker-Dunn ~ Dunn
    (("social_care", "T1"), ("police", "T3")),  # a twin with herself in another agency
])
def test_variant_pairs_are_linked(linked, left, right):
    _, result = linked
    assert person_of(result, *left) == person_of(result, *right)


def test_twins_are_never_merged(linked):
    _, result = linked
    amara = {person_of(result, "social_care", "T1"), person_of(result, "police", "T3")}
    chidi = {person_of(result, "social_care", "T2"), person_of(result, "police", "T4")}
    assert len(amara) == 1 and len(chidi) == 1 and amara != chidi


def test_background_population_is_linked_accurately(linked):
    records, result = linked
    truth = records.select("source", "record_id", "person")
    joined = result.person_records.join(truth, on=["source", "record_id"])

    def pairs(key):
        d = joined.select(pl.concat_str(["source", "record_id"], separator="|").alias("u"), key)
        j = d.join(d, on=key).filter(pl.col("u") < pl.col("u_right"))
        return set(zip(j["u"], j["u_right"], strict=True))

    predicted, true = pairs("person_id"), pairs("person")
    precision = len(predicted & true) / len(predicted)
    recall = len(predicted & true) / len(true)
    assert precision >= 0.99 and recall >= 0.95


def test_settings_refuse_a_review_band_above_the_link_threshold():
    with pytest.raises(ValueError, match="review_from"):
        LinkSettings(link_threshold=0.9, review_from=0.95)
