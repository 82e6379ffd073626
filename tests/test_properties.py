"""Invariants of the replay on generated sittings, and agreement with the naive recount."""

from __future__ import annotations

import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

import quorum
from quorum import ProxyStatus
from tests.oracle import is_present, naive_state
from tests.strategies import sittings


def _reading(sitting: quorum.Sitting, ends_at_arrival: bool) -> quorum.Sitting:
    """``sitting`` under one reading of a giver's arrival (resumption, or ends for good)."""
    rules = attrs.evolve(sitting.rule_set, proxy_ends_at_arrival=ends_at_arrival)
    return attrs.evolve(sitting, rules=rules)


@given(sittings(), st.booleans())
def test_engine_agrees_with_the_naive_recount(sitting: quorum.Sitting, ends: bool) -> None:
    sitting = _reading(sitting, ends)
    for state in quorum.replay(sitting):
        naive = naive_state(sitting, state.question)
        assert state.present == naive.present
        assert state.represented == naive.represented
        assert state.interested_present == naive.interested_present
        assert (state.quorum, state.quorum_met) == (naive.quorum, naive.quorum_met)
        assert set(state.present_members) == naive.present_members
        assert {(p.giver, p.holder) for p in state.exercised} == naive.exercised


@given(sittings())
def test_present_plus_absent_is_in_office(sitting: quorum.Sitting) -> None:
    for state in quorum.replay(sitting):
        assert state.present + state.absent == sitting.in_office
        assert len(state.present_members) == state.present
        assert state.voters == state.present + state.represented
        assert state.voters <= sitting.in_office
        assert 0 <= state.castable <= state.voters


@given(sittings())
def test_represented_bounded_by_holders(sitting: quorum.Sitting) -> None:
    limit = sitting.rule_set.proxies_per_holder
    for state in quorum.replay(sitting):
        assert state.represented <= state.present * limit
        holders: dict[str, int] = {}
        for proxy in state.exercised:
            holders[proxy.holder] = holders.get(proxy.holder, 0) + 1
        assert all(count <= limit for count in holders.values())


@given(sittings())
def test_no_proxy_exercised_with_giver_present_or_holder_absent(sitting: quorum.Sitting) -> None:
    for state in quorum.replay(sitting):
        present = set(state.present_members)
        interested = set(state.interested_members)
        for use in state.proxies:
            if use.exercised:
                assert use.proxy.giver not in present
                assert use.proxy.holder in present
                assert not {use.proxy.giver, use.proxy.holder} & interested
            elif use.status is ProxyStatus.HOLDER_ABSENT:
                assert use.proxy.holder not in present
            elif use.status is ProxyStatus.GIVER_PRESENT:
                assert use.proxy.giver in present


@given(sittings())
def test_a_proxy_resumes_when_its_giver_leaves_again(sitting: quorum.Sitting) -> None:
    sitting = _reading(sitting, False)
    for state in quorum.replay(sitting):
        for use in state.proxies:
            assert use.status is not ProxyStatus.GIVER_ARRIVED
            if use.status is ProxyStatus.GIVER_PRESENT:
                assert is_present(sitting, use.proxy.giver, state.position)


@given(sittings())
def test_a_proxy_ends_when_its_giver_arrives_as_an_option(sitting: quorum.Sitting) -> None:
    sitting = _reading(sitting, True)
    replayed = quorum.replay(sitting)
    for index, proxy in enumerate(sitting.proxies):
        statuses = [state.proxies[index].status for state in replayed]
        present = [is_present(sitting, proxy.giver, s.position) for s in replayed]
        # Once the giver is back after missing a question of the window, never again.
        for position, status in enumerate(statuses):
            if status is ProxyStatus.GIVER_ARRIVED:
                assert not present[position]
                assert any(present[p] for p in range(position))
                assert ProxyStatus.EXERCISED not in statuses[position:]


@given(sittings(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_list_order(sitting: quorum.Sitting, rng: object) -> None:
    import random

    assert isinstance(rng, random.Random)
    members, attendance, proxies = (list(sitting.members), list(sitting.attendance),
                                    list(sitting.proxies))
    for items in (members, attendance, proxies):
        rng.shuffle(items)
    shuffled = attrs.evolve(sitting, members=members, attendance=attendance, proxies=proxies)
    for a, b in zip(quorum.replay(sitting), quorum.replay(shuffled), strict=True):
        assert a == b
        assert {(p.giver, p.holder) for p in a.exercised} == {
            (p.giver, p.holder) for p in b.exercised}


@given(sittings())
def test_interested_members_do_not_count_towards_quorum(sitting: quorum.Sitting) -> None:
    for state in quorum.replay(sitting):
        expected = state.present - state.interested_present
        if sitting.rule_set.quorum_counts_represented:
            expected += state.represented
        assert state.quorum_count == expected


@given(sittings())
def test_sitting_json_round_trip_is_the_identity(sitting: quorum.Sitting) -> None:
    text = json.dumps(quorum.sitting_to_json(sitting), ensure_ascii=False)
    assert quorum.sitting_from_json(json.loads(text)) == sitting


@given(sittings(max_members=8, max_questions=6))
def test_replay_json_round_trip_is_the_identity(sitting: quorum.Sitting) -> None:
    replayed = quorum.replay(sitting)
    text = json.dumps(quorum.to_json(replayed), ensure_ascii=False)
    back = quorum.replay_from_json(text)
    assert back == replayed
    assert [s.exercised for s in back] == [s.exercised for s in replayed]
