"""Tables for people: aligned text for a terminal, HTML for a notebook.

Two helpers build every table quorum shows, so a replay, one question's
state and an audit report look alike:

- :func:`text_table` lines up columns of plain text (numbers to the right);
- :func:`html_table` writes an HTML ``<table>`` in which every cell is
  escaped, rows may be marked ``"error"``, ``"warning"`` or ``"info"`` (the
  severities of the audit), and styles are inline so that they survive in a
  notebook that is not trusted.

Cell values are shown as a French reader expects: ``True`` / ``False`` as
``oui`` / ``non``, ``None`` as an empty cell, anything else by ``str``.

The renderers of this module (:func:`replay_text`, :func:`replay_html`,
:func:`state_html`) are what ``str(replay)``, ``replay._repr_html_()`` and
``state._repr_html_()`` return; :func:`replay_records` is
``replay.to_records()``.

>>> print(text_table(["question", "présents", "quorum atteint"],
...                  [["1", 84, True], ["26", 95, False]]))
question  présents  quorum atteint
--------  --------  --------------
1               84  oui
26              95  non
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from quorum._french import french_date
from quorum.errors import MissingExtraError, UsageError
from quorum.jsonio import question_to_json
from quorum.model import QuestionState, Replay, Sitting, Views

if TYPE_CHECKING:
    import pandas

__all__ = [
    "LEVEL_STYLES",
    "REPLAY_HEADERS",
    "Level",
    "french_date",
    "html_table",
    "replay_dataframe",
    "replay_html",
    "replay_records",
    "replay_text",
    "sitting_caption",
    "state_html",
    "state_rows",
    "text_table",
]

Level = Literal["error", "warning", "info"]
"""How a row is marked in an HTML table: the severities of the audit."""

LEVEL_STYLES: dict[str, str] = {
    "error": "background-color:#f8d7da;color:#721c24;font-weight:bold",
    "warning": "background-color:#fff3cd;color:#664d03",
    "info": "background-color:#e7f1ff;color:#052c65",
}
"""The inline CSS of a row marked with each level."""

REPLAY_HEADERS = ("question", "présents", "absents", "représentés", "votants",
                  "intéressés", "quorum", "quorum atteint")
"""The French column headings of a replay's table."""

def sitting_caption(sitting: Sitting) -> str:
    """One line naming the sitting: body, date, members in office and quorum."""
    held = french_date(sitting.date) if sitting.date else "date inconnue"
    return (f"{sitting.body or 'Assemblée non nommée'} — séance du {held} : "
            f"{sitting.in_office} membres en exercice, quorum {sitting.quorum}")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _alignments(width: int, rows: Sequence[Sequence[object]],
                align: str | None) -> str:
    """``"<"`` or ``">"`` per column: numbers to the right unless ``align`` says."""
    if align is not None:
        if len(align) != width or set(align) - {"<", ">"}:
            raise UsageError(f"align demande un '<' ou un '>' par colonne, pas {align!r}")
        return align
    return "".join(
        ">" if rows and all(_is_number(row[i]) or row[i] is None for row in rows)
        and any(_is_number(row[i]) for row in rows) else "<"
        for i in range(width)
    )


