"""Tallies and header counts as extracts of the register print them (issue 8).

Each phrasing is read into the item's published tally; a line that has the words
of a tally but no phrasing the reader knows is a ``tally-unread`` warning, never a
tally left unchecked in silence; a sentence that merely starts with « Pour » stays
prose.
"""

from __future__ import annotations

import pytest

import quorum

HEADER = """COMMUNE DE VILLIERS-LE-BOIS
Séance du 9 septembre 2020
Nombre de membres afférents au Conseil municipal : 11
Nombre de membres en exercice : 11
Nombre de membres qui ont pris part à la délibération : {voters}
Étaient présents : Alain ROGER, Nadine COLIN, Gilles BRUNET, Sylvie MERCIER,
Denis FONTAINE, Chantal BOYER, Patrick LUCAS, Hélène GIRARD
Absents excusés : Thierry BONNET (pouvoir à Alain ROGER), Karine DUMAS
Absent : Michel ANDRE
1. Vente d'un terrain communal
"""


def _read(tally: str, voters: int = 9) -> quorum.Sitting:
    return quorum.read_record(HEADER.format(voters=voters) + tally + "\n")


@pytest.mark.parametrize("line", [
    "Pour 8, Contre 1, Abstentions 0",
    "Pour = 8 Contre = 1 Abstention = 0",
    "Votes : Pour = 8 – Contre = 1 – Abstention = 0",
    "Vote à main levée : 8 pour, 1 contre",
    "Vote : 8 pour – 1 contre – 0 abstention",
    "8 pour et 1 contre",
    "Pour 8 et contre 1 abstention 0",
    "Voix pour : 8 ; voix contre : 1 ; abstention : 0",
    "POUR : 8 - CONTRE : 1 - ABSTENTION : 0",
    "Adopté par 8 voix pour, 1 voix contre",
])
def test_tally_phrasings(line: str) -> None:
    sitting = _read(line)
    deliberation = sitting.deliberation("1")
    assert deliberation is not None and deliberation.tally is not None
    tally = deliberation.tally
    assert (tally.pour, tally.contre, tally.abstention or 0) == (8, 1, 0)
    report = quorum.audit(sitting)
    assert report.exit_status == 0
    assert not report.with_code("tally-unread")


@pytest.mark.parametrize("line", ["Pour huit voix, contre 1", "Vote : pour 8 contre une"])
def test_tally_words_not_read_are_said(line: str) -> None:
    sitting = _read(line)
    deliberation = sitting.deliberation("1")
    assert deliberation is None or deliberation.tally is None
    findings = quorum.audit(sitting).with_code("tally-unread")
    assert [(f.severity, f.question, f.line) for f in findings] == [("warning", "1", 11)]
    assert line.split(",")[0] in findings[0].message


def test_a_sentence_starting_with_pour_stays_prose() -> None:
    sitting = _read("Pour 2026, la commune prévoit 3 ventes.")
    deliberation = sitting.deliberation("1")
    assert deliberation is None or deliberation.tally is None
    assert set(quorum.audit(sitting).codes).isdisjoint({"tally-unread", "tally-inconsistent"})


def test_voters_printed_as_those_who_took_part() -> None:
    assert _read("Pour 8, Contre 1").header_counts.voters == 9  # type: ignore[union-attr]
    report = quorum.audit(_read("Pour 8, Contre 1", voters=10))
    assert [f.code for f in report.errors] == ["header-count-mismatch"]


def test_seats_are_not_members_in_office() -> None:
    text = HEADER.format(voters=9).replace("Nombre de membres en exercice : 11\n", "")
    text = text.replace("Conseil municipal : 11", "Conseil municipal : 15")
    sitting = quorum.read_record(text + "Pour 8, Contre 1\n")
    assert sitting.in_office == 11  # from the lists, said by a warning
    assert quorum.audit(sitting).with_code("in-office-from-lists")


LEAVES = """COMMUNE DE BOIS-LE-ROI
CONSEIL MUNICIPAL
Séance du 12/03/2019
Nombre de conseillers en exercice : 9
Nombre de présents : 5 - Nombre de votants : 7
Présents : Mesdames Sylvie CARON, Julie MARCHAND, Messieurs Paul LEROY, Marc FAURE,
Yves GAUTIER, Luc PERRIN
Absents représentés : M. Henri MASSON par M. Paul LEROY, Mme Claire VASSEUR par Mme Sylvie CARON
Absent : M. Noël BARBIER
Le quorum est atteint (6 présents).

Délibération n° 2019-05 : Budget primitif
M. Yves GAUTIER quitte la séance et ne prend pas part au vote.
Pour : {pour} ; Contre : 0 ; Abstention : 0
"""


def test_a_member_who_leaves_and_takes_no_part_has_no_vote_in_the_total() -> None:
    sitting = quorum.read_record(LEAVES.format(pour=7))
    assert sitting.body == "COMMUNE DE BOIS-LE-ROI"  # not « CONSEIL MUNICIPAL » alone
    deliberation = sitting.deliberation("2019-05")
    assert deliberation is not None and deliberation.not_voting == ("Yves GAUTIER",)
    state = sitting.at("2019-05")
    assert (state.present, state.represented) == (5, 2)
    report = quorum.audit(sitting)
    assert report.exit_status == 0, [f.message for f in report.errors]
    assert not report.with_code("name-reconciled")  # « Messieurs » is M., not Mme
    assert quorum.audit(quorum.read_record(LEAVES.format(pour=8))).with_code(
        "tally-inconsistent")


def test_a_member_present_who_takes_no_part_is_counted_apart() -> None:
    text = LEAVES.replace("M. Yves GAUTIER quitte la séance et ne prend pas part au vote.",
                          "M. Yves GAUTIER ne prend pas part au vote.").replace(
        "présents : 5 - Nombre de votants : 7", "présents : 6 - Nombre de votants : 8")
    sitting = quorum.read_record(text.format(pour=7))
    assert sitting.at("2019-05").present == 6
    assert quorum.audit(sitting).exit_status == 0  # 7 pour + 1 apart = 6 + 2
