"""atheris harness for the bundle parsers: the tar reader, strict JSON, minisign files, the
manifest validator, the receipt reader and the age decryptor. Any exception other than the parsers' own
refusals is a crash. Run: python tests/fuzz/fuzz_bundles.py -runs=20000"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports():
    from app.bundles import container, strictjson
    from app.bundles.errors import BundleRejected
    from app.bundles.manifest import parse_manifest
    from crypto import agefile, minisign
    from crypto.errors import BadSignature

KEY = bytes(range(32))
AGE_IDENTITY, AGE_RECIPIENT = agefile.new_identity()


class _Discard:
    def write(self, data: bytes) -> int:
        return len(data)


class _Sink:
    def begin(self, name: str, size: int) -> None:
        assert container.name_allowed(name)

    def data(self, chunk: bytes) -> None:
        pass

    def end(self) -> None:
        pass


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    which = fdp.ConsumeIntInRange(0, 4)
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    if which == 0:
        reader = container.StrictTarReader(_Sink(), max_entries=64, max_total=1 << 20)
        try:
            step = max(1, len(rest) // 3)
            for i in range(0, len(rest), step):
                reader.write(rest[i:i + step])
            reader.close()
        except BundleRejected:
            pass
    elif which == 1:
        try:
            value = strictjson.loads(rest)
        except strictjson.StrictJsonError:
            return
        try:
            parse_manifest(value)
        except BundleRejected:
            pass
    elif which == 2:
        try:
            minisign.verify_file(KEY, b"message", rest)
        except BadSignature:
            pass
    elif which == 3:
        try:
            minisign.parse_public_key_file(rest)
        except (ValueError, UnicodeDecodeError):
            pass
    else:
        try:
            agefile.decrypt_stream(io.BytesIO(agefile.AGE_MAGIC + rest), _Discard(), AGE_IDENTITY)
        except agefile.AgeError:
            pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
