"""The vocabulary of records: the cue words and phrasings the scanner looks for.

Every pattern runs over *folded* text (lower case, no accents, same length as
written: see :mod:`quorum.reader._text`), so a match gives the column as written.
The patterns are data: the stages refer to them by name (« PRESENT » opens the list
of those present, « TALLY_LABEL » a tally line …) and a new phrasing met in a
record is a change here, with its row in docs/phrasings.md.
"""

from __future__ import annotations

import re

PREFIX = re.compile(r"[ \t]*(?:[-•–>][ \t]+)?")
# Who a list is about, before « présents » / « absents »: « Délégués titulaires présents : ».
WHO = (r"(?:(?:etaient|etait|sont|membres|conseillers|conseilleres|elus|delegues|titulaires"
        r"|suppleants|suppleantes|communautaires|municipaux)\s+){0,3}")

PRESENT = re.compile(WHO + r"presente?s?\b[^:\n]{0,60}?:")
ABSENT = re.compile(WHO + r"(absente?s?|excusee?s?|representee?s?)\b([^:\n]{0,60}?):")
SECRETARY = re.compile(r"secretaire(?:\s+de\s+(?:la\s+)?seance)?\s*:")
SECRETARY_SENTENCE = re.compile(
    r"\s(?:a\s+ete|est)\s+(?:designee?|elue?|nommee?)\s+(?:comme\s+|en\s+qualite\s+de\s+)?"
    r"secretaire"
)

PROXIES = re.compile(
    r"(?:procurations?|pouvoirs?|mandats?|delegations?)(?:\s+de\s+vote)?(?:\s+donnee?s)?\s*:"
)

# « Ordre du jour : » on a line of its own, the items listed under it (announced, not yet
# deliberated: the items proper come further down).
ORDER_OF_BUSINESS = re.compile(r"ordre\s+du\s+jour\b[^:\n]{0,40}?:?\s*+$")
# An attendance table: a heading row naming the people's column, then at least two of the
# columns where a mark (« X ») says how each one attended (« NOM Prénom  Présent  Absent
# Pouvoir à »), as a PDF conversion that keeps the layout gives it.
TABLE_HEADING = re.compile(
    r"(?:noms?(?:\s+(?:et\s+)?prenoms?)?|prenoms?\s+noms?|membres?|conseill\w*(?:\s+municipaux)?"
    r"|elus?|delegues?)\s{2,}.*\b(?:presente?s?|absente?s?|excusee?s?|pouvoirs?|procurations?)\b"
)
TABLE_COLUMN = re.compile(
    r"(presente?s?|absente?s?\s+excusee?s?|absente?s?|excusee?s?"
    r"|(?:pouvoirs?|procurations?)(?:\s+(?:donnee?s?\s+)?a)?|represente\w*(?:\s+par)?)\b"
)
TABLE_MARK = re.compile(r"(?<!\S)[xX\u2713\u2714](?!\S)")
AGENDA = re.compile(r"ordre\s+de\s+passage\b[^:\n]{0,60}?:")
SEANCE = re.compile(r"seance\b")
# An item line: its key (« 1 », « 0 », « 3/a », « D23/45 », « 2022-41 »), a separator, a title.
ITEM = re.compile(
    r"((?:[A-Z]{1,3})?\d{1,4}(?:[./-]\d{1,4})*(?:/[a-z])?)\s*+(?:[.)]|[-\u2013\u2014])\s++"
    r"(?=[^\W\d_]|«)"
)

TITLED_KEY = re.compile(r"(\S{1,40})\s++[-\u2013\u2014:]\s*+(\S.*)")
OBJECT = re.compile(r"objet\s*:")
# Role labels between the names of a list: not people.
ROLE = re.compile(
    r"\s*+(?:(?:les?|la|et)\s+)?(?:maire(?:-adjointe?)?|(?:premier\s+|premiere\s+|\d+(?:er|ere|e|eme)\s+)?"
    r"adjointe?s?(?:\s+au\s+maire)?"
    r"|(?:vice-)?presidente?s?|conseill(?:er|ere)s?(?:\s+(?:municipa(?:l|ux|les?)|communautaires?"
    r"|delegue(?:e|s|es)?|syndica(?:l|ux)))*|delegue(?:e|s|es)?(?:\s+titulaires?)?"
    r"|formant\s+la\s+majorite\s+des\s+membres\s+en\s+exercice|membres?\s+du\s+bureau)"
    r"[\s.:]*+"
)

