"""A shared PostgreSQL server for several PCs: the address form's URL, the connection test
with a clear reason (wrong password, unreachable host, missing database), and copying this
PC's database file to an empty server database once.

The password never appears in a message or a log line: messages name host, port, database
and user only, and driver texts go through db.urls.scrub.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from ..db.urls import scrub
from ..messages import Message, Problem
from .errors import UserError

if TYPE_CHECKING:
    from ..db.engine import Database

log = logging.getLogger(__name__)

DEFAULT_PORT = 5432
TEST_TIMEOUT_S = 5
COPY_BATCH = 5000


class ServerProblem(UserError, Problem):
    """The server cannot be used as asked; nothing was written."""


@dataclass(frozen=True)
class ServerAddress:
    """What the Settings page's form holds."""

    host: str
    port: int = DEFAULT_PORT
    database: str = "livestream_desk"
    user: str = ""
    password: str = field(default="", repr=False)  # never in a log line or a traceback's locals repr

    def url(self) -> str:
        """The SQLAlchemy URL (password included: for connecting, never for showing)."""
        from sqlalchemy.engine import URL

        return URL.create("postgresql+psycopg", username=self.user or None, password=self.password or None,
                          host=self.host.strip(), port=int(self.port), database=self.database.strip()
                          ).render_as_string(hide_password=False)

    def where(self) -> str:
        """How messages name it: user@host:port/database, no password."""
        user = f"{self.user}@" if self.user else ""
        return f"{user}{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, text: str) -> "ServerAddress":
        from sqlalchemy.engine import make_url

        url = make_url(text)
        return cls(host=url.host or "", port=url.port or DEFAULT_PORT, database=url.database or "",
                   user=url.username or "", password=url.password or "")


@dataclass(frozen=True)
class ServerCheck:
    """A successful connection test."""

    server_version: str
    tables: int  # livestream_desk's tables there (0: an empty database)
    revision: str  # its schema version, "" when none
    rows: int  # rows in livestream_desk's tables (0: nothing to lose)


# Server texts are English or the server's own language (lc_messages); both are matched.
_WRONG_PASSWORD = re.compile(r"password authentication failed|口令认证失败|Password 认证失败|no password supplied",
                             re.IGNORECASE)
_NO_DATABASE = re.compile(r'database "[^"]*" does not exist|数据库 "[^"]*" 不存在', re.IGNORECASE)
_UNREACHABLE = re.compile(
    r"connection refused|could not translate host name|failed to resolve host|name or service not known|"
    r"no route to host|timeout expired|timed out|network is unreachable|could not connect|"
    r"received invalid response|server closed the connection",
    re.IGNORECASE,
)


def problem_of(exc: BaseException, address: ServerAddress) -> Problem:
    """A driver's connection error as a Problem the user can act on."""
    reason = scrub(" ".join(str(exc).split()), [address.password] if address.password else [])
    if _WRONG_PASSWORD.search(reason):
        return ServerProblem("server.wrong_password", user=address.user or "?", host=address.host)
    if _NO_DATABASE.search(reason):
        return ServerProblem("server.no_database", database=address.database, host=address.host)
    if _UNREACHABLE.search(reason):
        return ServerProblem("server.unreachable", host=address.host, port=int(address.port), reason=reason)
    return ServerProblem("server.cannot_connect", where=address.where(), reason=reason)


def check_address(address: ServerAddress) -> None:
    """The form's fields are filled in sensibly (ServerProblem naming the field otherwise)."""
    if not address.host.strip():
        raise ServerProblem("server.field_missing", field=Message("server.field_host"))
    if not address.database.strip():
        raise ServerProblem("server.field_missing", field=Message("server.field_database"))
    if not address.user.strip():
        raise ServerProblem("server.field_missing", field=Message("server.field_user"))
    if not 0 < int(address.port) < 65536:
        raise ServerProblem("database.url_port")


