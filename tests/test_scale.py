"""docs/scale.md: the per-record function on Dask, on a local distributed cluster.

Skipped when dask (``pip install 'quorum[dask]'``) is not installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import quorum

DATA = Path(__file__).parent / "data"


def test_audit_record_on_a_local_dask_cluster(tmp_path: Path) -> None:
    bag = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    for name in ("pouvoirs.txt", "departs.txt"):
        shutil.copy(DATA / "records" / name, tmp_path / name)
    shutil.copy(DATA / "audit" / "convocation-too-late.txt", tmp_path / "tard.txt")
    (tmp_path / "vide.txt").write_text("rien\n", encoding="utf-8")
    paths = quorum.batch.expand_paths([tmp_path])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        results = bag.from_sequence(paths, npartitions=2).map(
            quorum.audit_record, report=False).compute()
    assert [r.path for r in results] == paths
    assert [r.exit_status for r in results] == [0, 0, 1, 2]
    assert results == [quorum.audit_record(p) for p in paths]
