"""Tests of the code base as a whole: the layers, the one error model, rules written once,
docs that name every CLI option, and the layout of these tests. Fixtures: the shared ones in
tests/conftest.py."""
