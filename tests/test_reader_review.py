"""Records a review found read without error but into a wrong sitting."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import quorum
from quorum import AmbiguousNameError, RecordError, Sitting, Window, read_record

BASE = """Conseil de Communauté

Séance du jeudi 25 juin 2026

Membres du Conseil Communautaire en exercice : 7

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


# -- 2. departures read as arrivals ------------------------------------------


def windows(sitting: Sitting, name: str) -> tuple[Window, ...]:
    (entry,) = [a for a in sitting.attendance if a.member == name]
    return entry.windows


def with_baud(annotation: str) -> Sitting:
    return read_record(BASE.replace("M. Bernard BAUD,", f"M. Bernard BAUD {annotation},"))


@pytest.mark.parametrize("annotation", [
    "(parti à partir de la question 4)", "(partie à compter de la question 4)",
    "(parti à partir du point n° 4)", "(jusqu'à la question 4 exclue)",
    "(jusqu'à la question n°4 non incluse)",
])
def test_departures_are_not_arrivals(annotation: str) -> None:
    sitting = with_baud(annotation)
    assert windows(sitting, "Bernard BAUD") == (Window(end="3"),)
    assert sitting.at("3").present == 5 and sitting.at("4").present == 4


def test_excluded_end_follows_the_order_of_passage() -> None:
    text = BASE.replace("1, 2, 3, 4, 5", "1, 3, 2, 4, 5").replace(
        "M. Bernard BAUD,", "M. Bernard BAUD (jusqu'à la question 2 exclue),")
    assert windows(read_record(text), "Bernard BAUD") == (Window(end="3"),)


def test_excluded_end_at_the_first_question_is_a_problem() -> None:
    with pytest.raises(RecordError, match="part avant la première question"):
        with_baud("(jusqu'à la question 1 exclue)")


@pytest.mark.parametrize("annotation", [
    "(présent des questions 2 à 4)", "(de la question 2 à la question 4)",
    "(présent du point n° 2 au point n° 4)", "(présente de la question 2 à 4 incluse)",
])
def test_a_window_from_one_question_to_another(annotation: str) -> None:
    sitting = with_baud(annotation)
    assert windows(sitting, "Bernard BAUD") == (Window(start="2", end="4"),)


# -- 3. a departure with a proxy in the list of those present -----------------


@pytest.mark.parametrize("item", [
    "M. Bernard BAUD (départ à la question 4, pouvoir à M. Hugo HENRIOT),",
    "M. Bernard BAUD (départ à la question 4) a donné pouvoir à M. Hugo HENRIOT,",
    "M. Bernard BAUD (jusqu'à la question 3 incluse) a donné pouvoir à M. Hugo HENRIOT,",
])
def test_a_departure_with_a_proxy(item: str) -> None:
    sitting = read_record(BASE.replace("M. Bernard BAUD,", item))
    assert windows(sitting, "Bernard BAUD") == (Window(end="3"),)
    (proxy,) = [p for p in sitting.proxies if p.giver == "Bernard BAUD"]
    assert (proxy.holder, proxy.window) == ("Hugo HENRIOT", Window(start="4"))
    assert (sitting.at("3").present, sitting.at("3").represented) == (5, 1)
    assert (sitting.at("4").present, sitting.at("4").represented) == (4, 2)


def test_an_arrival_with_a_proxy_before_it() -> None:
    sitting = read_record(BASE.replace(
        "M. Bernard BAUD,", "M. Bernard BAUD (à compter de la question 3, pouvoir à M. Hugo "
        "HENRIOT),"))
    assert windows(sitting, "Bernard BAUD") == (Window(start="3"),)
    (proxy,) = [p for p in sitting.proxies if p.giver == "Bernard BAUD"]
    assert proxy.window == Window(end="2")


# -- 4. lines wrapped in the middle of an item ---------------------------------

EXAMPLE = Path(__file__).parent.parent / "examples" / "gbm-conseil-2026-06-25-rapport-26.txt"


def test_the_reference_record_with_its_lists_wrapped(reference: Sitting) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    lines: list[str] = []
    wrapped = 0
    for line in text.split("\n"):
        if len(line) > 80 and line.startswith(("Ordre de passage", "Étaient", "Procurations")):
            lines.extend(textwrap.wrap(line, 80, break_on_hyphens=False))
            wrapped += 1
        else:
            lines.append(line)
    assert wrapped == 4
    sitting = read_record("\n".join(lines))
    assert sitting == reference
    # What a reconciliation cites is where it is written, on its wrapped line.
    (huot,) = [r for r in sitting.origin.reconciliations if "HUOT" in r.written]
    assert lines[huot.line - 1][huot.column - 1:] == "Mme"  # « Emmanuelle HUOT-CUSENIER » below


