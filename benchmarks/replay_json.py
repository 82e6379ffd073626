"""Benchmark: ``quorum replay --format json`` of the 1,000-member, 500-question record.

Writes the benchmark record (the sitting of benchmarks/replay.py at its
first size, 1,000 members, 500 questions, 3,000 windows, written as a record
by ``quorum.render_record``) to ``FILE``, then runs the command line on it in
this process (best of five runs) in both JSON forms and prints the size of
each document and the time (targets: the compact form under 2 MB and, as a
whole process, under 400 ms on a 2-core machine; time the whole process with
``/usr/bin/time quorum replay FILE --format json``).

Run: ``python benchmarks/replay_json.py [FILE]`` (default: a temporary file).
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from replay import synthetic

import quorum
from quorum.cli import main


def write_record(path: Path) -> Path:
    """The benchmark record, written at ``path``."""
    path.write_text(quorum.render_record(synthetic(1000, 500, 3000)), encoding="utf-8")
    return path


def timed(*args: str) -> tuple[float, int]:
    best, size = float("inf"), 0
    for _ in range(5):
        out = io.StringIO()
        start = time.perf_counter()
        status = main(list(args), stdout=out, stderr=io.StringIO())
        best = min(best, time.perf_counter() - start)
        assert status == 0
        size = len(out.getvalue().encode("utf-8"))
    return best, size


def main_() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(scratch) / "bench.txt"
        write_record(path)
        print(f"relevé : {path} ({path.stat().st_size / 1000:.0f} Ko)")
        for label, extra in (("compacte", ()), ("détaillée", ("--detail",))):
            seconds, size = timed("replay", str(path), "--format", "json", *extra)
            print(f"forme {label:9} : {size / 1e6:6.2f} Mo en {seconds * 1000:5.0f} ms "
                  "(lecture comprise, dans ce processus)")


if __name__ == "__main__":
    main_()
