"""A chart of a sitting, question by question (needs the ``quorum[plot]`` extra).

:func:`plot_replay` draws, along the order of passage (ordre de passage):

- the members present (présents) and represented (représentés, the proxies
  exercised) as stacked bars, whose top is the number of voters (votants),
  drawn as a line and written on the bars where there is room;
- the quorum threshold, and the members in office (membres en exercice);
- the arrivals and departures read from the attendance windows, as dotted
  lines between two questions labelled ``+N arrivées`` / ``−N départs``;
- the questions with a published tally, as a diamond at the published total
  labelled with the total the attendance calls for, green when the audit
  finds the tally consistent and red when it does not (the figures and the
  verdict are those of :func:`quorum.audit`'s tally checks);
- the questions where the quorum fails, shaded red.

The chart is drawn on a :class:`matplotlib.figure.Figure` made without
pyplot, so nothing is shown or kept in a global state: in a notebook the
returned figure displays itself; on a server it is only written to a file.
The labels are in French.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from quorum._french import french_date, plural
from quorum.auditing import audit
from quorum.engine import merge_spans
from quorum.errors import MissingExtraError, QuorumError
from quorum.model import QuestionState, Replay, Sitting, Views

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["FIGURE_DPI", "FIGURE_SIZE", "FORMATS", "ChartFormatError", "plot_replay"]

FIGURE_SIZE = (12.0, 7.5)
"""The size of a new figure, in inches (fits a landscape A4 or Letter page)."""

FIGURE_DPI = 150
"""Dots per inch of a new figure, and so of its PNG: 1800 × 1125 pixels."""

FORMATS = {".png": "png", ".svg": "svg"}
"""The file formats :func:`plot_replay` writes, by file extension."""

_PRESENT = "#3b6ea5"
_REPRESENTED = "#a9c8e8"
_VOTERS = "#1b2a3a"
_QUORUM = "#c0392b"
_IN_OFFICE = "#7f7f7f"
_ARRIVAL = "#1e8449"
_DEPARTURE = "#b9770e"
_AGREE = "#1e8449"
_DISAGREE = "#c0392b"

_MAX_EVENT_LABELS = 40
_MAX_TALLY_LABELS = 8
_MAX_TICK_LABELS = 30


class ChartFormatError(QuorumError, ValueError):
    """A chart file whose extension names no format the chart is written in."""

    def __init__(self, path: Path):
        self.path = path
        known = " ou ".join(FORMATS)
        super().__init__(f"impossible d'écrire un graphique dans « {path} » : "
                         f"le nom du fichier doit finir par {known}")


def _format_of(path: str | Path) -> tuple[Path, str]:
    target = Path(path)
    try:
        return target, FORMATS[target.suffix.lower()]
    except KeyError:
        raise ChartFormatError(target) from None


def attendance_changes(sitting: Sitting) -> tuple[Counter[int], Counter[int]]:
    """Arrivals and departures by position along the order of passage.

    ``arrivals[p]`` counts the members whose presence starts at position
    ``p`` (« à compter de la question … »), ``departures[p]`` those present
    at ``p - 1`` who are gone at ``p`` (« jusqu'à la question … incluse »).
    Openings and the close of the sitting are not changes.
    """
    agenda = sitting.agenda
    last = len(agenda)
    arrivals: Counter[int] = Counter()
    departures: Counter[int] = Counter()
    for entry in sitting.attendance:
        # Merged as the engine merges them: a window that goes on where one ends is no change.
        spans = merge_spans([agenda.span(w) for w in entry.windows])
        for start, end in spans:
            if start > 1:
                arrivals[start] += 1
            if end < last:
                departures[end + 1] += 1
    return arrivals, departures


def _tick_step(count: int) -> int:
    """A round step between labelled questions, so that at most ~30 are labelled."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if math.ceil(count / step) <= _MAX_TICK_LABELS:
            return step
    return int(10 ** math.ceil(math.log10(count / _MAX_TICK_LABELS)))


def _runs(values: Sequence[object]) -> list[tuple[int, int]]:
    """Indexes (first, last) of the runs of equal consecutive values."""
    runs: list[tuple[int, int]] = []
    for index, value in enumerate(values):
        if runs and values[runs[-1][0]] == value:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


@attrs.frozen
class _Frame:
    """What every part of the chart needs to know about the axes it is drawn on."""

    ax: Axes
    replayed: Replay
    states: list[QuestionState]
    top: int  # the highest count drawn: members in office, or more voters
    inches_per_question: float

    @property
    def count(self) -> int:
        return len(self.states)

    def questions_for(self, inches: float) -> float:
        """How many questions wide ``inches`` are on the x axis."""
        return inches / self.inches_per_question


def _draw_counts(frame: _Frame) -> None:
    """Stacked bars of present and represented, the voters, quorum and in-office lines."""
    ax, states, top = frame.ax, frame.states, frame.top
    sitting = frame.replayed.sitting
    positions = [state.position for state in states]
    present = [state.present for state in states]
    width = 0.8 if frame.count <= 150 else 1.0
    ax.bar(positions, present, width=width, color=_PRESENT, linewidth=0, zorder=2)
    ax.bar(positions, [state.represented for state in states], width=width, bottom=present,
           color=_REPRESENTED, linewidth=0, zorder=2)
    ax.step(positions, [state.voters for state in states], where="mid", color=_VOTERS,
            linewidth=1.4, zorder=3)
    ax.step(positions, [state.quorum for state in states], where="mid", color=_QUORUM,
            linewidth=1.8, linestyle="--", zorder=4)
    ax.axhline(sitting.in_office, color=_IN_OFFICE, linewidth=1, linestyle=":", zorder=1)
    quorum = states[0].quorum if states else sitting.quorum
    ax.text(0.5, quorum, f" quorum : {quorum} ", color=_QUORUM, fontsize=9, va="bottom",
            ha="left", zorder=6,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.85})
    ax.text(frame.count + 0.5, sitting.in_office, f"{sitting.in_office} membres en exercice",
            color=_IN_OFFICE, fontsize=9, va="bottom", ha="right", zorder=6,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.85})

    # The figures, written once per run of equal figures wide enough to hold them.
    for first, last in _runs([(s.present, s.represented) for s in states]):
        if last - first + 1 < frame.questions_for(0.3):
            continue
        middle = (positions[first] + positions[last]) / 2
        state = states[first]
        if state.present >= top * 0.06:
            ax.text(middle, state.present / 2, str(state.present), color="white",
                    fontsize=9, ha="center", va="center", zorder=5, fontweight="bold",
                    bbox={"facecolor": _PRESENT, "edgecolor": "none", "pad": 1})
        if state.represented >= top * 0.05:
            ax.text(middle, state.present + state.represented / 2, str(state.represented),
                    color=_VOTERS, fontsize=8, ha="center", va="center", zorder=5,
                    bbox={"facecolor": _REPRESENTED, "edgecolor": "none", "pad": 1})
        ax.text(middle, state.voters + top * 0.012, str(state.voters), color=_VOTERS,
                fontsize=8, ha="center", va="bottom", zorder=5)

    # Questions where the quorum fails, one shaded span per run.
    met = [state.quorum_met for state in states]
    for first, last in _runs(met):
        if not met[first]:
            ax.axvspan(positions[first] - 0.5, positions[last] + 0.5, color=_QUORUM,
                       alpha=0.18, linewidth=0, zorder=0)


