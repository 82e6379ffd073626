"""The documentation and the examples: every public name documented, every command run.

The ``>>>`` examples of docs/ and README.md run as doctests (pytest's
``--doctest-glob=*.md``).  This module checks what doctest does not:

- every name of ``quorum.__all__`` appears in docs/api.md;
- every link from README.md and docs/ to a file of the repository resolves;
- every ``quorum …`` line of a ``sh`` or ``console`` block is a valid command
  (exit status 0 or 1), and in a ``console`` block the output shown under
  ``$ quorum …`` is what the command prints (``...`` stands for any text);
- the scripts of examples/ run and print what they should.
"""

from __future__ import annotations

import doctest
import io
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import quorum
from quorum.auditing import CODES
from quorum.cli import main

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
REFERENCE = EXAMPLES / "gbm-conseil-2026-06-25-rapport-26.txt"
PAGES = sorted(DOCS.glob("*.md"))
MARKDOWN = [ROOT / "README.md", *PAGES]

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _blocks(path: Path, *languages: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [m.group(2) for m in _FENCE.finditer(text) if m.group(1) in languages]


def _commands(path: Path) -> list[str]:
    """The ``quorum …`` command lines shown in ``sh`` and ``console`` blocks."""
    found: list[str] = []
    for block in _blocks(path, "sh", "console", "shell"):
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip().removeprefix("$ ")
            for part in line.split("&&"):
                part = part.strip()
                if part.startswith("quorum "):
                    found.append(part)
    return found


def _sessions(path: Path) -> list[tuple[str, str]]:
    """(command, output shown) for each ``$ quorum …`` line of a ``console`` block."""
    sessions: list[tuple[str, str]] = []
    for block in _blocks(path, "console"):
        command: str | None = None
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    sessions.append((command, "\n".join(output)))
                command, output = line[2:].strip(), []
            else:
                output.append(line)
        if command is not None:
            sessions.append((command, "\n".join(output)))
    return sessions


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch directory holding a copy of examples/, as the current directory."""
    shutil.copytree(EXAMPLES, tmp_path / "examples",
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(command: str) -> tuple[int, str, str]:
    argv = shlex.split(command)
    assert argv[0] == "quorum", command
    out, err = io.StringIO(), io.StringIO()
    status = main(argv[1:], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_every_public_name_is_in_the_api_reference() -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [name for name in quorum.__all__
               if not re.search(rf"`(quorum\.)?{re.escape(name)}\b", text)]
    assert not missing, f"not documented in docs/api.md: {missing}"


def test_readme_links_to_existing_files() -> None:
    links = _LINK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    local = [link for link in links if "://" not in link]
    assert local, "README.md links to no documentation"
    missing = [link for link in local if not (ROOT / link).exists()]
    assert not missing, f"README.md links to missing files: {missing}"


def _slug(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    return {_slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_between_pages_resolve(page: Path) -> None:
    links = [link for link in _LINK.findall(page.read_text(encoding="utf-8"))
             if "://" not in link and not link.startswith("mailto:")]
    missing = [link for link in links if not (page.parent / link).exists()]
    assert not missing, f"{page.name} links to missing files: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_anchors_between_pages_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken = [f"{target}#{anchor}"
              for target, anchor in re.findall(r"\]\(([\w.-]+\.md)#([^)\s]+)\)", text)
              if (page.parent / target).exists()
              and anchor not in _anchors(page.parent / target)]
    assert not broken, f"{page.name} links to missing headings: {broken}"


def test_index_links_every_page() -> None:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    missing = [page.name for page in PAGES
               if page.name != "index.md" and f"({page.name}" not in text]
    assert not missing, f"docs/index.md does not link: {missing}"


COMMANDS = sorted({(path.relative_to(ROOT).as_posix(), command)
                   for path in MARKDOWN for command in _commands(path)})


def test_the_docs_show_commands() -> None:
    assert len(COMMANDS) >= 5


@pytest.mark.parametrize(("page", "command"), COMMANDS)
def test_command_shown_in_docs_is_valid(page: str, command: str, workdir: Path) -> None:
    status, _, err = _run(command)
    assert status in (0, 1), f"{page}: `{command}` exited {status}: {err}"
    assert "Traceback" not in err


SESSIONS = [(path.relative_to(ROOT).as_posix(), command, shown)
            for path in MARKDOWN for command, shown in _sessions(path)]


@pytest.mark.parametrize(("page", "command", "shown"), SESSIONS)
def test_console_output_shown_in_docs(page: str, command: str, shown: str,
                                      workdir: Path) -> None:
    _, out, _ = _run(command)
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    assert checker.check_output(shown + "\n", out, flags), (
        f"{page}: `{command}` printed\n{out}\ninstead of\n{shown}")


# -- examples/ -------------------------------------------------------------------------


def _script(name: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(EXAMPLES / name), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def test_secretary_script() -> None:
    done = _script("secretary.py", str(REFERENCE))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "question 26 : 95 présents + 23 représentés = 118 votants" in out
    assert "quorum 62 atteint" in out
    assert "Mme Anne FALGA est présente à la question 26, mais intéressée" in out
    assert "publié 117 pour" in out and "cohérent" in out
    assert "Verdict : CONFORME" in out
    assert done.stderr == ""


def test_secretary_script_draws_the_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / "seance.png"
    done = _script("secretary.py", str(REFERENCE), str(chart))
    assert done.returncode == 0, done.stderr
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(chart) in done.stdout


def test_secretary_script_reports_an_unreadable_record(tmp_path: Path) -> None:
    done = _script("secretary.py", str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    assert "missing.txt" in done.stderr and "Traceback" not in done.stderr


def test_audit_folder_on_the_examples() -> None:
    done = _script("audit_folder.py", str(EXAMPLES))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("gbm-conseil-2026-06-25-rapport-26.txt")
    assert "CONFORME" in lines[0] and "0 erreur" in lines[0]


def test_audit_folder_with_an_error_and_a_broken_record(tmp_path: Path) -> None:
    reference = quorum.read_record(REFERENCE)
    shutil.copy(REFERENCE, tmp_path / "a-reference.txt")
    # The reference with a published tally one vote short: an error-level finding.
    wrong = REFERENCE.read_text(encoding="utf-8").replace("Pour : 117", "Pour : 116")
    assert wrong != REFERENCE.read_text(encoding="utf-8")
    (tmp_path / "b-wrong.txt").write_text(wrong, encoding="utf-8")
    (tmp_path / "c-sitting.json").write_text(
        __import__("json").dumps(quorum.sitting_to_json(reference)), encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("not a record", encoding="utf-8")

    done = _script("audit_folder.py", str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["a-reference.txt", "b-wrong.txt",
                                                   "c-sitting.json"]
    assert "NON CONFORME" in lines[1] and "1 erreur" in lines[1]
    assert "NON CONFORME" not in lines[0] + lines[2]

    (tmp_path / "d-broken.txt").write_text("Conseil municipal\nSéance du 45 brumaire\n",
                                           encoding="utf-8")
    done = _script("audit_folder.py", str(tmp_path))
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("d-broken.txt") and "illisible" in lines[-1]
    assert "Traceback" not in done.stderr


def test_audit_folder_without_records(tmp_path: Path) -> None:
    done = _script("audit_folder.py", str(tmp_path))
    assert done.returncode == 2
    assert "aucun relevé" in done.stderr


def test_auditors_guide_lists_every_finding_code() -> None:
    headings = [line for line in (DOCS / "findings.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("### ")]
    codes = {code for line in headings for code in re.findall(r"`([a-z]+(?:-[a-z]+)+)`", line)}
    assert codes
    codes |= set(CODES)  # every code the audit can produce
    table = (DOCS / "auditors.md").read_text(encoding="utf-8")
    missing = sorted(code for code in codes if f"[`{code}`](findings.md" not in table)
    assert not missing, f"docs/auditors.md does not list: {missing}"
