"""crypto.agefile is our own implementation of the age v1 format, so it is checked against two
independent ones in both directions: stock ``age`` (Go, the Debian package) and pyrage (the Rust
``age`` crate), at the STREAM chunk boundaries, with several recipients, and under tampering."""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import subprocess
import zlib
from pathlib import Path

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyrage import x25519

from crypto import agefile
from tests.bundle_forge import SCRYPT_STANZA, encrypt_with_stanzas

SIZES = [0, 1, 65535, 65536, 65537, 2 * 65536, 3 * 65536 + 5]
SEALED = agefile.SEALED


def encrypt(data: bytes, *recipients: str) -> bytes:
    out = io.BytesIO()
    agefile.encrypt_stream(io.BytesIO(data), out, list(recipients))
    return out.getvalue()


def decrypt(data: bytes, identity: str) -> bytes:
    out = io.BytesIO()
    agefile.decrypt_stream(io.BytesIO(data), out, identity)
    return out.getvalue()


@pytest.fixture(scope="module")
def keys() -> tuple[str, str]:
    return agefile.new_identity()


def stock_age() -> str:
    path = shutil.which("age")
    if path is None:
        pytest.skip("the age command (Debian package age) is not installed")
    return path


@pytest.mark.parametrize("size", SIZES)
def test_stock_age_decrypts_ours_and_we_decrypt_stock_age(size: int, tmp_path: Path,
                                                          keys: tuple[str, str]) -> None:
    age = stock_age()
    secret, public = keys
    data = bytes((i * 7) % 251 for i in range(size))
    (tmp_path / "key").write_text(secret + "\n")
    (tmp_path / "ours.age").write_bytes(encrypt(data, agefile.new_identity()[1], public))
    out = subprocess.run([age, "-d", "-i", str(tmp_path / "key"), str(tmp_path / "ours.age")],
                         capture_output=True, check=True)
    assert out.stdout == data
    (tmp_path / "plain").write_bytes(data)
    subprocess.run([age, "-r", public, "-r", agefile.new_identity()[1], "-o",
                    str(tmp_path / "theirs.age"), str(tmp_path / "plain")], check=True)
    assert decrypt((tmp_path / "theirs.age").read_bytes(), secret) == data


def test_keys_match_age_keygen() -> None:
    keygen = shutil.which("age-keygen")
    if keygen is None:
        pytest.skip("age-keygen (Debian package age) is not installed")
    text = subprocess.run([keygen], capture_output=True, text=True, check=True).stdout
    secret = next(line for line in text.splitlines() if line.startswith("AGE-SECRET-KEY-1"))
    public = next(line for line in text.splitlines() if "public key:" in line).split(": ")[1]
    assert agefile.recipient_of(secret) == public
    assert agefile.check_recipient(public) == public


@pytest.mark.parametrize("size", SIZES)
def test_pyrage_interoperates_both_ways(size: int, keys: tuple[str, str]) -> None:
    secret, public = keys
    data = bytes((i * 13) % 253 for i in range(size))
    assert pyrage.decrypt(encrypt(data, public), [x25519.Identity.from_str(secret)]) == data
    theirs = x25519.Identity.generate()
    assert agefile.recipient_of(str(theirs)) == str(theirs.to_public())
    assert decrypt(pyrage.encrypt(data, [theirs.to_public()]), str(theirs)) == data


def test_new_identity_is_in_ages_text_form(keys: tuple[str, str]) -> None:
    secret, public = keys
    assert secret.startswith("AGE-SECRET-KEY-1") and secret == secret.upper()
    assert public.startswith("age1") and agefile.recipient_of(secret) == public
    assert str(x25519.Identity.from_str(secret).to_public()) == public


@pytest.mark.parametrize("bad", [
    "age1qqqq", "AGE1" + "q" * 58, "", "not a key",
    "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwk",  # checksum broken
])
def test_invalid_recipients_are_refused(bad: str) -> None:
    with pytest.raises(agefile.AgeError):
        agefile.check_recipient(bad)


