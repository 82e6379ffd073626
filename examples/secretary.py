"""Check the published tally of a deliberation, as a secretary of the sitting would.

Usage::

    python examples/secretary.py RECORD [CHART]

``RECORD`` is the published record (text or JSON); the script reads it, shows
the sitting question by question, looks at question 26 (the reference
record's deliberation; otherwise the first question with a published
tally), explains a few members, checks the published tally and prints the
audit's verdict.  With ``CHART`` (a ``.png`` or ``.svg`` file) it also draws
the chart of the sitting there, which needs ``pip install 'quorum[plot]'``.

Exit status: ``0`` the audit finds no error, ``1`` it finds one, ``2`` the
record cannot be read or the chart cannot be drawn.

Try it on the reference record::

    python examples/secretary.py examples/gbm-conseil-2026-06-25-rapport-26.txt seance.png
"""

from __future__ import annotations

import sys

import quorum

QUESTION = "26"


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    record, chart = argv[0], (argv[1] if len(argv) == 2 else None)

    # 1. Read the record.  A record that cannot be read raises a RecordError
    #    naming the file, the line and the column.
    try:
        sitting = quorum.read_record(record)
    except quorum.QuorumError as error:
        print(f"{record}: illisible\n{error}", file=sys.stderr)
        return 2

    # 2. Replay the sitting: every question, in order of passage.
    replay = sitting.replay()
    print(replay)
    print()

    # 3. Look at one question: the reference record's, or the first with a tally.
    published = [d.question for d in sitting.deliberations if d.tally is not None]
    question = QUESTION if QUESTION in published else (published[0] if published
                                                       else sitting.agenda.key(1))
    state = sitting.at(question)
    print(state)
    print(f"  quorum : {state.quorum_count} membres comptés, il en faut {state.quorum}")
    for use in state.not_exercised:
        print(f"  procuration non exercée : {use.proxy} ({use.status.reason})")
    print()

    # 4. Explain a few members: the interested ones, the givers of the proxies not
    #    exercised, and one proxy that ends during the sitting, giver and holder.
    deliberation = sitting.deliberation(question)
    names = list(deliberation.interested) if deliberation else []
    names += [use.proxy.giver for use in state.not_exercised]
    for proxy in [p for p in state.exercised if not p.window.whole][:1]:
        names += [proxy.giver, proxy.holder]
    for name in dict.fromkeys(names):
        print(sitting.explain(name, question))
    print()

    # 5. Check the published tally against the attendance, then the whole sitting.
    report = quorum.audit(sitting)
    if deliberation is not None and deliberation.tally is not None:
        check = report.tally(question)
        verdict = "cohérent" if check.consistent else "INCOHÉRENT"
        print(f"Décompte de la question {question} : {verdict} ; {check.outcome_text}.")
        print(f"  {check.explanation}.")
        if check.gap_explanation:
            print(f"  {check.gap_explanation}")
    print(report.verdict())
    for finding in report.errors:
        print(f"  {finding}")

    # 6. Optionally, the chart of the sitting.
    if chart is not None:
        try:
            replay.plot(path=chart)
        except (quorum.QuorumError, OSError) as error:
            print(f"{chart}: {error}", file=sys.stderr)
            return 2
        print(f"Graphique écrit dans {chart}")
    return report.exit_status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