def test_a_name_wrapped_between_first_name_and_surname() -> None:
    sitting = read_record(BASE.replace("M. Bernard BAUD,", "M. Bernard\nBAUD,"))
    assert "Bernard BAUD" in [m.name for m in sitting.members]
    assert windows(sitting, "Bernard BAUD") == (Window(),)


def test_an_annotation_wrapped_before_a_question_number() -> None:
    sitting = read_record(BASE.replace(
        "M. Bernard BAUD,", "M. Bernard BAUD (jusqu'à la\nquestion n°3 incluse),"))
    assert windows(sitting, "Bernard BAUD") == (Window(end="3"),)
    assert len(sitting.deliberations) == 0


def test_a_proxy_wrapped_before_its_holder() -> None:
    sitting = read_record(BASE.replace("M. Frank LAIDIE à M. Bruno LIND",
                                       "M. Frank LAIDIE à M.\nBruno LIND"))
    assert [(p.giver, p.holder) for p in sitting.proxies] == [("Frank LAIDIE", "Bruno LIND")]


def test_one_name_a_line_is_not_joined() -> None:
    text = BASE.replace("Étaient présents : **Besançon :** M. Hugo HENRIOT, Mme Alice AUDRAN, "
                        "M. Bernard BAUD, **Beure :** M. Bruno LIND, Mme Anne FALGA",
                        "Étaient présents :\nM. Hugo HENRIOT\nMme Alice AUDRAN\nM. Bernard BAUD"
                        "\nM. Bruno LIND\nMme Anne FALGA")
    assert len(read_record(text).members) == 6


def test_a_problem_on_a_joined_line_cites_the_line_as_written() -> None:
    text = BASE.replace("M. Bernard BAUD,", "M. Bernard BAUD (jusqu'à la\nquestion n°9 incluse),")
    with pytest.raises(RecordError, match="la question 9 n'est pas dans l'ordre") as caught:
        read_record(text)
    lines = text.split("\n")
    line = next(i for i, x in enumerate(lines, 1) if x.startswith("question n°9"))
    assert caught.value.problems[0].line in (line - 1, line)


# -- 5. a civility that points to another member ---------------------------------

MARTINS = BASE.replace("M. Bernard BAUD,", "M. Jean MARTIN, Mme Jeanne MARTIN,")


def test_a_civility_clash_between_two_members_is_ambiguous() -> None:
    text = MARTINS.replace("M. Frank LAIDIE à M. Bruno LIND", "M. Frank LAIDIE à Mme Jean MARTIN")
    with pytest.raises(AmbiguousNameError) as caught:
        read_record(text)
    assert set(caught.value.candidates) == {"Jean MARTIN", "Jeanne MARTIN"}
    assert (caught.value.line, caught.value.column) == (
        text.split("\n").index(next(x for x in text.split("\n") if "Mme Jean MARTIN" in x)) + 1,
        next(x for x in text.split("\n") if "Mme Jean MARTIN" in x).index("Mme Jean MARTIN") + 1)


def test_a_civility_clash_with_no_other_candidate_is_reconciled() -> None:
    text = BASE.replace("M. Frank LAIDIE à M. Bruno LIND", "M. Frank LAIDIE à Mme Bruno LIND")
    sitting = read_record(text)
    assert [p.holder for p in sitting.proxies] == ["Bruno LIND"]
    (clash,) = [r for r in sitting.origin.reconciliations
                if quorum.MatchReason.OTHER_CIVILITY in r.reasons]
    assert (clash.written_civility, clash.listed_civility) == ("Mme", "M.")
    (finding,) = [f for f in quorum.audit(sitting).findings if f.members == ("Bruno LIND",)
                  and f.code == "name-reconciled"]
    assert "civilité Mme ici, M. dans les listes" in finding.message


def test_the_right_civility_is_not_ambiguous() -> None:
    text = MARTINS.replace("M. Frank LAIDIE à M. Bruno LIND", "M. Frank LAIDIE à Mme Jeanne MARTIN")
    assert [p.holder for p in read_record(text).proxies] == ["Jeanne MARTIN"]


def test_not_voting_names_after_the_colon() -> None:
    deliberation = tally_of("Pour : 5\n\nNe prend pas part au vote : M. Bernard BAUD\n")
    assert deliberation.not_voting == ("Bernard BAUD",)