def test_wrong_identity_and_mixed_case_identity_are_refused(keys: tuple[str, str]) -> None:
    secret, public = keys
    data = encrypt(b"testimony", public)
    with pytest.raises(agefile.AgeError):
        decrypt(data, agefile.new_identity()[0])
    mixed = secret[:20] + secret[20:].lower()
    with pytest.raises(agefile.AgeError):
        agefile.recipient_of(mixed)


def test_truncation_at_and_around_every_chunk_boundary(keys: tuple[str, str]) -> None:
    secret, public = keys
    data = encrypt(bytes(3 * 65536 + 100), public)
    with io.BytesIO(data) as fh:
        header = agefile.check_header(fh) + 16
    cuts = {header - 1, header, header + 15, header + 16, len(data) - 1}
    for k in range(1, 4):
        cuts |= {header + k * SEALED + d for d in (-17, -16, -1, 0, 1, 16, 17)}
    for cut in sorted(c for c in cuts if 0 < c < len(data)):
        with pytest.raises(agefile.AgeError):
            decrypt(data[:cut], secret)
    with pytest.raises(agefile.AgeError):
        decrypt(data + b"\0", secret)  # trailing bytes after the final chunk


def test_reordered_and_duplicated_chunks_are_refused(keys: tuple[str, str]) -> None:
    secret, public = keys
    data = encrypt(bytes(range(256)) * 1024, public)  # 4 full chunks
    with io.BytesIO(data) as fh:
        start = agefile.check_header(fh) + 16
    chunks = [data[start + i * SEALED:start + (i + 1) * SEALED] for i in range(4)]
    for order in ([1, 0, 2, 3], [0, 0, 1, 2, 3], [0, 1, 2], [0, 1, 3, 2]):
        with pytest.raises(agefile.AgeError):
            decrypt(data[:start] + b"".join(chunks[i] for i in order), secret)


def test_a_full_size_last_chunk_is_accepted_and_an_empty_extra_one_is_not(
        keys: tuple[str, str]) -> None:
    secret, public = keys
    assert decrypt(encrypt(bytes(65536), public), secret) == bytes(65536)
    assert len(encrypt(bytes(65536), public)) == len(encrypt(b"", public)) + 65536


def test_low_order_share_is_refused(keys: tuple[str, str]) -> None:
    secret, _ = keys
    zero = base64.b64encode(bytes(32)).rstrip(b"=")
    head = (agefile.AGE_MAGIC + b"-> X25519 " + zero + b"\n" + zero + b"\n--- "
            + base64.b64encode(bytes(32)).rstrip(b"=") + b"\n" + bytes(16 + 17))
    with pytest.raises(agefile.AgeError):
        decrypt(head, secret)


def test_header_parser_skips_unknown_stanzas_and_rejects_noncanonical_base64() -> None:
    body = base64.b64encode(bytes(80)).rstrip(b"=")
    head = (agefile.AGE_MAGIC + b"-> example.com/grease a b\n" + body[:64] + b"\n" + body[64:]
            + b"\n-> X25519 " + base64.b64encode(bytes(32)).rstrip(b"=") + b"\n\n--- "
            + base64.b64encode(bytes(32)).rstrip(b"=") + b"\n")
    assert agefile.check_header(io.BytesIO(head + b"payload")) == len(head)
    padded = head.replace(body[64:] + b"\n", body[64:] + b"=\n", 1)
    long_line = head.replace(body[:64] + b"\n" + body[64:], body[:68] + b"\n" + body[68:], 1)
    for bad in (padded, long_line, head.replace(b"-> X25519", b"->  X25519"), head[:-2] + b"\n",
                agefile.AGE_MAGIC + b"--- " + base64.b64encode(bytes(32)).rstrip(b"=") + b"\n"):
        with pytest.raises(agefile.AgeError):
            agefile.check_header(io.BytesIO(bad))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3 * 65536 + 50), flip=st.integers(min_value=0))
