"""What an import brought, in the words people use ("2 interviews, 48 passages, 1 recording")
rather than a count of database records. The window has its own translated version."""

from __future__ import annotations

# table -> (singular, plural), in the order they are named
WORDS: tuple[tuple[str, str, str], ...] = (
    ("interview", "interview", "interviews"),
    ("segment", "passage", "passages"),
    ("audio_asset", "recording", "recordings"),
    ("marker", "marker", "markers"),
    ("tag", "tag", "tags"),
)


def in_words(by_table: dict[str, int]) -> str:
    """Interviews, passages and recordings always; markers and tags when there are any."""
    parts = []
    for table, one, many in WORDS:
        n = by_table.get(table, 0)
        if n or table in ("interview", "segment", "audio_asset"):
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)
