"""Fixtures shared by the test suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import quorum

DATA = Path(__file__).parent / "data"

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def reference_json() -> dict[str, object]:
    """The hand-built JSON of the reference sitting (GBM, 25 June 2026, report 26)."""
    data: dict[str, object] = json.loads(
        (DATA / "gbm-2026-06-25-rapport-26.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="session")
def reference(reference_json: dict[str, object]) -> quorum.Sitting:
    """The reference sitting, built from the hand-made fixture (not by the reader)."""
    return quorum.sitting_from_json(reference_json)