BULLET = re.compile(r"[ \t]*+[-•–>*][ \t]++")
NOBODY = re.compile(r"\s*+(?:neant|aucun|aucune|personne|sans\s+objet)\s*+\.?\s*+")
ROW_NUMBERS = re.compile(r"\s*+\d{1,4}(?:\s++\d{1,4})*+\s*+")
FOR_COMMUNE = re.compile(r"\s+pour\s+((?:LA |LE |LES |L')?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ' -]+)\s*$")
# A tally label inside a line, after other words (« Vote : Pour : 15 »).
TALLY_INSIDE = re.compile(r"[\s:.;,-](pour\s*+:\s*+\d)")

# A tally written without colons, the whole line: « Pour 8, Contre 1, Abstentions 0 »,
# « Votes : Pour = 12 – Contre = 2 », « 8 pour, 1 contre » (two entries at least, so
# that « Pour 2026, la commune … » stays prose).
_BARE_ENTRY = (r"(?:(pour|contre|abstentions?)\s*+[:=]?\s*+(\d{1,4})(?:\s++voix)?"
               r"|(\d{1,4})\s++(?:voix\s++)?(pour|contre|abstentions?))")
BARE_TALLY = re.compile(
    r"(?:(?:votes?|resultats?\s+du\s+vote|scrutin)\b[^:\d\n]{0,30}+:\s*+)?" + _BARE_ENTRY
    + r"(?:\s*+[,;./\u2013-]?\s*+(?:et\s++)?" + _BARE_ENTRY + r")++[\s.]*+"
)
BARE_TALLY_ENTRY = re.compile(_BARE_ENTRY)
TALLY_WORD = re.compile(r"\b(pour|contre|abstentions?)\b")
PROSE_COUNT = re.compile(r"\b(\d{1,4})\s++(?:voix\s++)?(pour|contre|abstentions?)\b")
UNANIMOUS_COUNT = re.compile(
    r"unanimite[^.;]{0,80}?\((\d{1,4})\s++(?:voix|votants|suffrages)[^)]{0,20}\)"
    r"|unanimite\s+des\s+(\d{1,4})\s+(?:votants|membres|presents)"
)

COLUMN_HEADING = re.compile(r"\s*+(?:communes?|delegue\w*|noms?|prenoms?|qualites?|membres?|"
                             r"titulaires?|suppleant\w*)\s*+")

EXCUSED_ITEM = re.compile(r"\s*+excuse(?:e|s|es)?\s*+")
# Someone named with a civility and a surname in capitals (« M. Paul ARNAUD », « Mme LE MOAL »).
NAME_LIKE = re.compile(r"\b(?:M\.|Mme|Mlle|Monsieur|Madame|MM\.|Mmes)\s+(?:[A-Z][\w'.-]*\s+)?"
                        r"[A-ZÀ-ÖØ-Þ]{2,}")

OTHERS = re.compile(r"(?:assistai(?:en)?t|egalement\s+presents?|en\s+presence\s+de|invites?"
                     r"|autres\s+personnes)\b[^:\n]{0,50}:")

# A page number alone (« 12 », « - 3 - », « Page 2 sur 22 », « 2/22 »).
FURNITURE = re.compile(r"\s*+(?:-\s*+)?(?:page\s++)?\d{1,4}(?:\s*+(?:sur|/)\s*+\d{1,4})?"
                        r"(?:\s*+-)?\s*+")

HEADER_WORDS = re.compile(r"conseil|communaute|metropole|commune|seance|proces-verbal|syndicat"
                           r"|deliberation|page")

