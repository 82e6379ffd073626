"""PDF input of the reader: the text layer of a PDF record, as extracted by pypdf.

Terms used here:

- *text layer*: the characters a PDF draws as text (with fonts), as opposed
  to pictures of text.  A scanned record has none: it needs OCR (optical
  character recognition) first, which quorum does not do.
- *page furniture*: running headers, footers and page numbers.  They are
  kept here, in the flow of the text: removing them belongs to the cleaning
  stage.  Pages are joined with ``"\\n\\f"``: a line break, then a form feed
  at the start of the next page's first line, so the cleaning stage can find
  page boundaries; the reader takes a form feed for a space.
- *hostile PDF*: a file made (or damaged) so that reading it never ends or
  exhausts memory: a stream that inflates to gigabytes (a decompression
  bomb), a page tree that loops, a huge page count.  A PDF is untrusted
  input, so every failure of pypdf, whatever its kind, becomes a
  :class:`~quorum.errors.RecordError` with a French message, within the
  limits of :class:`PdfLimits`: pages, characters, the decompressed size of
  a stream, and a wall-clock budget checked between pages.

pypdf is an optional dependency (the ``pdf`` extra, pypdf 6.0 or later: the
first to bound what a stream may inflate to): it is imported only when a PDF
is read, and its absence raises
:class:`~quorum.errors.MissingExtraError` saying what to install.
"""

from __future__ import annotations

import contextlib
import io
import logging
import time
import warnings
from collections.abc import Iterator
from typing import Any

import attrs

from quorum.errors import MissingExtraError, ReadProblem, RecordError

__all__ = ["PdfLimits", "pdf_text"]


@attrs.frozen(kw_only=True)
class PdfLimits:
    """How much of a PDF quorum is willing to read.

    ``pages``: the most pages; ``characters``: the most characters of text
    in all; ``stream_bytes``: the most bytes one stream may inflate to
    (handed to pypdf's own limits where the installed version has them);
    ``content_bytes``: the most bytes of page content (the drawing
    instructions, once inflated) in all pages, since pypdf keeps each page's
    inflated content in memory; ``seconds``: the wall-clock budget of the
    extraction, checked between pages.  A real record is a few pages, some
    50 kB of content each, and reads in well under a second.
    """

    pages: int = 2_000
    characters: int = 20_000_000
    stream_bytes: int = 25_000_000
    content_bytes: int = 100_000_000
    seconds: float = 30.0


DEFAULT_LIMITS = PdfLimits()
_MISSING = ("la lecture des PDF demande pypdf, qui n'est pas installé : "
            "pip install 'quorum[pdf]'")


class _Refusal(Exception):
    """A reason to refuse the PDF, in French (turned into a RecordError)."""


def pdf_text(data: bytes, *, file: str | None, limits: PdfLimits = DEFAULT_LIMITS) -> str:
    """The text layer of the PDF ``data``, page after page, joined with ``"\\n\\f"``.

    Raises :class:`~quorum.errors.RecordError` (one problem at line 1, column
    1 of ``file``) for a PDF that cannot be read: damaged or truncated,
    protected by a password, without a text layer, or past ``limits``; and
    :class:`~quorum.errors.MissingExtraError` when pypdf is not installed.
    """
    try:
        import pypdf
    except ImportError as error:
        raise MissingExtraError("pdf", "pypdf", "reading a PDF", message=_MISSING) from error
    try:
        with _quiet(), _pypdf_limits(pypdf, limits):
            return _extract(pypdf, data, limits)
    except _Refusal as refusal:
        message = str(refusal)
    except MemoryError:
        message = "ce PDF est trop gros pour la mémoire disponible : refusé"
    except RecursionError:
        message = ("ce PDF a une structure en boucle ou trop profonde "
                   "(fichier endommagé ou malveillant) : refusé")
    except Exception as error:  # any failure of pypdf on untrusted input
        message = _failure(pypdf, error)
    raise RecordError([ReadProblem(message=message, line=1, column=1, file=file)])


