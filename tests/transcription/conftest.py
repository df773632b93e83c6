"""Tests of transcription/ and app/transcripts/: decoding, the engine child, guards, the model
registry and imports, the service with a fake engine, and the real pip-packaged Whisper models.
Helpers: tests/transcribe_helpers.py, tests/speech_dev.py."""
