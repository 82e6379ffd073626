"""The chart of a sitting: drawn from the reference sitting, written as PNG and SVG."""

from __future__ import annotations

import datetime
import json
import struct
import sys
from pathlib import Path
from typing import Any

import pytest

import quorum
from quorum.plot import FIGURE_DPI, FIGURE_SIZE, ChartFormatError, attendance_changes

REFERENCE = Path(__file__).parent / "data" / "gbm-2026-06-25-rapport-26.json"


@pytest.fixture(scope="module")
def reference() -> quorum.Replay:
    return quorum.replay(quorum.sitting_from_json(json.loads(REFERENCE.read_text("utf-8"))))


@pytest.fixture
def matplotlib() -> Any:
    return pytest.importorskip("matplotlib")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def legend_texts(ax: Any) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [text.get_text() for text in legend.get_texts()]


def texts(figure: Any) -> list[str]:
    return [text.get_text() for ax in figure.axes for text in ax.texts]


def test_arrivals_of_the_reference_sitting(reference: quorum.Replay) -> None:
    arrivals, departures = attendance_changes(reference.sitting)
    assert dict(arrivals) == {3: 1, 14: 6, 16: 3, 17: 1, 33: 1}
    assert not departures


def test_reference_chart_as_png(reference: quorum.Replay, matplotlib: Any,
                                tmp_path: Path) -> None:
    target = tmp_path / "seance.png"
    figure = reference.plot(target)
    assert target.stat().st_size > 20_000
    assert png_size(target) == (int(FIGURE_SIZE[0] * FIGURE_DPI),
                                int(FIGURE_SIZE[1] * FIGURE_DPI))
    ax = figure.axes[0]
    assert "Grand Besançon Métropole" in ax.get_title(loc="left")
    assert "séance du 25 juin 2026" in ax.get_title(loc="left")
    assert ax.get_xlabel() == "questions, dans l'ordre de passage"
    labels = texts(figure)
    for label in ("+1 arrivée", "+6 arrivées", "+3 arrivées", "quorum : 62",
                  "122 membres en exercice", "n° 26 : publié 118, attendu 118"):
        assert any(label in text for text in labels), label
    legend = legend_texts(ax)
    assert legend[:4] == ["présents", "représentés (procurations exercées)", "votants",
                          "quorum (62 présents)"]
    assert "scrutin publié cohérent" in legend
    assert "quorum non atteint" not in legend


def test_reference_chart_as_svg(reference: quorum.Replay, matplotlib: Any,
                                tmp_path: Path) -> None:
    target = tmp_path / "seance.SVG"
    reference.plot(path=target)
    head = target.read_text("utf-8")[:500]
    assert "<svg" in head
    assert target.stat().st_size > 20_000


def test_plot_without_a_path_writes_nothing(reference: quorum.Replay, matplotlib: Any,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    figure = reference.plot()
    assert type(figure).__name__ == "Figure"
    assert list(tmp_path.iterdir()) == []


def test_plot_on_given_axes(reference: quorum.Replay, matplotlib: Any, tmp_path: Path) -> None:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 8))
    top, bottom = figure.subplots(2)
    assert reference.plot(ax=bottom, path=tmp_path / "two.png") is figure
    assert bottom.texts and not top.texts
    assert (tmp_path / "two.png").stat().st_size > 0


def test_unknown_extension_is_refused_before_drawing(reference: quorum.Replay,
                                                     tmp_path: Path) -> None:
    target = tmp_path / "seance.pdf"
    with pytest.raises(ChartFormatError, match=r"doit finir par \.png ou \.svg") as caught:
        reference.plot(target)
    assert isinstance(caught.value, quorum.QuorumError)
    assert not target.exists()


