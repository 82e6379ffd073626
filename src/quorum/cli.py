"""The ``quorum`` command line: replay a sitting, audit it, export it.

::

    quorum replay RECORD... [--format table|json|csv] [--sep ;] [--question KEY] [--plot FILE]
    quorum audit  RECORD... [--format text|json]
    quorum audit  --each PATH... [--jobs N] [--format text|csv|json] [--sep ;]
    quorum export RECORD... --scdl FILE

``RECORD`` is a path, or ``-`` for standard input; several extracts of one
sitting (one per deliberation, each repeating the header) may be given
together.  Exit status: ``0`` nothing wrong at error level; ``1`` the audit
found at least one error-level finding; ``2`` a record could not be read or
the command line is wrong, with a one-line message naming the file, line and
column (``--details`` adds every problem with a caret under it).  Never a
Python traceback.

``audit --each``: every file is its own sitting, folders are walked (sorted,
recursive) for ``.txt`` and ``.pdf``; one row per record, printed in the order
of the records whatever order the processes finish in (so two runs diff
cleanly); a record that cannot be read is a row with its reason and the run
goes on.  Exit ``0`` all clean, ``1`` a record has an error-level finding,
``2`` a record could not be read.  A progress bar goes to stderr when it is a
terminal.

Everything a person reads is French, argparse's own messages and ``--help``
included (:mod:`quorum._cli_french`).  Any console will do: a character the
console's encoding cannot hold (a cp1252 or ASCII console, a redirect, a pipe)
is written ``?`` instead of failing, JSON escapes it (``\\u00e9``) so the data
stays exact, and the exit status is the record's, never the console's.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from quorum import __version__
from quorum._cli_french import FrenchParser, json_for
from quorum._french import os_reason
from quorum.auditing import audit
from quorum.engine import QuestionState, Replay
from quorum.errors import QuorumError, ReadProblem, RecordError
from quorum.model import Sitting
from quorum.reader import read_record, read_records

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
_STDIN = "<entrée standard>"  # the file named in what is read from standard input


def _parser() -> argparse.ArgumentParser:
    parser = FrenchParser(prog="quorum", description=(
        "Rejouer une séance de conseil à partir de son relevé de présence publié "
        "et vérifier les décomptes de ses votes."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="afficher la version et quitter")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=FrenchParser,
                                     title="commandes", metavar="COMMANDE")

    def records(command: argparse.ArgumentParser) -> None:
        command.add_argument("records", nargs="+", metavar="RELEVÉ",
                             help="un relevé (texte ou JSON), ou - pour l'entrée standard ; "
                                  "plusieurs extraits d'une même séance peuvent être donnés "
                                  "ensemble")
        command.add_argument("--details", action="store_true",
                             help="sur une erreur de lecture, montrer chaque problème, "
                                  "souligné d'un ^")

    replay = commands.add_parser("replay", help="les chiffres de chaque question, dans l'ordre "
                                                "de passage")
    records(replay)
    replay.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="la forme de la sortie (défaut : table)")
    replay.add_argument("--question", metavar="CLÉ",
                        help="seulement cette question, par sa clé")
    replay.add_argument("--detail", action="store_true",
                        help="avec --format json : lister les procurations exercées et non "
                             "exercées à chaque question")
    replay.add_argument("--sep", choices=(",", ";"), default=",",
                        help="avec --format csv : le séparateur de colonnes (; pour un "
                             "tableur en français)")
    replay.add_argument("--plot", metavar="FICHIER",
                        help="dessiner aussi le graphique de la séance (.png ou .svg)")

    audit_ = commands.add_parser("audit", help="vérifier les décomptes et la légalité de la "
                                               "séance")
    records(audit_)
    audit_.add_argument("--format", choices=("text", "json", "csv"), default="text",
                        help="la forme de la sortie (défaut : text) ; csv seulement avec --each")
    audit_.add_argument("--each", action="store_true",
                        help="chaque fichier est sa propre séance, les dossiers sont parcourus "
                             "pour les .txt et .pdf ; une ligne par relevé")
    audit_.add_argument("--jobs", type=int, metavar="N",
                        help="avec --each : processus en même temps (défaut : un par cœur)")
    audit_.add_argument("--sep", choices=(",", ";"), default=",",
                        help="avec --each --format csv : le séparateur de colonnes (; pour un "
                             "tableur en français)")

    export = commands.add_parser("export", help="écrire les lignes open data des délibérations")
    records(export)
    export.add_argument("--scdl", metavar="FICHIER", required=True,
                        help="fichier CSV SCDL « Délibérations » à écrire (- pour la sortie "
                             "standard)")
    return parser


def _read(sources: Sequence[str], stdin: TextIO) -> Sitting:
    if "-" not in sources:
        return read_record(sources[0]) if len(sources) == 1 else read_records(sources)
    if sources.count("-") > 1:
        raise RecordError([ReadProblem(message="l'entrée standard ne se lit qu'une fois",
                                       line=1, column=1, file="-")])
    text = _read_text(stdin)
    if not text.strip():  # the reader would take an empty text for a path
        raise RecordError([ReadProblem(message="l'entrée standard est vide : aucun relevé à lire",
                                       line=1, column=1, file=_STDIN)])
    if len(sources) == 1:
        return read_record(text, file=_STDIN)
    return read_records([read_record(text, file=_STDIN) if s == "-" else s for s in sources])


def _read_text(stdin: TextIO) -> str | bytes:
    """Standard input whatever the console's encoding: its bytes, which the reader decodes
    as a file's (UTF-8, a line that is not read as cp1252 and said), or its text when it
    has no bytes (a StringIO)."""
    raw = getattr(stdin, "buffer", None)
    if raw is None:
        return stdin.read()
    data: bytes = raw.read()
    return data


def _any_console() -> None:
    """Standard output and error never fail on a character the console cannot show
    (a cp1252 or ASCII console, a redirect, a pipe): such a character is written ``?``."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="replace")


