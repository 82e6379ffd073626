"""The secretary's live sitting: a member found by a name typed loosely, the evening
recorded move by move (arrives, leaves, gives_proxy), the short and HTML forms.

Each move is checked against the sitting a secretary would have built directly
from the same facts: the two replays must agree question by question.
"""

from __future__ import annotations

import datetime
import html
from itertools import groupby

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import quorum
from quorum import Agenda, Attendance, Member, Proxy, Sitting, Window
from tests.strategies import sittings
from tests.test_cli_french import english_in

# -- small hand-built sittings ------------------------------------------------------


def build(**changes: object) -> Sitting:
    """Five members in office, four questions: Anne, Bob and Cléo present, Dan and Eve
    absent, Eve giving a proxy to Anne."""
    facts: dict[str, object] = {
        "body": "Conseil municipal de Beure", "date": datetime.date(2026, 3, 12),
        "in_office": 5, "agenda": Agenda.numbered(4),
        "members": [Member(name="Anne AUBERT", civility="Mme"),
                    Member(name="Bob BAILLY", civility="M."),
                    Member(name="Cléo CAIRE", civility="Mme"),
                    Member(name="Dan DEVAUX", civility="M."),
                    Member(name="Ève ÉTIENNE", civility="Mme")],
        "attendance": [Attendance.present("Anne AUBERT"), Attendance.present("Bob BAILLY"),
                       Attendance.present("Cléo CAIRE"),
                       Attendance.absent("Dan DEVAUX", excused=True),
                       Attendance.absent("Ève ÉTIENNE")],
        "proxies": [Proxy(giver="Ève ÉTIENNE", holder="Anne AUBERT")],
    }
    facts.update(changes)
    return Sitting(**facts)  # type: ignore[arg-type]


def figures(sitting: Sitting) -> list[tuple[int, int, int, bool]]:
    return [(s.present, s.represented, s.voters, s.quorum_met) for s in sitting.replay()]


def attendance_of(sitting: Sitting, name: str) -> Attendance:
    return next(entry for entry in sitting.attendance if entry.member == name)


# -- lookup ------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Clément DARCQ", "Clement DARCQ", "clément darcq",
                                   "  CLEMENT   Darcq ", "DARCQ Clément", "darcq clement",
                                   "M. Clément DARCQ"])
def test_a_member_found_by_a_loose_spelling(reference: Sitting, typed: str) -> None:
    assert reference.member(typed).name == "Clément DARCQ"


def test_hyphens_and_spaces_are_one(reference: Sitting) -> None:
    assert reference.member("Emmanuelle HUOT-CUSENIER").name == "Emmanuelle HUOT CUSENIER"
    assert reference.member("laurence mulot-cesari").name == "Laurence MULOT CESARI"
    assert reference.member("Leila HANNOUNI").name == "Leïla HANNOUNI"


def test_a_near_miss_suggests_the_closest_name_in_french(reference: Sitting) -> None:
    with pytest.raises(quorum.UnknownMemberError) as caught:
        reference.member("Clement DARQ")
    error = caught.value
    assert isinstance(error, LookupError) and isinstance(error, quorum.QuorumError)
    assert error.member == "Clement DARQ"
    assert error.suggestions[0] == "Clément DARCQ"
    assert str(error) == ("« Clement DARQ » n'est pas membre de la séance ; "
                          "vouliez-vous dire « Clément DARCQ » ?")
    assert english_in(str(error)) == []


def test_a_surname_alone_is_suggested_not_guessed(reference: Sitting) -> None:
    with pytest.raises(quorum.UnknownMemberError) as caught:
        reference.member("VIENET")
    assert set(caught.value.suggestions) == {"Michel VIENET", "Romain VIENET"}
    assert str(caught.value).endswith("« Michel VIENET » ou « Romain VIENET » ?")


def test_a_name_far_from_every_member_has_no_suggestion(reference: Sitting) -> None:
    with pytest.raises(quorum.UnknownMemberError) as caught:
        reference.member("Zygmunt QWYRTZ")
    assert caught.value.suggestions == ()
    assert str(caught.value) == "« Zygmunt QWYRTZ » n'est pas membre de la séance"


