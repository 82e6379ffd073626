"""The reader stays linear whatever the shape of its input.

Each shape here once made a pattern (or a loop) quadratic: a long run of
spaces after a word that starts a pattern (« en exercice », « Présents »,
« Rapport n », a day of the month, « à partir de la question n° », « ** »
opening a bold heading, an « et » among the interested members), or a list
of proxies on one long line.  Read in linear time each takes milliseconds;
quadratic, minutes.  The bound is loose so that a loaded machine does not
fail it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

import quorum

HEADER = "Séance du jeudi 25 juin 2026\nMembres en exercice : 3\n"
SPACES = " " * 200_000
PROXY = "**Audeux :** M. Michel VIENET à Mme Valérie MAILLARD, "

SHAPES: dict[str, Callable[[], str]] = {
    "in office": lambda: f"Conseil de Communauté\nen exercice{SPACES}x\n",
    "count": lambda: f"{HEADER}Présents{SPACES}x\n",
    "date": lambda: f"Séance du 1{SPACES}x\n",
    "key line": lambda: f"{HEADER}Rapport n{SPACES}#\n",
    "tally": lambda: f"{HEADER}Rapport n° 1 - x\nPour{SPACES}x : 1\n",
    "window": lambda: f"{HEADER}Étaient présents : M. LIND (à partir de la question n°{SPACES}#)\n",
    "interested": lambda: f"{HEADER}Rapport n° 1 - x\nConseillers intéressés : M. LIND{SPACES}x\n",
    "bold heading": lambda: f"{HEADER}Étaient présents : **{SPACES}x\n",
    "proxies on one line": lambda: f"{HEADER}Procurations de vote : {PROXY * 4000}\n",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_reading_is_linear(shape: str) -> None:
    text = SHAPES[shape]()
    start = time.perf_counter()
    with contextlib.suppress(quorum.QuorumError):  # most shapes are no record; some read
        quorum.read_record(text)
    assert time.perf_counter() - start < 10
