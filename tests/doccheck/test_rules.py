"""Each rule of the shipped rules against a positive and a hard negative passage (named after the rule),
and the validation of edited rules (every problem reported together)."""

from __future__ import annotations

import pytest

from contextsafe.doccheck import RulesError, check, default_text, from_text, load_rules


def fired(text: str, rule: str) -> list:
    return check([from_text("doc.txt", text)]).fired(rule)


def test_lang_lifestyle():
    rule = load_rules().rule("LANG-LIFESTYLE")
    [finding] = fired("Young women who go missing are putting themselves at risk of harm.", rule.id)
    assert finding.title == rule.title and finding.wording == "putting themselves at risk"
    assert "lifestyle choices was still present" in finding.rationale
    assert not fired("We reject the language of lifestyle choice: exploitation is never a lifestyle choice.", rule.id)
    assert not fired("Pupils learn to make healthy lifestyle choices about diet and exercise.", rule.id)


def test_lang_consent():
    assert fired("The relationship between the 14-year-old and the adult appeared consensual.", "LANG-CONSENT")
    assert not fired("A child cannot consent to their own abuse; apparently consensual relationships must be "
                     "explored for grooming.", "LANG-CONSENT")
    assert not fired("Information will be shared with the young person's consent.", "LANG-CONSENT")


def test_lang_adult_perpetrator():
    assert fired("Where the perpetrator is a 16 or 17 year old partner, the police will prosecute.",
                 "LANG-ADULT-PERPETRATOR")
    assert not fired("Perpetrators of abuse against adult partners attend the probation programme.",
                     "LANG-ADULT-PERPETRATOR")  # not about young people
    assert not fired("Adult offenders who exploit children will be prosecuted.", "LANG-ADULT-PERPETRATOR")
    assert not fired("A young perpetrator may also be a victim of violence.", "LANG-ADULT-PERPETRATOR")


def test_lang_gang_no_grooming():
    assert fired("Pupils who are gang-affiliated should be placed on managed moves.", "LANG-GANG-NO-GROOMING")
    assert not fired("Young people identified as gang members are often groomed by older peers.",
                     "LANG-GANG-NO-GROOMING")
    assert not fired("The gangs panel meets monthly.", "LANG-GANG-NO-GROOMING")


def test_da_16_17_section():
    without = "# Domestic Abuse Policy\nVictims at high risk go to the MARAC.\n# Referral\nRefer to the MARAC."
    with_section = without + "\n# Young people aged 16 and 17\nTeenage relationship abuse is a safeguarding matter."
    [finding] = fired(without, "DA-16-17-SECTION")
    assert "no heading" in finding.detail and "16 and 17 year olds" in finding.rationale
    assert not fired(with_section, "DA-16-17-SECTION")
    assert not fired("# CSE Strategy\nExploitation is abuse.", "DA-16-17-SECTION")  # not a domestic abuse document


def test_xref_cse_hsb():
    [finding] = fired("# CSE Strategy\nChild sexual exploitation is abuse. The CSE panel meets.", "XREF-CSE-HSB")
    assert "never mentions Harmful sexual behaviour or Peer-on-peer abuse" in finding.detail
    assert not fired("# CSE Strategy\nWhere a peer exploits a peer follow the harmful sexual behaviour procedure.",
                     "XREF-CSE-HSB")


def test_xref_gangs_cse():
    assert fired("# Gangs Procedure\nGang-associated young people go to the gangs panel.", "XREF-GANGS-CSE")
    assert not fired("# Gangs Procedure\nYoung people affected by gangs may be sexually exploited.", "XREF-GANGS-CSE")


def test_xref_da_peer():
    assert fired("# Domestic Abuse Policy\nTeenage relationship abuse goes to the advocate.", "XREF-DA-PEER")
    assert not fired("# Domestic Abuse Policy\nRelationship abuse between young people is peer-on-peer abuse.",
                     "XREF-DA-PEER")


def test_set_referral_routes():
    cse = from_text("cse.txt", "# CSE protocol\nConcerns should be referred to the CSE coordinator.")
    gangs = from_text("gangs.txt", "# Gangs procedure\nConcerns should be referred to the police gangs unit.")
    shared = from_text("hsb.txt", "# HSB procedure\nRefer to the MASH. The CSE coordinator is told of referrals.")
    [finding] = check([cse, gangs]).fired("SET-REFERRAL-ROUTES")
    assert finding.documents == ("cse.txt", "gangs.txt")
    assert "CSE panel or coordinator" in finding.detail and "Police" in finding.detail
    assert [f.documents for f in check([cse, shared]).fired("SET-REFERRAL-ROUTES")] == []


def test_every_rule_has_a_test_here():
    names = {n for n in globals() if n.startswith("test_")}
    assert {f"test_{r.id.lower().replace('-', '_')}" for r in load_rules().rules} <= names


def test_edited_rules_report_every_problem_together():
    broken = default_text().replace("severity: high", "severity: urgent", 1).replace(
        "'lifestyle\\s+choices?'", "'lifestyle(choices'", 1).replace("when_covers: [cse]", "when_covers: [cse_x]", 1)
    with pytest.raises(RulesError) as raised:
        load_rules(broken)
    problems = "\n".join(raised.value.problems)
    assert "severity must be one of" in problems
    assert "not a valid regular expression" in problems
    assert "unknown silo 'cse_x'" in problems


def test_edited_rules_take_effect():
    first = "'lifestyle\\s+choices?'"
    edited = default_text().replace(first, first + "\n      - '\\broad life'", 1)
    text = "Young people have embraced road life."
    assert not check([from_text("a.txt", text)]).fired("LANG-LIFESTYLE")
    assert check([from_text("a.txt", text)], load_rules(edited)).fired("LANG-LIFESTYLE")


def test_not_yaml_is_refused():
    with pytest.raises(RulesError, match="not valid YAML"):
        load_rules("rules: [unclosed")
    with pytest.raises(RulesError, match="five questions"):
        load_rules(default_text().replace("  - id: e\n", "  - id: d\n", 1))


def test_set_consent_language():
    cse = from_text("cse.txt", "# CSE strategy\nA child cannot consent to their own exploitation.")
    gangs = from_text("gangs.txt", "# Gangs strategy\nSome young people have made a lifestyle choice to join gangs.")
    careful = from_text("gangs.txt", "# Gangs strategy\nYoung people in gangs are often groomed and coerced.")
    [finding] = check([cse, gangs]).fired("SET-CONSENT-LANGUAGE")
    assert finding.documents == ("cse.txt", "gangs.txt") and "LANG-LIFESTYLE" in finding.detail
    assert [q.document for q in finding.quotes] == ["cse.txt", "gangs.txt"]
    assert not check([cse, careful]).fired("SET-CONSENT-LANGUAGE")
    assert not check([gangs]).fired("SET-CONSENT-LANGUAGE")  # nothing in the set takes the other position


def test_set_victim_perpetrator():
    hsb = from_text("hsb.txt", "# HSB procedure\nA young person who has harmed another may well also be a victim.")
    da = from_text("da.txt", "# DA policy\nWhere the perpetrator is a 16 or 17 year old partner the police prosecute.")
    [finding] = check([hsb, da]).fired("SET-VICTIM-PERPETRATOR")
    assert finding.documents == ("hsb.txt", "da.txt")
    assert "the victim/perpetrator overlap is recognised" in finding.rationale
    assert not check([da]).fired("SET-VICTIM-PERPETRATOR")
