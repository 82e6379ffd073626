"""Rule sets and the calendar that picks them from the date of the sitting."""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import quorum
from quorum.errors import SittingError
from quorum.rules import (
    CGCT,
    DEFAULT_CALENDAR,
    HEALTH_EMERGENCY,
    HEALTH_EMERGENCY_REPRESENTED,
    RuleCalendar,
    RulePeriod,
    RuleSet,
    rules_for,
)
from tests.strategies import sittings

D = datetime.date


@given(st.integers(0, 10_000))
def test_cgct_quorum_is_a_strict_majority(in_office: int) -> None:
    threshold = CGCT.quorum_threshold(in_office)
    assert threshold > in_office / 2
    assert threshold - 1 <= in_office / 2
    assert threshold == in_office // 2 + 1


@given(st.integers(0, 10_000))
def test_health_emergency_quorum_is_one_third(in_office: int) -> None:
    threshold = HEALTH_EMERGENCY.quorum_threshold(in_office)
    assert threshold * 3 >= in_office
    assert (threshold - 1) * 3 < in_office


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2020, 3, 23), CGCT),
        (D(2020, 3, 24), HEALTH_EMERGENCY),
        (D(2020, 4, 2), HEALTH_EMERGENCY),
        (D(2020, 4, 3), HEALTH_EMERGENCY_REPRESENTED),
        (D(2020, 7, 10), HEALTH_EMERGENCY_REPRESENTED),
        (D(2020, 7, 11), HEALTH_EMERGENCY),
        (D(2020, 8, 30), HEALTH_EMERGENCY),
        (D(2020, 8, 31), CGCT),
        (D(2020, 11, 14), CGCT),
        (D(2020, 11, 15), HEALTH_EMERGENCY),
        (D(2021, 9, 30), HEALTH_EMERGENCY),
        (D(2021, 10, 1), CGCT),
        (D(2021, 11, 11), CGCT),
        (D(2021, 11, 12), HEALTH_EMERGENCY),
        (D(2022, 7, 31), HEALTH_EMERGENCY),
        (D(2022, 8, 1), CGCT),
        (D(2026, 6, 25), CGCT),
    ],
)
def test_default_calendar_boundaries(day: datetime.date, expected: RuleSet) -> None:
    assert rules_for(day) == expected
    assert DEFAULT_CALENDAR.rules_for(day) == expected


def test_every_boundary_is_a_parameter() -> None:
    calendar = RuleCalendar.health_emergency(third_start=D(2021, 11, 10))
    assert calendar.rules_for(D(2021, 11, 10)) == HEALTH_EMERGENCY
    assert rules_for(D(2021, 11, 10), calendar) == HEALTH_EMERGENCY
    assert rules_for(D(2021, 11, 10)) == CGCT


def test_calendar_refuses_overlapping_periods() -> None:
    with pytest.raises(SittingError, match="se chevauchent"):
        RuleCalendar((RulePeriod(D(2020, 1, 1), D(2020, 2, 1), CGCT),
                      RulePeriod(D(2020, 2, 1), D(2020, 3, 1), HEALTH_EMERGENCY)))
    with pytest.raises(ValueError):
        RulePeriod(D(2020, 2, 1), D(2020, 1, 1), CGCT)


def test_rule_set_validation() -> None:
    with pytest.raises(SittingError, match="procurations par mandataire"):
        RuleSet(name="x", proxies_per_holder=0)
    with pytest.raises(SittingError, match="fraction du quorum"):
        RuleSet(name="x", quorum_fraction=Fraction(3, 2))


@given(sittings(rules=st.just(None)))
def test_a_sitting_takes_the_rules_of_its_date(sitting: quorum.Sitting) -> None:
    assert sitting.rule_set == rules_for(sitting.date)
    assert all(s.quorum == sitting.rule_set.quorum_threshold(sitting.in_office)
               for s in sitting.replay())


def test_two_proxies_under_the_health_emergency() -> None:
    members = [quorum.Member(name=n) for n in "ABCDE"]
    sitting = quorum.Sitting(
        body="Conseil municipal", date=D(2021, 1, 14), in_office=5,
        agenda=quorum.Agenda.numbered(1), members=members,
        attendance=[quorum.Attendance.present("A"), quorum.Attendance.present("B"),
                    quorum.Attendance.absent("C"), quorum.Attendance.absent("D"),
                    quorum.Attendance.absent("E")],
        proxies=[quorum.Proxy(giver=g, holder="A") for g in "CDE"],
    )
    state = sitting.at(1)
    assert (state.present, state.represented, state.quorum, state.quorum_met) == (2, 2, 2, True)
    refused = [u.proxy.giver for u in state.not_exercised]
    assert refused == ["E"]  # earliest given first; ties broken by the giver's name
    cgct = attrs.evolve(sitting, rules=CGCT).at(1)
    assert (cgct.represented, cgct.quorum, cgct.quorum_met) == (1, 3, False)
    spring_2020 = attrs.evolve(sitting, date=D(2020, 5, 7)).at(1)
    assert spring_2020.quorum_count == 4  # present or represented
