"""Small typed helpers for building layouts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QWidget


def set_buddy(layout: QLayout, index: int, buddy: QWidget) -> None:
    """Make the label at ``index`` of ``layout`` the mnemonic label of ``buddy``."""
    item = layout.itemAt(index)
    label = item.widget() if item is not None else None
    if not isinstance(label, QLabel):
        raise TypeError(f"item {index} of the layout is not a label")
    label.setBuddy(buddy)
