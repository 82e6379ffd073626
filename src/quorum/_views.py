"""Late-bound calls from the core to the layers above it (dependency inversion).

Terms:

- *view*: one computation or rendering that a lower module offers on its
  objects but that a higher module knows how to do: ``sitting.at("26")``
  needs the replay of :mod:`quorum.engine`, ``print(replay)`` the tables of
  :mod:`quorum.display`, ``replay.plot()`` the chart of :mod:`quorum.plot`.
  The lower module declares a :class:`View` and calls it; the higher module
  *provides* it when it is imported (``import quorum`` imports them all).

So the import graph stays one-way: nothing in the core names the layers
above it, not even for type checking.  This module imports nothing of quorum.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")

__all__ = ["View"]


class View(Generic[_P, _R]):
    """A call the core makes and a layer above provides; ``provider`` names that layer."""

    def __init__(self, provider: str) -> None:
        self.provider = provider
        self._call: Callable[_P, _R] | None = None

    def provide(self, call: Callable[_P, _R]) -> Callable[_P, _R]:
        """Make ``call`` the one this view makes (usable as a decorator); returns it."""
        self._call = call
        return call

    def __call__(self, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        if self._call is None:  # only while quorum itself is being imported
            raise RuntimeError(f"{self.provider} n'est pas encore importé : importez quorum")
        return self._call(*args, **kwargs)

    def __repr__(self) -> str:
        return f"View({self.provider!r})"