def test_plot_without_matplotlib(reference: quorum.Replay,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.lines", "matplotlib.patches"):
        monkeypatch.setitem(sys.modules, name, None)  # makes the import fail
    with pytest.raises(quorum.MissingExtraError) as caught:
        reference.plot()
    assert isinstance(caught.value, ImportError)
    assert "pip install 'quorum[plot]'" in str(caught.value)


def long_sitting(count: int = 500) -> quorum.Sitting:
    """40 members; some leave, some arrive, so the quorum fails for a while; tallies."""
    names = [f"M{i:02d}" for i in range(40)]
    attendance = []
    for i, name in enumerate(names):
        if i < 15:
            attendance.append(quorum.Attendance.present(name))
        elif i < 30:  # present from question 10 i to question 10 i + 250
            attendance.append(quorum.Attendance.present(
                name, quorum.Window.between(10 * i, min(10 * i + 250, count))))
        else:
            attendance.append(quorum.Attendance.absent(name))
    proxies = [quorum.Proxy(giver=names[30 + i], holder=names[i]) for i in range(10)]
    deliberations = [quorum.Deliberation(question=str(q), tally=quorum.PublishedTally(pour=30))
                     for q in range(20, count, 40)]
    return quorum.Sitting(
        body="Conseil municipal d'Essai", date=datetime.date(2026, 3, 1), in_office=40,
        agenda=quorum.Agenda.numbered(count), members=[quorum.Member(name=n) for n in names],
        attendance=attendance, proxies=proxies, deliberations=deliberations,
    )


def test_a_long_sitting_stays_legible(matplotlib: Any, tmp_path: Path) -> None:
    replayed = quorum.replay(long_sitting())
    assert not all(state.quorum_met for state in replayed)
    figure = replayed.plot(tmp_path / "long.png")
    ax = figure.axes[0]
    ticks = [label.get_text() for label in ax.get_xticklabels()]
    assert ticks[0] == "1" and "500" in ticks
    assert len(ticks) <= 30
    assert png_size(tmp_path / "long.png") == (int(FIGURE_SIZE[0] * FIGURE_DPI),
                                               int(FIGURE_SIZE[1] * FIGURE_DPI))
    legend = legend_texts(ax)
    assert "quorum non atteint" in legend
    assert "scrutin publié incohérent" in legend
    labels = texts(figure)
    assert any(text.startswith("−1 départ") for text in labels)
    assert any(text.startswith("+1 arrivée") for text in labels)


def test_many_changes_are_drawn_as_markers(matplotlib: Any) -> None:
    names = [f"M{i:02d}" for i in range(80)]
    sitting = quorum.Sitting(  # 60 members arrive one by one, at questions 2 to 61
        body="Conseil", date=datetime.date(2026, 3, 1), in_office=80,
        agenda=quorum.Agenda.numbered(200), members=[quorum.Member(name=n) for n in names],
        attendance=[quorum.Attendance.present(n, quorum.Window.from_question(i + 2))
                    if i < 60 else quorum.Attendance.present(n) for i, n in enumerate(names)],
    )
    figure = quorum.replay(sitting).plot()
    ax = figure.axes[0]
    legend = legend_texts(ax)
    assert "arrivées" in legend
    assert "départs" not in legend
    assert not any("arrivée" in text for text in texts(figure))


def test_changes_of_members_who_leave_and_come_back() -> None:
    W = quorum.Window
    sitting = quorum.Sitting(
        body="Conseil", date=datetime.date(2026, 3, 1), in_office=3,
        agenda=quorum.Agenda.numbered(10), members=[quorum.Member(name=n) for n in "ABC"],
        attendance=[
            quorum.Attendance.present("A", W.until_question(3), W.from_question(6)),
            quorum.Attendance.present("B", W.until_question(4), W.from_question(5)),  # no gap
            quorum.Attendance.present("C", W.between(2, 9)),
        ],
    )
    arrivals, departures = attendance_changes(sitting)
    assert dict(arrivals) == {2: 1, 6: 1}
    assert dict(departures) == {4: 1, 10: 1}
