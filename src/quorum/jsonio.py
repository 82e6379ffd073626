"""JSON forms of a sitting and of its replay.

The model knows nothing of JSON; this module converts with cattrs, imported
on first use only (a command that writes no JSON never pays for it).  Dates
are ISO strings (``"2026-06-25"``), times ``"17:08"``, fractions ``"1/2"``,
the agenda a list of question keys, and fields left at their default are
omitted, so a hand-written file may omit them too.

A replay's JSON is ``{"sitting": {…}, "questions": [{…}, …], "proxies": […]}``:

- ``sitting``: the whole sitting, whose attendance gives each member's
  presence once, as windows of questions;
- ``questions``: one object per question in order of passage with its
  figures (``question``, ``position``, ``present``, ``represented``,
  ``voters``, ``quorum``, ``quorum_met``, ``interested``, …);
- ``proxies``: each proxy of the sitting once, in the sitting's order, with
  its *runs*: the stretches of consecutive questions of its window where its
  status (exercised, or why not) does not change.

That *compact* form grows with members + windows + questions.  The
*detailed* form (``detail=True``, ``quorum replay --format json --detail``)
also lists, in each question, the proxies exercised there and those inside
their window but not exercised, with the reason: it grows with questions ×
proxies.  :func:`replay_from_json` reads both.
"""

from __future__ import annotations

import datetime
import json
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from quorum.engine import ProxyStatus, QuestionState, Replay, replay, tables
from quorum.errors import QuorumError
from quorum.model import Agenda, Proxy, Sitting, Window

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "JSONFormatError",
    "dumps_by_line",
    "proxies_to_json",
    "question_to_json",
    "replay_from_json",
    "replay_to_json",
    "sitting_from_json",
    "sitting_to_json",
    "to_json",
]


class JSONFormatError(QuorumError, ValueError):
    """JSON that does not describe a sitting or a replay."""


def _time(value: datetime.time) -> str:
    return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")


def _make_converter() -> cattrs.Converter:
    import cattrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    conv = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
    conv.register_unstructure_hook(datetime.time, _time)
    conv.register_structure_hook(datetime.time, lambda v, _: datetime.time.fromisoformat(v))
    conv.register_unstructure_hook(Fraction, str)
    conv.register_structure_hook(Fraction, lambda v, _: Fraction(v))
    conv.register_unstructure_hook(Agenda, lambda agenda: list(agenda.questions))
    conv.register_structure_hook(Agenda, lambda v, _: Agenda(tuple(str(k) for k in v)))
    conv.register_unstructure_hook(
        Sitting,
        make_dict_unstructure_fn(Sitting, conv, _cattrs_omit_if_default=True,
                                 origin=override(omit_if_default=True)),
    )
    conv.register_structure_hook(
        Sitting, make_dict_structure_fn(Sitting, conv, _cattrs_forbid_extra_keys=True)
    )
    return conv


_converter: cattrs.Converter | None = None


def __getattr__(name: str) -> Any:
    """``converter``, the cattrs converter of this module, built on first use."""
    if name == "converter":
        return _get_converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _get_converter() -> cattrs.Converter:
    global _converter
    if _converter is None:
        _converter = _make_converter()
    return _converter


def sitting_to_json(sitting: Sitting) -> dict[str, Any]:
    """The JSON object of ``sitting`` (a dict ready for :func:`json.dumps`)."""
    data: dict[str, Any] = _get_converter().unstructure(sitting, Sitting)
    return data


def sitting_from_json(data: dict[str, Any] | str) -> Sitting:
    """A sitting from its JSON object (or the JSON text)."""
    import cattrs

    parsed = _parse(data, "d'une séance")
    try:
        return _get_converter().structure(parsed, Sitting)
    except QuorumError:
        raise
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError,
            AttributeError) as error:
        raise JSONFormatError(f"ce n'est pas le JSON d'une séance : {_describe(error)}") from error
    except BaseExceptionGroup as group:  # validators raising inside a cattrs group
        inner = group.exceptions[0]
        if isinstance(inner, QuorumError):
            raise inner from None
        raise JSONFormatError(f"ce n'est pas le JSON d'une séance : {_describe(group)}") from group


