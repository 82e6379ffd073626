"""One short realistic record per phrasing seen in the wild, and what the reader makes of it.

Each record lives in tests/data/records/ and is named after its phrasing;
docs/phrasings.md lists them with examples.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import quorum
from quorum import BodyKind, HeaderCounts, PublishedTally, Window, read_record

RECORDS = Path(__file__).parent / "data" / "records"


def read(name: str) -> quorum.Sitting:
    return read_record(RECORDS / name)


def windows(sitting: quorum.Sitting, name: str) -> tuple[Window, ...]:
    (entry,) = [a for a in sitting.attendance if a.member == name]
    return entry.windows


def proxies(sitting: quorum.Sitting) -> list[tuple[str, str, Window]]:
    return [(p.giver, p.holder, p.window) for p in sitting.proxies]


def test_reference_without_bold_markers_runs_headings_on(reference: quorum.Sitting) -> None:
    sitting = read("gbm-sans-gras.txt")
    assert sitting == reference
    lind = sitting.member("Bruno LIND")
    assert lind.commune == "Beure"  # « … Mme Christine WERTHE Beure : M. Bruno LIND, … »
    assert sitting.member("Christine WERTHE").commune == "Besançon"
    assert sitting.member("Jacques KRIEGER").commune == "Roche-Lez-Beaupré"
    assert sitting.member("Myriam DE JACQUELOT").substitute
    assert sitting.origin is not None and len(sitting.origin.reconciliations) == 9


def test_plain_lists_without_commune_headings() -> None:
    sitting = read("sans-communes.txt")
    assert sitting.body == "Conseil municipal de Pugey"
    assert sitting.kind is BodyKind.COMMUNE
    assert len(sitting.members) == 15 and all(m.commune is None for m in sitting.members)
    assert proxies(sitting) == [("Agnès VUILLEMIN", "Frank LAIDIE", Window()),
                                ("Thomas BOILLOT", "Lucie SIMON", Window())]
    assert sitting.at("4").voters == 13
    assert sitting.deliberation("4").tally == PublishedTally(pour=12, contre=1)  # type: ignore[union-attr]


def test_proxies_given_in_the_list_of_those_absent() -> None:
    sitting = read("pouvoirs.txt")
    assert proxies(sitting) == [
        ("Rose QUINET", "Pascal DERIOT", Window()),  # « a donné pouvoir à »
        ("Serge ROY", "Annie BOLE", Window()),  # « pouvoir à »
        ("Tania SAUGET", "Rémi CARTIER", Window()),  # « procuration à »
        ("Victor TISSOT", "Odile DEMOLY", Window()),  # « (pouvoir à …) »
    ]
    assert all(windows(sitting, giver) == () for giver, _, _ in proxies(sitting))
    assert sitting.at(2).voters == 17


def test_from_the_point_and_up_to_the_point() -> None:
    sitting = read("a-partir-du-point.txt")
    assert windows(sitting, "Damien AUBERT") == (Window(start="7"),)  # présent à 19h05, à partir…
    assert windows(sitting, "Julie GIRARD") == (Window(start="3"),)
    assert windows(sitting, "Charles POMMEY") == (Window(start="5"),)
    assert ("Damien AUBERT", "Damien LIARD", Window(end="6")) in proxies(sitting)
    assert sitting.president == "Valérie MAILLARD"
    assert (sitting.at(6).present, sitting.at(6).represented) == (7, 2)
    assert (sitting.at(7).present, sitting.at(7).represented) == (8, 1)


def test_departures_inside_the_list_of_those_present() -> None:
    sitting = read("departs.txt")
    assert sitting.date == datetime.date(2026, 4, 1)  # « mercredi 1er avril 2026 »
    assert windows(sitting, "Alice AUDRAN") == (Window(end="3"),)
    assert windows(sitting, "Bernard BAUD") == (Window(end="4"),)  # « départ à la question 5 »
    assert windows(sitting, "David DODANE") == (Window("2", "4"),)
    assert windows(sitting, "Fabien FERREUX") == (Window(end="2"), Window(start="5"))
    assert ("Alice AUDRAN", "Bruno LIND", Window(start="4")) in proxies(sitting)
    assert sitting.at(5).present == 6


def test_substitutes_every_way_they_are_written() -> None:
    sitting = read("suppleants.txt")
    expected = {
        "Marc ROUX": "Julie GIRARD",  # « suppléée par »
        "Léa BOURDIN": "Valérie MAILLARD",  # « remplacée par sa suppléante »
        "Olivier MOUGIN": "Charles POMMEY",  # « ayant la suppléance de »
        "Chantal BEY": "Jean-Michel LHOMMEE",  # « (suppléante de …) »
    }
    for substitute, titular in expected.items():
        member = sitting.member(substitute)
        assert member.substitute and member.substitute_for == titular
        assert windows(sitting, substitute) == (Window(),)
        assert windows(sitting, titular) == ()
        assert sitting.member(titular).commune == member.commune
    assert sitting.at(2).present == 8 and sitting.at(2).voters == 9


def test_remote_attendance() -> None:
    sitting = read("visioconference.txt")
    assert sitting.kind is BodyKind.DEPARTEMENT
    remote = {a.member: a for a in sitting.attendance if a.remote}
    assert set(remote) == {"Ludovic FAGAUT", "Philippe GONON"}
    assert remote["Philippe GONON"].windows == (Window(start="2"),)


def test_absents_excused_and_represented() -> None:
    sitting = read("absents-excuses-representes.txt")
    excused = [a.member for a in sitting.attendance if a.excused]
    assert excused == ["Hélène GAY", "Ivan HUGON"]
    assert windows(sitting, "Jacques JOLY") == ()
    assert proxies(sitting) == [("Hélène GAY", "Yoran DELARUE", Window()),
                                ("Ivan HUGON", "Delphine CLERC", Window())]


def test_header_counts_are_kept_for_the_audit() -> None:
    sitting = read("comptes-en-tete.txt")
    counts = HeaderCounts(in_office=7, present=5, proxies=1, voters=6)
    assert sitting.header_counts == counts
    assert sitting.in_office == 7
    assert sitting.deliberation(2).header_counts == counts  # type: ignore[union-attr]
    assert sitting.origin is not None
    assert sitting.origin.locate("header_counts", "sitting").line == 5  # type: ignore[union-attr]


def test_question_keys_that_are_not_plain_numbers() -> None:
    sitting = read("cles-non-numeriques.txt")
    assert sitting.agenda.questions == ("2020.03.01", "2020.03.02", "2020.03.05", "D98/13")
    assert windows(sitting, "Danielle DARD") == (Window(start="2020.03.05"),)
    assert proxies(sitting) == [("Michel LOYAT", "Anne VIGNOT", Window(end="2020.03.02"))]
    assert [d.question for d in sitting.deliberations] == ["2020.03.05", "D98/13"]
    assert sitting.at("D98/13").voters == 5


def test_accents_lost_in_a_pdf_conversion() -> None:
    sitting = read("sans-accents.txt")
    assert sitting.date == datetime.date(2026, 12, 3)  # « decembre »
    assert sitting.convened == datetime.date(2026, 11, 27)
    assert sitting.secretary == "Sebastienne PERRIN"
    assert windows(sitting, "Denis PERIN") == (Window(start="2"),)  # « n 2 »: ° lost too
    assert proxies(sitting) == [("Emile BOURGEOIS", "Gerard MONNIER", Window(end="2"))]
    assert sitting.deliberation(3).interested == ("Sebastienne PERRIN",)  # type: ignore[union-attr]
    assert sitting.member("Emile BOURGEOIS").commune == "Francois"


def test_no_order_of_passage_takes_the_deliberations_in_the_order_of_the_text() -> None:
    sitting = read("sans-ordre-de-passage.txt")
    assert sitting.agenda.questions == ("2", "10")
    assert [d.question for d in sitting.deliberations] == ["2", "10"]
    assert sitting.at(2).represented == 1 and sitting.at(10).represented == 1


def test_secret_ballot_not_voting_and_blank_ballots() -> None:
    sitting = read("scrutin-secret.txt")
    assert sitting.kind is BodyKind.REGION
    deliberation = sitting.deliberation(2)
    assert deliberation is not None
    assert deliberation.secret_ballot and not deliberation.unanimous
    assert deliberation.identifier == "26AP.112"
    assert deliberation.not_voting == ("Julien ODOUL",)
    assert deliberation.tally == PublishedTally(pour=3, contre=1, abstention=0, blank=1,
                                                not_voting=1)


SMALL = """Conseil municipal de Larnod
Commune de moins de 3 500 habitants
Séance du lundi 2 février 2026
Membres en exercice : 3
Ordre de passage des rapports : 1
Étaient présents : M. Jean-Philippe DEVEVEY, Mme Anne ROSSET
Étaient absents : M. Paul VIEILLE
"""


@pytest.mark.parametrize(("text", "kind"), [
    (SMALL, BodyKind.SMALL_COMMUNE),
    (SMALL.replace("Commune de moins de 3 500 habitants", "Population : 1 234 habitants"),
     BodyKind.SMALL_COMMUNE),
    (SMALL.replace("Commune de moins de 3 500 habitants", "Population : 12 345 habitants"),
     BodyKind.COMMUNE),
    (SMALL.replace("Commune de moins de 3 500 habitants\n", ""), BodyKind.COMMUNE),
    (SMALL.replace("Conseil municipal de Larnod", "Comité syndical du SYBERT"), BodyKind.EPCI),
    (SMALL.replace("Conseil municipal de Larnod", "Conseil métropolitain"), BodyKind.EPCI),
])
def test_kind_of_council(text: str, kind: BodyKind) -> None:
    assert read_record(text).kind is kind


def test_extracts_of_one_sitting_are_merged() -> None:
    base = (RECORDS / "comptes-en-tete.txt").read_text(encoding="utf-8")
    other = base.replace("Délibération n°2026-45", "Délibération n°2026-44").replace(
        "Rapport n°2 - Adhésion au syndicat des eaux", "Rapport n°1 - Procès-verbal"
    ).replace("En exercice 7 Présents 5 Pouvoirs 1 Votants 6",
              "En exercice 7 Présents 6 Pouvoirs 1 Votants 7")
    merged = quorum.read_records([RECORDS / "comptes-en-tete.txt", other])
    assert [d.question for d in merged.deliberations] == ["2", "1"]
    assert merged.deliberation(1).header_counts == HeaderCounts(  # type: ignore[union-attr]
        in_office=7, present=6, proxies=1, voters=7)
    assert merged.origin is not None
    (disagreement,) = merged.origin.disagreements
    assert (disagreement.fact, disagreement.subject) == (quorum.Fact.HEADER_COUNTS, None)
    assert (disagreement.first_line, disagreement.second_line) == (5, 5)
    assert disagreement.first_file == str(RECORDS / "comptes-en-tete.txt")
    assert "present=5" in disagreement.first and "present=6" in disagreement.second


def test_extracts_of_different_sittings_are_refused() -> None:
    base = (RECORDS / "comptes-en-tete.txt").read_text(encoding="utf-8")
    other = base.replace("jeudi 10 septembre 2026", "jeudi 17 septembre 2026")
    with pytest.raises(quorum.RecordError) as caught:
        quorum.read_records([base, other])
    assert "pas la même séance" in str(caught.value)
    assert caught.value.line == 3


def test_attendance_disagreement_between_extracts_is_kept() -> None:
    base = (RECORDS / "comptes-en-tete.txt").read_text(encoding="utf-8")
    other = base.replace("M. Denis ERARD", "M. Denis ERARD (à compter de la question n° 2)")
    merged = quorum.read_records([base, other])
    assert merged.origin is not None
    facts = [(d.fact, d.subject) for d in merged.origin.disagreements]
    assert facts == [(quorum.Fact.ATTENDANCE, "Denis ERARD")]
    (finding,) = quorum.audit(merged).with_code("extracts-disagree")
    assert "se contredisent sur la présence de Denis ERARD" in finding.message
    assert windows(merged, "Denis ERARD") == (Window(),)


def test_one_name_per_line_counts_one_per_line_and_a_range_of_questions() -> None:
    sitting = read("un-nom-par-ligne.txt")
    assert sitting.body == "Conseil municipal de Devecey"
    assert sitting.agenda.questions == ("1", "2", "3")  # « 1 à 3 »
    assert sitting.header_counts == HeaderCounts(present=4, proxies=1, voters=5)
    assert [m.name for m in sitting.members] == [
        "Gérard MONNIER", "Anne BOLE", "Paul CHAUVIN", "Julie ROSSEL", "Yves DROZ"]
    assert windows(sitting, "Julie ROSSEL") == (Window(start="2"),)
    assert [a.member for a in sitting.attendance if a.excused] == ["Yves DROZ"]
    assert proxies(sitting) == [("Yves DROZ", "Gérard MONNIER", Window())]
    assert sitting.secretary == "Anne BOLE"  # « … a été désignée secrétaire de séance »
    assert sitting.deliberation(3).tally == PublishedTally(pour=5)  # type: ignore[union-attr]
    assert sitting.at(3).voters == 5


def test_no_list_of_those_absent_makes_the_givers_of_proxies_the_absent_members() -> None:
    sitting = read("pouvoirs-sans-absents.txt")
    assert [m.name for m in sitting.members][-2:] == ["Eva DORGE", "Marc ELOY"]
    assert windows(sitting, "Eva DORGE") == () and windows(sitting, "Marc ELOY") == ()
    assert proxies(sitting) == [("Eva DORGE", "Pascal DIMANCHE", Window()),
                                ("Marc ELOY", "Alice BERT", Window(end="1"))]
    assert (sitting.at(1).voters, sitting.at(2).voters) == (5, 4)
    assert sitting.origin is not None
    assert sitting.origin.locate("member", "Eva DORGE").line == 11  # type: ignore[union-attr]


def test_with_a_list_of_those_absent_an_unlisted_giver_is_absent_and_said() -> None:
    text = (RECORDS / "pouvoirs.txt").read_text(encoding="utf-8").replace(
        "Secrétaire de séance", "Procurations de vote : Mme Rosa QUINTIN à M. Jean ETIENNE\n\n"
        "Secrétaire de séance")
    sitting = read_record(text)
    assert windows(sitting, "Rosa QUINTIN") == ()
    assert ("Rosa QUINTIN", "Jean ETIENNE", Window()) in proxies(sitting)
    (finding,) = quorum.audit(sitting).with_code("giver-not-listed")
    assert finding.severity == "info" and "Rosa QUINTIN" in finding.message


def test_several_interested_or_not_voting_members_on_one_line() -> None:
    text = (RECORDS / "scrutin-secret.txt").read_text(encoding="utf-8").replace(
        "M. Julien ODOUL ne prend pas part au vote.",
        "MM. Julien ODOUL et Gilles PLATRET ne prennent pas part au vote.\n\n"
        "Mmes Sylvie VERMEILLET et Océane CHARRET-GODARD (2), conseillères intéressées, "
        "ne prennent part ni au débat ni au vote.")
    deliberation = read_record(text).deliberation(2)
    assert deliberation is not None
    assert deliberation.not_voting == ("Julien ODOUL", "Gilles PLATRET")
    assert deliberation.interested == ("Sylvie VERMEILLET", "Océane CHARRET-GODARD")


@pytest.mark.parametrize(("written", "civility"), [
    ("Monsieur Rémi CARTIER", "M."), ("Mr Rémi CARTIER", "M."), ("M.Rémi CARTIER", "M."),
    ("Madame Rémi CARTIER", "Mme"), ("Mme. Rémi CARTIER", "Mme"), ("Rémi CARTIER", None),
])
def test_civilities_as_typed(written: str, civility: str | None) -> None:
    text = (RECORDS / "pouvoirs.txt").read_text(encoding="utf-8").replace(
        "M. Rémi CARTIER,", f"{written},")
    member = read_record(text).member("Rémi CARTIER")
    assert member.civility == civility


def test_absent_from_a_question_on_is_a_departure() -> None:
    text = (RECORDS / "departs.txt").read_text(encoding="utf-8").replace(
        "M. Bernard BAUD (départ à la question 5)",
        "M. Bernard BAUD (absent à partir de la question 5)").replace(
        "Mme Gaëlle GRAPPE", "Mme Gaëlle GRAPPE (quitte la séance à compter du point 6)")
    sitting = read_record(text)
    assert windows(sitting, "Bernard BAUD") == (Window(end="4"),)
    assert windows(sitting, "Gaëlle GRAPPE") == (Window(end="5"),)


def test_arrival_at_a_time_and_departure_after_a_point() -> None:
    text = """COMMUNE DE SAINT-ALBAN
