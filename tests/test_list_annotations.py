"""Annotations written after a name outside parentheses (issue 8).

« M. Thierry JACOB (Lacrost) – arrivé au point 3 », « M. X, arrivé à partir du
point 3 »: the window is read as if it were in parentheses, never dropped (the
member would otherwise count present from the opening, in silence).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quorum

RECORD = Path(__file__).parent / "data" / "records" / "annotation-hors-parentheses.txt"
TEXT = RECORD.read_text(encoding="utf-8")
WRITTEN = "M. Thierry JACOB (Lacrost) – arrivé au point 3"


@pytest.mark.parametrize("written", [
    WRITTEN,
    "M. Thierry JACOB (Lacrost), arrivé à partir du point 3",
    "M. Thierry JACOB – arrivé au point 3",
    "M. Thierry JACOB - présent à partir du point 3",
    "M. Thierry JACOB (arrivé au point 3)",
])
def test_an_arrival_after_the_name(written: str) -> None:
    sitting = quorum.read_record(TEXT.replace(WRITTEN, written))
    assert "Thierry JACOB" in [m.name for m in sitting.members]
    assert [sitting.at(key).present for key in ("1", "2", "3", "4")] == [6, 6, 7, 7]
    report = quorum.audit(sitting)
    assert report.exit_status == 0, [f.message for f in report.errors]


def test_a_hyphenated_name_is_not_an_annotation() -> None:
    sitting = quorum.read_record(TEXT.replace(WRITTEN, "M. Thierry JACOB-LAURENT (Lacrost)"))
    assert "Thierry JACOB-LAURENT" in [m.name for m in sitting.members]
    assert sitting.at("1").present == 7


def test_an_hour_after_the_name_is_said() -> None:
    sitting = quorum.read_record(TEXT.replace(WRITTEN, "M. Thierry JACOB – arrivé à 19h10"))
    assert quorum.audit(sitting).with_code("window-by-time")


def test_the_items_announced_by_the_order_of_business_are_not_read_twice() -> None:
    # « Ordre du jour : » then « 1) … », « 2) … », and the same items deliberated below.
    record = Path(__file__).parent / "data" / "records" / "ordre-du-jour.txt"
    sitting = quorum.read_record(record)
    assert sitting.agenda.questions == ("1", "2")
    deliberation = sitting.deliberation("1")
    assert deliberation is not None and deliberation.tally is not None
    assert deliberation.tally.pour == 7
    report = quorum.audit(sitting)
    # The mayor withdraws for the accounts (L2121-14), with the proxy she holds: 9 - 2.
    assert report.exit_status == 0, [f.message for f in report.errors]
