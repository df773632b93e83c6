"""Layering: Qt widgets only in ui/, Qt at all only in the front ends and the Qt audio
backend, the core runs with PySide6 absent, and the wiring is plain imports."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.common import ROOT

CORE = ("app", "crypto", "errors", "storage", "transcription")


def _imports(package: str) -> list[tuple[str, str]]:
    """(file, imported module) for every import statement in ``package``, at any level."""
    found = []
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found += [(path.relative_to(ROOT).as_posix(), a.name) for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((path.relative_to(ROOT).as_posix(), node.module))
    return found


def test_no_core_module_imports_qt_or_a_front_end() -> None:
    offenders = [(f, n) for package in CORE for f, n in _imports(package)
                 if n.split(".")[0] in ("PySide6", "ui", "cli", "qtaudio")]
    assert offenders == []


def test_qt_widgets_only_in_the_window() -> None:
    """The Qt audio backend and the CLI use QtCore/QtMultimedia, never a widget; in the CLI only
    its recording driver touches Qt at all."""
    widgets = ("PySide6.QtWidgets", "PySide6.QtGui")
    offenders = [(f, n) for package in ("qtaudio", "cli") for f, n in _imports(package)
                 if n.startswith(widgets)]
    assert offenders == []
    cli_qt = {f for f, n in _imports("cli") if n.split(".")[0] in ("PySide6", "qtaudio")}
    assert cli_qt <= {"cli/record.py", "cli/audio_cmds.py"}


def test_no_import_by_name_hides_a_dependency() -> None:
    """Wiring is plain imports, so import-linter and PyInstaller see every dependency. Schema
    migrations are the one exception: found by discovery, and swept by the PyInstaller spec."""
    offenders = []
    for package in (*CORE, "cli", "ui", "qtaudio"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text("utf-8")
            if "import_module(" in text or "__import__(" in text:
                offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == ["storage/migrations/__init__.py"]


def test_core_and_cli_run_without_pyside6(tmp_path: Path) -> None:
    """Block PySide6 at import time, import every core module, and run the CLI's help."""
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\n"
        "class _Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.'):\n"
        "            raise ImportError('PySide6 is blocked in this test')\n"
        "sys.meta_path.insert(0, _Block())\n")
    script = (
        "import importlib, pkgutil\n"
        f"for pkg in {CORE!r}:\n"
        "    m = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(m.__path__, pkg + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "from cli import main\n"
        "raise SystemExit(main(['--help']))\n")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, env=env, check=False)
    assert res.returncode == 0, res.stderr
    assert "interview" in res.stdout


def test_front_ends_hold_no_sql() -> None:
    """The window and the command line reach the vault through app/ services only: no
    ``execute(`` call and no SQL statement in ui/ or cli/ (the services own every query)."""
    import re

    sql = re.compile(r"\bexecute(many|script)?\(|\b(SELECT\s+\S.*\bFROM|INSERT\s+INTO|"
                     r"UPDATE\s+\w+\s+SET|DELETE\s+FROM|BEGIN\s+IMMEDIATE|ROLLBACK|"
                     r"CREATE\s+(TABLE|INDEX|TRIGGER))\b")
    offenders = []
    for package in ("ui", "cli"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                if sql.search(line):
                    offenders.append(f"{path.relative_to(ROOT).as_posix()}:{n}: {line.strip()}")
    assert offenders == []
    # The scan itself finds what it looks for.
    assert sql.search('v.conn.execute("SELECT id FROM segment WHERE x = ?")')
    assert sql.search('"INSERT INTO marker(id) VALUES (?)"')
