"""The audit: for every finding code, a sitting that triggers it and a near-identical one
that does not."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

import quorum
from quorum import (
    Agenda,
    Attendance,
    BodyKind,
    Deliberation,
    HeaderCounts,
    MatchReason,
    Member,
    Proxy,
    PublishedTally,
    Reconciliation,
    RecordOrigin,
    Sitting,
    Window,
)
from quorum.auditing import clear_days, tally_outcome

REFERENCE = Path(__file__).parent / "data" / "gbm-2026-06-25-rapport-26.json"
NAMES = ("Anne AUBERT", "Bruno BAILLY", "Céline CAIRE", "Didier DEVAUX", "Émile ÉTIENNE")
A, B, C, D, E = NAMES
FIVE_FOR = PublishedTally(pour=5, contre=0, abstention=0)


def build(*, absent: Sequence[str] = (E,), windows: dict[str, tuple[Window, ...]] | None = None,
          proxies: Sequence[Proxy] = (Proxy(giver=E, holder=A),),
          tally: PublishedTally | None = FIVE_FOR,
          deliberation: dict[str, Any] | None = None, **changes: Any) -> Sitting:
    """Five members, three questions; E absent with a proxy to A; a tally at question 2.

    As built with no argument the sitting is clean: the audit finds nothing.
    """
    windows = windows or {}
    attendance = [Attendance.absent(n) if n in absent
                  else Attendance.present(n, *windows.get(n, ())) for n in NAMES]
    fields: dict[str, Any] = {
        "body": "Conseil municipal de Beure", "date": datetime.date(2026, 1, 15),
        "convened": datetime.date(2026, 1, 9), "kind": BodyKind.COMMUNE, "in_office": 5,
        "agenda": Agenda.numbered(3), "president": A, "secretary": B,
        "members": [Member(name=n, civility="Mme" if n in (A, C) else "M.") for n in NAMES],
        "attendance": attendance, "proxies": list(proxies),
        "deliberations": [Deliberation(question="2", tally=tally, **(deliberation or {}))],
    }
    fields.update(changes)
    return Sitting(**fields)


def codes(sitting: Sitting) -> list[str]:
    return [f.code for f in quorum.audit(sitting).findings]


def test_the_clean_sitting_has_no_finding() -> None:
    report = quorum.audit(build())
    assert report.findings == ()
    assert report.ok and report.exit_status == 0 and report.worst_severity is None
    check = report.tally("2")
    assert (check.present, check.represented, check.castable, check.expected_total) == (4, 1, 5, 5)
    assert check.consistent and check.outcome == "adopted"


# -- tallies -----------------------------------------------------------------------------


def test_tally_inconsistent() -> None:
    report = quorum.audit(build(tally=PublishedTally(pour=4)))
    assert [f.code for f in report.errors] == ["tally-inconsistent"]
    finding = report.errors[0]
    assert finding.question == "2"
    assert "4" in finding.message and "5" in finding.message
    assert E in finding.members  # the exercised proxy that may have been forgotten
    assert report.exit_status == 1
    check = report.tally("2")
    assert (check.published_total, check.expected_total, check.gap) == (4, 5, -1)
    assert "procurations exercées" in check.gap_explanation


def test_tally_too_many_names_the_unexercised_proxy() -> None:
    # D absent at question 2: E's proxy to D is not exercised; the tally counts it anyway.
    sitting = build(proxies=[Proxy(giver=E, holder=D)],
                    windows={D: (Window.until_question(1), Window.from_question(3))})
    report = quorum.audit(sitting)
    check = report.tally("2")
    assert (check.expected_total, check.published_total) == (3, 5)
    assert not check.consistent
    assert "Émile ÉTIENNE → Didier DEVAUX" in check.gap_explanation
    assert D in check.members and E in check.members


def test_interested_members_are_listed_apart() -> None:
    consistent = build(tally=PublishedTally(pour=4, interested=1),
                       deliberation={"interested": (C,)})
    report = quorum.audit(consistent)
    assert report.findings == ()
    check = report.tally("2")
    assert (check.castable, check.expected_total, check.interested_voting) == (4, 5, (C,))
    # Naming the interested member without printing the count is not an inconsistency.
    assert codes(build(tally=PublishedTally(pour=4), deliberation={"interested": (C,)})) == []
    # Printing a count that disagrees is, even when the total agrees.
    wrong = quorum.audit(build(tally=PublishedTally(pour=5, interested=0),
                               deliberation={"interested": (C,)}))
    assert [f.code for f in wrong.errors] == ["tally-inconsistent"]
    assert wrong.tally("2").published_total == wrong.tally("2").expected_total


def test_not_voting_members_count_in_the_total() -> None:
    assert codes(build(tally=PublishedTally(pour=4, not_voting=1),
                       deliberation={"not_voting": (C,)})) == []
    assert codes(build(tally=PublishedTally(pour=4), deliberation={"not_voting": (C,)})) == []
    assert codes(build(tally=PublishedTally(pour=3, not_voting=2),
                       deliberation={"not_voting": (C,)})) == ["tally-inconsistent"]


def test_unanimity_contradicted() -> None:
    assert codes(build(tally=PublishedTally(pour=4, contre=1),
                       deliberation={"unanimous": True})) == ["unanimity-contradicted"]
    report = quorum.audit(build(tally=PublishedTally(pour=4, abstention=1),
                                deliberation={"unanimous": True}))
    assert report.findings == ()
    assert report.tally("2").unanimous_consistent is True
    assert quorum.audit(build()).tally("2").unanimous_consistent is None


def test_tally_tie() -> None:
    report = quorum.audit(build(tally=PublishedTally(pour=2, contre=2, abstention=1)))
    assert [f.code for f in report.findings] == ["tally-tie"]
    assert report.tally("2").outcome == "tie-casting-vote-unknown"
    assert report.tally("2").adopted is None
    decided = quorum.audit(build(tally=PublishedTally(pour=2, contre=2, abstention=1)),
                           president_votes={"2": "pour"})
    assert decided.tally("2").outcome == "adopted-casting-vote"
    secret = quorum.audit(build(tally=PublishedTally(pour=2, contre=2, abstention=1),
                                deliberation={"secret_ballot": True}))
    assert secret.tally("2").outcome == "rejected-tie-secret-ballot"
    assert codes(build(tally=PublishedTally(pour=3, contre=2))) == []


@pytest.mark.parametrize(("pour", "contre", "secret", "president", "outcome"), [
    (3, 2, False, None, "adopted"),
    (2, 3, False, "pour", "rejected"),
    (0, 0, False, "pour", "rejected"),
    (2, 2, False, None, "tie-casting-vote-unknown"),
    (2, 2, False, "pour", "adopted-casting-vote"),
    (2, 2, False, "contre", "rejected-casting-vote"),
    (2, 2, False, "abstention", "rejected"),
    (2, 2, True, "pour", "rejected-tie-secret-ballot"),
])
def test_outcome_under_l2121_20(pour: int, contre: int, secret: bool, president: Any,
                                outcome: str) -> None:
    assert tally_outcome(pour, contre, secret_ballot=secret, president_vote=president) == outcome


def test_tally_not_published() -> None:
    assert codes(build(tally=None)) == ["tally-not-published"]
    assert quorum.audit(build(tally=None)).tallies == ()


# -- quorum --------------------------------------------------------------------------------


def _thin(**changes: Any) -> Sitting:
    """C and D leave after question 1: two present at question 2, quorum 3."""
    return build(windows={C: (Window.until_question(1),), D: (Window.until_question(1),)},
                 tally=PublishedTally(pour=3), **changes)


def test_quorum_not_met() -> None:
    report = quorum.audit(_thin())
    assert [(f.code, f.question) for f in report.errors] == [("quorum-not-met", "2")]
    # Near-identical: D stays, three present.
    assert codes(build(windows={C: (Window.until_question(1),)},
                       tally=PublishedTally(pour=4))) == []


def test_quorum_not_met_reconvened() -> None:
    report = quorum.audit(_thin(reconvened=True))
    assert report.ok
    assert [f.code for f in report.findings] == ["quorum-not-met-reconvened"]


def test_quorum_not_met_agenda() -> None:
    # Quorum fails at question 3, where no deliberation is published.
    sitting = build(windows={C: (Window.until_question(2),), D: (Window.until_question(2),)})
    report = quorum.audit(sitting)
    assert report.ok
    assert [(f.code, f.questions) for f in report.findings] == [("quorum-not-met-agenda", ("3",))]
    assert codes(build(windows={C: (Window.until_question(2),)})) == []


# -- proxies -------------------------------------------------------------------------------


def test_proxy_holder_absent() -> None:
    sitting = build(proxies=[Proxy(giver=E, holder=D)], windows={D: (Window.from_question(3),)},
                    tally=PublishedTally(pour=3))
    report = quorum.audit(sitting)
    assert [f.code for f in report.findings] == ["proxy-holder-absent"]
    finding = report.findings[0]
    assert finding.questions == ("1", "2")
    assert "questions 1 et 2" in finding.message
    assert set(finding.members) == {D, E}
    assert codes(build(proxies=[Proxy(giver=E, holder=D)])) == []


def test_proxy_holder_over_limit() -> None:
    two = build(absent=(D, E), proxies=[Proxy(giver=D, holder=A), Proxy(giver=E, holder=A)],
                tally=PublishedTally(pour=4))
    report = quorum.audit(two)
    assert [f.code for f in report.errors] == ["proxy-holder-over-limit"]
    assert report.errors[0].members[0] == A
    assert report.tally("2").represented == 1
    assert codes(build(absent=(D, E), proxies=[Proxy(giver=D, holder=A),
                                               Proxy(giver=E, holder=B)])) == []
    # Two proxies are allowed under the health-emergency rules.
    assert codes(attrs.evolve(two, rules=quorum.HEALTH_EMERGENCY,
                              deliberations=[Deliberation(question="2",
                                                          tally=PublishedTally(pour=5))])) == []


def test_proxy_giver_present() -> None:
    sitting = build(absent=(), tally=PublishedTally(pour=5), in_office=5)
    report = quorum.audit(sitting)
    assert [f.code for f in report.findings] == ["proxy-giver-present"]
    # A proxy for the questions after the giver leaves is the usual case, not a finding...
    leaves = build(absent=(), windows={E: (Window.until_question(1),)},
                   proxies=[Proxy(giver=E, holder=A, window=Window.from_question(2))])
    assert codes(leaves) == []
    # ... nor one written for the whole sitting: it takes effect when the giver leaves
    # (a proxy ends only when its giver comes back).
    whole = build(absent=(), windows={E: (Window.until_question(1),)},
                  tally=PublishedTally(pour=5))
    assert codes(whole) == []
    assert whole.at("2").represented == 1
    # Nor one that ends when the giver arrives.
    arrives = build(absent=(), windows={E: (Window.from_question(2),)},
                    proxies=[Proxy(giver=E, holder=A, window=Window.until_question(1))])
    assert codes(arrives) == []


def test_proxy_given_from_a_question_where_the_giver_is_present() -> None:
    sitting = build(absent=(), windows={E: (Window.until_question(2),)},
                    proxies=[Proxy(giver=E, holder=A, window=Window.from_question(2))])
    assert codes(sitting) == ["proxy-giver-present"]


def test_proxy_giver_interested() -> None:
    sitting = build(tally=PublishedTally(pour=4, interested=1),
                    deliberation={"interested": (E,)})
    report = quorum.audit(sitting)
    assert [f.code for f in report.findings] == ["proxy-giver-interested"]
    assert report.tally("2").interested_voting == (E,)
    assert codes(build(tally=PublishedTally(pour=4, interested=1),
                       deliberation={"interested": (C,)})) == []


def test_proxy_holder_interested() -> None:
    sitting = build(tally=PublishedTally(pour=3, interested=1),
                    deliberation={"interested": (A,)})
    report = quorum.audit(sitting)
    assert [f.code for f in report.findings] == ["proxy-holder-interested"]
    assert report.tally("2").expected_total == 4  # E's vote is lost with A's
    assert codes(build(tally=PublishedTally(pour=4, interested=1),
                       deliberation={"interested": (B,)})) == []


# -- officers, convocation, members ---------------------------------------------------------


def test_president_absent() -> None:
    assert codes(build(president=E)) == ["president-absent"]
    assert codes(build(president=D)) == []


def test_secretary_absent() -> None:
    assert codes(build(secretary=E)) == ["secretary-absent"]
    assert codes(build(secretary=None)) == ["secretary-not-named"]


def test_convocation_too_late() -> None:
    report = quorum.audit(build(convened=datetime.date(2026, 1, 10)))
    assert [f.code for f in report.errors] == ["convocation-too-late"]
    assert "4 jours francs" in report.errors[0].message
    # Three clear days are enough for a commune under 3,500 inhabitants.
    small = dict(convened=datetime.date(2026, 1, 11))
    assert codes(build(kind=BodyKind.SMALL_COMMUNE, **small)) == []
    assert codes(build(kind=BodyKind.EPCI, **small)) == ["convocation-too-late"]


def test_convocation_date_unknown() -> None:
    assert codes(build(convened=None)) == ["convocation-date-unknown"]


@pytest.mark.parametrize(("convened", "held", "days"), [
    ("2026-06-19", "2026-06-25", 5),  # the reference sitting
    ("2026-01-09", "2026-01-15", 5),
    ("2026-01-14", "2026-01-15", 0),
    ("2026-01-15", "2026-01-15", 0),
    ("2026-02-25", "2026-03-03", 5),  # across the end of February
    ("2028-02-25", "2028-03-03", 6),  # leap year
])
def test_clear_days(convened: str, held: str, days: int) -> None:
    assert clear_days(datetime.date.fromisoformat(convened),
                      datetime.date.fromisoformat(held)) == days


def test_members_count_mismatch() -> None:
    report = quorum.audit(build(in_office=6))
    assert [f.code for f in report.errors] == ["members-count-mismatch"]
    assert "6" in report.errors[0].message and "5" in report.errors[0].message


def test_substitutes_take_the_seat_of_an_unlisted_titular() -> None:
    members = [Member(name=n, commune=f"Commune {n}") for n in NAMES[:4]]
    members.append(Member(name=E, civility="Mme", commune="Morre", substitute=True))
    sitting = build(members=members, proxies=[], tally=PublishedTally(pour=4))
    assert codes(sitting) == []
    # With the titular also listed, the substitute takes no seat of their own.
    titular = Member(name="Zoé ZELLER", commune="Morre")
    listed = build(members=[*members, titular], proxies=[], tally=PublishedTally(pour=4),
                   attendance=[Attendance.present(n) for n in NAMES[:4]]
                   + [Attendance.absent(E), Attendance.absent("Zoé ZELLER")])
    assert codes(listed) == []
    assert codes(attrs.evolve(listed, in_office=6)) == ["members-count-mismatch"]


# -- header counts ---------------------------------------------------------------------------


def test_header_count_mismatch() -> None:
    good = HeaderCounts(in_office=5, present=4, proxies=1, voters=5)
    assert codes(build(deliberation={"header_counts": good})) == []
    assert codes(build(header_counts=good)) == []
    bad = attrs.evolve(good, present=5)
    report = quorum.audit(build(deliberation={"header_counts": bad}))
    assert [(f.code, f.question) for f in report.errors] == [("header-count-mismatch", "2")]
    assert "présents 5" in report.errors[0].message
    assert codes(build(header_counts=attrs.evolve(good, in_office=6))) == [
        "header-count-mismatch"]


def test_header_proxies_counting_unexercised_proxies_is_explained() -> None:
    sitting = build(absent=(D, E), proxies=[Proxy(giver=D, holder=A), Proxy(giver=E, holder=A)],
                    rules=quorum.CGCT, tally=PublishedTally(pour=4),
                    deliberation={"header_counts": HeaderCounts(present=3, proxies=2, voters=5)})
    report = quorum.audit(sitting)
    headers = report.with_code("header-count-mismatch")
    assert {f.message.split(" : ")[1].split(" ")[0] for f in headers} == {"pouvoirs", "votants"}
    assert any("exercées ou non" in f.message for f in headers)


def test_header_voters_may_leave_out_the_interested() -> None:
    header = HeaderCounts(present=4, proxies=1, voters=4)
    assert codes(build(tally=PublishedTally(pour=4, interested=1),
                       deliberation={"interested": (C,), "header_counts": header})) == []


# -- reconciliations ------------------------------------------------------------------------


def test_reconciliations_are_warnings_with_both_spellings_and_lines() -> None:
    origin = RecordOrigin(files=("extrait.txt",), reconciliations=[
        Reconciliation(kind="member", canonical=D, written="Didier DEVEAUX", line=31,
                       canonical_line=25, reasons=[MatchReason.SPELLING,
                                                   MatchReason.ONLY_ONE_OF_COMMUNE],
                       commune="Besançon"),
        Reconciliation(kind="commune", canonical="Champagny", written="Champagney", line=31,
                       canonical_line=25, reasons=[MatchReason.SPELLING]),
    ])
    report = quorum.audit(build(origin=origin))
    assert [(f.severity, f.code, f.line, f.file) for f in report.findings] == [
        ("warning", "commune-reconciled", 31, "extrait.txt"),
        ("warning", "name-reconciled", 31, "extrait.txt"),
    ]
    named = report.with_code("name-reconciled")[0]
    assert "« Didier DEVEAUX » (ligne 31)" in named.message
    assert f"« {D} » (ligne 25)" in named.message
    assert named.message.endswith(": orthographe voisine ; le seul de Besançon.")
    assert named.members == (D,)
    assert codes(build(origin=RecordOrigin(files=("extrait.txt",)))) == []


def test_a_reason_that_quotes_a_name_comes_with_it() -> None:
    with pytest.raises(quorum.UsageError, match="commune"):
        Reconciliation(kind="member", canonical=D, written="BAILLY", line=3,
                       reasons=[MatchReason.ONLY_ONE_OF_COMMUNE])
    with pytest.raises(quorum.UsageError, match="civilités"):
        Reconciliation(kind="member", canonical=D, written="Mme X", line=3,
                       reasons=["other-civility"], written_civility="Mme")


# -- the report ----------------------------------------------------------------------------


def test_findings_are_sorted_errors_first() -> None:
    sitting = build(secretary=None, tally=PublishedTally(pour=4), convened=None)
    report = quorum.audit(sitting)
    severities = [f.severity for f in report.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert report.worst_severity == "error"


def test_json_follows_the_contract() -> None:
    report = quorum.audit(build(tally=PublishedTally(pour=4, interested=0)))
    data = json.loads(json.dumps(report.to_json()))
    assert list(data) == ["schema", "sitting", "verdict", "exit_status", "findings", "tallies"]
    assert data["schema"] == 1 and data["exit_status"] == report.exit_status == 1
    assert data["sitting"] == {"body": report.body, "date": "2026-01-15",
                               "in_office": 5}
    assert data["verdict"].startswith("Verdict : NON CONFORME")
    for finding in data["findings"]:
        assert {"severity", "code", "question", "line", "message"} <= set(finding)
        assert finding["severity"] in ("error", "warning", "info")
    (tally,) = data["tallies"]
    assert tally["question"] == "2"
    assert {"pour": 4, "contre": 0, "abstention": 0, "interested": 0}.items() \
        <= tally["published"].items()
    assert (tally["expected_total"], tally["consistent"], tally["outcome"]) == (5, False,
                                                                               "adopted")


def test_text_report_gives_the_verdict_first_then_findings_by_severity() -> None:
    origin = RecordOrigin(files=("extrait.txt",), reconciliations=[
        Reconciliation(kind="member", canonical=D, written="Didier DEVEAUX", line=31)])
    text = str(quorum.audit(build(tally=PublishedTally(pour=4), origin=origin, convened=None)))
    lines = text.splitlines()
    assert lines[1].startswith("Verdict : NON CONFORME")
    assert "question 2" in lines[1]
    order = [text.index(h) for h in ("Erreurs (1)", "Avertissements (1)", "Informations (1)",
                                     "Décomptes (1)")]
    assert order == sorted(order)
    assert "extrait.txt:31 [name-reconciled]" in text
    assert "4 publiés, 5 attendus" in text
    assert str(quorum.audit(build())).splitlines()[1].startswith("Verdict : CONFORME")


def test_finding_rejects_a_code_that_is_not_kebab_case() -> None:
    with pytest.raises(ValueError, match="kebab-case"):
        quorum.Finding(severity="error", code="Tally_Bad", message="…")
    with pytest.raises(ValueError, match="severity"):
        quorum.Finding(severity="fatal", code="tally-bad", message="…")  # type: ignore[arg-type]


# -- the reference sitting -------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> Sitting:
    return quorum.sitting_from_json(REFERENCE.read_text(encoding="utf-8"))


def test_reference_audits_without_error(reference: Sitting) -> None:
    report = quorum.audit(reference)
    assert report.ok and report.exit_status == 0
    check = report.tally("26")
    assert (check.present, check.represented, check.voters) == (95, 23, 118)
    assert (check.castable, check.expected_total, check.published_total) == (117, 118, 118)
    assert check.interested_voting == ("Anne FALGA",)
    assert check.consistent and check.outcome == "adopted"
    assert check.unanimous and check.unanimous_consistent
    assert check.outcome_text == "adoptée à l'unanimité"


def test_reference_reports_the_proxy_whose_holder_was_absent(reference: Sitting) -> None:
    report = quorum.audit(reference)
    (finding,) = report.with_code("proxy-holder-absent")
    assert finding.severity == "warning"
    assert finding.members == ("Hasni ALEM", "Aline CHASSAGNE")
    assert finding.questions == tuple(str(n) for n in range(1, 16))
    assert "questions 1 à 15" in finding.message


def test_reference_with_one_vote_more_is_inconsistent(reference: Sitting) -> None:
    deliberation = reference.deliberation("26")
    assert deliberation is not None and deliberation.tally is not None
    changed = attrs.evolve(deliberation, tally=attrs.evolve(deliberation.tally, pour=118))
    report = quorum.audit(attrs.evolve(reference, deliberations=[changed]))
    assert [(f.code, f.question) for f in report.errors] == [("tally-inconsistent", "26")]
    assert "119" in report.errors[0].message and "118" in report.errors[0].message


def test_proxy_not_exercised_for_another_reason() -> None:
    # A substitute gives no proxy: only the titular does (the engine says why).
    members = [*(Member(name=n) for n in NAMES[:4]),
               Member(name=E, substitute=True, substitute_for=A)]
    sitting = build(members=members, in_office=4, absent=(E,), tally=PublishedTally(pour=4))
    statuses = {use.status for use in sitting.at(2).proxies}
    if statuses <= {quorum.ProxyStatus.EXERCISED}:
        pytest.skip("this engine lets a substitute give a proxy")
    report = quorum.audit(sitting)
    assert [f.code for f in report.findings] == ["proxy-not-exercised"]
    assert codes(build(members=members, in_office=4, absent=(E,), proxies=[],
                       tally=PublishedTally(pour=4))) == []


def test_gap_hints_name_the_usual_mistakes() -> None:
    # D is away at question 2: E's proxy to D is not exercised there.
    away = {D: (Window.until_question(1), Window.from_question(3))}
    counted = quorum.audit(build(proxies=[Proxy(giver=E, holder=D)], windows=away,
                                 tally=PublishedTally(pour=4)))
    assert "toutes les procurations de la période, exercées ou non (1, dont 0 exercée)" in (
        counted.tally("2").gap_explanation)
    everyone = quorum.audit(build(proxies=[Proxy(giver=E, holder=D)], windows=away))
    assert "égale le nombre de membres en exercice (5)" in everyone.tally("2").gap_explanation
    # A tally copied from a question where D was there.
    copied = quorum.audit(build(windows=away, tally=PublishedTally(pour=5)))
    assert "égale les votants (présents + représentés) aux questions 1 et 3" in (
        copied.tally("2").gap_explanation)


def test_report_html_marks_rows_by_severity() -> None:
    report = quorum.audit(build(tally=PublishedTally(pour=4), secretary=None))
    page = report._repr_html_()
    assert page.startswith("<p><strong>Verdict : NON CONFORME")
    assert page.count('class="quorum-error"') == 2  # the tally row and the finding row
    assert 'class="quorum-info"' in page and "secretary-not-named" in page
    assert "<caption" in page and "Décomptes" in page and "Constats" in page


def test_a_header_printed_twice_is_reported_once() -> None:
    wrong = HeaderCounts(in_office=5, present=5, proxies=1, voters=5)
    report = quorum.audit(build(header_counts=wrong, deliberation={"header_counts": wrong}))
    assert [f.message.split(" : ")[1].split(" ")[0]
            for f in report.with_code("header-count-mismatch")] == ["présents"]


def test_every_code_is_documented() -> None:
    from quorum.auditing import CODES

    page = (Path(__file__).parents[1] / "docs" / "findings.md").read_text(encoding="utf-8")
    headings = [line for line in page.splitlines() if line.startswith("### ")]
    documented = {code for line in headings for code in line.split("`")[1::2]}
    assert set(CODES) == documented


def test_a_large_sitting_audits_quickly() -> None:
    import random
    import time

    rng = random.Random(1)
    names = [f"Membre {i:03d}" for i in range(150)]
    attendance = [Attendance.present(n) for n in names[:70]]
    for name in names[70:]:
        start = rng.randint(1, 200)
        attendance.append(Attendance.present(name, Window.between(start, rng.randint(start, 200)))
                          if rng.random() < 0.7 else Attendance.absent(name))
    sitting = Sitting(
        body="Conseil", date=datetime.date(2026, 1, 15), in_office=150,
        agenda=Agenda.numbered(200), members=[Member(name=n) for n in names],
        attendance=attendance,
        proxies=[Proxy(giver=g, holder=rng.choice(names[:70]))
                 for g in rng.sample(names[70:], 60)],
        deliberations=[Deliberation(question=str(q),
                                    tally=PublishedTally(pour=rng.randint(50, 140)))
                       for q in range(1, 201)])
    began = time.perf_counter()
    report = quorum.audit(sitting)
    assert time.perf_counter() - began < 10  # about 0.4 s on the development machine
    assert len(report.tallies) == 200


def test_a_reconvened_sitting_is_called_three_clear_days_ahead() -> None:
    # 11 January for the 15th: three clear days (12, 13, 14).
    reconvened = build(reconvened=True, convened=datetime.date(2026, 1, 11))
    assert "convocation-too-late" not in codes(reconvened)
    assert "convocation-too-late" in codes(attrs.evolve(reconvened, reconvened=False))
    too_late = build(reconvened=True, convened=datetime.date(2026, 1, 12))
    assert "CGCT L2121-17" in quorum.audit(too_late).with_code("convocation-too-late")[0].message


def test_civility_doubtful() -> None:
    def members(civility: str, first: str) -> list[Member]:
        return [Member(name=f"{first} CALVAT" if n == A else n, civility=civility if n == A
                       else "M.") for n in NAMES]

    def with_first(civility: str, first: str) -> list[str]:
        sitting = build(members=members(civility, first), president=B,
                        attendance=[Attendance.present(f"{first} CALVAT")]
                        + [Attendance.present(n) if n != E else Attendance.absent(n)
                           for n in NAMES if n != A],
                        proxies=[Proxy(giver=E, holder=B)])
        return [f.code for f in quorum.audit(sitting).with_code("civility-doubtful")]

    assert with_first("M.", "Lylia") == ["civility-doubtful"]
    assert with_first("Mme", "Lylia") == []
    assert with_first("M.", "Nicola") == []  # a man's name ending in -a
    assert with_first("M.", "Ludovic") == []
