"""Local speech recognition: audio decoding, the Whisper engine and the model registry."""
