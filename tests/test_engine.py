"""Situations of the replay worth naming one by one (each once got a figure wrong)."""

from __future__ import annotations

import datetime

import attrs
import pytest

import quorum
from quorum import (
    Agenda,
    Attendance,
    Deliberation,
    Member,
    Proxy,
    ProxyStatus,
    PublishedTally,
    Window,
)


def council(members: list[Member], attendance: list[Attendance], proxies: list[Proxy],
            **changes: object) -> quorum.Sitting:
    fields: dict[str, object] = {
        "body": "Conseil de Communauté", "date": datetime.date(2026, 6, 25),
        "in_office": sum(1 for m in members if not m.substitute), "agenda": Agenda.numbered(4),
        "members": members, "attendance": attendance, "proxies": proxies}
    fields.update(changes)
    return quorum.Sitting(**fields)  # type: ignore[arg-type]


def test_a_member_who_leaves_is_represented_until_they_come_back() -> None:
    sitting = council(
        [Member(name="A"), Member(name="B"), Member(name="C")],
        [Attendance.present("A"), Attendance.present("B"),
         Attendance.present("C", Window.until_question(1), Window.from_question(4))],
        [Proxy(giver="C", holder="A")])
    statuses = [state.proxies[0].status for state in sitting.replay()]
    assert statuses == [ProxyStatus.GIVER_PRESENT, ProxyStatus.EXERCISED,
                        ProxyStatus.EXERCISED, ProxyStatus.GIVER_PRESENT]
    assert [s.voters for s in sitting.replay()] == [3, 3, 3, 3]


def test_a_proxy_resumes_when_its_giver_leaves_again() -> None:
    sitting = council(
        [Member(name="A"), Member(name="B"), Member(name="C")],
        [Attendance.present("A"), Attendance.present("B"),
         Attendance.present("C", Window.between(2, 2))],
        [Proxy(giver="C", holder="A")])
    assert [s.represented for s in sitting.replay()] == [1, 0, 1, 1]
    assert [s.voters for s in sitting.replay()] == [3, 3, 3, 3]
    assert sitting.at(2).proxies[0].status is ProxyStatus.GIVER_PRESENT
    assert sitting.at(3).proxies[0].status is ProxyStatus.EXERCISED


def test_a_proxy_ends_for_good_when_its_giver_comes_back_as_an_option() -> None:
    rules = attrs.evolve(quorum.CGCT, proxy_ends_at_arrival=True)
    sitting = council(
        [Member(name="A"), Member(name="B"), Member(name="C")],
        [Attendance.present("A"), Attendance.present("B"),
         Attendance.present("C", Window.between(2, 2))],
        [Proxy(giver="C", holder="A")], rules=rules)
    assert [s.represented for s in sitting.replay()] == [1, 0, 0, 0]
    assert sitting.at(3).proxies[0].status is ProxyStatus.GIVER_ARRIVED


def test_a_substitute_tied_by_commune_sits_for_the_titular() -> None:
    members = [Member(name="A", commune="Besançon"), Member(name="T", commune="Morre"),
               Member(name="S", commune="Morre", substitute=True)]
    sitting = council(members, [Attendance.present("A"), Attendance.absent("T"),
                                Attendance.present("S")],
                      [Proxy(giver="T", holder="A")])
    assert sitting.titular_of("S") == "T"
    state = sitting.at(1)
    # One seat, one vote: the titular's proxy is not exercised while the substitute sits.
    assert (state.present, state.represented, state.voters) == (2, 0, 2)
    assert state.proxies[0].status is ProxyStatus.GIVER_REPLACED
    assert "suppléant de T" in sitting.explain("S", 1)
    with pytest.raises(quorum.TitularAndSubstituteError):
        council(members, [Attendance.present("A"), Attendance.present("T"),
                          Attendance.present("S", Window.from_question(3))], [])


def test_a_substitute_of_an_unlisted_titular_holds_a_seat() -> None:
    members = [Member(name="A", commune="Besançon"), Member(name="B", commune="Besançon"),
               Member(name="S", commune="Morre", substitute=True)]
    sitting = council(members, [Attendance.present("A"), Attendance.absent("B"),
                                Attendance.present("S")], [], in_office=3)
    assert sitting.titular_of("S") is None
    assert sitting.at(1).present == 2


def test_a_substitute_gives_no_proxy() -> None:
    members = [Member(name="A"), Member(name="T"),
               Member(name="S", substitute=True, substitute_for="T")]
    sitting = council(members, [Attendance.present("A"), Attendance.present("T"),
                                Attendance.absent("S")],
                      [Proxy(giver="S", holder="A")])
    assert sitting.at(1).proxies[0].status is ProxyStatus.GIVER_SUBSTITUTE
    assert sitting.at(1).voters == 2


def test_question_keys_given_as_numbers_are_keys() -> None:
    sitting = council([Member(name="A"), Member(name="B")],
                      [Attendance.present("A"), Attendance.present("B", Window.from_question(3))],
                      [], deliberations=[Deliberation(question=2,  # type: ignore[arg-type]
                                                      tally=PublishedTally(pour=9))])
    assert sitting.deliberation("2") is sitting.deliberation(2) is not None
    assert Window(start=3) == Window(start="3")  # type: ignore[arg-type]
    assert quorum.audit(sitting).tally("2").consistent is False


def test_one_member_named_twice_at_one_question() -> None:
    members = [Member(name="A"), Member(name="B")]
    attendance = [Attendance.present("A"), Attendance.present("B")]
    for deliberation in (Deliberation(question="1", interested=("A", "A")),
                         Deliberation(question="1", interested=("A",), not_voting=("A",))):
        with pytest.raises(quorum.SittingError, match="nommé deux fois"):
            council(members, attendance, [], deliberations=[deliberation])


def test_agenda_positions_out_of_range() -> None:
    agenda = Agenda.numbered(3)
    for position in (0, 4, -1):
        with pytest.raises(quorum.UnknownQuestionError):
            agenda.key(position)


def test_bad_figures_are_sitting_errors() -> None:
    with pytest.raises(quorum.SittingError, match="nombre entier"):
        council([Member(name="A")], [Attendance.present("A")], [],
                in_office="3")


def test_misuse_raises_quorum_errors() -> None:
    from quorum.scdl import write_scdl

    sitting = council([Member(name="A")], [Attendance.present("A")], [])
    with pytest.raises(quorum.NoTallyError) as caught:
        quorum.audit(sitting).tally("1")
    assert caught.value.question == "1"
    with pytest.raises(quorum.UsageTypeError):
        write_scdl([42], "unused.csv")  # type: ignore[list-item]
    detached = quorum.replay_from_json(quorum.to_json(sitting.replay())).at(1)
    assert detached.present_members == ("A",)  # rebuilt with its sitting
    bare = quorum.QuestionState(question="1", position=1, in_office=1, present=1,
                                represented=0, interested=0, interested_present=0, quorum=1,
                                quorum_count=1, quorum_met=True)
    with pytest.raises(quorum.DetachedStateError):
        _ = bare.present_members