def _parse(data: object, what: str) -> dict[str, Any]:
    """The JSON object in ``data`` (text or already parsed), or a JSONFormatError."""
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except ValueError as error:
            raise JSONFormatError(f"JSON invalide : {_json_error(error)}") from None
    if not isinstance(data, dict):
        raise JSONFormatError(f"le JSON {what} est un objet, pas {_kind(data)}")
    return data


_KINDS = {"list": "une liste", "str": "un texte", "int": "un nombre entier",
          "float": "un nombre", "bool": "un booléen", "NoneType": "null"}


def _kind(value: object) -> str:
    """The JSON kind of ``value`` in French: « une liste », « un texte »…"""
    name = type(value).__name__
    return _KINDS.get(name, name)


def _json_error(error: ValueError) -> str:
    """json's error, in French, with its line and column."""
    if isinstance(error, json.JSONDecodeError):
        return f"ligne {error.lineno}, colonne {error.colno} ({error.msg})"
    return str(error)


def _type_name(kind: object) -> str:
    return str(getattr(kind, "__name__", repr(kind)))


def _french_cattrs(error: BaseException, kind: type | None) -> str:
    """What cattrs found wrong at one place of the JSON, in French."""
    import cattrs

    if isinstance(error, QuorumError):
        return str(error)
    if isinstance(error, KeyError):
        return "champ obligatoire manquant"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return f"champs en trop ({', '.join(sorted(error.extra_fields))})"
    if isinstance(error, ValueError | TypeError):
        return (f"valeur invalide, {_type_name(kind)} attendu" if kind is not None
                else f"valeur invalide ({error})")
    if isinstance(error, AttributeError):
        return "un objet JSON était attendu"
    return f"erreur ({type(error).__name__} : {error})"


def _describe(error: BaseException) -> str:
    import cattrs

    if isinstance(error, cattrs.BaseValidationError):
        notes = cattrs.transform_error(error, format_exception=_french_cattrs)
        return " ; ".join(notes)
    return str(error)


def _window(window: Window) -> dict[str, str]:
    data: dict[str, str] = {}
    if window.start is not None:
        data["start"] = window.start
    if window.end is not None:
        data["end"] = window.end
    return data


def _proxy(proxy: Proxy) -> dict[str, Any]:
    data: dict[str, Any] = {"giver": proxy.giver, "holder": proxy.holder}
    window = _window(proxy.window)
    if window:
        data["window"] = window
    return data


def question_to_json(state: QuestionState, *, detail: bool = False) -> dict[str, Any]:
    """The JSON object of one question's state: its figures, and with ``detail`` the
    proxies exercised there and those not exercised (the state must then be attached to
    its sitting)."""
    data: dict[str, Any] = {
        "question": state.question,
        "position": state.position,
        "present": state.present,
        "represented": state.represented,
        "voters": state.voters,
        "quorum": state.quorum,
        "quorum_met": state.quorum_met,
        "interested": state.interested,
        "absent": state.absent,
        "in_office": state.in_office,
        "interested_present": state.interested_present,
        "quorum_count": state.quorum_count,
        "castable": state.castable,
    }
    if detail and state.engine is not None:
        data["exercised"] = [_proxy(p) for p in state.exercised]
        data["not_exercised"] = [
            {**_proxy(use.proxy), "reason": use.status.value} for use in state.not_exercised
        ]
    return data


def proxies_to_json(replayed: Replay) -> list[dict[str, Any]]:
    """Each proxy of the sitting once, with its runs of one status along its window."""
    if not len(replayed):
        return []
    engine = tables(replayed[0])
    key = replayed.sitting.agenda.key
    found: list[dict[str, Any]] = []
    for index, proxy in enumerate(replayed.sitting.proxies):
        item = _proxy(proxy)
        item["runs"] = [{"start": key(run.start), "end": key(run.end),
                         "status": run.status.value} for run in engine.segments[index]]
        found.append(item)
    return found


