"""Argon2id key derivation with calibration and a hard floor.

The floor (256 MiB, t >= 3) protects against a header that was edited to make guessing cheap;
the ceiling (1 GiB, t <= 64, p <= 4: the most calibration ever chooses) against one edited to
hang the unlock or exhaust memory.
Only tests may go below it, and only through the explicit ``allow_weak`` argument of the core
API; nothing read from the command line, the GUI or the environment can set it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

from crypto.errors import KdfAboveCeiling, WeakKdfParameters

FLOOR_MEMORY_KIB = 256 * 1024
FLOOR_TIME_COST = 3
MAX_MEMORY_KIB = 1024 * 1024
# Ceilings: calibrate() never goes above these, so a header asking for more was edited (to hang
# the unlock or exhaust memory). They are checked before any derivation, even in tests.
MAX_TIME_COST = 64
MAX_PARALLELISM = 4
KEY_LEN = 32
SALT_LEN = 16
TARGET_MIN_SECONDS = 0.5
TARGET_MAX_SECONDS = 1.0


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters as stored in a vault header."""

    memory_kib: int
    time_cost: int
    parallelism: int
    salt: bytes

    def is_below_floor(self) -> bool:
        return self.memory_kib < FLOOR_MEMORY_KIB or self.time_cost < FLOOR_TIME_COST

    def is_above_ceiling(self) -> bool:
        return (self.memory_kib > MAX_MEMORY_KIB or self.time_cost > MAX_TIME_COST
                or not 1 <= self.parallelism <= MAX_PARALLELISM)

    def check_ceiling(self) -> None:
        """Raise KdfAboveCeiling if these parameters cost more than calibration ever sets."""
        if self.is_above_ceiling():
            raise KdfAboveCeiling(
                f"key derivation parameters ({self.memory_kib} KiB, t={self.time_cost}, "
                f"p={self.parallelism}) are above the maximum ({MAX_MEMORY_KIB} KiB, "
                f"t={MAX_TIME_COST}, p={MAX_PARALLELISM})"
            )

    def check_floor(self) -> None:
        """Raise WeakKdfParameters if these parameters are weaker than the floor."""
        if self.is_below_floor():
            raise WeakKdfParameters(
                f"key derivation parameters ({self.memory_kib // 1024} MiB, t={self.time_cost}) "
                f"are below the minimum ({FLOOR_MEMORY_KIB // 1024} MiB, t={FLOOR_TIME_COST})"
            )

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.memory_kib, self.time_cost, self.parallelism, os.urandom(SALT_LEN))


def derive_key(passphrase: bytes | bytearray, params: KdfParams, *, allow_weak: bool = False,
               threads: int | None = None) -> bytes:
    """Derive a 32-byte key-encryption key from a passphrase.

    ``threads`` caps the threads that compute the ``params.parallelism`` lanes (default: one
    per lane). It changes only how long the derivation takes and how many cores it occupies,
    never the key: Argon2's output depends on the lanes, not on the threads computing them.

    Raises WeakKdfParameters when ``params`` are below the floor, unless ``allow_weak``
    (test-only) is set, and KdfAboveCeiling when they are above the ceiling (always).
    """
    params.check_ceiling()
    if not allow_weak:
        params.check_floor()
    if len(params.salt) < SALT_LEN:
        raise WeakKdfParameters("the key derivation salt is too short")
    if threads is not None and max(1, threads) < params.parallelism:
        return _derive_with_threads(bytes(passphrase), params, max(1, threads))
    return hash_secret_raw(
        bytes(passphrase),
        params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_LEN,
        type=Type.ID,
    )


