"""Issue 9, item 6: elections and appointments (CGCT L2121-21, L2122-7, L5211-2).

Each check: a record that triggers its finding and a near-identical one that does not.
The records are invented: a council of nine, eight present, one represented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quorum
from quorum import ElectionRound
from quorum._audit_election import absolute_majority, round_winners

HEADER = """\
COMMUNE DE SAINT-AUBIN-DES-PRÉS

COMPTE RENDU DU CONSEIL MUNICIPAL
Séance du jeudi 12 mars 2026

Convocation adressée le 5 mars 2026.

Nombre de conseillers en exercice : 9

Étaient présents : Mme Odile RAMBERT, Maire, M. Paul VERNET, Mme Lise CHAUMONT, M. Hugo \
BRESSAC, Mme Inès TAVERNIER, M. Noël GRANDJEAN, Mme Clara MOUTIER, M. Yves DELORME.

Absents excusés :
M. Rémi FAUCHER donne pouvoir à Mme Odile RAMBERT

Secrétaire de séance : M. Yves DELORME

1. Approbation du procès-verbal de la séance du 5 février 2026
Adopté à l'unanimité (9 voix pour).

2. {title}
{body}
"""

TITLE = "Désignation d'un délégué au syndicat des eaux"
SECRET = "Il est procédé à l'élection au scrutin secret."
ELECTED_VERNET = "M. Paul VERNET, ayant obtenu la majorité absolue, est proclamé élu."


def record(tmp_path: Path, *lines: str, title: str = TITLE) -> quorum.Sitting:
    path = tmp_path / "releve.txt"
    path.write_text(HEADER.format(title=title, body="\n".join(lines)), encoding="utf-8")
    return quorum.read_record(path)


def election_codes(sitting: quorum.Sitting) -> list[str]:
    return [f.code for f in quorum.audit(sitting).findings if f.code.startswith("election-")]


def clean_lines(**changes: str) -> list[str]:
    lines = {
        "secret": SECRET,
        "counts": "Nombre de votants : 9 – Bulletins blancs ou nuls : 1 – "
                  "Suffrages exprimés : 8 – Majorité absolue : 5",
        "candidates": "M. Paul VERNET : 6 voix – Mme Lise CHAUMONT : 2 voix",
        "elected": ELECTED_VERNET,
    }
    lines.update(changes)
    return [line for line in lines.values() if line]


# -- reading ---------------------------------------------------------------------------


def test_the_corpus_example_reads_to_one_round(tmp_path: Path) -> None:
    sitting = record(tmp_path, *clean_lines())
    deliberation = sitting.deliberation("2")
    assert deliberation is not None
    assert deliberation.secret_ballot and deliberation.tally is None
    assert deliberation.rounds == (ElectionRound(
        number=1, voters=9, blank=1, cast=8, majority=5,
        candidates=(("M. Paul VERNET", 6), ("Mme Lise CHAUMONT", 2))),)
    assert deliberation.elected == "M. Paul VERNET" and not deliberation.elected_by_age
    # The election's counts are not the item's header counts, nor its tally.
    assert deliberation.header_counts is None
    assert election_codes(sitting) == []
    assert quorum.audit(sitting).exit_status == 0


CORPUS = Path("/work/shared/corpus/08-urgence-sanitaire.txt")


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not here")
def test_the_shared_corpus_election() -> None:
    deliberation = quorum.read_record(CORPUS).deliberation("3")
    assert deliberation is not None
    assert deliberation.rounds == (ElectionRound(
        number=1, voters=21, blank=1, cast=20, majority=11,
        candidates=(("M. Franck DIGONNET", 14), ("Mme Céline MARCOUX", 6))),)
    assert deliberation.elected == "M. Franck DIGONNET"


def test_an_election_survives_json(tmp_path: Path) -> None:
    sitting = record(tmp_path, *clean_lines())
    again = quorum.sitting_from_json(json.dumps(quorum.sitting_to_json(sitting)))
    assert again.deliberation("2") == sitting.deliberation("2")


def test_three_rounds_one_candidate_a_line_elected_by_age(tmp_path: Path) -> None:
    sitting = record(
        tmp_path, SECRET,
        "Premier tour :",
        "Nombre de votants : 9 – Bulletins blancs ou nuls : 1 – Suffrages exprimés : 8 – "
        "Majorité absolue : 5",
        "M. Paul VERNET : 4 voix",
        "Mme Lise CHAUMONT : 4 voix",
        "Second tour : Nombre de votants : 9 – Bulletins blancs ou nuls : 1 – "
        "Suffrages exprimés : 8 – Majorité absolue : 5",
        "M. Paul VERNET : 4 voix – Mme Lise CHAUMONT : 4 voix",
        "3e tour",
        "Nombre de votants : 9 – Suffrages exprimés : 8",
        "Bulletins blancs ou nuls : 1",
        "M. Paul VERNET : 4 voix – Mme Lise CHAUMONT : 4 voix",
        "Mme Lise CHAUMONT, plus âgée, est proclamée élue au bénéfice de l'âge.")
    deliberation = sitting.deliberation("2")
    assert deliberation is not None
    assert [r.number for r in deliberation.rounds] == [1, 2, 3]
    assert [len(r.candidates) for r in deliberation.rounds] == [2, 2, 2]
    assert deliberation.rounds[2].blank == 1 and deliberation.rounds[2].majority is None
    assert deliberation.elected == "Mme Lise CHAUMONT" and deliberation.elected_by_age
    assert election_codes(sitting) == []


def test_round_arithmetic() -> None:
    assert absolute_majority(8) == 5 and absolute_majority(9) == 5
    assert round_winners(ElectionRound(number=2, cast=8, candidates=(("A", 5), ("B", 3)))) \
        == ("A",)
    assert round_winners(ElectionRound(number=2, cast=8, candidates=(("A", 4), ("B", 3)))) == ()
    assert round_winners(ElectionRound(number=3, cast=8, candidates=(("A", 4), ("B", 3)))) \
        == ("A",)


# -- the secret ballot -----------------------------------------------------------------


def test_an_appointment_not_said_secret_is_a_warning(tmp_path: Path) -> None:
    assert election_codes(record(tmp_path, *clean_lines())) == []
    open_vote = record(tmp_path, *clean_lines(secret="Il est procédé à l'élection."))
    report = quorum.audit(open_vote)
    found = [f for f in report.findings if f.code == "election-not-secret"]
    assert [f.severity for f in found] == ["warning"] and "L2121-21" in found[0].message
    # Decided unanimously not to vote secretly: clean.
    unanimous = record(tmp_path, *clean_lines(
        secret="Le conseil décide à l'unanimité de ne pas procéder au scrutin secret."))
    assert election_codes(unanimous) == []


def test_the_mayor_election_not_secret_is_an_error(tmp_path: Path) -> None:
    title = "Élection d'un adjoint au maire"
    assert election_codes(record(tmp_path, *clean_lines(), title=title)) == []
    lines = clean_lines(secret="Le conseil décide à l'unanimité de ne pas procéder au "
                               "scrutin secret.")
    report = quorum.audit(record(tmp_path, *lines, title=title))
    found = [f for f in report.findings if f.code == "election-not-secret"]
    assert [f.severity for f in found] == ["error"] and "L2122-7" in found[0].message


# -- the figures -----------------------------------------------------------------------


def test_votes_cast_not_voters_less_blank(tmp_path: Path) -> None:
    bad = record(tmp_path, *clean_lines(
        counts="Nombre de votants : 9 – Bulletins blancs ou nuls : 2 – "
               "Suffrages exprimés : 8 – Majorité absolue : 5"))
    assert election_codes(bad) == ["election-figures-inconsistent"]


def test_candidates_votes_not_the_votes_cast(tmp_path: Path) -> None:
    bad = record(tmp_path, *clean_lines(
        candidates="M. Paul VERNET : 6 voix – Mme Lise CHAUMONT : 3 voix"))
    found = [f for f in quorum.audit(bad).findings if f.code.startswith("election-")]
    assert [f.code for f in found] == ["election-figures-inconsistent"]
    assert "font 9, pour 8" in found[0].message and found[0].line is not None


def test_absolute_majority_misprinted(tmp_path: Path) -> None:
    bad = record(tmp_path, *clean_lines(
        counts="Nombre de votants : 9 – Bulletins blancs ou nuls : 1 – "
               "Suffrages exprimés : 8 – Majorité absolue : 4"))
    assert election_codes(bad) == ["election-majority-misprinted"]


def test_more_voters_than_present_or_represented(tmp_path: Path) -> None:
    bad = record(tmp_path, *clean_lines(
        counts="Nombre de votants : 10 – Bulletins blancs ou nuls : 2 – "
               "Suffrages exprimés : 8 – Majorité absolue : 5"))
    assert election_codes(bad) == ["election-voters-exceed"]
    assert quorum.audit(bad).exit_status != 0


# -- the outcome -----------------------------------------------------------------------


def test_proclaimed_without_the_absolute_majority_at_round_one(tmp_path: Path) -> None:
    lines = clean_lines(candidates="M. Paul VERNET : 4 voix – Mme Lise CHAUMONT : 4 voix",
                        elected="")
    assert election_codes(record(tmp_path, *lines)) == []  # no one proclaimed: clean
    bad = record(tmp_path, *clean_lines(
        candidates="M. Paul VERNET : 4 voix – Mme Lise CHAUMONT : 4 voix"))
    assert election_codes(bad) == ["election-outcome-contradicted"]


def test_the_one_proclaimed_is_not_the_one_elected(tmp_path: Path) -> None:
    bad = record(tmp_path, *clean_lines(
        elected="Mme Lise CHAUMONT, ayant obtenu la majorité absolue, est proclamée élue."))
    report = quorum.audit(bad)
    assert election_codes(bad) == ["election-outcome-contradicted"]
    assert "Paul VERNET" in report.errors[0].message


def test_relative_majority_at_round_three(tmp_path: Path) -> None:
    third = ["Troisième tour", "Nombre de votants : 9 – Bulletins blancs ou nuls : 1 – "
             "Suffrages exprimés : 8"]
    clean = record(tmp_path, SECRET, *third,
                   "M. Paul VERNET : 4 voix – Mme Lise CHAUMONT : 3 voix – M. Hugo BRESSAC : "
                   "1 voix", "M. Paul VERNET est proclamé élu.")
    assert election_codes(clean) == []
    bad = record(tmp_path, SECRET, *third,
                 "M. Paul VERNET : 4 voix – Mme Lise CHAUMONT : 3 voix – M. Hugo BRESSAC : "
                 "1 voix", "Mme Lise CHAUMONT est proclamée élue au bénéfice de l'âge.")
    assert election_codes(bad) == ["election-outcome-contradicted"]


def test_a_tie_at_round_three_goes_to_either_of_the_tied(tmp_path: Path) -> None:
    lines = [SECRET, "3e tour : Nombre de votants : 9 – Bulletins blancs ou nuls : 1 – "
             "Suffrages exprimés : 8", "M. Paul VERNET : 4 voix – Mme Lise CHAUMONT : 4 voix"]
    assert election_codes(record(tmp_path, *lines, "Mme Lise CHAUMONT est proclamée élue "
                                 "au bénéfice de l'âge.")) == []
    bad = record(tmp_path, *lines, "M. Hugo BRESSAC est proclamé élu au bénéfice de l'âge.")
    assert election_codes(bad) == ["election-outcome-contradicted"]


def test_est_elu_outside_an_election_is_no_proclamation(tmp_path: Path) -> None:
    sitting = record(tmp_path, "Mme Lise CHAUMONT est élue secrétaire de séance.",
                     "Adopté à l'unanimité.", title="Désignation du secrétaire de séance")
    deliberation = sitting.deliberation("2")
    assert deliberation is not None and deliberation.elected is None
    assert election_codes(sitting) == []


def test_counts_of_an_appointment_voted_openly_stay_the_items(tmp_path: Path) -> None:
    # « Désignation » said, no round: « Votants : 9 » is the item's count, as before.
    sitting = record(tmp_path, "Désignation de M. Paul VERNET au syndicat des eaux.",
                     "Votants : 9", "Pour : 9 – Contre : 0 – Abstention : 0")
    deliberation = sitting.deliberation("2")
    assert deliberation is not None and deliberation.rounds == ()
    assert deliberation.header_counts is not None and deliberation.header_counts.voters == 9
    assert deliberation.tally is not None and deliberation.tally.pour == 9
