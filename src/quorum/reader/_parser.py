"""Reading one record into a :class:`~quorum.model.Sitting`.

The reader makes one pass over the lines, recognising each by how it begins
(after folding: lower case, no accents — see :mod:`quorum.reader._text`):

- the header: the body (« Conseil de Communauté »), « Séance du … », the
  members in office, « convoqué le … », « sous la présidence de … »,
  « Ordre de passage des rapports : … », « La séance est ouverte à … »,
  counts (« En exercice 39 Présents 36 Pouvoirs 3 Votants 39 »);
- the lists: « Étaient présents : », « Étaient absents : » (« Absents
  excusés et représentés : » …), « Secrétaire de séance : »,
  « Procurations de vote : » (see :mod:`quorum.reader._lists`);
- deliberation blocks, from « Délibération n° … » or « Rapport n° … »:
  interested members, those who take no part in the vote, « à l'unanimité »,
  « scrutin secret », the tally lines « Pour : 117 » …

Then it reconciles every name with the lists of those present and absent
(:mod:`quorum.reader._names`), builds the windows along the order of
passage, and gathers every problem before raising them together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from quorum.model import HeaderCounts, Location, ReadNote, Reconciliation
from quorum.reader._dates import BadDate, find_date, find_time, find_written_date
from quorum.reader._lists import (
    BARE_WINDOW,
    BY_OFFICE,
    PROXY_SEPARATOR,
    TAIL,
    Annotation,
    Item,
    Marker,
    Mention,
    civility_at,
    colons,
    is_caps,
    parse_annotation,
    parse_mention,
    read_annotations,
    split_items,
    split_run_on,
)
from quorum.reader._text import Problems, Source, fold

__all__ = ["Reader"]

_PREFIX = re.compile(r"[ \t]*(?:[-•–>][ \t]+)?")
# Who a list is about, before « présents » / « absents »: « Délégués titulaires présents : ».
_WHO = (r"(?:(?:etaient|etait|sont|membres|conseillers|conseilleres|elus|delegues|titulaires"
        r"|suppleants|suppleantes|communautaires|municipaux)\s+){0,3}")
_PRESENT = re.compile(_WHO + r"presente?s?\b[^:\n]{0,60}?:")
_ABSENT = re.compile(_WHO + r"(absente?s?|excusee?s?|representee?s?)\b([^:\n]{0,60}?):")
_SECRETARY = re.compile(r"secretaire(?:\s+de\s+(?:la\s+)?seance)?\s*:")
_SECRETARY_SENTENCE = re.compile(
    r"\s(?:a\s+ete|est)\s+(?:designee?|elue?|nommee?)\s+(?:comme\s+|en\s+qualite\s+de\s+)?"
    r"secretaire"
)
_PROXIES = re.compile(
    r"(?:procurations?|pouvoirs?|mandats?|delegations?)(?:\s+de\s+vote)?(?:\s+donnee?s)?\s*:"
)
_AGENDA = re.compile(r"ordre\s+de\s+passage\b[^:\n]{0,60}?:")
_SEANCE = re.compile(r"seance\b")
# An item line: its key (« 1 », « 0 », « 3/a », « D23/45 », « 2022-41 »), a separator, a title.
_ITEM = re.compile(
    r"((?:[A-Z]{1,3})?\d{1,4}(?:[./-]\d{1,4})*(?:/[a-z])?)\s*+(?:[.)]|[-\u2013\u2014])\s++"
    r"(?=[^\W\d_]|«)"
)
_TITLED_KEY = re.compile(r"(\S{1,40})\s++[-\u2013\u2014:]\s*+(\S.*)")
_OBJECT = re.compile(r"objet\s*:")
# Role labels between the names of a list: not people.
_ROLE = re.compile(
    r"\s*+(?:(?:les?|la|et)\s+)?(?:maire(?:-adjointe?)?|(?:premier\s+|premiere\s+|\d+(?:er|ere|e|eme)\s+)?"
    r"adjointe?s?(?:\s+au\s+maire)?"
    r"|(?:vice-)?presidente?s?|conseill(?:er|ere)s?(?:\s+(?:municipa(?:l|ux|les?)|communautaires?"
    r"|delegue(?:e|s|es)?|syndica(?:l|ux)))*|delegue(?:e|s|es)?(?:\s+titulaires?)?"
    r"|formant\s+la\s+majorite\s+des\s+membres\s+en\s+exercice|membres?\s+du\s+bureau)"
    r"[\s.:]*+"
)
_BULLET = re.compile(r"[ \t]*+[-•–>*][ \t]++")
_NOBODY = re.compile(r"\s*+(?:neant|aucun|aucune|personne|sans\s+objet)\s*+\.?\s*+")
_ROW_NUMBERS = re.compile(r"\s*+\d{1,4}(?:\s++\d{1,4})*+\s*+")
_FOR_COMMUNE = re.compile(r"\s+pour\s+((?:LA |LE |LES |L')?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ' -]+)\s*$")
# A tally label inside a line, after other words (« Vote : Pour : 15 »).
_TALLY_INSIDE = re.compile(r"[\s:.;,-](pour\s*+:\s*+\d)")
_PROSE_COUNT = re.compile(r"\b(\d{1,4})\s++(?:voix\s++)?(pour|contre|abstentions?)\b")
_UNANIMOUS_COUNT = re.compile(
    r"unanimite[^.;]{0,80}?\((\d{1,4})\s++(?:voix|votants|suffrages)[^)]{0,20}\)"
    r"|unanimite\s+des\s+(\d{1,4})\s+(?:votants|membres|presents)"
)
_COLUMN_HEADING = re.compile(r"\s*+(?:communes?|delegue\w*|noms?|prenoms?|qualites?|membres?|"
                             r"titulaires?|suppleant\w*)\s*+")
_EXCUSED_ITEM = re.compile(r"\s*+excuse(?:e|s|es)?\s*+")
# Someone named with a civility and a surname in capitals (« M. Paul ARNAUD », « Mme LE MOAL »).
_NAME_LIKE = re.compile(r"\b(?:M\.|Mme|Mlle|Monsieur|Madame|MM\.|Mmes)\s+(?:[A-Z][\w'.-]*\s+)?"
                        r"[A-ZÀ-ÖØ-Þ]{2,}")
_OTHERS = re.compile(r"(?:assistai(?:en)?t|egalement\s+presents?|en\s+presence\s+de|invites?"
                     r"|autres\s+personnes)\b[^:\n]{0,50}:")
# A page number alone (« 12 », « - 3 - », « Page 2 sur 22 », « 2/22 »).
_FURNITURE = re.compile(r"\s*+(?:-\s*+)?(?:page\s++)?\d{1,4}(?:\s*+(?:sur|/)\s*+\d{1,4})?"
                        r"(?:\s*+-)?\s*+")
_HEADER_WORDS = re.compile(r"conseil|communaute|metropole|commune|seance|proces-verbal|syndicat"
                           r"|deliberation|page")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{3,}")
_BALLOT_REQUEST = re.compile(
    r"(?:a\s+la\s+demande\s+de\s+(?P<count>\d{1,4})\s+(?:conseill|membres|elus|delegues)"
    r"[^.]{0,80}?scrutin\s+(?:secret|public)"
    r"|scrutin\s+(?:secret|public)\s+(?:a\s+ete\s+|est\s+)?demande\w*\s+par\s+"
    r"(?P<count2>\d{1,4})\s+(?:conseill|membres|elus|delegues))"
)
_REPORTS_SENT = re.compile(
    r"rapports\s+(?:ont\s+ete\s+)?(?:envoye|adresse|transmis)\w*\s+(?:aux\s+\w+\s+)?le\s+"
    r"|(?:date\s+d'|)envoi\s+des\s+rapports\s*:?\s*(?:le\s+)?"
)
_URGENT = re.compile(r"convoque\w*\s+(?:en\s+|d')urgence|(?:seance|reunion|session)\s+"
                     r"(?:extraordinaire\s+)?d'urgence|procedure\s+d'urgence|en\s+urgence")
# How every item that names nobody begins (a label, « néant », « excusé », row numbers,
# « M. le Maire »): items that begin otherwise skip those tests.
_MAYBE_NO_NAME = re.compile(
    r"\s*+(?:\d|neant|aucun|personne|sans|excuse|(?:(?:m\.?|mme|monsieur|madame)\s+)?"
    r"(?:le|la)\s|les\s|et\s|maire|premi|adjoint|vice|presid|conseill|delegue|formant|membre)"
)
_GAVE_PROXY = re.compile(r"pouvoir|procuration|represente")
_PARALLEL = re.compile(r"(mandants?|mandataires?)\s*:")
_SUBSTITUTED = re.compile(
    r"(?:delegues?|conseillers?|membres?)\s+titulaires?\s+(?:supplee?s?|remplace\w*|represente\w*)"
    r"[^:\n]{0,40}:"
)
_PRESIDENT_CUE = re.compile(r"presid(?:ent|ente|ence)(?:\s+de\s+(?:la\s+)?seance)?\s*:")
_GROUP_CIVILITY = re.compile(r"(mm|mmes|messieurs|mesdames)\b\.?\s*+")
_LIST_NAMES = {"present": "des présents", "absent": "des absents"}
# Prose of the minutes: « M. X quitte la séance », « Mme Y est arrivée », « Arrivée de M. Z ».
_DEPARTS = re.compile(
    r"\b(?:quitte\w*|se\s+retire\w*)\s+(?:alors\s+|definitivement\s+)?"
    r"(?:la\s+seance|la\s+salle|l'assemblee|la\s+reunion|le\s+conseil)"
)
_ARRIVES = re.compile(
    r"\b(?:(?:est|sont)\s+arrivee?s?|arrive(?:nt)?\b|rejoin\w*\s+(?:la\s+seance|l'assemblee"
    r"|la\s+salle|le\s+conseil)|entre\w*\s+en\s+seance)"
)
# The end of a sentence: a full stop after a word in lower case (never « M. », « J. »).
_SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ÿ0-9)»]{2})|(?<=[A-ZÀ-Þ]{3})|(?<=[A-ZÀ-Þ][a-z]))(?<!\bMM)"
                           r"(?<!\bMme)(?<!\bMlle)(?<!\bDr)(?<!\bMe)[.!?]\s+")
_MOVEMENT_LEAD = re.compile(r"(arrivee|depart)\s+de\s+")
_SUBJECT_END = re.compile(r"\s+a\s+\d|[,.;(]|$")
_SUBJECT_PREFIX = re.compile(r"(?:le|la)\s+(?=docteur|maitre|dr|me\b)")
_MOVEMENT_KEY = re.compile(
    r"(?:avant|a\s+partir\s+d[ue]|a\s+compter\s+d[ue]|lors\s+d[ue]|pour)\s+"
    r"(?:l'examen|le\s+vote|la\s+presentation|l'etude)?\s*+(?:de\s+la|du|de|des)?\s*+"
    r"(?:la\s+|le\s+)?(?:question|point|rapport|deliberation|dossier|affaire)s?\s*+"
    r"(?:n\s*+[°o]\s*+\.?\s*+|numero\s++)?([0-9a-z][^\s,;:()]{0,40})"
)
_PROXY_IN_PROSE = re.compile(r"donne\w*\s+(?:pouvoir|procuration|mandat)\s+a(?:u|ux)?\s+")
_TITLE_WORD = re.compile(r"\b(?:seance|conseil|comite|reunion)\b")
_NOT_TITLE = re.compile(r"convo|affich|publi|approba|depuis|precedent")
_BODY = re.compile(
    r"(?:conseil|comite|assemblee|bureau|commission\s+permanente)\b"
)
_DELIBERATION = re.compile(
    r"deliberation\s+(?:(?:n\s*[°o]|n\b|numero)\s*\.?\s*|(?=\d{1,4}[-/.]\d{1,5}\b))"
)
_KEY_LINE = re.compile(
    r"(?:rapport|point|question|affaire|dossier)\s+(?:(?:n\s*[°o]|n\b|numero)\s*+\.?\s*+"
    r"([0-9a-z][^\s,;:()]{0,40})|(\d[^\s,;:()]{0,40})(?=\s*+(?:[-\u2013\u2014:.]|$)))"
)
_AND = re.compile(r"\s(?:et|&)\s")
_SPACES = re.compile(r"\s*")
_RANGE = re.compile(r"(\d{1,5})\s*(?:à|a|-)\s*(\d{1,5})")
# Possessive runs of spaces (``\s*+``): see quorum.reader._lists.NUMBER.
_IN_OFFICE = re.compile(r"en\s+exercice\s*+:?\s*+(\d{1,6})\b")
_COUNT = re.compile(
    r"(en\s+exercice|presents?|pouvoirs?|procurations?|representes?|votants?)\s*+:?\s*+(\d{1,6})\b"
)
# What may stand around the counts of a count line: « Nombre de conseillers : », dashes.
_COUNT_FILLER = re.compile(
    r"(?:[\s,;:.|*/-]|nombre|de|des|du|d'|conseillers?|membres?|delegues?|elus?|municipaux"
    r"|communautaires?|titulaires?|syndicaux|du\s+conseil|en\s+exercice\s*:)*+"
)
_CONVENED = re.compile(
    r"convoque\w*\s+(?:le\s+|en\s+date\s+du\s+|pour\s+le\s+)?"
    r"|date\s+de\s+(?:la\s+)?convocation\s*:?\s*"
    r"|convocation\s+(?:du\s+|adressee\s+le\s+|envoyee\s+le\s+|en\s+date\s+du\s+)|convocation\s*:\s*"
)
_PRESIDENCE = re.compile(r"sous\s+la\s+presidence\s+de\s+")
_MET = re.compile(r"s'est\s+reuni\w*\s*")
_OPENED = re.compile(r"ouverte?\s+a\s+")
_CLOSED = re.compile(r"(?:levee|close|cloturee|terminee)\s+a\s+")
_SMALL = re.compile(r"moins\s+de\s+3\s?500\s+habitants")
_POPULATION = re.compile(r"population\b[^:\n\d]{0,40}:?\s*(\d{1,3}(?:[ .]\d{3})*|\d+)\s*habitants")
_KIND = re.compile(r"type\s+d'assemblee\s*:\s*(epci|commune|petite\s+commune|departement|region)")
_RECONVENED = re.compile(r"faute\s+de\s+quorum|sans\s+condition\s+de\s+quorum")
_INTERESTED = re.compile(r"conseill\w*\s+interess\w*")
_NOT_VOTING = re.compile(
    r"ne\s+(?:prend|prennent|participe|participent)\s+pas\s+(?:part\s+)?au\s+vote"
)
_UNANIMOUS = re.compile(
    r"(?:^|\b(?:adopte\w*|approuve\w*|vote\w*|decide\w*)\s+)a\s+l'unanimite"
)
_SECRET = re.compile(r"scrutin\s+secret|bulletins?\s+secrets?|vote\s+a\s+bulletin\s+secret")
_TALLY = re.compile(
    r"(pour|contre|abstentions?|conseill\w*\s+interess\w*"
    r"|ne\s+pren\w*\s+pas\s+part\s+au\s+vote|non[\s-]participations?"
    r"|(?:bulletins?\s+)?(?:blancs?|nuls?)(?:\s+(?:ou|et)\s+(?:blancs?|nuls?))?)"
    r"\s*+\*?\s*+:\s*+(\d{1,6})\b"
)
_SEPARATORS = re.compile(r"[\s,;./*-]*")
# A tally label alone (« Contre : »), whatever follows: a count that cannot be
# read after it is a problem, never a default 0.
_TALLY_LABEL = re.compile(
    r"(pour|contre|abstentions?|conseill\w*\s+interess\w*"
    r"|ne\s+pren\w*\s+pas\s+part\s+au\s+vote|non[\s-]participations?"
    r"|(?:bulletins?\s+)?(?:blancs?|nuls?)(?:\s+(?:ou|et)\s+(?:blancs?|nuls?))?)"
    r"\s*+\*?\s*+:\s*+"
)
_WORDS = {"zero": 0, "neant": 0, "aucun": 0, "aucune": 0, "un": 1, "une": 1, "deux": 2,
          "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
          "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
          "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20}
_COUNT_VALUE = re.compile(
    r"(\d{1,6})(?![\d.,]\d)|(dix-(?:sept|huit|neuf)|zero|neant|aucune?|une?|deux|trois|quatre"
    r"|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt)\b"
)
_UNIT = re.compile(r"\s*+(?:voix|votes?|suffrages?|membres?|elus?|conseillers?)\b")
_NAMES_LEAD = re.compile(r"\s*+[-\u2013:]\s*+|\s*+,\s*+(?=m\.|mm\.|mme|mmes|mlle|monsieur|madame)")
_NUMERIC = re.compile(r"\d+")
# Elections (CGCT L2121-21, L2122-7): « Premier tour », « Nombre de votants : 21 – Bulletins
# blancs ou nuls : 1 – Suffrages exprimés : 20 – Majorité absolue : 11 », « M. X : 14 voix »,
# « M. X, ayant obtenu la majorité absolue, est proclamé élu ».
_ELECTION_SAID = re.compile(r"\belections?\b|\bdesignations?\b|\btours?\s+de\s+scrutin\b")
_ROUND = re.compile(
    r"(premier|1er|1re|second|seconde|2nd|deuxieme|troisieme|quatrieme|\d{1,2}\s*(?:e|eme|ème))"
    r"\s+tour\b(?:\s+de\s+scrutin)?\s*[:.\u2013\u2014-]?\s*")
_ROUND_WORDS = {"premier": 1, "1er": 1, "1re": 1, "second": 2, "seconde": 2, "2nd": 2,
                "deuxieme": 2, "troisieme": 3, "quatrieme": 4}
_ELECTION_COUNT = re.compile(
    r"(nombre\s+de\s+votants|votants|nombre\s+de\s+bulletins(?:\s+\w+){0,4}?"
    r"|(?:bulletins\s+)?(?:blancs?|nuls?)(?:\s+(?:ou|et)\s+(?:blancs?|nuls?))?"
    r"|suffrages\s+exprimes|majorite\s+absolue)\s*:\s*(\d{1,6})\b")
_ELECTION_ONLY = re.compile(r"suffrages\s+exprimes|majorite\s+absolue")
_ELECTION_CUE = re.compile(r"nombre\s+de\s+votants|bulletins")
_CANDIDATE = re.compile(r"([^:;\u2013\u2014]+?)\s*:\s*(\d{1,6})\s+(?:voix|suffrages?)\b")
_ELECTION_SEPARATORS = re.compile(r"[\s,;.\u2013\u2014-]*")
_PROCLAIMED = re.compile(r"\b(?:est\s+)?(?:proclamee?|declaree?)\s+elue?\b"
                         r"|\belue?\s+au\s+benefice\s+de\s+l.age\b|\best\s+elue?\b")
# « Le conseil décide à l'unanimité de ne pas procéder au scrutin secret » (L2121-21 al. 4).
_NOT_SECRET = re.compile(r"\bne\s+pas\s+(?:proceder|recourir|voter)\s+au\s+"
                         r"(?:scrutin|vote)\s+secret|\brenonc\w*\s+au\s+(?:scrutin|vote)\s+secret")
_BY_AGE = re.compile(r"benefice\s+de\s+l.age|\ble\s+plus\s+age|\bla\s+plus\s+agee")


@attrs.define
class Person:
    mention: Mention
    listed: str  # "present", "absent" or "implicit" (a titular named as substituted)
    commune: str | None = None
    annotation: Annotation = attrs.field(factory=Annotation)
    substitute: bool = False
    substitute_of: Mention | None = None
    excused: bool = False


@attrs.define
class ProxyEntry:
    giver: Mention
    holder: Mention
    markers: list[Marker]
    commune: tuple[str, int, int] | None = None  # the heading over the giver, as written
    annotation: Annotation | None = None
    while_away: bool = False  # written in the list of those present: while the giver is away


@attrs.define
class Block:
    line: int  # 1-based
    heading: bool = False  # « 3 - FINANCES »: the heading of items 3/a, 3/b …
    body_seen: bool = False  # a line of its own text was read (counts after it are the next's)
    loose: bool = False  # an item numbered « 1. », « 3/a - », or headed « Objet : »
    identifier: str | None = None
    key: str | None = None
    key_column: int = 1
    title: str | None = None
    interested: list[Mention] = attrs.field(factory=list)
    not_voting: list[Mention] = attrs.field(factory=list)
    unanimous: bool = False
    secret: bool = False
    tally: dict[str, tuple[int, int]] = attrs.field(factory=dict)  # field -> (value, line)
    named: dict[str, list[Mention]] = attrs.field(factory=dict)  # « Contre : 1 (M. X) »
    counts: HeaderCounts | None = None
    secret_requested: int | None = None  # members who asked for a secret ballot
    public_requested: int | None = None
    election: bool = False  # an election is said (« Il est procédé à l'élection »)
    rounds: list[RoundEntry] = attrs.field(factory=list)
    elected: str | None = None  # the name proclaimed, as written
    elected_by_age: bool = False


@attrs.define
class RoundEntry:
    """One round of an election as read; counts ``None`` when not printed."""

    number: int
    line: int
    voters: int | None = None
    blank: int | None = None
    cast: int | None = None
    majority: int | None = None
    candidates: list[tuple[str, int]] = attrs.field(factory=list)


@attrs.define
class Movement:
    """An arrival or a departure told in prose between the items (« M. X quitte la séance
    à 21 h 30, avant l'examen du point 4 », « Arrivée de Mme Y »)."""

    who: Mention
    kind: str  # "arrival" or "departure"
    items_before: int  # items the text had opened before the sentence
    open_item: bool  # the sentence is inside an item whose tally is not yet printed
    key: str | None  # the question the sentence names, if any
    holder: Mention | None  # « … et donne pouvoir à Mme Z »
    resigned: bool
    text: str


@attrs.define
class Field:
    value: Any
    line: int
    column: int


class Reader:
    """One pass over one record."""

    def __init__(self, text: str, file: str | None, source: Source | None = None):
        self.source = source if source is not None else Source.from_text(text, file)
        self.file = file
        self.problems = Problems(self.source)
        self.fields: dict[str, Field] = {}
        self.people: list[Person] = []
        self.proxies: list[ProxyEntry] = []
        self.blocks: list[Block] = []
        self.agenda: list[tuple[str, int, int]] = []  # key, line, column
        self.headings: list[tuple[str, int, int]] = []
        self.body_title: str | None = None
        self.secretary: Mention | None = None
        self.president: Mention | None = None
        self.locations: list[Location] = []
        self.reconciliations: list[Reconciliation] = []
        self.notes: list[ReadNote] = []
        self.movements: list[Movement] = []
        self.office_listed: tuple[str, int, int] | None = None  # « M. le Maire » in a list
        self.absent_proxies = False  # reading « Absents ayant donné pouvoir : X à Y »
        self.givers: list[tuple[Mention, Annotation]] = []  # « Mandants : … »
        self.holders: list[tuple[Mention, Annotation]] = []  # « Mandataires : … »
        # « MM. », « Mmes » over the names that follow ("" after « Mmes et MM. »: unknown).
        self.group_civility: str | None = None
        self.mixed_group = False
        self.pending_counts: HeaderCounts | None = None  # printed for the items to come
        self.pending_line = 0
        self.keyed = False  # whether a « Rapport n° » or « Délibération n° » line was read

    # -- helpers -------------------------------------------------------------

    def problem(self, message: str, line: int, column: int = 1, length: int = 1, **kw: Any
                ) -> None:
        self.problems.add(message, line, column, length, **kw)

    def note(self, code: str, line: int, column: int = 1, *, subject: str | None = None,
             question: str | None = None, values: tuple[str, ...] = ()) -> None:
        """Leave a reading note (see :class:`~quorum.model.ReadNote`) at a line and column."""
        line, column = self.source.where(line, column)
        self.notes.append(ReadNote(code=code, line=line, column=column, file=self.file,
                                   subject=subject, question=question, values=values))

    def set_field(self, name: str, value: Any, line: int, column: int) -> None:
        if name not in self.fields:
            self.fields[name] = Field(value, line, column)
            if name in ("date", "convened", "place", "opened", "closed", "body"):
                self.locate(name, str(value), line, column)

    def locate(self, what: str, key: str, line: int, column: int = 1) -> None:
        line, column = self.source.where(line, column)
        self.locations.append(Location(what=what, key=key, line=line, column=column,
                                       file=self.file))

    # -- pass 1: lines ---------------------------------------------------------

    def scan(self) -> None:
        source = self.source
        block: Block | None = None
        index = 0
        count = len(source)
        while index < count:
            folded = source.folded[index]
            at = _PREFIX.match(folded).end()  # type: ignore[union-attr]
            if at >= len(folded.rstrip()):
                index += 1
                continue
            line = index + 1
            consumed = 1
            counted = False
            if match := _DELIBERATION.match(folded, at):
                block = Block(line)
                self.blocks.append(block)
                self.keyed = True
                identifier = source.plain[index][match.end():].strip(" .:*")
                titled = _TITLED_KEY.fullmatch(identifier)
                if titled:  # « Délibération n° 2022-38 – Approbation … »: an item
                    block.loose = True  # of the minutes, in the order of the text
                    block.key = block.identifier = titled.group(1)
                    block.key_column = match.end() + 1
                    block.title = titled.group(2).strip() or None
                else:
                    block.identifier = identifier or None
            elif (match := _KEY_LINE.match(folded, at)) and (block is None or block.key):
                block = Block(line)
                self.blocks.append(block)
                self.keyed = True
                self._key_line(block, index, match)
                self._tally_line(block, index, match.end())  # « Point n° 8 – … : adopté (22 voix) »
            elif (not self.keyed and not self.agenda and (self.people or self.proxies)
                  and (item := _ITEM.match(source.plain[index], at))):
                # « 1. Approbation … », « 3/a - Tarifs », « D23/45 – … »: an item of the sitting.
                block = Block(line, loose=True)
                self.blocks.append(block)
                block.key = item.group(1)
                block.key_column = item.start(1) + 1
                block.title = source.plain[index][item.end():].strip() or None
                self._tally_line(block, index, item.end())
            elif not self.agenda and (self.people or self.proxies) and _OBJECT.match(folded, at):
                block = Block(line, loose=True)  # « Objet : … »: an item without a number
                self.blocks.append(block)
                block.title = source.plain[index][folded.index(":", at) + 1:].strip() or None
            elif match and block is not None:
                self._key_line(block, index, match)
                counted = True  # the item's heading, not its text
            elif block is not None and self._election_line(block, index, at):
                pass  # a round of an election: its counts are not the item's header counts
            elif counts := self._counts(index, at):
                # Counts may come one per line (« Présents : 36 », « Votants : 39 »).
                counted = True
                if block is not None and block.body_seen and (block.tally or block.unanimous):
                    # After an item's vote: the counts of the items that follow (a member
                    # came or went) when the next item's heading comes next, else its own.
                    self.pending_counts = _merge_counts(self.pending_counts, counts)
                    self.pending_line = self.pending_line or line
                elif block is not None:
                    block.counts = _merge_counts(block.counts, counts)
                else:
                    self._header_counts(counts, line, at + 1)
            elif block is not None and self._tally_line(block, index, at):
                self._free_text(index, at, block)
            elif (match := _PRESIDENT_CUE.match(folded, at)) and self.president is None:
                # « Président de séance : » / « Présidence : M. X, Maire », maybe on the next line.
                target, begin = index, match.end()
                if not folded[begin:].strip() and index + 1 < count:
                    target, begin, consumed = index + 1, 0, 2
                plain_line = source.plain[target]
                comma = plain_line.find(",", begin)
                self.president = parse_mention(source, target, begin,
                                               comma if comma >= 0 else len(plain_line))
            elif match := _PRESENT.match(folded, at):
                consumed = self._people(index, match.end(), "present", False)
            elif match := _PARALLEL.match(folded, at):
                # « Mandants : A, B » then « Mandataires : C, D »: A → C, B → D.
                consumed = self._parallel(index, match.end(), match.group(1).startswith("mandants"))
            elif match := _SUBSTITUTED.match(folded, at):
                # « Délégués titulaires suppléés : M. X, représenté par sa suppléante Mme Y »
                consumed = self._people(index, match.end(), "absent", False)
            elif match := _ABSENT.match(folded, at):
                excused = "excus" in match.group(0)
                # « Absents excusés ayant donné pouvoir : M. X à M. Y, … »: items are proxies.
                self.absent_proxies = bool(_GAVE_PROXY.search(match.group(0)))
                excused = excused or "represente" in match.group(0)
                consumed = self._people(index, match.end(), "absent", excused)
                self.absent_proxies = False
            elif match := _PROXIES.match(folded, at):
                consumed = self._proxy_list(index, match.end())
            elif match := _SECRETARY.match(folded, at):
                mention = parse_mention(source, index, match.end(), len(folded))
                self._secretary(mention, line, match.end() + 1)
            elif match := _AGENDA.match(folded, at):
                consumed = self._agenda(index, match.end())
            elif _OTHERS.match(folded, at):
                # « Assistaient également : M. X, directeur … »: staff, not members.
                consumed = len(self._list_lines(index, at, join=True))
            else:
                if block is None and not self.blocks:
                    self._names_left_out(index, at)
                self._free_text(index, at, block)
            if block is not None and line != block.line and not counted:
                block.body_seen = True
                if self.pending_counts:  # more of the item's text: the counts were its own
                    block.counts = _merge_counts(block.counts, self.pending_counts)
                    self.pending_counts, self.pending_line = None, 0
            elif block is not None and line == block.line and self.pending_counts:
                block.counts = self.pending_counts
                self.note("header-counts-repeated", self.pending_line, question=block.key)
                self.pending_counts, self.pending_line = None, 0
            index += consumed
        if block is not None and self.pending_counts:  # the last item's own counts
            block.counts = _merge_counts(block.counts, self.pending_counts)
        self._pair_parallel()
        self._drop_headings()

    def _header_counts(self, counts: HeaderCounts, line: int, column: int = 1) -> None:
        """Counts printed in the sitting's header, merged when they come one per line."""
        if "header_counts" in self.fields:
            field = self.fields["header_counts"]
            field.value = _merge_counts(field.value, counts)
        else:
            self.set_field("header_counts", counts, line, column)
            self.locate("header_counts", "sitting", line, column)

    def _key_line(self, block: Block, index: int, match: re.Match[str]) -> None:
        plain = self.source.plain[index]
        group = 1 if match.group(1) is not None else 2  # after « n° », or a bare number
        block.key = plain[match.start(group):match.end(group)].rstrip(".")
        block.key_column = match.start(group) + 1
        title = plain[match.end():].strip().lstrip("-–—:.").strip()
        block.title = title or None

    def _counts(self, index: int, at: int, alone: bool = False) -> HeaderCounts | None:
        """Counts printed on a line of their own: « En exercice 39 Présents 36 Pouvoirs 3
        Votants 39 », « Nombre de conseillers : en exercice : 19 présents : 14 votants : 17 »,
        « Délégués en exercice : 16 — Présents : 12 — … », one per line too.  The members in
        office alone (« En exercice : 33 ») are counts only when ``alone`` (inside a list);
        elsewhere the header's free text reads them."""
        folded = self.source.folded[index]
        if not _DIGIT.search(folded):
            return None
        found = list(_COUNT.finditer(folded, at))
        if not found:
            return None
        position = at
        for match in found:
            if not _COUNT_FILLER.fullmatch(folded, position, match.start()):
                return None
            position = match.end()
        if not _COUNT_FILLER.fullmatch(folded, position, len(folded)):
            return None
        if len(found) == 1 and found[0].group(1).startswith("en") and not alone:
            return None
        values: dict[str, int] = {}
        for match in found:
            word = match.group(1)
            name = ("in_office" if word.startswith("en") else "present" if word.startswith("pr")
                    and "sent" in word else "voters" if word.startswith("vot") else "proxies")
            if name in values:
                return None
            values[name] = int(match.group(2))
        if "in_office" in values:
            self.set_field("in_office", values["in_office"], index + 1, found[0].start(2) + 1)
        return HeaderCounts(**values)

    def _tally_line(self, block: Block, index: int, at: int) -> bool:
        folded = self.source.folded[index]
        if ":" in folded and (label := _TALLY_LABEL.match(folded, at)):
            word = label.group(1)
            if (word.startswith(("conseil", "ne")) and not _COUNT_VALUE.match(folded, label.end())
                    and folded[label.end():].strip()):
                # « Conseiller intéressé : M. X »: names, no count — read below.
                pass
            else:
                self._tallies(block, index, label)
                return True
        if ":" in folded and (label := _TALLY_INSIDE.search(folded, at)):
            # « Vote : Pour : 15 … », « Votants : 10 – Pour : 10 – … », « Adopté à
            # l'unanimité – Pour : 27 »: the tally starts inside the line.
            if "unanimit" in folded[at:label.start()]:
                block.unanimous = True
            self._tallies(block, index, _TALLY_LABEL.match(folded, label.start(1)))
            return True
        handled = False
        if "voix" in folded or "abstention" in folded or "votants" in folded:
            handled = self._prose_tally(block, index, at)
        if "interess" in folded and (interested := _INTERESTED.search(folded, at)):
            after = folded[interested.end():].strip()
            if after.startswith(":"):
                colon = folded.index(":", interested.end())
                block.interested.extend(self._names(index, colon + 1, len(folded)))
            else:
                block.interested.extend(self._names(index, at, interested.start()))
            handled = True
        elif "au vote" in folded and (not_voting := _NOT_VOTING.search(folded, at)):
            if not_voting.start() > at:
                block.not_voting.extend(self._names(index, at, not_voting.start()))
            elif folded[not_voting.end():].lstrip().startswith(("*", ":")):
                # « Ne prend pas part au vote : M. X »: the names follow.
                colon = folded.index(":", not_voting.end())
                block.not_voting.extend(self._names(index, colon + 1, len(folded)))
            handled = True
        if "unanimit" in folded and _UNANIMOUS.search(folded, at):
            block.unanimous = True
            handled = True
        if "secret" in folded and _SECRET.search(folded, at):
            block.secret = True
            handled = True
        if "demande" in folded and (request := _BALLOT_REQUEST.search(folded, at)):
            # « À la demande de 12 conseillers, il est procédé au scrutin secret »
            count = int(request.group("count") or request.group("count2"))
            if "public" in request.group(0):
                block.public_requested = count
            else:
                block.secret_requested = count
            handled = True
        return handled

    def _election_line(self, block: Block, index: int, at: int) -> bool:
        """A line of an election: a round's heading, its counts, the candidates' votes, the
        proclamation.  Other lines return ``False`` (« Il est procédé à l'élection au scrutin
        secret » marks the block as an election and is read further as usual)."""
        folded = self.source.folded[index]
        plain = self.source.plain[index]
        line = index + 1
        if _ELECTION_SAID.search(folded, at):
            block.election = True
        if "secret" in folded and _NOT_SECRET.search(folded, at):
            block.election = True  # an appointment voted openly, not a secret ballot
            if "unanimit" in folded:
                block.unanimous = True
            return True
        handled = False
        if heading := _ROUND.match(folded, at):
            word = heading.group(1)
            digits = _NUMERIC.match(word)
            number = int(digits.group(0)) if digits else _ROUND_WORDS[word]
            block.rounds.append(RoundEntry(number, line))
            block.election = handled = True
            at = heading.end()
            if at >= len(folded.rstrip()):
                return True
        counts = self._election_counts(block, folded, at)
        if counts is not None:
            current = block.rounds[-1] if block.rounds else None
            if current is None or current.candidates or any(
                    getattr(current, name) is not None for name in counts if name != "blank"):
                current = RoundEntry(len(block.rounds) + 1 if current is None
                                     else current.number + 1, line)
                block.rounds.append(current)
            for name, value in counts.items():
                if name == "blank" and current.blank is not None:
                    value += current.blank  # « Bulletins blancs : 1 » then « Bulletins nuls : 0 »
                setattr(current, name, value)
            block.election = True
            return True
        if block.election or block.rounds:
            candidates = self._candidates(folded, plain, at)
            if candidates:
                if not block.rounds:
                    block.rounds.append(RoundEntry(1, line))
                block.rounds[-1].candidates.extend(candidates)
                return True
        if "elu" in folded and (proclaimed := _PROCLAIMED.search(folded, at)) and (
                block.election or block.rounds or not proclaimed.group(0).startswith("est elu")):
            # « est élu » alone (« Mme Y est élue secrétaire de séance ») only in an election.
            end = proclaimed.start()
            comma = plain.find(",", at, end)
            name = plain[at:comma if comma >= 0 else end].strip(" .:-\u2013")
            if name:
                block.election = True
                block.elected = name
                block.elected_by_age = bool(_BY_AGE.search(folded, at))
                return True
        return handled

    @staticmethod
    def _election_counts(block: Block, folded: str, at: int) -> dict[str, int] | None:
        """« Nombre de votants : 21 – Bulletins blancs ou nuls : 1 – Suffrages exprimés :
        20 – Majorité absolue : 11 »: the whole line, or ``None``."""
        found = list(_ELECTION_COUNT.finditer(folded, at))
        if not found or not (block.rounds or _ELECTION_ONLY.search(folded)
                             or (block.election and _ELECTION_CUE.search(folded))):
            return None  # « Votants : 20 » alone, outside a round: the item's counts
        position = at
        for match in found:
            if not _ELECTION_SEPARATORS.fullmatch(folded, position, match.start()):
                return None
            position = match.end()
        if not _ELECTION_SEPARATORS.fullmatch(folded, position, len(folded)):
            return None
        values: dict[str, int] = {}
        for match in found:
            word, value = match.group(1), int(match.group(2))
            if word.startswith("nombre de bulletins"):
                continue
            name = ("voters" if "votants" in word else "cast" if word.startswith("suffrages")
                    else "majority" if word.startswith("majorite") else "blank")
            values[name] = values.get(name, 0) + value if name == "blank" else value
        return values

    @staticmethod
    def _candidates(folded: str, plain: str, at: int) -> list[tuple[str, int]]:
        """« M. X : 14 voix – Mme Y : 6 voix »: the whole line, or nothing."""
        found: list[tuple[str, int]] = []
        position = _ELECTION_SEPARATORS.match(folded, at).end()  # type: ignore[union-attr]
        end = len(folded.rstrip())
        while position < end:
            match = _CANDIDATE.match(folded, position)
            if match is None or match.group(1).strip() in ("pour", "contre", "abstention",
                                                           "abstentions"):
                return []
            found.append((plain[match.start(1):match.end(1)].strip(), int(match.group(2))))
            position = _ELECTION_SEPARATORS.match(folded, match.end()).end()  # type: ignore
        return found

    def _prose_tally(self, block: Block, index: int, at: int) -> bool:
        """« Adopté par 21 voix pour, 5 voix contre et 1 abstention », « à l'unanimité
        (19 voix) », « à l'unanimité des 17 votants »: figures written in a sentence."""
        folded = self.source.folded[index]
        line = index + 1
        found: dict[str, int] = {}
        for match in _PROSE_COUNT.finditer(folded, at):
            name = ("pour" if match.group(2) == "pour" else "contre"
                    if match.group(2) == "contre" else "abstention")
            found.setdefault(name, int(match.group(1)))
        if not found and "unanimit" in folded and (all_of := _UNANIMOUS_COUNT.search(folded, at)):
            found = {"pour": int(all_of.group(1) or all_of.group(2))}
            block.unanimous = True
        if not found or block.tally:
            return bool(found)
        if "pour" not in found:
            return False  # « 4 abstentions » alone is no tally
        for name, count in found.items():
            block.tally[name] = (count, line)
        return True

    def _tallies(self, block: Block, index: int, label: re.Match[str] | None) -> None:
        """« Pour : 117 voix », « Contre : 2 (M. A, Mme B) », « Contre : 1 - M. A », « une »."""
        folded = self.source.folded[index]
        line = index + 1
        while label is not None:
            word = label.group(1)
            name = ("pour" if word == "pour" else "contre" if word == "contre"
                    else "abstention" if word.startswith("abst")
                    else "interested" if word.startswith("conseil")
                    else "not_voting" if word.startswith(("ne", "non"))
                    else "blank")
            value = _COUNT_VALUE.match(folded, label.end())
            if value is None:
                rest = folded[label.end():].rstrip()
                self.problem(f"le nombre après « {word} » ne se lit pas : écrivez un nombre",
                             line, label.end() + 1, max(1, len(rest) - label.end()))
                return
            count = int(value.group(1)) if value.group(1) else _WORDS[value.group(2)]
            if name in block.tally:
                self.problem(f"une seconde ligne « {word} » dans cette délibération "
                             f"(la première ligne {block.tally[name][1]})",
                             line, label.start() + 1, value.end() - label.start())
            else:
                block.tally[name] = (count, line)
            position = value.end()
            if unit := _UNIT.match(folded, position):
                position = unit.end()
            position, label = self._tally_rest(block, index, name, count, position)
            if label is None and position < len(folded.rstrip()):
                text = self.source.plain[index][position:].strip()
                column = position + len(folded[position:]) - len(folded[position:].lstrip()) + 1
                self.problem(f"« {text} » ne se lit pas après le nombre de « {word} »",
                             line, column, len(text))
                return

    def _tally_rest(self, block: Block, index: int, name: str, count: int, position: int
                    ) -> tuple[int, re.Match[str] | None]:
        """What follows one count: the next label, or the names counted. (where, next label)"""
        folded = self.source.folded[index]
        raw = self.source.raw[index]
        end = len(folded.rstrip())
        after = _SEPARATORS.match(folded, position).end()  # type: ignore[union-attr]
        if after >= end:
            return end, None
        if label := _TALLY_LABEL.match(folded, after):
            return after, label
        stripped = _SPACES.match(folded, position).end()  # type: ignore[union-attr]
        if folded.startswith("(", stripped):
            close = raw.find(")", stripped)
            if close < 0:
                return position, None
            names_start, names_end, position = stripped + 1, close, close + 1
        elif lead := _NAMES_LEAD.match(folded, position):
            following = None
            for candidate in re.finditer(r"[,;.]\s*", folded[lead.end():end]):
                if _TALLY_LABEL.match(folded, lead.end() + candidate.end()):
                    following = lead.end() + candidate.start()
                    break
            names_start, names_end = lead.end(), following if following is not None else end
            position = names_end
        else:
            return position, None
        names = ([] if folded[names_start:names_end].lstrip().startswith("dont ")
                 else self._names(index, names_start, names_end))
        if not names:
            if not folded[names_start:names_end].lstrip().startswith("dont "):
                return names_start, None
        elif len(names) != count:
            self.problem(f"{len(names)} nommé(s) ici pour un nombre de {count}", index + 1,
                         names_start + 1, max(1, names_end - names_start))
        target = {"not_voting": block.not_voting, "interested": block.interested}.get(name)
        if name in ("pour", "contre", "abstention") and names:
            block.named.setdefault(name, []).extend(names)  # « Contre : 2 (M. A, Mme B) »
        if target is not None:
            known = {m.name for m in target}
            target.extend(m for m in names if m.name not in known)
        after = _SEPARATORS.match(folded, position).end()  # type: ignore[union-attr]
        if after >= end:
            return end, None
        return after, _TALLY_LABEL.match(folded, after)

    def _names(self, index: int, start: int, end: int) -> list[Mention]:
        """The people named between two offsets (« Mme A, M. B et C »), footnotes dropped."""
        mentions = []
        folded = self.source.folded[index]
        for item in split_items(self.source, index, start, end):
            stop = self.source.raw[index].find("(", item.start, item.end)
            stop = stop if stop >= 0 else item.end
            # Here « et » always separates two people (« MM. Paul A et Jean B »).
            begin = item.start
            for and_start, and_end in _and_spans(folded, item.start, stop):
                mention = parse_mention(self.source, index, begin, and_start)
                if mention is not None:
                    mentions.append(mention)
                begin = and_end
            mention = parse_mention(self.source, index, begin, stop)
            if mention is not None:
                mentions.append(mention)
        return mentions

    def _list_lines(self, index: int, start: int, join: bool = False, proxies: bool = False
                    ) -> list[tuple[int, int]]:
        """The line (index, start offset) pieces of a list: its line and continuation lines.

        With ``join``, a line that continues an item wrapped in its middle (« M. David »
        then « DODANE, … », « (jusqu'à la » then « question n°16 incluse) ») is joined to
        the line before with a space, whatever it begins with, and left blank.
        """
        source = self.source
        pieces = [(index, start)]
        following = index + 1
        target = index
        joined: list[int] = []
        # The end of the logical line (an item is short) and whether its last item is left
        # open (parentheses, bold), kept as lines are joined: never the whole line again.
        raw, folded_end = source.raw[index][start:], source.folded[index][start:]
        depth, bold = raw.count("(") - raw.count(")"), raw.count("**") % 2
        raw, folded_end = raw[-400:], folded_end[-400:]
        while following < len(source):
            folded = source.folded[following]
            if not folded.strip():
                after = self._after_blank(following)
                if after is None or not self._list_goes_on(raw, folded_end, after, proxies,
                                                           depth > 0 or bool(bold)):
                    break
                # A blank line inside a list (a page break, a conversion): the list goes on.
                for skipped in range(following, after):  # blank lines and page furniture
                    self._skip_furniture(skipped)
                    pieces.append((skipped, len(source.raw[skipped])))
                following = after
                continue
            if self._furniture(following):
                # A page number or a running header left inside a list by a page break: the
                # list goes on over it.
                self._skip_furniture(following)
                pieces.append((following, len(source.raw[following])))
                following += 1
                continue
            section = _starts_section(folded)
            if section and (counts := self._counts(following, 0, alone=True)) is not None:
                # A box of counts interleaved with the names (two columns flattened):
                # the counts are read, the list goes on.
                self._header_counts(counts, following + 1)
                pieces.append((following, len(source.raw[following])))
                following += 1
                continue
            if join and (depth > 0 or bold or _wrapped(raw, folded_end, source.raw[following],
                                                       folded, proxies, section)):
                line = source.raw[following]
                depth += line.count("(") - line.count(")")
                bold = (bold + line.count("**")) % 2
                raw = (raw + " " + line)[-400:]
                folded_end = (folded_end + " " + folded)[-400:]
                joined.append(following)
                pieces.append((following, 0))
                following += 1
                continue
            if joined:
                source.join(target, joined)
                joined = []
            if section or _unknown_cue(source.plain[following]):
                break  # « Ne siégeaient pas : … »: a section the reader does not know
            pieces.append((following, 0))
            target = following
            raw, folded_end = source.raw[following], folded
            depth, bold = raw.count("(") - raw.count(")"), raw.count("**") % 2
            raw, folded_end = raw[-400:], folded_end[-400:]
            following += 1
        if joined:
            source.join(target, joined)
        return pieces

    def _dated(self, index: int) -> bool:
        """Whether line ``index`` holds a date (a running header's, as a rule)."""
        try:
            return find_date(self.source.folded[index]) is not None
        except BadDate:
            return True

    def _furniture(self, index: int) -> bool:
        """Whether line ``index`` is a page number or a running header (a line naming the
        council and a date, no civility, no list separator) left by a page break."""
        folded = self.source.folded[index]
        if _FURNITURE.fullmatch(folded):
            return True
        at = _PREFIX.match(folded).end()  # type: ignore[union-attr]
        return bool(_HEADER_WORDS.search(folded)) and "," not in folded and ";" not in folded \
            and civility_at(folded, at, len(folded)) is None and self._dated(index)

    def _skip_furniture(self, index: int) -> None:
        """Say a running header skipped inside a list (a number alone says nothing)."""
        folded = self.source.folded[index]
        if folded.strip() and not _FURNITURE.fullmatch(folded):
            self.note("list-interrupted", index + 1, 1,
                      values=(" ".join(self.source.raw[index].split()),))

    def _after_blank(self, index: int) -> int | None:
        """The first line after the blank lines from ``index`` and the page furniture among
        them (at most a few lines), if any."""
        budget = 8  # blank lines and headers; row numbers (« 1 », « 2 » …) do not count
        for following in range(index, len(self.source)):
            folded = self.source.folded[following]
            if folded.strip() and not self._furniture(following):
                return following
            if not _ROW_NUMBERS.fullmatch(folded) or not folded.strip():
                budget -= 1
                if budget == 0:
                    return None
        return None

    def _list_goes_on(self, raw: str, folded: str, index: int, proxies: bool,
                      open_item: bool = False) -> bool:
        """Whether the line ``index``, after blank lines, continues the list ending in ``raw``.

        It does when the list is left open (nothing yet after the cue, a trailing comma or
        semicolon, an item cut in its middle) or when the line begins with a civility; a
        line that begins a section, or prose after a closed list, ends it.
        """
        next_raw, next_folded = self.source.raw[index], self.source.folded[index]
        at = _PREFIX.match(next_folded).end()  # type: ignore[union-attr]
        if open_item and not _LIST_CUE.match(next_folded, at):
            return True  # inside parentheses or bold: the item goes on
        if _starts_section(next_folded) and not _counts_only(next_folded):
            return False
        content = raw.rstrip()
        if _ITEM.match(self.source.plain[index], at) or _OBJECT.match(next_folded, at):
            return False  # « 1. Tarifs … »: the first item of the sitting
        if _PROSE.match(next_folded, at) or _PROSE_VERB.search(next_folded, at):
            return False
        if not content or content.endswith((",", ";", ":")):
            return True
        last = folded.split()[-1] if folded.split() else ""
        if content.endswith(".") and last not in _CONNECTIVE and not _INITIAL.fullmatch(last):
            return False  # the list was closed (not « M. », « J. »)
        if civility_at(next_folded, at, len(next_folded)) is not None:
            return True
        return _wrapped(raw, folded, next_raw, next_folded, proxies, False) and not \
            _PROSE.match(next_folded, at)

    def _walk(self, index: int, start: int, canonical: bool,
              entry: Callable[[int, int, int, tuple[str, int, int] | None], None]) -> int:
        """Walk a list: call ``entry(line, start, end, commune)`` for each name in it.

        Commune headings, bold or run on from the previous name, set the
        commune of the names after them; those of the lists of people present
        or absent are ``canonical`` (kept as the communes' spellings).
        Returns how many lines the list takes.
        """
        pieces = self._list_lines(index, start, join=True, proxies=not canonical)
        commune: tuple[str, int, int] | None = None
        for line_index, offset in pieces:
            raw = self.source.raw[line_index]
            if bullet := _BULLET.match(raw, offset):  # « - M. X » one per line
                offset = bullet.end()
            items = split_items(self.source, line_index, offset, len(raw))
            if canonical and len(items) == 1 and self._table_heading(items[0]):
                # A table flattened: « BROUSSE-LE-HAUT » alone on its line over its delegates;
                # « COMMUNE », « DÉLÉGUÉS » are the columns' headings.
                item = items[0]
                if not _COLUMN_HEADING.fullmatch(self.source.folded[line_index], item.start,
                                                 item.end):
                    commune = self._heading(line_index, item.start, item.end, canonical)
                continue
            for item in items:
                if item.kind == "heading":
                    commune = self._heading(line_index, item.start, item.end, canonical)
                    continue
                begin = item.start
                for colon in colons(raw, item.start, item.end):
                    name_span, heading = split_run_on(self.source, line_index, begin, colon)
                    if name_span is not None:
                        entry(line_index, *name_span, commune)
                    if heading[1] > heading[0] and not _ROLE.fullmatch(
                            self.source.folded[line_index], *heading):
                        commune = self._heading(line_index, *heading, canonical)
                    begin = colon + 1
                if begin < item.end:
                    entry(line_index, begin, item.end, commune)
        return len(pieces)

    def _table_heading(self, item: Item) -> bool:
        """Whether a line's only item is a commune in capitals (no civility, no first name)."""
        text = self.source.plain[item.line][item.start:item.end]
        folded = self.source.folded[item.line]
        return (text.isupper() and not any(c.isdigit() or c in "()" for c in text)
                and self.group_civility is None
                and civility_at(folded, item.start, item.end) is None
                and not _ROLE.fullmatch(folded, item.start, item.end))

    def _people(self, index: int, start: int, listed: str, excused: bool) -> int:
        previous: list[Person | None] = [None]
        self.group_civility, self.mixed_group = None, False  # a group ends with its list

        def entry(line: int, begin: int, end: int, commune: tuple[str, int, int] | None
                  ) -> None:
            previous[0] = self._person(line, begin, end, listed, excused, commune, previous[0])

        return self._walk(index, start, True, entry)

    def _heading(self, index: int, start: int, end: int, canonical: bool
                 ) -> tuple[str, int, int]:
        name = " ".join(self.source.plain[index][start:end].split()).strip(" *:")
        heading = (name, *self.source.where(index + 1, start + 1))
        if canonical:
            self.headings.append(heading)
        return heading

    def _person(self, index: int, start: int, end: int, listed: str, excused: bool,
                commune: tuple[str, int, int] | None, previous: Person | None
                ) -> Person | None:
        source = self.source
        folded = source.folded[index]
        raw = source.raw[index]
        while start < end and folded[start] in " \t":
            start += 1
        tail = TAIL.search(folded, max(0, start - 1), end)
        if tail is not None and tail.start() <= start:
            # « …, suppléé par Mme X » or « …, pouvoir à M. Y »: about the previous person.
            if previous is None:
                self.problem("ceci ne suit aucun nom", index + 1, start + 1, end - start)
                return None
            self._tail(previous, index, tail, end, listed)
            return previous
        if tail is None and self.absent_proxies and (
                bare := PROXY_SEPARATOR.search(_mask_parentheses(folded, start, end))):
            # « M. X à Mme Y » in a list of those absent who gave a proxy.
            self._proxy(index, start, end, commune)
            giver_end = self._name_end(index, start, start + bare.start())
            giver = parse_mention(source, index, start, giver_end)
            if giver is None:
                return previous
            person = Person(giver, listed, commune[0] if commune else None, excused=excused)
            self.people.append(person)
            return person
        paren = raw.find("(", start, end)
        name_end = min(paren if paren >= 0 else end, tail.start() if tail else end)
        special = _MAYBE_NO_NAME.match(folded, start, name_end) is not None  # one cheap test
        if special and _NOBODY.fullmatch(folded, start, end):
            return previous  # « Absents : néant »
        if special and _ROW_NUMBERS.fullmatch(folded, start, name_end):
            return previous  # row numbers pulled away from their names: « 1 », « 18 19 20 21 »
        if special and previous is not None and _EXCUSED_ITEM.fullmatch(folded, start, end):
            previous.excused = True  # « M. Paul TISSOT, excusé, pouvoir à … »
            return previous
        if raw.find(" pour ", start, name_end) >= 0 and (
                group_commune := _FOR_COMMUNE.search(raw, start, name_end)):
            # « Mme Odile RAVIER pour SAINT-AUBIN-DES-CHAUMES »: the delegates' commune.
            commune = (group_commune.group(1), index + 1, group_commune.start(1) + 1)
            name_end = group_commune.start()
        if special and BY_OFFICE.fullmatch(folded, start, name_end):
            # « Présents : M. le Maire, MM. … »: the president, named by office.
            self.office_listed = (listed, index + 1, start + 1)
            return previous
        if (special and _ROLE.fullmatch(folded, start, name_end)) or start >= name_end:
            return previous  # « Maire », « Adjoints », « Conseillers Municipaux »: a label
        if _GROUP_CIVILITY.fullmatch(folded, start, name_end):
            self.mixed_group = True  # « Mmes et MM. A, B »: the gender of each is not said
            return previous
        mention = parse_mention(source, index, start, name_end)
        if mention is None:
            self.problem("attendu : le nom d'un membre", index + 1, start + 1,
                         max(1, end - start))
            return previous
        mention = self._grouped(folded, start, name_end, mention)
        if (mention.civility is None and self.group_civility is None
                and civility_at(folded, start, name_end) is None
                and " " not in mention.name and not is_caps(mention.name)):
            # « Yves » alone, no civility, no surname in capitals: no member.
            self.note("item-unreadable", index + 1, start + 1,
                      values=(mention.written, _LIST_NAMES[listed]))
            return previous
        person = Person(mention, listed, commune[0] if commune else None, excused=excused)
        read_annotations(source, index, name_end, tail.start() if tail else end, person.annotation)
        self.people.append(person)
        if tail is not None:
            self._tail(person, index, tail, end, listed)
        return person

    def _tail(self, person: Person, index: int, tail: re.Match[str], end: int,
              listed: str) -> None:
        source = self.source
        name_end = self._name_end(index, tail.end(), end)
        other = parse_mention(source, index, tail.end(), name_end)
        if other is None:
            self.problem("attendu : un nom après ceci", index + 1, tail.start() + 2,
                         tail.end() - tail.start() - 1)
            return
        annotation = Annotation()
        self._windows_after(index, name_end, end, annotation)
        if tail.group(1):  # « M. X suppléé par Mme Y »: Y sits for X
            substitute = Person(other, "present", person.commune, annotation, substitute=True,
                                 substitute_of=person.mention)
            if not person.annotation.markers:
                person.listed = "implicit"
            self.people.append(substitute)
        elif tail.group(2):  # « Mme Y ayant la suppléance de M. X »
            person.substitute = True
            person.substitute_of = other
        elif listed == "present":
            # « M. X (départ à la question 4) a donné pouvoir à M. Y »: X's own window
            # stays X's; the proxy runs when X is gone (see the builder).
            self.proxies.append(ProxyEntry(person.mention, other, annotation.markers, None,
                                           annotation, while_away=True))
        else:  # « M. X a donné pouvoir à M. Y »
            markers = [*person.annotation.markers, *annotation.markers]
            person.annotation.markers = []
            self.proxies.append(ProxyEntry(person.mention, other, markers, None, annotation))

    def _proxy_list(self, index: int, start: int) -> int:
        return self._walk(index, start, False, self._proxy)

    def _grouped(self, folded: str, start: int, end: int, mention: Mention) -> Mention:
        """``mention`` under the group civility of its list (« MM. BASTIDE, CHAMBON, Mmes
        DELORME »: for every name up to the next civility; none after « Mmes et MM. »),
        the group opened, kept or closed by it."""
        if group := _GROUP_CIVILITY.match(folded, start, end):
            self.group_civility = ("" if self.mixed_group else "Mme"
                                   if group.group(1).startswith(("mme", "mes")) else "M.")
            self.mixed_group = False
            return mention._replace(civility=self.group_civility or None)
        if mention.civility is None and civility_at(folded, start, end) is None:
            if self.group_civility is not None:
                return mention._replace(civility=self.group_civility or None)
            return mention
        self.group_civility = None
        return mention

    def _parallel(self, index: int, start: int, givers: bool) -> int:
        """One of the parallel lists of proxies (« Mandants : … », « Mandataires : … »)."""
        found = self.givers if givers else self.holders
        self.group_civility, self.mixed_group = None, False  # a group ends with its list

        def entry(line: int, begin: int, end: int, commune: tuple[str, int, int] | None
                  ) -> None:
            name_end = self._name_end(line, begin, end)
            mention = parse_mention(self.source, line, begin, name_end)
            if mention is None:
                self.problem("attendu : le nom d'un membre", line + 1, begin + 1,
                             max(1, end - begin))
                return
            mention = self._grouped(self.source.folded[line], begin, name_end, mention)
            annotation = Annotation()
            self._windows_after(line, name_end, end, annotation)
            found.append((mention, annotation))

        return self._walk(index, start, False, entry)

    def _drop_headings(self) -> None:
        """« 3 - FINANCES » over « 3/a - … », « 3/b - … »: a heading, not a question."""
        keys = [block.key for block in self.blocks if block.loose and block.key]
        for block in self.blocks:
            key, title = block.key, block.title or ""
            if (block.loose and key and title.isupper() and not block.tally
                    and any(other.startswith((f"{key}/", f"{key}.", f"{key}-"))
                            for other in keys)):
                block.key = None
                block.heading = True

    def _pair_parallel(self) -> None:
        """Pair the givers and holders of the parallel lists by position."""
        if not self.givers and not self.holders:
            return
        if len(self.givers) != len(self.holders):
            first = (self.givers or self.holders)[0][0]
            self.problem(f"{len(self.givers)} mandants pour {len(self.holders)} mandataires : "
                         "les deux listes se lisent rang par rang", first.line, first.column,
                         first.length)
            return
        for (giver, given), (holder, held) in zip(self.givers, self.holders, strict=True):
            annotation = given if given.markers else held
            self.proxies.append(ProxyEntry(giver, holder, annotation.markers, None, annotation))

    def _name_end(self, index: int, start: int, end: int) -> int:
        """Where the name from ``start`` stops: at « ( » or a window without parentheses."""
        paren = self.source.raw[index].find("(", start, end)
        stop = paren if paren >= 0 else end
        bare = BARE_WINDOW.search(self.source.folded[index], start, stop)
        return bare.start() if bare else stop

    def _windows_after(self, index: int, start: int, end: int, into: Annotation) -> None:
        """The windows after a name: « jusqu'au point n° 6 » bare, then parenthesised."""
        paren = self.source.raw[index].find("(", start, end)
        bare_end = paren if paren >= 0 else end
        if self.source.folded[index][start:bare_end].strip():
            parse_annotation(self.source, index, start, bare_end, into)
        if paren >= 0:
            read_annotations(self.source, index, paren, end, into)

    def _proxy(self, index: int, start: int, end: int,
               commune: tuple[str, int, int] | None) -> None:
        source = self.source
        raw = source.raw[index]
        masked = _mask_parentheses(source.folded[index], start, end)
        separator = PROXY_SEPARATOR.search(masked)
        if separator is not None and (pieces := _run_on_proxies(masked)):
            # « Madame A à Monsieur B Monsieur C à Madame D »: proxies with no separator.
            for begin, stop in pieces:
                self._proxy(index, start + begin, start + stop, commune)
            return
        if separator is None:
            self.problem("attendu : « mandant à mandataire » dans la liste des procurations",
                         index + 1, start + 1, end - start)
            return
        before, after = start + separator.start(), start + separator.end()  # in the line
        paren = raw.find("(", start, before)
        giver = parse_mention(source, index, start, paren if paren >= 0 else before)
        annotation = Annotation()
        if paren >= 0:
            read_annotations(source, index, paren, before, annotation)
        holder_end = self._name_end(index, after, end)
        holder = parse_mention(source, index, after, holder_end)
        self._windows_after(index, holder_end, end, annotation)
        if giver is None or holder is None:
            self.problem("attendu : les noms du mandant et du mandataire d'une procuration",
                         index + 1, start + 1, end - start)
            return
        for line, column, length, text in annotation.unreadable:
            self.problem(f"« {text} » ne se lit pas comme une fenêtre de questions", line,
                         column, length)
        for line, column, text in annotation.timed:
            self.note("window-by-time", line, column, subject=giver.name, values=(text,))
        self.proxies.append(ProxyEntry(giver, holder, annotation.markers, commune,
                                        annotation))

    def _secretary(self, mention: Mention | None, line: int, column: int) -> None:
        if mention is None:
            self.problem("attendu : le nom du secrétaire de séance", line, column)
        elif self.secretary is None:
            self.secretary = mention

    def _agenda(self, index: int, start: int) -> int:
        pieces = self._list_lines(index, start)
        for number, (line_index, offset) in enumerate(pieces[1:], start=1):
            if _WORD.search(self.source.folded[line_index], offset):
                # « La séance est ouverte … » right after the keys (a PDF has no blank line):
                # the order of passage stops where words begin.
                pieces = pieces[:number]
                break
        if self.agenda:
            self.problem(f"un second ordre de passage (le premier est ligne {self.agenda[0][1]})",
                         index + 1, 1, len(self.source.raw[index]))
            return len(pieces)
        seen: dict[str, int] = {}
        for line_index, offset in pieces:
            plain = self.source.plain[line_index]
            content = plain[offset:]
            separators = ("," in content or ";" in content
                          or _RANGE.fullmatch(content.strip(" .")) is not None)
            for match in re.finditer(r"[^,;\s]+(?:\s+[^,;\s]+)*" if separators else r"\S+",
                                     plain[offset:]):
                text = match.group().strip(" .")
                text = re.sub(r"^(?:n\s*[°o]\s*\.?\s*)", "", text, flags=re.IGNORECASE)
                column = offset + match.start() + 1
                if not text:
                    continue
                span = _RANGE.fullmatch(text)
                keys = ([str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1)]
                        if span and int(span.group(2)) - int(span.group(1)) < 10000 else [text])
                for key in keys:
                    if key in seen:
                        self.problem(f"la question {key} figure deux fois dans l'ordre de passage",
                                     line_index + 1, column, len(match.group()))
                        continue
                    seen[key] = line_index + 1
                    self.agenda.append((key, line_index + 1, column))
        return len(pieces)

    def _free_text(self, index: int, at: int, block: Block | None) -> None:
        source = self.source
        folded = source.folded[index]
        plain = source.plain[index]
        line = index + 1
        if self.people and ("quitt" in folded or "arriv" in folded or "rejoin" in folded
                            or "retir" in folded):
            self._movement(index, at, block)
        if "date" not in self.fields and _SEANCE.match(folded, at):
            self._date("date", index, at)
        if "date" not in self.fields and block is None and not self.people:
            self._title_date(index, at)
        if "date" not in self.fields and "l'an " in folded and (
                written := find_written_date(folded, at)):
            self.set_field("date", written[0], line, written[1] + 1)
        if ("body" not in self.fields and block is None and _BODY.match(folded, at)
                and "convoqu" not in folded and len(folded) < 200 and ":" not in folded):
            self.set_field("body", " ".join(plain[at:].split()).rstrip(" .,"), line, at + 1)
        if ("in_office" not in self.fields and "exercice" in folded
                and (match := _IN_OFFICE.search(folded, at))):
            self.set_field("in_office", int(match.group(1)), line, match.start(1) + 1)
            self.locate("in_office", match.group(1), line, match.start(1) + 1)
        if ("convened" not in self.fields and "convo" in folded
                and (match := _CONVENED.search(folded, at))):
            # « légalement convoqué, s'est réuni » names no date: only a label or « convoqué
            # le » promises one.
            promised = bool(re.search(r"\ble\s|du\s|:|date", match.group()))
            self._date("convened", index, match.end(), anchored=promised)
        if (self.president is None and "presidence" in folded
                and (match := _PRESIDENCE.search(folded, at))):
            self._presidency(index, match.end())
        if "place" not in self.fields and "reuni" in folded and (match := _MET.search(folded, at)):
            stop = _PRESIDENCE.search(folded, match.end())
            end = stop.start() if stop else len(folded)
            place = plain[match.end():end].strip().rstrip(",.").strip()
            if place:
                self.set_field("place", " ".join(place.split()), line, match.end() + 1)
        for name, pattern in (("opened", _OPENED), ("closed", _CLOSED)):
            if name not in self.fields and " a " in folded and (
                    match := pattern.search(folded, at)):
                self._time(name, index, match.end())
        if "habitants" in folded:
            if match := _SMALL.search(folded, at):
                self.set_field("small", True, line, match.start() + 1)
            elif match := _POPULATION.search(folded, at):
                population = int(re.sub(r"\D", "", match.group(1)))
                self.set_field("small", population < 3500, line, match.start(1) + 1)
        if "assemblee" in folded and (match := _KIND.search(folded, at)):
            self.set_field("kind", match.group(1), line, match.start(1) + 1)
        if ("reports_sent" not in self.fields and block is None and "rapports" in folded
                and (sent := _REPORTS_SENT.search(folded, at))):
            self._date("reports_sent", index, sent.end(), anchored=True)
        if "urgence" in folded and block is None and _URGENT.search(folded, at):
            self.set_field("urgent", True, line, at + 1)
        if "quorum" in folded and _RECONVENED.search(folded, at):
            self.set_field("reconvened", True, line, at + 1)
        if (self.secretary is None and "secretaire" in folded
                and (match := _SECRETARY_SENTENCE.search(folded, at))):
            self._secretary(parse_mention(source, index, at, match.start()), line, at + 1)

    def _names_left_out(self, index: int, at: int) -> None:
        """A line before the items that names several people but is in no list the reader
        knows (an unknown cue, a list cut from its cue): said, never dropped in silence."""
        raw = self.source.raw[index]
        folded = self.source.folded[index]
        names = len(_NAME_LIKE.findall(raw, at))
        alone = names == 1 and _NAME_LIKE.fullmatch(raw.strip().rstrip(",;."))
        if not (names and _unknown_cue(raw)) and not alone and (
                names < 2 or _PRESIDENCE.search(folded) or _PROSE.match(folded, at)
                or _PROSE_VERB.search(folded, at)):
            return  # one name, or a sentence of the minutes
        excerpt = " ".join(raw[at:].split())
        self.note("list-interrupted", index + 1, at + 1,
                  values=(excerpt if len(excerpt) <= 80 else excerpt[:79] + "…",))

    def _movement(self, index: int, at: int, block: Block | None) -> None:
        """A member arriving or leaving, told in a sentence of the minutes."""
        source = self.source
        folded = source.folded[index]
        plain = source.plain[index]
        verb = _DEPARTS.search(folded, at)
        kind = "departure"
        subject_end = verb.start() if verb else -1
        if verb is None:
            verb = _ARRIVES.search(folded, at)
            kind = "arrival"
            subject_end = verb.start() if verb else -1
        if verb is None:
            return
        stops = [m.end() for m in _SENTENCE_END.finditer(plain, at, verb.start())]
        sentence = stops[-1] if stops else at
        subject_start = sentence
        if lead := _MOVEMENT_LEAD.match(folded, sentence):  # « Arrivée de Monsieur X à 20h40 »
            kind = "arrival" if lead.group(1).startswith("arriv") else "departure"
            subject_start = lead.end()
            subject_end = _SUBJECT_END.search(folded, subject_start).start()  # type: ignore[union-attr]
        else:
            comma = folded.find(",", sentence, subject_end)
            subject_end = comma if comma >= 0 else subject_end
            if prefix := _SUBJECT_PREFIX.match(folded, subject_start, subject_end):
                subject_start = prefix.end()
        who = parse_mention(source, index, subject_start, subject_end)
        if who is None or not any(is_caps(word) and len(word) > 1 for word in who.name.split()):
            return  # « Le Conseil », « Monsieur le Maire »: no member named
        named = _MOVEMENT_KEY.search(folded, verb.end())
        key = plain[named.start(1):named.end(1)].rstrip(".") if named else None
        holder = None
        if proxy := _PROXY_IN_PROSE.search(folded, verb.end()):
            stop = _SENTENCE_END.search(plain, proxy.end())
            holder = parse_mention(source, index, proxy.end(),
                                   stop.start() if stop else len(folded))
        open_item = block is not None and not block.tally
        end = _SENTENCE_END.search(plain, verb.end())
        text = " ".join(plain[sentence:end.start() + 1 if end else len(plain)].split())
        self.movements.append(Movement(
            who, kind, len(self.blocks), open_item, key, holder,
            resigned="demission" in folded, text=text))

    def _title_date(self, index: int, at: int) -> None:
        """The sitting's date in a title (« PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL
        DU 27 JUIN 2023 », « Conseil communautaire du mardi 9 avril 2024 »), maybe on the
        title's next line; never a convocation's or a publication's date."""
        folded = self.source.folded[index]
        if not _TITLE_WORD.search(folded, at) or _NOT_TITLE.search(folded, at):
            return
        self._date("date", index, at)
        following = index + 1
        if "date" not in self.fields and following < len(self.source):
            after = self.source.folded[following]
            if after.lstrip().startswith("du ") and not _NOT_TITLE.search(after):
                self._date("date", following, 0)

    def _date(self, name: str, index: int, start: int, anchored: bool = False) -> None:
        folded = self.source.folded[index]
        try:
            found = find_date(folded, start)
        except BadDate as error:
            self.problem(f"date impossible : {error}", index + 1, error.start + 1,
                         error.end - error.start)
            self.set_field(name, None, index + 1, error.start + 1)
            return
        if found is None or (anchored and found[1] > start + 12):
            if not anchored:
                return
            self.problem("attendu : une date (« 19 juin 2026 » ou « 19/06/2026 »)",
                         index + 1, start + 1)
            return
        self.set_field(name, found[0], index + 1, found[1] + 1)

    def _time(self, name: str, index: int, start: int) -> None:
        folded = self.source.folded[index]
        try:
            found = find_time(folded, start)
        except BadDate as error:
            self.problem(f"heure impossible : {error}", index + 1, error.start + 1,
                         error.end - error.start)
            return
        if found is not None and found[1] == start:
            self.set_field(name, found[0], index + 1, start + 1)

    def _presidency(self, index: int, start: int) -> None:
        plain = self.source.plain[index]
        comma = plain.find(",", start)
        end = comma if comma >= 0 else len(plain)
        self.president = parse_mention(self.source, index, start, end)
        if comma >= 0:
            title = plain[comma + 1:].strip().rstrip(".").strip()
            match = re.match(r"(?:pr[ée]sidente?|maire)\s+((?:de\s+la|de\s+l'|de|du|des|d')"
                             r"\s*.+)", title, re.IGNORECASE)
            if match:
                self.body_title = " ".join(match.group(1).split())


