"""What every command shares: exit codes, the language of its output, progress, opening the database.

A command handler is `run(args, console) -> int`; it prints through `console` so that
every sentence comes from the message table in `--lang`'s language, while machine-readable
output (csv, json) is written with `console.write` unchanged.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

from ..messages import Message, catalogue_translator, render

PROG = "livestream-desk"

EXIT_OK = 0
EXIT_PROBLEMS = 1  # `check` found problems
EXIT_USAGE = 2  # bad arguments, unusable database or file, a refused request
EXIT_BUG = 70  # EX_SOFTWARE: an unexpected exception
EXIT_INTERRUPTED = 130


class Progress:
    """Progress on stderr, only when it is a terminal (scripts and logs get none)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = bool(getattr(sys.stderr, "isatty", lambda: False)())
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or not total:
            return
        percent = int(done * 100 / total)
        if percent != self.shown:
            self.shown = percent
            sys.stderr.write(f"\r{self.label} {percent:3d}%")
            sys.stderr.flush()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *_exc) -> None:
        if self.enabled and self.shown >= 0:
            sys.stderr.write("\r" + " " * (len(self.label) + 5) + "\r")
            sys.stderr.flush()


class Console:
    """Output of one command run: messages rendered in `lang`, progress, plain text."""

    def __init__(self, lang: Optional[str]) -> None:
        self.lang = lang
        self.translate = catalogue_translator(lang)

    def text(self, code_or_message: "str | Message", /, **params: Any) -> str:
        """A message from the table as a sentence in this run's language."""
        message = code_or_message if isinstance(code_or_message, Message) else Message(code_or_message, **params)
        return render(message, self.translate)

    def say(self, code_or_message: "str | Message", /, **params: Any) -> None:
        """Print one message as a line on stdout."""
        self.write(self.text(code_or_message, **params) + "\n")

    def write(self, text: str) -> None:
        """Print text as it is (tables, csv, json, several lines already rendered)."""
        sys.stdout.write(text)
        sys.stdout.flush()

    def progress(self, code_or_message: "str | Message", /, **params: Any) -> Progress:
        return Progress(self.text(code_or_message, **params))

    def error_line(self, text: str) -> str:
        return f"{PROG}: error: {' '.join(text.split())}\n"


def input_file(text: str) -> Path:
    """The file a command is to read, refused early when it is missing or a folder."""
    from ..services.errors import UserError

    source = Path(text).expanduser()
    if not source.exists():
        raise UserError("common.file_missing", path=str(source))
    if source.is_dir():
        raise UserError("cli.input_is_folder", path=str(source))
    return source


def size_text(path: Path) -> str:
    size = float(path.stat().st_size)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


__all__ = ["Console", "Progress", "PROG", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "EXIT_BUG", "EXIT_INTERRUPTED", "size_text", "input_file"]
