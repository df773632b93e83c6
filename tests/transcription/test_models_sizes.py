"""A large-v3-shaped model (128 mel bins, 51866 tokens, 100 languages) through the import.

No large-v3 or turbo model can be fetched here, so one is made from the real multilingual base
model: its model.bin is rewritten with the first convolution widened to 128 mel bins and one
more vocabulary row, and config.json and the vocabulary get the hundredth language, exactly the
shape differences of large-v3. The weights added are zeros, so its text is meaningless; what is
tested is the plumbing that differs by size: detection, the preprocessor configuration, and that
faster-whisper then computes 128-bin features the model accepts.
"""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest

from cli.selftest import fixture_bytes
from transcription import models
from transcription.decode import iter_blocks
from transcription.engine import FasterWhisperEngine

pytestmark = pytest.mark.slow


def _widen(model_bin: bytes, *, mels: int, extra_tokens: int) -> bytes:
    """model.bin with encoder/conv1 taking ``mels`` bins and ``extra_tokens`` more embeddings."""
    out = bytearray()
    pos = 0

    def take(fmt: str) -> int:
        nonlocal pos
        value: int = struct.unpack_from(fmt, model_bin, pos)[0]
        pos += struct.calcsize(fmt)
        return value

    def take_text() -> bytes:
        nonlocal pos
        n = take("<H")
        pos += n
        return model_bin[pos - n:pos]

    version = take("<I")
    spec = take_text()
    revision = take("<I")
    count = take("<I")
    out += struct.pack("<I", version) + struct.pack("<H", len(spec)) + spec
    out += struct.pack("<II", revision, count)
    for _ in range(count):
        name = take_text()
        dims = [take("<I") for _ in range(take("<B"))]
        dtype = take("<B")
        size = take("<I")
        data = model_bin[pos:pos + size]
        pos += size
        label = name.rstrip(b"\0")
        if label in (b"encoder/conv1/weight", b"decoder/embeddings/weight"):
            item = size // int(np.prod(dims))
            array = np.frombuffer(data, dtype=f"u{item}").reshape(dims)
            if label == b"encoder/conv1/weight":
                array = np.pad(array, ((0, 0), (0, mels - dims[1]), (0, 0)))
            else:
                array = np.pad(array, ((0, extra_tokens), (0, 0)))
            dims, data = list(array.shape), array.tobytes()
            size = len(data)
        out += struct.pack("<H", len(name)) + name + struct.pack("<B", len(dims))
        out += b"".join(struct.pack("<I", d) for d in dims)
        out += struct.pack("<BI", dtype, size) + data
    return bytes(out + model_bin[pos:])  # the aliases that follow the variables


@pytest.fixture(scope="module")
def large_v3_shaped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = models.load_spec("base").files
    assert files is not None
    folder = tmp_path_factory.mktemp("stick") / "whisper-large-v3-shaped"
    folder.mkdir()
    (folder / "model.bin").write_bytes(_widen(files["model.bin"], mels=128, extra_tokens=1))
    config = json.loads(files["config.json"])
    config["lang_ids"] = [*config["lang_ids"], config["lang_ids"][-1] + 1]
    (folder / "config.json").write_text(json.dumps(config))
    vocabulary = json.loads(files["vocabulary.json"])
    (folder / "vocabulary.json").write_text(json.dumps([*vocabulary, "<|extra|>"]))
    (folder / "tokenizer.json").write_bytes(files["tokenizer.json"])
    return folder


def _speech(seconds: float) -> np.ndarray:
    from io import BytesIO

    audio = np.concatenate(list(iter_blocks(BytesIO(fixture_bytes()))))
    return audio[:int(seconds * 16000)]


def test_a_128_mel_model_is_detected_and_gets_its_feature_size(large_v3_shaped: Path,
                                                                tmp_path: Path) -> None:
    shape = models.read_model_shape(large_v3_shaped / "model.bin")
    assert (shape.vocabulary_size, shape.n_mels) == (51866, 128)
    store = tmp_path / "models"
    record = models.import_model(large_v3_shaped, store, name="large-v3-stick")
    assert record["multilingual"] and record["n_mels"] == 128
    assert record["vocabulary_size"] == 51866
    written = store / "large-v3-stick" / "preprocessor_config.json"
    assert json.loads(written.read_text())["feature_size"] == 128
    assert "preprocessor_config.json" in record["files"]  # verified before every load too
    assert not (large_v3_shaped / "preprocessor_config.json").exists()  # the stick is untouched

    spec = models.load_spec("large-v3-stick", store, {"large-v3-stick": record})
    engine = FasterWhisperEngine(spec, cpu_threads=2)
    whisper = engine._model
    assert whisper.feature_extractor.mel_filters.shape[0] == 128
    segments, _ = whisper.transcribe(_speech(2.0), language="en", max_new_tokens=3,
                                     without_timestamps=True, vad_filter=False,
                                     temperature=0.0)
    list(segments)  # 128-bin features reach a 128-bin encoder: no shape error

    # Without the written file faster-whisper computes 80 bins and the model fails on the
    # first window: what an import that copied the folder as it is would have produced.
    bare = tmp_path / "bare"
    shutil.copytree(store / "large-v3-stick", bare)
    (bare / "preprocessor_config.json").unlink()
    from faster_whisper import WhisperModel

    plain = WhisperModel(str(bare), device="cpu", compute_type="int8", local_files_only=True)
    with pytest.raises(ValueError, match=r"expected an input with shape \(1, 128, 3000\)"):
        list(plain.transcribe(_speech(2.0), language="en", max_new_tokens=3,
                              without_timestamps=True, vad_filter=False)[0])


def test_a_preprocessor_config_that_contradicts_model_bin_is_refused(large_v3_shaped: Path,
                                                                     tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    shutil.copytree(large_v3_shaped, folder)
    (folder / "preprocessor_config.json").write_text('{"feature_size": 80}')
    with pytest.raises(models.ModelRejected,
                       match="says 80 mel bins but model.bin has 128"):
        models.import_model(folder, tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []
    # A 128-bin model.bin with the 99-language files of base: parts of two sizes.
    config = json.loads((folder / "config.json").read_text())
    config["lang_ids"] = config["lang_ids"][:99]
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "preprocessor_config.json").unlink()
    with pytest.raises(models.ModelRejected, match="does not fit its config.json"):
        models.import_model(folder, tmp_path / "models")