def _merge_counts(first: HeaderCounts | None, then: HeaderCounts | None) -> HeaderCounts | None:
    """Counts read over several lines: the first value of each count wins."""
    if first is None or then is None:
        return then or first
    values = {name: getattr(first, name) if getattr(first, name) is not None
              else getattr(then, name) for name in ("in_office", "present", "proxies", "voters")}
    return HeaderCounts(**values)


def _covering(pattern: re.Pattern[str], folded: str, start: int) -> list[re.Match[str]]:
    """The matches of ``pattern`` covering the line from ``start`` but for separators, or [].

    The patterns (counts, tallies) begin with a letter, never a separator, so
    each covering match begins right after the separators: matching there
    stops at the first word that is not one, rather than searching the whole
    line for matches that could not cover it.
    """
    found: list[re.Match[str]] = []
    position = start
    while True:
        position = _SEPARATORS.match(folded, position).end()  # type: ignore[union-attr]
        if position == len(folded):
            return found
        match = pattern.match(folded, position)
        if match is None:
            return []
        found.append(match)
        position = match.end()


_MENTION_START = re.compile(r"(?<=\s)(?:monsieur|madame|mademoiselle|mme|mlle|mr|m\.)\s")


def _run_on_proxies(item: str) -> list[tuple[int, int]]:
    """The proxies of an item that runs several together (« A à B C à D »), each a
    (start, end) in ``item``, when every name has a civility; else []."""
    separators = list(PROXY_SEPARATOR.finditer(item))
    if len(separators) < 2:
        return []
    starts = [0, *(m.start() for m in _MENTION_START.finditer(item))]
    if len(starts) != 2 * len(separators):
        return []
    # Giver, separator, holder in turn: each separator between the starts around it.
    for number, separator in enumerate(separators):
        if not starts[2 * number] < separator.start() < starts[2 * number + 1]:
            return []
    ends = [*starts[2::2], len(item)]
    return list(zip(starts[::2], ends, strict=True))