def test_an_ambiguous_name_names_every_candidate() -> None:
    sitting = build(members=[Member(name="Anne-Marie AUBERT"), Member(name="Anne Marie AUBERT"),
                             Member(name="Bob BAILLY"), Member(name="Cléo CAIRE"),
                             Member(name="Dan DEVAUX")],
                    attendance=[Attendance.present("Bob BAILLY")], proxies=[])
    with pytest.raises(quorum.AmbiguousMemberError) as caught:
        sitting.member("anne marie aubert")
    error = caught.value
    assert isinstance(error, LookupError) and isinstance(error, quorum.QuorumError)
    assert error.candidates == ("Anne-Marie AUBERT", "Anne Marie AUBERT")
    assert str(error) == ("« anne marie aubert » peut désigner « Anne-Marie AUBERT » et "
                          "« Anne Marie AUBERT » : écrire le nom exactement")
    assert english_in(str(error)) == []
    assert sitting.member("Anne Marie AUBERT").name == "Anne Marie AUBERT"  # exact wins


def test_words_in_another_order_can_be_ambiguous() -> None:
    sitting = build(members=[Member(name="Anne Paul MARC"), Member(name="Paul Anne MARC"),
                             Member(name="Bob BAILLY")],
                    in_office=3, attendance=[Attendance.present("Bob BAILLY")], proxies=[])
    assert sitting.member("paul anne marc").name == "Paul Anne MARC"
    with pytest.raises(quorum.AmbiguousMemberError) as caught:
        sitting.member("MARC Anne Paul")
    assert set(caught.value.candidates) == {"Anne Paul MARC", "Paul Anne MARC"}


def test_explain_goes_through_the_lookup(reference: Sitting) -> None:
    exact = reference.explain("Clément DARCQ", 5)
    assert reference.explain("clement darcq", 5) == exact
    assert quorum.explain(reference, "DARCQ Clement", 5) == exact
    assert reference.replay().explain("Clement DARCQ", 14) == reference.explain(
        "Clément DARCQ", 14)
    with pytest.raises(quorum.UnknownMemberError) as caught:
        reference.explain("Clement DARQ", 5)
    assert caught.value.suggestions[0] == "Clément DARCQ"


# -- the moves on a small sitting --------------------------------------------------


def test_arrives_matches_the_sitting_built_directly() -> None:
    sitting = build()
    moved = sitting.arrives("dan devaux", at=3)
    direct = build(attendance=[*sitting.attendance[:3],
                               Attendance.present("Dan DEVAUX", Window.from_question(3)),
                               sitting.attendance[4]])
    assert moved == direct
    assert figures(moved) == figures(direct)
    assert [s.present for s in moved.replay()] == [3, 3, 4, 4]
    assert sitting.at(3).present == 3  # the sitting it came from is unchanged
    assert not attendance_of(moved, "Dan DEVAUX").excused  # no longer absent throughout


def test_arrives_at_the_opening_is_present_throughout() -> None:
    moved = build().arrives("Dan DEVAUX", at="1")
    assert attendance_of(moved, "Dan DEVAUX").windows == (Window(),)


def test_leaves_with_a_proxy_matches_the_sitting_built_directly() -> None:
    sitting = build()
    moved = sitting.leaves("Bob BAILLY", after=2, proxy_to="Cléo CAIRE")
    direct = build(attendance=[sitting.attendance[0],
                               Attendance.present("Bob BAILLY", Window.until_question(2)),
                               *sitting.attendance[2:]],
                   proxies=[*sitting.proxies,
                            Proxy(giver="Bob BAILLY", holder="Cléo CAIRE",
                                  window=Window.from_question(3))])
    assert moved == direct
    assert figures(moved) == [(3, 1, 4, True), (3, 1, 4, True), (2, 2, 4, False),
                              (2, 2, 4, False)]
    assert moved.explain("Bob BAILLY", 3) == ("M. Bob BAILLY est absent à la question 3 et "
                                              "représenté par Mme Cléo CAIRE (procuration, "
                                              "à compter de la question 3).")


