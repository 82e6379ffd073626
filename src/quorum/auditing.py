"""Audit a sitting: does what was published hold, and exactly why not when it does not?

``quorum.audit(sitting)`` is the function of this module, ``quorum.auditing``
(the module and the function no longer share a name); ``CODES`` and
:func:`clear_days` are imported from here.

Terms (French of the records in brackets):

- *finding*: one thing the audit has to say, :class:`Finding`, with a
  *severity* (``error``: a rule of the CGCT is broken or the published figures
  contradict the attendance; ``warning``: something to look at; ``info``) and
  a stable kebab-case *code*, documented with its legal reference in
  docs/findings.md.
- *tally check*: one published tally (pour, contre, abstention, conseiller
  intéressé, …) checked against the attendance at its question,
  :class:`TallyCheck`.  The votes the tally must account for, its *expected
  total*, are the votes that could be cast (present + represented, less the
  interested members present, CGCT L2131-11) plus the interested members who
  would otherwise have had a vote, whom records list apart.
- *outcome* (L2121-20): adopted when pour > contre (abstentions and blanks
  are not votes cast); in a tie the president's vote decides (voix
  prépondérante), except in a secret ballot where a tie rejects.

>>> import datetime, quorum
>>> sitting = quorum.Sitting(
...     body="Conseil municipal", date=datetime.date(2026, 1, 15),
...     convened=datetime.date(2026, 1, 9), kind=quorum.BodyKind.COMMUNE, in_office=5,
...     agenda=quorum.Agenda(["1"]), secretary="A",
...     members=[quorum.Member(name=n) for n in ("A", "B", "C", "D", "E")],
...     attendance=[quorum.Attendance.present(n) for n in ("A", "B", "C", "D")]
...                + [quorum.Attendance.absent("E")],
...     proxies=[quorum.Proxy(giver="E", holder="A")],
...     deliberations=[quorum.Deliberation(question="1",
...                    tally=quorum.PublishedTally(pour=4, contre=0, abstention=0))],
... )
>>> report = quorum.audit(sitting)
>>> report.exit_status, report.worst_severity
(1, 'error')
>>> [(f.code, f.question) for f in report.findings]
[('tally-inconsistent', '1')]
>>> check = report.tally("1")
>>> check.expected_total, check.published_total, check.outcome
(5, 4, 'adopted')
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from quorum._audit_checks import (
    check_civilities,
    check_convocation,
    check_disagreements,
    check_headers,
    check_officers,
    check_proxies,
    check_quorum,
    check_reconciliations,
    check_reconvened,
    check_seats,
    clear_days,
    seats,
)
from quorum._audit_common import LABELS, SEVERITIES, Finding, Locator, Severity, plural
from quorum._audit_election import check_elections
from quorum._audit_legal import (
    check_ballot_requests,
    check_named_votes,
    check_remote,
    check_representatives,
    check_substitutes,
)
from quorum._audit_reading import NOTE_CODES, check_read_notes
from quorum._audit_tally import (
    OUTCOMES,
    Outcome,
    TallyCheck,
    Vote,
    check_tally,
    outcome_text,
    tally_outcome,
)
from quorum._french import french_date
from quorum.display import html_table
from quorum.errors import NoTallyError
from quorum.model import Sitting

__all__ = [
    "CODES",
    "OUTCOMES",
    "SEVERITIES",
    "AuditReport",
    "Finding",
    "Outcome",
    "Severity",
    "TallyCheck",
    "Vote",
    "audit",
    "clear_days",
    "outcome_text",
    "seats",
    "tally_outcome",
]

def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


def _checks(items: Iterable[TallyCheck]) -> tuple[TallyCheck, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


CODES: tuple[str, ...] = (
    "tally-inconsistent", "unanimity-contradicted", "tally-tie", "tally-not-published",
    "quorum-not-met", "quorum-not-met-reconvened", "quorum-not-met-agenda",
    "proxy-holder-absent", "proxy-holder-over-limit", "proxy-giver-present",
    "proxy-giver-interested", "proxy-holder-interested", "proxy-not-exercised",
    "president-absent", "secretary-absent", "secretary-not-named",
    "convocation-too-late", "convocation-date-unknown", "members-count-mismatch",
    "header-count-mismatch", "name-reconciled", "commune-reconciled", "extracts-disagree",
    "named-voter-absent", "named-voter-interested", "named-voter-twice",
    "urgency-declared", "convocation-after-sitting", "reports-too-late",
    "president-votes-own-accounts", "reconvened-agenda-differs",
    "remote-attendance-not-allowed", "remote-vote-excluded",
    "substitute-not-provided", "substitute-multi-seat", "representatives-left-out",
    "secret-ballot-not-held", "public-ballot-not-held",
    "election-not-secret", "election-figures-inconsistent", "election-majority-misprinted",
    "election-outcome-contradicted", "election-voters-exceed",
    "civility-doubtful", *NOTE_CODES,
)
"""Every finding code the audit emits; each is documented in docs/findings.md."""

_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
_HEADINGS = {"error": "Erreurs", "warning": "Avertissements", "info": "Informations"}


@attrs.frozen(kw_only=True)
class AuditReport:
    """What the audit found: findings (errors first) and one check per published tally."""

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)
    tallies: tuple[TallyCheck, ...] = attrs.field(default=(), converter=_checks)
    body: str | None = None
    date: datetime.date | None = None
    files: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    in_office: int | None = None

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self.with_severity("error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return self.with_severity("warning")

    @property
    def infos(self) -> tuple[Finding, ...]:
        return self.with_severity("info")

    def with_severity(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings of one severity."""
        return tuple(f for f in self.findings if f.severity == severity)

    def with_code(self, code: str) -> tuple[Finding, ...]:
        """The findings of one code."""
        return tuple(f for f in self.findings if f.code == code)

    def at(self, question: str | int) -> tuple[Finding, ...]:
        """The findings about ``question`` (as their question or among their questions)."""
        key = str(question)
        return tuple(f for f in self.findings if f.question == key or key in f.questions)

    def tally(self, question: str | int) -> TallyCheck:
        """The check of the tally published under ``question``."""
        for check in self.tallies:
            if check.question == str(question):
                return check
        raise NoTallyError(str(question))

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order, each once."""
        return tuple(dict.fromkeys(f.code for f in self.findings))

    @property
    def ok(self) -> bool:
        """Whether no finding is an error."""
        return not self.errors

    @property
    def worst_severity(self) -> Severity | None:
        """The most serious severity found, ``None`` when nothing was found."""
        for severity in SEVERITIES:
            if self.with_severity(severity):
                return severity
        return None

    @property
    def exit_status(self) -> int:
        """``0`` when no finding is an error, ``1`` otherwise (the CLI's exit status)."""
        return 0 if self.ok else 1

    def _repr_html_(self) -> str:
        """The verdict, the tally checks and the findings as HTML tables (for notebooks)."""
        return _report_html(self)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def to_json(self) -> dict[str, Any]:
        """The report in the ``audit --format json`` shape (docs/json.md): ``schema``, the
        ``sitting`` (body, date, members in office), ``verdict``, ``exit_status``, then the
        findings and the tally checks."""
        return {"schema": 1,
                "sitting": {"body": self.body,
                            "date": self.date.isoformat() if self.date else None,
                            "in_office": self.in_office},
                "verdict": self.verdict(), "exit_status": self.exit_status,
                "findings": [f.to_json() for f in self.findings],
                "tallies": [t.to_json() for t in self.tallies]}

    def verdict(self) -> str:
        """One French line: does the record hold?"""
        counts = ", ".join([plural(len(self.errors), "erreur"),
                            plural(len(self.warnings), "avertissement"),
                            plural(len(self.infos), "information")])
        inconsistent = [t.question for t in self.tallies if not t.consistent]
        if self.ok:
            head = "CONFORME — aucune erreur"
            if self.tallies:
                head += (" ; décompte cohérent" if len(self.tallies) == 1
                         else f" ; {len(self.tallies)} décomptes cohérents")
        else:
            head = "NON CONFORME"
            if inconsistent:
                head += (" ; décompte incohérent à la question " if len(inconsistent) == 1
                         else " ; décomptes incohérents aux questions ") + ", ".join(inconsistent)
        return f"Verdict : {head} ({counts})."

    def __str__(self) -> str:
        lines: list[str] = []
        title = "Audit"
        if self.body:
            title += f" — {self.body}"
        if self.date:
            title += f", séance du {french_date(self.date)}"
        lines += [title, self.verdict()]
        for severity in SEVERITIES:
            found = self.with_severity(severity)
            if not found:
                continue
            lines += ["", f"{_HEADINGS[severity]} ({len(found)})"]
            for finding in found:
                where = finding.where
                lines.append(f"  {where + ' ' if where else ''}[{finding.code}] {finding.message}")
        if self.tallies:
            lines += ["", f"Décomptes ({len(self.tallies)})"]
            for check in self.tallies:
                verdict = "cohérent" if check.consistent else (
                    f"INCOHÉRENT ({check.published_total} publiés, {check.expected_total} "
                    "attendus)")
                lines.append(f"  question {check.question} : {verdict} ; {check.outcome_text}.")
                lines.append(f"    {check.explanation}.")
                if check.gap_explanation:
                    lines.append(f"    {check.gap_explanation}")
        return "\n".join(lines)


def _report_html(report: AuditReport) -> str:
    import html

    def questions(finding: Finding) -> str:
        if finding.question is not None:
            return finding.question
        if len(finding.questions) > 3:
            return f"{finding.questions[0]} … {finding.questions[-1]}"
        return ", ".join(finding.questions)

    parts = [f"<p><strong>{html.escape(report.verdict())}</strong></p>"]
    if report.tallies:
        parts.append(html_table(
            ["question", "publié", "attendu", "présents", "représentés", "cohérent", "issue"],
            [[t.question, t.published_total, t.expected_total, t.present, t.represented,
              t.consistent, t.outcome_text] for t in report.tallies],
            caption="Décomptes", levels=[None if t.consistent else "error"
                                         for t in report.tallies]))
    if report.findings:
        parts.append(html_table(
            ["gravité", "code", "question", "où", "message"],
            [[LABELS[f.severity], f.code, questions(f), f.where, f.message]
             for f in report.findings],
            caption="Constats", levels=[f.severity for f in report.findings], align="<<<<<"))
    return "\n".join(parts)


def _sort_key(sitting: Sitting) -> Any:
    def key(finding: Finding) -> tuple[int, int, str, str]:
        question = finding.question or (finding.questions[0] if finding.questions else None)
        position = (sitting.agenda.position(question)
                    if question is not None and question in sitting.agenda else 0)
        return (_RANK[finding.severity], position, finding.code, finding.message)
    return key


def audit(sitting: Sitting, *, president_votes: Mapping[str, Vote] | None = None) -> AuditReport:
    """Audit ``sitting``: its tallies against its attendance, and the rules of the CGCT.

    ``president_votes`` maps a question to how the president voted there
    (``"pour"``, ``"contre"``, ``"abstention"``), which decides a tie in an
    open ballot; without it a tie's outcome is ``"tie-casting-vote-unknown"``.
    """
    replayed = sitting.replay()
    locator = Locator(sitting)
    votes = dict(president_votes or {})
    findings: list[Finding] = []
    tallies: list[TallyCheck] = []
    for key in sitting.agenda:
        deliberation = sitting.deliberation(key)
        if deliberation is None:
            continue
        if deliberation.tally is None:
            findings.append(Finding(
                severity="info", code="tally-not-published", question=key, questions=(key,),
                message=f"Question {key} : aucun décompte des voix n'est publié"
                        + (" (« à l'unanimité » seulement)." if deliberation.unanimous else "."),
                **locator.place(("deliberation", key))))
            continue
        check, found = check_tally(sitting, replayed, deliberation, locator, votes.get(key))
        tallies.append(check)
        findings += found
    findings += check_named_votes(sitting, replayed, locator)
    findings += check_remote(sitting, replayed, locator)
    findings += check_substitutes(sitting, replayed, locator)
    findings += check_representatives(sitting, replayed, locator)
    findings += check_ballot_requests(sitting, replayed, locator)
    findings += check_elections(sitting, replayed, locator)
    findings += check_quorum(sitting, replayed, locator)
    findings += check_proxies(sitting, replayed, locator)
    findings += check_officers(sitting, replayed, locator)
    findings += check_convocation(sitting, locator)
    findings += check_reconvened(sitting, locator)
    findings += check_seats(sitting, locator)
    findings += check_headers(sitting, replayed, locator)
    findings += check_reconciliations(sitting)
    findings += check_civilities(sitting, locator)
    findings += check_disagreements(sitting)
    findings += check_read_notes(sitting)
    findings.sort(key=_sort_key(sitting))
    files = sitting.origin.files if sitting.origin is not None else ()
    return AuditReport(findings=findings, tallies=tallies, body=sitting.body, date=sitting.date,
                       files=files, in_office=sitting.in_office)
