"""Transcripts: the transcription job, reading and editing segments, confidence, suggestions.

Modules: transcribe (the job: windows, engine, resume, cancel), store (transcripts, segments,
revisions, review status, speaker labels), export (text/JSON/DOCX), confidence (pure: words the
engine was unsure of), suggestions (near misses of taxonomy names offered for one-click edits).
"""
