"""Errors raised by quorum.

Every error derives from :class:`QuorumError`, and each specific error also
derives from the builtin exception that fits it (``ValueError`` for a sitting
whose facts contradict each other, ``LookupError`` for a name or question that
is not there), so callers can catch either.  Errors carry structured data —
the member, the question, and for reading errors the file, line and column —
rather than only a message.

Domain terms used here:

- *giver* (mandant): the absent member who gives a proxy;
- *holder* (mandataire): the present member who votes on the giver's behalf;
- *window*: the questions, along the order of passage, during which a member
  is present or a proxy is valid.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "AmbiguousMemberError",
    "AmbiguousNameError",
    "AttendanceChangeError",
    "DetachedStateError",
    "DuplicateAttendanceError",
    "DuplicateMemberError",
    "InOfficeError",
    "InvertedWindowError",
    "MissingExtraError",
    "NameMatchError",
    "NoTallyError",
    "OverlappingProxiesError",
    "PresentAndAbsentError",
    "QuorumError",
    "ReadProblem",
    "RecordError",
    "SelfProxyError",
    "SittingError",
    "TitularAndSubstituteError",
    "UnknownMemberError",
    "UnknownNameError",
    "UnknownQuestionError",
    "UsageError",
    "UsageTypeError",
]


class QuorumError(Exception):
    """Base class of every error quorum raises."""


class MissingExtraError(QuorumError, ImportError):
    """An optional dependency that is not installed.

    ``extra`` names the extra of quorum that installs it (``"pandas"``,
    ``"plot"``) and ``name`` the module that is missing; the message says
    what to run: ``pip install 'quorum[plot]'``.  ``message``, when given,
    replaces the message made from ``purpose`` (a message written in French).
    """

    def __init__(self, extra: str, module: str, purpose: str, *, message: str | None = None):
        self.extra = extra
        super().__init__(message or f"{purpose} demande {module}, qui n'est pas installé : "
                                    f"pip install 'quorum[{extra}]'", name=module)


class SittingError(QuorumError, ValueError):
    """The facts of a sitting contradict each other."""


_ROLES = {
    "giver": "mandant",
    "holder": "mandataire",
    "attendance": "présent ou absent",
    "president": "président",
    "secretary": "secrétaire de séance",
    "interested": "intéressé",
    "not voting": "ne prenant pas part au vote",
    "named voter": "votant nommé",
    "titular": "titulaire",
}
"""The roles of :class:`UnknownMemberError` (identifiers) as the message says them."""


class UnknownMemberError(QuorumError, LookupError):
    """A name that is not a member of the sitting.

    ``role`` says where the name was used: ``"giver"``, ``"holder"``,
    ``"attendance"``, ``"president"``, ``"secretary"``, ``"interested"``, …

    ``suggestions`` are the members whose names come closest, best first, when
    the name was looked up (:meth:`quorum.Sitting.member`); the message offers
    them.
    """

    def __init__(self, member: str, *, role: str | None = None, question: str | None = None,
                 suggestions: Sequence[str] = ()):
        self.member = member
        self.role = role
        self.question = question
        self.suggestions = tuple(suggestions)
        where = f" (nommé comme {_ROLES.get(role, role)})" if role else ""
        at = f" à la question {question}" if question is not None else ""
        offer = (f" ; vouliez-vous dire {_either(self.suggestions, 'ou')} ?"
                 if self.suggestions else "")
        super().__init__(f"« {member} » n'est pas membre de la séance{where}{at}{offer}")

    def __str__(self) -> str:  # LookupError would quote the message otherwise
        return str(self.args[0])


def _either(names: Sequence[str], conjunction: str) -> str:
    """« A », « B » ou « C »: names quoted, the last two joined by ``conjunction``."""
    quoted = [f"« {name} »" for name in names]
    if len(quoted) < 2:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} {conjunction} {quoted[-1]}"


class AmbiguousMemberError(QuorumError, LookupError):
    """A name looked up in a sitting that several members match once folded.

    ``member`` is the name as given, ``candidates`` every member it could be;
    nothing is guessed.
    """

    def __init__(self, member: str, candidates: Sequence[str]):
        self.member = member
        self.candidates = tuple(candidates)
        super().__init__(f"« {member} » peut désigner {_either(self.candidates, 'et')} : "
                         "écrire le nom exactement")

    def __str__(self) -> str:
        return str(self.args[0])


# An agenda of a hundred questions is shown by its ends: enough to see how keys are written.
_KEYS_SHOWN = 12


class UnknownQuestionError(QuorumError, LookupError):
    """A question key that is not on the agenda (the order of passage).

    ``known``, when given, are the keys of the agenda, which the message
    lists (its ends only when there are many).
    """

    def __init__(self, question: str, *, member: str | None = None,
                 known: Sequence[str] = ()):
        self.question = question
        self.member = member
        self.known = tuple(known)
        about = f" (nommée pour {member})" if member else ""
        listed = ""
        if self.known:
            keys = list(self.known)
            if len(keys) > _KEYS_SHOWN:
                keys = [*keys[:_KEYS_SHOWN - 2], "…", *keys[-1:]]
            listed = (f" ; il compte {len(self.known)} questions : {', '.join(keys)}"
                      if len(keys) > 1 else f" ; seule la question « {keys[0]} » y figure")
        super().__init__(f"la question « {question} » n'est pas à l'ordre de passage"
                         f"{about}{listed}")

    def __str__(self) -> str:
        return str(self.args[0])


class DuplicateMemberError(SittingError):
    """Two members of a sitting share one name."""

    def __init__(self, member: str):
        self.member = member
        super().__init__(f"« {member} » figure deux fois parmi les membres")


class DuplicateAttendanceError(SittingError):
    """A member has two attendance entries."""

    def __init__(self, member: str):
        self.member = member
        super().__init__(f"« {member} » a deux entrées de présence ; en donner une, avec plusieurs "
                         "périodes")


class PresentAndAbsentError(SittingError):
    """A member is listed both among those present and among those absent."""

    def __init__(self, member: str):
        self.member = member
        super().__init__(f"« {member} » figure à la fois parmi les présents et parmi les absents")


class InvertedWindowError(SittingError):
    """A window that ends before it starts, along the order of passage."""

    def __init__(self, member: str, start: str, end: str):
        self.member = member
        self.start = start
        self.end = end
        super().__init__(
            f"la période de « {member} » finit à la question {end} avant de commencer à la "
            f"question {start}"
        )


class SelfProxyError(SittingError):
    """A member who gives a proxy to themself."""

    def __init__(self, member: str):
        self.member = member
        super().__init__(f"« {member} » se donne procuration à lui-même")


class OverlappingProxiesError(SittingError):
    """One giver with two proxies valid at the same question."""

    def __init__(self, member: str, holders: Sequence[str], question: str):
        self.member = member
        self.holders = tuple(holders)
        self.question = question
        names = " et ".join(f"« {h} »" for h in self.holders)
        super().__init__(
            f"« {member} » donne deux procurations ({names}) valables toutes deux à la "
            f"question {question}"
        )


class InOfficeError(SittingError):
    """More members present at a question than the members in office.

    ``present`` and ``in_office`` are the two counts, ``question`` the first
    question where they clash.
    """

    def __init__(self, present: int, in_office: int, question: str):
        self.present = present
        self.in_office = in_office
        self.question = question
        super().__init__(f"{present} membres sont présents à la question {question}, plus que "
                         f"les membres en exercice ({in_office})")


class AttendanceChangeError(SittingError):
    """A change of attendance recorded during the sitting that cannot be made.

    A member who arrives at a question where they are already present, or
    who leaves after a question where they are not, or after the last one.
    ``member`` and ``question`` say who and where.
    """

    def __init__(self, member: str, question: str, message: str):
        self.member = member
        self.question = question
        super().__init__(message)


class TitularAndSubstituteError(SittingError):
    """A titular member and their substitute both sitting at one question."""

    def __init__(self, titular: str, substitute: str, question: str):
        self.titular = titular
        self.substitute = substitute
        self.member = substitute
        self.question = question
        super().__init__(
            f"le titulaire « {titular} » et son suppléant « {substitute} » siègent tous deux à "
            f"la question {question}"
        )


@attrs.frozen(kw_only=True)
class ReadProblem:
    """One problem found while reading a record: where it is and what is wrong."""

    message: str
    line: int
    column: int
    source_line: str = ""
    file: str | None = None
    length: int = 1

    def render(self) -> str:
        """The problem as ``file:line:column: message``, the line and a caret under it."""
        where = f"{self.file or '<relevé>'}:{self.line}:{self.column}"
        text = f"{where}: {self.message}"
        if self.source_line:
            shown = self.source_line.rstrip("\n")
            # Long record lines are cut around the column so the caret stays readable.
            start = max(0, self.column - 1 - 60)
            excerpt = shown[start : start + 120]
            prefix = "…" if start else ""
            caret_at = len(prefix) + self.column - 1 - start
            width = max(1, min(self.length, len(excerpt) - (caret_at - len(prefix))))
            text += f"\n    {prefix}{excerpt}\n    {' ' * caret_at}{'^' * width}"
        return text


class RecordError(QuorumError, ValueError):
    """A record that could not be read.

    Carries every problem found in one pass (``problems``); ``file``, ``line``
    and ``column`` are those of the first one.
    """

    def __init__(self, problems: Sequence[ReadProblem]):
        if not problems:
            raise ValueError("RecordError demande au moins un problème")
        self.problems = tuple(problems)
        first = self.problems[0]
        self.file = first.file
        self.line = first.line
        self.column = first.column
        super().__init__(first.message)

    def __str__(self) -> str:
        return "\n".join(p.render() for p in self.problems)

    @property
    def summary(self) -> str:
        """One line: the first problem's place and message, and how many more there are."""
        first = self.problems[0]
        more = len(self.problems) - 1
        tail = (f" (et {more} autre{'s' if more > 1 else ''} problème{'s' if more > 1 else ''})"
                if more else "")
        return f"{first.file or '<relevé>'}:{first.line}:{first.column}: {first.message}{tail}"


