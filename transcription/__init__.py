"""Local speech recognition: audio decoding, the Whisper engine and the model registry.

No network and no temporary files: models load from verified local files, audio is decoded in
memory from the vault.
"""
