"""Audio decoding, the Whisper engine and the model registry (no network, no temp files)."""
