"""Replay JSON: the compact form (the default) and the detailed one, both read back."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import quorum
from quorum.cli import main
from quorum.engine import ProxyStatus
from quorum.jsonio import JSONFormatError, dumps_by_line, proxies_to_json

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from replay import synthetic

RECORD = Path(__file__).parent / "data" / "records" / "gbm-2026-06-25-rapport-26.txt"
CONTRACT_KEYS = ("question", "position", "present", "represented", "voters", "quorum",
                 "quorum_met", "interested")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_compact_questions_keep_the_contract_keys(reference: quorum.Sitting) -> None:
    data = quorum.replay_to_json(quorum.replay(reference))
    q26 = data["questions"][25]
    assert all(key in q26 for key in CONTRACT_KEYS)
    assert (q26["present"], q26["represented"], q26["voters"]) == (95, 23, 118)
    assert "exercised" not in q26 and "not_exercised" not in q26
    assert len(data["proxies"]) == len(reference.proxies)


def test_runs_give_every_status(reference: quorum.Sitting) -> None:
    replayed = quorum.replay(reference)
    agenda = reference.agenda
    for index, item in enumerate(proxies_to_json(replayed)):
        statuses: dict[int, str] = {}
        for run in item["runs"]:
            for position in range(agenda.position(run["start"]), agenda.position(run["end"]) + 1):
                statuses[position] = run["status"]
        for state in replayed:
            use = state.proxies[index]
            expected = use.status.value
            assert statuses.get(state.position, ProxyStatus.OUTSIDE_WINDOW.value) == expected


def test_detail_lists_the_proxies_of_every_question(reference: quorum.Sitting) -> None:
    replayed = quorum.replay(reference)
    detailed = quorum.replay_to_json(replayed, detail=True)
    q26 = detailed["questions"][25]
    assert len(q26["exercised"]) == 23
    assert {k: q26[k] for k in CONTRACT_KEYS} == {
        k: quorum.replay_to_json(replayed)["questions"][25][k] for k in CONTRACT_KEYS}


@pytest.mark.parametrize("detail", [False, True])
def test_both_forms_round_trip(reference: quorum.Sitting, detail: bool) -> None:
    replayed = quorum.replay(reference)
    data = json.loads(json.dumps(quorum.replay_to_json(replayed, detail=detail)))
    assert quorum.replay_from_json(data) == replayed
    without = {k: v for k, v in data.items() if k != "proxies"}
    assert quorum.replay_from_json(without) == replayed


def test_runs_that_disagree_are_refused(reference: quorum.Sitting) -> None:
    data = quorum.replay_to_json(quorum.replay(reference))
    data["proxies"][0]["runs"][0]["status"] = "holder-absent"
    with pytest.raises(JSONFormatError, match="périodes des procurations"):
        quorum.replay_from_json(data)
    data["extra"] = 1
    with pytest.raises(JSONFormatError, match="clés inconnues"):
        quorum.replay_from_json(data)


def test_size_grows_with_the_sum_not_the_product() -> None:
    small = synthetic(200, 100, 600)
    large = synthetic(200, 400, 600)  # four times the questions, as many windows
    def size(sitting: quorum.Sitting, detail: bool) -> int:
        return len(dumps_by_line(quorum.replay_to_json(quorum.replay(sitting), detail=detail)))
    compact = size(large, False) / size(small, False)
    detailed = size(large, True) / size(small, True)
    assert compact < 2.5 < detailed


def test_cli_json_is_compact_unless_detail() -> None:
    status, out, _ = run("replay", str(RECORD), "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert "exercised" not in data["questions"][25] and "proxies" in data
    assert out.count("\n") == len(data["questions"]) + len(data["proxies"]) + 5
    status, out, _ = run("replay", str(RECORD), "--format", "json", "--detail")
    assert len(json.loads(out)["questions"][25]["exercised"]) == 23
    status, out, _ = run("replay", str(RECORD), "--format", "json", "--question", "26")
    data = json.loads(out)
    assert [q["question"] for q in data["questions"]] == ["26"]


def test_dumps_by_line_is_json() -> None:
    data = {"a": [1, {"b": "é"}], "c": {"d": []}, "e": []}
    text = dumps_by_line(data)
    assert json.loads(text) == data
    assert "é" in text