def _state_detail(state: QuestionState) -> str:
    lines = [str(state)]
    for proxy in state.exercised:
        lines.append(f"  procuration exercée : {proxy}")
    for use in state.not_exercised:
        lines.append(f"  procuration non exercée : {use.proxy} ({use.status.reason})")
    return "\n".join(lines)


# The replay's columns in French, for a spreadsheet (the JSON keeps the English keys).
_CSV_COLUMNS = {
    "question": "question", "position": "rang", "present": "présents",
    "represented": "représentés", "voters": "votants", "quorum": "quorum",
    "quorum_met": "quorum atteint", "interested": "intéressés", "absent": "absents",
    "in_office": "en exercice", "interested_present": "intéressés présents",
    "quorum_count": "comptés pour le quorum", "castable": "voix possibles",
}


def _csv(rows: list[dict[str, Any]], sep: str = ",") -> str:
    """The replay's rows as CSV: French column names, booleans « oui » / « non »."""
    import csv

    buffer = io.StringIO()
    keys = list(rows[0]) if rows else ["question"]
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow([_CSV_COLUMNS.get(key, key) for key in keys])
    for row in rows:
        writer.writerow([("oui" if row[key] else "non") if isinstance(row[key], bool)
                         else row[key] for key in keys])
    return buffer.getvalue()


def _replay(args: argparse.Namespace, sitting: Sitting, out: TextIO) -> int:
    replayed: Replay = sitting.replay()
    states = [replayed.at(args.question)] if args.question is not None else list(replayed)
    if args.plot:
        replayed.plot(path=args.plot)
    if args.format == "json":
        from quorum.jsonio import dumps_by_line, replay_to_json

        data = replay_to_json(replayed, detail=args.detail,
                              states=states if args.question is not None else None)
        out.write(json_for(out, dumps_by_line(data)) + "\n")
    elif args.format == "csv":
        records = replayed.to_records()
        keep = {state.question for state in states}
        out.write(_csv([row for row in records if row["question"] in keep], args.sep))
    elif args.question is not None:
        out.write(_state_detail(states[0]) + "\n")
    else:
        out.write(str(replayed) + "\n")
    return EXIT_OK


def _audit(args: argparse.Namespace, sitting: Sitting, out: TextIO) -> int:
    report = audit(sitting)
    if args.format == "json":
        text = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
        out.write(json_for(out, text) + "\n")
    else:
        out.write(str(report) + "\n")
    return report.exit_status


def _export(args: argparse.Namespace, sitting: Sitting, out: TextIO) -> int:
    from quorum.scdl import write_scdl

    count = write_scdl(sitting, out if args.scdl == "-" else args.scdl)
    if args.scdl != "-":
        print(f"{count} ligne(s) SCDL écrite(s) dans {args.scdl}", file=sys.stderr)
    return EXIT_OK


def _fail(message: str, err: TextIO) -> int:
    err.write(f"quorum: {message}\n")
    return EXIT_UNREADABLE


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit status (the console script exits with it)."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a wrong command line
        return int(stop.code) if isinstance(stop.code, int) else EXIT_UNREADABLE
    if args.command == "audit" and (args.each or args.format == "csv" or args.jobs is not None
                                    or args.sep != ","):
        if not args.each:
            return _fail("--format csv, --jobs et --sep vont avec --each "
                         "(voir 'quorum audit --help')", err)
        from quorum._cli_each import audit_each

        return audit_each(args, out, err)
    try:
        sitting = _read(args.records, stdin or sys.stdin)
        command = {"replay": _replay, "audit": _audit, "export": _export}[args.command]
        return command(args, sitting, out)
    except RecordError as error:
        if args.details:
            err.write(f"{error}\n")
            return EXIT_UNREADABLE
        return _fail(error.summary, err)
    except QuorumError as error:
        return _fail(_one_line(error), err)
    except OSError as error:  # writing the chart or the export
        return _fail(os_reason(error), err)
    except Exception as error:  # a bug of ours: still one line, never a traceback
        return _fail(f"erreur interne ({type(error).__name__}) : {_one_line(error)} ; "
                     "merci de la signaler avec le relevé", err)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def run() -> NoReturn:
    """Entry point of the console script."""
    _any_console()
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `quorum replay … | head`: stop quietly
        status = EXIT_OK
        # Point stdout at devnull so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except KeyboardInterrupt:
        status = 130
    raise SystemExit(status)
