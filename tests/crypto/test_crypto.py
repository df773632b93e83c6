"""Crypto building blocks: KDF floor and calibration, key wrapping, recovery codes, signatures."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crypto.errors import BadSignature, UnwrapError, WeakKdfParameters
from crypto.kdf import (
    FLOOR_MEMORY_KIB,
    FLOOR_TIME_COST,
    KdfParams,
    calibrate,
    derive_key,
    floor_params,
    weak_test_params,
)
from crypto.recovery import format_recovery_code, new_recovery_secret, parse_recovery_code
from crypto.signing import fingerprint, new_signing_key, sign, verify
from crypto.wrap import unwrap_key, wrap_key


def test_weak_parameters_refused_without_explicit_test_flag() -> None:
    params = weak_test_params()
    with pytest.raises(WeakKdfParameters):
        derive_key(b"pw", params)
    assert len(derive_key(b"pw", params, allow_weak=True)) == 32


@pytest.mark.parametrize("memory,time_cost", [(FLOOR_MEMORY_KIB - 1024, 3), (FLOOR_MEMORY_KIB, 2)])
def test_floor_is_memory_and_time(memory: int, time_cost: int) -> None:
    assert KdfParams(memory, time_cost, 1, os.urandom(16)).is_below_floor()
    assert not floor_params().is_below_floor()


def test_derivation_is_deterministic_and_salted() -> None:
    p = weak_test_params()
    assert derive_key(b"a", p, allow_weak=True) == derive_key(b"a", p, allow_weak=True)
    assert derive_key(b"a", p, allow_weak=True) != derive_key(b"b", p, allow_weak=True)
    assert derive_key(b"a", p, allow_weak=True) != derive_key(b"a", p.with_new_salt(), allow_weak=True)


def test_calibration_never_goes_below_floor_and_raises_time_on_a_fast_machine() -> None:
    # Every derivation "takes" 1 ms: calibration must raise t (to its cap), not lower memory.
    params = calibrate(measure=lambda m, t, p: 0.001)
    assert params.memory_kib >= FLOOR_MEMORY_KIB and params.time_cost >= FLOOR_TIME_COST
    assert params.time_cost == 64  # capped: the fake machine never gets slow enough


def test_calibration_halves_memory_on_a_slow_machine() -> None:
    # Every derivation "takes" 2 s: memory must come down to the floor and stop there.
    params = calibrate(measure=lambda m, t, p: 2.0)
    assert params.memory_kib == FLOOR_MEMORY_KIB
    assert params.time_cost == FLOOR_TIME_COST


def test_wrap_unwrap_and_any_tamper_fails() -> None:
    kek, key = os.urandom(32), os.urandom(32)
    wrapped = wrap_key(kek, key, b"header")
    assert unwrap_key(kek, wrapped, b"header") == key
    with pytest.raises(UnwrapError):
        unwrap_key(os.urandom(32), wrapped, b"header")
    with pytest.raises(UnwrapError):
        unwrap_key(kek, wrapped, b"headeR")
    flipped = bytearray(wrapped.ciphertext)
    flipped[0] ^= 1
    with pytest.raises(UnwrapError):
        unwrap_key(kek, type(wrapped)(wrapped.nonce, bytes(flipped)), b"header")


@given(st.binary(min_size=20, max_size=20))
def test_recovery_code_round_trip(secret: bytes) -> None:
    code = format_recovery_code(secret)
    assert parse_recovery_code(code) == secret
    assert parse_recovery_code(code.lower().replace("-", " ")) == secret


def test_recovery_code_typo_detected() -> None:
    code = format_recovery_code(new_recovery_secret())
    typo = ("B" if code[0] != "B" else "C") + code[1:]
    with pytest.raises(ValueError, match="typo|format"):
        parse_recovery_code(typo)


def test_signatures_and_fingerprints() -> None:
    private, public = new_signing_key()
    sig = sign(private, b"message")
    verify(public, sig, b"message")
    with pytest.raises(BadSignature):
        verify(public, sig, b"messagf")
    fp = fingerprint(public)
    assert len(fp.split()) == 8 and all(len(g) == 4 for g in fp.split())
    assert fp != fingerprint(new_signing_key()[1])


def test_calibration_lands_in_the_target_window_for_a_linear_cost_model() -> None:
    # Cost proportional to memory * t, as Argon2's is: 256 MiB at t=3 takes 0.35 s (this machine).
    def model(m: int, t: int, p: int) -> float:
        return 0.35 * (m / FLOOR_MEMORY_KIB) * (t / 3)

    params = calibrate(measure=model)
    assert 0.5 <= model(params.memory_kib, params.time_cost, 1) <= 1.0
    assert not params.is_below_floor()
