"""The text and HTML displays of a replay and of one question, records and DataFrame."""

from __future__ import annotations

import datetime
import doctest
import json
import re
import sys
from pathlib import Path

import pytest

import quorum
from quorum import display
from quorum.display import REPLAY_HEADERS, html_table, text_table

REFERENCE = Path(__file__).parent / "data" / "gbm-2026-06-25-rapport-26.json"


@pytest.fixture(scope="module")
def reference() -> quorum.Replay:
    return quorum.replay(quorum.sitting_from_json(json.loads(REFERENCE.read_text("utf-8"))))


def small_sitting() -> quorum.Sitting:
    """Five members, quorum 3; C leaves after question 1, so the quorum fails at 2.

    D's proxy is held by a member whose name needs escaping; E's by C, who
    has left by question 2.
    """
    return quorum.Sitting(
        body="Conseil municipal de <Test> & Fils", date=datetime.date(2026, 1, 15),
        in_office=5, agenda=quorum.Agenda(["1", "2"]),
        members=[quorum.Member(name=n) for n in ("A <b>", "B", "C", "D", "E")],
        attendance=[quorum.Attendance.present("A <b>"), quorum.Attendance.present("B"),
                    quorum.Attendance.present("C", quorum.Window.until_question(1)),
                    quorum.Attendance.absent("D"), quorum.Attendance.absent("E")],
        proxies=[quorum.Proxy(giver="D", holder="A <b>"), quorum.Proxy(giver="E", holder="C")],
    )


