"""Benchmark: decoding 5 MB of bytes (UTF-8, cp1252, UTF-16, every other line cp1252).

The decode stage must stay linear: a line not in UTF-8 is found by a C regex
and decoded on its own; a file with only « \\r » breaks is no slower.
Run: ``python benchmarks/decode.py`` (about 0.1 s for 5 MB on a 2-core machine).
"""

from __future__ import annotations

import time
from pathlib import Path

from quorum.reader._decode import decode

RECORD = Path(__file__).parents[1] / "tests" / "data" / "records" / "gbm-2026-06-25-rapport-26.txt"


def best_of(data: bytes, runs: int = 3) -> float:
    """The best time of ``runs`` decodings of ``data``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        decode(data)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    text = RECORD.read_text(encoding="utf-8")
    text = (text * (5_000_000 // len(text) + 1))[:5_000_000]
    lines = text.split("\n")
    mixed = b"\n".join(line.encode("cp1252", errors="replace") if index % 2 else line.encode()
                       for index, line in enumerate(lines))
    cases = {
        "utf-8": text.encode("utf-8"),
        "cp1252": text.encode("cp1252", errors="replace"),
        "utf-16": text.encode("utf-16"),
        "every other line cp1252": mixed,
        "the same, « \\r » breaks": mixed.replace(b"\n", b"\r"),
    }
    for name, data in cases.items():
        print(f"{name:28} {len(data) / 1e6:5.1f} MB  {best_of(data):6.3f} s")


if __name__ == "__main__":
    main()
