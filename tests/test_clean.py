"""The clean stage: one case table per fixer, a negative table, properties of the edits."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quorum.reader._clean import (
    _BROKEN,
    _LEXICON,
    FIXERS,
    CleanConfig,
    CleanText,
    Doubt,
    Edit,
    apply_edits,
    clean,
)

REFERENCE = Path(__file__).parent / "data" / "records" / "gbm-2026-06-25-rapport-26.txt"

# (input, expected output) for each fixer, run through the whole of clean().
CASES: dict[str, list[tuple[str, str]]] = {
    "drop_invisible": [
        ("M. MENES\u00adTRIER", "M. MENESTRIER"),
        ("M.\u200b A\ufeff", "M. A"),
        ("<\u00adb>M. A", "M. A"),
    ],
    "fix_mojibake": [
        ("Le comité s'est rÃ©uni", "Le comité s'est réuni"),
        ("M. JÃ©rÃ´me SALVAGNAC", "M. Jérôme SALVAGNAC"),
        ("l'unanimitÃ© Ã  19 voix", "l'unanimité à 19 voix"),
        ("rÃ©uni Ã\u00a0 19 h", "réuni à 19 h"),
        ("Â« Animation Â»", "« Animation »"),
        ("aujourdâ€™hui", "aujourd’hui"),
        ("Séance du 3 mai : prÃ©sents", "Séance du 3 mai : présents"),  # mixed line
        ("rÃƒÂ©uni", "réuni"),  # encoded twice over
        ("3,10 â‚¬", "3,10 €"),
        ("le vÅ“u", "le vœu"),
    ],
    "strip_markup": [
        ("<strong>Présents :</strong> M. A", "Présents : M. A"),
        ("<b>Absents</b> : M. B", "Absents : M. B"),
        ("M. A<br>M. B", "M. A\nM. B"),
        ("M. A<br />\nM. B", "M. A\nM. B"),
        ('<p class="x">Présents : M. A</p><p>Absents : M. B</p>',
         "Présents : M. A\nAbsents : M. B"),
        ("R&amp;D, Mme C&nbsp;:", "R&D, Mme C :"),
        ("<SPAN style='x'>M. A</SPAN>", "M. A"),
        ("&amp;amp; fin", "& fin"),
        ("<<b>b>M. A</b>", "M. A"),
    ],
    "drop_page_furniture": [
        ("M. A,\n\nPage 1 sur 3\nCommune de Vaux – Conseil municipal du 3 mai 2022\n\n"
         "Mme B, M. C.\n\nPage 2 sur 3\nCommune de Vaux – Conseil municipal du 3 mai 2022\n\n"
         "Délibération n° 1\n",
         "M. A,\nMme B, M. C.\n\nDélibération n° 1\n"),
        ("M. A,\nPage 2/3\nMme B\n", "M. A,\nMme B\n"),
        ("M. A,\n- 2 -\nMme B\n", "M. A,\nMme B\n"),
        ("M. A,\n2/22\nMme B\n", "M. A,\nMme B\n"),
        ("Fin.\n\nPage 3 sur 3\n", "Fin.\n\n"),
        ("M. A,\f3\nMme B\n", "M. A,\nMme B\n"),
        ("Conseil municipal du 3 mai 2022\nPrésents : M. A,\n4\n"
         "Conseil municipal du 3 mai 2022\nMme B\n",
         "Conseil municipal du 3 mai 2022\nPrésents : M. A,\nMme B\n"),
        ("Commune de Vaux, séance du 3 mai 2022\nM. A,\f2\n"
         "Commune de Vaux, séance du 3 mai 2022\nMme B\n",
         "Commune de Vaux, séance du 3 mai 2022\nM. A,\nMme B\n"),
        ("M. A.\nPage 1 sur 2\n1\n2\n3\n", "M. A.\n1\n2\n3\n"),  # row numbers stay
        ("Commune de Vaux – Conseil municipal du 3 mai 2022\nPage 1 sur 2\nPrésents : M. A,\n"
         "Commune de Vaux – Conseil municipal du 3 mai 2022\nPage 2 sur 2\nMme B\n",
         "Commune de Vaux – Conseil municipal du 3 mai 2022\nPrésents : M. A,\nMme B\n"),
        ("Commune de Vaux\nConseil municipal du 3 mai 2022\nM. A,\n\fCommune de Vaux\n"
         "Conseil municipal du 3 mai 2022\nMme B\n",
         "Commune de Vaux\nConseil municipal du 3 mai 2022\nM. A,\nMme B\n"),
        ("Conseil municipal du 3 mai 2022\nPrésents : M. A,\n"
         "Conseil municipal du 3 mai 2022\nMme B\n",
         "Conseil municipal du 3 mai 2022\nPrésents : M. A,\nMme B\n"),
        ("M. A,\r\n\r\nPage 1 sur 3\r\n\r\nMme B\r\n", "M. A,\nMme B\n"),
    ],
    "normalise_spaces": [
        ("Présents\u00a0: M.\u202fA", "Présents : M. A"),
        ("M. A\r\nM. B\rM. C", "M. A\nM. B\nM. C"),
        ("Page\fsuite", "Page\nsuite"),
        ("M.\u2009A", "M. A"),
    ],
    "unfold_hyphen_wrap": [
        ("Mme Marie-\nFrançoise LAVERGNE", "Mme Marie-Françoise LAVERGNE"),
        ("Mme Marie- \n  Françoise", "Mme Marie-Françoise"),
        ("la présenta-\ntion du budget", "la présentation du budget"),
        ("le procès-\nverbal", "le procès-verbal"),
        ("Mme HUOT-\nCUSENIER", "Mme HUOT-CUSENIER"),
        ("M. MENES\u00ad\nTRIER", "M. MENESTRIER"),
        ("la délibé-\nraon", "la délibération"),
    ],
    "join_split_hyphen": [
        ("M. Jean- Claude MOURET", "M. Jean-Claude MOURET"),
        ("Saint- Vit", "Saint-Vit"),
    ],
    "restore_ti_ligature": [
        ("Date de la convocaon", "Date de la convocation"),
        ("Délibéraon n° 2", "Délibération n° 2"),
        ("PROCURAONS :", "PROCURATIONS :"),
        ("Procuraons :", "Procurations :"),
        ("Abstenons : 4", "Abstentions : 4"),
        ("puis tulaires", "puis titulaires"),
        ("Tulaires :", "Titulaires :"),
        ("M. X quie la séance", "M. X quitte la séance"),
        ("l'aribuon des aides", "l'attribution des aides"),
        ("Budget : décision modificave n° 3", "Budget : décision modificative n° 3"),
        ("Cotisaon annuelle, la cotisaon", "Cotisation annuelle, la cotisation"),
        ("restauraon collective", "restauration collective"),
        ("à parr de la queson n° 4", "à partir de la question n° 4"),
        ("la rémunéraon", "la rémunération"),  # the « -aon » rule
        ("DELIBERAONS", "DELIBERATIONS"),
    ],
    "fix_doubled_civility": [
        ("Messieurss Yves FABRE", "Messieurs Yves FABRE"),
        ("Mmee Odile", "Mme Odile"),
        ("MMme Odile", "Mme Odile"),
        ("Madamee la Maire", "Madame la Maire"),
        ("MMEE X", "MME X"),
    ],
    "split_glued_civility": [
        ("MmeHélène VIDAL", "Mme Hélène VIDAL"),
        ("GINESTE àM. Yves FABRE", "GINESTE à M. Yves FABRE"),
        ("MonsieurJean X", "Monsieur Jean X"),
        ("M.Xavier", "M. Xavier"),
        ("M.DUPONT et Mme Y", "M. DUPONT et Mme Y"),
        ("MmeeHélène", "Mme Hélène"),
        ("etMme Julie", "et Mme Julie"),
    ],
    "drop_stray_letter": [
        ("Luc ROUSSEL, s Mme Agnès BARRAL", "Luc ROUSSEL, Mme Agnès BARRAL"),
        ("M. A ; t M. B", "M. A ; M. B"),
    ],
}

# Text that must come out of clean() unchanged, with no edit at all.
NEGATIVE = [
    "M. Paul PAGE",
    "Jean-Claude",
    "Mme Marie-Françoise LAVERGNE",
    "MM. A, B",
    "Mmes C, D",
    "MMES DUPONT, DURAND",
    "Mmede",
    "Madame la Maire, Monsieur le Président",
    "Marie MARTIN, Mmm",
    "M. M. CORSO, JL. GARCIN",
    "Liste :\n1\n2\n3\n",
    "Délibération n° 1\nAdopté à l'unanimité.\nDélibération n° 2\nAdopté à l'unanimité.\n",
    "une question du paon, du faon et du taon à Laon et Craon",
    "M. Jean PARR, M. X QUIE",
    "**Présents :** M. A",
    "R&D, <https://example.org/>, 3 < 4 > 2",
    "M. X, a Mme Y ; à Mme Z",
    "Budget principal -\nDélibération n° 2",
    "2022-\n41",
    "Séance du 3 mai 2022\n\nSéance du 3 mai 2022\n",
    "la séance est ouverte, Mme A\n130 000\nMme B",
    "Passé à 3,10 €",
    "M. DUPONT-\nMme DURAND",
    "Liste des présents :\n\n1\n\n2\n",
]

# Wanted, not done yet: (input, what it should become).
KNOWN_FAILURES = [
    ("Mme MarieFrançoise X", "Mme Marie-Françoise X"),  # glued compound first name
    ("M. Patric k LAUNAY", "M. Patrick LAUNAY"),  # a word broken by a space
]


def _table() -> list[tuple[str, str, str]]:
    return [(fixer, given, wanted) for fixer, cases in CASES.items()
            for given, wanted in cases]


@pytest.mark.parametrize(("fixer", "given", "wanted"), _table())
def test_fixer_cases(fixer: str, given: str, wanted: str) -> None:
    cleaned = clean(given)
    assert cleaned.text == wanted
    assert any(fixer in edit.fixer.split("+") for edit in cleaned.edits)
    assert apply_edits(given, cleaned.edits) == wanted
    assert clean(cleaned.text).edits == ()


@pytest.mark.parametrize(("fixer", "given", "wanted"), _table())
def test_fixer_switched_off(fixer: str, given: str, wanted: str) -> None:
    cleaned = clean(given, CleanConfig(**{fixer: False}))
    assert all(fixer not in edit.fixer.split("+") for edit in cleaned.edits)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    cleaned = clean(text)
    assert (cleaned.text, cleaned.edits, cleaned.doubts) == (text, (), ())


@pytest.mark.parametrize(("given", "wanted"), KNOWN_FAILURES)
def test_known_failures(given: str, wanted: str) -> None:
    assert clean(given).text != wanted


def test_reference_record_unchanged() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.edits == ()
    assert cleaned.doubts == ()


def test_config_has_one_switch_per_fixer() -> None:
    names = [name for name, _ in FIXERS]
    assert names == [field.name for field in attrs.fields(CleanConfig)]
    everything_off = CleanConfig(**dict.fromkeys(names, False))
    assert clean("<b>MmeHélène</b>", everything_off).edits == ()


def test_hyphen_wrap_between_capitals_is_a_doubt() -> None:
    text = "M. Jean-François MENES-\nTRIER, M. B"
    cleaned = clean(text)
    assert cleaned.text == "M. Jean-François MENES-TRIER, M. B"
    (doubt,) = cleaned.doubts
    assert doubt.code == "hyphen-wrap"
    assert text[doubt.start:doubt.end] == "MENES-\nTRIER"
    assert "MENESTRIER" in doubt.detail


@pytest.mark.parametrize("brk", ["\n", "\r\n", " \n  "])
def test_doubt_points_into_the_input(brk: str) -> None:
    text = f"<b>Présents</b>\u00a0: M. A, M. HUOT-{brk}CUSENIER"
    (doubt,) = clean(text).doubts
    assert text[doubt.start:doubt.end] == f"HUOT-{brk}CUSENIER"


def test_origin_of_an_insertion() -> None:
    text = "MmeHélène X"
    cleaned = clean(text)  # « Mme Hélène X »: a space inserted at 3
    assert [cleaned.origin(i) for i in range(len(cleaned.text) + 1)][:6] == [0, 1, 2, 3, 3, 4]
    assert cleaned.origin_span(3, 4) == (3, 3)  # the inserted space comes from nothing
    assert cleaned.origin_span(0, 10) == (0, 9)


def test_ligature_guess_on_a_capitalised_word_is_a_doubt() -> None:
    cleaned = clean("Rémunéraon des agents")
    assert cleaned.text == "Rémunération des agents"
    assert [d.code for d in cleaned.doubts] == ["ligature-guess"]


def test_edits_of_two_fixers_on_the_same_text_merge() -> None:
    cleaned = clean("<b>Mmee</b>Hélène")
    assert cleaned.text == "Mme Hélène"
    assert apply_edits("<b>Mmee</b>Hélène", cleaned.edits) == cleaned.text
    assert [edit.fixer for edit in cleaned.edits] == [
        "strip_markup", "strip_markup+fix_doubled_civility+split_glued_civility"]
    assert all(a.end < b.start for a, b in zip(cleaned.edits, cleaned.edits[1:], strict=False))


def test_origin_and_origin_span() -> None:
    text = "<strong>Présents :</strong> Mme Marie-\nFrançoise X"
    cleaned = clean(text)
    at = cleaned.text.index("Françoise")
    assert text[cleaned.origin(at):].startswith("Françoise")
    start, end = cleaned.origin_span(0, len("Présents"))
    assert text[start:end] == "Présents"
    assert cleaned.origin(len(cleaned.text)) == len(text)
    whole = cleaned.origin_span(0, len(cleaned.text))
    assert whole == (len("<strong>"), len(text))  # a deletion before the span stays out


# Words of French prose: no broken form of the vocabulary may be one of them.
_REAL_WORDS = frozenset([
    "pare", "pares", "sore", "menons", "seconde", "second", "foncé", "condé", "direct",
    "mode", "modes", "noce", "noces", "acte", "actes", "elle", "elles", "pile", "polie",
    "poli", "police", "ration", "ratio", "nation", "station", "lion", "lions", "paon", "faon",
    "taon", "pion", "pions", "fonce", "cone", "cones", "sure", "sures", "quiet", "parc",
    "arc", "arcs",
])


def test_no_broken_form_is_a_word() -> None:
    assert not set(_BROKEN) & _LEXICON
    assert not set(_BROKEN) & _REAL_WORDS
    assert all(len(form) >= 4 for form in _BROKEN)


def test_edit_rejects_a_reversed_span() -> None:
    with pytest.raises(ValueError, match="not in order"):
        Edit(3, 2, "", "x")
    with pytest.raises(ValueError, match="not in order"):
        Doubt("x", 3, 2, "")


# --- Properties -------------------------------------------------------------

# A clean list, then the same list with the noise of a PDF conversion: cleaning
# the noisy one must give the clean one back, letter for letter.
_GIVEN = ["Jean", "Marie", "Hélène", "Yves", "Anne", "Rémi", "Émilie"]
_FAMILY = ["DUPONT", "VIDAL", "FABRE", "BARRAL", "LAVERGNE", "MOURET"]
_CIVILITY = ["M.", "Mme", "Monsieur", "Madame"]
_WORDS = ["délibération", "Procurations", "convocation", "abstentions", "titulaires",
          "quitte", "attribution", "la question"]
_HEADER = "Commune de Vaux – Conseil municipal du 3 mai 2022"


@st.composite
def _noisy_record(draw: st.DrawFn) -> tuple[str, str]:
    """(clean text, the same text with noise)."""
    clean_items: list[str] = []
    noisy_items: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        civility = draw(st.sampled_from(_CIVILITY))
        given_name = draw(st.sampled_from(_GIVEN))
        second = draw(st.sampled_from([None, *_GIVEN]))
        family = draw(st.sampled_from(_FAMILY))
        first = f"{given_name}-{second}" if second else given_name
        clean_items.append(f"{civility} {first} {family}")
        glue = "" if draw(st.booleans()) and civility != "Monsieur" else " "
        if second and draw(st.booleans()):
            first = f"{given_name}- {second}"
        doubled = civility + civility[-1] if civility in ("Mme", "Madame") and \
            draw(st.booleans()) else civility
        noisy_items.append(f"{doubled}{glue}{first} {family}")
    word = draw(st.sampled_from(_WORDS))
    broken = word.replace("tt", "").replace("ti", "") if draw(st.booleans()) else word
    clean_text = f"{_HEADER}\n{word} :\n" + ",\n".join(clean_items) + ".\n"
    noisy_lines = [f"{_HEADER}\n<strong>{broken}</strong>\u00a0:"]
    for index, item in enumerate(noisy_items):
        last = index == len(noisy_items) - 1
        noisy_lines.append(item + ("." if last else ","))
        if not last and draw(st.integers(0, 4)) == 0:
            noisy_lines.append(f"\nPage {index + 1} sur 9\n{_HEADER}\n")
    noisy = "\n".join(noisy_lines) + "\n"
    if draw(st.booleans()):
        noisy = noisy.replace("\n", "\r\n")
    return clean_text, noisy


@settings(max_examples=200, deadline=None)
@given(_noisy_record())
def test_noise_is_cleaned_away(pair: tuple[str, str]) -> None:
    wanted, noisy = pair
    cleaned = clean(noisy)
    assert cleaned.text == wanted
    assert apply_edits(noisy, cleaned.edits) == wanted
    for family in _FAMILY:  # every name found again where it is written
        at = cleaned.text.find(family)
        if at >= 0:
            start, end = cleaned.origin_span(at, at + len(family))
            assert noisy[start:end] == family


_PIECES = [
    "M. ", "Mme ", "MM. ", "Mmes ", "Jean", "Claude", "DUPONT", "Marie", "Françoise", ", ",
    " ; ", " ", "-", "\n", "\n\n", "Page 1 sur 3", "Conseil municipal du 3 mai 2022",
    "<strong>", "</strong>", "<br>", "&amp;", "&nbsp;", "\u00a0", "\r\n", "\r", "\f",
    "délibéraon", "Procuraons", "quie", "Mmee", "Messieurss", "MmeHélène", "àM. ",
    "s ", "Jean- Claude", "MENES-\nTRIER", "Ã©", "â€™", "Â« ", "1", "2/3", ".", ":",
    "**", "é", "a", "\u00ad", "\u200b", "<", ">", "&", "Ã", "PARR", "aon", "b>", "<b", "p>",
    "amp;", "Séance", "12", " - 2 - ", "\t", "ti", "tulaires", "Ma", "rie", "-\n", "é-\n",
]
noisy_text = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


def _undo(cleaned: CleanText, original: str) -> str:
    """The input rebuilt from the cleaned text by undoing the edits, last first."""
    text = cleaned.text
    shift = sum(len(e.replacement) - (e.end - e.start) for e in cleaned.edits)
    for edit in reversed(cleaned.edits):
        shift -= len(edit.replacement) - (edit.end - edit.start)
        start = edit.start + shift
        assert text[start:start + len(edit.replacement)] == edit.replacement
        text = text[:start] + original[edit.start:edit.end] + text[start + len(edit.replacement):]
    return text


@settings(max_examples=300, deadline=None)
@given(noisy_text)
def test_undoing_the_edits_restores_the_input(text: str) -> None:
    cleaned = clean(text)
    assert apply_edits(text, cleaned.edits) == cleaned.text
    assert _undo(cleaned, text) == text
    assert all(a.end < b.start for a, b in zip(cleaned.edits, cleaned.edits[1:], strict=False))
    for doubt in cleaned.doubts:
        assert 0 <= doubt.start <= doubt.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(noisy_text)
def test_origin_is_monotonic_and_exact_outside_the_edits(text: str) -> None:
    cleaned = clean(text)
    origins = [cleaned.origin(i) for i in range(len(cleaned.text) + 1)]
    assert origins == sorted(origins)
    assert origins[-1] == len(text)
    edited: set[int] = set()
    position = 0
    done = 0
    for edit in cleaned.edits:
        position += edit.start - done
        edited.update(range(position, position + len(edit.replacement)))
        position += len(edit.replacement)
        done = edit.end
    for i, char in enumerate(cleaned.text):
        if i not in edited:
            assert text[origins[i]] == char


@settings(max_examples=300, deadline=None)
@given(noisy_text)
def test_cleaning_twice_changes_nothing(text: str) -> None:
    once = clean(text)
    twice = clean(once.text)
    assert twice.edits == ()
    assert twice.text == once.text


_CLEAN_WORDS = ["M. ", "Mme ", "Jean-Claude ", "DUPONT", ", ", "la question ", "n° 3",
                "\n", "Présents : ", "Adopté à l'unanimité.", "Marie-Françoise "]


@given(st.lists(st.sampled_from(_CLEAN_WORDS), max_size=30).map("".join))
def test_clean_text_gets_no_edits(text: str) -> None:
    assert clean(text).edits == ()
