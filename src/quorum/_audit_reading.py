"""Findings about the reading itself: what the record left unsaid or said doubtfully.

The reader never guesses in silence: each fact it had to infer (members in
office counted from the lists, a president counted present though not listed,
a departure told in prose) and each doubt it met (a list cut by text that is no
name, a proxy printed twice) is a :class:`~quorum.model.ReadNote` on the
sitting's origin.  This module is the one place that words them in French and
gives each its severity; the codes are documented in docs/findings.md.

Private: :func:`check_read_notes` is called by :func:`quorum.audit`.
"""

from __future__ import annotations

from collections.abc import Callable

from quorum._audit_common import Finding, Severity
from quorum.model import ReadNote, Sitting

__all__ = ["NOTE_CODES", "check_read_notes"]


def _v(note: ReadNote, index: int, default: str = "?") -> str:
    return note.values[index] if len(note.values) > index else default


_Render = Callable[[ReadNote], str]

# code -> (severity, message).  ``values`` hold, per code, the words the message quotes.
_NOTES: dict[str, tuple[Severity, _Render]] = {
    "body-unknown": ("info", lambda n: (
        "Le relevé ne nomme pas son assemblée ; sa nature est tirée du texte "
        f"(« {_v(n, 0)} »).")),
    "date-unknown": ("info", lambda n: (
        "Le relevé ne donne pas la date de la séance : les règles de droit commun "
        "s'appliquent (ni quorum ni pouvoirs dérogatoires).")),
    "in-office-from-lists": ("warning", lambda n: (
        "Le relevé n'imprime pas le nombre de membres en exercice : "
        f"{_v(n, 0)} d'après les listes des présents et des absents.")),
    "order-from-windows": ("info", lambda n: (
        "Le relevé ne donne pas l'ordre de passage : les questions qu'il nomme "
        f"({_v(n, 0)}) sont prises dans l'ordre naturel.")),
    "single-question": ("info", lambda n: (
        "Le relevé ne numérote aucune question : la séance est rejouée comme une seule "
        "question « séance ».")),
    "president-not-listed": ("info", lambda n: (
        f"{n.subject} préside la séance (« sous la présidence de ») sans figurer parmi les "
        "présents : compté(e) présent(e).")),
    "holder-by-office": ("info", lambda n: (
        f"« {_v(n, 0)} » lu comme {n.subject}, qui préside la séance.")),
    "movement-in-prose": ("info", lambda n: (
        f"{n.subject} {_v(n, 0)} d'après le texte (« {_v(n, 1)} »)"
        + (f" : à compter de la question {n.question}." if n.question else "."))),
    "movement-contradicts-list": ("warning", lambda n: (
        f"Le texte dit que {n.subject} arrive ou part (« {_v(n, 0)} ») autrement que les "
        "listes : les listes sont retenues ; vérifiez la présence à la question "
        f"{n.question}.")),
    "proxy-in-prose": ("info", lambda n: (
        f"Procuration de {n.subject} à {_v(n, 0)} lue dans le texte (« {_v(n, 1)} »)"
        + (f", à compter de la question {n.question}." if n.question else "."))),
    "holder-not-listed": ("error", lambda n: (
        f"« {n.subject} », mandataire de la procuration de {_v(n, 0)}, ne figure dans aucune "
        "liste : la procuration n'est pas exercée"
        + (f" (nom le plus proche : {_v(n, 1)})." if _v(n, 1, "") else "."))),
    "titular-and-substitute": ("error", lambda n: (
        f"{n.subject} et son suppléant ou sa suppléante {_v(n, 0)} siègent tous deux : un "
        "seul compte (CGCT L5211-6) ; le titulaire est compté, pas le suppléant.")),
    "secretary-not-listed": ("error", lambda n: (
        f"Le secrétaire de séance « {n.subject} » ne figure dans aucune liste (CGCT L2121-15 : "
        "un membre présent)" + (f" ; nom le plus proche : {_v(n, 0)}." if _v(n, 0, "") else "."))),
    "interested-not-listed": ("warning", lambda n: (
        f"« {n.subject} », dit intéressé à la question {n.question}, ne figure dans aucune "
        "liste : il n'est pas retiré du décompte.")),
    "movement-unresolved": ("info", lambda n: (
        f"« {n.subject} » arrive ou part d'après le texte (« {_v(n, 0)} ») mais ne figure dans "
        "aucune liste : la phrase ne change aucune présence.")),
    "giver-not-listed": ("info", lambda n: (
        f"{n.subject} donne procuration mais ne figure dans aucune liste : compté(e) "
        "absent(e) ; vérifiez qu'il ne s'agit pas d'un autre membre mal orthographié.")),
    "proxy-repeated": ("info", lambda n: (
        f"La procuration de {n.subject} à {_v(n, 0)} est écrite deux fois (aussi ligne "
        f"{_v(n, 1)}) : elle est comptée une fois.")),
    "list-interrupted": ("warning", lambda n: (
        f"Liste interrompue : « {_v(n, 0)} » n'est pas un nom ; la liste reprend après "
        "(vérifiez qu'aucun nom n'y manque).")),
    "item-unreadable": ("warning", lambda n: (
        f"« {_v(n, 0)} » dans la liste {_v(n, 1)} n'est lu comme aucun membre et n'est pas "
        "compté.")),
    "tally-unread": ("warning", lambda n: (
        f"« {_v(n, 0)} » a les mots d'un décompte des voix, mais ne se lit comme aucun "
        "décompte : il n'est pas vérifié ; lisez-le vous-même.")),
    "member-resigned": ("info", lambda n: (
        f"{n.subject} démissionne en ouverture de séance d'après le texte : compté(e) "
        "absent(e) à toutes les questions.")),
    "listed-present-and-absent": ("info", lambda n: (
        f"{n.subject} figure parmi les présents et parmi les absents, chaque fois pour une "
        "partie de la séance : les deux listes sont lues ensemble.")),
    "in-office-below-present": ("error", lambda n: (
        f"Le relevé annonce {_v(n, 0)} membres en exercice, mais {_v(n, 1)} sont présents à la "
        f"question {n.question} : le nombre en exercice retenu est {_v(n, 1)}, et le quorum "
        "calculé sur lui.")),
    "window-by-time": ("warning", lambda n: (
        f"« {_v(n, 0)} » ({n.subject}) donne une heure, pas une question : cette fenêtre n'est "
        "pas appliquée (présence ou procuration comptée sur toute la séance) ; vérifiez les "
        "questions concernées.")),
    "present-and-absent": ("error", lambda n: (
        f"{n.subject} figure à la fois parmi les présents et parmi les absents, sans "
        "fenêtre qui les départage : compté(e) présent(e).")),
    "text-cleaned": ("info", lambda n: (
        f"Texte réparé après conversion ({_v(n, 0)}) : « {_v(n, 1)} ».")),
    "decode-fallback": ("info", lambda n: (
        "Ligne qui n'est pas en UTF-8, lue en Windows-1252 (cp1252) : vérifiez ses accents.")),
    "header-counts-repeated": ("info", lambda n: (
        "Un second bloc de comptes (présents, votants) figure avant la question "
        f"{n.question} : il vaut pour la suite de la séance.")),
}

NOTE_CODES: tuple[str, ...] = tuple(_NOTES)
"""Every finding code a reading note can carry."""


def check_read_notes(sitting: Sitting) -> list[Finding]:
    """One finding per note the reader left on the sitting."""
    origin = sitting.origin
    if origin is None:
        return []
    findings = []
    file = origin.files[0] if len(origin.files) == 1 else None
    for note in origin.notes:
        severity, render = _NOTES[note.code]
        members = (note.subject,) if note.subject and note.subject in _names(sitting) else ()
        findings.append(Finding(
            severity=severity, code=note.code, message=render(note), question=note.question,
            members=members, line=note.line, column=note.column,
            file=note.file if note.file is not None else file))
    return findings


def _names(sitting: Sitting) -> frozenset[str]:
    return frozenset(member.name for member in sitting.members)
