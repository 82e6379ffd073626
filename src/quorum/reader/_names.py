"""Name reconciliation: one member (or commune) per person (or place) across all lists.

Records spell the same person differently from one list to the next
(« DARCQ » / « DARCO », « Kévin » / « Kevin », « HUOT CUSENIER » /
« HUOT-CUSENIER », a holder written without civility).  The lists of those
present and absent give the canonical spellings; every other mention (proxy
giver and holder, secretary, president, interested members) is matched
against them, in this order, stopping at the first step that finds anyone:

1. the exact spelling;
2. the *key*: accents, case, hyphens, apostrophes, dots and spacing ignored;
3. the key with its words in any order (« JAVAUX Thomas »);
4. a small spelling difference: a Damerau–Levenshtein distance of at most
   one edit per seven letters of the key (at least one), among the names
   that share a word or their first four letters with it;
5. the surname alone, when the mention has no first name.

A step that finds exactly one candidate reconciles the mention to it and the
reconciliation is kept; a step that finds several raises an ambiguity naming
them all — the reader never guesses; when no step finds anyone the name is
unknown.  Communes follow the same steps, and also match when the words of
one are the last words of the other (« Essarts » / « Velesmes-Essarts »).
A commune heading narrows the candidates of the member under it.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from quorum.model import MatchReason
from quorum.reader._text import fold

__all__ = ["Match", "NameIndex", "distance", "key", "reach"]

_SEPARATORS = re.compile(r"[\s\-'.’]+")


# Records repeat the same names list after list: keys are worth remembering.
@functools.lru_cache(maxsize=4096)
def key(name: str) -> str:
    """The comparison key of a name: folded, separators made single spaces.

    >>> key("Mme Emmanuelle HUOT-CUSENIER") == key("mme emmanuelle huot cusenier")
    True
    """
    return _SEPARATORS.sub(" ", fold(name)).strip()


def reach(text: str) -> int:
    """How many edits a key of this length may differ by and still match."""
    return max(1, len(text) // 7)


def distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b``, or ``limit + 1`` if above.

    Linear in the length times ``limit``: only a band of the table is filled.

    >>> distance("darcq", "darco", 2), distance("jeremy", "jeremie", 2)
    (1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    big = limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [big] * (len(b) + 1)
        current[0] = i
        low, high = max(1, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]
                    and previous2):
                value = min(value, previous2[j - 2] + 1)
            current[j] = min(value, big)
        if min(current[max(0, low - 1): high + 1]) > limit:
            return big
        previous2, previous = previous, current
    return min(previous[len(b)], big)


@attrs.frozen
class Match:
    """The outcome of matching a written name: the candidates and the step that found them.

    ``reasons`` is empty for an exact match (or none); ``commune`` is the group that
    singled out the one candidate (with :attr:`MatchReason.ONLY_ONE_OF_COMMUNE`).
    """

    candidates: tuple[str, ...]
    reasons: tuple[MatchReason, ...] = ()
    commune: str | None = None

    @property
    def found(self) -> str | None:
        return self.candidates[0] if len(self.candidates) == 1 else None


@attrs.define
class NameIndex:
    """Canonical names (members or communes), ready to match written variants."""

    communes: bool = False
    names: list[str] = attrs.field(factory=list)
    _by_key: dict[str, list[str]] = attrs.field(factory=lambda: defaultdict(list))
    _by_sorted: dict[str, list[str]] = attrs.field(factory=lambda: defaultdict(list))
    _by_surname: dict[str, list[str]] = attrs.field(factory=lambda: defaultdict(list))
    _keys: dict[str, str] = attrs.field(factory=dict)
    _group: dict[str, str | None] = attrs.field(factory=dict)
    _by_word: dict[str, list[str]] = attrs.field(factory=lambda: defaultdict(list))
    # Names added since the last fuzzy match: most names read are only ever
    # matched exactly, so the indexes of the later steps are built on demand.
    _pending: list[str] = attrs.field(factory=list)
    # Outcomes of match and closest, until a name is added: records repeat the
    # same misspelt names, each worth a few distance computations.
    _matches: dict[tuple[str, str | None], Match] = attrs.field(factory=dict)
    _closest: dict[tuple[str, int], tuple[str, ...]] = attrs.field(factory=dict)

    def add(self, name: str, group: str | None = None) -> None:
        """Add a canonical ``name`` (``group``: the commune of a member, if known)."""
        if name in self._keys:
            return
        self._matches.clear()
        self._closest.clear()
        name_key = key(name)
        self.names.append(name)
        self._keys[name] = name_key
        self._group[name] = group
        self._by_key[name_key].append(name)
        self._pending.append(name)

    def _index(self) -> None:
        """Index the pending names for the steps past the key (word order, spelling, surname)."""
        for name in self._pending:
            name_key = self._keys[name]
            self._by_sorted[" ".join(sorted(name_key.split()))].append(name)
            surname = _surname(name)
            if surname:
                self._by_surname[key(surname)].append(name)
            for word in _blocks(name_key):
                self._by_word[word].append(name)
        self._pending.clear()

    def same(self, written: str) -> str | None:
        """The canonical name spelt ``written`` or differing only by accents, case, spacing."""
        if written in self._keys:
            return written
        found = self._by_key.get(key(written), ())
        return found[0] if found else None

    def _near(self, written_key: str) -> list[str]:
        """The names worth comparing with ``written_key``: sharing a word or a prefix.

        Comparing with every name would make reading quadratic in the number
        of names; a word or a prefix shared by more than :data:`_CROWD`
        names does not single anyone out and is skipped.
        """
        self._index()
        near: dict[str, None] = {}
        for word in _blocks(written_key):
            bucket = self._by_word.get(word, ())
            if len(bucket) <= _CROWD:
                near.update(dict.fromkeys(bucket))
        return list(near)

    def __contains__(self, name: object) -> bool:
        return name in self._keys

    def match(self, written: str, group: str | None = None) -> Match:
        """Match ``written`` (civility already removed); ``group`` narrows when it helps."""
        if written in self._keys:
            return Match((written,))
        found = self._matches.get((written, group))
        if found is None:
            found = self._matches[written, group] = self._match(written, group)
        return found

    def _match(self, written: str, group: str | None) -> Match:
        written_key = key(written)
        self._index()
        steps: list[tuple[MatchReason, Iterable[str]]] = [
            (MatchReason.SAME_KEY, self._by_key.get(written_key, ())),
            (MatchReason.WORD_ORDER,
             self._by_sorted.get(" ".join(sorted(written_key.split())), ())),
        ]
        for reason, found in steps:
            candidates = tuple(found)
            if candidates:
                return self._narrow(candidates, reason, group)
        if len(written_key) > _LONGEST:
            return Match(())
        limit = reach(written_key)
        near = self._near(written_key)
        scored = sorted(
            (d, name) for name in near
            if (d := distance(written_key, self._keys[name], limit)) <= limit
        )
        if scored:
            return self._narrow(tuple(name for _, name in scored), MatchReason.SPELLING, group)
        if self.communes:
            words = written_key.split()
            tails = tuple(
                name for name in near
                if _ends_with(self._keys[name].split(), words)
                or _ends_with(words, self._keys[name].split())
            )
            if tails:
                return self._narrow(tails, MatchReason.PART_OF, group)
        elif written.split() and all(_is_caps(w) for w in written.split()):
            found = tuple(self._by_surname.get(written_key, ()))
            if found:
                return self._narrow(found, MatchReason.SURNAME_ONLY, group)
        elif (surname := _surname(written)) and (initials := _initials(written)):
            # « H. ESCOFFIER » and « Henri ESCOFFIER », « JL. GARCIN » and « Jean-Louis GARCIN ».
            found = tuple(name for name in self._by_surname.get(key(surname), ())
                          if _initials(name) == initials)
            if found:
                return self._narrow(found, MatchReason.INITIALS, group)
            # « Bertrand ROUVIÈRE » for « ROUVIÈRE » listed by surname only.
            found = tuple(self._by_key.get(key(surname), ()))
            if found:
                return self._narrow(found, MatchReason.SURNAME_ONLY, group)
        return Match(())

    def closest(self, written: str, count: int = 3) -> tuple[str, ...]:
        """The ``count`` canonical names closest to ``written``, for an error message."""
        found = self._closest.get((written, count))
        if found is None:
            found = self._closest[written, count] = self._find_closest(written, count)
        return found

    def _find_closest(self, written: str, count: int) -> tuple[str, ...]:
        written_key = key(written)
        limit = max(3, len(written_key) // 3)
        scored = sorted(
            (distance(written_key, self._keys[name], limit), name)
            for name in self._near(written_key)
        )
        return tuple(name for d, name in scored[:count] if d <= limit)

    def _narrow(self, candidates: Sequence[str], reason: MatchReason,
                group: str | None) -> Match:
        if len(candidates) > 1 and group is not None:
            inside = tuple(name for name in candidates if self._group.get(name) == group)
            if len(inside) == 1:
                return Match(inside, (reason, MatchReason.ONLY_ONE_OF_COMMUNE), group)
        return Match(tuple(candidates), (reason,))


_CROWD = 64
_LONGEST = 80  # no name is longer: past this, text is not a name, and no fuzzy matching


def _blocks(name_key: str) -> list[str]:
    """The words of a key (three letters or more) and its first four letters, for blocking."""
    blocks = ["w:" + word for word in name_key.split() if len(word) >= 3]
    blocks.append("p:" + name_key[:4])
    return blocks


def _ends_with(words: Sequence[str], tail: Sequence[str]) -> bool:
    return 0 < len(tail) < len(words) and list(words[-len(tail):]) == list(tail)


def _is_caps(word: str) -> bool:
    return word.isupper()


def _initials(name: str) -> str:
    """The initials of the first names of ``name`` (« JL. GARCIN », « Jean-Louis GARCIN »: jl)."""
    letters = []
    for word in name.split():
        if word.isupper() and not word.endswith(".") and len(word) > 2:
            continue  # the surname
        stem = word.rstrip(".")
        if word.endswith(".") or (stem.isupper() and len(stem) <= 2):
            letters.append(stem.lower())
        else:
            letters.extend(part[:1].lower() for part in stem.split("-") if part)
    return "".join(letters)


def _surname(name: str) -> str:
    words = name.split()
    # _is_caps without a call per word; an initial (« H. », « JL. ») is no surname.
    caps = [w for w in words if w.isupper() and not w.endswith(".")]
    return " ".join(caps) if caps and len(caps) < len(words) else ""
