"""What every audit check shares: the :class:`Finding`, where things were read, French wording.

Private: the public names are re-exported by :mod:`quorum.auditing`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from quorum._french import plural
from quorum.errors import UsageError
from quorum.model import Location, Sitting

__all__ = [
    "LABELS",
    "SEVERITIES",
    "Finding",
    "Locator",
    "Severity",
    "at_questions",
    "names",
    "plural",
    "question_ranges",
]

Severity = Literal["error", "warning", "info"]
"""How serious a finding is: ``error`` (the sitting or its record breaks a rule, the
audit exits 1), ``warning`` (something an auditor should look at), ``info``."""

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

_CODE = re.compile(r"^[a-z]+(-[a-z]+)*$")


def _severity(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in SEVERITIES:
        raise UsageError(f"severity must be one of {', '.join(SEVERITIES)}, not {value!r}")


def _code(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _CODE.match(value):
        raise UsageError(f"finding code must be kebab-case, not {value!r}")


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


LABELS: dict[str, str] = {"error": "erreur", "warning": "avertissement", "info": "information"}


@attrs.frozen(kw_only=True)
class Finding:
    """One thing the audit has to say about a sitting.

    ``code`` is a stable kebab-case identifier (documented in docs/findings.md);
    ``question`` the question it concerns (``None`` for the whole sitting) and
    ``questions`` every question it concerns when there are several;
    ``members`` the names of the members concerned; ``file``, ``line`` and
    ``column`` where the record says it, when known.  ``message`` is French.
    """

    severity: Severity = attrs.field(validator=_severity)
    code: str = attrs.field(validator=_code)
    message: str
    question: str | None = None
    questions: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    members: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    line: int | None = None
    column: int | None = None
    file: str | None = None

    @property
    def where(self) -> str:
        """``file:line`` (or what is known of it), empty when nothing is."""
        if self.file and self.line is not None:
            return f"{self.file}:{self.line}"
        if self.file:
            return self.file
        if self.line is not None:
            return f"ligne {self.line}"
        return ""

    def to_json(self) -> dict[str, Any]:
        """The finding as CONTRACT.md's ``audit --format json`` writes it."""
        return {
            "severity": self.severity,
            "code": self.code,
            "question": self.question,
            "line": self.line,
            "message": self.message,
            "file": self.file,
            "column": self.column,
            "questions": list(self.questions),
            "members": list(self.members),
        }

    def __str__(self) -> str:
        where = self.where
        prefix = f"{where}: " if where else ""
        return f"{prefix}{LABELS[self.severity]} [{self.code}] {self.message}"


class Locator:
    """Where the record wrote something, from :attr:`Sitting.origin` (when it was read)."""

    def __init__(self, sitting: Sitting):
        origin = sitting.origin
        self.locations: tuple[Location, ...] = origin.locations if origin is not None else ()
        files = origin.files if origin is not None else ()
        self.file = files[0] if len(files) == 1 else None
        # Indexes built once, so placing a finding costs a look-up, not a scan.
        self._by_key: dict[tuple[str, str], Location] = {}
        self._by_what: dict[str, Location] = {}
        for location in self.locations:
            self._by_key.setdefault((location.what, location.key), location)
            self._by_what.setdefault(location.what, location)

    def find(self, *keys: tuple[str, str | None]) -> Location | None:
        """The first location read for any of ``(what, key)``, tried in order.

        A ``key`` of ``None`` matches any key: the reader keys some facts by
        their value (``("in_office", "122")``, ``("convened", "2026-06-19")``).
        """
        for what, key in keys:
            found = self._by_what.get(what) if key is None else self._by_key.get((what, key))
            if found is not None:
                return found
        return None

    def place(self, *keys: tuple[str, str | None]) -> dict[str, Any]:
        """``line``, ``column`` and ``file`` keyword arguments for a :class:`Finding`."""
        location = self.find(*keys)
        if location is None:
            return {"file": self.file}
        return {"line": location.line, "column": location.column,
                "file": location.file if location.file is not None else self.file}


def names(items: Sequence[str], limit: int = 8) -> str:
    """Names joined in French, cut after ``limit`` with the count of the others."""
    shown = list(items[:limit])
    rest = len(items) - len(shown)
    if rest:
        shown.append(f"et {rest} autre{'s' if rest > 1 else ''}")
        return ", ".join(shown[:-1]) + " " + shown[-1]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " et " + shown[-1]


def question_ranges(sitting: Sitting, positions: Iterable[int]) -> str:
    """Positions along the order of passage in French: ``"questions 1 à 15, 17 et 18"``."""
    ordered = sorted(set(positions))
    if not ordered:
        return ""
    runs: list[tuple[int, int]] = []
    for position in ordered:
        if runs and position == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    key = sitting.agenda.key
    parts: list[str] = []
    for a, b in runs:
        parts += [key(a)] if a == b else [key(a), key(b)] if b == a + 1 else [
            f"{key(a)} à {key(b)}"]
    noun = "question" if len(ordered) == 1 else "questions"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " et " + parts[-1]
    return f"{noun} {listed}"


def at_questions(sitting: Sitting, positions: Iterable[int]) -> str:
    """``"à la question 2"`` or ``"aux questions 1 à 15"``."""
    ranges = question_ranges(sitting, positions)
    return f"aux {ranges}" if ranges.startswith("questions") else f"à la {ranges}"