Séance du conseil municipal du 9 juin 2021
Membres en exercice : 5
Présents : M. Paul ARNAUD, Mme Lise BOREL (arrivée à 18h45 au point 3), \
M. Jean CHAPUIS (départ après le point 2)
Absents : Mme Rose GIRAUD (représentée par M. Paul ARNAUD), M. Luc HENRI

1. Budget
2. Tarifs
3. Voirie
"""
    sitting = read_record(text)
    assert windows(sitting, "Lise BOREL") == (Window(start="3"),)
    assert windows(sitting, "Jean CHAPUIS") == (Window(end="2"),)
    assert [sitting.at(k).present for k in ("1", "2", "3")] == [2, 2, 2]


def test_a_request_for_a_secret_ballot_and_the_sending_of_the_reports() -> None:
    text = (RECORDS / "pouvoirs.txt").read_text(encoding="utf-8").replace(
        "Rapport n°2 - Subvention au club de football\n",
        "Rapport n°2 - Subvention au club de football\n\nÀ la demande de 6 conseillers, il est "
        "procédé au scrutin secret.\n").replace(
        "\nÉtaient absents", "\nLes rapports ont été envoyés le 20 novembre 2026.\n\n"
        "Étaient absents", 1)
    sitting = read_record(text)
    deliberation = sitting.deliberation(2)
    assert deliberation is not None
    assert (deliberation.secret_requested, deliberation.secret_ballot) == (6, True)
    assert sitting.reports_sent == datetime.date(2026, 11, 20)


def test_lists_of_delegates_titulars_substitutes_and_those_represented() -> None:
    text = """COMMUNAUTE DE COMMUNES DU VAL D'AMBLEVE
