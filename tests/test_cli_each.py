"""``quorum audit --each``: one row per record, in the order of the records, the run goes on."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from quorum._cli_each import CSV_COLUMNS
from quorum.cli import main

DATA = Path(__file__).parent / "data"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdin=io.StringIO(""), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    folder = tmp_path / "propres"
    folder.mkdir()
    for name in ("pouvoirs.txt", "departs.txt", "suppleants.txt"):
        shutil.copy(DATA / "records" / name, folder / name)
    return folder


@pytest.fixture
def mixed(clean: Path) -> Path:
    shutil.copy(DATA / "audit" / "convocation-too-late.txt", clean / "tard.txt")
    return clean


def test_text_one_line_per_record_and_a_summary(clean: Path) -> None:
    status, out, err = run("audit", "--each", str(clean), "--jobs", "2")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 4
    assert [line.split(" : ")[0] for line in lines[:3]] == [
        str(clean / n) for n in ("departs.txt", "pouvoirs.txt", "suppleants.txt")]
    assert "CONFORME — Conseil municipal de Thise, séance du 12 janvier 2026" in lines[1]
    assert lines[-1] == "3 relevés : 3 conformes, 0 non conforme, 0 illisible."


def test_an_error_level_finding_exits_1(mixed: Path) -> None:
    status, out, _ = run("audit", "--each", str(mixed))
    assert status == 1
    assert "NON CONFORME" in out and "première erreur : Convocation" in out


def test_an_unreadable_record_is_a_row_and_exits_2(mixed: Path, tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_text("rien\n", encoding="utf-8")
    status, out, err = run("audit", "--each", str(mixed), str(tmp_path / "vide.txt"),
                           str(tmp_path / "absent.txt"))
    assert (status, err) == (2, "")
    lines = out.splitlines()
    assert len(lines) == 7
    assert lines[4].startswith(f"{tmp_path / 'vide.txt'} : ILLISIBLE — ")
    assert lines[5].startswith(f"{tmp_path / 'absent.txt'} : ILLISIBLE — ")
    assert lines[-1] == "6 relevés : 3 conformes, 1 non conforme, 2 illisibles."


@pytest.mark.parametrize("sep", [",", ";"])
def test_csv_for_a_french_spreadsheet(mixed: Path, sep: str) -> None:
    status, out, _ = run("audit", "--each", str(mixed), "--format", "csv", "--sep", sep,
                         "--jobs", "1")
    assert status == 1
    rows = list(csv.DictReader(io.StringIO(out), delimiter=sep))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 4
    late = rows[3]
    assert (late["verdict"], late["lisible"], late["conforme"], late["erreurs"]) == (
        "non conforme", "oui", "non", "1")
    assert late["date"] == "2026-01-15" and late["premiere_erreur"].startswith("Convocation")
    assert {row["lisible"] for row in rows} == {"oui"}


def test_json_lists_every_record(mixed: Path) -> None:
    status, out, _ = run("audit", "--each", str(mixed), "--format", "json")
    data = json.loads(out)
    assert status == data["exit_status"] == 1
    assert [r["verdict"] for r in data["records"]] == [
        "conforme", "conforme", "conforme", "non conforme"]


def test_order_is_the_same_whatever_the_jobs(mixed: Path) -> None:
    one = run("audit", "--each", str(mixed), "--format", "csv", "--jobs", "1")
    two = run("audit", "--each", str(mixed), "--format", "csv", "--jobs", "2")
    assert one == two


@pytest.mark.parametrize("args", [
    ["audit", "--format", "csv", "RECORD"],
    ["audit", "--jobs", "2", "RECORD"],
    ["audit", "--each", "RECORD", "--jobs", "0"],
    ["audit", "--each", "RECORD", "--sep", ";"],
    ["audit", "--each", "-"],
])
def test_a_wrong_command_line_exits_2(clean: Path, args: list[str]) -> None:
    args = [str(clean) if a == "RECORD" else a for a in args]
    status, out, err = run(*args)
    assert (status, out) == (2, "")
    assert err.startswith("quorum: ") and err.count("\n") == 1


def test_an_empty_folder_exits_2(tmp_path: Path) -> None:
    status, out, err = run("audit", "--each", str(tmp_path))
    assert (status, out) == (2, "")
    assert "aucun relevé" in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(clean: Path) -> None:
    _, _, err = run("audit", "--each", str(clean))
    assert err == ""


def test_progress_bar_on_a_terminal(clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quorum._cli_each as each

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    out = io.StringIO()
    status = main(["audit", "--each", str(clean)], stdout=out, stderr=err)
    assert status == 0 and err.getvalue()  # tqdm, or the plain counter without it
    monkeypatch.setitem(__import__("sys").modules, "tqdm", None)  # tqdm not installed
    plain = each._progress(3, Terminal())
    assert isinstance(plain, each._PlainProgress)
