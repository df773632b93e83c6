"""Testimony Vault: the domain, services that combine storage and transcription, and the CLI."""

__version__ = "0.1.0"
