"""Tests of audio: the recording session, imports, the Qt audio backend (qtaudio/) with the
private PulseAudio daemon (``virtual_mic``, ``speech_wav`` in tests/conftest.py), deleting
originals and the audio commands. Helpers: tests/audio_clips.py, tests/audio_helpers.py."""
