"""Issue 9, legal fidelity: named votes, urgency, the compte administratif, materiality.

Each rule: a sitting that triggers its finding and a near-identical one that does not,
built on the five-member council of tests/test_audit.py (E absent, proxy to A).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import quorum
from quorum import BodyKind, Proxy, PublishedTally, Window
from quorum.auditing import tally_outcome
from quorum.jsonio import sitting_from_json, sitting_to_json
from tests.test_audit import A, B, C, D, E, build, codes


def named(**votes: tuple[str, ...]) -> dict[str, Any]:
    return {f"voted_{heading}": names for heading, names in votes.items()}


# -- named votes -------------------------------------------------------------------------

FOUR_ONE = PublishedTally(pour=4, contre=1, abstention=0)


def test_a_named_voter_present_or_represented_is_clean() -> None:
    assert codes(build(tally=FOUR_ONE, deliberation=named(contre=(B,)))) == []
    # E is absent but represented by A: E may be named.
    assert codes(build(tally=FOUR_ONE, deliberation=named(contre=(E,)))) == []


def test_a_named_voter_absent_and_unrepresented() -> None:
    sitting = build(proxies=(), tally=PublishedTally(pour=3, contre=1),
                    deliberation=named(contre=(E,)))
    report = quorum.audit(sitting)
    assert [f.code for f in report.errors] == ["named-voter-absent"]
    finding = report.errors[0]
    assert finding.question == "2" and finding.members == (E,)
    assert "ni présent ni représenté" in finding.message


def test_a_named_voter_whose_proxy_is_not_exercised() -> None:
    # D holds E's proxy but leaves after question 1: E is not represented at question 2.
    sitting = build(proxies=(Proxy(giver=E, holder=D),), windows={D: (Window.until_question(1),)},
                    tally=PublishedTally(pour=2, contre=1), deliberation=named(contre=(E,)))
    assert "named-voter-absent" in codes(sitting)


def test_a_named_voter_interested() -> None:
    tally = PublishedTally(pour=3, contre=1, interested=1)
    clean = build(tally=tally, deliberation={"interested": (C,), **named(contre=(B,))})
    assert codes(clean) == []
    dirty = build(tally=tally, deliberation={"interested": (C,), **named(contre=(C,))})
    report = quorum.audit(dirty)
    assert [f.code for f in report.errors] == ["named-voter-interested"]
    assert "CGCT L2131-11" in report.errors[0].message
    assert "intéressée" in report.errors[0].message  # Céline CAIRE: Mme


def test_a_name_under_two_headings() -> None:
    dirty = build(tally=PublishedTally(pour=4, contre=0, abstention=1),
                  deliberation=named(pour=(B,), abstention=(B,)))
    report = quorum.audit(dirty)
    assert [f.code for f in report.errors] == ["named-voter-twice"]
    assert "« Pour » et « Abstention »" in report.errors[0].message
    clean = build(tally=PublishedTally(pour=4, contre=0, abstention=1),
                  deliberation=named(pour=(B,), abstention=(C,)))
    assert codes(clean) == []


# -- urgency and convocation -------------------------------------------------------------


def test_urgency_with_one_clear_day_is_a_warning() -> None:
    sitting = build(urgent=True, convened=datetime.date(2026, 1, 13))  # 14 January: one day
    report = quorum.audit(sitting)
    assert report.codes == ("urgency-declared",) and report.ok
    assert "se prononcer sur l'urgence" in report.findings[0].message
    # The same delay without urgency is too short.
    assert codes(build(convened=datetime.date(2026, 1, 13))) == ["convocation-too-late"]


def test_urgency_with_no_clear_day_is_an_error() -> None:
    report = quorum.audit(build(urgent=True, convened=datetime.date(2026, 1, 14)))
    assert [f.code for f in report.errors] == ["convocation-too-late"]
    assert "même l'urgence" in report.errors[0].message
    assert "0 jour franc" in report.errors[0].message


def test_urgency_with_the_full_delay_still_needs_the_council_to_rule() -> None:
    assert codes(build(urgent=True)) == ["urgency-declared"]
    assert codes(build()) == []


def test_a_convocation_after_the_sitting() -> None:
    report = quorum.audit(build(convened=datetime.date(2026, 1, 16)))
    assert [f.code for f in report.errors] == ["convocation-after-sitting"]
    assert "jour franc" not in report.errors[0].message
    assert codes(build(convened=datetime.date(2026, 1, 15))) == ["convocation-too-late"]


@pytest.mark.parametrize("kind", [BodyKind.DEPARTEMENT, BodyKind.REGION])
def test_reports_of_a_departement_or_region_twelve_days_ahead(kind: BodyKind) -> None:
    article = "L3121-19" if kind is BodyKind.DEPARTEMENT else "L4132-18"
    on_time = build(kind=kind, reports_sent=datetime.date(2026, 1, 3))  # 12 days
    assert codes(on_time) == []
    late = quorum.audit(build(kind=kind, reports_sent=datetime.date(2026, 1, 4)))
    assert [f.code for f in late.errors] == ["reports-too-late"]
    assert article in late.errors[0].message
    assert codes(build(kind=kind)) == []  # no sending date: not checked
    urgent = build(kind=kind, urgent=True, convened=datetime.date(2026, 1, 13),
                   reports_sent=datetime.date(2026, 1, 13))
    assert codes(urgent) == ["urgency-declared"]
    urgent_late = build(kind=kind, urgent=True, convened=datetime.date(2026, 1, 13),
                        reports_sent=datetime.date(2026, 1, 14))
    assert "reports-too-late" in codes(urgent_late)


def test_reports_are_a_departement_and_region_rule_only() -> None:
    assert codes(build(reports_sent=datetime.date(2026, 1, 10))) == []


# -- compte administratif ----------------------------------------------------------------

ACCOUNTS = "Approbation du Compte Administratif 2025"


def test_accounts_are_recognised_from_the_title() -> None:
    from quorum._audit_legal import is_accounts

    assert is_accounts(quorum.Deliberation(question="1", title="COMPTE FINANCIER UNIQUE 2025"))
    assert is_accounts(quorum.Deliberation(question="1", title="Comptes administratifs 2025"))
    assert is_accounts(quorum.Deliberation(question="1", title="compte adminîstratif"))
    assert not is_accounts(quorum.Deliberation(question="1", title="Compte de gestion 2025"))
    assert not is_accounts(quorum.Deliberation(question="1"))


def test_accounts_outcome_a_tie_or_no_vote_adopts() -> None:
    assert tally_outcome(2, 2, accounts=True) == "adopted"
    assert tally_outcome(0, 0, accounts=True) == "adopted"
    assert tally_outcome(2, 3, accounts=True) == "rejected"
    assert tally_outcome(2, 2, secret_ballot=True, accounts=True) == "adopted"
    assert tally_outcome(2, 2) == "tie-casting-vote-unknown"


def test_accounts_tie_adopts_when_the_president_withdraws() -> None:
    # A presides and holds E's proxy: withdrawing takes 2 votes out; B, C, D vote.
    tally = PublishedTally(pour=1, contre=1, abstention=1)
    report = quorum.audit(build(tally=tally, deliberation={"title": ACCOUNTS}))
    check = report.tally("2")
    assert check.consistent and check.accounts and check.withdrawn == 2
    assert check.expected_total == 3 and check.outcome == "adopted"
    assert "se retire" in check.explanation
    assert report.codes == ("tally-tie",) and "L1612-12" in report.findings[0].message
    # The same figures on an ordinary question are two votes short.
    plain = quorum.audit(build(tally=tally))
    assert plain.codes == ("tally-inconsistent", "tally-tie")
    assert plain.tally("2").outcome == "tie-casting-vote-unknown"


def test_accounts_no_vote_cast_adopts() -> None:
    tally = PublishedTally(pour=0, contre=0, abstention=3)
    check = quorum.audit(build(tally=tally, deliberation={"title": ACCOUNTS})).tally("2")
    assert check.consistent and check.outcome == "adopted"


def test_president_votes_own_accounts() -> None:
    report = quorum.audit(build(deliberation={"title": ACCOUNTS}))  # 5 votes: A counted
    assert report.codes == ("president-votes-own-accounts",) and report.ok
    finding = report.findings[0]
    assert finding.members == (A,) and "CGCT L2121-14" in finding.message
    # Listed as not taking part in the vote: clean (A's proxy goes with her: 3 votes).
    listed = build(tally=PublishedTally(pour=3, not_voting=1),
                   deliberation={"title": ACCOUNTS, "not_voting": (A,)})
    assert "president-votes-own-accounts" not in codes(listed)
    # The same tally on an ordinary question is clean.
    assert codes(build()) == []


def test_president_named_as_voting_on_the_accounts() -> None:
    sitting = build(tally=PublishedTally(pour=2, contre=1),
                    deliberation={"title": ACCOUNTS, **named(pour=(A,))})
    assert "president-votes-own-accounts" in codes(sitting)


# -- materiality -------------------------------------------------------------------------


def test_a_gap_that_cannot_change_the_outcome() -> None:
    report = quorum.audit(build(tally=PublishedTally(pour=4)))  # one vote missing of 5
    check = report.tally("2")
    assert not check.consistent and check.could_change_outcome is False
    assert check.to_json()["could_change_outcome"] is False
    assert "L'écart ne peut pas changer le résultat" in report.errors[0].message


def test_a_gap_that_could_change_the_outcome() -> None:
    report = quorum.audit(build(tally=PublishedTally(pour=2, contre=1)))  # 2 votes missing
    check = report.tally("2")
    assert check.could_change_outcome is True
    assert "L'écart pourrait changer le résultat" in report.errors[0].message


def test_extra_votes_that_could_or_could_not_change_the_outcome() -> None:
    # Expected 5; published 6 = 4 + 2: one vote too many, 4 – 1 still adopts.
    no = quorum.audit(build(tally=PublishedTally(pour=4, contre=2))).tally("2")
    assert no.gap == 1 and no.could_change_outcome is False
    # Published 6 = 3 + 3: one pour too many (3 – 3 → 2 – 3) or one contre (3 – 2).
    yes = quorum.audit(build(tally=PublishedTally(pour=3, contre=3))).tally("2")
    assert yes.gap == 1 and yes.could_change_outcome is True


def test_a_close_vote_that_adds_up() -> None:
    check = quorum.audit(build(tally=PublishedTally(pour=3, contre=2))).tally("2")
    assert check.consistent and check.could_change_outcome is None
    assert check.to_json()["could_change_outcome"] is None


def test_a_gap_hidden_in_the_interested_count() -> None:
    # C interested; the tally prints 2 interested for 1: the totals agree, one vote is missing.
    tally = PublishedTally(pour=3, contre=0, interested=2)
    check = quorum.audit(build(tally=tally, deliberation={"interested": (C,)})).tally("2")
    assert not check.consistent and check.gap == 0
    assert check.could_change_outcome is False  # 3 – 0 and one vote more: 4 – 0 or 3 – 1
    close = PublishedTally(pour=2, contre=1, interested=2)
    check = quorum.audit(build(tally=close, deliberation={"interested": (C,)})).tally("2")
    assert check.gap == 0 and check.could_change_outcome is True  # 2 – 2 is a tie
    _ = D  # the five names stay imported for the readers of this file


# -- reconvened sitting ------------------------------------------------------------------


def _reconvened(failed: tuple[str, ...] | None) -> quorum.Sitting:
    # Only A and B sit: no quorum (3 of 5), which a reconvened sitting does not need.
    agenda = quorum.Agenda(failed) if failed is not None else None
    return build(absent=(C, D, E), proxies=(), tally=PublishedTally(pour=2),
                 reconvened=True, convened=datetime.date(2026, 1, 11), failed_agenda=agenda)


def test_a_reconvened_sitting_on_the_failed_sittings_items() -> None:
    report = quorum.audit(_reconvened(("1", "2", "3")))
    assert report.ok and "quorum-not-met-reconvened" in report.codes
    assert quorum.audit(_reconvened(None)).ok  # the failed agenda unknown: not checked


def test_a_reconvened_sitting_with_a_new_item() -> None:
    report = quorum.audit(_reconvened(("1", "3")))
    assert {f.code for f in report.errors} == {"reconvened-agenda-differs", "quorum-not-met"}
    differs = report.with_code("reconvened-agenda-differs")[0]
    assert differs.question == "2" and "CGCT L2121-17" in differs.message
    # Question 2, new, needed the quorum; questions 1 and 3 did not.
    assert [f.question for f in report.with_code("quorum-not-met")] == ["2"]


def test_the_failed_agenda_survives_json() -> None:
    sitting = _reconvened(("1", "3"))
    assert quorum.sitting_from_json(quorum.sitting_to_json(sitting)) == sitting


# -- attendance by teleconference --------------------------------------------------------


def _remote(kind: BodyKind, date: datetime.date, **deliberation: Any) -> quorum.Sitting:
    attendance = [quorum.Attendance.present(n, remote=n == D) for n in (A, B, C, D)]
    return build(kind=kind, date=date, convened=date - datetime.timedelta(days=6),
                 attendance=[*attendance, quorum.Attendance.absent(E)],
                 deliberation=deliberation or None)


def test_a_commune_may_not_sit_by_teleconference() -> None:
    report = quorum.audit(_remote(BodyKind.COMMUNE, datetime.date(2026, 1, 15)))
    assert [f.code for f in report.errors] == ["remote-attendance-not-allowed"]
    assert report.errors[0].members == (D,)
    # The same sitting during the health emergency: allowed.
    assert codes(_remote(BodyKind.COMMUNE, datetime.date(2021, 3, 4))) == []


def test_an_epci_may_since_august_2022() -> None:
    assert codes(_remote(BodyKind.EPCI, datetime.date(2026, 1, 15))) == []
    late = codes(_remote(BodyKind.EPCI, datetime.date(2021, 10, 14)))  # between the texts
    assert late == ["remote-attendance-not-allowed"]


def test_an_epci_may_not_take_some_items_by_teleconference() -> None:
    day = datetime.date(2026, 1, 15)
    secret = quorum.audit(_remote(BodyKind.EPCI, day, secret_ballot=True))
    assert [f.code for f in secret.errors] == ["remote-vote-excluded"]
    assert "scrutin secret" in secret.errors[0].message
    budget = quorum.audit(_remote(BodyKind.EPCI, day, title="Vote du Budget Primitif 2026"))
    assert [f.code for f in budget.errors] == ["remote-vote-excluded"]
    assert codes(_remote(BodyKind.EPCI, day, title="Budget supplémentaire 2026")) == []


# -- mutations of the reference record (issue 9, « How it is checked ») ------------------

REFERENCE = Path(__file__).parent / "data" / "gbm-2026-06-25-rapport-26.json"


@pytest.fixture(scope="module")
def reference() -> quorum.Sitting:
    return quorum.sitting_from_json(REFERENCE.read_text(encoding="utf-8"))


def _at_26(sitting: quorum.Sitting, **changes: Any) -> quorum.Sitting:
    published = sitting.deliberation("26")
    assert published is not None
    return attrs.evolve(sitting, deliberations=[attrs.evolve(published, **changes)])


def test_reference_named_absent_voter(reference: quorum.Sitting) -> None:
    state = reference.at("26")
    represented = {p.giver for p in state.exercised}
    absent = next(m for m in state.absent_members if m not in represented)
    tally = PublishedTally(pour=116, contre=1, abstention=0, interested=1)
    clean = quorum.audit(_at_26(reference, tally=tally, unanimous=False,
                                voted_contre=(state.present_members[0],)))
    assert clean.exit_status == 0 and clean.tally("26").consistent
    dirty = quorum.audit(_at_26(reference, tally=tally, unanimous=False, voted_contre=(absent,)))
    assert dirty.exit_status == 1 and [f.code for f in dirty.errors] == ["named-voter-absent"]


def test_reference_interested_member_named(reference: quorum.Sitting) -> None:
    report = quorum.audit(_at_26(reference, voted_pour=("Anne FALGA",)))
    assert report.exit_status == 1
    assert [f.code for f in report.errors] == ["named-voter-interested"]


@pytest.mark.parametrize(("convened", "status", "code"), [
    (datetime.date(2026, 6, 23), 0, "urgency-declared"),  # one clear day: 24 June
    (datetime.date(2026, 6, 24), 1, "convocation-too-late"),  # none
])
def test_reference_convened_in_urgency(reference: quorum.Sitting, convened: datetime.date,
                                       status: int, code: str) -> None:
    report = quorum.audit(attrs.evolve(reference, urgent=True, convened=convened))
    assert report.exit_status == status and code in report.codes


def test_reference_accounts_split_evenly(reference: quorum.Sitting) -> None:
    # The president (Ludovic FAGAUT) sits at question 26 and holds no proxy there: he
    # withdraws, 116 votes remain, split 58 – 58.
    tally = PublishedTally(pour=58, contre=58, abstention=0, interested=1)
    report = quorum.audit(_at_26(reference, title="Compte administratif 2025", tally=tally,
                                 unanimous=False))
    check = report.tally("26")
    assert report.exit_status == 0
    assert check.consistent and check.withdrawn == 1 and check.outcome == "adopted"
    plain = quorum.audit(_at_26(reference, tally=tally, unanimous=False))
    assert plain.exit_status == 1 and plain.tally("26").outcome == "tie-casting-vote-unknown"


@pytest.mark.parametrize(("tally", "consistent", "could_change"), [
    (PublishedTally(pour=116, interested=1), False, False),  # one vote missing of 117 – 0
    (PublishedTally(pour=58, contre=57, abstention=1, interested=1), False, True),  # 58 – 58
    (PublishedTally(pour=59, contre=57, abstention=1, interested=1), True, None),  # adds up
])
def test_reference_tally_gaps(reference: quorum.Sitting, tally: PublishedTally,
                              consistent: bool, could_change: bool | None) -> None:
    report = quorum.audit(_at_26(reference, tally=tally, unanimous=False))
    check = report.tally("26")
    assert check.consistent is consistent and check.could_change_outcome is could_change
    assert report.exit_status == (0 if consistent else 1)
    assert report.to_json()["tallies"][0]["could_change_outcome"] is could_change


# -- requests for a secret or a public ballot --------------------------------------------


def test_a_third_of_those_present_asks_for_a_secret_ballot() -> None:
    # 4 present at question 2: 2 requests reach the third, 1 does not.
    report = quorum.audit(build(deliberation={"secret_requested": 2}))
    assert [f.code for f in report.errors] == ["secret-ballot-not-held"]
    assert "CGCT L2121-21" in report.errors[0].message
    assert codes(build(deliberation={"secret_requested": 2, "secret_ballot": True})) == []
    assert codes(build(deliberation={"secret_requested": 1})) == []


def test_a_quarter_asks_for_a_public_ballot() -> None:
    dirty = quorum.audit(build(deliberation={"public_requested": 1, "secret_ballot": True}))
    assert [f.code for f in dirty.errors] == ["public-ballot-not-held"]
    assert codes(build(deliberation={"public_requested": 1})) == []
    # A valid request for a secret ballot prevails over the public one.
    both = {"public_requested": 1, "secret_requested": 2, "secret_ballot": True}
    assert codes(build(deliberation=both)) == []


def test_a_departement_needs_a_sixth_for_a_public_ballot() -> None:
    # 4 present: one request is a sixth (and a quarter); départements have no secret request.
    sitting = build(kind=BodyKind.DEPARTEMENT,
                    deliberation={"public_requested": 1, "secret_requested": 2,
                                  "secret_ballot": True})
    report = quorum.audit(sitting)
    assert [f.code for f in report.errors] == ["public-ballot-not-held"]
    assert "L3121-15" in report.errors[0].message


# -- representatives in another body (CGCT L1111-6, L2131-11) -----------------------------

REPRESENTED_APART = {"representatives": (B, C), "not_voting": (B, C)}
THREE_APART = PublishedTally(pour=3, not_voting=2)


def test_representatives_leave_the_members_in_office_for_the_quorum() -> None:
    # Five in office, four present; B and C represent the commune in the body concerned:
    # three in office for the quorum (threshold 2), two counted present.
    sitting = build(tally=THREE_APART, deliberation=REPRESENTED_APART)
    state = sitting.at("2")
    assert (state.quorum, state.quorum_count, state.quorum_met) == (2, 2, True)
    assert (sitting.at("1").quorum, sitting.at("1").quorum_count) == (3, 4)
    report = quorum.audit(sitting)
    assert codes(sitting) == ["representatives-left-out"]
    [finding] = report.findings
    assert finding.severity == "info" and finding.members == (B, C)
    assert "CGCT L2131-11" in finding.message and "quorum de 2 sur 3" in finding.message
    assert sitting_from_json(sitting_to_json(sitting)) == sitting


def test_the_same_members_interested_stay_in_office_and_the_quorum_fails() -> None:
    sitting = build(tally=PublishedTally(pour=3, interested=2),
                    deliberation={"interested": (B, C)})
    state = sitting.at("2")
    assert (state.quorum, state.quorum_count, state.quorum_met) == (3, 2, False)
    assert "quorum-not-met" in codes(sitting)


def test_without_a_text_representatives_stay_in_office() -> None:
    # A département before loi 2025-1249: no article takes them out of office.
    sitting = build(tally=THREE_APART, deliberation=REPRESENTED_APART,
                    kind=BodyKind.DEPARTEMENT, date=datetime.date(2025, 6, 1),
                    convened=datetime.date(2025, 5, 20))
    state = sitting.at("2")
    assert (state.quorum, state.quorum_count, state.quorum_met) == (3, 2, False)
    report = quorum.audit(sitting)
    assert "quorum-not-met" in codes(sitting)
    [info] = report.with_code("representatives-left-out")
    assert "restent membres en exercice" in info.message


def test_a_representative_named_interested_too_is_refused() -> None:
    with pytest.raises(quorum.QuorumError, match="intéressé et représentant"):
        build(deliberation={"representatives": (B,), "interested": (B,)})
