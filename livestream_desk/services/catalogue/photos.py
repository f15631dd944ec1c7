"""Product photos: copied into the data folder under their content hash.

A stored `photo_path` is relative to the data folder ("photos/3f2a….jpg"). The database may
come from elsewhere (a restored backup, a shared server, a hand-edited file), so a path is
only ever used when it resolves inside the photos folder: `/etc/passwd`, `../../x.jpg` or a
symlink out of the folder are refused on save (`photo_path_problem`) and never read
(`photo_file`).
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Optional, Union

from ... import config
from ...messages import Message
from .errors import CatalogueProblem

PHOTO_FOLDER = "photos"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"}
PHOTO_MAX_BYTES = 20 * 2**20


def store_photo(source: Union[str, Path]) -> str:
    """Copy a picture into the data folder; return the path to keep in `photo_path`
    (relative to the data folder, e.g. "photos/3f2a….jpg"). Same picture → same file."""
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix not in PHOTO_SUFFIXES:
        raise CatalogueProblem("catalogue.photo_not_a_picture", file=source.name)
    try:
        size = source.stat().st_size
        if size > PHOTO_MAX_BYTES:
            raise CatalogueProblem(
                "catalogue.photo_too_large", file=source.name, size=size // 2**20, limit=PHOTO_MAX_BYTES // 2**20
            )
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:24]
    except FileNotFoundError:
        raise CatalogueProblem("common.file_missing", path=str(source)) from None
    except OSError as exc:
        raise CatalogueProblem("common.file_unusable", path=str(source), reason=exc.strerror or str(exc)) from None
    relative = f"{PHOTO_FOLDER}/{digest}{'.jpg' if suffix == '.jpeg' else suffix}"
    target = config.data_dir() / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        partial.replace(target)
    return relative


def _inside_photo_folder(photo_path: str) -> Optional[Path]:
    """The resolved file `photo_path` names when it lies inside the photos folder (following
    symlinks), else None. The path must be relative and name a picture."""
    if not photo_path or "\x00" in photo_path:
        return None
    relative = Path(photo_path)
    if relative.is_absolute() or relative.drive or relative.suffix.lower() not in PHOTO_SUFFIXES:
        return None
    try:
        folder = (config.data_dir() / PHOTO_FOLDER).resolve()
        resolved = (config.data_dir() / relative).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, an unusable name
        return None
    if resolved.parent != folder and folder not in resolved.parents:
        return None
    return resolved


def photo_path_problem(photo_path: str) -> Optional[Message]:
    """Why a `photo_path` may not be saved (it does not resolve inside the photos folder);
    None when it may ("" means no photo)."""
    if not photo_path or _inside_photo_folder(photo_path) is not None:
        return None
    return Message("catalogue.photo_outside", path=photo_path)


def photo_file(photo_path: str) -> Optional[Path]:
    """The file of a stored `photo_path`, None when there is none, it went missing, or it
    does not resolve inside the photos folder."""
    path = _inside_photo_folder(photo_path)
    return path if path is not None and path.is_file() else None


__all__ = ["store_photo", "photo_file", "photo_path_problem", "PHOTO_FOLDER", "PHOTO_SUFFIXES", "PHOTO_MAX_BYTES"]
