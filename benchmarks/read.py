"""Benchmark: reading 5 MB of text, repeated records and random text, at two sizes.

The reader must stay linear in the size of its input whatever the input:
no pattern may backtrack catastrophically.  This times ``quorum.read_record``
(best of three runs) on

- *repeated*: the reference record (GBM, 25 June 2026) repeated to the size
  — every list, proxy and tally read again and again (the result is a
  RecordError listing every member listed twice: building it is timed too);
- *one line*: the list of those present repeated on one single line — the
  longest line a list can make;
- *proxies*: the list of proxies likewise on one single line (no list of
  those present: every holder is unknown, a problem each);
- *spaced*: the reference record with every space widened to 1,000 spaces —
  long runs of spaces after every word, where a pattern with two runs of
  spaces side by side would backtrack quadratically;
- *random*: random words, punctuation and French record vocabulary, with
  lines of random length;

each at 2.5 MB and 5 MB: doubling the input should double the time, not
quadruple it.  Run: ``python benchmarks/read.py`` (target: about a second
for 5 MB on a 2-core machine).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import quorum

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "examples" / "gbm-conseil-2026-06-25-rapport-26.txt"
MB = 1_000_000
VOCABULARY = str.split(
    "M. Mme Étaient présents : absents Procurations de vote à (à compter de la question "
    "n° 17) jusqu'à incluse **Besançon :** Pour : 117 Contre Abstention* Délibération "
    "Rapport n°26 - conseillère intéressée unanimité Séance du jeudi 25 juin 2026 "
    "suppléé par ayant la suppléance de pouvoir En exercice 39 Présents , ; ( ) : "
    "DARCQ Kévin HUOT-CUSENIER"
)


def repeated(size: int) -> str:
    text = RECORD.read_text(encoding="utf-8")
    return (text * (size // len(text) + 1))[:size]


def _list_on_one_line(heading: str, size: int) -> str:
    """The reference record's list after ``heading`` repeated on one line, after a header."""
    line = next(line for line in RECORD.read_text(encoding="utf-8").splitlines()
                if line.startswith(heading))
    body = line.removeprefix(f"{heading} : ")
    return (f"Séance du jeudi 25 juin 2026\nMembres en exercice : 122\n{heading} : "
            + (body + ", ") * (size // len(body) + 1))[:size]


def one_line(size: int) -> str:
    return _list_on_one_line("Étaient présents", size)


def proxies(size: int) -> str:
    return _list_on_one_line("Procurations de vote", size)


def spaced(size: int) -> str:
    text = RECORD.read_text(encoding="utf-8").replace(" ", " " * 1000)
    return (text * (size // len(text) + 1))[:size]


def random_text(size: int, seed: int = 26) -> str:
    rnd = random.Random(seed)
    words: list[str] = []
    length = 0
    while length < size:
        word = rnd.choice(VOCABULARY) if rnd.random() < 0.7 else "".join(
            rnd.choice("abcdefghijklmnopqrstuvwxyzÉéèà0123456789():,;*°'-")
            for _ in range(rnd.randint(1, 12)))
        word += "\n" if rnd.random() < 0.02 else " "
        words.append(word)
        length += len(word)
    return "".join(words)[:size]


def best_of(text: str, runs: int = 3) -> tuple[float, str]:
    best = float("inf")
    outcome = ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            sitting = quorum.read_record(text)
            outcome = f"a sitting of {len(sitting.members)} members"
        except quorum.QuorumError as error:
            count = len(getattr(error, "problems", ()))
            outcome = f"{type(error).__name__} with {count} problems"
        best = min(best, time.perf_counter() - start)
    return best, outcome


def main() -> None:
    print(f"{'input':<10} {'size':>8} {'seconds':>8}  outcome")
    inputs = (("repeated", repeated), ("one line", one_line), ("proxies", proxies),
              ("spaced", spaced), ("random", random_text))
    for name, make in inputs:
        times = []
        for size in (MB * 5 // 2, 5 * MB):
            seconds, outcome = best_of(make(size))
            times.append(seconds)
            print(f"{name:<10} {size / MB:>6.1f}MB {seconds:>8.2f}  {outcome}")
        print(f"{'':<10} {'ratio':>8} {times[1] / times[0]:>8.2f}  (2.0 = linear)")


if __name__ == "__main__":
    main()
