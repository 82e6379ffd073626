"""The command line speaks French to the person who runs it, on any console.

Broken inputs (missing file, empty file, no command, bad option, unknown
question, a proxy to someone not listed…) are run and what they print is
searched for English; the replay and the audit are run as the console script
with a Windows (cp1252) or an ASCII console and must neither crash nor change
their exit status.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import quorum
from quorum import cli
from quorum import errors as e

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "gbm-conseil-2026-06-25-rapport-26.txt"
CLEAN = Path(__file__).resolve().parent / "data" / "audit" / "clean.txt"

# Whole words that are English and not French (« argument », « options », « question »,
# « format », « date » or « standard » are French too, so they are not here).
ENGLISH = (
    "the", "error", "errors", "required", "invalid", "not", "file", "record", "records",
    "is", "are", "of", "and", "or", "to", "must", "cannot", "expected", "unrecognized",
    "choose", "from", "missing", "found", "show", "this", "help", "message", "exit",
    "positional", "arguments are", "unknown", "agenda", "member", "internal", "please",
    "report", "with", "only", "every", "one", "no", "such", "directory", "input",
    "output", "write", "read", "line", "column", "proxy", "holder", "giver", "sitting",
)
_ENGLISH = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ENGLISH) + r")\b",
                      re.IGNORECASE)
_OPTION = re.compile(r"--?[a-z][a-z-]*")  # --help, --format: identifiers, not prose
_CODE = re.compile(r"\[[a-z0-9-]+\]")  # [holder-not-listed]: a finding's stable code
_JSON_PATH = re.compile(r"\$[.\w\[\]]*")  # $.agenda: where in the JSON, a key's name
_KEY = re.compile(r"'[a-z_]+'")  # 'sitting': a JSON key, quoted


def english_in(text: str, *, paths: tuple[Path, ...] = ()) -> list[str]:
    """The English words of ``text``, option names and the given paths left out."""
    for path in sorted(paths, key=lambda p: -len(str(p))):
        text = text.replace(str(path), "<chemin>")
    for identifier in (_JSON_PATH, _KEY, _CODE, _OPTION):
        text = identifier.sub(" ", text)
    found = _ENGLISH.findall(text)
    if "usage:" in text.lower():
        found.append("usage:")
    return found


def test_the_word_list_finds_argparse_english() -> None:
    assert english_in("quorum: error: the following arguments are required: command")
    assert english_in("usage: quorum [-h]")
    assert not english_in("usage : quorum [-h] ; le relevé ne nomme aucun membre")


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _with_proxy_to_unlisted(tmp: Path) -> Path:
    text = CLEAN.read_text(encoding="utf-8").replace(
        "M. Émile ÉTIENNE à Mme Anne AUBERT", "M. Émile ÉTIENNE à M. Zacharie ZORRO")
    assert "ZORRO" in text
    path = tmp / "procuration.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "vide.txt"
    path.write_text("", encoding="utf-8")
    return path


def _bad_json(tmp: Path) -> Path:
    path = tmp / "seance.json"
    path.write_text('{"body": 3}', encoding="utf-8")
    return path


Case = Callable[[Path], tuple[list[str], int]]

CASES: dict[str, Case] = {
    "missing file": lambda t: (["audit", str(t / "absent.txt")], 2),
    "empty file": lambda t: (["audit", str(_empty(t))], 2),
    "folder": lambda t: (["replay", str(t)], 2),
    "no command": lambda t: ([], 2),
    "unknown command": lambda t: (["rejouer", str(EXAMPLE)], 2),
    "bad option": lambda t: (["replay", "--bogus", str(EXAMPLE)], 2),
    "no record": lambda t: (["replay"], 2),
    "invalid choice": lambda t: (["replay", "--format", "xml", str(EXAMPLE)], 2),
    "option without its value": lambda t: (["replay", str(EXAMPLE), "--question"], 2),
    "ambiguous option": lambda t: (["replay", "--de", str(EXAMPLE)], 2),
    "not a number": lambda t: (["audit", "--each", "--jobs", "x", str(EXAMPLE)], 2),
    "export without --scdl": lambda t: (["export", str(EXAMPLE)], 2),
    "csv without --each": lambda t: (["audit", "--format", "csv", str(EXAMPLE)], 2),
    "unknown question": lambda t: (["replay", "--question", "999", str(EXAMPLE)], 2),
    "standard input twice": lambda t: (["replay", "-", "-"], 2),
    "empty standard input": lambda t: (["audit", "-"], 2),
    "every problem of an empty file": lambda t: (["audit", "--details", str(_empty(t))], 2),
    "bad JSON": lambda t: (["replay", str(_bad_json(t))], 2),
    "proxy to someone not listed": lambda t: (["audit", str(_with_proxy_to_unlisted(t))], 1),
    "each, missing file": lambda t: (["audit", "--each", str(t / "absent.txt")], 2),
    "each, empty folder": lambda t: (["audit", "--each", str(t)], 2),
    "chart of an unknown format": lambda t: (
        ["replay", "--plot", str(t / "graphique.gif"), str(EXAMPLE)], 2),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_inputs_are_told_in_french(case: str, tmp_path: Path) -> None:
    argv, expected = CASES[case](tmp_path)
    status, out, err = run(argv)
    assert status == expected
    assert err.strip() or out.strip()
    assert "Traceback" not in err
    assert english_in(out + err, paths=(tmp_path, EXAMPLE)) == [], out + err


@pytest.mark.parametrize("argv", [["--help"], ["replay", "--help"], ["audit", "--help"],
                                  ["audit", "--each", "--help"], ["export", "--help"]])
def test_help_is_french(argv: list[str]) -> None:
    status, out, err = run(argv)
    assert status == 0 and err == ""
    assert out.startswith("usage : quorum")
    assert "afficher cette aide et quitter" in out and "options :" in out
    assert english_in(out) == [], out


def test_an_internal_error_is_one_french_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> int:
        raise KeyError("x")

    monkeypatch.setattr(cli, "_audit", broken)
    status, out, err = run(["audit", str(EXAMPLE)])
    assert status == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("quorum: erreur interne (KeyError)")
    assert english_in(err) == []


# -- the messages of the library's exceptions ---------------------------------------


def _problem(message: str) -> e.ReadProblem:
    return e.ReadProblem(message=message, line=3, column=7, file="beure.txt")


ERRORS: dict[str, BaseException] = {
    "missing extra": e.MissingExtraError("plot", "matplotlib", "le graphique d'une séance"),
    "unknown member": e.UnknownMemberError("Zoé Z", role="holder", question="2"),
    "unknown question": e.UnknownQuestionError("9", member="Anne A"),
    "duplicate member": e.DuplicateMemberError("Anne A"),
    "duplicate attendance": e.DuplicateAttendanceError("Anne A"),
    "present and absent": e.PresentAndAbsentError("Anne A"),
    "inverted window": e.InvertedWindowError("Anne A", "3", "2"),
    "self proxy": e.SelfProxyError("Anne A"),
    "overlapping proxies": e.OverlappingProxiesError("Anne A", ("Bob B", "Cid C"), "2"),
    "titular and substitute": e.TitularAndSubstituteError("Anne A", "Sue S", "2"),
    "no tally": e.NoTallyError("2"),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_exception_messages_are_french(name: str) -> None:
    assert english_in(str(ERRORS[name])) == [], str(ERRORS[name])


def test_a_record_error_with_more_problems_is_french() -> None:
    error = e.RecordError([_problem("date impossible"), _problem("liste vide"),
                           _problem("nom inconnu")])
    assert english_in(error.summary) == [], error.summary
    assert error.summary.endswith("(et 2 autres problèmes)")


def _member(name: str) -> quorum.Member:
    return quorum.Member(name=name)


def _sitting(**changes: object) -> quorum.Sitting:
    facts: dict[str, object] = {
        "body": "Conseil municipal de Beure", "date": datetime.date(2026, 1, 15),
        "in_office": 2, "agenda": quorum.Agenda(["1", "2"]),
        "members": [_member("Anne A"), _member("Bob B")],
        "attendance": [quorum.Attendance.present("Anne A"), quorum.Attendance.present("Bob B")],
    }
    facts.update(changes)
    return quorum.Sitting(**facts)  # type: ignore[arg-type]


BAD_CALLS: dict[str, Callable[[], object]] = {
    "negative count": lambda: _sitting(in_office=-1),
    "count as text": lambda: _sitting(in_office="2"),
    "empty agenda": lambda: quorum.Agenda([]),
    "agenda key twice": lambda: quorum.Agenda(["1", "1"]),
    "blank agenda key": lambda: quorum.Agenda(["1", " "]),
    "substitute not marked": lambda: quorum.Member(name="Sue S", substitute_for="Anne A"),
    "own substitute": lambda: quorum.Member(name="Sue S", substitute=True,
                                            substitute_for="Sue S"),
    "unknown holder": lambda: _sitting(proxies=[quorum.Proxy(giver="Anne A", holder="Zoé Z")]),
    "two deliberations": lambda: _sitting(deliberations=[
        quorum.Deliberation(question="1"), quorum.Deliberation(question="1")]),
    "named twice": lambda: _sitting(deliberations=[
        quorum.Deliberation(question="1", interested=("Anne A", "Anne A"))]),
    "not JSON": lambda: quorum.sitting_from_json("{"),
    "JSON of a list": lambda: quorum.sitting_from_json("[]"),
    "JSON missing fields": lambda: quorum.sitting_from_json('{"body": "Conseil"}'),
    "JSON extra field": lambda: quorum.sitting_from_json(
        {**quorum.sitting_to_json(_sitting()), "colour": 1}),
    "replay JSON": lambda: quorum.replay_from_json('{"sitting": {}}'),
    "chart format": lambda: _sitting().replay().plot(path="graphique.gif"),
    "jobs": lambda: list(quorum.audit_many([], jobs=0)),
}


@pytest.mark.parametrize("name", sorted(BAD_CALLS))
def test_bad_calls_are_told_in_french(name: str) -> None:
    with pytest.raises(quorum.QuorumError) as caught:
        BAD_CALLS[name]()
    message = str(caught.value)
    assert english_in(message) == [], message


# -- any console ---------------------------------------------------------------------


def _console_script() -> list[str]:
    script = Path(sys.executable).parent / ("quorum.exe" if os.name == "nt" else "quorum")
    return [str(script)] if script.exists() else [sys.executable, "-m", "quorum"]


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize("argv", [["replay"], ["audit"], ["replay", "--format", "json"],
                                  ["audit", "--format", "json"]])
def test_any_console(encoding: str, argv: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    target = tmp_path / "sortie.txt"
    with target.open("wb") as redirected:  # `quorum audit RECORD > sortie.txt`
        done = subprocess.run([*_console_script(), *argv, str(EXAMPLE)], stdout=redirected,
                              stderr=subprocess.PIPE, env=env, timeout=120, check=False)
    err = done.stderr.decode(encoding, errors="replace")
    assert done.returncode == 0, err
    assert "Traceback" not in err and "erreur interne" not in err
    data = target.read_bytes()
    assert data
    text = data.decode(encoding)  # what was written, the console can show
    if "json" in argv:
        parsed = json.loads(text)  # and JSON stays exact: characters escaped, not replaced
        prose = parsed.get("sitting", {}).get("body") or parsed["findings"][0]["message"]
        assert re.search("[éç«]", prose)


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_any_console_through_a_pipe(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    done = subprocess.run([*_console_script(), "audit", "-"], input=EXAMPLE.read_bytes(),
                          capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    done.stdout.decode(encoding)


def test_a_finding_still_sets_the_status_on_an_ascii_console(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run([*_console_script(), "audit", str(_with_proxy_to_unlisted(tmp_path))],
                          capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr


def test_a_windows_record_on_standard_input() -> None:
    """A record saved in Windows-1252 and piped in is read with its accents."""
    data = EXAMPLE.read_text(encoding="utf-8").encode("cp1252")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([*_console_script(), "audit", "-"], input=data, capture_output=True,
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Grand Besançon Métropole" in done.stdout.decode("utf-8")
