"""The versioned coding vocabulary: parsing, validation, storage in the vault, term lookup.

A taxonomy file is JSON Lines (UTF-8): line 1 is a header object, every other non-blank line one
term. JSON Lines lets every error name the line it is on. Header::

    {"format": "testimony-taxonomy", "format_version": 1, "name": "nk-hr", "version": "2026.1"}

Term::

    {"id": "detention.kwanliso.15", "parent": "detention.kwanliso",
     "label": {"en": "Kwanliso No. 15 Yodok", "ko": "요덕 관리소"},
     "aliases": ["요덕", "Camp 15"], "romanisations": ["Yodok", "Yoduk"],
     "description": "...", "glossary": true}

Every version ever used is stored in the vault (``taxonomy_version``/``taxonomy_term``) and never
deleted, so a tag keeps the label it was made with after an upgrade. The active version is
``meta['taxonomy.active']``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from app.coding.shown import shown
from app.errors import UsageError
from errors import Message
from storage.backend import Store
from storage.db import Connection
from storage.errors import ArchiveRefused

FORMAT = "testimony-taxonomy"
FORMAT_VERSION = 1
BUILTIN_RESOURCE = "nk-taxonomy.jsonl"
ACTIVE_KEY = "taxonomy.active"
MAX_FILE_BYTES = 8 * 1024 * 1024
LANGS = ("en", "ko")

_ID_RE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,127}")
_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_HEADER_KEYS = {"format", "format_version", "name", "version", "description"}
_TERM_KEYS = {"id", "parent", "label", "aliases", "romanisations", "description", "glossary"}
# Order in which glossary terms are offered to Whisper: named places and agencies matter most.
_GLOSSARY_PRIORITY = ("detention", "perpetrator", "forced_labour", "violation", "songbun",
                      "commodity")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class TaxonomyFileError(UsageError):
    """A taxonomy file was refused; the message names the line and the problem."""


@dataclass(frozen=True)
class Term:
    id: str
    parent: str | None
    label_en: str
    label_ko: str
    aliases: tuple[str, ...] = ()
    romanisations: tuple[str, ...] = ()
    description: str = ""
    glossary: bool = False

    def label(self, lang: str = "en") -> str:
        return self.label_ko if lang == "ko" else self.label_en

    def names(self) -> list[str]:
        """Every name the term is known by: labels, aliases, romanisations (no duplicates)."""
        out: list[str] = []
        for name in (self.label_en, self.label_ko, *self.aliases, *self.romanisations):
            if name not in out:
                out.append(name)
        return out

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {"id": self.id, "parent": self.parent,
                               "label": {"en": self.label_en, "ko": self.label_ko}}
        if self.aliases:
            rec["aliases"] = list(self.aliases)
        if self.romanisations:
            rec["romanisations"] = list(self.romanisations)
        if self.description:
            rec["description"] = self.description
        if self.glossary:
            rec["glossary"] = True
        return rec


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass
class Taxonomy:
    name: str
    version: str
    description: str = ""
    terms: dict[str, Term] = field(default_factory=dict)  # insertion order = file order
    _names: tuple[int, dict[str, list[Term]], dict[str, list[Term]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def _name_index(self) -> tuple[dict[str, list[Term]], dict[str, list[Term]]]:
        """Normalised label -> terms and alias -> terms, built once (rebuilt if terms change)."""
        if self._names is None or self._names[0] != len(self.terms):
            labels: dict[str, list[Term]] = {}
            aliases: dict[str, list[Term]] = {}
            for t in self.terms.values():
                for name in {_norm(t.label_en), _norm(t.label_ko)}:
                    labels.setdefault(name, []).append(t)
                for name in {_norm(n) for n in (*t.aliases, *t.romanisations)}:
                    aliases.setdefault(name, []).append(t)
            self._names = (len(self.terms), labels, aliases)
        return self._names[1], self._names[2]

    @property
    def version_id(self) -> str:
        return f"{self.name}@{self.version}"

    _kids: tuple[int, dict[str | None, list[Term]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def children(self, term_id: str | None) -> list[Term]:
        """Direct children in file order (indexed once, so large taxonomies stay fast)."""
        if self._kids is None or self._kids[0] != len(self.terms):
            kids: dict[str | None, list[Term]] = {}
            for t in self.terms.values():
                kids.setdefault(t.parent, []).append(t)
            self._kids = (len(self.terms), kids)
        return list(self._kids[1].get(term_id, []))

    def descendants(self, term_id: str) -> set[str]:
        """``term_id`` and every term below it."""
        out = {term_id}
        frontier = [term_id]
        while frontier:
            current = frontier.pop()
            for t in self.children(current):
                if t.id not in out:
                    out.add(t.id)
                    frontier.append(t.id)
        return out

    def root_of(self, term_id: str) -> str:
        seen: set[str] = set()
        current = term_id
        while current in self.terms and self.terms[current].parent and current not in seen:
            seen.add(current)
            current = self.terms[current].parent or current
        return current

    def matches(self, text: str) -> list[Term]:
        """Terms whose id, label, alias or romanisation equals ``text`` (case-insensitive).

        Ids win, then labels, then aliases: the first tier with any match is returned.
        """
        if text in self.terms:
            return [self.terms[text]]
        key = _norm(text)
        if not key:
            return []
        labels, aliases = self._name_index()
        return list(labels.get(key) or aliases.get(key) or [])

    def resolve(self, text: str) -> Term:
        """The one term ``text`` names, or a UsageError saying why not."""
        found = self.matches(text)
        if len(found) == 1:
            return found[0]
        if not found:
            raise UsageError("taxonomy.term_taxonomy_see_testimony", text=shown(text),
                             version_id=self.version_id)
        ids = ", ".join(t.id for t in found)
        raise UsageError("taxonomy.names_terms_use_one", text=shown(text), count=len(found),
                         ids=ids)

    def digest(self) -> str:
        body = json.dumps([self.name, self.version, [t.to_record() for t in self.terms.values()]],
                          ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    def to_jsonl(self) -> str:
        header = {"format": FORMAT, "format_version": FORMAT_VERSION, "name": self.name,
                  "version": self.version}
        if self.description:
            header["description"] = self.description
        lines = [json.dumps(header, ensure_ascii=False)]
        lines += [json.dumps(t.to_record(), ensure_ascii=False) for t in self.terms.values()]
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Parsing and validation


def _refuse(line: int, code: str, /, **params: object) -> TaxonomyFileError:
    return TaxonomyFileError("taxonomy.file_refused", line=line,
                             problem=Message(code, params))


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key '{key}' appears twice")
        out[key] = value
    return out


def _load_line(raw: bytes, line: int) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse(line, "taxonomy.text_utf") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except ValueError as exc:  # JSONDecodeError is a ValueError; so is a duplicate key
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise _refuse(line, "taxonomy.valid_json", reason=reason) from None


def _string_list(value: Any, key: str, line: int) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _refuse(line, "taxonomy.must_list_non_empty", key=key)
    return tuple(v.strip() for v in value)


def _parse_header(obj: Any) -> tuple[str, str, str]:
    if not isinstance(obj, dict):
        raise _refuse(1, "taxonomy.first_line_must_header", format=FORMAT)
    if obj.get("format") != FORMAT:
        raise _refuse(1, "taxonomy.header_s_format_must", format=FORMAT)
    if obj.get("format_version") != FORMAT_VERSION or isinstance(obj.get("format_version"), bool):
        raise _refuse(1, "taxonomy.format_version_supported_version",
                      format_version=obj.get("format_version"), format_version2=FORMAT_VERSION)
    unknown = sorted(set(obj) - _HEADER_KEYS)
    if unknown:
        raise _refuse(1, "taxonomy.unknown_header_field", value=unknown[0])
    name, version = obj.get("name"), obj.get("version")
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        raise _refuse(1, "taxonomy.header_needs_name_letters")
    if not isinstance(version, str) or not _NAME_RE.fullmatch(version):
        raise _refuse(1, "taxonomy.header_needs_version_such")
    description = obj.get("description", "")
    if not isinstance(description, str):
        raise _refuse(1, "taxonomy.description_must_string")
    return name, version, description


def _parse_term(obj: Any, line: int) -> Term:
    if not isinstance(obj, dict):
        raise _refuse(line, "taxonomy.each_line_after_header")
    unknown = sorted(set(obj) - _TERM_KEYS)
    if unknown:
        raise _refuse(line, "taxonomy.unknown_field_allowed", value=unknown[0],
                      choices=', '.join(sorted(_TERM_KEYS)))
    term_id = obj.get("id")
    if term_id is None:
        raise _refuse(line, "taxonomy.term_id")
    if not isinstance(term_id, str) or not _ID_RE.fullmatch(term_id):
        raise _refuse(line, "taxonomy.id_must_lower_case")
    parent = obj.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise _refuse(line, "taxonomy.parent_must_term_id", term_id=term_id)
    label = obj.get("label")
    if not isinstance(label, dict):
        raise _refuse(line, "taxonomy.term_label_object_en", term_id=term_id)
    for lang in LANGS:
        value = label.get(lang)
        if not isinstance(value, str) or not value.strip():
            raise _refuse(line, "taxonomy.term_missing_label", term_id=term_id, lang=lang)
    extra = sorted(set(label) - set(LANGS))
    if extra:
        raise _refuse(line, "taxonomy.term_label_unsupported_language", term_id=term_id,
                      value=extra[0])
    description = obj.get("description", "")
    if not isinstance(description, str):
        raise _refuse(line, "taxonomy.description_must_string_2", term_id=term_id)
    glossary = obj.get("glossary", False)
    if not isinstance(glossary, bool):
        raise _refuse(line, "taxonomy.glossary_must_true_false", term_id=term_id)
    return Term(term_id, parent, label["en"].strip(), label["ko"].strip(),
                _string_list(obj.get("aliases", []), "aliases", line),
                _string_list(obj.get("romanisations", []), "romanisations", line),
                description.strip(), glossary)


def parse(data: bytes, *, base: Taxonomy | None = None) -> Taxonomy:
    """Parse and validate a taxonomy file. With ``base``, the file extends it: its terms are
    added (or update terms with the same id) and its parents may be terms of ``base``.

    Raises TaxonomyFileError naming the first bad line.
    """
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(1, "taxonomy.file_larger_than_mib", value=MAX_FILE_BYTES // (1024 * 1024))
    raw_lines = data.split(b"\n")
    if data.startswith(b"\xef\xbb\xbf"):
        raw_lines[0] = raw_lines[0][3:]
    numbered = [(i + 1, raw) for i, raw in enumerate(raw_lines) if raw.strip()]
    if not numbered:
        raise _refuse(1, "taxonomy.file_empty")
    first_line, header_raw = numbered[0]
    if first_line != 1:
        raise _refuse(1, "taxonomy.header_must_first_line")
    name, version, description = _parse_header(_load_line(header_raw, 1))
    terms: dict[str, Term] = {}
    line_of: dict[str, int] = {}
    for line, raw in numbered[1:]:
        term = _parse_term(_load_line(raw, line), line)
        if term.id in terms:
            raise _refuse(line, "taxonomy.id_already_defined_line", id=term.id,
                          value=line_of[term.id])
        terms[term.id] = term
        line_of[term.id] = line
    if not terms:
        raise _refuse(1, "taxonomy.file_header_but_terms")
    merged: dict[str, Term] = dict(base.terms) if base else {}
    merged.update(terms)
    for term_id, term in terms.items():
        if term.parent is not None and term.parent not in merged:
            code = ("taxonomy.term_parent_not_in_file_or_base" if base
                    else "taxonomy.term_parent_which_defined")
            raise _refuse(line_of[term_id], code, term_id=term_id, parent=term.parent)
    for term_id in terms:
        chain = [term_id]
        current = merged[term_id].parent
        while current is not None:
            if current in chain:
                loop = " -> ".join([*chain[chain.index(current):], current])
                raise _refuse(line_of[term_id], "taxonomy.parents_form_cycle", term_id=term_id,
                              loop=loop)
            chain.append(current)
            current = merged[current].parent
    return Taxonomy(name, version, description, merged)


@functools.cache
def builtin_bytes() -> bytes:
    """The taxonomy file shipped with the application (read once)."""
    return resources.files("app.coding.data").joinpath(BUILTIN_RESOURCE).read_bytes()


_PARSED: dict[str, Taxonomy] = {}  # sha256 of file bytes -> parsed; files are immutable data


def builtin() -> Taxonomy:
    """The shipped taxonomy (parsed once per content)."""
    data = builtin_bytes()
    key = hashlib.sha256(data).hexdigest()
    if key not in _PARSED:
        _PARSED[key] = parse(data)
    return _PARSED[key]


# ---------------------------------------------------------------------------------------------
# Storage in the vault


def _stamp(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).isoformat()


def active_version_id(conn: Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (ACTIVE_KEY,)).fetchone()
    return str(row[0]) if row else None


def stored_versions(conn: Connection) -> list[dict[str, Any]]:
    """Every taxonomy version in the vault, oldest first, with the active one flagged."""
    active = active_version_id(conn)
    rows = conn.execute(
        "SELECT id, name, version, source, mode, based_on, term_count, imported_at, imported_by"
        " FROM taxonomy_version ORDER BY imported_at, id").fetchall()
    keys = ("id", "name", "version", "source", "mode", "based_on", "term_count", "imported_at",
            "imported_by")
    return [dict(zip(keys, r, strict=True)) | {"active": r[0] == active} for r in rows]


# A stored version never changes, so it is read once per (id, digest). Callers must not mutate.
_LOADED: dict[tuple[str, str], Taxonomy] = {}


def load_version(conn: Connection, version_id: str) -> Taxonomy:
    """A stored version; raises UsageError if the vault does not have it."""
    row = conn.execute("SELECT name, version, description, sha256 FROM taxonomy_version"
                       " WHERE id = ?", (version_id,)).fetchone()
    if row is None:
        raise UsageError("taxonomy.vault_taxonomy_version_see", version_id=version_id)
    cached = _LOADED.get((version_id, row[3]))
    if cached is not None:
        return cached
    tax = Taxonomy(row[0], row[1], row[2])
    for (term_id, parent, en, ko, aliases, roms, desc, glossary) in conn.execute(
            "SELECT term_id, parent, label_en, label_ko, aliases, romanisations, description,"
            " glossary FROM taxonomy_term WHERE version_id = ? ORDER BY seq", (version_id,)):
        tax.terms[term_id] = Term(term_id, parent, en, ko, tuple(json.loads(aliases)),
                                  tuple(json.loads(roms)), desc, bool(glossary))
    if len(_LOADED) > 32:
        _LOADED.clear()
    _LOADED[(version_id, row[3])] = tax
    return tax


def _store(conn: Connection, tax: Taxonomy, *, source: str, mode: str, based_on: str | None,
           role: str, now: dt.datetime | None) -> None:
    conn.execute(
        "INSERT INTO taxonomy_version(id, name, version, description, sha256, source, mode,"
        " based_on, term_count, imported_at, imported_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (tax.version_id, tax.name, tax.version, tax.description, tax.digest(), source, mode,
         based_on, len(tax.terms), _stamp(now), role))
    conn.executemany(
        "INSERT INTO taxonomy_term(version_id, term_id, parent, seq, label_en, label_ko, aliases,"
        " romanisations, description, glossary) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(tax.version_id, t.id, t.parent, i, t.label_en, t.label_ko,
          json.dumps(list(t.aliases), ensure_ascii=False),
          json.dumps(list(t.romanisations), ensure_ascii=False), t.description, int(t.glossary))
         for i, t in enumerate(tax.terms.values())])


def _activate(conn: Connection, version_id: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                 " SET value = excluded.value", (ACTIVE_KEY, version_id))


def _pending_shipped(conn: Connection) -> Taxonomy | None:
    """The shipped taxonomy if ``ensure_taxonomy`` would store it now, else None."""
    active = active_version_id(conn)
    if active is not None:
        row = conn.execute("SELECT source FROM taxonomy_version WHERE id = ?",
                           (active,)).fetchone()
        if row is None or row[0] != "builtin":
            return None  # an organisation's own taxonomy: never replaced automatically
    shipped = builtin()
    if active == shipped.version_id:
        return None
    return shipped


def ensure_taxonomy(vault: Store, *, role: str = "system",
                    now: dt.datetime | None = None) -> Taxonomy:
    """The active taxonomy, storing the shipped one first if the vault has none yet.

    If the active version came from the application (not an organisation's import) and this
    application ships another one, that version is stored and made active; older versions
    stay in the vault so old tags keep their labels.
    """
    conn = vault.conn
    active = active_version_id(conn)
    shipped = _pending_shipped(conn)
    if shipped is None:
        assert active is not None
        return load_version(conn, active)
    try:
        _store_shipped(vault, shipped, active, role=role, now=now)
    except ArchiveRefused:
        # An archive account that may not keep the vocabulary (a translator) reads with the
        # active version, or the shipped one unstored; an analyst's next coding stores it.
        return load_version(conn, active) if active is not None else shipped
    return load_version(conn, active_version_id(conn) or shipped.version_id)


def _store_shipped(vault: Store, shipped: Taxonomy, active: str | None, *, role: str,
                   now: dt.datetime | None) -> None:
    with vault.transaction() as tx:
        if active_version_id(tx) == active:  # nobody else changed it meanwhile
            known = tx.execute("SELECT 1 FROM taxonomy_version WHERE id = ?",
                               (shipped.version_id,)).fetchone()
            if not known:
                _store(tx, shipped, source="builtin", mode="builtin", based_on=active,
                       role=role, now=now)
            _activate(tx, shipped.version_id)
            vault.audit("store" if not known else "activate", "taxonomy", shipped.version_id,
                        role=role, now=now,
                        details={"source": "builtin", "previous": active,
                                 "terms": len(shipped.terms)})


@dataclass(frozen=True)
class ImportResult:
    version_id: str
    previous: str | None
    mode: str
    term_count: int
    added: int
    updated: int
    removed: int
    already_present: bool


def import_taxonomy(vault: Store, data: bytes, *, mode: str = "extend", role: str,
                    now: dt.datetime | None = None) -> ImportResult:
    """Import a taxonomy file, extending or replacing the active version, and make it active.

    A refused file raises TaxonomyFileError and changes nothing. Re-importing the identical
    version only re-activates it; the same name and version with other content is refused.
    """
    if mode not in ("extend", "replace"):
        raise UsageError("taxonomy.import_mode_must_extend")
    conn = vault.conn
    # Validate against what the active taxonomy will be, without storing anything yet: a
    # refused file must leave the vault exactly as it was.
    pending = _pending_shipped(conn)
    active = active_version_id(conn)
    current = pending if pending is not None or active is None else load_version(conn, active)
    assert current is not None
    tax = parse(data, base=current if mode == "extend" else None)
    row = conn.execute("SELECT sha256 FROM taxonomy_version WHERE id = ?",
                       (tax.version_id,)).fetchone()
    known_digest = row[0] if row else (
        pending.digest() if pending is not None and pending.version_id == tax.version_id
        else None)
    if known_digest is not None and known_digest != tax.digest():
        raise _refuse(1, "taxonomy.version_taxonomy_already_vault", version=tax.version,
                      name=tax.name)
    current = ensure_taxonomy(vault, role=role, now=now)
    existing = conn.execute("SELECT sha256 FROM taxonomy_version WHERE id = ?",
                            (tax.version_id,)).fetchone()
    old_ids, new_ids = set(current.terms), set(tax.terms)
    updated = sum(1 for t in new_ids & old_ids if tax.terms[t] != current.terms[t])
    with vault.transaction() as tx:
        if not existing:
            _store(tx, tax, source="import", mode=mode, based_on=current.version_id, role=role,
                   now=now)
        _activate(tx, tax.version_id)
        vault.audit("import" if not existing else "activate", "taxonomy", tax.version_id,
                    role=role, now=now,
                    details={"mode": mode, "previous": current.version_id,
                             "terms": len(tax.terms)})
    return ImportResult(tax.version_id, current.version_id, mode, len(tax.terms),
                        len(new_ids - old_ids), updated, len(old_ids - new_ids), bool(existing))


def import_file(vault: Store, path: Path, *, mode: str = "extend", role: str,
                now: dt.datetime | None = None) -> ImportResult:
    """Read ``path`` (refusing huge or unreadable files in one sentence) and import it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(1, "taxonomy.file_larger_than_mib", value=MAX_FILE_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError("taxonomy.read_taxonomy_file_check", path=shown(str(path), 80),
                         strerror=exc.strerror) from exc
    return import_taxonomy(vault, data, mode=mode, role=role, now=now)


# ---------------------------------------------------------------------------------------------
# Glossary for transcription


def _glossary_from(terms: Iterable[Term], root_of: Any) -> list[str]:
    """Korean names of glossary terms, most useful first.

    The transcription prompt is short (a few hundred characters), so it must not be spent on
    spelling variants of the first few camps: first the shortest Korean name of every term
    (요덕, 관리소, 보위부, 인민반 ...), then each term's full Korean label, then the other variants.
    Within each tier, places and agencies come before the rest.
    """
    def priority(t: Term) -> int:
        root = root_of(t.id)
        return _GLOSSARY_PRIORITY.index(root) if root in _GLOSSARY_PRIORITY else len(
            _GLOSSARY_PRIORITY)

    chosen = sorted((t for t in terms if t.glossary), key=priority)  # stable: file order
    # One-syllable names (당 "the Party") would bias every 당 in the speech: left out.
    korean = [[n for n in (t.label_ko, *t.aliases, *t.romanisations)
               if _HANGUL.search(n) and len(n.replace(" ", "")) >= 2] for t in chosen]
    tiers = [[min(names, key=len) for names in korean if names],
             [t.label_ko for t in chosen if _HANGUL.search(t.label_ko)],
             [n for names in korean for n in names]]
    out: list[str] = []
    for tier in tiers:
        for name in tier:
            if name not in out:
                out.append(name)
    return out


def glossary_terms(conn: Connection) -> list[str]:
    """Korean names of the glossary-flagged terms (facilities and agencies first), to bias
    Whisper towards 요덕, 관리소, 보위부 and the like. Listed in app.hooks.GLOSSARY_PROVIDERS."""
    active = active_version_id(conn)
    tax = load_version(conn, active) if active else builtin()
    return _glossary_from(tax.terms.values(), tax.root_of)
