"""The decode stage: bytes of a record file into text (BOM, UTF-32/16, UTF-8, cp1252 per line)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorum.reader._decode import Decoded, Span, decode

# Text as a record may hold it: any character but NUL (a text with NULs in
# the pattern of UTF-16 is read as UTF-16) and lone surrogates (not encodable).
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
# Latin-1 letters and punctuation: the text of French records, every code
# unit's high byte zero, as the NUL-pattern test of UTF-16 without BOM expects.
latin_texts = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), min_size=1)


@given(texts)
def test_utf8_round_trip(text: str) -> None:
    if text.startswith("\ufeff"):  # indistinguishable from a BOM, which is dropped
        text = text[1:]
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8")


@given(texts)
def test_utf8_with_bom_round_trip(text: str) -> None:
    assert decode(text.encode("utf-8-sig")) == Decoded(text, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
@given(text=texts)
def test_utf16_and_utf32_with_bom_round_trip(codec: str, text: str) -> None:
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding.startswith(codec)
    assert decoded.fallbacks == ()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@given(text=latin_texts)
def test_wide_encodings_without_bom_are_found_by_their_zero_bytes(codec: str, text: str) -> None:
    assert decode(text.encode(codec)) == Decoded(text, codec)


def test_one_stray_cp1252_line_falls_back_alone() -> None:
    lines = ["Séance du lundi 12 janvier 2026", "Étaient présents : M. Rémi CARTIER",
             "Mme Inès JACQUOT, M. Jérôme ROY", "Secrétaire de séance : Mme Marion MAIRE"]
    data = b"\n".join(
        line.encode("cp1252") if index == 2 else line.encode("utf-8")
        for index, line in enumerate(lines)) + b"\n"
    decoded = decode(data)
    assert decoded.text == "\n".join(lines) + "\n"
    assert decoded.encoding == "utf-8+cp1252"
    start = len(lines[0]) + len(lines[1]) + 2
    assert decoded.fallbacks == (Span(start, start + len(lines[2])),)
    assert decoded.text[start : start + len(lines[2])] == "Mme Inès JACQUOT, M. Jérôme ROY"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_the_span_is_the_line_without_its_break(newline: str) -> None:
    data = f"Pour : 17{newline}".encode() + "Abstention : 0 — Mme Anaïs".encode("cp1252") + (
        f"{newline}Contre : 0{newline}".encode())
    decoded = decode(data)
    (span,) = decoded.fallbacks
    assert decoded.text[span.start : span.end] == "Abstention : 0 — Mme Anaïs"
    assert decoded.text == newline.join(
        ["Pour : 17", "Abstention : 0 — Mme Anaïs", "Contre : 0", ""])


def test_cp1252_only_text_reads_its_accents() -> None:
    text = ("Étaient présents : M. François MÜLLER, Mme Cécile CŒUR\n"
            "« pouvoir » à M. Noël PRÊTRE – 12 €\n"
            "Membres en exercice : 19\n")
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    first, second, _ = text.splitlines(keepends=True)
    assert decoded.fallbacks == (Span(0, len(first) - 1),
                                 Span(len(first), len(first) + len(second) - 1))
    assert [decoded.text[s.start : s.end] for s in decoded.fallbacks] == text.splitlines()[:2]


def test_undefined_cp1252_bytes_become_replacement_characters() -> None:
    decoded = decode(b"M. Jean\x81 DUPONT \x8d\x8f\x90\x9d\xe9")
    assert decoded.text == "M. Jean\ufffd DUPONT \ufffd\ufffd\ufffd\ufffdé"
    assert decoded.fallbacks == (Span(0, len(decoded.text)),)


def test_a_utf8_line_with_a_stray_byte_is_read_whole_as_cp1252() -> None:
    # The line is not valid UTF-8, so all of it is read as cp1252, its UTF-8
    # accents included (the mojibake fixer of the cleaning stage sees them).
    decoded = decode("Séance ".encode() + b"\xe9t\xe9\n")
    assert decoded.text == "SÃ©ance été\n"


@given(st.lists(st.tuples(latin_texts.filter(lambda s: "\r" not in s and "\n" not in s),
                          st.booleans()), min_size=1, max_size=20))
def test_fallbacks_are_exactly_the_lines_not_valid_utf8(lines: list[tuple[str, bool]]) -> None:
    raws = [text.encode("cp1252", errors="replace") if legacy else text.encode()
            for text, legacy in lines]
    decoded = decode(b"\n".join(raws))
    expected, fallbacks, offset = [], [], 0
    for raw in raws:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
            fallbacks.append(Span(offset, offset + len(line)))
        expected.append(line)
        offset += len(line) + 1
    assert decoded.text == "\n".join(expected)
    assert decoded.fallbacks == tuple(fallbacks)


def test_binary_looking_utf8_with_nul_is_not_taken_for_utf16() -> None:
    assert decode(b"Pour : 17\x00\nContre : 0\n").encoding == "utf-8"


def test_a_span_cannot_run_backwards() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)
