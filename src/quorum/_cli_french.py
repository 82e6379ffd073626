"""argparse in French: its usage line, ``--help`` and error messages.

Private to the command line.  argparse writes its own English (« usage: »,
« the following arguments are required », « invalid choice »…); the parser
here says the same in French.  Its messages are translated where argparse
hands them to :meth:`FrenchParser.error`, by matching argparse's English
templates (a message no template matches is printed as it is).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn

__all__ = ["FrenchFormatter", "FrenchParser", "translate"]

USAGE = "usage : "


class FrenchFormatter(argparse.HelpFormatter):
    """« usage : » instead of « usage: », « options : » instead of « options: »."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        """« options : », the French space before the colon."""
        super().start_section(f"{heading} " if heading else heading)


def _names(text: str) -> str:
    """argparse's list of arguments, a command choice ``{a,b}`` said as « la commande »."""
    parts = [part.strip() for part in re.split(r",\s(?![^{]*\})", text)]
    return ", ".join(_name(part) for part in parts)


def _name(name: str) -> str:
    if name.startswith("{") and name.endswith("}"):
        return f"la commande ({', '.join(name[1:-1].split(','))})"
    if name in ("command", "COMMANDE"):
        return "la commande"
    if name.startswith("-"):
        return f"l'option {name}"
    return name


_TYPES = {"int": "un nombre entier", "float": "un nombre"}


def _maybe(value: str) -> str:
    """Python 3.14's suggestion (« 'x', maybe you meant 'y'? ») in French."""
    if ", maybe you meant " not in value:
        return value
    return value.replace(", maybe you meant ", ", peut-être ").removesuffix("?") + " ?"


def _argument(groups: dict[str, str]) -> str:
    command = _name(groups["name"]).startswith("la commande")
    choice = re.fullmatch(r"invalid choice: (.*) \(choose from (.*)\)", groups["message"],
                          re.DOTALL)
    if command and choice:
        return f"commande inconnue : {_maybe(choice[1])} (au choix : {choice[2]})"
    return f"{_name(groups['name'])} : {translate(groups['message'])}"


def _invalid_value(groups: dict[str, str]) -> str:
    kind = _TYPES.get(groups["type"], f"une valeur de type {groups['type']}")
    return f"{groups['value']} n'est pas {kind}"


_Rule = tuple[str, Callable[[dict[str, str]], str]]

_RULES: Sequence[_Rule] = (
    (r"argument (?P<name>.+?): (?P<message>.*)", _argument),
    (r"the following arguments are required: (?P<names>.*)",
     lambda g: f"il manque {_names(g['names'])}"),
    (r"unrecognized arguments: (?P<args>.*)",
     lambda g: f"options ou mots inconnus : {g['args']}"),
    (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
     lambda g: f"choix inconnu : {_maybe(g['value'])} (au choix : {g['choices']})"),
    (r"invalid (?P<type>\S+) value: (?P<value>.*)", _invalid_value),
    (r"expected one argument", lambda g: "attend une valeur"),
    (r"expected at most one argument", lambda g: "attend au plus une valeur"),
    (r"expected at least one argument", lambda g: "attend au moins une valeur"),
    (r"expected (?P<count>\d+) arguments?", lambda g: f"attend {g['count']} valeur(s)"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
     lambda g: f"option ambiguë : {g['option']} peut être {g['matches']}"),
    (r"ignored explicit argument (?P<value>.*)",
     lambda g: f"valeur en trop ignorée : {g['value']}"),
    (r"not allowed with argument (?P<name>.*)",
     lambda g: f"incompatible avec {_name(g['name'])}"),
    (r"one of the arguments (?P<names>.*) is required",
     lambda g: f"il faut l'une des options {g['names']}"),
    (r"unexpected option string: (?P<option>.*)",
     lambda g: f"option inattendue : {g['option']}"),
    (r"unknown parser (?P<name>.*) \(choices: (?P<choices>.*)\)",
     lambda g: f"commande inconnue : {g['name']} (au choix : {g['choices']})"),
    (r"can't open '(?P<file>.*)': (?P<error>.*)",
     lambda g: f"impossible d'ouvrir « {g['file']} » : {g['error']}"),
)

_COMPILED = tuple((re.compile(pattern, re.DOTALL), french) for pattern, french in _RULES)


def translate(message: str) -> str:
    """argparse's English ``message`` in French (unchanged when no template matches it).

    >>> translate("argument --format: invalid choice: 'xx' (choose from 'table', 'json')")
    "l'option --format : choix inconnu : 'xx' (au choix : 'table', 'json')"
    >>> translate("the following arguments are required: command")
    'il manque la commande'
    """
    for pattern, french in _COMPILED:
        match = pattern.fullmatch(message)
        if match:
            return french(match.groupdict())
    return message


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks French; a wrong command line is one line on stderr
    and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("formatter_class", FrenchFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {translate(message)} "
                     f"(voir « {self.prog} --help »)\n")


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_for(stream: object, text: str) -> str:
    """JSON ``text`` as ``stream`` can write it: unchanged when its encoding holds every
    character, else with the characters beyond ASCII escaped (``\\u00e9``), which is the
    same JSON, so a cp1252 or ASCII console never garbles the data.

    >>> import io
    >>> json_for(io.TextIOWrapper(io.BytesIO(), encoding="ascii"), '{"a": "é"}')
    '{"a": "\\\\u00e9"}'
    """
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return text
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "".join(_escape(c) if ord(c) > 0x7F else c for c in text)
    return text
