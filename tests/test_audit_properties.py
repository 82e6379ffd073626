"""Properties of the audit on generated sittings.

- a sitting that breaks no rule and publishes tallies that account for every
  vote audits without error;
- changing any single published count by ±1 yields exactly one error, a
  ``tally-inconsistent`` at that question;
- a tie follows the casting-vote rules of CGCT L2121-20.

The expected totals are recounted here from the naive oracle of
tests/oracle.py, not taken from the audit.
"""

from __future__ import annotations

import datetime
import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

import quorum
from quorum import Deliberation, Proxy, PublishedTally, Sitting
from tests.oracle import naive_state
from tests.strategies import sittings

COUNTS = ("pour", "contre", "abstention", "interested", "not_voting", "blank")


def lawful(sitting: Sitting) -> Sitting:
    """``sitting`` made to break no rule the audit checks at error level.

    One proxy per holder, convened ten days before, no president or
    secretary named, and marked as reconvened so that quorum does not apply.
    """
    holders: set[str] = set()
    proxies: list[Proxy] = []
    for proxy in sitting.proxies:
        if proxy.holder not in holders:
            holders.add(proxy.holder)
            proxies.append(proxy)
    return attrs.evolve(sitting, proxies=proxies, reconvened=True,
                        convened=sitting.date - datetime.timedelta(days=10),
                        president=None, secretary=None, header_counts=None)


def expected_total(sitting: Sitting, deliberation: Deliberation) -> tuple[int, int]:
    """(votes the tally must account for, interested members among them), recounted naively.

    An interested member counts when present, or when absent with a proxy that
    the naive recount exercises once nobody is interested (to a holder who is
    not interested either).
    """
    question = deliberation.question
    state = naive_state(sitting, question)
    castable = state.present + state.represented - state.interested_present
    interested = set(deliberation.interested)
    disinterested = attrs.evolve(sitting, deliberations=[
        attrs.evolve(d, interested=()) if d.question == question else d
        for d in sitting.deliberations])
    otherwise = naive_state(disinterested, question).exercised
    voting = sum(1 for name in interested if name in state.present_members
                 or any(giver == name and holder not in interested
                        for giver, holder in otherwise))
    return castable + voting, voting


@st.composite
def published(draw: st.DrawFn) -> tuple[Sitting, list[str]]:
    """A lawful sitting whose deliberations all publish tallies consistent with attendance."""
    sitting = lawful(draw(sittings()))
    deliberations = []
    for deliberation in sitting.deliberations:
        total, voting = expected_total(sitting, deliberation)
        rest = total - voting
        pour = draw(st.integers(0, rest))
        contre = draw(st.integers(0, rest - pour))
        abstention = draw(st.integers(0, rest - pour - contre))
        not_voting = draw(st.integers(0, rest - pour - contre - abstention))
        blank = rest - pour - contre - abstention - not_voting
        tally = PublishedTally(pour=pour, contre=contre, abstention=abstention,
                               interested=voting, not_voting=not_voting, blank=blank)
        deliberations.append(attrs.evolve(deliberation, tally=tally,
                                          unanimous=contre == 0 and pour > 0))
    return attrs.evolve(sitting, deliberations=deliberations), [
        d.question for d in deliberations]


@given(published())
def test_consistent_tallies_audit_without_error(case: tuple[Sitting, list[str]]) -> None:
    sitting, questions = case
    report = quorum.audit(sitting)
    assert report.errors == (), [str(f) for f in report.errors]
    assert report.exit_status == 0
    assert [t.question for t in report.tallies] == [
        q for q in sitting.agenda if q in questions]
    assert all(t.consistent and t.gap == 0 for t in report.tallies)


@given(published(), st.data())
def test_one_count_off_by_one_is_exactly_one_tally_error(case: tuple[Sitting, list[str]],
                                                         data: st.DataObject) -> None:
    sitting, questions = case
    if not questions:
        return
    question = data.draw(st.sampled_from(questions))
    field = data.draw(st.sampled_from(COUNTS))
    deliberation = sitting.deliberation(question)
    assert deliberation is not None and deliberation.tally is not None
    value = getattr(deliberation.tally, field)
    delta = data.draw(st.sampled_from([1, -1] if value > 0 else [1]))
    changed = attrs.evolve(deliberation,
                           tally=attrs.evolve(deliberation.tally, **{field: value + delta}))
    kept = [d if d.question != question else changed for d in sitting.deliberations]
    report = quorum.audit(attrs.evolve(sitting, deliberations=kept))
    assert [(f.code, f.question) for f in report.errors] == [("tally-inconsistent", question)]
    check = report.tally(question)
    assert not check.consistent
    assert check.gap == delta


