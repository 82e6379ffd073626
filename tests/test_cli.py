"""The command line, as CONTRACT.md describes it: formats, exit statuses, no traceback."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quorum
from quorum.cli import main

RECORD = Path(__file__).parent / "data" / "records" / "gbm-2026-06-25-rapport-26.txt"
TEXT = RECORD.read_text(encoding="utf-8")


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_replay_json_follows_the_contract(reference: quorum.Sitting) -> None:
    status, out, err = run("replay", str(RECORD), "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["sitting"]["date"] == "2026-06-25"
    assert data["sitting"]["in_office"] == 122
    assert data["sitting"]["body"] == "Conseil de Communauté de Grand Besançon Métropole"
    assert len(data["questions"]) == 56
    q26 = data["questions"][25]
    assert {k: q26[k] for k in ("question", "position", "present", "represented", "voters",
                                "quorum", "quorum_met", "interested")} == {
        "question": "26", "position": 26, "present": 95, "represented": 23, "voters": 118,
        "quorum": 62, "quorum_met": True, "interested": 1}
    # Question by question, the reader agrees with the hand-built fixture.
    expected = quorum.replay_to_json(quorum.replay(reference))["questions"]
    assert data["questions"] == expected


def test_replay_one_question_and_csv() -> None:
    status, out, _ = run("replay", str(RECORD), "--question", "26")
    assert status == 0
    assert out.startswith("question 26 : 95 présents + 23 représentés = 118 votants")
    assert "procuration exercée : Clément DARCQ" not in out
    status, out, _ = run("replay", str(RECORD), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 56
    assert (rows[25]["question"], rows[25]["présents"], rows[25]["votants"],
            rows[25]["quorum atteint"]) == ("26", "95", "118", "oui")
    status, out, _ = run("replay", str(RECORD), "--format", "csv", "--sep", ";")
    header, first = out.splitlines()[:2]
    assert header.startswith("question;rang;présents;représentés;votants;quorum;quorum atteint")
    assert first.split(";")[6] == "oui"
    status, out, _ = run("replay", str(RECORD), "--format", "json", "--question", "3")
    assert [q["question"] for q in json.loads(out)["questions"]] == ["3"]


def test_replay_table_has_french_headings() -> None:
    status, out, _ = run("replay", str(RECORD))
    assert status == 0
    assert "présents" in out and "représentés" in out and "votants" in out


def test_standard_input() -> None:
    status, out, _ = run("replay", "-", "--format", "json", stdin=TEXT)
    assert status == 0
    assert json.loads(out)["questions"][25]["voters"] == 118


def test_audit_of_the_reference_record() -> None:
    status, out, _ = run("audit", str(RECORD))
    assert status == 0
    assert "question 26" in out
    status, out, _ = run("audit", str(RECORD), "--format", "json")
    data = json.loads(out)
    tally = data["tallies"][0]
    assert tally["question"] == "26"
    assert tally["published"] == {"pour": 117, "contre": 0, "abstention": 0, "interested": 1}
    assert (tally["expected_total"], tally["consistent"], tally["outcome"]) == (
        118, True, "adopted")
    assert {"severity", "code", "question", "line", "message"} <= set(data["findings"][0])
    assert any(f["code"] == "name-reconciled" for f in data["findings"])


def test_audit_of_an_inconsistent_tally_exits_1(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(TEXT.replace("Pour : 117", "Pour : 116"), encoding="utf-8")
    status, out, _ = run("audit", str(wrong))
    assert status == 1
    assert "question 26" in out and "118" in out and "117" in out
    status, out, _ = run("audit", str(wrong), "--format", "json")
    tally = json.loads(out)["tallies"][0]
    assert (tally["consistent"], tally["expected_total"]) == (False, 118)


def test_unreadable_record_exits_2_with_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text(TEXT.replace("à M. Pascal DERIOT", "à M. Pascal DERIOT (jusqu'à la "
                                   "question n° 999 incluse)"), encoding="utf-8")
    status, out, err = run("replay", str(broken))
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"quorum: {broken}:")
    line, column = err.split(":")[2:4]
    assert int(line) == 25 and int(column) > 1
    status, _, err = run("replay", str(broken), "--details")
    assert status == 2 and "^" in err


def test_missing_file_and_wrong_command_line(tmp_path: Path) -> None:
    status, _, err = run("replay", str(tmp_path / "nope.txt"))
    assert status == 2 and "nope.txt" in err and err.count("\n") == 1
    for wrong in (["replay"], ["frobnicate", str(RECORD)],
                  ["replay", str(RECORD), "--format", "xml"]):
        status, out, err = run(*wrong)
        assert (status, out) == (2, "")
        assert err.count("\n") == 1 and "--help" in err
    status, _, err = run("replay", str(RECORD), "--question", "99")
    assert status == 2 and "99" in err


def test_export_scdl(tmp_path: Path) -> None:
    target = tmp_path / "delib.csv"
    status, _, _ = run("export", str(RECORD), "--scdl", str(target))
    assert status == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 1
    assert rows[0]["VOTE_POUR"] == "117"
    status, out, _ = run("export", str(RECORD), "--scdl", "-")
    assert status == 0 and "VOTE_EFFECTIF" in out


def test_plot_flag(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / "seance.png"
    status, _, _ = run("replay", str(RECORD), "--plot", str(chart))
    assert status == 0 and chart.stat().st_size > 10_000
    status, _, err = run("replay", str(RECORD), "--plot", str(tmp_path / "seance.bmp"))
    assert status == 2 and "bmp" in err.lower()


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(b"\xff\xfe\x00garbage")
    result = subprocess.run([sys.executable, "-c", "from quorum.cli import run; run()",
                             "audit", str(garbage)], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


LINES = TEXT.splitlines(keepends=True)[:40]


@st.composite
def mutated_records(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete-char", "dup-char", "swap-lines", "delete-line",
                                     "dup-line", "truncate", "insert"]))
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if kind == "delete-char" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[index] = line[:at] + line[at + 1:]
        elif kind == "dup-char" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[index] = line[:at] + line[at] + line[at:]
        elif kind == "swap-lines":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "delete-line" and len(lines) > 1:
            del lines[index]
        elif kind == "dup-line":
            lines.insert(index, line)
        elif kind == "truncate":
            lines = lines[:index + 1]
            lines[-1] = lines[-1][:draw(st.integers(0, len(lines[-1])))]
        elif kind == "insert":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.text(max_size=5)) + line[at:]
    return "".join(lines)


@settings(max_examples=60, deadline=None)
@given(mutated_records(), st.sampled_from(["replay", "audit"]))
def test_cli_always_exits_0_1_or_2(record: str, command: str) -> None:
    status, _, err = run(command, "-", "--format", "json", stdin=record)
    assert status in (0, 1, 2)
    if status == 2:
        assert err.count("\n") == 1
        assert "internal error" not in err


def test_a_folder_is_not_a_record(tmp_path: Path) -> None:
    status, _, err = run("audit", str(tmp_path))
    assert status == 2
    assert err == (f"quorum: {tmp_path}:1:1: {tmp_path} est un dossier : nommez les fichiers "
                   "de relevés qu'il contient\n")


def test_standard_input_among_several_extracts() -> None:
    status, out, _ = run("audit", str(RECORD), "-", "--format", "json", stdin=TEXT)
    assert status == 0
    assert [t["question"] for t in json.loads(out)["tallies"]] == ["26"]
    assert run("audit", "-", "-", stdin=TEXT)[0] == 2


def test_python_dash_m() -> None:
    result = subprocess.run([sys.executable, "-m", "quorum", "replay", str(RECORD),
                             "--question", "26"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("question 26 : 95 présents + 23 représentés = 118 votants")


def test_a_cp1252_record_on_standard_input_is_said_line_by_line() -> None:
    # Standard input is decoded as a file is: each line that is not UTF-8 is a finding.
    data = TEXT.encode("cp1252", errors="replace")
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = main(["audit", "-", "--format", "json"], stdin=stdin, stdout=out, stderr=err)
    assert status in (0, 1), err.getvalue()
    findings = json.loads(out.getvalue())["findings"]
    fallbacks = [f["line"] for f in findings if f["code"] == "decode-fallback"]
    accented = [number for number, line in enumerate(TEXT.splitlines(), 1)
                if any(ord(char) > 127 for char in line)]
    assert fallbacks and set(fallbacks) <= set(accented)
