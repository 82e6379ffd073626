"""Read published attendance records: the French text of a sitting into a :class:`Sitting`.

>>> import quorum
>>> sitting = quorum.read_record('''
... Conseil municipal de Beure
... Séance du jeudi 15 janvier 2026
... Membres en exercice : 3
... Ordre de passage des rapports : 1, 2
... Étaient présents : M. Bruno LIND, Mme Anne FALGA (à compter de la question n° 2)
... Étaient absents : M. Pascal DIMANCHE
... Procurations de vote : M. Pascal DIMANCHE à M. Bruno LIND
... ''')
>>> sitting.at(1).present, sitting.at(1).represented, sitting.at(2).present
(1, 1, 2)

:func:`read_record` takes a path (``.txt``, or ``.pdf`` with ``quorum[pdf]``), a
:class:`pathlib.Path` or the text itself (also the JSON form of a sitting);
:func:`read_records` merges several extracts of one sitting, one per
deliberation, each repeating the header.

The reader is a chain of stages, one module each, every position still pointing
into the text as written:

1. *decode* (:mod:`~quorum.reader._decode`, :mod:`~quorum.reader._pdf`): bytes to
   text — a BOM, UTF-8, a cp1252 fallback line by line; the text layer of a PDF;
2. *clean* (:mod:`~quorum.reader._clean`): the noise of a conversion (markup,
   page furniture, lost ligatures, words glued or split), each repair an edit;
3. *segment* (:mod:`~quorum.reader._segment`): a flattened paragraph broken
   before each section cue;
4. *list items* (:mod:`~quorum.reader._items`, :mod:`~quorum.reader._lists`): the
   lists found by their cue words (:mod:`~quorum.reader._cues`), item by item —
   people, windows, proxies, substitutes — an unreadable item kept and said;
5. *facts* (:mod:`~quorum.reader._facts`, :mod:`~quorum.reader._dates`): header
   counts, dates, the president and secretary, items and their tallies, rounds of
   an election, prose arrivals and departures.  One pass over the lines
   (:mod:`~quorum.reader._parser`) hands each line to the stage it calls for,
   recording on :class:`~quorum.reader._state.ReaderState`;
6. *resolve* (:mod:`~quorum.reader._names`): every mention reconciled to one roll
   of members;
7. *build* (:mod:`~quorum.reader._build`): the :class:`~quorum.model.Sitting`, with
   a :class:`~quorum.model.ReadNote` for whatever the record left unsaid or said
   doubtfully (the audit reports them).

What cannot be read at all raises :class:`~quorum.errors.RecordError` (a
:class:`~quorum.errors.QuorumError`) listing every problem found, each with its
file, line, column and a caret under the offending text; contradictions are
read and left to the audit.  The phrasings understood are listed in
``docs/phrasings.md``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import attrs

from quorum._french import os_reason
from quorum.errors import QuorumError, ReadProblem, RecordError
from quorum.jsonio import sitting_from_json
from quorum.model import RecordOrigin, Sitting
from quorum.reader._build import parse
from quorum.reader._decode import Span, decode
from quorum.reader._merge import merge
from quorum.reader._pdf import pdf_text
from quorum.reader._text import fold

__all__ = ["read_record", "read_records"]

_HEADER_START = re.compile(
    r"\s*(?:publie|conseil|comite|assemblee|seance|extrait|republique|departement|commune|"
    r"deliberation|membres|\{)"
)
_PATH_LIKE = re.compile(r"[\\/]|\.[A-Za-z0-9]{1,5}$")


_Loaded = tuple[str, str | None, tuple[Span, ...]]  # text, file to cite, lines read as cp1252


def _load(source: str | os.PathLike[str] | bytes, file: str | None) -> _Loaded:
    """The text of ``source`` and the file name to cite."""
    if isinstance(source, os.PathLike):
        return _read_file(Path(source), file)
    if isinstance(source, bytes):
        return _from_bytes(source, file)
    if not isinstance(source, str):
        raise RecordError([ReadProblem(
            message=f"attendu : un chemin ou le texte d'un relevé, pas {type(source).__name__}",
            line=1, column=1, file=file)])
    if "\n" in source:
        return source, file, ()
    if len(source) < 4096:
        try:
            kind = "file" if Path(source).is_file() else "folder" if Path(source).is_dir() else ""
        except (OSError, ValueError):
            kind = ""
        if kind == "file":
            return _read_file(Path(source), file)
        if kind == "folder":
            raise RecordError([ReadProblem(
                message=f"{source} est un dossier : nommez les fichiers de relevés qu'il contient",
                line=1, column=1, file=file or source)])
        if (_PATH_LIKE.search(source.strip()) and " : " not in source
                and not _HEADER_START.match(fold(source[:200]))):
            raise RecordError([ReadProblem(message=f"fichier introuvable : {source}", line=1,
                                           column=1, file=file or source)])
    return source, file, ()


def _read_file(path: Path, file: str | None) -> _Loaded:
    name = file or str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RecordError([ReadProblem(
            message=f"impossible de lire le fichier : {os_reason(error)}",
            line=1, column=1, file=name)]) from None
    if path.suffix.lower() == ".pdf":
        return pdf_text(data, file=name), name, ()
    return _from_bytes(data, name)


def _from_bytes(data: bytes, name: str | None) -> _Loaded:
    if data.startswith(b"%PDF-"):
        return pdf_text(data, file=name), name, ()
    decoded = decode(data)  # the lines read as cp1252 become decode-fallback findings
    return decoded.text, name, decoded.fallbacks


def read_record(source: str | os.PathLike[str] | bytes, *, file: str | None = None
                ) -> Sitting:
    """Read one published record (a path, a Path, the text, its bytes, or the JSON of a sitting).

    Bytes are decoded as a file's are (a BOM, UTF-8, a line that is not UTF-8 read as
    cp1252 and said by a ``decode-fallback`` finding; a PDF by its first bytes).

    A ``str`` is a path when it has no line break and names an existing
    file; otherwise it is the text itself — except that a single line that
    looks like a file name (« extrait.txt », « records/x ») and names no
    file is refused as a missing file rather than read as a record.
    ``file`` names the source in error messages and in the sitting's
    :class:`~quorum.model.RecordOrigin`.
    """
    text, name, fallbacks = _load(source, file)
    if text.lstrip().startswith("{"):
        sitting = sitting_from_json(text)
        return attrs.evolve(sitting, origin=RecordOrigin(files=(name,) if name else ()))
    try:
        return parse(text, name, fallbacks)
    except QuorumError:
        raise
    except RecursionError:  # pragma: no cover - defensive: never seen
        raise RecordError([ReadProblem(message="relevé trop profondément imbriqué", line=1,
                                       column=1, file=name)]) from None


def read_records(sources: Iterable[str | os.PathLike[str] | Sitting]) -> Sitting:
    """Read several extracts of one sitting and merge them into one sitting.

    Each source is what :func:`read_record` takes, or an extract already read.

    Every extract repeats the header of the sitting (members, attendance,
    proxies) and brings its own deliberation.  Extracts of different
    sittings (another date or council) raise :class:`RecordError`; headers
    that disagree are kept as :class:`~quorum.model.Disagreement` in the
    merged sitting's origin, the first extract's version winning.
    """
    sittings = [source if isinstance(source, Sitting) else read_record(source)
                for source in sources]
    if not sittings:
        raise RecordError([ReadProblem(message="aucun relevé à lire", line=1, column=1)])
    return merge(sittings)


