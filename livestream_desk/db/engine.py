"""Opening a database: engine factory, SQLite pragmas, schema check and automatic migration.

`open_database()` is the one way in. It accepts a file path (SQLite, the default) or a
SQLAlchemy URL (PostgreSQL for shops with several PCs), refuses files that are corrupt,
foreign or from a newer version with a clear message, and upgrades older schemas after a
backup copy made with the SQLite backup API.
"""
from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from .. import config
from ..domain.period import beijing_now
from ..messages import Message
from . import schema_version
from .backup_copy import sqlite_backup
from .errors import NotADatabase
from .urls import (
    READ_STATEMENT_TIMEOUT_MS,
    connect_timeout_of,
    parse_url,
    printable_url,
    scrub,
    secrets_of,
    server_connect_args,
    timed_out,
)
from .preflight import (  # noqa: F401  (re-exported: callers know them from here)
    SQLITE_HEADER,
    readonly_uri,
    check_sqlite_header,
    is_network_path,
    is_url,
    peek_revision,
    refuse_unknown,
)

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


@dataclass
class Database:
    """An open database: its engine, a session factory, and where it lives."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    path: Optional[Path]  # the SQLite file, None for a server database
    revision: str
    migrated_from: Optional[str] = None  # set when opening upgraded an older schema
    pre_migration_backup: Optional[Path] = None
    readonly: bool = False  # opened read-only (SQLite mode=ro): every write fails

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def session(self) -> Session:
        return self.session_factory()

    def describe(self) -> str:
        return str(self.path) if self.path else printable_url(self.engine.url)

    def dispose(self) -> None:
        self.engine.dispose()


def _install_sqlite_pragmas(engine: Engine, readonly: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Take transaction control from the sqlite3 module so that BEGIN IMMEDIATE is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not readonly:  # a read-only connection cannot change the journal
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")  # NORMAL may lose the last commits on power loss
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # Writers take the write lock up front, so two writers never deadlock half-way;
        # read-only work (reports, the dashboard) asks for a plain deferred BEGIN.
        if readonly or connection.get_execution_options().get("readonly"):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def _install_read_timeout(engine: Engine) -> None:
    """Reads on a server give up after READ_STATEMENT_TIMEOUT_MS instead of waiting forever
    (e.g. behind a lock); writes (a large import) are not limited."""

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        if connection.get_execution_options().get("readonly"):
            # On a plain DBAPI cursor: a connection that streams its results would send it as a
            # server-side cursor (DECLARE … CURSOR FOR SET …), a syntax error.
            with connection.connection.dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {int(READ_STATEMENT_TIMEOUT_MS)}")


@contextmanager
def sqlite_page_cache(connection, kib: int) -> Iterator[None]:
    """Inside a large write on SQLite: a page cache of `kib` KiB while the block runs (the
    default 2 MiB writes the indexes' pages out and reads them back again and again), the
    connection's own size put back afterwards, also after an error (connections are pooled).
    Elsewhere it does nothing."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar())
    connection.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {before}")


def _readonly_sqlite_engine(path: Path) -> Engine:
    """An engine whose connections open `path` read-only (see preflight.readonly_uri)."""
    import sqlite3

    uri = readonly_uri(path)
    engine = create_engine(
        f"sqlite:///{path}",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000),
        pool_use_lifo=True,  # as create_engine_for's
    )
    _install_sqlite_pragmas(engine, readonly=True)
    return engine


def create_engine_for(target: str | Path | None, *, readonly: bool = False) -> tuple[Engine, Optional[Path]]:
    """An engine for a path or URL, with pragmas on SQLite; no schema work. `readonly`
    opens an SQLite file read-only, writing nothing beside it (a server is opened as usual)."""
    if target is None:
        target = config.default_db_path()
    if isinstance(target, str) and is_url(target):
        url = parse_url(target)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return create_engine_for(Path(url.database), readonly=readonly)
        engine = create_engine(url, pool_pre_ping=True, connect_args=server_connect_args(url))
        if url.get_backend_name() == "sqlite":
            _install_sqlite_pragmas(engine)
        elif url.get_backend_name() == "postgresql":
            _install_read_timeout(engine)
        return engine, None
    path = Path(target).expanduser().resolve()
    if readonly:
        return _readonly_sqlite_engine(path), path
    # LIFO: the connection used last is handed out again, with SQLite's page cache still warm
    # (FIFO takes turns over every pooled connection, each with a cold cache of its own: the
    # catalogue search reads ~0.5 ms faster a keystroke).
    engine = create_engine(f"sqlite:///{path}", pool_use_lifo=True)
    _install_sqlite_pragmas(engine)
    return engine, path