DIGIT = re.compile(r"\d")
WORD = re.compile(r"[^\W\d_]{3,}")
BALLOT_REQUEST = re.compile(
    r"(?:a\s+la\s+demande\s+de\s+(?P<count>\d{1,4})\s+(?:conseill|membres|elus|delegues)"
    r"[^.]{0,80}?scrutin\s+(?:secret|public)"
    r"|scrutin\s+(?:secret|public)\s+(?:a\s+ete\s+|est\s+)?demande\w*\s+par\s+"
    r"(?P<count2>\d{1,4})\s+(?:conseill|membres|elus|delegues))"
)

REPORTS_SENT = re.compile(
    r"rapports\s+(?:ont\s+ete\s+)?(?:envoye|adresse|transmis)\w*\s+(?:aux\s+\w+\s+)?le\s+"
    r"|(?:date\s+d'|)envoi\s+des\s+rapports\s*:?\s*(?:le\s+)?"
)

URGENT = re.compile(r"convoque\w*\s+(?:en\s+|d')urgence|(?:seance|reunion|session)\s+"
                     r"(?:extraordinaire\s+)?d'urgence|procedure\s+d'urgence|en\s+urgence")

# How every item that names nobody begins (a label, « néant », « excusé », row numbers,
# « M. le Maire »): items that begin otherwise skip those tests.
MAYBE_NO_NAME = re.compile(
    r"\s*+(?:\d|neant|aucun|personne|sans|excuse|(?:(?:m\.?|mme|monsieur|madame)\s+)?"
    r"(?:le|la)\s|les\s|et\s|maire|premi|adjoint|vice|presid|conseill|delegue|formant|membre)"
)

GAVE_PROXY = re.compile(r"pouvoir|procuration|represente")
PARALLEL = re.compile(r"(mandants?|mandataires?)\s*:")
SUBSTITUTED = re.compile(
    r"(?:delegues?|conseillers?|membres?)\s+titulaires?\s+(?:supplee?s?|remplace\w*|represente\w*)"
    r"[^:\n]{0,40}:"
)

PRESIDENT_CUE = re.compile(r"presid(?:ent|ente|ence)(?:\s+de\s+(?:la\s+)?seance)?\s*:")
GROUP_CIVILITY = re.compile(r"(mm|mmes|messieurs|mesdames)\b\.?\s*+")
LIST_NAMES = {"present": "des présents", "absent": "des absents"}
# Prose of the minutes: « M. X quitte la séance », « Mme Y est arrivée », « Arrivée de M. Z ».
DEPARTS = re.compile(
    r"\b(?:quitte\w*|se\s+retire\w*)\s+(?:alors\s+|definitivement\s+)?"
    r"(?:la\s+seance|la\s+salle|l'assemblee|la\s+reunion|le\s+conseil)"
)

ARRIVES = re.compile(
    r"\b(?:(?:est|sont)\s+arrivee?s?|arrive(?:nt)?\b|rejoin\w*\s+(?:la\s+seance|l'assemblee"
    r"|la\s+salle|le\s+conseil)|entre\w*\s+en\s+seance)"
)

# The end of a sentence: a full stop after a word in lower case (never « M. », « J. »).
SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ÿ0-9)»]{2})|(?<=[A-ZÀ-Þ]{3})|(?<=[A-ZÀ-Þ][a-z]))(?<!\bMM)"
                           r"(?<!\bMme)(?<!\bMlle)(?<!\bDr)(?<!\bMe)[.!?]\s+")

MOVEMENT_LEAD = re.compile(r"(arrivee|depart)\s+de\s+")
SUBJECT_END = re.compile(r"\s+a\s+\d|[,.;(]|$")
SUBJECT_PREFIX = re.compile(r"(?:le|la)\s+(?=docteur|maitre|dr|me\b)")
MOVEMENT_KEY = re.compile(
    r"(?:avant|a\s+partir\s+d[ue]|a\s+compter\s+d[ue]|lors\s+d[ue]|pour)\s+"
    r"(?:l'examen|le\s+vote|la\s+presentation|l'etude)?\s*+(?:de\s+la|du|de|des)?\s*+"
    r"(?:la\s+|le\s+)?(?:question|point|rapport|deliberation|dossier|affaire)s?\s*+"
    r"(?:n\s*+[°o]\s*+\.?\s*+|numero\s++)?([0-9a-z][^\s,;:()]{0,40})"
)

