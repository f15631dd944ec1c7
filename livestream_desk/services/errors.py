"""Errors the services raise on purpose, and the one rule that tells them from bugs.

Every foreseen error is a `messages.Problem`: a code and parameters, rendered in the
user's language by the CLI and the GUI. `is_known_error` and `message_of` are the single
classifier both use: a known error is explained (one line on stderr, a plain message box);
anything else is a bug (a traceback, a "this is a bug" dialog), as qutebrowser separates
known errors from bugs.
"""
from __future__ import annotations

import sqlite3
import sys
from typing import Optional

from ..db.errors import DatabaseProblem
from ..messages import Message, Problem


class UserError(Problem):
    """Bad input or a request that cannot be carried out; nothing was written."""


class Cancelled(Problem):
    """The user cancelled long work; everything it did was rolled back."""

    def __init__(self, code_or_message: "str | Message" = "common.cancelled", /, **params) -> None:
        super().__init__(code_or_message, **params)


# sqlite3 errors that mean a programming mistake, not a damaged or busy file.
_SQLITE_BUGS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)


def message_of(exc: BaseException, where: "str | None" = None) -> Optional[Message]:
    """The message explaining a known error; None for a bug.

    `where` names the database for the messages about one that could not be read (the
    command line passes --db with its password hidden).
    """
    if isinstance(exc, Problem):
        return exc.message
    if isinstance(exc, OSError) and getattr(exc, "filename", None):
        return Message("common.file_unusable", path=str(exc.filename), reason=exc.strerror or str(exc))
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, _SQLITE_BUGS):
        return _unreadable(exc, where)
    if "sqlalchemy" in sys.modules:  # never imported just to ask
        from sqlalchemy import exc as sa_exc

        if isinstance(exc, sa_exc.OperationalError) and exc.orig is not None:
            from ..db.urls import READ_STATEMENT_TIMEOUT_MS, connect_timeout_of, read_cancelled, timed_out

            if read_cancelled(exc.orig):  # a server read ran past its statement timeout
                return Message("database.read_timed_out", seconds=READ_STATEMENT_TIMEOUT_MS // 1000)
            if timed_out(exc.orig):
                return Message("database.no_answer", path=where or "", seconds=connect_timeout_of(where))
        if isinstance(exc, sa_exc.OperationalError):  # locked, busy, unreachable, disk full
            return Message("common.database_busy", reason=_one_line(exc.orig if exc.orig is not None else exc))
        if isinstance(exc, sa_exc.DBAPIError):
            orig = exc.orig
            if isinstance(orig, sqlite3.DatabaseError) and not isinstance(orig, _SQLITE_BUGS):
                return _unreadable(orig, where)
        if isinstance(exc, sa_exc.ArgumentError):
            return Message("database.bad_url", path=where or "", reason=_one_line(exc))
    if isinstance(exc, ModuleNotFoundError) and exc.name in ("psycopg", "psycopg2"):
        return Message("database.no_driver", reason=_one_line(exc))
    return None


def _unreadable(exc: BaseException, where: Optional[str]) -> Message:
    if where:
        return Message("database.cannot_read", path=where, reason=_one_line(exc))
    return Message("database.damaged", reason=_one_line(exc))


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def is_known_error(exc: BaseException) -> bool:
    """True for errors the app foresaw and can explain; False for bugs."""
    return message_of(exc) is not None


__all__ = ["UserError", "Cancelled", "DatabaseProblem", "is_known_error", "message_of"]
