"""Connecting the testimonies: entities, links, corroboration, same-witness duplicates and
evidence briefs across the interviews of a vault (see docs/connect.md)."""
