"""SCDL « Délibérations » rows and CSV (see docs/scdl.md)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import attrs
import pytest

import quorum
from quorum import PublishedTally
from quorum.scdl import COLUMNS, VOTE_COLUMNS

DATA = Path(__file__).parent / "data"
REFERENCE = DATA / "gbm-2026-06-25-rapport-26.json"


@pytest.fixture(scope="module")
def reference() -> quorum.Sitting:
    return quorum.sitting_from_json(REFERENCE.read_text(encoding="utf-8"))


def test_the_schema_columns_in_order() -> None:
    assert len(COLUMNS) == 17
    assert COLUMNS[:3] == ("COLL_NOM", "COLL_SIRET", "DELIB_ID")
    assert COLUMNS[-6:] == (*VOTE_COLUMNS, "DELIB_URL")


def test_reference_row(reference: quorum.Sitting) -> None:
    (row,) = quorum.scdl_rows(reference)
    assert list(row) == list(COLUMNS)
    assert row["COLL_NOM"] == "Conseil de Communauté de Grand Besançon Métropole"
    assert row["COLL_SIRET"] == ""
    assert row["DELIB_ID"] == "2026/2026.00171"
    assert row["DELIB_DATE"] == "2026-06-25"
    assert row["DELIB_OBJET"].startswith("Soutien aux programmes d'actions")
    assert {c: row[c] for c in VOTE_COLUMNS} == {
        "VOTE_EFFECTIF": "118", "VOTE_REEL": "117", "VOTE_POUR": "117", "VOTE_CONTRE": "0",
        "VOTE_ABSTENTION": "0"}


def test_the_schema_sum_rule_holds(reference: quorum.Sitting) -> None:
    (row,) = quorum.scdl_rows(reference)
    pour, contre, abstention, reel, effectif = (int(row[c]) for c in (
        "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "VOTE_REEL", "VOTE_EFFECTIF"))
    assert pour + contre + abstention == reel <= effectif


def test_a_given_report_is_used(reference: quorum.Sitting) -> None:
    report = quorum.audit(reference)
    assert quorum.scdl_rows(reference, report) == quorum.scdl_rows(reference)


def test_without_a_tally_the_vote_columns_are_all_empty(reference: quorum.Sitting) -> None:
    deliberation = reference.deliberations[0]
    bare = attrs.evolve(reference, deliberations=[attrs.evolve(deliberation, tally=None)])
    (row,) = quorum.scdl_rows(bare)
    assert all(row[c] == "" for c in VOTE_COLUMNS)
    assert row["DELIB_ID"] == "2026/2026.00171"


def test_an_inconsistent_tally_is_written_as_published(reference: quorum.Sitting) -> None:
    deliberation = reference.deliberations[0]
    wrong = attrs.evolve(reference, deliberations=[
        attrs.evolve(deliberation, tally=PublishedTally(pour=119, interested=1))])
    (row,) = quorum.scdl_rows(wrong)
    assert (row["VOTE_EFFECTIF"], row["VOTE_REEL"], row["VOTE_POUR"]) == ("118", "119", "119")


def test_identifier_falls_back_to_the_question_and_extra_values_override(
        reference: quorum.Sitting) -> None:
    deliberation = reference.deliberations[0]
    anonymous = attrs.evolve(reference, deliberations=[
        attrs.evolve(deliberation, identifier=None)])
    (row,) = quorum.scdl_rows(anonymous, coll_nom="Grand Besançon Métropole",
                              coll_siret="24250101300012",
                              extra={"26": {"DELIB_MATIERE_CODE": "7.5",
                                            "DELIB_MATIERE_NOM": "finances locales/subventions"}})
    assert row["DELIB_ID"] == "26"
    assert (row["COLL_NOM"], row["COLL_SIRET"]) == ("Grand Besançon Métropole", "24250101300012")
    assert row["DELIB_MATIERE_CODE"] == "7.5"
    with pytest.raises(ValueError, match="pas du SCDL : MATIERE"):
        quorum.scdl_rows(reference, extra={"26": {"MATIERE": "x"}})


def test_write_scdl_to_a_path_and_read_it_back(reference: quorum.Sitting, tmp_path: Path) -> None:
    target = tmp_path / "deliberations.csv"
    assert quorum.write_scdl(reference, target) == 1
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == quorum.scdl_rows(reference)
    assert target.read_bytes().startswith(b"COLL_NOM,COLL_SIRET,")


def test_write_scdl_takes_several_sittings_or_rows(reference: quorum.Sitting) -> None:
    other = attrs.evolve(reference, deliberations=[
        attrs.evolve(reference.deliberations[0], question="27", identifier="2026/2026.00172")])
    out = io.StringIO()
    assert quorum.write_scdl([reference, other], out) == 2
    ids = [row["DELIB_ID"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    assert ids == ["2026/2026.00171", "2026/2026.00172"]
    from_rows, from_sitting = io.StringIO(), io.StringIO()
    assert quorum.write_scdl(quorum.scdl_rows(reference), from_rows) == 1
    quorum.write_scdl(reference, from_sitting)
    assert from_rows.getvalue() == from_sitting.getvalue()
    with pytest.raises(TypeError, match="des séances ou des lignes"):
        quorum.write_scdl([42], io.StringIO())  # type: ignore[list-item]


def test_rows_follow_the_order_of_passage(reference: quorum.Sitting) -> None:
    first = reference.deliberations[0]
    earlier = attrs.evolve(first, question="3", identifier="2026/2026.00100", tally=None,
                           interested=())
    sitting = attrs.evolve(reference, deliberations=[first, earlier])
    assert [row["DELIB_ID"] for row in quorum.scdl_rows(sitting)] == [
        "2026/2026.00100", "2026/2026.00171"]


def test_export_of_several_extracts_from_text_records() -> None:
    records = [DATA / "audit" / "clean.txt", DATA / "audit" / "extracts-agree-2.txt"]
    rows = quorum.scdl_rows(quorum.read_records(records))
    assert [(r["DELIB_ID"], r["VOTE_EFFECTIF"], r["VOTE_REEL"]) for r in rows] == [
        ("2026-01", "6", "6"), ("2026-02", "6", "6")]