def test_a_member_who_leaves_and_comes_back() -> None:
    moved = build().leaves("Cléo CAIRE", after=1).arrives("Cléo CAIRE", at=3)
    assert attendance_of(moved, "Cléo CAIRE").windows == (Window.until_question(1),
                                                        Window.from_question(3))
    assert [s.present for s in moved.replay()] == [3, 2, 3, 3]


def test_leaving_and_arriving_at_the_next_question_changes_nothing() -> None:
    sitting = build()
    assert sitting.leaves("Cléo CAIRE", after=2).arrives("Cléo CAIRE", at=3) == sitting


def test_gives_proxy_with_a_window() -> None:
    sitting = build()
    moved = sitting.gives_proxy("dan devaux", "BAILLY Bob", start=2, end="3")
    assert moved.proxies[-1] == Proxy(giver="Dan DEVAUX", holder="Bob BAILLY",
                                      window=Window.between(2, 3))
    assert [s.represented for s in moved.replay()] == [1, 2, 2, 1]


def test_a_proxy_given_on_leaving_replaces_the_earlier_one() -> None:
    # Ève, absent, gave Anne a proxy; she comes at 2, leaves after 3 for Bob.
    moved = build().arrives("Ève ÉTIENNE", at=2).leaves("Ève ÉTIENNE", after=3,
                                                         proxy_to="Bob BAILLY")
    assert moved.proxies == (
        Proxy(giver="Ève ÉTIENNE", holder="Anne AUBERT", window=Window.until_question(3)),
        Proxy(giver="Ève ÉTIENNE", holder="Bob BAILLY", window=Window.from_question(4)),
    )
    assert [str(p) for p in moved.at(1).exercised] == ["Ève ÉTIENNE → Anne AUBERT "
                                                       "(jusqu'à la question n° 3 incluse)"]
    assert [p.holder for p in moved.at(4).exercised] == ["Bob BAILLY"]
    assert moved.at(2).represented == 0


def test_a_proxy_to_an_absent_holder_is_kept_for_the_audit() -> None:
    moved = build().leaves("Bob BAILLY", after=1, proxy_to="Dan DEVAUX")
    assert moved.at(2).represented == 1  # Ève's alone: Dan is absent
    codes = quorum.audit(moved).codes
    assert "proxy-holder-absent" in codes


# -- the moves that cannot be made -------------------------------------------------


def test_arriving_twice_is_refused_in_french() -> None:
    with pytest.raises(quorum.AttendanceChangeError) as caught:
        build().arrives("Anne AUBERT", at=2)
    error = caught.value
    assert isinstance(error, quorum.SittingError)
    assert (error.member, error.question) == ("Anne AUBERT", "2")
    assert str(error) == ("« Anne AUBERT » ne peut pas arriver à la question 2 : "
                          "elle y est déjà présente")
    with pytest.raises(quorum.AttendanceChangeError):
        build().arrives("Dan DEVAUX", at=2).arrives("Dan DEVAUX", at=4)


def test_leaving_where_absent_or_after_the_last_question_is_refused() -> None:
    with pytest.raises(quorum.AttendanceChangeError) as caught:
        build().leaves("Dan DEVAUX", after=2)
    assert str(caught.value) == ("« Dan DEVAUX » ne peut pas partir après la question 2 : "
                                 "il n'y est pas présent")
    with pytest.raises(quorum.AttendanceChangeError):  # leaving before arriving
        build().arrives("Dan DEVAUX", at=3).leaves("Dan DEVAUX", after=2)
    with pytest.raises(quorum.AttendanceChangeError) as caught:
        build().leaves("Anne AUBERT", after=4)
    assert "c'est la dernière de l'ordre de passage" in str(caught.value)


def test_an_unknown_question_names_the_agenda() -> None:
    for move in (lambda s: s.arrives("Dan DEVAUX", at=7),
                 lambda s: s.leaves("Anne AUBERT", after="7"),
                 lambda s: s.gives_proxy("Dan DEVAUX", "Anne AUBERT", end=7)):
        with pytest.raises(quorum.UnknownQuestionError) as caught:
            move(build())
        assert caught.value.question == "7"
        assert caught.value.known == ("1", "2", "3", "4")
        assert str(caught.value) == ("la question « 7 » n'est pas à l'ordre de passage ; "
                                     "il compte 4 questions : 1, 2, 3, 4")