def test_connection(address: ServerAddress, *, timeout_s: int = TEST_TIMEOUT_S) -> ServerCheck:
    """Connect once and look: the server's version and what the database holds already."""
    check_address(address)
    try:
        import psycopg
    except ImportError as exc:
        raise ServerProblem("database.no_driver", reason=str(exc)) from None
    try:
        conn = psycopg.connect(host=address.host.strip(), port=int(address.port), dbname=address.database.strip(),
                               user=address.user.strip(), password=address.password, connect_timeout=timeout_s,
                               autocommit=True)
    except psycopg.Error as exc:
        raise problem_of(exc, address) from None
    try:
        version = conn.execute("SHOW server_version").fetchone()[0]
        tables, rows = _contents(conn)
        revision = ""
        if "alembic_version" in _table_names(conn):
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else ""
    finally:
        conn.close()
    return ServerCheck(server_version=str(version), tables=tables, revision=revision, rows=rows)


def _table_names(conn) -> set[str]:
    return {name for (name,) in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}


def _contents(conn) -> tuple[int, int]:
    """(livestream_desk tables present, rows in them) on a raw psycopg connection."""
    from ..db import models  # its classes define the tables on Base.metadata

    present = _table_names(conn)
    ours = [t.name for t in models.Base.metadata.sorted_tables if t.name in present]
    rows = 0
    for name in ours:
        rows += int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
    return len(ours), rows


# --- copying this PC's data to the server ----------------------------------------------------

# Derived or per-database tables that are not copied: the server's change counters start
# afresh (the PCs listen to NOTIFY there).
NOT_COPIED = frozenset({"data_changes"})


@dataclass(frozen=True)
class CopyResult:
    tables: int
    rows: int


def copy_to_server(
    source: "Database", address: ServerAddress, *,
    progress: Optional[Callable[[int, int], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
) -> CopyResult:
    """Copy every row of the local database to the EMPTY server database at `address`, once.

    The server database must hold no livestream_desk rows (ServerProblem server.not_empty
    otherwise: nothing is overwritten or merged). Its schema is created first (the app's
    migrations); then all rows go in ONE transaction, so a failure or a cancel leaves the
    server empty and the copy can simply be tried again. `progress(done, total)` in rows.
    """
    from sqlalchemy import func, select, text

    from ..db.base import Base
    from ..db.engine import open_database

    if not source.is_sqlite:
        raise ServerProblem("server.copy_needs_file")
    check = test_connection(address)
    if check.rows:
        raise ServerProblem("server.not_empty", where=address.where(), rows=check.rows)
    target = open_database(address.url())  # an empty database gets the schema here
    try:
        tables = [t for t in Base.metadata.sorted_tables if t.name not in NOT_COPIED]
        with source.engine.connect().execution_options(readonly=True) as reader:
            counts = {t.name: int(reader.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables}
            total, done = sum(counts.values()), 0
            if progress:
                progress(0, total)
            with target.engine.begin() as writer:
                for table in tables:
                    if writer.execute(select(func.count()).select_from(table)).scalar_one():
                        raise ServerProblem("server.not_empty", where=address.where(), rows=1)
                    if not counts[table.name]:
                        continue
                    order = list(table.primary_key.columns) or list(table.columns)[:1]
                    result = reader.execution_options(stream_results=True).execute(select(table).order_by(*order))
                    while True:
                        batch = result.fetchmany(COPY_BATCH)
                        if not batch:
                            break
                        if cancelled is not None and cancelled():
                            raise ServerProblem("common.cancelled")
                        writer.execute(table.insert(), [dict(row._mapping) for row in batch])
                        done += len(batch)
                        if progress:
                            progress(done, total)
                # New rows made on the server must not take the copied ids.
                for table in tables:
                    if "id" in table.c and counts[table.name]:
                        writer.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"(SELECT max(id) FROM \"{table.name}\"))"))
        log.info("copied %d rows in %d tables to %s", total, len(tables), address.where())
        return CopyResult(tables=len([t for t in tables if counts[t.name]]), rows=total)
    finally:
        target.dispose()


__all__ = ["ServerAddress", "ServerCheck", "ServerProblem", "CopyResult", "test_connection", "copy_to_server",
           "problem_of", "check_address", "DEFAULT_PORT"]
