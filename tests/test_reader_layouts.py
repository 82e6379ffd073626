"""Properties of the reader across layouts: the same people, however the list is laid out.

A list of *n* names gives *n* members whatever its separators (commas,
semicolons, « et », one name per line, bullets), its wraps (any column, a blank
line inside), its civilities written one by one or grouped (« MM. A, B, Mmes
C ») and whether the attendance is flattened into one paragraph.
"""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

import quorum
from tests.strategies import FIRST_NAMES, LAST_NAMES

HEADER = ("COMMUNE DE VALBREUSE\nSéance du conseil municipal du 12 mars 2025\n"
          "Membres en exercice : {in_office}\n")


@st.composite
def people(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """Distinct (civility, first name, surname), two to twelve of them."""
    surnames = draw(st.lists(st.sampled_from(LAST_NAMES), min_size=2, max_size=12, unique=True))
    return [(draw(st.sampled_from(["M.", "Mme"])), draw(st.sampled_from(FIRST_NAMES)), surname)
            for surname in surnames]


def _written(person: tuple[str, str, str], civility: bool = True) -> str:
    return f"{person[0]} {person[1]} {person[2]}" if civility else f"{person[1]} {person[2]}"


@st.composite
def present_lists(draw: st.DrawFn, names: list[tuple[str, str, str]]) -> str:
    """The list of those present, laid out one of the ways records lay it out."""
    layout = draw(st.sampled_from(["commas", "semicolons", "one per line", "bullets", "et",
                                   "wrapped", "blank line"]))
    items = [_written(person) for person in names]
    if layout == "commas":
        return "Étaient présents : " + ", ".join(items) + "."
    if layout == "semicolons":
        return "Présents : " + " ; ".join(items)
    if layout == "one per line":
        return "Étaient présents :\n" + "\n".join(items)
    if layout == "bullets":
        return "Présents :\n" + "\n".join(f"- {item}" for item in items)
    if layout == "et":
        return "Présents : " + ", ".join(items[:-1]) + " et " + items[-1] + "."
    text = "Étaient présents : " + ", ".join(items) + "."
    width = draw(st.integers(24, 90))
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    if layout == "blank line" and len(lines) > 1:
        at = draw(st.integers(1, len(lines) - 1))
        lines.insert(at, "")
    return "\n".join(lines)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_every_name_of_a_list_is_one_member_whatever_the_layout(data: st.DataObject) -> None:
    names = data.draw(people())
    listed = data.draw(present_lists(names))
    text = HEADER.format(in_office=len(names)) + listed + "\n\n1. Budget\nAdopté à l'unanimité.\n"
    sitting = quorum.read_record(text)
    assert sorted(m.name for m in sitting.members) == sorted(f"{f} {s}" for _, f, s in names)
    assert sitting.at("1").present == len(names)
    assert quorum.audit(sitting).exit_status == 0


@settings(max_examples=60, deadline=None)
@given(people(), st.data())
def test_group_civilities_give_the_same_members_as_civilities_one_by_one(
        names: list[tuple[str, str, str]], data: st.DataObject) -> None:
    men = [p for p in names if p[0] == "M."]
    women = [p for p in names if p[0] == "Mme"]
    groups = []
    if men:
        groups.append("MM. " + ", ".join(_written(p, civility=False) for p in men))
    if women:
        groups.append("Mmes " + ", ".join(_written(p, civility=False) for p in women))
    grouped = quorum.read_record(HEADER.format(in_office=len(names)) + "Présents : "
                                 + ", ".join(groups) + ".\n\n1. Budget\nAdopté.\n")
    assert {(m.name, m.civility) for m in grouped.members} == {
        (f"{f} {s}", c) for c, f, s in names}


@settings(max_examples=60, deadline=None)
@given(people(), st.integers(0, 1))
def test_a_flattened_attendance_reads_as_the_same_lists_on_their_own_lines(
        names: list[tuple[str, str, str]], proxies: int) -> None:
    present, absent = names[: len(names) // 2 + 1], names[len(names) // 2 + 1:]
    lines = [f"PRESENTS : {', '.join(_written(p) for p in present)}"]
    if absent:
        lines.append(f"EXCUSES : {', '.join(_written(p) for p in absent)}")
        if proxies:
            lines.append(f"PROCURATIONS : {_written(absent[0])} à {_written(present[0])}")
    lines.append(f"SECRETAIRE DE SEANCE : {_written(present[-1])}")
    header = HEADER.format(in_office=len(names))
    items = "\n\n1. Budget\nAdopté à l'unanimité.\n"
    opening = "Le conseil s'est réuni en mairie."
    apart = quorum.read_record(header + opening + "\n" + "\n".join(lines) + items)
    flat = quorum.read_record(header + opening + " " + " ".join(lines) + items)
    assert flat == apart
    assert flat.at("1").present == len(present)
    assert flat.at("1").represented == (1 if absent and proxies else 0)
