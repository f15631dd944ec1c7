"""Database URLs: reading one the user typed, showing one without its secrets, and the
PostgreSQL timeouts every connection gets.

A password can sit in two places of a URL: `user:SECRET@host` and the query
(`?password=SECRET`, also `sslpassword=`): SQLAlchemy's `hide_password` masks only the
first, so every URL shown to the user goes through `printable_url` / `printable_text`, and
every error line through `scrub`, which removes the secret values wherever they appear.

A malformed URL (`…@h:abc/db`, `…@[::1/db`) is a `database.bad_url` Problem, never a
traceback. A PostgreSQL server that accepts the connection but never answers would make
every command wait forever: connections give up after `CONNECT_TIMEOUT_S` unless the URL
says otherwise (`?connect_timeout=SECONDS`, libpq's own parameter).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Optional

from ..messages import Message
from .errors import DatabaseProblem

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

CONNECT_TIMEOUT_S = 10
READ_STATEMENT_TIMEOUT_MS = 60_000  # a report or list that takes longer than this is stuck
MASK = "***"

# Query keys whose value is a secret (libpq: password, sslpassword); matched ignoring case.
_SECRET_KEY = re.compile(r"password", re.IGNORECASE)
# For text SQLAlchemy cannot read: `scheme://user:SECRET@` and `?…password=SECRET&…`.
_USERINFO_PASSWORD = re.compile(r"(://[^/?#@:]*:)[^@]*(@)")
_QUERY_PASSWORD = re.compile(r"([?&][^=&#]*password[^=&#]*=)[^&#]*", re.IGNORECASE)


class BadUrl(DatabaseProblem):
    """A --db value that looks like a URL but cannot be read as one."""


def printable_text(text: str) -> str:
    """A URL as the user typed it, with any password replaced by ***, even when it is malformed."""
    text = _USERINFO_PASSWORD.sub(lambda m: f"{m.group(1)}{MASK}{m.group(2)}", text)
    return _QUERY_PASSWORD.sub(lambda m: f"{m.group(1)}{MASK}", text)


def parse_url(text: str) -> "URL":
    """The SQLAlchemy URL of `text`; BadUrl (one line, password hidden) when it is malformed."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError, TypeError) as exc:
        raise BadUrl("database.bad_url", path=printable_text(text), reason=_reason(exc, text)) from None
    if url.port is not None and not 0 < url.port < 65536:
        raise BadUrl("database.bad_url", path=printable_text(text), reason=Message("database.url_port"))
    return url


def _reason(exc: BaseException, text: str) -> "str | Message":
    """Why SQLAlchemy could not read the URL, in the user's words where we can tell."""
    host_and_port = text.partition("://")[2].rpartition("@")[2].partition("/")[0].partition("?")[0]
    if host_and_port.count("[") != host_and_port.count("]"):
        return Message("database.url_brackets")
    if isinstance(exc, ValueError) and "int()" in str(exc):
        return Message("database.url_port")
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return scrub(printable_text(reason), secrets_of_text(text))


def connect_timeout_of(text: Optional[str]) -> int:
    """The connect timeout (seconds) a server URL's connections use."""
    try:
        from sqlalchemy.engine import make_url

        return int(make_url(text or "").query.get("connect_timeout") or CONNECT_TIMEOUT_S)
    except Exception:  # noqa: BLE001 - a malformed URL or value: the default applies
        return CONNECT_TIMEOUT_S


def secrets_of(url: "URL") -> list[str]:
    """The secret values of a URL: its password and query values under a password key."""
    found = [url.password] if url.password else []
    for key, value in url.query.items():
        if _SECRET_KEY.search(key):
            found.extend([value] if isinstance(value, str) else value)
    return [secret for secret in found if secret]


def secrets_of_text(text: Optional[str]) -> list[str]:
    """The secrets of a --db value (URL or not), for `scrub`; [] when it holds none."""
    if not text or "://" not in text:
        return []
    found = [m.group(0)[len(m.group(1)) : -1] for m in _USERINFO_PASSWORD.finditer(text)]
    found += [m.group(0)[len(m.group(1)) :] for m in _QUERY_PASSWORD.finditer(text)]
    try:
        from sqlalchemy.engine import make_url

        found += secrets_of(make_url(text))
    except Exception:  # noqa: BLE001 - a malformed URL: the plain-text rules above found what there is
        pass
    from urllib.parse import unquote

    found += [unquote(secret) for secret in found]
    return sorted({s for s in found if s and s != MASK}, key=len, reverse=True)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret value replaced by ***."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return text


def printable_url(url: "URL") -> str:
    """A URL fit to show: its password and secret query values as ***."""
    hidden = {key: MASK for key in url.query if _SECRET_KEY.search(key)}
    if hidden:
        url = url.update_query_dict(hidden)
    return url.render_as_string(hide_password=True).replace("%2A%2A%2A", MASK)  # the query is escaped


def server_connect_args(url: "URL") -> dict:
    """Connection arguments a server URL gets by default (the URL's own query wins)."""
    if url.get_backend_name() != "postgresql" or "connect_timeout" in url.query:
        return {}
    return {"connect_timeout": CONNECT_TIMEOUT_S}


def timed_out(exc: BaseException) -> bool:
    """Whether a driver error says the connection attempt ran out of time."""
    return "timeout expired" in str(exc).lower()


def read_cancelled(exc: BaseException) -> bool:
    """Whether a driver error is PostgreSQL cancelling a statement (statement_timeout)."""
    return getattr(exc, "sqlstate", None) == "57014"


__all__ = [
    "BadUrl",
    "CONNECT_TIMEOUT_S",
    "READ_STATEMENT_TIMEOUT_MS",
    "parse_url",
    "printable_text",
    "printable_url",
    "secrets_of",
    "secrets_of_text",
    "scrub",
    "server_connect_args",
    "connect_timeout_of",
    "timed_out",
    "read_cancelled",
]
