"""Archive addresses as a person types them: adding a password for one connection, removing it
before the address is remembered. Both forms libpq reads are accepted (``postgresql://...`` and
``host=... dbname=...``)."""

from __future__ import annotations

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from storage.errors import ArchiveError


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` added; unchanged if it is empty. ArchiveError
    ``archive.bad_address`` if the address cannot be read."""
    if not password:
        return url
    try:
        return make_conninfo(url, password=password)
    except psycopg.ProgrammingError:
        raise ArchiveError("archive.bad_address") from None


def without_password(url: str) -> str:
    """The same address with any password removed ("" if it cannot be read)."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return ""
    if "password" not in info:
        return url.strip()
    info.pop("password")
    return make_conninfo("", **info)
