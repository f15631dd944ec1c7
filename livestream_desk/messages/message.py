"""`Message` (a code and its parameters), `Problem` (an exception carrying one) and `render`."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable, Mapping, Optional

# The translation context of every message text (the .ts groups them under it).
CONTEXT = "Messages"

# A quoted value never grows a dialog or a terminal line without bound: a 10,000-character
# paste is shown as its first characters and an ellipsis.
MAX_VALUE_CHARS = 60
# File names and paths are worth more of the line: the end of a path is what tells files apart.
MAX_PATH_CHARS = 160
_PATH_PARAMS = {"path", "file", "target", "source", "folder"}

Translate = Callable[[str, str], str]


def clip(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """`text` on one line, at most `limit` characters (with … when cut)."""
    text = " ".join(str(text).split()) if ("\n" in str(text) or "\r" in str(text) or "\t" in str(text)) else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Message:
    """A code from the message table with its parameters.

    Parameter values may be str (clipped when rendered), int (thousands separators), Decimal,
    dates, or another Message (rendered first, e.g. the name of a field).
    """

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params: Mapping[str, Any] = params

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and other.code == self.code and dict(other.params) == dict(self.params)

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"Message({self.code!r}{', ' if inner else ''}{inner})"

    def __str__(self) -> str:  # English, for logs and tests
        return render(self)


class Problem(Exception):
    """A foreseen error whose explanation is a `Message`; nothing was written.

    Subclasses say what kind of problem it is (bad input, a database that cannot be used…);
    the text always comes from the message table, so it can be shown in any language.
    """

    def __init__(self, code_or_message: "str | Message", /, **params: Any) -> None:
        if isinstance(code_or_message, Message):
            self.message = code_or_message
        else:
            self.message = Message(code_or_message, **params)
        super().__init__(self.message.code)

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> Mapping[str, Any]:
        return self.message.params

    def __str__(self) -> str:
        return render(self.message)


def source_text(code: str) -> str:
    """The English source text of `code` (KeyError for an unknown code)."""
    from .texts import TEXTS

    return TEXTS[code]


def _identity(_context: str, text: str) -> str:
    return text


def _format_value(value: Any, translate: Translate) -> str:
    if isinstance(value, Message):
        return render(value, translate)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (list, tuple)):
        return ", ".join(_format_value(v, translate) for v in value)
    return clip(str(value))


class _Params(dict):
    """Format parameters; a placeholder the text names but the message lacks stays visible."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(message: Message, translate: Optional[Translate] = None) -> str:
    """`message` as a sentence: its text translated by `translate` (English when None)."""
    translate = translate or _identity
    from .texts import TEXTS

    source = TEXTS.get(message.code)
    if source is None:  # an unknown code is a bug; still show something readable
        return message.code + (" " + repr(dict(message.params)) if message.params else "")
    text = translate(CONTEXT, source) or source
    params = _Params(
        {
            k: clip(str(v), MAX_PATH_CHARS) if k in _PATH_PARAMS and isinstance(v, str) else _format_value(v, translate)
            for k, v in message.params.items()
        }
    )
    try:
        return text.format_map(params)
    except (ValueError, IndexError):  # a broken translation: fall back to the source text
        return source.format_map(params)
