"""The tests themselves are laid out so that each one can be read and run alone: test modules in
one folder per area, each folder a package with its own conftest.py; fixtures come from the
conftest.py files (never imported by name); support modules hold plain helpers, define no
fixtures and are the only thing a test imports from tests/; no test and no benchmark imports a
test module or a conftest.py."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from tests.common import ROOT

TESTS = ROOT / "tests"


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "fixtures" not in p.relative_to(TESTS).parts)


def _is_test_module(path: Path) -> bool:
    return path.name.startswith("test_")


def _is_support_module(path: Path) -> bool:
    return not _is_test_module(path) and path.name not in ("conftest.py", "__init__.py")


def _imported_modules(tree: ast.AST, package: str) -> list[str]:
    """Every module an import statement names, ``from X import y`` giving both ``X`` and
    ``X.y`` (y may be a module); relative imports resolved against ``package``."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            found.append(base)
            found += [f"{base}.{a.name}" for a in node.names]
    return found


def _names_imported_from_tests(tree: ast.AST) -> list[str]:
    return [a.asname or a.name for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tests")
            for a in node.names]


def _fixtures_defined(tree: ast.AST) -> list[str]:
    """Functions decorated with ``pytest.fixture`` / ``fixture``, called or not."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for dec in node.decorator_list:
                target = dec.func if isinstance(dec, ast.Call) else dec
                name = (target.attr if isinstance(target, ast.Attribute)
                        else target.id if isinstance(target, ast.Name) else "")
                if name == "fixture":
                    names.append(node.name)
    return names


def _forbidden_imports(modules: list[str]) -> list[str]:
    """Imports of a test module or a conftest.py."""
    return [m for m in modules
            if any(part.startswith("test_") or part == "conftest" for part in m.split("."))]


def _package_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])


@functools.cache
def _parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text("utf-8"), filename=str(path))


def test_every_test_module_lives_in_an_area_folder_with_its_conftest() -> None:
    loose = sorted(p.name for p in TESTS.glob("test_*.py"))
    assert loose == [], f"move these into an area folder (tests/<area>/): {loose}"
    areas = sorted({p.parent for p in TESTS.rglob("test_*.py")
                    if "fixtures" not in p.relative_to(TESTS).parts})
    assert len(areas) >= 10
    for area in areas:
        assert area.parent == TESTS, f"{area} is nested; areas are one level deep"
        assert (area / "__init__.py").is_file(), f"{area} is not a package"
        assert (area / "conftest.py").is_file(), f"{area} has no conftest.py"


def test_no_test_helper_or_benchmark_imports_a_test_module_or_a_conftest() -> None:
    offenders = []
    for path in [*_modules(TESTS), *sorted((ROOT / "bench").rglob("*.py"))]:
        bad = _forbidden_imports(_imported_modules(_parse(path), _package_of(path)))
        offenders += [f"{path.relative_to(ROOT)}: {m}" for m in bad]
    assert offenders == []


def test_support_modules_define_no_fixtures() -> None:
    """A fixture in a support module could only be used by importing it by name."""
    offenders = {p.relative_to(ROOT).as_posix(): _fixtures_defined(_parse(p))
                 for p in _modules(TESTS) if _is_support_module(p)}
    assert {k: v for k, v in offenders.items() if v} == {}


REDEFINED = "noqa: " + "F811"  # a parameter shadowing an imported fixture


def _silenced_test_imports(path: Path) -> list[int]:
    """Lines of ``from tests... import`` statements that carry a ``noqa`` (the way an unused
    fixture import used to be kept alive), and lines silencing a parameter that shadows one."""
    lines = path.read_text("utf-8").splitlines()
    found = [node.lineno for node in ast.walk(_parse(path))
             if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tests")
             and any("noqa" in line for line in lines[node.lineno - 1:node.end_lineno])]
    return sorted(found + [n for n, line in enumerate(lines, start=1) if REDEFINED in line])


def test_no_fixture_is_imported_by_name() -> None:
    fixtures = {name for p in TESTS.rglob("conftest.py") for name in _fixtures_defined(_parse(p))}
    assert {"vault", "cli", "virtual_mic", "speech_wav", "_audio_devices_first"} <= fixtures
    offenders = []
    for path in _modules(TESTS):
        imported = set(_names_imported_from_tests(_parse(path)))
        offenders += [f"{path.relative_to(ROOT)}: {n}" for n in sorted(imported & fixtures)]
        offenders += [f"{path.relative_to(ROOT)}:{n}: noqa" for n in _silenced_test_imports(path)]
    assert offenders == []


def test_the_checks_find_what_they_look_for() -> None:
    tree = ast.parse(
        "import tests.vault.test_vault\n"
        "from tests.conftest import PASSPHRASE\n"
        "from tests.ui import test_ui_shell\n"
        "from . import test_rekey\n"
        "from .conftest import thing\n"
        "from tests.common import ROOT\n"
        "import pytest\n"
        "@pytest.fixture(scope='session')\n"
        "def world(): ...\n"
        "@fixture\n"
        "def other(): ...\n"
        "def helper(): ...\n")
    bad = _forbidden_imports(_imported_modules(tree, "tests.vault"))
    assert "tests.vault.test_vault" in bad
    assert "tests.conftest" in bad
    assert "tests.ui.test_ui_shell" in bad
    assert "tests.vault.test_rekey" in bad
    assert "tests.vault.conftest" in bad
    assert not any(m.startswith("tests.common") for m in bad)
    assert _fixtures_defined(tree) == ["world", "other"]
    assert set(_names_imported_from_tests(tree)) >= {"PASSPHRASE", "test_ui_shell", "ROOT"}


def test_a_silenced_fixture_import_is_found(tmp_path: Path) -> None:
    module = tmp_path / "test_x.py"
    module.write_text("from tests.ui_support import (  # noqa: F401\n    unlock,\n)\n"
                      "from tests.common import ROOT\n"
                      f"def test_x(virtual_mic):  # {REDEFINED}\n    pass\n")
    assert _silenced_test_imports(module) == [1, 5]


def _slow_entries(conftest: Path) -> list[str]:
    """What an area conftest names in ``SLOW = {...}`` (tests.common.mark_slow) and in
    ``FAST = {...}`` (tests.common.mark_slow_except)."""
    found = []
    for node in ast.walk(_parse(conftest)):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in ("SLOW", "FAST")
                                                for t in node.targets):
            if isinstance(node.value, ast.Dict):
                found += [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
            elif isinstance(node.value, ast.Set):
                found += [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
    return found


def test_every_slow_entry_names_a_test_that_exists() -> None:
    """A renamed test must not silently change sets, nor an entry linger."""
    entries = {c: _slow_entries(c) for c in sorted(TESTS.glob("*/conftest.py"))}
    assert sum(map(len, entries.values())) >= 5
    stale = []
    for conftest, keys in entries.items():
        for key in keys:
            module, _, test = key.partition("::")
            path = conftest.parent / module
            names = {n.name for n in ast.walk(_parse(path))
                     if isinstance(n, ast.FunctionDef)} if path.is_file() else set()
            if not path.is_file() or (test and test not in names):
                stale.append(f"{conftest.relative_to(ROOT)}: {key}")
    assert stale == []