_STATE_FIELDS = {f.name for f in attrs.fields(QuestionState)} - {"engine"}
_DERIVED = {"voters", "absent", "castable", "exercised", "not_exercised"}
_DETAIL = {"exercised", "not_exercised"}


def replay_to_json(replayed: Replay, *, detail: bool = False,
                   states: list[QuestionState] | None = None) -> dict[str, Any]:
    """The JSON object of a replay: the sitting, every question's figures, every proxy's
    runs; with ``detail``, each question also lists its proxies exercised and not.

    ``states``: only those questions in ``questions`` (``quorum replay --question``).
    """
    chosen = list(replayed) if states is None else states
    return {
        "sitting": sitting_to_json(replayed.sitting),
        "questions": [question_to_json(state, detail=detail) for state in chosen],
        "proxies": proxies_to_json(replayed),
    }


def replay_from_json(data: dict[str, Any] | str) -> Replay:
    """A replay from its JSON object, compact or detailed; figures that disagree with the
    sitting are refused."""
    parsed = _parse(data, "d'un rejeu")
    if "sitting" not in parsed or "questions" not in parsed:
        raise JSONFormatError("le JSON d'un rejeu a les clés 'sitting' et 'questions'")
    unknown_top = set(parsed) - {"sitting", "questions", "proxies"}
    if unknown_top:
        raise JSONFormatError(f"clés inconnues dans un rejeu : {sorted(unknown_top)}")
    sitting = sitting_from_json(parsed["sitting"])
    fresh = replay(sitting)
    questions = parsed["questions"]
    if not isinstance(questions, list) or len(questions) != len(fresh):
        raise JSONFormatError("le rejeu ne donne pas chaque question de l'ordre de passage")
    if "proxies" in parsed and parsed["proxies"] != proxies_to_json(fresh):
        raise JSONFormatError("les périodes des procurations diffèrent de celles du rejeu "
                              "de la séance")
    states = []
    for item, computed in zip(questions, fresh, strict=True):
        if not isinstance(item, dict):
            raise JSONFormatError(f"une question est un objet, pas {_kind(item)}")
        unknown = set(item) - _STATE_FIELDS - _DERIVED
        if unknown:
            raise JSONFormatError(f"clés inconnues dans une question : {sorted(unknown)}")
        try:
            state = QuestionState(**{k: v for k, v in item.items() if k in _STATE_FIELDS},
                                  engine=computed.engine)
        except TypeError as error:
            raise JSONFormatError(f"question {item.get('question')!r} : {error}") from None
        # Derived figures too must be those of the sitting: nothing is taken on trust.
        expected = question_to_json(computed, detail=bool(_DETAIL & set(item)))
        if state != computed or any(item[k] != expected[k] for k in _DERIVED if k in item):
            raise JSONFormatError(
                f"question {state.question!r} : les chiffres diffèrent de ceux du rejeu "
                "de la séance"
            )
        states.append(state)
    return Replay(sitting, tuple(states))


def dumps_by_line(data: dict[str, Any]) -> str:
    """``data`` as JSON text, one top-level key a line and one list item a line.

    Readable and easy to diff, yet written by the C encoder item by item:
    ``json.dumps(indent=…)`` falls back to the pure-Python encoder, many times
    slower on a replay of hundreds of questions.
    """
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts: list[str] = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(dumps(item) for item in value)
            parts.append(f"{dumps(key)}: [\n  {items}\n ]")
        else:
            parts.append(f"{dumps(key)}: {dumps(value)}")
    return "{" + ",\n ".join(parts) + "}"


def to_json(value: Sitting | Replay) -> dict[str, Any]:
    """The JSON object of a sitting or of a replay."""
    if isinstance(value, Replay):
        return replay_to_json(value)
    return sitting_to_json(value)


def status_from_json(value: str) -> ProxyStatus:
    """A proxy status from its JSON value (``"holder-absent"``, …)."""
    return ProxyStatus(value)