def _derive_with_threads(passphrase: bytes, params: KdfParams, threads: int) -> bytes:
    """Argon2id with ``params.parallelism`` lanes computed by ``threads`` threads.

    argon2-cffi's ``hash_secret_raw`` always runs one thread per lane; its ``core`` binding
    takes the reference implementation's context, where lanes and threads are separate.
    """
    from argon2.exceptions import HashingError
    from argon2.low_level import ARGON2_VERSION, core, error_to_str, ffi

    argon2_ok = default_flags = 0  # ARGON2_OK and ARGON2_DEFAULT_FLAGS in argon2.h

    out = ffi.new("uint8_t[]", KEY_LEN)
    pwd = ffi.new("uint8_t[]", passphrase)
    salt = ffi.new("uint8_t[]", params.salt)
    context = ffi.new("argon2_context *", {
        "version": ARGON2_VERSION, "out": out, "outlen": KEY_LEN,
        "pwd": pwd, "pwdlen": len(passphrase), "salt": salt, "saltlen": len(params.salt),
        "secret": ffi.NULL, "secretlen": 0, "ad": ffi.NULL, "adlen": 0,
        "t_cost": params.time_cost, "m_cost": params.memory_kib,
        "lanes": params.parallelism, "threads": threads,
        "allocate_cbk": ffi.NULL, "free_cbk": ffi.NULL, "flags": default_flags})
    try:
        result = core(context, Type.ID.value)
        if result != argon2_ok:
            raise HashingError(error_to_str(result))
        return bytes(ffi.buffer(out, KEY_LEN))
    finally:
        ffi.memmove(pwd, b"\0" * len(passphrase), len(passphrase))  # no copy left behind
        ffi.memmove(out, b"\0" * KEY_LEN, KEY_LEN)


def threads_beside(busy_cores: int) -> int:
    """Threads a derivation may use while ``busy_cores`` cores are kept for other work.

    On a two-core laptop that starts the speech engine's model load and the unlock together,
    Argon2id with a thread per lane took both cores and the model load (a lower-priority
    process) waited for it; one thread leaves it a core. With four cores or more it changes
    nothing (two lanes, three or more cores left).
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores - busy_cores)


def _total_ram_kib() -> int:
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        page_size = os.sysconf("SC_PAGE_SIZE")
        return int(pages * page_size // 1024)
    except (ValueError, OSError, AttributeError):
        return 4 * 1024 * 1024


def _time_derivation(memory_kib: int, time_cost: int, parallelism: int) -> float:
    salt = os.urandom(SALT_LEN)
    start = time.perf_counter()
    derive_key(b"calibration", KdfParams(memory_kib, time_cost, parallelism, salt))
    return time.perf_counter() - start


def calibrate(
    *,
    measure: Callable[[int, int, int], float] = _time_derivation,
    progress: Callable[[str], None] | None = None,
) -> KdfParams:
    """Choose Argon2id parameters taking 0.5-1 s on this machine, never below the floor.

    parallelism = min(4, cores); memory = min(1 GiB, RAM/8), halved while one derivation takes
    longer than a second (down to the floor); then time cost raised until it takes 0.5 s.
    ``measure(memory_kib, time_cost, parallelism) -> seconds`` is injectable for tests.
    """
    parallelism = max(1, min(4, os.cpu_count() or 1))
    memory = max(FLOOR_MEMORY_KIB, min(MAX_MEMORY_KIB, _total_ram_kib() // 8))
    time_cost = FLOOR_TIME_COST

    def timed(m: int, t: int) -> float:
        if progress:
            progress(f"measuring Argon2id at {m // 1024} MiB, t={t}")
        return measure(m, t, parallelism)

    elapsed = timed(memory, time_cost)
    while elapsed > TARGET_MAX_SECONDS and memory > FLOOR_MEMORY_KIB:
        memory = max(FLOOR_MEMORY_KIB, memory // 2)
        elapsed = timed(memory, time_cost)
    while elapsed < TARGET_MIN_SECONDS and time_cost < 64:
        # Argon2's cost is proportional to t: scale towards the target in one or two steps.
        step = max(1, int(time_cost * (TARGET_MIN_SECONDS / max(elapsed, 1e-3) - 1.0) + 0.999))
        time_cost = min(64, time_cost + step)
        elapsed = timed(memory, time_cost)
    return KdfParams(memory, time_cost, parallelism, os.urandom(SALT_LEN))


def floor_params() -> KdfParams:
    """The cheapest parameters that are still accepted outside tests."""
    return KdfParams(FLOOR_MEMORY_KIB, FLOOR_TIME_COST, max(1, min(4, os.cpu_count() or 1)), os.urandom(SALT_LEN))


def weak_test_params() -> KdfParams:
    """Tiny parameters for fast tests; only usable with ``allow_weak=True``."""
    return KdfParams(8 * 1024, 1, 1, os.urandom(SALT_LEN))
