"""Name reconciliation: keys, the bounded distance, and the matching steps of NameIndex."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorum.model import MatchReason
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
    ("Clément DARCQ", "Clément DARCQ", None),
    ("Clément DARCO", "Clément DARCQ", MatchReason.SPELLING),
    ("Djilali SAHLAOUI", "Djilalli SAHLAOUI", MatchReason.SPELLING),
    ("Jérémie JEANVOINE", "Jérémy JEANVOINE", MatchReason.SPELLING),
    ("Kevin VEJUX", "Kévin VEJUX", MatchReason.SAME_KEY),
    ("Emmanuelle HUOT-CUSENIER", "Emmanuelle HUOT CUSENIER", MatchReason.SAME_KEY),
    ("VEJUX Kévin", "Kévin VEJUX", MatchReason.WORD_ORDER),
    ("DARCQ", "Clément DARCQ", MatchReason.SURNAME_ONLY),
])
def test_members_are_matched_step_by_step(written: str, canonical: str,
                                          reason: MatchReason | None) -> None:
    index = members("Clément DARCQ", "Djilalli SAHLAOUI", "Jérémy JEANVOINE", "Kévin VEJUX",
                    "Emmanuelle HUOT CUSENIER", "Guillaume BAILLY", "Florent BAILLY")
    match = index.match(written)
    assert (match.found, match.reasons) == (canonical, (reason,) if reason else ())


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
    assert match.reasons == (MatchReason.SURNAME_ONLY, MatchReason.ONLY_ONE_OF_COMMUNE)
    assert match.commune == "Champvans-Les-Moulins"


def test_a_name_far_from_all_is_not_matched() -> None:
    index = members("Clément DARCQ", "Anne FALGA")
    assert index.match("Odile ZORN").candidates == ()
    assert index.closest("Anne FALKA") == ("Anne FALGA",)


@pytest.mark.parametrize(("written", "canonical", "reason"), [
    ("Champagney", "Champagny", MatchReason.SPELLING),
    ("Marchaux-Chaudefontaine", "Marchaux-Chaufontaine", MatchReason.SPELLING),
    ("Velesmes-Essarts", "Essarts", MatchReason.PART_OF),
    ("Chaleze", "Chalèze", MatchReason.SAME_KEY),
])
def test_communes(written: str, canonical: str, reason: MatchReason) -> None:
    index = NameIndex(communes=True)
    for name in ("Champagny", "Marchaux-Chaufontaine", "Essarts", "Chalèze", "Chalezeule",
                 "Champoux", "Champvans-Les-Moulins"):
        index.add(name)
    match = index.match(written)
    assert (match.found, match.reasons) == (canonical, (reason,))


def test_same_finds_only_equal_keys() -> None:
    index = members("Kévin VEJUX", "Clément DARCQ")
    assert index.same("KEVIN vejux") == "Kévin VEJUX"
    assert index.same("Clément DARCO") is None
