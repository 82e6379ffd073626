"""An attendance table whose columns a PDF conversion kept (issue 8).

« NOM Prénom   Présent   Absent   Pouvoir à », then one row per member with a mark
« X » under the column that says how the member attended, and the holder's name
under « Pouvoir à ».  A mark under no column, or a row with two marks, is a
problem at its line: the table is never read by guess.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quorum

TEXT = (Path(__file__).parent / "data" / "records" / "tableau-croix.txt").read_text(
    encoding="utf-8")


def test_each_row_by_its_mark() -> None:
    sitting = quorum.read_record(TEXT)
    assert sitting.in_office == 6 and len(sitting.members) == 6
    state = sitting.at("1")
    assert (state.present, state.represented) == (4, 1)
    assert [(p.giver, p.holder) for p in sitting.proxies] == [("DURAND Marie", "MARTIN Pierre")]
    assert quorum.audit(sitting).exit_status == 0


def test_a_mark_under_no_column_is_a_problem() -> None:
    text = TEXT.replace("PETIT Sophie          X", "PETIT Sophie" + " " * 46 + "X")
    with pytest.raises(quorum.RecordError) as raised:
        quorum.read_record(text)
    problem = raised.value.problems[0]
    assert "aucune colonne" in problem.message and problem.line == 10


def test_a_proxy_mark_without_a_holder_is_a_problem() -> None:
    text = TEXT.replace("DURAND Marie                    X         MARTIN Pierre",
                        "DURAND Marie                              X")
    with pytest.raises(quorum.RecordError) as raised:
        quorum.read_record(text)
    assert "une seule colonne" in raised.value.problems[0].message


def test_a_row_with_two_marks_is_a_problem() -> None:
    text = TEXT.replace("ROBERT Anne                     X",
                        "ROBERT Anne           X         X")
    with pytest.raises(quorum.RecordError) as raised:
        quorum.read_record(text)
    assert "une seule colonne" in raised.value.problems[0].message