def test_any_single_flipped_byte_is_detected(data: bytes, flip: int,
                                             keys: tuple[str, str]) -> None:
    secret, public = keys
    sealed = bytearray(encrypt(data, public))
    assert decrypt(bytes(sealed), secret) == data
    sealed[flip % len(sealed)] ^= 0x20
    with pytest.raises(agefile.AgeError):
        decrypt(bytes(sealed), secret)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tail=st.binary(max_size=600), stanza=st.booleans())
def test_arbitrary_headers_fail_only_with_age_error(tail: bytes, stanza: bool,
                                                    keys: tuple[str, str]) -> None:
    secret, _ = keys
    prefix = agefile.AGE_MAGIC + (b"-> X25519 " if stanza else b"")
    with pytest.raises(agefile.AgeError):
        decrypt(prefix + tail, secret)


def test_header_mixing_scrypt_with_x25519_is_refused(keys: tuple[str, str]) -> None:
    """c2sp.org/age: an scrypt stanza must be alone. Here the X25519 stanza really is ours and
    the header MAC is valid, so only that rule can refuse it (the testkit's scrypt_and_x25519
    vector is also refused, but already because its X25519 stanza is not for its identity)."""
    secret, public = keys
    data = bytes(range(256)) * 300  # several chunks
    assert decrypt(encrypt_with_stanzas(data, public, []), secret) == data  # the helper is sound
    for extra in ([SCRYPT_STANZA], [SCRYPT_STANZA, SCRYPT_STANZA]):
        for order in (extra, extra[::-1]):
            mixed = encrypt_with_stanzas(data, public, order)
            with pytest.raises(agefile.AgeError):
                decrypt(mixed, secret)
            with pytest.raises(agefile.AgeError, match="mixes a passphrase"):
                agefile.check_header(io.BytesIO(mixed))
    other = b"-> other-type arg\n" + agefile._b64(b"x" * 10) + b"\n"
    assert decrypt(encrypt_with_stanzas(data, public, [other]), secret) == data  # still skipped


# The C2SP CCTV age vectors, vendored (licence and source in its README.md).
TESTKIT = Path(__file__).resolve().parents[1] / "fixtures" / "age-testkit"


def _read_vector(path: Path) -> tuple[dict[str, str], list[str], bytes]:
    head, _, body = path.read_bytes().partition(b"\n\n")
    meta: dict[str, str] = {}
    identities = []
    for line in head.decode().splitlines():
        name, _, value = line.partition(": ")
        if name == "identity":
            identities.append(value)
        else:
            meta[name] = value
    if meta.get("compressed") == "zlib":
        body = zlib.decompress(body)
    return meta, identities, body


def _vectors() -> list[Path]:
    return sorted(p for p in TESTKIT.iterdir() if p.name != "README.md")


def _applicable_vectors() -> list[Path]:
    """Vectors with an X25519 identity and no ASCII armor (armor, scrypt-only and plugin
    vectors do not apply to an X25519-only decryptor)."""
    out = []
    for path in _vectors():
        meta, identities, _ = _read_vector(path)
        if "armored" not in meta and any(i.startswith("AGE-SECRET-KEY-1") for i in identities):
            out.append(path)
    return out


@pytest.mark.parametrize("vector", _applicable_vectors(), ids=lambda p: p.name)
def test_c2sp_age_testkit_vector(vector: Path) -> None:
    """The C2SP CCTV age vectors that apply here (tests/fixtures/age-testkit)."""
    meta, identities, body = _read_vector(vector)
    results = []
    for identity in identities:
        try:
            results.append(hashlib.sha256(decrypt(body, identity)).hexdigest())
        except agefile.AgeError:
            results.append(None)
    if meta["expect"] == "success":
        assert meta["payload"] in results
    else:
        assert results == [None] * len(results), meta.get("comment", meta["expect"])


def test_c2sp_age_testkit_is_vendored_whole() -> None:
    assert len(_vectors()) >= 140
    applicable = {p.name for p in _applicable_vectors()}
    assert len(applicable) >= 60 and "scrypt_and_x25519" in applicable