PROXY_IN_PROSE = re.compile(r"donne\w*\s+(?:pouvoir|procuration|mandat)\s+a(?:u|ux)?\s+")
TITLE_WORD = re.compile(r"\b(?:seance|conseil|comite|reunion)\b")
NOT_TITLE = re.compile(r"convo|affich|publi|approba|depuis|precedent")
BODY = re.compile(
    r"(?:conseil|comite|assemblee|bureau|commission\s+permanente)\b"
)

DELIBERATION = re.compile(
    r"deliberation\s+(?:(?:n\s*[°o]|n\b|numero)\s*\.?\s*|(?=\d{1,4}[-/.]\d{1,5}\b))"
)

KEY_LINE = re.compile(
    r"(?:rapport|point|question|affaire|dossier)\s+(?:(?:n\s*[°o]|n\b|numero)\s*+\.?\s*+"
    r"([0-9a-z][^\s,;:()]{0,40})|(\d[^\s,;:()]{0,40})(?=\s*+(?:[-\u2013\u2014:.]|$)))"
)

AND = re.compile(r"\s(?:et|&)\s")
SPACES = re.compile(r"\s*")
RANGE = re.compile(r"(\d{1,5})\s*(?:à|a|-)\s*(\d{1,5})")
# Possessive runs of spaces (``\s*+``): see quorum.reader._lists.NUMBER.
IN_OFFICE = re.compile(r"en\s+exercice\s*+:?\s*+(\d{1,6})\b")

# « qui ont pris part à la délibération » (the voters, in an extract of the register);
# « afférents au conseil » (the seats, read so that the line reads, not kept: the
# members in office are what the quorum counts).
COUNT = re.compile(
    r"(en\s+exercice|presents?|pouvoirs?|procurations?|representes?|votants?"
    r"|(?:qui\s+ont|ayant)\s+pris\s+part\s+(?:au\s+vote|a\s+la\s+deliberation|aux\s+deliberations)"
    r"|afferents?(?:\s+au\s+conseil(?:\s+municipal|\s+communautaire|\s+syndical)?)?)"
    r"\s*+:?\s*+(\d{1,6})\b"
)

# What may stand around the counts of a count line: « Nombre de conseillers : », dashes.
COUNT_FILLER = re.compile(
    r"(?:[\s,;:.|*/-]|nombre|de|des|du|d'|conseillers?|membres?|delegues?|elus?|municipaux"
    r"|communautaires?|titulaires?|syndicaux|du\s+conseil|en\s+exercice\s*:)*+"
)

CONVENED = re.compile(
    r"convoque\w*\s+(?:le\s+|en\s+date\s+du\s+|pour\s+le\s+)?"
    r"|date\s+de\s+(?:la\s+)?convocation\s*:?\s*"
    r"|convocation\s+(?:du\s+|adressee\s+le\s+|envoyee\s+le\s+|en\s+date\s+du\s+)|convocation\s*:\s*"
)

PRESIDENCE = re.compile(r"sous\s+la\s+presidence\s+de\s+")
MET = re.compile(r"s'est\s+reuni\w*\s*")
OPENED = re.compile(r"ouverte?\s+a\s+")
CLOSED = re.compile(r"(?:levee|close|cloturee|terminee)\s+a\s+")
SMALL = re.compile(r"moins\s+de\s+3\s?500\s+habitants")
POPULATION = re.compile(r"population\b[^:\n\d]{0,40}:?\s*(\d{1,3}(?:[ .]\d{3})*|\d+)\s*habitants")
KIND = re.compile(r"type\s+d'assemblee\s*:\s*(epci|commune|petite\s+commune|departement|region)")
RECONVENED = re.compile(r"faute\s+de\s+quorum|sans\s+condition\s+de\s+quorum")
INTERESTED = re.compile(r"conseill\w*\s+interess\w*")
NOT_VOTING = re.compile(
    r"ne\s+(?:prend|prennent|participe|participent)\s+pas\s+(?:part\s+)?au\s+vote"
)