def read_revision(engine: Engine) -> tuple[Optional[str], bool]:
    """(the stored Alembic revision, whether the database has any tables)."""
    with engine.connect().execution_options(readonly=True) as conn:
        tables = inspect(conn).get_table_names()
        if "alembic_version" not in tables:
            return None, bool(tables)
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return revision, True


def open_database(
    target: str | Path | None = None, *, create: bool = True, migrate: bool = True, readonly: bool = False
) -> Database:
    """Open (and if needed create or upgrade) a livestream_desk database.

    `readonly` opens an existing SQLite file read-only (works on a write-protected file,
    folder or medium, and leaves no -wal/-shm beside it): nothing is created or upgraded.
    Raises NotADatabase, ForeignDatabase or NewerSchema with a message for the user.
    """
    if readonly:
        create = migrate = False
    engine, path = create_engine_for(target, readonly=readonly)
    if path is not None:
        if path.exists():
            check_sqlite_header(path)
        elif not create:
            raise NotADatabase("database.missing", path=str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        if is_network_path(path):
            log.warning("%s looks like a network share; SQLite is unsafe there, use PostgreSQL", path)
        if path.exists():
            try:
                refuse_unknown(*peek_revision(path, readonly=readonly), str(path))
            except Exception:
                engine.dispose()
                raise
    try:
        revision, has_tables = read_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        where = str(path or printable_url(engine.url))  # never print the password
        reason = scrub(" ".join(str(exc.orig).split()), secrets_of(engine.url))
        if path is None and timed_out(exc.orig):
            raise NotADatabase("database.no_answer", path=where, seconds=connect_timeout_of(str(engine.url))) from exc
        raise NotADatabase("database.cannot_open", path=where, reason=reason) from exc

    database = Database(
        url=str(engine.url),
        engine=engine,
        session_factory=sessionmaker(bind=engine, expire_on_commit=False),
        path=path,
        revision=revision or "",
        readonly=readonly and path is not None,
    )
    if revision == schema_version.HEAD:
        return database
    try:
        refuse_unknown(revision, has_tables, database.describe())
    except Exception:
        engine.dispose()
        raise
    if not migrate:
        return database
    if revision is not None and path is not None:
        database.pre_migration_backup = backup_before_migration(path, revision)
    _upgrade(engine)
    database.migrated_from = revision
    database.revision = schema_version.HEAD
    return database


def backup_before_migration(path: Path, revision: str) -> Path:
    stamp = beijing_now().strftime("%Y%m%d-%H%M%S")
    target = path.parent / "backups" / f"{path.stem}-before-upgrade-from-{revision}-{stamp}.sqlite3"
    sqlite_backup(path, target)
    log.info("backed up %s to %s before upgrading its schema", path, target)
    return target


def _upgrade(engine: Engine) -> None:
    # Alembic is imported only when a schema actually changes: it costs start-up time.
    from .migrate import upgrade_to_head

    upgrade_to_head(engine)


def integrity_problems(database: Database) -> list[Message]:
    """SQLite's own integrity and foreign-key checks; empty when all is well."""
    if database.path is None:
        return []
    problems: list[Message] = []
    with database.engine.connect().execution_options(readonly=True) as conn:
        for (row,) in conn.exec_driver_sql("PRAGMA integrity_check").fetchall():
            if row != "ok":
                problems.append(Message("database.integrity", reason=str(row)))
        for row in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
            problems.append(Message("database.foreign_key", table=str(row[0]), row=str(row[1]), parent=str(row[2])))
    return problems


def file_size(path: Path) -> int:
    total = 0
    for suffix in ("", "-wal"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            total += os.path.getsize(candidate)
    return total


__all__ = [
    "Database",
    "open_database",
    "create_engine_for",
    "read_revision",
    "integrity_problems",
    "file_size",
    "sqlite_page_cache",
    "BUSY_TIMEOUT_MS",
    # re-exported from preflight: callers know them from here
    "SQLITE_HEADER",
    "is_network_path",
    "is_url",
]
