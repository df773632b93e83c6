"""Search across the archive by entity: the interviews a facility, commodity, enterprise,
period or witness filter allows. ``app.coding.search.search`` takes the result as its
``interviews`` allow-list, so these filters combine with the Korean substring and alias search.
"""

from __future__ import annotations

import json

from app.coding import dates
from app.coding import taxonomy as tx
from app.connect.entities import Kinds, resolve
from app.connect.witnesses import WitnessGroups
from app.errors import UsageError
from app.interviews import resolve_id
from storage.backend import Store
from storage.db import Connection


def _with_terms(conn: Connection, terms: set[str]) -> set[str]:
    items = json.dumps(sorted(terms))
    return {str(r[0]) for r in conn.execute(
        "SELECT interview_id FROM tag WHERE term_id IN (SELECT value FROM json_each(?1))"
        " UNION SELECT interview_id FROM event WHERE act IN (SELECT value FROM json_each(?1))"
        " OR perpetrator IN (SELECT value FROM json_each(?1))"
        " OR place_term IN (SELECT value FROM json_each(?1))"
        " UNION SELECT interview_id FROM link WHERE from_term IN (SELECT value FROM json_each(?1))"
        " OR to_term IN (SELECT value FROM json_each(?1))", (items,))}


def _in_dates(conn: Connection, low: str | None, high: str | None) -> set[str]:
    return {str(r[0]) for r in conn.execute(
        "SELECT DISTINCT interview_id FROM event WHERE date_from IS NOT NULL"
        " AND date_to IS NOT NULL AND (?1 IS NULL OR date_to >= ?1)"
        " AND (?2 IS NULL OR date_from <= ?2)", (low, high))}


def entity_interviews(vault: Store, *, commodity: str | None = None,
                      enterprise: str | None = None, period: str | None = None,
                      witness: str | None = None) -> set[str] | None:
    """The interviews every given filter allows (None: no filter given).

    ``commodity``/``enterprise``: tagged, coded in an event, or linked with that entity or one
    below it. ``period``: a period entity (tagged with it, or with an event dated within its
    recorded span) or a date range such as 1997..1999. ``witness``: an interview id or code;
    every interview decided to be the same person.
    """
    conn = vault.conn
    taxonomy = tx.ensure_taxonomy(vault)
    allowed: set[str] | None = None

    def narrow(ids: set[str]) -> None:
        nonlocal allowed
        allowed = ids if allowed is None else allowed & ids

    for value, kind, option in ((commodity, "commodity", "commodity"),
                                (enterprise, "enterprise", "enterprise")):
        if value is not None:
            ent = resolve(vault, value, kind, option=option)
            narrow(_with_terms(conn, taxonomy.descendants(ent.term_id)))
    if period is not None:
        found = taxonomy.matches(period.strip())
        if found and Kinds.load(conn).of(found[0].id) == "period":
            ent = resolve(vault, found[0].id, "period", option="period")
            ids = _with_terms(conn, taxonomy.descendants(ent.term_id))
            if ent.active_from or ent.active_to:
                ids |= _in_dates(conn, ent.active_from, ent.active_to)
            narrow(ids)
        else:
            try:
                low, high = dates.parse(period).interval()
            except UsageError:
                raise UsageError("connect.period_filter", period=period) from None
            narrow(_in_dates(conn, low.isoformat() if low else None,
                             high.isoformat() if high else None))
    if witness is not None:
        iid = resolve_id(vault, witness)
        groups = WitnessGroups.load(conn)
        me = groups.of(iid)
        narrow({str(r[0]) for r in conn.execute("SELECT id FROM interview")
                if groups.of(str(r[0])) == me})
    return allowed
