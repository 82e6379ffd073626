"""Every bad value given to the model is refused when it is built, in French.

Each test builds one bad value through the API and checks that the error is a
:class:`quorum.QuorumError` (and a ``ValueError``, as :class:`quorum.SittingError`
is) with a French message; a value the model converts (an ISO date) is checked
to arrive converted.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from fractions import Fraction

import pytest

import quorum
from tests.test_cli_french import english_in

# Identifiers a message may quote to show what to write: class names and the value given.
_IDENTIFIERS = re.compile(r"\b(?:Member|Attendance|Proxy|Deliberation|Window|RuleSet|RulePeriod|"
                          r"Fraction|datetime)\b[\w.]*(?:\([^()]*\))?|'[^']*'|\"[^\"]*\"")


_FRENCH = re.compile(r"\b(?:doit|pas|est|sont|une?|les?|la|des|du)\b")


def _french(error: BaseException) -> str:
    message = str(error)
    assert english_in(_IDENTIFIERS.sub(" ", message)) == [], message
    assert _FRENCH.search(message), message
    return message


def refused(build: Callable[[], object], *also: type[BaseException]) -> str:
    """The French message of the QuorumError (and ValueError) that ``build`` raises."""
    with pytest.raises(quorum.QuorumError) as caught:
        build()
    assert isinstance(caught.value, ValueError)
    for kind in also:
        assert isinstance(caught.value, kind)
    return _french(caught.value)


def sitting(**changes: object) -> quorum.Sitting:
    facts: dict[str, object] = {
        "body": "Conseil municipal de Beure", "date": datetime.date(2026, 1, 15),
        "in_office": 3, "agenda": quorum.Agenda(["1", "2", "3"]),
        "members": [quorum.Member(name=n) for n in ("Anne FALGA", "Hasni ALEM", "Léa ROY")],
        "attendance": [quorum.Attendance.present("Anne FALGA"),
                       quorum.Attendance.present("Hasni ALEM", quorum.Window.until_question(2)),
                       quorum.Attendance.absent("Léa ROY")],
    }
    facts.update(changes)
    return quorum.Sitting(**facts)  # type: ignore[arg-type]


# -- names ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", " ", "\t\n"])
def test_a_blank_name_is_refused(name: str) -> None:
    assert "vide" in refused(lambda: quorum.Member(name=name), quorum.SittingError)


def test_a_name_that_is_not_text_is_refused() -> None:
    assert "texte" in refused(lambda: quorum.Member(name=12))  # type: ignore[arg-type]


# -- rules ---------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, -1])
def test_a_holder_needs_room_for_one_proxy_at_least(count: int) -> None:
    message = refused(lambda: quorum.RuleSet(name="r", proxies_per_holder=count))
    assert "procurations par mandataire" in message


def test_proxies_per_holder_as_text_is_refused() -> None:
    refused(lambda: quorum.RuleSet(name="r", proxies_per_holder="2"))  # type: ignore[arg-type]


@pytest.mark.parametrize("fraction", [Fraction(0), Fraction(3, 2), Fraction(-1, 3)])
def test_a_quorum_fraction_outside_zero_to_one_is_refused(fraction: Fraction) -> None:
    assert "fraction du quorum" in refused(lambda: quorum.RuleSet(name="r",
                                                                  quorum_fraction=fraction))


def test_a_quorum_fraction_as_a_float_is_refused() -> None:
    # 1/3 as a float puts the threshold one too high at 3, 6, 9 … members in office.
    message = refused(lambda: quorum.RuleSet(name="r", quorum_fraction=1 / 3))  # type: ignore[arg-type]
    assert "Fraction(1, 3)" in message


def test_a_rule_period_that_ends_before_it_starts_is_refused() -> None:
    refused(lambda: quorum.RulePeriod(datetime.date(2020, 7, 1), datetime.date(2020, 6, 1),
                                      quorum.CGCT))


def test_a_rule_period_given_text_for_a_day_is_refused() -> None:
    refused(lambda: quorum.RulePeriod("2020-06-01", datetime.date(2020, 7, 1),  # type: ignore[arg-type]
                                      quorum.CGCT))


def test_overlapping_rule_periods_are_refused() -> None:
    first = quorum.RulePeriod(datetime.date(2020, 1, 1), datetime.date(2020, 3, 31), quorum.CGCT)
    second = quorum.RulePeriod(datetime.date(2020, 3, 1), datetime.date(2020, 6, 30),
                               quorum.HEALTH_EMERGENCY)
    assert "chevauchent" in refused(lambda: quorum.RuleCalendar((first, second)))


def test_a_calendar_of_something_else_than_periods_is_refused() -> None:
    refused(lambda: quorum.RuleCalendar((quorum.CGCT,)))  # type: ignore[arg-type]


# -- dates and hours -----------------------------------------------------------------


@pytest.mark.parametrize("field", ["date", "convened", "reports_sent"])
def test_an_iso_date_is_converted(field: str) -> None:
    built = sitting(**{field: "2026-01-09"})
    assert getattr(built, field) == datetime.date(2026, 1, 9)


def test_a_sitting_dated_by_iso_text_can_be_audited() -> None:
    built = sitting(date="2026-01-15", convened="2026-01-09", kind=quorum.BodyKind.COMMUNE)
    assert built == sitting(convened=datetime.date(2026, 1, 9), kind=quorum.BodyKind.COMMUNE)
    assert quorum.audit(built).exit_status == quorum.audit(
        sitting(convened=datetime.date(2026, 1, 9), kind=quorum.BodyKind.COMMUNE)).exit_status


@pytest.mark.parametrize("field", ["date", "convened", "reports_sent"])
@pytest.mark.parametrize("value", ["15/01/2026", "2026-02-30", "demain"])
def test_a_date_that_is_not_iso_is_refused(field: str, value: str) -> None:
    assert "AAAA-MM-JJ" in refused(lambda: sitting(**{field: value}))


@pytest.mark.parametrize("value", [20260115, 2026.0115, ["2026-01-15"]])
def test_a_date_of_another_type_is_refused(value: object) -> None:
    refused(lambda: sitting(date=value))


def test_a_date_with_an_hour_is_refused() -> None:
    message = refused(lambda: sitting(date=datetime.datetime(2026, 1, 15, 18, 30)))
    assert ".date()" in message


def test_an_iso_hour_is_converted_and_a_bad_one_refused() -> None:
    assert sitting(opened="18:30").opened == datetime.time(18, 30)
    assert "HH:MM" in refused(lambda: sitting(closed="18h30"))


# -- lists ---------------------------------------------------------------------------


def test_names_where_members_are_expected_are_refused() -> None:
    message = refused(lambda: sitting(members=["Anne FALGA", "Hasni ALEM", "Léa ROY"]))
    assert "les membres" in message and "Member(name=" in message


@pytest.mark.parametrize(("field", "value"), [
    ("members", "Anne FALGA"),
    ("attendance", ["Anne FALGA"]),
    ("proxies", [("Léa ROY", "Anne FALGA")]),
    ("deliberations", ["1"]),
])
def test_a_list_of_the_wrong_things_is_refused(field: str, value: object) -> None:
    refused(lambda: sitting(**{field: value}))


def test_a_single_window_where_windows_are_expected_is_refused() -> None:
    refused(lambda: quorum.Attendance(member="Anne FALGA",
                                      windows=quorum.Window()))  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["interested", "not_voting", "voted_pour", "voted_contre",
                                   "voted_abstention"])
def test_a_single_name_where_names_are_expected_is_refused(field: str) -> None:
    # Refused rather than wrapped: « Anne FALGA, Hasni ALEM » would pass for one name.
    message = refused(lambda: quorum.Deliberation(question="1", **{field: "Anne FALGA"}))  # type: ignore[arg-type]
    assert '["Anne FALGA"]' in message


def test_a_tuple_of_names_is_still_accepted() -> None:
    assert quorum.Deliberation(question="1", interested=["Anne FALGA"]).interested == (
        "Anne FALGA",)


# -- members in office ---------------------------------------------------------------


def test_fewer_in_office_than_present_is_refused() -> None:
    message = refused(lambda: sitting(in_office=1))
    assert "2 membres sont présents à la question 1" in message


def test_in_office_counts_the_most_present_at_one_question() -> None:
    # Anne throughout, Hasni up to 2, Léa from 3: never more than two at once.
    built = sitting(in_office=2, attendance=[
        quorum.Attendance.present("Anne FALGA"),
        quorum.Attendance.present("Hasni ALEM", quorum.Window.until_question(2)),
        quorum.Attendance.present("Léa ROY", quorum.Window.from_question(3))])
    assert max(state.present for state in built.replay()) == 2
    assert all(state.absent >= 0 for state in built.replay())


def test_overlapping_windows_of_one_member_count_once() -> None:
    built = sitting(in_office=2, attendance=[
        quorum.Attendance.present("Anne FALGA", quorum.Window.until_question(2),
                                  quorum.Window.between(2, 3)),
        quorum.Attendance.present("Hasni ALEM"), quorum.Attendance.absent("Léa ROY")])
    assert built.at("2").present == 2


def test_a_substitute_fills_the_seat_of_the_absent_titular() -> None:
    members = [quorum.Member(name="Anne FALGA", commune="Beure"),
               quorum.Member(name="Sue SUPPLÉANTE", substitute=True, substitute_for="Anne FALGA"),
               quorum.Member(name="Hasni ALEM")]
    built = sitting(in_office=2, members=members, attendance=[
        quorum.Attendance.present("Anne FALGA", quorum.Window.until_question(1)),
        quorum.Attendance.present("Sue SUPPLÉANTE", quorum.Window.from_question(2)),
        quorum.Attendance.present("Hasni ALEM")])
    assert [state.present for state in built.replay()] == [2, 2, 2]


def test_in_office_is_required() -> None:
    refused(lambda: sitting(in_office=None))
