"""The writer: a sitting rendered as a record reads back as the same sitting."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import quorum
from quorum import HeaderCounts, PublishedTally, in_record_order, read_record, render_record
from tests.strategies import sittings

RECORDS = Path(__file__).parent / "data" / "records"

TITLES = [None, "Budget primitif 2026", "Tarifs : salle des fêtes",
          "Soutien aux programmes d'actions en faveur de l'innovation (PMT) pour l'année 2026",
          "Désignation d'un représentant – lycée Victor Hugo"]
PLACES = [None, "en mairie", "salle du conseil",
          "Salle des conférences de la CCIT du Doubs 46 avenue Villarceau à Besançon"]


def minutes() -> st.SearchStrategy[datetime.time]:
    return st.builds(datetime.time, st.integers(0, 23), st.integers(0, 59))


def counts() -> st.SearchStrategy[HeaderCounts]:
    number = st.integers(0, 300)
    return st.builds(HeaderCounts, in_office=number, present=number,
                     proxies=st.none() | number, voters=st.none() | number)


def tallies() -> st.SearchStrategy[PublishedTally]:
    number = st.integers(0, 150)
    maybe = st.none() | number
    return st.builds(PublishedTally, pour=number, contre=number, abstention=number,
                     interested=maybe, not_voting=maybe, blank=maybe)


@st.composite
def decorated_sittings(draw: st.DrawFn) -> quorum.Sitting:
    """A sitting of tests.strategies with every header field and deliberation detail drawn."""
    sitting = draw(sittings())
    names = [m.name for m in sitting.members]
    someone = st.none() | st.sampled_from(names)
    attendance = [
        attrs.evolve(a, remote=draw(st.booleans())) if a.windows
        else attrs.evolve(a, excused=draw(st.booleans()))
        for a in sitting.attendance
    ]
    deliberations = [
        attrs.evolve(
            d,
            identifier=draw(st.none() | st.sampled_from(["2026/2026.00171", "D-45", "26AP.112"])),
            title=draw(st.sampled_from(TITLES)),
            # A member interested in a question is not also listed as not voting there.
            not_voting=tuple(draw(st.lists(
                st.sampled_from([n for n in names if n not in d.interested] or [""]),
                unique=True, max_size=2).map(lambda chosen: [n for n in chosen if n]))),
            tally=draw(st.none() | tallies()),
            unanimous=draw(st.booleans()),
            secret_ballot=draw(st.booleans()),
            header_counts=draw(st.none() | counts()),
        )
        for d in sitting.deliberations
    ]
    return attrs.evolve(
        sitting, attendance=attendance, deliberations=deliberations,
        president=draw(someone), secretary=draw(someone),
        convened=draw(st.none() | st.just(sitting.date - datetime.timedelta(days=6))),
        opened=draw(st.none() | minutes()), closed=draw(st.none() | minutes()),
        place=draw(st.sampled_from(PLACES)), header_counts=draw(st.none() | counts()),
        reconvened=draw(st.booleans()),
    )


@given(sittings())
def test_round_trip_over_generated_sittings(sitting: quorum.Sitting) -> None:
    assert read_record(render_record(sitting)) == in_record_order(sitting)


@given(decorated_sittings())
def test_round_trip_with_every_field(sitting: quorum.Sitting) -> None:
    assert read_record(render_record(sitting)) == in_record_order(sitting)


def test_in_record_order_keeps_a_read_sitting(reference: quorum.Sitting) -> None:
    assert in_record_order(reference) == reference


def test_the_reference_sitting_round_trips(reference: quorum.Sitting) -> None:
    text = render_record(reference)
    assert read_record(text) == reference
    assert "Étaient présents : **Amagney :** M. Thomas JAVAUX," in text
    assert "M. Guillaume BAILLY (à compter de la question n° 17)" in text
    assert ("**Roche-Lez-Beaupré :** M. Jacques KRIEGER à M. René BLAISON "
            "(jusqu'à la question n° 32 incluse)") in text
    assert "Mme Anne FALGA, conseillère intéressée, ne prend part ni au débat ni au vote." in text
    assert "Pour : 117\n\nContre : 0\n\nAbstention : 0\n\nConseiller intéressé : 1\n" in text


@pytest.mark.parametrize("record", sorted(p.name for p in RECORDS.glob("*.txt")))
def test_every_test_record_round_trips(record: str) -> None:
    sitting = read_record(RECORDS / record)
    assert read_record(render_record(sitting)) == in_record_order(sitting)


def test_kind_is_written_when_the_body_does_not_say_it(reference: quorum.Sitting) -> None:
    small = attrs.evolve(reference, kind=quorum.BodyKind.SMALL_COMMUNE, epci=None)
    assert "Type d'assemblée : petite commune" in render_record(small)
    assert read_record(render_record(small)).kind is quorum.BodyKind.SMALL_COMMUNE
    municipal = attrs.evolve(reference, body="Conseil municipal de Saône",
                             kind=quorum.BodyKind.SMALL_COMMUNE, epci=None)
    assert "Commune de moins de 3 500 habitants" in render_record(municipal)
    assert read_record(render_record(municipal)) == municipal


@given(decorated_sittings())
def test_extracts_rendered_one_per_deliberation_merge_back(sitting: quorum.Sitting) -> None:
    expected = in_record_order(sitting)
    if len(sitting.deliberations) < 2:
        return
    extracts = [render_record(attrs.evolve(sitting, deliberations=[d]))
                for d in sitting.deliberations]
    merged = quorum.read_records(extracts)
    assert merged == expected
    assert merged.origin is not None and merged.origin.disagreements == ()