UNANIMOUS = re.compile(
    r"(?:^|\b(?:adopte\w*|approuve\w*|vote\w*|decide\w*)\s+)a\s+l'unanimite"
)

SECRET = re.compile(r"scrutin\s+secret|bulletins?\s+secrets?|vote\s+a\s+bulletin\s+secret")
TALLY = re.compile(
    r"(?:voix\s++)?(pour|contre|abstentions?|conseill\w*\s+interess\w*"
    r"|ne\s+pren\w*\s+pas\s+part\s+au\s+vote|non[\s-]participations?"
    r"|(?:bulletins?\s+)?(?:blancs?|nuls?)(?:\s+(?:ou|et)\s+(?:blancs?|nuls?))?)"
    r"\s*+\*?\s*+:\s*+(\d{1,6})\b"
)

SEPARATORS = re.compile(r"[\s,;./*-]*")
# A tally label alone (« Contre : »), whatever follows: a count that cannot be
# read after it is a problem, never a default 0.
TALLY_LABEL = re.compile(
    r"(?:voix\s++)?(pour|contre|abstentions?|conseill\w*\s+interess\w*"
    r"|ne\s+pren\w*\s+pas\s+part\s+au\s+vote|non[\s-]participations?"
    r"|(?:bulletins?\s+)?(?:blancs?|nuls?)(?:\s+(?:ou|et)\s+(?:blancs?|nuls?))?)"
    r"\s*+\*?\s*+:\s*+"
)

