"""Structural rules of a sitting: each error names the members and questions at fault."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import quorum
from quorum import Agenda, Attendance, Deliberation, Member, Proxy, PublishedTally, Window


def build(**changes: Any) -> quorum.Sitting:
    fields: dict[str, Any] = {
        "body": "Conseil municipal de Beure",
        "date": datetime.date(2026, 3, 12),
        "in_office": 4,
        "agenda": Agenda(["1", "2", "3"]),
        "members": [Member(name=n, civility="Mme") for n in ("Anne A", "Bea B", "Cléo C")]
        + [Member(name="Dan D", civility="M.")],
        "attendance": [Attendance.present("Anne A"), Attendance.present("Bea B"),
                       Attendance.absent("Cléo C"), Attendance.absent("Dan D")],
    }
    fields.update(changes)
    return quorum.Sitting(**fields)


def test_a_valid_sitting_builds() -> None:
    sitting = build(proxies=[Proxy(giver="Cléo C", holder="Anne A")])
    assert sitting.at("1").voters == 3


def test_unknown_giver_and_holder() -> None:
    with pytest.raises(quorum.UnknownMemberError) as caught:
        build(proxies=[Proxy(giver="Zoé Z", holder="Anne A")])
    assert (caught.value.member, caught.value.role) == ("Zoé Z", "giver")
    assert isinstance(caught.value, LookupError)
    with pytest.raises(quorum.UnknownMemberError) as caught:
        build(proxies=[Proxy(giver="Cléo C", holder="Zoé Z")])
    assert (caught.value.member, caught.value.role) == ("Zoé Z", "holder")
    assert str(caught.value) == "« Zoé Z » n'est pas membre de la séance (nommé comme mandataire)"


def test_overlapping_proxies_from_one_giver() -> None:
    with pytest.raises(quorum.OverlappingProxiesError) as caught:
        build(proxies=[Proxy(giver="Cléo C", holder="Anne A", window=Window.until_question(2)),
                       Proxy(giver="Cléo C", holder="Bea B", window=Window.from_question(2))])
    error = caught.value
    assert (error.member, error.holders, error.question) == ("Cléo C", ("Anne A", "Bea B"), "2")
    assert isinstance(error, ValueError)
    # Back to back is fine.
    build(proxies=[Proxy(giver="Cléo C", holder="Anne A", window=Window.until_question(1)),
                   Proxy(giver="Cléo C", holder="Bea B", window=Window.from_question(2))])


def test_window_naming_a_question_off_the_agenda() -> None:
    with pytest.raises(quorum.UnknownQuestionError) as caught:
        build(attendance=[Attendance.present("Anne A", Window.from_question(9))])
    assert (caught.value.question, caught.value.member) == ("9", "Anne A")
    with pytest.raises(quorum.UnknownQuestionError):
        build(proxies=[Proxy(giver="Cléo C", holder="Anne A", window=Window.until_question(4))])


def test_window_ending_before_it_starts() -> None:
    with pytest.raises(quorum.InvertedWindowError) as caught:
        build(attendance=[Attendance.present("Anne A", Window.between(3, 2))])
    assert (caught.value.member, caught.value.start, caught.value.end) == ("Anne A", "3", "2")
    with pytest.raises(quorum.InvertedWindowError):
        build(proxies=[Proxy(giver="Cléo C", holder="Anne A", window=Window.between(2, 1))])


def test_window_order_follows_the_order_of_passage() -> None:
    # Report 3 examined before report 2: "from 3 until 2" is a valid window.
    sitting = build(agenda=Agenda(["1", "3", "2"]),
                    attendance=[Attendance.present("Anne A", Window.between(3, 2))])
    assert [s.present for s in sitting.replay()] == [0, 1, 1]


def test_titular_and_substitute_both_sitting() -> None:
    members = [Member(name="Anne A", commune="Morre"),
               Member(name="Sue S", commune="Morre", substitute=True, substitute_for="Anne A")]
    with pytest.raises(quorum.TitularAndSubstituteError) as caught:
        build(members=members, in_office=1,
              attendance=[Attendance.present("Anne A", Window.until_question(2)),
                          Attendance.present("Sue S", Window.from_question(2))])
    error = caught.value
    assert (error.titular, error.substitute, error.question) == ("Anne A", "Sue S", "2")
    sitting = build(members=members, in_office=1,
                    attendance=[Attendance.present("Anne A", Window.until_question(1)),
                                Attendance.present("Sue S", Window.from_question(2))])
    assert [s.present for s in sitting.replay()] == [1, 1, 1]


def test_member_present_and_absent() -> None:
    with pytest.raises(quorum.PresentAndAbsentError) as caught:
        build(attendance=[Attendance.present("Anne A"), Attendance.absent("Anne A")])
    assert caught.value.member == "Anne A"
    with pytest.raises(quorum.DuplicateAttendanceError):
        build(attendance=[Attendance.present("Anne A"), Attendance.present("Anne A")])


def test_other_structural_errors() -> None:
    with pytest.raises(quorum.DuplicateMemberError):
        build(members=[Member(name="Anne A"), Member(name="Anne A")])
    with pytest.raises(quorum.SelfProxyError):
        Proxy(giver="Anne A", holder="Anne A")
    with pytest.raises(quorum.UnknownMemberError) as caught:
        build(secretary="Zoé Z")
    assert caught.value.role == "secretary"
    with pytest.raises(quorum.UnknownMemberError) as caught:
        build(deliberations=[Deliberation(question="2", interested=("Zoé Z",))])
    assert (caught.value.role, caught.value.question) == ("interested", "2")
    with pytest.raises(quorum.UnknownQuestionError):
        build(deliberations=[Deliberation(question="7")])
    with pytest.raises(quorum.SittingError):
        Agenda(["1", "1"])
    with pytest.raises(quorum.SittingError, match="ne nomme aucune question"):
        Agenda([])
    with pytest.raises(ValueError):
        PublishedTally(pour=-1)


def test_every_error_is_a_quorum_error() -> None:
    for name in quorum.__all__:
        value = getattr(quorum, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, quorum.QuorumError), name


def test_member_display() -> None:
    member = Member(name="Anne FALGA", civility="Mme", commune="Besançon")
    assert member.display == "Mme Anne FALGA" == str(member)
    assert member.feminine
    assert Member(name="Lylia CALVAT", civility="M.").display == "M. Lylia CALVAT"


def test_published_tally_totals() -> None:
    tally = PublishedTally(pour=117, contre=0, abstention=0, interested=1)
    assert (tally.cast, tally.total) == (117, 118)
