"""The decode stage of the reader: the bytes of a record file into text.

Terms used here:

- *BOM* (byte order mark): the bytes that some editors put at the start of
  a file to name its Unicode encoding (``EF BB BF`` for UTF-8, ``FF FE`` and
  ``FE FF`` for UTF-16 little and big endian, ``FF FE 00 00`` and
  ``00 00 FE FF`` for UTF-32).  It is not part of the text and is dropped.
- *line*: the bytes up to a line break (``\\n``, ``\\r`` or ``\\r\\n``), the
  break excluded.  Line breaks are left in the text as they are: turning
  ``\\r\\n`` into ``\\n`` belongs to a later stage.
- *fallback*: a line that is not valid UTF-8 in a file that is otherwise
  read as UTF-8.  Such a line is read as Windows-1252 (cp1252, the usual
  encoding of French text exported by office software), its five undefined
  bytes becoming U+FFFD; its :class:`Span` is recorded in
  :attr:`Decoded.fallbacks` so the reader can report it (``decode-fallback``).
- *span*: ``Span(start, end)``, offsets into :attr:`Decoded.text` as decoded,
  ``text[start:end]`` being the part meant.

The order is fixed: a BOM decides; otherwise a NUL-byte pattern on the first
bytes recognises UTF-32 or UTF-16 written without a BOM (ASCII and Latin-1
letters have zero high bytes); otherwise UTF-8, with the per-line cp1252
fallback.  Everything runs in linear time: valid UTF-8 between two bad lines
is decoded in one call, never line by line.

>>> decode("Séance".encode()).text
'Séance'
>>> decoded = decode("Séance\\n".encode() + "Thisé\\n".encode("cp1252"))
>>> decoded.text, decoded.encoding, decoded.fallbacks
('Séance\\nThisé\\n', 'utf-8+cp1252', (Span(start=7, end=12),))

A text that starts with U+FEFF and is written in UTF-8 cannot be told apart
from a UTF-8 file with a BOM: the character is taken for the BOM and dropped.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from encodings import cp1252

import attrs

__all__ = ["Decoded", "Span", "decode"]

# Checked in this order: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# How many leading bytes the NUL-pattern test looks at, and the share of
# zero bytes it wants where the high bytes of the code units are.
_SNIFF = 4096
_HIGH_ZERO_SHARE = 0.5
# Zero low bytes allowed, for the rare characters such as U+2000 or U+0100.
_LOW_ZERO_SHARE = 0.05
# The longest run of valid UTF-8 from a position (possessive: no backtracking),
# so the first byte that is not UTF-8 is found by the C regex engine.
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]++|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})*+"
)
_CP1252 = cp1252.decoding_table


def _span_order(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    if not 0 <= instance.start <= value:
        raise ValueError(f"span {instance.start}..{value} is not in order")


@attrs.frozen
class Span:
    """The part ``text[start:end]`` of a decoded text."""

    start: int
    end: int = attrs.field(validator=_span_order)


def _spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(spans)


@attrs.frozen
class Decoded:
    """A record file as text.

    ``encoding`` names what was used: a Python codec name (``"utf-8"``,
    ``"utf-8-sig"`` when a BOM was there, ``"utf-16-le"`` …), ``"cp1252"``
    when every line with non-ASCII bytes was read as cp1252, or
    ``"utf-8+cp1252"`` (``"utf-8-sig+cp1252"``) when some were.
    ``fallbacks`` are the spans of the lines read as cp1252, in order.
    """

    text: str
    encoding: str
    fallbacks: tuple[Span, ...] = attrs.field(default=(), converter=_spans)


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a record: BOM, else UTF-32/16 by NUL pattern, else UTF-8 with
    a per-line cp1252 fallback.  Never raises on bad bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                return _utf8_with_fallback(data, len(bom), encoding)
            return Decoded(data[len(bom):].decode(encoding, errors="replace"), encoding)
    wide = _sniff_wide(data)
    if wide is not None:
        return Decoded(data.decode(wide, errors="replace"), wide)
    return _utf8_with_fallback(data, 0, "utf-8")


def _zero_share(sample: bytes, offset: int, step: int) -> float:
    units = sample[offset::step]
    return units.count(0) / len(units) if units else 0.0


def _sniff_wide(data: bytes) -> str | None:
    """``"utf-32-le"``, ``"utf-32-be"``, ``"utf-16-le"``, ``"utf-16-be"`` or None, from
    where the zero bytes fall in the first bytes (text with no NUL is never wide)."""
    sample = data[:_SNIFF]
    if b"\x00" not in sample:
        return None
    if len(sample) >= 4:
        sample32 = sample[: len(sample) // 4 * 4]
        low_le, low_be = _zero_share(sample32, 0, 4), _zero_share(sample32, 3, 4)
        middle = min(_zero_share(sample32, 1, 4), _zero_share(sample32, 2, 4))
        if middle >= _HIGH_ZERO_SHARE:
            if low_le <= _LOW_ZERO_SHARE and low_be >= _HIGH_ZERO_SHARE:
                return "utf-32-le"
            if low_be <= _LOW_ZERO_SHARE and low_le >= _HIGH_ZERO_SHARE:
                return "utf-32-be"
    sample16 = sample[: len(sample) // 2 * 2]
    even, odd = _zero_share(sample16, 0, 2), _zero_share(sample16, 1, 2)
    if even <= _LOW_ZERO_SHARE and odd >= _HIGH_ZERO_SHARE:
        return "utf-16-le"
    if odd <= _LOW_ZERO_SHARE and even >= _HIGH_ZERO_SHARE:
        return "utf-16-be"
    return None


def _utf8_with_fallback(data: bytes, start: int, encoding: str) -> Decoded:
    try:
        return Decoded((data[start:] if start else data).decode("utf-8"), encoding)
    except UnicodeDecodeError:
        pass
    pieces: list[str] = []
    fallbacks: list[Span] = []
    length = 0  # characters of the result so far
    done = start  # bytes consumed so far
    end = len(data)
    # The next line breaks at or after the current position, found once each:
    # a file with only « \r » breaks must not be scanned to its end per bad line.
    next_lf = next_cr = -1
    utf8_beyond_ascii = False
    while True:
        bad_at = _UTF8_RUN.match(data, done).end()  # type: ignore[union-attr]
        if bad_at == end:
            break
        line_start = max(data.rfind(b"\n", done, bad_at), data.rfind(b"\r", done, bad_at),
                         done - 1) + 1
        if next_lf < bad_at:
            next_lf = data.find(b"\n", bad_at) % (end + 1)  # -1 becomes end
        if next_cr < bad_at:
            next_cr = data.find(b"\r", bad_at) % (end + 1)
        line_end = min(next_lf, next_cr)
        good = data[done:line_start].decode("utf-8")
        line = codecs.charmap_decode(data[line_start:line_end], "replace", _CP1252)[0]
        utf8_beyond_ascii = utf8_beyond_ascii or not good.isascii()
        pieces += (good, line)
        length += len(good)
        fallbacks.append(Span(length, length + len(line)))
        length += len(line)
        done = line_end
    rest = data[done:].decode("utf-8")
    pieces.append(rest)
    utf8_beyond_ascii = utf8_beyond_ascii or not rest.isascii()
    plain = not utf8_beyond_ascii and encoding == "utf-8"
    encoding = "cp1252" if plain else f"{encoding}+cp1252"
    return Decoded("".join(pieces), encoding, tuple(fallbacks))
