"""requirements.lock pins every dependency pyproject.toml names, each with hashes, within the
declared ranges; and what installs dependencies (CI's venv.sh, the release build) installs it
with --require-hashes. A dependency added to pyproject.toml without re-locking fails here."""

from __future__ import annotations

import re
import tomllib

from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.common import ROOT

LOCK = ROOT / "requirements.lock"


def _pins() -> dict[str, list[tuple[Version, str | None, int]]]:
    """name -> [(version, marker text, number of hashes)] (a name may be pinned per Python)."""
    pins: dict[str, list[tuple[Version, str | None, int]]] = {}
    entries = re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8"))
    for entry in entries:
        first = entry.split("\\", 1)[0].strip()
        if not first or first.startswith("#"):
            continue
        spec, _, marker = first.partition(";")
        name, _, version = spec.strip().partition("==")
        assert version, f"requirements.lock: {first!r} is not pinned with =="
        pins.setdefault(canonicalize_name(name), []).append(
            (Version(version), marker.strip() or None, entry.count("--hash=sha256:")))
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        reqs += [Requirement(r) for r in extra]
    # An extra that names the project itself ("testimony-vault[archive]") pulls in another
    # extra, whose own requirements are listed above.
    own = canonicalize_name(project["name"])
    return [r for r in reqs if canonicalize_name(r.name) != own]


def test_every_pin_carries_hashes() -> None:
    pins = _pins()
    assert len(pins) > 40
    unhashed = [name for name, versions in pins.items() if any(n == 0 for _, _, n in versions)]
    assert not unhashed, unhashed


def test_every_declared_dependency_is_locked_within_its_range() -> None:
    pins = _pins()
    env = default_environment()
    problems = []
    for req in _declared():
        if req.marker is not None and not req.marker.evaluate(env):
            continue  # not for this platform (e.g. atheris off Linux x86-64)
        locked = pins.get(canonicalize_name(req.name))
        if not locked:
            problems.append(f"{req.name} is not in requirements.lock")
            continue
        here = [v for v, marker, _ in locked if marker is None or Marker(marker).evaluate(env)]
        if not here or not all(req.specifier.contains(v, prereleases=True) for v in here):
            problems.append(f"{req} is locked at {[str(v) for v in here]}")
    assert not problems, problems


def test_ci_and_the_release_build_install_the_lock_with_hashes() -> None:
    for script in ("scripts/venv.sh", "packaging/build.sh"):
        text = (ROOT / script).read_text(encoding="utf-8")
        assert "--require-hashes -r requirements.lock" in text, script
        # The project itself comes from the checkout without resolving anything else.
        assert "--no-deps" in text, script
