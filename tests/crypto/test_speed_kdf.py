"""No per-job tax: the key derivation can leave a core to the speech engine's model load.

Argon2id's output depends on its lanes (``KdfParams.parallelism``), never on how many threads
compute them; ``testimony transcribe`` derives with one thread on a two-core machine while the
engine child loads the model. Speed itself is measured in bench/bench_job_tax.py, not here.
"""

from __future__ import annotations

import os

import pytest

from crypto.kdf import KdfParams, derive_key, threads_beside


@pytest.mark.parametrize("lanes, threads", [(2, 1), (4, 1), (4, 3)])
def test_fewer_threads_than_lanes_derive_the_same_key(lanes: int, threads: int) -> None:
    params = KdfParams(8 * 1024, 2, lanes, os.urandom(16))
    expected = derive_key(b"correct horse", params, allow_weak=True)
    assert derive_key(b"correct horse", params, allow_weak=True, threads=threads) == expected
    assert derive_key(bytearray(b"correct horse"), params, allow_weak=True,
                      threads=threads) == expected
    assert derive_key(b"wrong horse", params, allow_weak=True, threads=threads) != expected


def test_threads_beside_busy_cores_leaves_them_free_and_is_at_least_one() -> None:
    cores = len(os.sched_getaffinity(0))
    assert threads_beside(1) == max(1, cores - 1)
    assert threads_beside(cores + 5) == 1
    assert threads_beside(0) == cores
