"""quorum.audit_many and quorum.audit_record: one result per record, never an exception."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

import quorum
from quorum.batch import audit_many_indexed, expand_paths

DATA = Path(__file__).parent / "data"
RECORDS = DATA / "records"
AUDIT = DATA / "audit"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of records: two clean, one with an error, one unreadable, one ignored."""
    shutil.copy(RECORDS / "pouvoirs.txt", tmp_path / "b-pouvoirs.txt")
    (tmp_path / "sous").mkdir()
    shutil.copy(RECORDS / "departs.txt", tmp_path / "sous" / "a-departs.txt")
    shutil.copy(AUDIT / "convocation-too-late.txt", tmp_path / "c-tard.TXT")
    (tmp_path / "d-vide.txt").write_text("rien à lire\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("pas un relevé\n", encoding="utf-8")
    return tmp_path


def test_folders_are_walked_sorted_and_recursive(corpus: Path) -> None:
    found = [Path(p).relative_to(corpus).as_posix() for p in expand_paths([corpus])]
    assert found == ["b-pouvoirs.txt", "c-tard.TXT", "d-vide.txt", "sous/a-departs.txt"]
    assert expand_paths(["x.txt", corpus / "b-pouvoirs.txt"]) == [
        "x.txt", str(corpus / "b-pouvoirs.txt")]


def test_a_clean_record() -> None:
    result = quorum.audit_record(RECORDS / "pouvoirs.txt")
    assert result.readable and result.ok
    assert (result.exit_status, result.verdict, result.errors) == (0, "conforme", 0)
    assert result.body == "Conseil municipal de Thise"
    assert result.date == datetime.date(2026, 1, 12)
    assert result.first_error is None and result.error is None
    assert result.report is not None and result.report.ok


def test_a_record_with_an_error_names_its_first_error() -> None:
    result = quorum.audit_record(AUDIT / "convocation-too-late.txt")
    assert (result.exit_status, result.verdict, result.errors) == (1, "non conforme", 1)
    assert result.report is not None
    assert result.first_error == result.report.errors[0].message
    assert result.first_error.startswith("Convocation")


@pytest.mark.parametrize("name", ["absent.txt", "d-vide.txt", "sous"])
def test_a_record_that_cannot_be_read_is_a_result(corpus: Path, name: str) -> None:
    result = quorum.audit_record(corpus / name)
    assert (result.exit_status, result.verdict, result.readable) == (2, "illisible", False)
    assert result.error and "\n" not in result.error
    assert result.body is None and result.report is None


def test_report_can_be_left_out() -> None:
    result = quorum.audit_record(RECORDS / "pouvoirs.txt", report=False)
    assert result.report is None
    assert result == quorum.audit_record(RECORDS / "pouvoirs.txt")  # report not in equality


def test_one_job_yields_in_order_with_reports(corpus: Path) -> None:
    results = list(quorum.audit_many([corpus], jobs=1))
    assert [r.path for r in results] == expand_paths([corpus])
    assert [r.exit_status for r in results] == [0, 1, 2, 0]
    assert all(r.report is not None for r in results if r.readable)


def test_two_jobs_give_the_same_results(corpus: Path) -> None:
    alone = list(quorum.audit_many([corpus], jobs=1))
    together = list(quorum.audit_many([corpus], jobs=2))
    assert sorted(together, key=lambda r: r.path) == sorted(alone, key=lambda r: r.path)
    assert all(r.report is None for r in together)  # reports stay in the workers
    kept = list(quorum.audit_many([corpus], jobs=2, reports=True))
    assert all(r.report is not None for r in kept if r.readable)


def test_indexed_results_name_their_record(corpus: Path) -> None:
    records = expand_paths([corpus]) * 5
    indexed = list(audit_many_indexed(records, jobs=2))
    assert sorted(i for i, _ in indexed) == list(range(len(records)))
    assert all(result.path == records[i] for i, result in indexed)


@pytest.mark.parametrize("jobs", [0, -1, True, 1.5])
def test_jobs_must_be_a_count(jobs: object) -> None:
    with pytest.raises(quorum.UsageError):
        list(quorum.audit_many([RECORDS], jobs=jobs))  # type: ignore[arg-type]


def test_nothing_to_audit_yields_nothing(tmp_path: Path) -> None:
    assert list(quorum.audit_many([tmp_path], jobs=2)) == []


def test_to_json() -> None:
    data = quorum.audit_record(AUDIT / "convocation-too-late.txt").to_json()
    assert set(data) == {"path", "body", "date", "verdict", "exit_status", "errors",
                         "warnings", "first_error", "error"}
    assert (data["date"], data["verdict"], data["exit_status"]) == (
        "2026-01-15", "non conforme", 1)
