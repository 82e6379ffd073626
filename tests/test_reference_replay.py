"""The reference sitting (GBM, 25 June 2026) replayed at every question where something changes.

Figures derived by hand from the record: 96 listed present of whom 12 arrive
late (Laidie at 3; Bailly at 17; Caire, Darcq, Hannouni, Henry, Poulin,
Jaramago at 14; Chassagne, Croizier, Giniot at 16; Krieger at 33); 29
proxies, of which Caire, Darcq, Hannouni and Henry end at 13, Giniot at 15,
Bailly at 16 and Krieger at 32; Hasni ALEM's holder, Aline CHASSAGNE, only
arrives at 16, so that proxy is not exercised before.
"""

from __future__ import annotations

import pytest

import quorum
from quorum import ProxyStatus

EXPECTED = {
    # question: (present, represented, voters)
    "1": (84, 28, 112),
    "2": (84, 28, 112),
    "3": (85, 28, 113),
    "13": (85, 28, 113),
    "14": (91, 24, 115),
    "15": (91, 24, 115),
    "16": (94, 24, 118),
    "17": (95, 23, 118),
    "26": (95, 23, 118),
    "32": (95, 23, 118),
    "33": (96, 22, 118),
    "56": (96, 22, 118),
}


def test_reference_shape(reference: quorum.Sitting) -> None:
    assert reference.in_office == 122
    assert len(reference.members) == 122
    assert len(reference.agenda) == 56
    assert len(reference.proxies) == 29
    assert sum(1 for m in reference.members if m.substitute) == 3


@pytest.mark.parametrize(("question", "figures"), EXPECTED.items())
def test_reference_figures(reference: quorum.Sitting, question: str,
                           figures: tuple[int, int, int]) -> None:
    state = reference.at(question)
    assert (state.present, state.represented, state.voters) == figures
    assert state.present + state.absent == 122
    assert state.quorum == 62
    assert state.quorum_met


def test_question_26_as_the_contract_says(reference: quorum.Sitting) -> None:
    state = reference.at("26")
    assert (state.present, state.represented, state.voters) == (95, 23, 118)
    assert (state.quorum, state.quorum_met) == (62, True)
    assert state.interested == 1
    assert state.interested_members == ("Anne FALGA",)
    # Interested members do not count towards the quorum, nor cast a vote.
    assert state.quorum_count == 94
    assert state.castable == 117
    assert reference.at(26) == state


def test_holder_absent_until_16(reference: quorum.Sitting) -> None:
    for question in ("1", "15"):
        reasons = {use.proxy.giver: use.status for use in reference.at(question).not_exercised}
        assert reasons == {"Hasni ALEM": ProxyStatus.HOLDER_ABSENT}
    assert reference.at("16").not_exercised == ()


def test_proxies_end_at_their_last_question(reference: quorum.Sitting) -> None:
    exercised_13 = {p.giver for p in reference.at("13").exercised}
    exercised_14 = {p.giver for p in reference.at("14").exercised}
    assert exercised_13 - exercised_14 == {
        "Bruno CAIRE", "Clément DARCQ", "Leïla HANNOUNI", "Pierre-Charles HENRY"}
    assert "Jacques KRIEGER" in {p.giver for p in reference.at("32").exercised}
    assert "Jacques KRIEGER" not in {p.giver for p in reference.at("33").exercised}


def test_every_question_in_order(reference: quorum.Sitting) -> None:
    replayed = quorum.replay(reference)
    assert [s.question for s in replayed] == [str(n) for n in range(1, 57)]
    assert [s.position for s in replayed] == list(range(1, 57))
    for state in replayed:
        assert state.voters == state.present + state.represented


def test_explanations(reference: quorum.Sitting) -> None:
    assert reference.explain("Clément DARCQ", 5) == (
        "M. Clément DARCQ est absent à la question 5 et représenté par "
        "M. Ludovic FAGAUT (procuration, jusqu'à la question 13).")
    assert reference.explain("Laura GINIOT", "15").startswith(
        "Mme Laura GINIOT est absente à la question 15 et représentée par M. Jérémy JEANVOINE")
    assert "présente à la question 26, mais intéressée" in reference.explain("Anne FALGA", 26)
    assert "le mandataire est absent" in reference.explain("Hasni ALEM", 3)
    assert "n'a pas donné de procuration" in reference.explain("Romain VIENET", 3)
    assert reference.explain("Ludovic FAGAUT", 5) == (
        "M. Ludovic FAGAUT est présent à la question 5 et vote aussi pour "
        "M. Clément DARCQ (procuration).")
    darcq_14 = reference.explain("Clément DARCQ", 14)
    assert darcq_14 == "M. Clément DARCQ est présent à la question 14."
    assert "suppléante pour Morre" in reference.explain("Martine CARTIER", 1)


def test_explain_unknown_member(reference: quorum.Sitting) -> None:
    with pytest.raises(quorum.UnknownMemberError) as caught:
        reference.explain("Nobody HERE", 3)
    assert caught.value.member == "Nobody HERE"
    with pytest.raises(quorum.UnknownQuestionError):
        reference.at("57")
