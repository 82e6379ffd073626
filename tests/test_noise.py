"""The reference record after a PDF-to-text conversion: never silently different.

A conversion wraps the long lines of the lists (at 80 columns here) and leaves
its noise between them: blank lines, form feeds, running headers, page numbers.
Each kind of noise is inserted at every line boundary of the three lists
(present, absent, proxies); every variant must read to the reference figures
at all 56 questions and audit without an error finding.
"""

from __future__ import annotations

import textwrap
from functools import cache

import pytest

import quorum
from tests.conftest import DATA

LISTS = ("Étaient présents", "Étaient absents", "Procurations de vote")

# What a conversion leaves at a page break, put after a line of a list.
NOISE = {
    "blank line": "\n",
    "two blank lines": "\n\n",
    "form feed": "\f",
    "page break": "\n\n12\n\f\nGrand Besançon Métropole – Conseil de Communauté du 25 juin 2026\n",
    "running header": "\nGrand Besançon Métropole – Conseil de Communauté du 25 juin 2026",
    "page number": "\n12",
    "page x of y": "\nPage 3 sur 22",
    "footer and blank lines": "\n\nPage 3 sur 22\n\n",
}


@cache
def wrapped_reference() -> tuple[list[str], tuple[int, ...]]:
    """The reference record with its lists wrapped at 80 columns, and the indexes of the
    wrapped lines after which noise can fall (inside a list)."""
    text = (DATA / "records" / "gbm-2026-06-25-rapport-26.txt").read_text(encoding="utf-8")
    lines: list[str] = []
    inside: list[int] = []
    for line in text.split("\n"):
        if not line.startswith(LISTS):
            lines.append(line)
            continue
        wrapped = textwrap.wrap(line, 80, break_long_words=False, break_on_hyphens=False)
        for piece in wrapped[:-1]:
            inside.append(len(lines))
            lines.append(piece)
        lines.append(wrapped[-1])
    return lines, tuple(inside)


@cache
def reference_figures() -> tuple[tuple[str, int, int], ...]:
    lines, _ = wrapped_reference()
    sitting = quorum.read_record("\n".join(lines))
    return tuple((s.question, s.present, s.represented) for s in sitting.replay())


def test_the_wrapped_reference_reads_as_the_reference() -> None:
    text = (DATA / "records" / "gbm-2026-06-25-rapport-26.txt").read_text(encoding="utf-8")
    original = quorum.read_record(text)
    figures = tuple((s.question, s.present, s.represented) for s in original.replay())
    assert reference_figures() == figures
    assert len(figures) == 56 and figures[25] == ("26", 95, 23)
    assert len(wrapped_reference()[1]) > 60


@pytest.mark.parametrize("kind", sorted(NOISE))
def test_noise_at_every_line_boundary_of_the_lists(kind: str) -> None:
    lines, inside = wrapped_reference()
    wrong = []
    for index in inside:
        noisy = list(lines)
        noisy[index] += NOISE[kind]
        sitting = quorum.read_record("\n".join(noisy))
        figures = tuple((s.question, s.present, s.represented) for s in sitting.replay())
        report = quorum.audit(sitting)
        if figures != reference_figures() or report.exit_status:
            wrong.append((index, lines[index][-30:], report.codes))
    assert not wrong


def test_a_word_hyphenated_across_the_line_boundary() -> None:
    lines, inside = wrapped_reference()
    cut = 0
    for index in inside:
        words = lines[index].split()
        last = words[-1].rstrip(",") if words else ""
        if not (last.isupper() and len(last) >= 6 and last.isalpha()):
            continue
        noisy = list(lines)
        half = len(last) // 2
        head = lines[index][: lines[index].rindex(last)]
        tail = lines[index][lines[index].rindex(last) + len(last):]
        noisy[index] = head + last[:half] + "-"
        noisy[index + 1] = last[half:] + tail + " " + lines[index + 1]
        sitting = quorum.read_record("\n".join(noisy))
        figures = tuple((s.question, s.present, s.represented) for s in sitting.replay())
        assert figures == reference_figures(), lines[index][-30:]
        assert quorum.audit(sitting).exit_status == 0
        cut += 1
    assert cut >= 10
