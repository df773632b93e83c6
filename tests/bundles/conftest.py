"""Tests of bundles (app/bundles/): export, verify, import as hostile input, receipts,
ownership, supervisor keys and the bundle commands. Helpers: tests/bundle_helpers.py (worlds of a
field and a supervisor vault), tests/bundle_forge.py (hand-made hostile bundles)."""