def test_module_examples() -> None:
    failures, tried = doctest.testmod(display, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 0
    assert failures == 0


# -- text ----------------------------------------------------------------------


def table_lines(text: str) -> list[str]:
    """The lines of the table in ``str(replay)``: after the caption and a blank line."""
    _caption, blank, *lines = text.splitlines()
    assert blank == ""
    return lines


def test_replay_text_has_caption_headings_and_one_row_per_question(
        reference: quorum.Replay) -> None:
    text = str(reference)
    assert text.splitlines()[0] == (
        "Conseil de Communauté de Grand Besançon Métropole — séance du 25 juin 2026 : "
        "122 membres en exercice, quorum 62")
    heading, rule, *rows = table_lines(text)
    assert re.split(r"\s{2,}", heading) == list(REPLAY_HEADERS)
    assert set(rule) == {"-", " "}
    assert len(rows) == 56
    assert rows[25].split() == ["26", "95", "27", "23", "118", "1", "62", "oui"]
    assert rows[0].split() == ["1", "84", "38", "28", "112", "0", "62", "oui"]


def test_replay_text_columns_are_aligned(reference: quorum.Replay) -> None:
    heading, rule, *rows = table_lines(str(reference))
    # Every number ends where its heading ends: right-aligned under it.
    for header in ("présents", "absents", "représentés", "votants", "quorum"):
        end = heading.index(header) + len(header)
        for row in rows:
            assert row[end - 1].isdigit() and row[end:end + 1] in ("", " "), (header, row)
    # Rules are as wide as their column (here its heading, longer than any figure).
    assert [len(part) for part in rule.split("  ")] == [len(h) for h in REPLAY_HEADERS]


def test_replay_text_says_non_where_the_quorum_fails() -> None:
    rows = table_lines(str(quorum.replay(small_sitting())))[2:]
    assert rows[0].split()[-1] == "oui"
    assert rows[1].split() == ["2", "2", "3", "1", "3", "0", "3", "NON"]


def test_text_table_aligns_numbers_right_and_text_left() -> None:
    table = text_table(["nom", "voix", "présent"], [["Anne", 3, True], ["Bertrand", 12, None]])
    assert table.splitlines() == [
        "nom       voix  présent",
        "--------  ----  -------",
        "Anne         3  oui",
        "Bertrand    12",
    ]
    assert text_table(["a", "b"], [[1, 2]], align="<<").splitlines()[2] == "1  2"


@pytest.mark.parametrize("call", [
    lambda: text_table(["a", "b"], [[1]]),
    lambda: text_table(["a"], [[1]], align="^"),
    lambda: html_table(["a"], [[1]], levels=[None, None]),
    lambda: html_table(["a"], [[1]], levels=["fatal"]),  # type: ignore[list-item]
])
def test_table_helpers_refuse_inconsistent_arguments(call: object) -> None:
    with pytest.raises(ValueError):
        call()  # type: ignore[operator]


# -- HTML --------------------------------------------------------------------------


def test_replay_html_table(reference: quorum.Replay) -> None:
    page = reference._repr_html_()
    assert page.startswith('<table class="quorum-table">')
    assert "séance du 25 juin 2026" in page
    for header in REPLAY_HEADERS:
        assert f">{header}</th>" in page
    assert page.count("<tr") == 57  # the heading row and 56 questions
    row = next(line for line in page.splitlines() if '">26</td>' in line)
    assert re.findall(r">([^<>]*)</td>", row) == ["26", "95", "27", "23", "118", "1", "62", "oui"]
    assert "quorum-error" not in page


def test_replay_html_marks_quorum_failures_and_escapes() -> None:
    page = quorum.replay(small_sitting())._repr_html_()
    assert "Conseil municipal de &lt;Test&gt; &amp; Fils" in page
    assert "<Test>" not in page
    rows = [line for line in page.splitlines() if line.startswith("<tr") and "<td" in line]
    assert 'class="quorum-error"' not in rows[0]
    assert rows[1].startswith('<tr class="quorum-error" style="background-color:')
    assert ">non</td>" in rows[1]


def test_question_state_html_reference(reference: quorum.Replay) -> None:
    page = reference.at(26)._repr_html_()
    figures = dict(re.findall(r'<tr><td style="text-align:left">([^<]*)</td>'
                              r'<td style="text-align:right">([^<]*)</td></tr>', page))
    assert figures["présents"] == "95"
    assert figures["représentés (procurations exercées)"] == "23"
    assert figures["votants"] == "118"
    assert figures["quorum (seuil)"] == "62"
    assert figures["quorum atteint"] == "oui"
    assert figures["intéressés"] == "1"
    assert "Procurations exercées : 23" in page
    assert "M. Michel VIENET" in page  # names with their civility
    assert "Procurations non exercées" not in page  # none at question 26


def test_question_state_html_lists_unexercised_proxies_with_reason_escaped() -> None:
    state = quorum.replay(small_sitting()).at(2)
    page = state._repr_html_()
    assert "A &lt;b&gt;" in page
    assert "<b>" not in page
    assert "Procurations exercées : 1" in page
    assert "Procurations non exercées : 1" in page
    unexercised = page[page.index("Procurations non exercées"):]
    assert "le mandataire est absent" in unexercised
    assert 'class="quorum-warning"' in unexercised
    # The quorum line is marked where the quorum fails.
    assert re.search(r'<tr class="quorum-error"[^>]*><td[^>]*>quorum atteint</td>', page)


def test_question_state_html_without_its_sitting() -> None:
    state = quorum.QuestionState(question="7", position=1, in_office=10, present=6,
                                 represented=1, interested=0, interested_present=0,
                                 quorum=6, quorum_count=6, quorum_met=True)
    page = state._repr_html_()
    assert "Question 7" in page
    assert "Procurations" not in page


# -- records and DataFrame -----------------------------------------------------


def test_to_records(reference: quorum.Replay) -> None:
    records = reference.to_records()
    assert len(records) == 56
    assert json.loads(json.dumps(records)) == records
    assert records[25] == {
        "question": "26", "position": 26, "present": 95, "represented": 23, "voters": 118,
        "quorum": 62, "quorum_met": True, "interested": 1, "absent": 27, "in_office": 122,
        "interested_present": 1, "quorum_count": 94, "castable": 117,
    }
    assert [r["question"] for r in records] == [str(n) for n in range(1, 57)]


def test_to_dataframe(reference: quorum.Replay) -> None:
    pytest.importorskip("pandas")
    frame = reference.to_dataframe()
    assert frame.index.name == "question"
    assert list(frame.index) == [str(n) for n in range(1, 57)]
    row = frame.loc["26"]
    assert (row["present"], row["represented"], row["voters"], row["quorum"]) == (95, 23, 118, 62)
    assert bool(frame["quorum_met"].all())


def test_to_dataframe_without_pandas(reference: quorum.Replay,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(quorum.MissingExtraError) as caught:
        reference.to_dataframe()
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, quorum.QuorumError)
    assert "pip install 'quorum[pandas]'" in str(caught.value)
    assert caught.value.extra == "pandas"
    assert caught.value.name == "pandas"
