"""Tests of packaging/: the PyInstaller spec, the frozen build, release signing, the lock file and
the self-test. Fixtures: the shared ones in tests/conftest.py."""