def test_a_long_agenda_is_shown_by_its_ends(reference: Sitting) -> None:
    with pytest.raises(quorum.UnknownQuestionError) as caught:
        reference.arrives("Hasni ALEM", at=57)
    assert str(caught.value).endswith("il compte 56 questions : 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,"
                                      " …, 56")


def test_moves_are_checked_as_any_sitting_is() -> None:
    sitting = build()
    with pytest.raises(quorum.InvertedWindowError):
        sitting.gives_proxy("Dan DEVAUX", "Anne AUBERT", start=3, end=2)
    with pytest.raises(quorum.OverlappingProxiesError):  # Ève's first proxy still runs
        sitting.gives_proxy("Ève ÉTIENNE", "Bob BAILLY", start=3)
    with pytest.raises(quorum.SelfProxyError):
        sitting.leaves("Bob BAILLY", after=1, proxy_to="bob bailly")
    with pytest.raises(quorum.UnknownMemberError) as caught:
        sitting.leaves("Bob BAILLY", after=1, proxy_to="Cleo KAIRE")
    assert caught.value.suggestions == ("Cléo CAIRE",)
    full = build(in_office=4)
    with pytest.raises(quorum.InOfficeError):
        full.arrives("Dan DEVAUX", at=2).arrives("Ève ÉTIENNE", at=3)


def test_a_titular_cannot_arrive_while_the_substitute_sits() -> None:
    sitting = build(members=[*build().members,
                             Member(name="Sue SIMONIN", substitute=True,
                                    substitute_for="Dan DEVAUX")],
                    attendance=[*build().attendance[:3], Attendance.absent("Dan DEVAUX"),
                                Attendance.absent("Ève ÉTIENNE"),
                                Attendance.present("Sue SIMONIN")])
    with pytest.raises(quorum.TitularAndSubstituteError):
        sitting.arrives("Dan DEVAUX", at=3)
    relieved = sitting.leaves("Sue SIMONIN", after=2).arrives("Dan DEVAUX", at=3)
    assert [s.present for s in relieved.replay()] == [4, 4, 4, 4]


# -- the moves on the reference record ---------------------------------------------


def test_the_evening_on_the_reference_record(reference: Sitting) -> None:
    # Hasni ALEM, absent with a proxy to Aline CHASSAGNE (who comes at 16), comes at 20;
    # Anne FALGA leaves after 30 giving a proxy to Thomas JAVAUX, who holds none.
    moved = reference.arrives("Hasni ALEM", at=20).leaves("anne falga", after=30,
                                                          proxy_to="JAVAUX Thomas")
    direct = attrs.evolve(
        reference,
        attendance=[Attendance.present("Hasni ALEM", Window.from_question(20))
                    if e.member == "Hasni ALEM" else
                    Attendance.present("Anne FALGA", Window.until_question(30))
                    if e.member == "Anne FALGA" else e for e in reference.attendance],
        proxies=[*reference.proxies, Proxy(giver="Anne FALGA", holder="Thomas JAVAUX",
                                           window=Window.from_question(31))])
    assert moved == direct
    assert figures(moved) == figures(direct)
    before, after = reference.replay(), moved.replay()
    for old, new in zip(before, after, strict=True):
        position = old.position
        # ALEM present from 20, his proxy suspended; FALGA absent from 31, represented:
        # the voters do not change.
        assert new.present - old.present == (position >= 20) - (position >= 31)
        assert new.represented - old.represented == -(position >= 20) + (position >= 31)
        assert new.voters == old.voters
    assert (moved.at(26).present, moved.at(26).represented) == (96, 22)
    assert "représentée par M. Thomas JAVAUX" in moved.explain("Anne FALGA", 31)
    assert reference.at(26).present == 95


# -- the short and the HTML forms --------------------------------------------------