WORDS = {"zero": 0, "neant": 0, "aucun": 0, "aucune": 0, "un": 1, "une": 1, "deux": 2,
          "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
          "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
          "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20}

COUNT_VALUE = re.compile(
    r"(\d{1,6})(?![\d.,]\d)|(dix-(?:sept|huit|neuf)|zero|neant|aucune?|une?|deux|trois|quatre"
    r"|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt)\b"
)

UNIT = re.compile(r"\s*+(?:voix|votes?|suffrages?|membres?|elus?|conseillers?)\b")
NAMES_LEAD = re.compile(r"\s*+[-\u2013:]\s*+|\s*+,\s*+(?=m\.|mm\.|mme|mmes|mlle|monsieur|madame)")
NUMERIC = re.compile(r"\d+")
# Elections (CGCT L2121-21, L2122-7): « Premier tour », « Nombre de votants : 21 – Bulletins
# blancs ou nuls : 1 – Suffrages exprimés : 20 – Majorité absolue : 11 », « M. X : 14 voix »,
# « M. X, ayant obtenu la majorité absolue, est proclamé élu ».
ELECTION_SAID = re.compile(r"\belections?\b|\bdesignations?\b|\btours?\s+de\s+scrutin\b")

ROUND = re.compile(
    r"(premier|1er|1re|second|seconde|2nd|deuxieme|troisieme|quatrieme|\d{1,2}\s*(?:e|eme|ème))"
    r"\s+tour\b(?:\s+de\s+scrutin)?\s*[:.\u2013\u2014-]?\s*")

ROUND_WORDS = {"premier": 1, "1er": 1, "1re": 1, "second": 2, "seconde": 2, "2nd": 2,
                "deuxieme": 2, "troisieme": 3, "quatrieme": 4}

ELECTION_COUNT = re.compile(
    r"(nombre\s+de\s+votants|votants|nombre\s+de\s+bulletins(?:\s+\w+){0,4}?"
    r"|(?:bulletins\s+)?(?:blancs?|nuls?)(?:\s+(?:ou|et)\s+(?:blancs?|nuls?))?"
    r"|suffrages\s+exprimes|majorite\s+absolue)\s*:\s*(\d{1,6})\b")

ELECTION_ONLY = re.compile(r"suffrages\s+exprimes|majorite\s+absolue")
ELECTION_CUE = re.compile(r"nombre\s+de\s+votants|bulletins")
CANDIDATE = re.compile(r"([^:;\u2013\u2014]+?)\s*:\s*(\d{1,6})\s+(?:voix|suffrages?)\b")
ELECTION_SEPARATORS = re.compile(r"[\s,;.\u2013\u2014-]*")
PROCLAIMED = re.compile(r"\b(?:est\s+)?(?:proclamee?|declaree?)\s+elue?\b"
                         r"|\belue?\s+au\s+benefice\s+de\s+l.age\b|\best\s+elue?\b")

# « Le conseil décide à l'unanimité de ne pas procéder au scrutin secret » (L2121-21 al. 4).
NOT_SECRET = re.compile(r"\bne\s+pas\s+(?:proceder|recourir|voter)\s+au\s+"
                         r"(?:scrutin|vote)\s+secret|\brenonc\w*\s+au\s+(?:scrutin|vote)\s+secret")

BY_AGE = re.compile(r"benefice\s+de\s+l.age|\ble\s+plus\s+age|\bla\s+plus\s+agee")
MENTION_START = re.compile(r"(?<=\s)(?:monsieur|madame|mademoiselle|mme|mlle|mr|m\.)\s")
# Whether a line begins with any of these: one pattern tries them all in one
# call (it is asked of every line a list runs on to).
SECTION = re.compile("|".join(f"(?:{p.pattern})" for p in (
    PRESENT, ABSENT, PROXIES, SECRETARY, AGENDA, DELIBERATION, KEY_LINE, SEANCE, TALLY,
    COUNT, PARALLEL, SUBSTITUTED, PRESIDENT_CUE,
)))

CONNECTIVE = frozenset((
    "a", "au", "aux", "de", "du", "des", "la", "le", "les", "et", "&", "par", "son", "sa",
    "m.", "m", "mme", "mme.", "mlle", "mr", "mm.", "mmes", "monsieur", "madame", "pouvoir",
    "procuration", "mandat", "donne", "n°", "n", "no", "jusqu'a", "jusqu'au",
))

PROSE = re.compile(r"(?:le|la|les|l'|il|elle|apres|en|aucun\w*|monsieur\s+le|madame\s+le)\s")
LIST_CUE = re.compile("|".join(f"(?:{p.pattern})" for p in (
    PRESENT, ABSENT, PROXIES, SECRETARY, PARALLEL, SUBSTITUTED, PRESIDENT_CUE)))

# The small words a name or a list item may hold in lower case (« Marie de LA MOTTE »,
# « M. X à M. Y », « Mme Odile RAVIER pour SAINT-AUBIN », « PERRIN dit ROUSSET »).
NAME_PARTICLES = frozenset((
    "de", "du", "des", "d", "la", "le", "les", "l", "et", "dit", "dite", "van", "von", "der",
    "den", "y", "a", "à", "au", "aux", "par", "pour", "epouse", "épouse", "nee", "née", "veuve",
))
# What may start a line of a list before its first name: a bullet, a row number.
LIST_LEAD = re.compile(r"[ \t]*+(?:[-•–>*][ \t]++|\d{1,3}[ \t]*+[.)\-–]?[ \t]++(?=\D))?")
# An annotation after a name outside parentheses: « M. X – arrivé au point 3 » (a spaced
# dash before words in lower case; « HUOT-CUSENIER » has no spaces), or an item of its
# own after a comma (« M. X, arrivée à partir du point 3 »).
DASH_NOTE = re.compile(r"\s[-\u2013\u2014]\s++(?=[a-zà-ÿ(])")
NOTE_ITEM = re.compile(
    r"(?:arrive\w*|parti\w*|depart\w*|sorti\w*|quitte\w*|present\w*|absent\w*|a\s+compter"
    r"|a\s+partir|jusqu|des\s+(?:la\s+question|le\s+point))\b"
)
INITIAL = re.compile(r"[a-z]{1,2}\.")
PROSE_VERB = re.compile(
    r"\s(?:a|ont)\s+ete\s|\s(?:est|sont|sera|quitte|arrive|rejoint|presente|ouvre|prend|donne"
    r"\s+lecture)\b"
)

LABEL = re.compile(r"[ \t]*+([^:,;()*\n]{2,60}?)[ \t]*+:")
PARTICLES = frozenset(("de", "du", "des", "la", "le", "les", "sur", "sous", "en", "aux", "lès",
                        "lez", "et", "d", "l"))

