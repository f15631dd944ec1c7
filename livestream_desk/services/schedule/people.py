"""Live rooms (直播间, one platform each) and hosts (主播): list, add, rename, retire.

A retired room or host stays on the livestreams that used it but is not offered for new
ones (the editor lists `include_retired=False`; editing.py refuses picking a retired one).
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import func, insert, select, update

from ...db.engine import Database
from ...db.models import Account, Host, Livestream
from ...messages import Problem
from .. import uow
from .platforms import parse_platform
from .rows import AccountRow, HostRow

_acc = Account.__table__
_host = Host.__table__
_ls = Livestream.__table__


def _name(text: str) -> str:
    name = " ".join((text or "").split())
    if not name:
        raise Problem("schedule.name_required")
    return name


def list_accounts(db: Database, platform: Optional[str] = None, *, include_retired: bool = True) -> tuple[AccountRow, ...]:
    """Live rooms by platform and name, with how many livestreams use each."""
    uses = select(_ls.c.account_id, func.count().label("n")).group_by(_ls.c.account_id).subquery()
    query = (
        select(_acc.c.id, _acc.c.platform, _acc.c.name, _acc.c.platform_account_id, _acc.c.retired,
               func.coalesce(uses.c.n, 0))
        .select_from(_acc.outerjoin(uses, uses.c.account_id == _acc.c.id))
        .order_by(_acc.c.platform, _acc.c.name)
    )
    if platform:
        query = query.where(_acc.c.platform == parse_platform(platform))
    if not include_retired:
        query = query.where(_acc.c.retired.is_(False))
    with uow.reading(db) as conn:
        return tuple(AccountRow(r[0], r[1], r[2], r[3], bool(r[4]), int(r[5])) for r in conn.execute(query))


def add_account(db: Database, platform: str, name: str, platform_account_id: str = "") -> int:
    """A new live room on `platform` (key or Chinese name); its id."""
    key = parse_platform(platform)
    name = _name(name)
    with uow.writing(db) as session:
        if session.execute(select(_acc.c.id).where(_acc.c.platform == key, _acc.c.name == name)).first():
            raise Problem("schedule.account_exists", name=name)
        return session.execute(
            insert(_acc).values(platform=key, name=name, platform_account_id=(platform_account_id or "").strip(),
                                retired=False)
        ).inserted_primary_key[0]


def rename_account(db: Database, account_id: int, name: str, platform_account_id: Optional[str] = None) -> None:
    """Rename a live room (and change its platform id when given)."""
    name = _name(name)
    with uow.writing(db) as session:
        row = session.execute(select(_acc).where(_acc.c.id == account_id)).mappings().first()
        if row is None:
            raise Problem("schedule.account_missing")
        if session.execute(
            select(_acc.c.id).where(_acc.c.platform == row["platform"], _acc.c.name == name, _acc.c.id != account_id)
        ).first():
            raise Problem("schedule.account_exists", name=name)
        values = {"name": name}
        if platform_account_id is not None:
            values["platform_account_id"] = platform_account_id.strip()
        session.execute(update(_acc).where(_acc.c.id == account_id).values(**values))


def set_account_retired(db: Database, account_id: int, retired: bool) -> None:
    """Retire a live room (kept on old livestreams) or bring it back."""
    with uow.writing(db) as session:
        if not session.execute(update(_acc).where(_acc.c.id == account_id).values(retired=bool(retired))).rowcount:
            raise Problem("schedule.account_missing")


def list_hosts(db: Database, *, include_retired: bool = True) -> tuple[HostRow, ...]:
    """Hosts by name, with how many livestreams each hosted."""
    uses = select(_ls.c.host_id, func.count().label("n")).group_by(_ls.c.host_id).subquery()
    query = (
        select(_host.c.id, _host.c.name, _host.c.retired, func.coalesce(uses.c.n, 0))
        .select_from(_host.outerjoin(uses, uses.c.host_id == _host.c.id))
        .order_by(_host.c.name)
    )
    if not include_retired:
        query = query.where(_host.c.retired.is_(False))
    with uow.reading(db) as conn:
        return tuple(HostRow(r[0], r[1], bool(r[2]), int(r[3])) for r in conn.execute(query))


def add_host(db: Database, name: str) -> int:
    name = _name(name)
    with uow.writing(db) as session:
        if session.execute(select(_host.c.id).where(_host.c.name == name)).first():
            raise Problem("schedule.host_exists", name=name)
        return session.execute(insert(_host).values(name=name, retired=False)).inserted_primary_key[0]


def rename_host(db: Database, host_id: int, name: str) -> None:
    name = _name(name)
    with uow.writing(db) as session:
        if session.execute(select(_host.c.id).where(_host.c.id == host_id)).first() is None:
            raise Problem("schedule.host_missing")
        if session.execute(select(_host.c.id).where(_host.c.name == name, _host.c.id != host_id)).first():
            raise Problem("schedule.host_exists", name=name)
        session.execute(update(_host).where(_host.c.id == host_id).values(name=name))


def set_host_retired(db: Database, host_id: int, retired: bool) -> None:
    with uow.writing(db) as session:
        if not session.execute(update(_host).where(_host.c.id == host_id).values(retired=bool(retired))).rowcount:
            raise Problem("schedule.host_missing")


__all__ = [
    "list_accounts", "add_account", "rename_account", "set_account_retired",
    "list_hosts", "add_host", "rename_host", "set_host_retired",
]
