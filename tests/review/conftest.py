"""Tests of the review aids: term suggestions (the near-miss matcher), confidence marks, find
and replace, revisions and slow-down, through the services and the command line. Helpers:
tests/review_helpers.py."""
