"""Audio: stored recordings and imports, live recording sessions, probing, PCM, playback.

Modules: assets (import, list, export, settling recordings cut off by a crash), recording (the
live session a capture backend feeds), flac (the streamed FLAC recordings are stored as, and
counting the frames of one cut off by a crash), probe (hostile-input checks of audio files), pcm
(sample formats and WAV headers), playback (decoding a stored asset for the player).
"""
