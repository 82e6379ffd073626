"""Reading errors: every problem in one pass, each with its file, line, column and a caret."""

from __future__ import annotations

import pytest

import quorum
from quorum import AmbiguousNameError, RecordError, read_record

BASE = """Conseil de Communauté

Séance du jeudi 25 juin 2026

Membres du Conseil Communautaire en exercice : 6

Ordre de passage des rapports : 1, 2, 3

Étaient présents : **Besançon :** M. Guillaume BAILLY, Mme Anne BIHR, Mme Anne BEHR, \
**Champvans-Les-Moulins :** M. Florent BAILLY

Étaient absents : **Besançon :** M. Hasni ALEM, **Pugey :** M. Frank LAIDIE

Procurations de vote : **Besançon :** M. Hasni ALEM à Mme Anne BIHR, \
**Pugey :** M. Frank LAIDIE à M. Florent BAILLY
"""


def where(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """The 1-based line and column of the ``occurrence``-th ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def test_the_base_record_reads() -> None:
    sitting = read_record(BASE)
    assert len(sitting.members) == 6 and len(sitting.proxies) == 2


def test_two_members_within_reach_is_an_error_naming_both() -> None:
    text = BASE.replace("à Mme Anne BIHR", "à Mme Anne BOHR")
    with pytest.raises(AmbiguousNameError) as caught:
        read_record(text, file="extrait.txt")
    error = caught.value
    assert set(error.candidates) == {"Anne BIHR", "Anne BEHR"}
    assert error.name == "Anne BOHR"
    assert (error.file, error.line, error.column) == ("extrait.txt", *where(text, "Mme Anne BOHR"))
    assert "Anne BIHR" in str(error) and "Anne BEHR" in str(error)
    assert isinstance(error, RecordError) and isinstance(error, quorum.QuorumError)


def test_a_surname_alone_shared_by_two_members_is_ambiguous() -> None:
    text = BASE.replace("à M. Florent BAILLY", "à M. BAILLY")
    with pytest.raises(AmbiguousNameError) as caught:
        read_record(text)
    assert set(caught.value.candidates) == {"Guillaume BAILLY", "Florent BAILLY"}


def test_a_commune_heading_settles_between_two_members() -> None:
    text = BASE.replace("**Pugey :** M. Frank LAIDIE à M. Florent BAILLY",
                        "**Pugey :** M. Frank LAIDIE à M. Florent BAILLY, "
                        "**Champvans-Les-Moulins :** M. BAILLY à Mme Anne BEHR")
    text = text.replace("**Besançon :** M. Guillaume BAILLY", "**Besançon :** M. Guillaume BAILLY")
    sitting = read_record(text)
    assert ("Florent BAILLY", "Anne BEHR") in [(p.giver, p.holder) for p in sitting.proxies]
    assert sitting.origin is not None
    (kept,) = [r for r in sitting.origin.reconciliations if r.written == "M. BAILLY"]
    assert (kept.canonical, kept.commune) == ("Florent BAILLY", "Champvans-Les-Moulins")


def test_a_holder_found_nowhere_is_an_error_finding_and_the_proxy_is_not_exercised() -> None:
    text = BASE.replace("à Mme Anne BIHR", "à Mme Odile ZORN")
    sitting = read_record(text, file="extrait.txt")
    assert sitting.at(1).represented == 1  # only LAIDIE's proxy
    report = quorum.audit(sitting)
    (finding,) = report.with_code("holder-not-listed")
    assert finding.severity == "error" and report.exit_status == 1
    assert (finding.line, finding.column) == where(text, "Mme Odile ZORN")
    assert "« Odile ZORN »" in finding.message and "Hasni ALEM" in finding.message


def test_a_secretary_found_nowhere_is_an_error_finding() -> None:
    text = BASE + "\nSecrétaire de séance : Mme Odile ZORN\n"
    report = quorum.audit(read_record(text, file="extrait.txt"))
    (finding,) = report.with_code("secretary-not-listed")
    assert finding.severity == "error" and "Odile ZORN" in finding.message
    assert (finding.line, finding.column) == where(text, "Mme Odile ZORN")


def test_an_ambiguous_holder_is_a_reading_error_with_a_caret() -> None:
    text = BASE.replace("à Mme Anne BIHR", "à M. BAILLY")
    with pytest.raises(AmbiguousNameError) as caught:
        read_record(text, file="extrait.txt")
    error = caught.value
    line, column = where(text, "M. BAILLY")
    assert (error.line, error.column) == (line, column)
    assert "« BAILLY » (mandataire d'une procuration) peut être" in str(error)
    rendered = str(error).splitlines()
    assert rendered[0].startswith(f"extrait.txt:{line}:{column}: ")
    caret_line = rendered[2]
    excerpt = rendered[1]
    assert caret_line.strip().startswith("^")
    assert excerpt[caret_line.index("^"):].startswith("M. BAILLY")
    assert error.summary == f"extrait.txt:{line}:{column}: {error.problems[0].message}"


def test_every_problem_is_reported_in_one_pass() -> None:
    text = (BASE.replace("Séance du jeudi 25 juin 2026", "Séance du jeudi 31 juin 2026")
            .replace("M. Guillaume BAILLY,", "M. Guillaume BAILLY (à compter de la question n° 9),")
            .replace("à Mme Anne BIHR", "à M. BAILLY"))
    with pytest.raises(RecordError) as caught:
        read_record(text)
    problems = caught.value.problems
    assert [(p.line, p.column) for p in problems] == [
        where(text, "jeudi 31 juin"), where(text, "à compter de la question n° 9"),
        where(text, "M. BAILLY"),
    ]
    messages = [p.message for p in problems]
    assert messages[0] == "date impossible : ce jour n'existe pas : 31 juin 2026"
    assert messages[1] == "la question 9 n'est pas dans l'ordre de passage"
    assert problems[0].length == len("jeudi 31 juin 2026")
    assert "(et 2 autres problèmes)" in caught.value.summary
    assert sum(line.lstrip().startswith("^") for line in str(caught.value).splitlines()) == 3


def test_missing_members_in_office_are_counted_from_the_lists_with_a_warning() -> None:
    text = BASE.replace("Membres du Conseil Communautaire en exercice : 6\n", "")
    sitting = read_record(text)
    assert sitting.in_office == len(sitting.members)
    (note,) = [n for n in sitting.origin.notes if n.code == "in-office-from-lists"]
    assert note.values == (str(len(sitting.members)),)
    finding = quorum.audit(sitting).with_code("in-office-from-lists")[0]
    assert finding.severity == "warning" and "d'après les listes" in finding.message


def test_a_member_listed_twice() -> None:
    text = BASE.replace("Mme Anne BEHR,", "Mme Anne BEHR, Mme Anne BIHR,")
    with pytest.raises(RecordError) as caught:
        read_record(text)
    (problem,) = caught.value.problems
    assert problem.message == (
        f"Anne BIHR figure deux fois dans les listes (d'abord ligne {where(text, 'BIHR')[0]})")
    assert (problem.line, problem.column) == where(text, "Mme Anne BIHR", 2)


def test_a_member_both_present_and_absent_is_an_error_finding_not_a_refusal() -> None:
    text = BASE.replace("**Pugey :** M. Frank LAIDIE\n", "**Pugey :** M. Frank LAIDIE, "
                        "M. Guillaume BAILLY\n")
    sitting = read_record(text)
    assert sitting.at(1).present == 4  # counted present, as the list of those present says
    report = quorum.audit(sitting)
    (finding,) = report.with_code("present-and-absent")
    assert finding.severity == "error" and report.exit_status == 1
    assert (finding.line, finding.column) == where(text, "M. Guillaume BAILLY", 2)


def test_a_member_in_both_lists_with_windows_reads_as_one_presence() -> None:
    text = BASE.replace(
        "M. Guillaume BAILLY,", "M. Guillaume BAILLY (jusqu'à la question 2),").replace(
        "**Pugey :** M. Frank LAIDIE\n",
        "**Pugey :** M. Frank LAIDIE, M. Guillaume BAILLY (à partir de la question 2)\n")
    sitting = read_record(text)
    # « à partir de » holds: present up to question 1, absent from 2.
    assert sitting.explain("Guillaume BAILLY", 1).count("présent") == 1
    assert [a.windows for a in sitting.attendance if a.member == "Guillaume BAILLY"] == [
        (quorum.Window(end="1"),)]
    assert quorum.audit(sitting).with_code("listed-present-and-absent")


def test_an_unreadable_window() -> None:
    text = BASE.replace("M. Guillaume BAILLY,", "M. Guillaume BAILLY (à la question quatre),")
    with pytest.raises(RecordError, match="« à la question quatre » ne se lit pas comme"):
        read_record(text)


def test_a_proxy_without_holder() -> None:
    text = BASE.replace("M. Hasni ALEM à Mme Anne BIHR", "M. Hasni ALEM Mme Anne BIHR")
    with pytest.raises(RecordError, match="attendu : « mandant à mandataire »") as caught:
        read_record(text)
    assert (caught.value.line, caught.value.column) == where(text, "M. Hasni ALEM", 2)


def test_titular_and_substitute_both_sitting_is_an_error_placed_on_the_substitute() -> None:
    text = BASE.replace("M. Florent BAILLY\n\nÉtaient", "M. Florent BAILLY, Mme Léa ROY "
                        "(suppléante de M. Florent BAILLY)\n\nÉtaient")
    sitting = read_record(text)
    assert sitting.at(1).present == 4  # one seat: the titular counts, not the substitute
    report = quorum.audit(sitting)
    (finding,) = report.with_code("titular-and-substitute")
    assert finding.severity == "error" and report.exit_status == 1
    assert (finding.line, finding.column) == where(text, "Mme Léa ROY")


def test_a_deliberation_without_its_question() -> None:
    text = BASE + "\nDélibération n°2026/001\n\nPour : 5\n"
    with pytest.raises(RecordError, match="une délibération sans sa question"):
        read_record(text)


def test_a_tally_without_pour() -> None:
    text = BASE + "\nRapport n°2 - Budget\n\nContre : 1\n\nAbstention : 0\n"
    with pytest.raises(RecordError, match="sans sa ligne « Pour : »"):
        read_record(text)


def test_not_a_record_at_all() -> None:
    with pytest.raises(RecordError) as caught:
        read_record("Bonjour\nCeci n'est pas un compte rendu.\n")
    messages = [p.message for p in caught.value.problems]
    assert any("aucun membre" in m for m in messages)


def test_bad_json_is_a_quorum_error() -> None:
    with pytest.raises(quorum.QuorumError):
        read_record('{"body": 3')