def _extract(pypdf: Any, data: bytes, limits: PdfLimits) -> str:
    started = time.monotonic()
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        _decrypt(pypdf, reader)
    count = len(reader.pages)
    if count == 0:
        raise _Refusal("ce PDF n'a aucune page")
    if count > limits.pages:
        raise _Refusal(f"ce PDF a {count} pages, plus que les {limits.pages} que quorum "
                       "accepte : refusé")
    pages: list[str] = []
    total = content = 0
    for index in range(count):
        if time.monotonic() - started > limits.seconds:
            raise _Refusal(f"la lecture de ce PDF dépasse {limits.seconds:g} secondes "
                           f"(arrêtée à la page {index + 1} sur {count}) : refusé")
        page = reader.pages[index]
        content += _content_bytes(page)  # inflated once: extract_text() reuses it
        if content > limits.content_bytes:
            raise _Refusal(f"ce PDF dépasse {limits.content_bytes} octets de contenu de page "
                           f"une fois décompressé (à la page {index + 1}) : refusé")
        text = page.extract_text() or ""
        total += len(text) + 2
        if total > limits.characters:
            raise _Refusal(f"ce PDF contient plus de {limits.characters} caractères de texte, "
                           "plus que quorum n'en accepte : refusé")
        pages.append(text)
    joined = "\n\f".join(pages)
    if not any(char.isalpha() for char in joined):
        raise _Refusal("ce PDF n'a pas de couche texte (document numérisé ?) : il faut "
                       "d'abord le passer à la reconnaissance de caractères (OCR)")
    return joined


def _content_bytes(page: Any) -> int:
    """The inflated size of a page's content streams (``/Contents``: one or an array)."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else []
    streams = contents if isinstance(contents, list) else [contents]
    objects = (stream.get_object() for stream in streams)
    return sum(len(obj.get_data()) for obj in objects if hasattr(obj, "get_data"))


def _decrypt(pypdf: Any, reader: Any) -> None:
    """Open a PDF protected with an empty user password (permissions only), else refuse."""
    try:
        opened = reader.decrypt("")
    except Exception as error:  # an unknown or unsupported encryption
        dependency = isinstance(error, pypdf.errors.DependencyError)
        hint = (" (son chiffrement AES demande le module cryptography : "
                "pip install cryptography)" if dependency else "")
        raise _Refusal(f"ce PDF est chiffré et quorum ne peut pas l'ouvrir{hint}") from error
    if not opened:
        raise _Refusal("ce PDF est protégé par un mot de passe : quorum ne peut pas le lire ; "
                       "demandez une version sans mot de passe")


def _failure(pypdf: Any, error: Exception) -> str:
    errors = pypdf.errors
    limit = getattr(errors, "LimitReachedError", ())  # pypdf 6.0 and later
    if isinstance(error, errors.FileNotDecryptedError):
        return ("ce PDF est protégé par un mot de passe : quorum ne peut pas le lire ; "
                "demandez une version sans mot de passe")
    if isinstance(error, limit):
        return ("ce PDF dépasse une limite de sécurité (un flux trop gros une fois "
                "décompressé, ou une structure en boucle) : refusé")
    if isinstance(error, errors.PdfReadError | errors.PdfStreamError | errors.ParseError):
        return "ce PDF est illisible : fichier tronqué ou endommagé"
    return f"ce PDF est illisible : fichier endommagé ou non conforme ({type(error).__name__})"


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence pypdf's warnings on a damaged file: the refusal says what matters."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _pypdf_limits(pypdf: Any, limits: PdfLimits) -> contextlib.AbstractContextManager[Any]:
    """pypdf's own limits, lowered for the extraction where pypdf has ``apply_configuration``.

    Older versions keep their module constants (75 MB per stream); quorum does
    not change them, as they are shared by the whole process.
    """
    apply = getattr(pypdf, "apply_configuration", None)
    configuration = getattr(pypdf, "Configuration", None)
    if apply is None or configuration is None:
        return contextlib.nullcontext()
    wanted = {
        "maximum_declared_stream_length": limits.stream_bytes,
        "array_based_stream_maximum_output_length": limits.stream_bytes,
        "zlib_maximum_output_length": limits.stream_bytes,
        "lzw_maximum_output_length": limits.stream_bytes,
        "run_length_maximum_output_length": limits.stream_bytes,
        "brotli_maximum_output_length": limits.stream_bytes,
        "jbig2_maximum_output_length": limits.stream_bytes,
        "image_maximum_buffer_size": limits.stream_bytes,
        # Entries of the page dictionaries (about ten a page), not pages.
        "page_tree_maximum_page_entries": 100 * limits.pages,
    }
    fields = set(getattr(configuration, "__dataclass_fields__", ()))
    manager: contextlib.AbstractContextManager[Any] = apply(
        **{name: value for name, value in wanted.items() if name in fields})
    return manager