class NameMatchError(RecordError):
    """A name in a record that cannot be matched to exactly one member (or commune).

    ``name`` is the name as written; ``candidates`` the members (or communes)
    it came close to, best first.
    """

    def __init__(self, problems: Sequence[ReadProblem], *, name: str,
                 candidates: Sequence[str] = ()):
        self.name = name
        self.candidates = tuple(candidates)
        super().__init__(problems)


class AmbiguousNameError(NameMatchError):
    """A name written in a record that two members (or communes) could match.

    The reader never guesses: it names every candidate within reach.
    """


class UnknownNameError(NameMatchError):
    """A name written in a record that matches no member listed present or absent."""


class UsageError(QuorumError, ValueError):
    """A call the library cannot honour as made: an unknown column, level or code."""


class UsageTypeError(QuorumError, TypeError):
    """A call given a value of the wrong kind (a list of rows where sittings were expected…)."""


class NoTallyError(QuorumError, LookupError):
    """No tally is published for the question asked."""

    def __init__(self, question: str):
        self.question = question
        super().__init__(f"aucun décompte n'est publié pour la question « {question} »")

    def __str__(self) -> str:
        return str(self.args[0])


class DetachedStateError(QuorumError, LookupError):
    """A question's state loaded without its sitting cannot name the members behind it."""
