"""The reader on the reference record: GBM, council of 25 June 2026, report 26.

The record is read from tests/data/records (a copy of the published extract)
and must give exactly the hand-built fixture, question by question.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import quorum
from quorum import read_record

RECORDS = Path(__file__).parent / "data" / "records"
REFERENCE = RECORDS / "gbm-2026-06-25-rapport-26.txt"


@pytest.fixture(scope="module")
def read() -> quorum.Sitting:
    return read_record(REFERENCE)


def test_reference_record_equals_fixture(read: quorum.Sitting,
                                         reference: quorum.Sitting) -> None:
    assert read == reference


def test_reference_replay_agrees_question_by_question(read: quorum.Sitting,
                                                      reference: quorum.Sitting) -> None:
    ours = list(read.replay())
    theirs = list(reference.replay())
    assert [s.question for s in ours] == [str(n) for n in range(1, 57)]
    for mine, expected in zip(ours, theirs, strict=True):
        assert (mine.question, mine.present, mine.represented, mine.voters, mine.quorum,
                mine.quorum_met, mine.interested) == (
            expected.question, expected.present, expected.represented, expected.voters,
            expected.quorum, expected.quorum_met, expected.interested)
    state = read.at("26")
    assert (state.present, state.represented, state.voters) == (95, 23, 118)


def test_header_fields(read: quorum.Sitting) -> None:
    assert read.body == "Conseil de Communauté de Grand Besançon Métropole"
    assert read.kind is quorum.BodyKind.EPCI
    assert read.date == datetime.date(2026, 6, 25)
    assert read.convened == datetime.date(2026, 6, 19)
    assert (read.opened, read.closed) == (datetime.time(17, 8), datetime.time(22, 15))
    assert read.president == "Ludovic FAGAUT"
    assert read.secretary == "Anne OLSZAK"
    assert read.in_office == 122


def test_deliberation_block(read: quorum.Sitting) -> None:
    (deliberation,) = read.deliberations
    assert deliberation.question == "26"
    assert deliberation.identifier == "2026/2026.00171"
    assert deliberation.interested == ("Anne FALGA",)
    assert deliberation.unanimous
    assert deliberation.tally == quorum.PublishedTally(pour=117, contre=0, abstention=0,
                                                       interested=1)


# (written, canonical, line, column, kind)
VARIANTS = [
    ("M. Djilali SAHLAOUI", "Djilalli SAHLAOUI", 25, 389, "member"),
    ("M. Clément DARCO", "Clément DARCQ", 25, 452, "member"),
    ("M. Jérémie JEANVOINE", "Jérémy JEANVOINE", 25, 544, "member"),
    ("Mme Emmanuelle HUOT-CUSENIER", "Emmanuelle HUOT CUSENIER", 25, 779, "member"),
    ("M. Kevin VEJUX", "Kévin VEJUX", 25, 829, "member"),
    ("Laurence MULOT CESARI", "Laurence MULOT CESARI", 25, 1003, "member"),
    ("Champagney", "Champagny", 25, 1073, "commune"),
    ("Marchaux-Chaudefontaine", "Marchaux-Chaufontaine", 25, 1259, "commune"),
    ("Velesmes-Essarts", "Essarts", 25, 1677, "commune"),
]


@pytest.mark.parametrize(("written", "canonical", "line", "column", "kind"), VARIANTS)
def test_every_variant_is_reconciled_and_kept(read: quorum.Sitting, written: str,
                                              canonical: str, line: int, column: int,
                                              kind: str) -> None:
    assert read.origin is not None
    found = [r for r in read.origin.reconciliations if r.written == written]
    assert len(found) == 1
    (reconciliation,) = found
    assert (reconciliation.canonical, reconciliation.kind) == (canonical, kind)
    assert (reconciliation.line, reconciliation.column) == (line, column)
    assert reconciliation.canonical_line in (19, 21)
    assert reconciliation.file == str(REFERENCE)
    assert reconciliation.reasons
    assert all(isinstance(reason, quorum.MatchReason) for reason in reconciliation.reasons)
    source_line = REFERENCE.read_text(encoding="utf-8").splitlines()[line - 1]
    assert source_line[column - 1:].startswith(written)


def test_no_other_reconciliation(read: quorum.Sitting) -> None:
    assert read.origin is not None
    assert len(read.origin.reconciliations) == len(VARIANTS)


def test_locations_let_the_audit_cite_lines(read: quorum.Sitting) -> None:
    origin = read.origin
    assert origin is not None and origin.files == (str(REFERENCE),)
    assert origin.locate("member", "Lylia CALVAT").line == 19  # type: ignore[union-attr]
    assert origin.locate("member", "Michel VIENET").line == 21  # type: ignore[union-attr]
    proxy = origin.locate("proxy", "Jacques KRIEGER")
    assert proxy is not None and proxy.line == 25
    assert origin.locate("deliberation", "26").line == 27  # type: ignore[union-attr]
    assert origin.locate("secretary", "Anne OLSZAK").line == 23  # type: ignore[union-attr]
    assert origin.locate("president", "Ludovic FAGAUT").line == 13  # type: ignore[union-attr]
    assert origin.locate("in_office", "122").line == 11  # type: ignore[union-attr]


def test_text_path_and_str_path_give_the_same_sitting(read: quorum.Sitting) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    assert read_record(text) == read
    assert read_record(str(REFERENCE)) == read
    assert read_record(text, file="extrait.txt").origin.files == ("extrait.txt",)  # type: ignore[union-attr]


def test_json_form_is_accepted(reference: quorum.Sitting) -> None:
    import json

    text = json.dumps(quorum.sitting_to_json(reference))
    assert read_record(text) == reference


def test_missing_file_is_a_record_error() -> None:
    with pytest.raises(quorum.RecordError) as caught:
        read_record("no-such-record.txt")
    assert "fichier introuvable" in str(caught.value)
    assert isinstance(caught.value, quorum.QuorumError)


def test_a_file_named_like_a_header_is_still_a_path(tmp_path: Path) -> None:
    path = tmp_path / "Conseil-2026.txt"
    path.write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    assert read_record(str(path)).in_office == 122


def test_a_latin1_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(REFERENCE.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    assert read_record(path).in_office == 122


def test_crlf_line_ends_non_breaking_spaces_and_ordinal_signs(read: quorum.Sitting) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    text = text.replace("\n", "\r\n").replace(" :", "\u00a0:").replace("n°", "nº")
    again = read_record(text, file=str(REFERENCE))
    assert again == read
    assert again.origin is not None and read.origin is not None
    assert again.origin.reconciliations == read.origin.reconciliations


@pytest.mark.parametrize("record", sorted(p.name for p in RECORDS.glob("*.txt")))
def test_every_test_record_audits_without_error(record: str) -> None:
    # No record in tests/data/records is deliberately wrong: each publishes figures
    # that add up with its own attendance and meets the quorum (warnings may remain).
    report = quorum.audit(read_record(RECORDS / record))
    assert report.exit_status == 0, [str(f) for f in report.errors]