def _draw_changes(frame: _Frame, arrivals: Counter[int], departures: Counter[int]) -> str | None:
    """Arrivals and departures, between the question before and the one they concern.

    Up to 40 changes are drawn as dotted lines labelled ``+N arrivées`` /
    ``−N départs``; more are drawn as small triangles along the x axis.
    Returns how they were drawn: ``"lines"``, ``"markers"``, or ``None`` when
    nobody arrives or leaves during the sitting.
    """
    ax = frame.ax
    changes = sorted(set(arrivals) | set(departures))
    if len(changes) > _MAX_EVENT_LABELS:
        along = ax.get_xaxis_transform()
        for counter, marker, color, y in ((arrivals, "^", _ARRIVAL, 0.012),
                                          (departures, "v", _DEPARTURE, 0.035)):
            xs = [position - 0.5 for position in sorted(counter)]
            ax.plot(xs, [y] * len(xs), marker=marker, markersize=5, color=color,
                    linestyle="none", transform=along, zorder=6, clip_on=False)
        return "markers"
    for position in changes:
        ax.axvline(position - 0.5, color=_IN_OFFICE, linewidth=0.8, linestyle=(0, (2, 2)),
                   zorder=1)
        y = frame.top * 0.012
        for count, word, sign, color in ((arrivals[position], "arrivée", "+", _ARRIVAL),
                                         (departures[position], "départ", "−", _DEPARTURE)):
            if not count:
                continue
            text = f"{sign}{plural(count, word)}"
            ax.text(position - 0.5, y, text, rotation=90, color=color, fontsize=8,
                    ha="center", va="bottom", zorder=6,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
            y += frame.top * 0.0105 * (len(text) + 1.5)
    return "lines" if changes else None


def _draw_tallies(frame: _Frame) -> tuple[int, int, int]:
    """The published tallies: a diamond at each total, labels in rows above the chart.

    Every tally is labelled when there are at most eight, else only those
    the audit finds inconsistent; a label that finds no room in three
    rows is left out (its diamond stays).  Returns the number of tallies, of
    the inconsistent ones, and of label rows used.
    """
    ax, top, count = frame.ax, frame.top, frame.count
    sitting = frame.replayed.sitting
    rows: list[float] = []  # per row, the right end of its last label, in questions
    disagreeing = 0
    checks = sorted(audit(sitting).tallies,
                    key=lambda check: sitting.agenda.position(check.question))
    for check in checks:
        position = sitting.agenda.position(check.question)
        published = check.published_total
        disagreeing += not check.consistent
        color = _AGREE if check.consistent else _DISAGREE
        ax.plot([position], [published], marker="D", markersize=7, color=color,
                markeredgecolor="white", zorder=7, linestyle="none")
        if check.consistent and len(checks) > _MAX_TALLY_LABELS:
            continue
        text = f"n° {check.question} : publié {published}, attendu {check.expected_total}"
        half = frame.questions_for(len(text) * 8 * 0.55 / 72 + 0.1) / 2
        x = min(max(position, 0.5 + half), count + 0.5 - half)
        row = next((i for i, end in enumerate(rows) if end < x - half), len(rows))
        if row >= 3:
            continue
        if row == len(rows):
            rows.append(0.0)
        rows[row] = x + half + frame.questions_for(0.08)
        ax.annotate(text, (position, published), xytext=(x, top * (1.05 + 0.06 * row)),
                    textcoords="data", ha="center", va="bottom", fontsize=8, color=color,
                    zorder=8,
                    bbox={"facecolor": "white", "edgecolor": color, "boxstyle": "round,pad=0.3"},
                    arrowprops={"arrowstyle": "-", "color": color, "linewidth": 0.8,
                                "shrinkA": 0, "shrinkB": 4})
    return len(checks), disagreeing, len(rows)


def plot_replay(replayed: Replay, ax: Axes | None = None,
                path: str | Path | None = None) -> Figure:
    """Draw the chart of a replayed sitting and return its matplotlib Figure.

    ``ax``: draw on these axes (their figure is returned) rather than on a new
    figure of :data:`FIGURE_SIZE` at :data:`FIGURE_DPI`.  ``path``: also write
    the figure there, as PNG or SVG by the extension (``.png``, ``.svg``);
    any other extension raises :class:`ChartFormatError` before anything is
    drawn.  Raises :class:`~quorum.errors.MissingExtraError` when matplotlib
    is not installed.
    """
    target = _format_of(path) if path is not None else None
    try:
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
    except ImportError as error:
        raise MissingExtraError("plot", "matplotlib", "le graphique d'une séance") from error

    sitting = replayed.sitting
    states = list(replayed)
    if ax is None:
        figure = Figure(figsize=FIGURE_SIZE, dpi=FIGURE_DPI, layout="constrained")
        ax = figure.add_subplot()
        axes_inches = FIGURE_SIZE[0] * 0.92  # the width left by the constrained layout
    else:
        # Axes on a subfigure: the file is written from the figure that holds it.
        figure = ax.figure if isinstance(ax.figure, Figure) else ax.figure.figure
        axes_inches = figure.get_figwidth() * ax.get_position().width
    count = len(states)
    frame = _Frame(ax, replayed, states, top=max([sitting.in_office, 1,
                                                  *(s.voters for s in states)]),
                   inches_per_question=axes_inches / max(count, 1))

    _draw_counts(frame)
    arrivals, departures = attendance_changes(sitting)
    changes = _draw_changes(frame, arrivals, departures)
    tallies, disagreeing, label_rows = _draw_tallies(frame)

    # Axes: a round step between labelled questions, every question a minor tick.
    step = _tick_step(count)
    labelled = [s.position for s in states if s.position == 1 or s.position % step == 0]
    keys = [s.question for s in states if s.position == 1 or s.position % step == 0]
    ax.set_xticks(labelled, keys, rotation=90 if any(len(k) > 3 for k in keys) else 0,
                  fontsize=8)
    if count <= 150:
        ax.set_xticks([s.position for s in states], minor=True)
    ax.set_xlim(0.5 if count > 150 else 0.4, count + (0.5 if count > 150 else 0.6))
    ax.set_ylim(0, frame.top * (1.08 + 0.06 * label_rows))
    ax.set_xlabel("questions, dans l'ordre de passage")
    ax.set_ylabel("membres")
    ax.grid(axis="y", color="#dddddd", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    held = french_date(sitting.date) if sitting.date else "date inconnue"
    ax.set_title(f"{sitting.body}\nséance du {held} — présents, "
                 f"représentés et votants par question", fontsize=12, loc="left")

    handles: list[Artist] = [
        Patch(color=_PRESENT, label="présents"),
        Patch(color=_REPRESENTED, label="représentés (procurations exercées)"),
        Line2D([], [], color=_VOTERS, linewidth=1.4, label="votants"),
        Line2D([], [], color=_QUORUM, linewidth=1.8, linestyle="--",
               label=f"quorum ({sitting.quorum} présents)"),
    ]
    if changes == "lines":
        handles.append(Line2D([], [], color=_IN_OFFICE, linewidth=0.8, linestyle=(0, (2, 2)),
                              label="arrivées / départs"))
    elif changes == "markers":
        if arrivals:
            handles.append(Line2D([], [], color=_ARRIVAL, marker="^", linestyle="none",
                                  label="arrivées"))
        if departures:
            handles.append(Line2D([], [], color=_DEPARTURE, marker="v", linestyle="none",
                                  label="départs"))
    if tallies > disagreeing:
        handles.append(Line2D([], [], color=_AGREE, marker="D", linestyle="none",
                              label="scrutin publié cohérent"))
    if disagreeing:
        handles.append(Line2D([], [], color=_DISAGREE, marker="D", linestyle="none",
                              label="scrutin publié incohérent"))
    if not all(s.quorum_met for s in states):
        handles.append(Patch(color=_QUORUM, alpha=0.18, label="quorum non atteint"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.09),
              ncol=min(4, len(handles)), frameon=False, fontsize=9)

    if target is not None:
        file, kind = target
        figure.savefig(file, format=kind, metadata={"Date": None} if kind == "svg" else None)
    return figure


Views.plot.provide(plot_replay)