Conseil communautaire du 18 mars 2016
Nombre de délégués en exercice : 8
Délégués titulaires présents : M. Alain BRUN (Arbois), Mme Claire DUBOIS (Arbois), \
M. Marc FAURE (Bellevue), M. Paul GIRARD (Cernans)
Délégués suppléants présents : M. Louis HAMEL (Dournon, suppléant de M. Henri JOLY)
Etaient représentés : Mme Sophie KLEIN par M. Alain BRUN
Délégués absents : M. Henri JOLY (Dournon), Mme Anne LEROY (Ecleux), M. Jean MOREL (Ecleux)

Délibération n° 2016-05 : Budget primitif
Votants : 6 - Pour : 6 - Contre : 0 - Abstention : 0
"""
    sitting = read_record(text)
    assert sitting.member("Louis HAMEL").substitute_for == "Henri JOLY"
    assert proxies(sitting) == [("Sophie KLEIN", "Alain BRUN", Window())]
    state = sitting.at("2016-05")
    assert (state.present, state.represented) == (5, 1)
    assert quorum.audit(sitting).exit_status == 0


def test_typed_reasons_and_facts_survive_a_json_round_trip() -> None:
    base = (RECORDS / "comptes-en-tete.txt").read_text(encoding="utf-8")
    other = base.replace("M. Denis ERARD", "M. Denis ERARD (à compter de la question n° 2)")
    merged = quorum.read_records([base, other])
    gbm = quorum.read_record(RECORDS / "gbm-2026-06-25-rapport-26.txt")
    for sitting in (merged, gbm):
        again = quorum.sitting_from_json(quorum.sitting_to_json(sitting))
        assert again.origin == sitting.origin
    assert gbm.origin is not None and gbm.origin.reconciliations
    assert all(isinstance(r, quorum.MatchReason)
               for item in gbm.origin.reconciliations for r in item.reasons)