def test_the_short_repr(reference: Sitting) -> None:
    text = repr(reference)
    assert len(text) < 300
    assert text == ("Sitting(body='Conseil de Communauté de Grand Besançon Métropole', "
                    "date=2026-06-25, in_office=122, members=122, questions=56 ['1' … '56'], "
                    "proxies=29, deliberations=1)")
    full = reference.full_repr()
    assert len(full) > 20_000
    assert full.startswith("Sitting(body='Conseil de Communauté de Grand Besançon Métropole', "
                           "date=datetime.date(2026, 6, 25), in_office=122, agenda=Agenda(")
    for member in reference.members:
        assert repr(member) in full
    for proxy in reference.proxies:
        assert repr(proxy) in full
    assert "origin=" not in full and "_replayed" not in full


def test_the_short_repr_of_a_long_body() -> None:
    text = repr(build(body="Conseil " + "très " * 30 + "long", date=None))
    assert "date=None" in text and "…'" in text and len(text) < 300


def test_the_html_summary(reference: Sitting) -> None:
    page = reference._repr_html_()
    assert page.startswith('<table class="quorum-table quorum-sitting">')
    assert "<td style=\"text-align:left\">Conseil de Communauté de Grand Besançon Métropole" \
        in page
    assert "25 juin 2026" in page
    assert f">{reference.at(1).present} (question 1)<" in page
    assert ">122<" in page and ">29<" in page and ">56 : 1 … 56<" in page
    assert "M. Ludovic FAGAUT" in page and "Mme Anne OLSZAK" in page


def test_the_html_summary_escapes_every_text() -> None:
    page = build(body="Conseil <script>alert(1)</script> & co")._repr_html_()
    assert "<script>" not in page
    assert html.escape("Conseil <script>alert(1)</script> & co") in page


# -- a property: any evening keeps the counts whole ----------------------------------


@st.composite
def evenings(draw: st.DrawFn) -> tuple[Sitting, list[tuple[str, str, str]]]:
    sitting = draw(sittings(max_members=8, max_questions=8, deliberations=False))
    names = [m.name for m in sitting.members]
    moves = draw(st.lists(st.tuples(st.sampled_from(["arrives", "leaves"]),
                                    st.sampled_from(names),
                                    st.sampled_from(sitting.agenda.questions)),
                          max_size=8))
    return sitting, moves


def _positions(sitting: Sitting, name: str) -> set[int]:
    """Where ``name`` is present, as the replay of the sitting says."""
    return {state.position for state in sitting.replay() if name in state.present_members}


@given(evenings())
def test_any_evening_keeps_present_and_absent_whole(
        evening: tuple[Sitting, list[tuple[str, str, str]]]) -> None:
    sitting, moves = evening
    count = len(sitting.agenda)
    model = {m.name: _positions(sitting, m.name) for m in sitting.members}
    for move, name, key in moves:
        position = sitting.agenda.position(key)
        try:
            if move == "arrives":
                sitting = sitting.arrives(name, at=key)
            else:
                sitting = sitting.leaves(name, after=key)
        except quorum.AttendanceChangeError:
            if move == "arrives":
                assert position in model[name]
            else:
                assert position not in model[name] or position == count
            continue
        except quorum.TitularAndSubstituteError:
            assert move == "arrives"  # a titular and their substitute at one question
            continue
        if move == "arrives":
            model[name] |= set(range(position, count + 1))
        else:
            model[name] = {p for p in model[name] if p <= position}
        for state in sitting.replay():
            present = {n for n, at in model.items() if state.position in at}
            assert set(state.present_members) == present
            assert set(state.absent_members) == set(model) - present
            assert state.present == len(present)
            assert state.present + state.absent == sitting.in_office
            assert state.absent >= 0
    rebuilt = attrs.evolve(sitting, attendance=[
        Attendance(member=name, windows=[
            Window(start=None if a == 1 else sitting.agenda.key(a),
                   end=None if b == count else sitting.agenda.key(b))
            for a, b in _spans(positions)])
        for name, positions in model.items()])
    assert rebuilt.replay().states == sitting.replay().states


def _spans(positions: set[int]) -> list[tuple[int, int]]:
    """Runs of consecutive positions: those of one run share position − rank."""
    ordered = sorted(positions)
    runs = groupby(enumerate(ordered), key=lambda pair: pair[1] - pair[0])
    return [(group[0][1], group[-1][1]) for group in (list(g) for _, g in runs)]