def _checked(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[Sequence[object]]:
    listed = list(rows)
    for number, row in enumerate(listed, start=1):
        if len(row) != len(headers):
            raise UsageError(f"la ligne {number} a {len(row)} cellules pour "
                             f"{len(headers)} en-têtes")
    return listed


def text_table(headers: Sequence[str], rows: Iterable[Sequence[object]], *,
               align: str | None = None) -> str:
    """An aligned plain-text table: a heading line, a rule, one line per row.

    ``align`` gives ``"<"`` (left) or ``">"`` (right) per column; by default
    columns of numbers go right and the others left.  Trailing spaces are
    stripped from every line.
    """
    listed = _checked(headers, rows)
    aligns = _alignments(len(headers), listed, align)
    cells = [[_cell(value) for value in row] for row in listed]
    widths = [max([len(header), *(len(row[i]) for row in cells)])
              for i, header in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(f"{value:{a}{w}}" for value, a, w in zip(values, aligns, widths,
                                                                 strict=True)).rstrip()

    heading = "  ".join(f"{h:<{w}}" if a == "<" else f"{h:>{w}}"
                        for h, a, w in zip(headers, aligns, widths, strict=True)).rstrip()
    return "\n".join([heading, "  ".join("-" * w for w in widths),
                      *(line(row) for row in cells)])


def html_table(headers: Sequence[str], rows: Iterable[Sequence[object]], *,
               caption: str | None = None, levels: Sequence[Level | None] | None = None,
               align: str | None = None, css_class: str = "quorum-table") -> str:
    """An HTML ``<table>``: every heading, cell and the caption escaped.

    ``levels`` marks rows, one entry per row: ``"error"``, ``"warning"``,
    ``"info"`` or ``None``; a marked row gets the class ``quorum-<level>`` and
    the inline style of :data:`LEVEL_STYLES`.  ``align`` is as for
    :func:`text_table`.

    >>> table = html_table(["nom", "voix"], [["<M. X>", 3]], levels=["error"])
    >>> print(table.splitlines()[3])  # doctest: +NORMALIZE_WHITESPACE
    <tr class="quorum-error" style="background-color:#f8d7da;color:#721c24;font-weight:bold"><td
    style="text-align:left">&lt;M. X&gt;</td><td style="text-align:right">3</td></tr>
    """
    listed = _checked(headers, rows)
    if levels is not None and len(levels) != len(listed):
        raise UsageError(f"{len(levels)} niveaux pour {len(listed)} lignes")
    aligns = _alignments(len(headers), listed, align)
    styles = ['style="text-align:left"' if a == "<" else 'style="text-align:right"'
              for a in aligns]
    out = [f'<table class="{html.escape(css_class)}">']
    if caption is not None:
        out.append(f'<caption style="text-align:left">{html.escape(caption)}</caption>')
    out.append("<thead><tr>" + "".join(f"<th {s}>{html.escape(h)}</th>"
                                       for h, s in zip(headers, styles, strict=True))
               + "</tr></thead>")
    out.append("<tbody>")
    for index, row in enumerate(listed):
        level = levels[index] if levels is not None else None
        if level is not None and level not in LEVEL_STYLES:
            raise UsageError(f"niveau inconnu {level!r} : error, warning ou info")
        attributes = (f' class="quorum-{level}" style="{LEVEL_STYLES[level]}"'
                      if level is not None else "")
        out.append(f"<tr{attributes}>" + "".join(
            f"<td {s}>{html.escape(_cell(value))}</td>"
            for value, s in zip(row, styles, strict=True)) + "</tr>")
    out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


# -- a replay ----------------------------------------------------------------


def _replay_row(state: QuestionState) -> list[object]:
    return [state.question, state.present, state.absent, state.represented, state.voters,
            state.interested, state.quorum, state.quorum_met]


def replay_text(replayed: Replay) -> str:
    """A replay as text: the sitting on one line, then one aligned row per question.

    The last column reads ``oui`` where the quorum holds and ``NON`` where it
    fails, so a failing question stands out in a terminal.
    """
    rows = [[*_replay_row(state)[:-1], "oui" if state.quorum_met else "NON"]
            for state in replayed]
    table = text_table(REPLAY_HEADERS, rows, align="<>>>>>><")
    return f"{sitting_caption(replayed.sitting)}\n\n{table}"


def replay_html(replayed: Replay) -> str:
    """A replay as an HTML table; the rows where the quorum fails are marked ``error``."""
    states = list(replayed)
    return html_table(
        REPLAY_HEADERS, [_replay_row(state) for state in states],
        caption=sitting_caption(replayed.sitting), align="<>>>>>><",
        levels=[None if state.quorum_met else "error" for state in states],
    )


def replay_records(replayed: Replay) -> list[dict[str, Any]]:
    """One plain, JSON-safe dict per question, in order of passage.

    The keys are those of a question in a replay's JSON (``question``,
    ``position``, ``present``, ``represented``, ``voters``, ``quorum``,
    ``quorum_met``, ``interested``, ``absent``, ``in_office``,
    ``interested_present``, ``quorum_count``, ``castable``), without the lists
    of proxies, so that the records make a flat table.
    """
    # Without its engine a state's JSON leaves out the lists of proxies.
    return [question_to_json(attrs.evolve(state, engine=None)) for state in replayed]


# -- one question --------------------------------------------------------------


def _name(state: QuestionState, name: str) -> str:
    """The member's name with civility where the sitting knows it."""
    if state.engine is None:
        return name
    try:
        return state.engine.sitting.member(name).display
    except LookupError:
        return name


def state_rows(state: QuestionState) -> list[tuple[str, object]]:
    """The figures of one question, as (French label, value) pairs."""
    return [
        ("membres en exercice", state.in_office),
        ("présents", state.present),
        ("absents", state.absent),
        ("représentés (procurations exercées)", state.represented),
        ("votants", state.voters),
        ("intéressés", state.interested),
        ("dont présents", state.interested_present),
        ("voix pouvant s'exprimer", state.castable),
        ("quorum (seuil)", state.quorum),
        ("comptés pour le quorum", state.quorum_count),
        ("quorum atteint", state.quorum_met),
    ]


def state_html(state: QuestionState) -> str:
    """One question as HTML: its figures, then the proxies exercised and not exercised.

    A proxy not exercised is listed with its reason in French (a proxy
    outside its window is left out).  A state without its sitting (built by
    hand) shows its figures only.
    """
    figures = state_rows(state)
    parts = [html_table(
        ["", "nombre"], figures, align="<>",
        caption=f"Question {state.question} (rang {state.position} dans l'ordre de passage)",
        levels=[None] * (len(figures) - 1) + [None if state.quorum_met else "error"],
    )]
    if state.engine is not None:
        exercised = state.exercised
        parts.append(html_table(
            ["mandant", "mandataire", "validité"],
            [[_name(state, p.giver), _name(state, p.holder),
              p.window.describe() or "toute la séance"] for p in exercised],
            caption=f"Procurations exercées : {len(exercised)}",
        ))
        unused = state.not_exercised
        if unused:
            parts.append(html_table(
                ["mandant", "mandataire", "motif"],
                [[_name(state, u.proxy.giver), _name(state, u.proxy.holder), u.status.reason]
                 for u in unused],
                caption=f"Procurations non exercées : {len(unused)}",
                levels=["warning"] * len(unused),
            ))
    return "\n".join(parts)


def replay_dataframe(replayed: Replay) -> pandas.DataFrame:
    """The records of :func:`replay_records` as a pandas DataFrame indexed by question.

    Raises :class:`~quorum.errors.MissingExtraError` when pandas is not
    installed.
    """
    try:
        import pandas
    except ImportError as error:
        raise MissingExtraError("pandas", "pandas", "to_dataframe()") from error
    frame: pandas.DataFrame = pandas.DataFrame.from_records(replayed.to_records())
    return frame.set_index("question")


Views.text.provide(replay_text)
Views.html.provide(replay_html)
Views.records.provide(replay_records)
Views.dataframe.provide(replay_dataframe)
Views.state_html.provide(state_html)
