"""Run the examples in the package's docstrings (docs/ and README.md run through pytest)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import quorum

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(quorum.__path__, prefix="quorum.")
)


@pytest.mark.parametrize("name", ["quorum", *MODULES])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(
        module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS, verbose=False
    )
    assert failures == 0
