"""The supervisor window words a bundle's chain line and its warnings in the interface language:
the core hands it messages (codes of errors.catalog), never English sentences. Real window,
real vaults, a forged twin of a real bundle (tests/bundle_forge.py)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from app.bundles.importer import import_bundle
from tests.bundle_forge import decrypt, encrypt, forge, write
from tests.bundle_helpers import make_world, populate
from tests.ui_support import supervisor_view_on
from ui.supervisor_view import SupervisorView

# English words of the core's chain and warning sentences that must not reach a Korean reader
ENGLISH = re.compile(r"suspicious|bundle \d|continues|first bundle|unknown here|report this|"
                     r"never imported|NOT encrypted")


def _open(qtbot: Any, sv: SupervisorView, bundle: Path) -> str:
    sv.verdict.clear()
    sv.open_bundle(bundle)
    qtbot.waitUntil(lambda: bool(sv.verdict.text()), timeout=30_000)
    return sv.details.toPlainText()


def _import(qtbot: Any, sv: SupervisorView) -> str:
    sv.message.clear()
    sv.import_button.click()
    qtbot.waitUntil(lambda: bool(sv.message.text()), timeout=30_000)
    return sv.message.text()


def test_chain_and_warnings_of_a_forked_out_of_order_bundle_read_in_korean(
        qtbot, tmp_path, korean) -> None:
    w = make_world(tmp_path)
    iid = populate(w.field, "NK-2026-961")
    one, two = w.export(iid, name="1.age"), w.export(iid, name="2.age")
    import_bundle(w.sup, two.path, w.identity, role="supervisor")  # arrived before bundle 1
    twin_id = str(uuid.uuid4())
    plain = forge(w, decrypt(w, two.path.read_bytes()),
                  manifest_fn=lambda m: m.update(bundle_id=twin_id, purpose="court"))
    twin = write(tmp_path / "twin.age", encrypt(plain, w.identity.public.age_recipient))
    sv = supervisor_view_on(qtbot, w, tmp_path)

    details = _open(qtbot, sv, twin)
    lines = details.splitlines()
    assert "연결: 2번 이전 번들은 이 보관함에 없음" in lines, details
    assert ("경고: 이 기기의 번들 1~1번을 이 보관함으로 가져온 적이 없습니다. 그 번들들이 있는지 "
            "면담자에게 물어보십시오") in lines, details
    fork = (f"경고: 의심스러운 번들입니다. 번들 2({twin_id})과(와) 번들 2({two.bundle_id})이(가) "
            "이 기기의 같은 번호 2을(를) 달고 있고, 둘 다 이 보관함으로 가져온 번들 다음이 "
            "아닙니다. 이를 보고하십시오. 둘 중 하나는 신뢰하는 노트북에서 만든 것이 아닙니다")
    assert fork in lines, details
    assert not ENGLISH.search(details), details
    # the verdict above the details never calls a suspicious bundle verified
    verdict = sv.verdict.text()
    assert verdict.startswith("의심스러움: 서명은 유효하고") and "검증됨" not in verdict, verdict
    assert "NK-2026-961" in verdict and not ENGLISH.search(verdict), verdict
    # words among the values (the profile and the purpose) are translated too; ids stay
    assert f"번들 {twin_id} (보존 프로필, 목적 법정)" in lines, details
    # the import summary repeats the warnings, in Korean too
    imported = _import(qtbot, sv)
    assert fork in imported.splitlines() and not ENGLISH.search(imported), imported

    # bundle 1 arrives last: it anchors both twins, which the window reports as suspicious
    details = _open(qtbot, sv, one.path)
    assert "연결: 이 기기의 첫 번들(번들 2보다 늦게 도착)" in details.splitlines(), details
    imported = _import(qtbot, sv)
    ids = ", ".join(sorted([twin_id, two.bundle_id]))
    assert (f"경고: 의심스러운 번들입니다. 이 기기에 번호가 2인 번들이 둘 있고 둘 다 연결에 "
            f"들어맞습니다({ids}). 이를 보고하십시오. 둘 중 하나는 신뢰하는 노트북에서 만든 것이 "
            "아닙니다") in imported.splitlines(), imported
    assert not ENGLISH.search(imported), imported


def test_in_english_the_window_shows_the_sentences_the_terminal_prints(qtbot, tmp_path) -> None:
    from app.bundles.export import export_bundle

    w = make_world(tmp_path)
    iid = populate(w.field, "NK-2026-962")
    plain = export_bundle(w.field, [iid], recipients=[], out=tmp_path / "plain.tar",
                          role="interviewer", unencrypted=True)
    sv = supervisor_view_on(qtbot, w, tmp_path)
    lines = _open(qtbot, sv, plain.path).splitlines()
    assert "Chain: first bundle from this device" in lines
    assert ("Warning: this bundle is NOT encrypted; anyone who held the file could read it"
            in lines)
    # a warning that is not suspicion: still verified, and the verdict points at the warning
    assert sv.verdict.text().startswith("Verified: this bundle comes from a laptop you pinned")
    assert sv.verdict.text().endswith("Read the warning below before importing it.")