@given(st.integers(1, 60), st.booleans(), st.sampled_from(["pour", "contre", "abstention", None]),
       st.integers(0, 5))
def test_a_tie_follows_the_casting_vote_rules(votes: int, secret: bool, president: str | None,
                                              abstention: int) -> None:
    outcome = quorum.tally_outcome(votes, votes, secret_ballot=secret,
                                   president_vote=president)  # type: ignore[arg-type]
    if secret:
        assert outcome == "rejected-tie-secret-ballot"
    elif president == "pour":
        assert outcome == "adopted-casting-vote"
    elif president is None:
        assert outcome == "tie-casting-vote-unknown"
    else:
        assert outcome in ("rejected", "rejected-casting-vote")
    # Not a tie: the majority of votes cast decides, whatever the president did.
    assert quorum.tally_outcome(votes + 1, votes, secret_ballot=secret,
                                president_vote="contre") == "adopted"
    assert quorum.tally_outcome(votes, votes + 1, secret_ballot=secret,
                                president_vote="pour") == "rejected"


@given(published(), st.data())
def test_a_published_tie_is_decided_in_the_audit(case: tuple[Sitting, list[str]],
                                                 data: st.DataObject) -> None:
    sitting, _ = case
    ties = []
    for deliberation in sitting.deliberations:
        assert deliberation.tally is not None
        tally = deliberation.tally
        share = tally.pour + tally.contre
        if share < 2 or share % 2:
            ties.append(deliberation)
            continue
        tie = attrs.evolve(tally, pour=share // 2, contre=share // 2)
        ties.append(attrs.evolve(deliberation, tally=tie, unanimous=False,
                                 secret_ballot=data.draw(st.booleans())))
    votes = {d.question: data.draw(st.sampled_from(["pour", "contre", "abstention"]))
             for d in ties}
    report = quorum.audit(attrs.evolve(sitting, deliberations=ties),
                          president_votes=votes)  # type: ignore[arg-type]
    assert report.errors == ()
    for deliberation, check in zip(
            sorted(ties, key=lambda d: sitting.agenda.position(d.question)), report.tallies,
            strict=True):
        assert deliberation.tally is not None
        if deliberation.tally.pour != deliberation.tally.contre or deliberation.tally.pour == 0:
            continue
        assert check.outcome == quorum.tally_outcome(
            deliberation.tally.pour, deliberation.tally.contre,
            secret_ballot=deliberation.secret_ballot,
            president_vote=votes[deliberation.question])  # type: ignore[arg-type]
        assert "tally-tie" in {f.code for f in report.at(deliberation.question)}


@given(sittings(), st.data())
def test_any_sitting_audits_into_documented_codes(sitting: Sitting, data: st.DataObject) -> None:
    from quorum.auditing import CODES

    tallies = []
    for deliberation in sitting.deliberations:
        pour, contre, abstention = (data.draw(st.integers(0, 20)) for _ in range(3))
        tallies.append(attrs.evolve(deliberation, tally=PublishedTally(
            pour=pour, contre=contre, abstention=abstention,
            interested=data.draw(st.one_of(st.none(), st.integers(0, 2))))))
    report = quorum.audit(attrs.evolve(sitting, deliberations=tallies))
    assert set(report.codes) <= set(CODES)
    ranks = [("error", "warning", "info").index(f.severity) for f in report.findings]
    assert ranks == sorted(ranks)
    assert report.exit_status == (1 if report.errors else 0)
    assert json.loads(json.dumps(report.to_json()))["tallies"] == [
        t.to_json() for t in report.tallies]
    assert str(report).splitlines()[1].startswith("Verdict : ")
    for check in report.tallies:
        assert check.consistent == (check.gap == 0 and (
            check.published.interested is None
            or check.published.interested == len(check.interested_voting)))
