"""The one error model of the core: every error the app raises on purpose is a ``Problem``.

A problem has a ``kind`` (what a front end does about it: the CLI's exit code, the window's
dialog) and a stable ``code`` with parameters, whose English template lives in
``errors.catalog``. ``str(exc)`` is that template filled in: one English sentence saying what
happened and what to do, for logs, tests and the command line. The window renders the same code
through Qt's translation (Korean), substituting the parameters after translating.

Core messages never name a command-line flag: the CLI adds flag hints per code. This package
is the lowest layer (storage/ and transcription/ raise problems too) and imports nothing of the
project; crypto's opaque errors stay outside it on purpose.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import ClassVar, Self

from errors.catalog import CATALOG


class Kind(StrEnum):
    """What went wrong, as far as a front end needs to know."""

    USAGE = "usage"          # the request was wrong; say how to ask (CLI exit 2)
    FAILURE = "failure"      # it could not be done now (CLI exit 1)
    LOCKED = "locked"        # wrong passphrase, or the vault is locked (CLI exit 3)
    INTEGRITY = "integrity"  # damage, tampering or a failed verification (CLI exit 4)


Translate = Callable[[str], str]


def _same(template: str) -> str:
    return template


class Message:
    """A code and its parameters; parameters may themselves be messages (a reason inside a
    refusal), rendered with the same translation."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, params: Mapping[str, object] | None = None) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})

    def render(self, translate: Translate = _same) -> str:
        values = {k: v.render(translate) if isinstance(v, Message) else v
                  for k, v in self.params.items()}
        template = CATALOG.get(self.code)
        if template is None:  # a front end's own sentence, or a code missing from the catalogue
            return str(values.get("text", self.code))
        try:
            return translate(template).format(**values)
        except (KeyError, IndexError, ValueError):
            pass
        try:  # a translation that lost a placeholder must not hide the error: use the English
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template

    def to_json(self) -> dict[str, object]:
        """Code and parameters as plain JSON values (the transcription child sends these)."""
        return {"code": self.code,
                "params": {k: v.to_json() if isinstance(v, Message) else
                           v if isinstance(v, (int, float, bool)) or v is None else str(v)
                           for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Message:
        raw = data.get("params")
        params: dict[str, object] = {}
        if isinstance(raw, Mapping):
            for k, v in raw.items():
                params[str(k)] = cls.from_json(v) if isinstance(v, Mapping) else v
        return cls(str(data.get("code", "")), params)

    def __str__(self) -> str:
        """The English sentence (what the command line prints and the vault stores)."""
        return self.render()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash((self.code, self.render()))

    def __repr__(self) -> str:
        return f"Message({self.code!r})"


class Problem(Exception):
    """The root of every error the app raises on purpose.

    ``Problem("interview.code_empty")`` or ``UsageError("vault.not_found", path=p)``: the first
    argument is a code of ``errors.catalog``; keywords fill its template.
    """

    kind: ClassVar[Kind] = Kind.FAILURE

    def __init__(self, code: str, /, **params: object) -> None:
        self.message = Message(code, params)
        super().__init__(self.message.render())

    @classmethod
    def of(cls, message: Message) -> Self:
        """The error for a message built elsewhere (sent by the transcription child)."""
        exc = cls.__new__(cls)
        exc.message = message
        Exception.__init__(exc, message.render())
        return exc

    @classmethod
    def from_text(cls, text: str) -> Self:
        """A front end's own sentence (the CLI's, naming its flags): shown as is, untranslated.
        The core never uses this: its sentences are codes of ``errors.catalog``."""
        return cls.of(Message("", {"text": text}))

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, object]:
        return self.message.params

    def render(self, translate: Translate = _same) -> str:
        return self.message.render(translate)


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {field for _, field, _, _ in string.Formatter().parse(template)
            if field is not None and field != ""}


__all__ = ["CATALOG", "Kind", "Message", "Problem", "Translate", "placeholders"]
