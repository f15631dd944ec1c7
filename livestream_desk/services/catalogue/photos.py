"""Product photos: copied into the data folder under their content hash."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Optional, Union

from ... import config
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


def photo_file(photo_path: str) -> Optional[Path]:
    """The file of a stored `photo_path`, None when there is none (or it went missing)."""
    if not photo_path:
        return None
    path = config.data_dir() / photo_path
    return path if path.is_file() else None


__all__ = ["store_photo", "photo_file", "PHOTO_FOLDER", "PHOTO_SUFFIXES", "PHOTO_MAX_BYTES"]
