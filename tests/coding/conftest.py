"""Tests of evidence coding (app/coding/): the taxonomy, tags, events, dates, search and
reports, through the services and the command line. Helpers: tests/coding_util.py."""
