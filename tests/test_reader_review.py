"""Records a review found read without error but into a wrong sitting."""

from __future__ import annotations

import pytest

from quorum import RecordError, read_record

BASE = """Conseil de Communauté

Séance du jeudi 25 juin 2026

Membres du Conseil Communautaire en exercice : 6

Ordre de passage des rapports : 1, 2, 3, 4, 5

Étaient présents : **Besançon :** M. Hugo HENRIOT, Mme Alice AUDRAN, M. Bernard BAUD, \
**Beure :** M. Bruno LIND, Mme Anne FALGA

Étaient absents : **Pugey :** M. Frank LAIDIE

Procurations de vote : **Pugey :** M. Frank LAIDIE à M. Bruno LIND
"""


def tally_of(lines: str):  # type: ignore[no-untyped-def]
    sitting = read_record(BASE + "\nRapport n°2 - Budget\n\n" + lines)
    (deliberation,) = sitting.deliberations
    return deliberation


# -- 1. tally lines with extra text -------------------------------------------


def test_a_tally_with_the_names_counted() -> None:
    deliberation = tally_of("Pour : 4 voix\n\nContre : 2 (M. Bruno LIND, Mme Alice AUDRAN)\n\n"
                            "Abstention : 0\n")
    tally = deliberation.tally
    assert tally is not None
    assert (tally.pour, tally.contre, tally.abstention) == (4, 2, 0)


def test_a_tally_with_a_dash_and_a_name() -> None:
    tally = tally_of("Pour : 5\n\nContre : 1 - M. Bruno LIND\n").tally
    assert tally is not None and (tally.pour, tally.contre) == (5, 1)


def test_several_tallies_on_one_line_with_names() -> None:
    tally = tally_of("Pour : 117 voix, Contre : 1 (M. Bruno LIND), Abstention : 0\n").tally
    assert tally is not None and (tally.pour, tally.contre, tally.abstention) == (117, 1, 0)


def test_not_voting_names_go_to_the_deliberation() -> None:
    deliberation = tally_of("Pour : 5\n\nNe prend pas part au vote : 1 (M. Bernard BAUD)\n")
    assert deliberation.not_voting == ("Bernard BAUD",)
    assert deliberation.tally is not None and deliberation.tally.not_voting == 1


def test_french_number_words() -> None:
    tally = tally_of("Pour : cinq\n\nAbstention : une\n\nContre : néant\n").tally
    assert tally is not None and (tally.pour, tally.abstention, tally.contre) == (5, 1, 0)


@pytest.mark.parametrize("line", [
    "Contre : quelques-uns", "Contre : ", "Contre : 2 et 3", "Contre : 1,5",
    "Contre : 2 (M. Bruno LIND)",
])
def test_a_count_that_cannot_be_read_is_a_problem(line: str) -> None:
    text = BASE + "\nRapport n°2 - Budget\n\nPour : 4\n\n" + line + "\n"
    with pytest.raises(RecordError) as caught:
        read_record(text)
    assert caught.value.line == text.split("\n").index(line) + 1
