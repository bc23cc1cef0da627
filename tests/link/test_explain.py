from contextsafe.link import explain_pair


def test_a_nickname_link_is_explained_field_by_field(linked):
    _, result = linked
    explanation = explain_pair(result, ("social_care", "N1"), ("police", "N2"))
    fields = {c.field: c for c in explanation.contributions}
    assert explanation.compared and explanation.match_probability >= 0.95
    assert fields["first name"].level == "nickname or diminutive of the same name"
    assert fields["first name"].weight > 0
    assert fields["date of birth"].level == "same" and fields["date of birth"].weight > 5
    assert fields["school"].level == "not recorded in both" and fields["school"].weight == 0
    total = explanation.prior_weight + sum(c.weight for c in explanation.contributions)
    assert abs(total - explanation.match_weight) < 1e-6
    text = str(explanation)
    assert "first name: nickname or diminutive of the same name (+" in text
    assert "starting odds" in text


def test_a_transposed_date_of_birth_is_named(linked):
    _, result = linked
    explanation = result.explain(("police", "D2"), ("social_care", "D1"))
    fields = {c.field: c.level for c in explanation.contributions}
    assert fields["date of birth"] == "day and month transposed"


def test_every_linked_pair_carries_a_readable_explanation(linked):
    _, result = linked
    linked_pairs = result.pairs.filter(result.pairs["joins_person"] & result.pairs["match_weight"].is_not_null())
    assert linked_pairs.height > 100
    assert linked_pairs["explanation"].str.contains("surname").all()
    review = result.pairs.filter(result.pairs["status"] == "review")
    assert review["explanation"].is_not_null().all()


def test_a_pair_never_compared_says_so(linked):
    _, result = linked
    explanation = explain_pair(result, ("police", "K4"), ("police", "K5"))
    assert not explanation.compared
    assert "no scored link" in str(explanation)


def test_identical_copies_are_linked_with_a_stated_reason_not_a_score(linked):
    _, result = linked
    identical = result.pairs.filter(result.pairs["match_weight"].is_null())
    assert identical.height > 0 and identical["joins_person"].all()
    row = identical.row(0, named=True)
    explanation = explain_pair(result, (row["left_source"], row["left_record_id"]),
                               (row["right_source"], row["right_record_id"]))
    assert explanation.compared and explanation.match_probability == 1.0
    assert "identical in every compared field" in str(explanation) and "date of birth" in str(explanation)
