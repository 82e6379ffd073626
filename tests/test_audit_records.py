"""The audit of text records: each finding code from a short record, and the reference record.

tests/data/audit/clean.txt audits without any finding; every other record
there is a copy of it with a line or a few changed, named for the finding
code it must trigger.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pytest

import quorum
from quorum.cli import main

DATA = Path(__file__).parent / "data" / "audit"
REFERENCE = Path(__file__).parents[1] / "examples" / "gbm-conseil-2026-06-25-rapport-26.txt"

SEVERITY = {
    "tally-inconsistent": "error",
    "unanimity-contradicted": "warning",
    "tally-tie": "info",
    "tally-not-published": "info",
    "quorum-not-met": "error",
    "quorum-not-met-reconvened": "info",
    "quorum-not-met-agenda": "warning",
    "proxy-holder-absent": "warning",
    "proxy-holder-over-limit": "error",
    "proxy-giver-present": "warning",
    "proxy-giver-interested": "info",
    "proxy-holder-interested": "info",
    "president-absent": "error",
    "secretary-absent": "error",
    "secretary-not-named": "info",
    "convocation-too-late": "error",
    "convocation-date-unknown": "info",
    "members-count-mismatch": "error",
    "header-count-mismatch": "error",
    "name-reconciled": "warning",
}


def audit(*names: str) -> quorum.AuditReport:
    paths = [DATA / name for name in names]
    sitting = quorum.read_record(paths[0]) if len(paths) == 1 else quorum.read_records(paths)
    return quorum.audit(sitting)


def test_the_clean_record_has_no_finding() -> None:
    report = audit("clean.txt")
    assert report.findings == ()
    assert report.tally("2").consistent


def test_every_record_is_named_for_a_code() -> None:
    records = {p.stem for p in DATA.glob("*.txt")} - {"clean"}
    assert {r for r in records if not r.startswith("extracts-")} == set(SEVERITY)


@pytest.mark.parametrize("code", sorted(SEVERITY))
def test_each_record_triggers_its_code(code: str) -> None:
    clean = (DATA / "clean.txt").read_text(encoding="utf-8").splitlines()
    changed = (DATA / f"{code}.txt").read_text(encoding="utf-8").splitlines()
    edits = [line for line in difflib.unified_diff(clean, changed, lineterm="", n=0)
             if line[:1] in "+-" and not line.startswith(("+++", "---")) and line[1:].strip()]
    assert 0 < len(edits) <= 8, edits  # near-identical to the clean record
    report = audit(f"{code}.txt")
    found = report.with_code(code)
    assert found, [str(f) for f in report.findings]
    assert {f.severity for f in found} == {SEVERITY[code]}
    assert all(f.file is not None and f.file.endswith(f"{code}.txt") for f in found)
    assert report.exit_status == (1 if report.errors else 0)
    # Nothing else is wrong, but what the change itself entails.
    entailed = {code, "quorum-not-met-agenda"} if code == "quorum-not-met" else {code}
    assert set(report.codes) == entailed


def test_findings_carry_the_line_of_the_record() -> None:
    report = audit("tally-inconsistent.txt")
    (finding,) = report.errors
    assert (finding.question, finding.line) == ("2", 27)  # the « Pour : 5 » line
    holder = audit("proxy-holder-absent.txt").with_code("proxy-holder-absent")[0]
    assert holder.line == 19 and holder.questions == ("1", "2")
    named = audit("name-reconciled.txt").with_code("name-reconciled")[0]
    assert named.line == 19
    assert "« Anne AUBERT » (ligne 19)" in named.message  # without civility, where written
    assert "« Anne AUBERT » (ligne 13)" in named.message  # as listed among those present


def test_extracts_that_agree_audit_together() -> None:
    report = audit("clean.txt", "extracts-agree-2.txt")
    assert report.findings == ()
    assert [t.question for t in report.tallies] == ["2", "3"]


def test_extracts_that_disagree_are_an_error() -> None:
    report = audit("clean.txt", "extracts-disagree-2.txt")
    (finding,) = report.findings
    assert (finding.severity, finding.code) == ("error", "extracts-disagree")
    assert "« 7 » (" in finding.message and "clean.txt, ligne 7)" in finding.message
    assert "extracts-disagree-2.txt, ligne 7)" in finding.message
    assert finding.file is not None and finding.file.endswith("extracts-disagree-2.txt")
    assert finding.line == 7


def test_quorum_audit_exits_1_and_names_the_question_and_totals() -> None:
    out, err = io.StringIO(), io.StringIO()
    status = main(["audit", str(DATA / "tally-inconsistent.txt")], stdout=out, stderr=err)
    assert status == 1
    text = out.getvalue()
    assert text.startswith("Audit")
    assert "NON CONFORME" in text.splitlines()[1] and "question 2" in text.splitlines()[1]
    assert "question 2 : INCOHÉRENT (5 publiés, 6 attendus)" in text


# -- the reference record ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> quorum.AuditReport:
    return quorum.audit(quorum.read_record(REFERENCE))


def test_reference_record_audits_with_exit_0(reference: quorum.AuditReport) -> None:
    assert reference.exit_status == 0 and reference.worst_severity == "warning"
    check = reference.tally("26")
    assert (check.present, check.represented) == (95, 23)
    assert (check.published.pour, check.published.contre, check.published.abstention,
            check.published.interested) == (117, 0, 0, 1)
    assert check.expected_total == check.published_total == 118
    assert check.consistent and check.outcome == "adopted" and check.unanimous_consistent


def test_reference_record_reports_each_spelling_variant(reference: quorum.AuditReport) -> None:
    messages = [f.message for f in reference.with_code("name-reconciled")]
    for written, listed in [("DARCO", "DARCQ"), ("Djilali", "Djilalli"), ("Jérémie", "Jérémy"),
                            ("Kevin", "Kévin"), ("HUOT-CUSENIER", "HUOT CUSENIER")]:
        assert any(written in m and listed in m for m in messages), (written, messages)
    assert all(f.line is not None for f in reference.with_code("name-reconciled"))
    communes = [f.message for f in reference.with_code("commune-reconciled")]
    for written, listed in [("Champagney", "Champagny"),
                            ("Marchaux-Chaudefontaine", "Marchaux-Chaufontaine"),
                            ("Velesmes-Essarts", "Essarts")]:
        assert any(written in m and listed in m for m in communes), (written, communes)
    assert {f.severity for f in reference.findings} == {"warning", "info"}
    (civility,) = reference.with_code("civility-doubtful")
    assert (civility.severity, civility.members, civility.line) == ("info", ("Lylia CALVAT",), 19)


def test_reference_record_names_the_proxy_whose_holder_was_absent(
        reference: quorum.AuditReport) -> None:
    (finding,) = reference.with_code("proxy-holder-absent")
    assert "Hasni ALEM" in finding.message and "Aline CHASSAGNE" in finding.message
    assert "questions 1 à 15" in finding.message
    assert finding.line is not None
