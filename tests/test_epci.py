"""The kind of an EPCI (issue 9, item 10): read from its name, kept in JSON, and the
substitutes it may list (CGCT L5211-6)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import quorum
from quorum import Agenda, Attendance, BodyKind, Member, PublishedTally, Sitting
from quorum.errors import SittingError
from quorum.jsonio import sitting_from_json, sitting_to_json
from quorum.model import EpciKind
from quorum.reader._epci import epci_kind


@pytest.mark.parametrize(("text", "kind"), [
    ("Communauté urbaine de Dunkerque", EpciKind.COMMUNAUTE_URBAINE),
    ("COMMUNAUTE URBAINE DU GRAND REIMS", EpciKind.COMMUNAUTE_URBAINE),
    ("Communauté d'agglomération du Grand Dole", EpciKind.COMMUNAUTE_D_AGGLOMERATION),
    ("Communauté d’Agglomération Pays Basque", EpciKind.COMMUNAUTE_D_AGGLOMERATION),
    ("Agglomération du Grand Annecy", EpciKind.COMMUNAUTE_D_AGGLOMERATION),
    ("communauté de communes du Val de Morteau", EpciKind.COMMUNAUTE_DE_COMMUNES),
    ("Grand Besançon Métropole", EpciKind.METROPOLE),
    ("Métropole de Lyon", EpciKind.METROPOLE),
    ("METROPOLE EUROPEENNE DE LILLE", EpciKind.METROPOLE),
    ("Syndicat mixte du SCoT de l'agglomération bisontine", EpciKind.SYNDICAT_MIXTE),
    ("SIVOM de la vallée de l'Ognon", EpciKind.SYNDICAT_DE_COMMUNES),
    ("S.I.V.U. scolaire", None),  # dotted initials are not read
    ("SIVU scolaire des Quatre Vents", EpciKind.SYNDICAT_DE_COMMUNES),
    ("Syndicat intercommunal des eaux de la Haute-Loue", EpciKind.SYNDICAT_DE_COMMUNES),
    ("Communauté urbaine, dite Grand Besançon Métropole", EpciKind.COMMUNAUTE_URBAINE),
    ("Conseil municipal de Morre", None),
    ("Conseil départemental du Doubs", None),
    ("", None),
])
def test_epci_kind_from_the_name(text: str, kind: EpciKind | None) -> None:
    assert epci_kind(text) is kind


MORRE_T, MORRE_S, BEURE_1, BEURE_2, PIREY = (
    "Anne MORRE", "Sophie SUPPLE", "Bruno BEURE", "Claire BEURE", "Denis PIREY")


def _sitting(epci: EpciKind | None, *, substitute_commune: str = "Morre",
             **changes: Any) -> Sitting:
    """Four titulars of three communes and one substitute; the substitute sits for the
    titular of Morre, who is absent."""
    members = [Member(name=MORRE_T, civility="Mme", commune="Morre"),
               Member(name=MORRE_S, civility="Mme", commune=substitute_commune,
                      substitute=True),
               Member(name=BEURE_1, civility="M.", commune="Beure"),
               Member(name=BEURE_2, civility="Mme", commune="Beure"),
               Member(name=PIREY, civility="M.", commune="Pirey")]
    absent = MORRE_T if substitute_commune == "Morre" else BEURE_2
    attendance = [Attendance.absent(m.name) if m.name == absent
                  else Attendance.present(m.name) for m in members]
    fields: dict[str, Any] = {
        "body": "Conseil communautaire", "date": datetime.date(2026, 1, 15), "in_office": 4,
        "agenda": Agenda.numbered(2), "members": members, "attendance": attendance,
        "deliberations": [quorum.Deliberation(question="1",
                                              tally=PublishedTally(pour=4))],
        "kind": BodyKind.EPCI, "convened": datetime.date(2026, 1, 8),
        "president": PIREY, "secretary": BEURE_1, "epci": epci}
    fields.update(changes)
    return Sitting(**fields)


def _codes(sitting: Sitting) -> list[str]:
    return [f.code for f in quorum.audit(sitting).findings]


@pytest.mark.parametrize("kind", [EpciKind.COMMUNAUTE_URBAINE, EpciKind.METROPOLE])
def test_a_substitute_where_the_kind_has_none_is_a_warning(kind: EpciKind) -> None:
    report = quorum.audit(_sitting(kind))
    [finding] = report.with_code("substitute-not-provided")
    assert finding.severity == "warning" and finding.members == (MORRE_S,)
    assert "L5211-6" in finding.message
    assert "Mme Sophie SUPPLE est listée comme suppléante" in finding.message
    assert report.exit_status == 0


@pytest.mark.parametrize("kind", [EpciKind.COMMUNAUTE_DE_COMMUNES,
                                  EpciKind.COMMUNAUTE_D_AGGLOMERATION,
                                  EpciKind.SYNDICAT_MIXTE, EpciKind.SYNDICAT_DE_COMMUNES,
                                  None])
def test_a_substitute_where_the_kind_has_them_or_is_unknown_is_clean(
        kind: EpciKind | None) -> None:
    assert _codes(_sitting(kind)) == []


def test_a_substitute_for_a_commune_of_two_titulars_is_a_warning() -> None:
    sitting = _sitting(EpciKind.COMMUNAUTE_DE_COMMUNES, substitute_commune="Beure")
    [finding] = quorum.audit(sitting).with_code("substitute-multi-seat")
    assert finding.severity == "warning" and finding.members == (MORRE_S,)
    assert "Beure" in finding.message and "2 conseillers titulaires" in finding.message
    # the same substitute, for the single-seat commune: clean
    assert _codes(_sitting(EpciKind.COMMUNAUTE_DE_COMMUNES)) == []


def test_a_named_titular_sets_the_commune_of_the_substitute() -> None:
    members = list(_sitting(None).members)
    members[1] = Member(name=MORRE_S, civility="Mme", substitute=True,
                        substitute_for=BEURE_2)
    sitting = _sitting(EpciKind.COMMUNAUTE_D_AGGLOMERATION, members=members,
                       attendance=[Attendance.present(m.name) if m.name != BEURE_2
                                   else Attendance.absent(m.name) for m in members])
    assert _codes(sitting) == ["substitute-multi-seat"]


def test_an_epci_kind_is_for_an_epci_only() -> None:
    with pytest.raises(SittingError, match="EPCI"):
        _sitting(EpciKind.METROPOLE, kind=BodyKind.COMMUNE)
    with pytest.raises(SittingError, match="EPCI"):
        _sitting("metropole")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [EpciKind.METROPOLE, None])
def test_the_epci_kind_survives_json(kind: EpciKind | None) -> None:
    sitting = _sitting(kind)
    data = sitting_to_json(sitting)
    assert data.get("epci") == (kind.value if kind is not None else None)
    assert sitting_from_json(data) == sitting
