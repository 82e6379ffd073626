"""Finding a member of a sitting by a name typed in a hurry, and the sitting at a glance.

Terms:

- *name*: a member's name as the sitting spells it (« Clément DARCQ »), the
  one every list of the sitting uses;
- *query*: a name as someone types it (« clement darcq », « DARCQ Clément »,
  « M. Clément DARCQ »);
- *key*: a name or a query folded for comparison: accents, case, hyphens,
  apostrophes, dots and spacing ignored, ligatures spelt out
  (« HUOT-CUSENIER » and « huot cusenier » share one key); a query's key
  also drops a leading civility (« M. », « Mme »…);
- *suggestion*: a member whose key is close to the query's (difflib's ratio
  over the keys, words in their order or sorted, or every word of the query
  one of the name's, as a surname alone), offered when no member matches.

A query matches a member by its exact spelling, then by its key, then by its
key with the words in any order; the first step that finds anyone decides.
One member found is the answer; several raise
:class:`~quorum.errors.AmbiguousMemberError` naming them all; none raises
:class:`~quorum.errors.UnknownMemberError` with the closest names as
suggestions.  Nothing is guessed beyond folding: a misspelt name is only ever
suggested.

:func:`html_summary` draws the two-column table a sitting shows in a
notebook.

This module is part of the core: it imports nothing from quorum but its
errors.  (The reader's own reconciliation, :mod:`quorum.reader._names`,
folds names the same way and could build on :func:`name_key`.)
"""

from __future__ import annotations

import difflib
import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence

from quorum.errors import AmbiguousMemberError, UnknownMemberError

__all__ = ["closest", "html_summary", "name_key", "query_key", "resolve"]

_SEPARATORS = re.compile(r"[\s\-'.’‐‑–—]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
_CIVILITIES = frozenset({"m", "mme", "mlle", "mm", "mmes", "monsieur", "madame",
                         "mademoiselle"})
# Below this ratio of difflib a name is not worth suggesting (difflib's own default).
_CUTOFF = 0.6
# A query whose every word is a word of a name (a surname alone) ranks as a near miss.
_WHOLE_WORDS = 0.9


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """The comparison key of a name: folded, separators made single spaces.

    >>> name_key("Mme Emmanuelle HUOT-CUSENIER") == name_key("mme emmanuelle huot cusenier")
    True
    >>> name_key("Clément DARCQ"), name_key("Cœur  D'ALÈNE")
    ('clement darcq', 'coeur d alene')
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_LIGATURES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", bare).strip()


def query_key(query: str) -> str:
    """The key of a typed name, a leading civility dropped when a name follows it.

    >>> query_key("M. Clément DARCQ"), query_key("Mme")
    ('clement darcq', 'mme')
    """
    words = name_key(query).split()
    while len(words) > 1 and words[0] in _CIVILITIES:
        words.pop(0)
    return " ".join(words)


def _sorted_words(key: str) -> str:
    return " ".join(sorted(key.split()))


def resolve(query: str, names: Iterable[str]) -> str:
    """The one name of ``names`` that ``query`` stands for (see the module's steps).

    >>> resolve("DARCQ clement", ["Clément DARCQ", "Anne FALGA"])
    'Clément DARCQ'
    >>> try:
    ...     resolve("Clement DARQ", ["Clément DARCQ", "Anne FALGA"])
    ... except UnknownMemberError as error:
    ...     print(error.suggestions)
    ('Clément DARCQ',)
    """
    listed = list(names)
    if query in listed:
        return query
    key = query_key(query)
    steps = (
        [name for name in listed if name_key(name) == key],
        [name for name in listed if _sorted_words(name_key(name)) == _sorted_words(key)],
    )
    for found in steps:
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousMemberError(query, found)
    raise UnknownMemberError(query, suggestions=closest(query, listed))


def closest(query: str, names: Sequence[str], count: int = 3) -> tuple[str, ...]:
    """Up to ``count`` names of ``names`` whose keys are closest to ``query``'s, best first.

    The words are compared in their order and sorted, the better of the two
    counting, so « DARQ Clement » is as close to « Clément DARCQ » as
    « Clement DARQ ».

    >>> closest("Clement DARQ", ["Anne FALGA", "Clément DARCQ", "Clément DARCO"])
    ('Clément DARCQ', 'Clément DARCO')
    """
    key = query_key(query)
    keys = (key, _sorted_words(key))
    matcher = difflib.SequenceMatcher()
    scored: list[tuple[float, int, str]] = []
    for index, name in enumerate(names):
        best = 0.0
        candidate = name_key(name)
        for mine, theirs in zip(keys, (candidate, _sorted_words(candidate)), strict=True):
            matcher.set_seqs(mine, theirs)
            if matcher.real_quick_ratio() >= _CUTOFF and matcher.quick_ratio() >= _CUTOFF:
                best = max(best, matcher.ratio())
        if set(key.split()) <= set(candidate.split()):  # « DARCQ »: a surname alone
            best = max(best, _WHOLE_WORDS)
        if best >= _CUTOFF:
            scored.append((-best, index, name))
    return tuple(name for _, _, name in sorted(scored)[:count])


def html_summary(caption: str, rows: Sequence[tuple[str, object]]) -> str:
    """A two-column HTML table of ``(label, value)`` rows, every text escaped.

    >>> print(html_summary("Séance", [("membres", "<122>")]).splitlines()[2])
    <tr><th style="text-align:left">membres</th><td style="text-align:left">&lt;122&gt;</td></tr>
    """
    out = ['<table class="quorum-table quorum-sitting">',
           f'<caption style="text-align:left">{html.escape(caption)}</caption>']
    for label, value in rows:
        out.append(f'<tr><th style="text-align:left">{html.escape(label)}</th>'
                   f'<td style="text-align:left">{html.escape(str(value))}</td></tr>')
    out.append("</table>")
    return "\n".join(out)