def _parsed_headers() -> list[Path]:
    """Vectors (armored ones aside) whose header the specification accepts: all but
    ``header failure`` (C2SP: those are the ones to round-trip a header through)."""
    return [p for p in _vectors()
            if "armored" not in _read_vector(p)[0]
            and _read_vector(p)[0]["expect"] != "header failure"]


@pytest.mark.parametrize("vector", _parsed_headers(), ids=lambda p: p.name)
def test_c2sp_header_parses_and_encodes_to_the_same_bytes(vector: Path) -> None:
    _, _, body = _read_vector(vector)
    header = agefile.parse_header(body)
    assert header.encode() == body[:header.length]
    assert agefile.parse_header(header.encode()) == header


def test_c2sp_header_failures_are_refused() -> None:
    """Each applicable ``header failure`` vector fails to parse, or (where the fault is a rule
    of the X25519 stanza, such as its argument count) parses and is refused on decryption."""
    failures = [p for p in _applicable_vectors() if _read_vector(p)[0]["expect"] == "header failure"]
    assert len(failures) >= 15
    parsed_then_refused = []
    for vector in failures:
        _, identities, body = _read_vector(vector)
        try:
            agefile.parse_header(body)
        except agefile.AgeError:
            continue
        parsed_then_refused.append(vector.name)
        for identity in identities:
            with pytest.raises(agefile.AgeError):
                decrypt(body, identity)
    assert len(parsed_then_refused) < len(failures) / 2, parsed_then_refused


_ARG = st.binary(min_size=1, max_size=12).map(lambda b: bytes(0x21 + c % 94 for c in b))
_STANZA = st.builds(agefile.Stanza, st.lists(_ARG, min_size=1, max_size=4).map(tuple),
                    st.binary(max_size=200))


@settings(max_examples=300, deadline=None)
@given(stanzas=st.lists(_STANZA, min_size=1, max_size=5).filter(
           lambda ss: len(ss) == 1 or all(s.args[0] != b"scrypt" for s in ss)),
       mac=st.binary(min_size=32, max_size=32), payload=st.binary(max_size=40))
def test_header_encode_then_parse_is_the_identity(stanzas: list[agefile.Stanza], mac: bytes,
                                                  payload: bytes) -> None:
    """Any header the format can express: encoding then parsing gives it back, with its length
    in the file (whatever follows it), and encoding what was parsed gives the same bytes."""
    encoded = agefile.Header(tuple(stanzas), mac, 0).encode()
    parsed = agefile.parse_header(encoded + payload)
    assert parsed == agefile.Header(tuple(stanzas), mac, len(encoded))
    assert parsed.encode() == encoded


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(min_value=0, max_value=4 * 65536 + 3), max_size=12),
       kinds=st.lists(st.sampled_from(["bytes", "bytearray", "memoryview"]), min_size=13,
                      max_size=13))
def test_encryptor_any_write_pattern_matches_pyrage(cuts: list[int], kinds: list[str],
                                                    keys: tuple[str, str]) -> None:
    """The encryptor seals full chunks straight from the caller's buffer and copies only the
    partial one: any split of the input into writes (empty ones, exact chunk multiples, one
    byte past a chunk) must give a file stock implementations decrypt to the same bytes."""
    secret, public = keys
    data = bytes((i * 31) % 257 % 256 for i in range(4 * 65536 + 3))
    bounds = sorted({0, len(data), *cuts})
    out = io.BytesIO()
    enc = agefile.Encryptor(out, [public])
    for k, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        piece: bytes | bytearray | memoryview = data[a:b]
        if kinds[k] == "bytearray":
            piece = bytearray(piece)
        elif kinds[k] == "memoryview":
            piece = memoryview(data)[a:b]
        assert enc.write(piece) == b - a
    enc.close()
    sealed = out.getvalue()
    chunks = max(1, -(-len(data) // 65536))
    assert len(sealed) - sealed.index(b"\n---") > chunks * 16 + len(data)
    assert pyrage.decrypt(sealed, [x25519.Identity.from_str(secret)]) == data
