"""Name reconciliation: keys, the bounded distance, and the matching steps of NameIndex."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorum.reader._names import NameIndex, distance, key, reach


def members(*names: str, communes: dict[str, str] | None = None) -> NameIndex:
    index = NameIndex()
    for name in names:
        index.add(name, (communes or {}).get(name))
    return index


@pytest.mark.parametrize(("a", "b"), [
    ("Emmanuelle HUOT CUSENIER", "Emmanuelle HUOT-CUSENIER"),
    ("Kévin VEJUX", "Kevin VEJUX"),
    ("Séverine VÉZIÈS", "severine   vezies"),
    ("Cussey-Sur-L'Ognon", "Cussey sur l’Ognon"),
])
def test_keys_ignore_accents_case_hyphens_apostrophes_spacing(a: str, b: str) -> None:
    assert key(a) == key(b)


def test_distance_is_bounded_and_counts_transpositions() -> None:
    assert distance("darcq", "darco", 1) == 1
    assert distance("djilalli", "djilali", 1) == 1
    assert distance("jeremy", "jeremie", 2) == 2
    assert distance("laurent", "luarent", 1) == 1  # a transposition is one edit
    assert distance("martin", "mellion", 2) == 3  # past the limit: limit + 1
    assert distance("a" * 50, "b" * 50, 3) == 4


@given(st.text(alphabet="abcdé -", max_size=12), st.text(alphabet="abcdé -", max_size=12),
       st.integers(0, 4))
def test_distance_agrees_with_the_full_table(a: str, b: str, limit: int) -> None:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            if not i or not j:
                table[i][j] = i or j
                continue
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1,
                              table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    assert distance(a, b, limit) == min(table[len(a)][len(b)], limit + 1)


def test_reach_grows_with_the_length() -> None:
    assert reach("darcq") == 1
    assert reach("jeremy jeanvoine") == 2
    assert reach("marchaux chaufontaine") == 3


@pytest.mark.parametrize(("written", "canonical", "reason"), [
    ("Clément DARCQ", "Clément DARCQ", ""),
    ("Clément DARCO", "Clément DARCQ", "spelling"),
    ("Djilali SAHLAOUI", "Djilalli SAHLAOUI", "spelling"),
    ("Jérémie JEANVOINE", "Jérémy JEANVOINE", "spelling"),
    ("Kevin VEJUX", "Kévin VEJUX", "accents, case, hyphens or spacing"),
    ("Emmanuelle HUOT-CUSENIER", "Emmanuelle HUOT CUSENIER", "accents, case, hyphens or spacing"),
    ("VEJUX Kévin", "Kévin VEJUX", "words in another order"),
    ("DARCQ", "Clément DARCQ", "surname only"),
])
def test_members_are_matched_step_by_step(written: str, canonical: str, reason: str) -> None:
    index = members("Clément DARCQ", "Djilalli SAHLAOUI", "Jérémy JEANVOINE", "Kévin VEJUX",
                    "Emmanuelle HUOT CUSENIER", "Guillaume BAILLY", "Florent BAILLY")
    match = index.match(written)
    assert (match.found, match.reason) == (canonical, reason)


def test_two_candidates_within_reach_are_both_returned() -> None:
    index = members("Anne BIHR", "Anne BEHR", "Guillaume BAILLY", "Florent BAILLY")
    assert index.match("Anne BOHR").found is None
    assert set(index.match("Anne BOHR").candidates) == {"Anne BIHR", "Anne BEHR"}
    assert set(index.match("BAILLY").candidates) == {"Guillaume BAILLY", "Florent BAILLY"}


def test_a_group_settles_between_candidates() -> None:
    index = members("Guillaume BAILLY", "Florent BAILLY",
                    communes={"Guillaume BAILLY": "Besançon",
                              "Florent BAILLY": "Champvans-Les-Moulins"})
    match = index.match("BAILLY", "Champvans-Les-Moulins")
    assert match.found == "Florent BAILLY"
    assert match.reason == "surname only; the only one of Champvans-Les-Moulins"


def test_a_name_far_from_all_is_not_matched() -> None:
    index = members("Clément DARCQ", "Anne FALGA")
    assert index.match("Odile ZORN").candidates == ()
    assert index.closest("Anne FALKA") == ("Anne FALGA",)


@pytest.mark.parametrize(("written", "canonical", "reason"), [
    ("Champagney", "Champagny", "spelling"),
    ("Marchaux-Chaudefontaine", "Marchaux-Chaufontaine", "spelling"),
    ("Velesmes-Essarts", "Essarts", "one name is part of the other"),
    ("Chaleze", "Chalèze", "accents, case, hyphens or spacing"),
])
def test_communes(written: str, canonical: str, reason: str) -> None:
    index = NameIndex(communes=True)
    for name in ("Champagny", "Marchaux-Chaufontaine", "Essarts", "Chalèze", "Chalezeule",
                 "Champoux", "Champvans-Les-Moulins"):
        index.add(name)
    match = index.match(written)
    assert (match.found, match.reason) == (canonical, reason)


def test_same_finds_only_equal_keys() -> None:
    index = members("Kévin VEJUX", "Clément DARCQ")
    assert index.same("KEVIN vejux") == "Kévin VEJUX"
    assert index.same("Clément DARCO") is None