def _and_spans(folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The « et » and « & » between spaces from ``start`` to ``end``, each with its spaces.

    What ``\\s+(?:et|&)\\s+`` finds, but that pattern, searched, would try every
    space of a long run of spaces as a start (quadratic); this finds the word
    with one space either side, then takes in the spaces around it.
    """
    position = start
    while match := _AND.search(folded, position, end):
        begin = match.start()
        while begin > position and folded[begin - 1].isspace():
            begin -= 1
        position = _SPACES.match(folded, match.end(), end).end()  # type: ignore[union-attr]
        yield begin, position


def _mask_parentheses(folded: str, start: int, end: int) -> str:
    """``folded[start:end]`` with what is in parentheses masked by « # ».

    Only the item is copied, never the whole line: a list of proxies written on
    one long line would otherwise be read in quadratic time.
    """
    item = folded[start:end]
    if "(" not in item and ")" not in item:
        return item
    chars = list(item)
    depth = 0
    for index, char in enumerate(chars):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
            chars[index] = "#"
        if depth:
            chars[index] = "#"
    return "".join(chars)


# Whether a line begins with any of these: one pattern tries them all in one
# call (it is asked of every line a list runs on to).
_SECTION = re.compile("|".join(f"(?:{p.pattern})" for p in (
    _PRESENT, _ABSENT, _PROXIES, _SECRETARY, _AGENDA, _DELIBERATION, _KEY_LINE, _SEANCE, _TALLY,
    _COUNT, _PARALLEL, _SUBSTITUTED, _PRESIDENT_CUE,
)))


_CONNECTIVE = frozenset((
    "a", "au", "aux", "de", "du", "des", "la", "le", "les", "et", "&", "par", "son", "sa",
    "m.", "m", "mme", "mme.", "mlle", "mr", "mm.", "mmes", "monsieur", "madame", "pouvoir",
    "procuration", "mandat", "donne", "n°", "n", "no", "jusqu'a", "jusqu'au",
))


def _wrapped(raw: str, folded: str, next_raw: str, next_folded: str, proxies: bool,
             section: bool) -> bool:
    """Whether the next line continues the item at the end of a line (``raw``, ``folded``).

    In a list of proxies, a line whose first item has no « à » continues the line before.
    A line that begins a section (``section``) continues only an item left open: in
    parentheses or bold, or after « à », « de », a civility …
    """
    raw, folded = raw.rstrip(), folded.rstrip()
    if not raw or raw.endswith((",", ";", ":", ":**")) or _BULLET.match(next_raw):
        return False  # « - M. X »: a bullet begins an item
    words = folded.split()
    if words[-1] in _CONNECTIVE or (raw.split()[-1][:1].islower() and not section):
        return True
    if section:
        return False
    after = next_raw.lstrip()
    if after.startswith(("(", ")", ":")) or after[:1].islower():
        return True
    if proxies:
        folded_after = next_folded
        stop = min((i for i in (folded_after.find(","), folded_after.find(";")) if i >= 0),
                   default=len(folded_after))
        item_after = _mask_parentheses(folded_after, 0, stop)
        if ":" not in item_after and not PROXY_SEPARATOR.search(item_after):
            return True
    first = after.split()[0].strip(",;")
    if not (is_caps(first) and sum(c.isalpha() for c in first) > 1):
        return False
    # « …, M. David » then « DODANE, … »: the last item has no surname yet.
    cut = max(raw.rfind(","), raw.rfind(";"), raw.rfind(":"), raw.rfind("*"), raw.rfind(")"),
              folded.rfind(" a "))
    item = folded[cut + 1:]
    item_raw = raw[cut + 1:]
    civility = civility_at(item, len(item) - len(item.lstrip()), len(item))
    begin = civility[1] if civility else 0
    if not any(is_caps(word) and sum(c.isalpha() for c in word) > 1
               for word in item_raw[begin:].split()):
        return True
    # « Mme Emmanuelle HUOT » then « CUSENIER, … »: a surname alone goes on the name before.
    # A line in capitals alone under a line of one name is a heading (a table's commune),
    # not the end of a surname.
    parts = re.split(r"[,;(:]", after, maxsplit=1)
    first_item = parts[0].split()
    if len(parts) == 1 and not section and "," not in raw and ";" not in raw:
        return False  # a line of one item after a line of one item: a table's rows
    return civility is not None and all(
        is_caps(word) and sum(c.isalpha() for c in word) > 1 for word in first_item)


_PROSE = re.compile(r"(?:le|la|les|l'|il|elle|apres|en|aucun\w*|monsieur\s+le|madame\s+le)\s")


_LIST_CUE = re.compile("|".join(f"(?:{p.pattern})" for p in (
    _PRESENT, _ABSENT, _PROXIES, _SECRETARY, _PARALLEL, _SUBSTITUTED, _PRESIDENT_CUE)))
_INITIAL = re.compile(r"[a-z]{1,2}\.")
_PROSE_VERB = re.compile(
    r"\s(?:a|ont)\s+ete\s|\s(?:est|sont|sera|quitte|arrive|rejoint|presente|ouvre|prend|donne"
    r"\s+lecture)\b"
)


_LABEL = re.compile(r"[ \t]*+([^:,;()*\n]{2,60}?)[ \t]*+:")
_PARTICLES = frozenset(("de", "du", "des", "la", "le", "les", "sur", "sous", "en", "aux", "lès",
                        "lez", "et", "d", "l"))


def _unknown_cue(plain: str) -> bool:
    """Whether a line begins with a label and a colon that is no commune heading: words in
    lower case (« Ne siégeaient pas : », « Membres représentés : »), not « Beure : »."""
    label = _LABEL.match(plain)
    if label is None:
        return False
    words = re.split(r"[\s'-]+", label.group(1).strip())
    if len(words) < 2 or _ROLE.fullmatch(fold(label.group(1))):
        return False  # « conseillers municipaux : » between the names of a list
    return any(word[:1].islower() and word not in _PARTICLES for word in words[1:])


def _counts_only(folded: str) -> bool:
    return bool(_DIGIT.search(folded)) and bool(_COUNT.search(folded))


def _starts_section(folded: str) -> bool:
    at = _PREFIX.match(folded).end()  # type: ignore[union-attr]
    return bool(_SECTION.match(folded, at))
