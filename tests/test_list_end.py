"""Where a list ends when no blank line follows it (issue 8).

A PDF conversion often drops the blank line after the lists, so the line after
the last name may be prose, an item of the sitting or a tally.  Such a line ends
the list; it is never read as members.  Names, headings in capitals and row
numbers on the next line still continue it.
"""

from __future__ import annotations

import pytest

import quorum

RECORD = """COMMUNE DE LA FERTÉ-SUR-OLT
Séance du 9 septembre 2020
Nombre de membres en exercice : {in_office}
Étaient présents : Alain ROGER, Nadine COLIN, Gilles BRUNET
Absent : Michel ANDRE
{line}
Délibération n° 1 : Vente d'un terrain
Pour : {votes}
"""


@pytest.mark.parametrize("line", [
    "Le quorum étant atteint, le conseil peut valablement délibérer.",
    "Monsieur le Maire ouvre la séance.",
    "Approbation du procès-verbal de la séance précédente",
    "Quorum atteint.",
    "Après appel nominal, le quorum est constaté.",
    "La séance est ouverte à 20 h 30.",
    "Pour 2, Contre 0",
    "Mme Nadine COLIN est désignée secrétaire de séance.",
])
def test_a_line_that_is_not_names_ends_the_list(line: str) -> None:
    sitting = quorum.read_record(RECORD.format(in_office=4, line=line, votes=3))
    assert [m.name for m in sitting.members] == [
        "Alain ROGER", "Nadine COLIN", "Gilles BRUNET", "Michel ANDRE"]
    assert quorum.audit(sitting).exit_status == 0


@pytest.mark.parametrize("line, name", [
    ("Mme Anne VIDAL", "Anne VIDAL"),
    ("Marie de LA MOTTE", "Marie de LA MOTTE"),
    ("LE GALL Yann", "LE GALL Yann"),
    ("Paul DURAND et Jeanne PIC", "Jeanne PIC"),
])
def test_a_line_of_names_continues_the_list(line: str, name: str) -> None:
    in_office = 6 if " et " in line else 5
    sitting = quorum.read_record(RECORD.format(in_office=in_office, line=line, votes=3))
    assert name in [m.name for m in sitting.members]
    assert sitting.at("1").present == 3  # more of the list of those absent
    assert "members-count-mismatch" not in quorum.audit(sitting).codes
