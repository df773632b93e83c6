"""Tests of connected testimonies (app/connect/): entities, links, corroboration, briefs,
through the services, the command line and a generated archive (tests/connect_archive.py)."""
