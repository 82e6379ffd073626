"""What the reader infers or doubts is said: each reading note, triggered and not.

Each case is a small record that leaves one note, beside the same record
written so that it leaves none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quorum

BASE = """COMMUNE DE VALBREUSE
Séance du conseil municipal du 12 mars 2025
Membres en exercice : 5
Le conseil s'est réuni en mairie sous la présidence de M. Paul ARNAUD, Maire.
Étaient présents : M. Paul ARNAUD, Mme Lise BOREL, M. Jean CHAPUIS
Absents excusés : Mme Nina DUVAL, M. Éric FAURE
Procurations : Mme Nina DUVAL à M. Paul ARNAUD
Secrétaire de séance : Mme Lise BOREL

1. Budget
Pour : 4 – Contre : 0 – Abstention : 0

2. Tarifs
Pour : 4 – Contre : 0 – Abstention : 0
"""

# code -> (what replaces what in BASE, the figures at questions 1 and 2)
CASES = {
    "list-interrupted": (("Absents excusés :", "Ne siégeaient pas :"), ((3, 1), (3, 1))),
    "item-unreadable": (("M. Jean CHAPUIS", "M. Jean CHAPUIS, Jean"), ((3, 1), (3, 1))),
    "president-not-listed": (("M. Paul ARNAUD, Mme Lise BOREL", "Mme Lise BOREL"),
                             ((3, 1), (3, 1))),
    "holder-by-office": (("à M. Paul ARNAUD", "à M. le Maire"), ((3, 1), (3, 1))),
    "movement-in-prose": (("2. Tarifs", "M. Jean CHAPUIS quitte la séance.\n\n2. Tarifs"),
                          ((3, 1), (2, 1))),
    "proxy-in-prose": (("2. Tarifs", "M. Jean CHAPUIS quitte la séance et donne pouvoir à "
                        "Mme Lise BOREL.\n\n2. Tarifs"), ((3, 1), (2, 2))),
    "proxy-repeated": (("Procurations : Mme Nina DUVAL à M. Paul ARNAUD",
                        "Procurations : Mme Nina DUVAL à M. Paul ARNAUD, Mme Nina DUVAL à "
                        "M. Paul ARNAUD"), ((3, 1), (3, 1))),
    "giver-not-listed": (("Absents excusés : Mme Nina DUVAL, M. Éric FAURE",
                          "Absent excusé : M. Éric FAURE"), ((3, 1), (3, 1))),
    "in-office-from-lists": (("Membres en exercice : 5\n", ""), ((3, 1), (3, 1))),
    "date-unknown": (("Séance du conseil municipal du 12 mars 2025", "Séance du conseil"),
                     ((3, 1), (3, 1))),
    "in-office-below-present": (("Membres en exercice : 5", "Membres en exercice : 2"),
                                ((3, 1), (3, 1))),
    "window-by-time": (("à M. Paul ARNAUD", "à M. Paul ARNAUD (à partir de 20h30)"),
                       ((3, 1), (3, 1))),
    "single-question": (("1. Budget\nPour : 4 – Contre : 0 – Abstention : 0\n\n2. Tarifs",
                         "Objet : Budget\nPour : 4 – Contre : 0 – Abstention : 0\n\nObjet : "
                         "Tarifs"), None),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_note_is_left_where_the_record_calls_for_it(code: str) -> None:
    (old, new), figures = CASES[code]
    assert old in BASE
    clean = quorum.read_record(BASE)
    assert code not in {note.code for note in clean.origin.notes}  # type: ignore[union-attr]
    sitting = quorum.read_record(BASE.replace(old, new, 1))
    assert code in {note.code for note in sitting.origin.notes}  # type: ignore[union-attr]
    finding = quorum.audit(sitting).with_code(code)[0]
    assert finding.line is not None and finding.message
    if figures is not None:
        assert [(sitting.at(k).present, sitting.at(k).represented) for k in ("1", "2")] == [
            *figures]


def test_the_base_record_leaves_no_note() -> None:
    sitting = quorum.read_record(BASE)
    assert sitting.origin is not None and sitting.origin.notes == ()
    assert quorum.audit(sitting).exit_status == 0


def test_a_line_that_is_not_utf8_is_read_as_cp1252_and_said(tmp_path: Path) -> None:
    record = tmp_path / "extrait.txt"
    text = BASE.replace("Mme Lise BOREL", "Mme Lise BÉREL")
    lines = text.encode("utf-8").split(b"\n")
    lines[4] = lines[4].decode("utf-8").encode("cp1252")  # the list of those present
    record.write_bytes(b"\n".join(lines))
    sitting = quorum.read_record(record)
    assert "Lise BÉREL" in {m.name for m in sitting.members}  # accents kept on every line
    (finding,) = quorum.audit(sitting).with_code("decode-fallback")
    assert (finding.line, finding.severity) == (5, "info")
