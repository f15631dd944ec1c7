"""Product photo paths stay inside the photos folder (issue 7 item 10).

A stored `photo_path` may come from a restored backup, a shared server or a hand-edited
database: `/etc/passwd`, `../../x.jpg` or a symlink out of the folder must never be saved,
and never be read (the editor's thumbnail and any other photo load use `photo_file`).
"""
from __future__ import annotations

import os
from dataclasses import replace

import pytest
from sqlalchemy import select, update

from livestream_desk import config
from livestream_desk.db import models
from livestream_desk.services.catalogue import (
    ProductInput,
    ProductInvalid,
    check_product,
    create_product,
    get_product,
    photo_file,
    store_photo,
    update_product,
)
from livestream_desk.services.catalogue.photos import photo_path_problem

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)
ORANGE = ProductInput(name="赣南脐橙", sku="JX-QC-5", spec="5斤/箱", list_price="59.8")


@pytest.fixture
def outside(tmp_path):
    """A real picture outside the data folder."""
    picture = tmp_path / "outside.jpg"
    picture.write_bytes(PNG)
    return picture


def hostile_paths(outside) -> list[str]:
    data = config.data_dir()
    photos = data / "photos"
    photos.mkdir(exist_ok=True)
    (photos / "link.jpg").symlink_to(outside)
    (photos / "folder-link").symlink_to(outside.parent, target_is_directory=True)
    (data / "beside.jpg").write_bytes(PNG)
    return [
        "/etc/passwd",
        str(outside),  # absolute, even though it is a picture
        str(photos / "inside-but-absolute.jpg"),
        "../outside.jpg",
        "../../x.jpg",
        "photos/../../outside.jpg",
        "photos/../beside.jpg",  # in the data folder but not among the photos
        "photos/link.jpg",  # a symlink out of the folder
        "photos/folder-link/outside.jpg",
        "photos/notes.txt",  # not a picture
        "photos/x\x00.jpg",
    ]


def test_a_stored_photo_is_saved_and_read(tmp_path):
    source = tmp_path / "p.png"
    source.write_bytes(PNG)
    relative = store_photo(source)
    assert photo_path_problem(relative) is None
    assert photo_file(relative) == (config.data_dir() / relative).resolve()


def test_a_stored_photo_can_be_saved_with_a_product(db, tmp_path):
    source = tmp_path / "p.png"
    source.write_bytes(PNG)
    row = create_product(db, replace(ORANGE, photo_path=store_photo(source)))
    detail = get_product(db, row.id)
    assert photo_file(detail.photo_path).read_bytes() == PNG


def test_hostile_paths_are_refused_on_save_and_nothing_is_written(db, outside):
    for path in hostile_paths(outside):
        with pytest.raises(ProductInvalid) as caught:
            create_product(db, replace(ORANGE, photo_path=path))
        assert caught.value.errors["photo_path"].code == "catalogue.photo_outside", path
        assert check_product(db, replace(ORANGE, photo_path=path))["photo_path"].code == "catalogue.photo_outside"
    with db.engine.connect() as conn:
        assert conn.execute(select(models.Product.id)).all() == []


def test_hostile_paths_are_never_read(outside):
    for path in hostile_paths(outside):
        assert photo_file(path) is None, path
    assert os.path.exists(config.data_dir() / "photos" / "link.jpg")  # the file is there, and still not used


def test_a_hostile_path_already_in_the_database_is_not_read_and_not_saved_again(db, outside):
    row = create_product(db, ORANGE)
    with db.engine.begin() as conn:
        conn.execute(update(models.Product).where(models.Product.id == row.id).values(photo_path=str(outside)))
    detail = get_product(db, row.id)
    assert detail.photo_path == str(outside)
    assert photo_file(detail.photo_path) is None
    with pytest.raises(ProductInvalid) as caught:
        update_product(db, row.id, replace(ORANGE, name="赣南脐橙 特级", photo_path=detail.photo_path))
    assert set(caught.value.errors) == {"photo_path"}
    assert get_product(db, row.id).name == "赣南脐橙"
    # Removing the photo (what the editor's button does) saves.
    update_product(db, row.id, replace(ORANGE, name="赣南脐橙 特级", photo_path=""))
    assert get_product(db, row.id).name == "赣南脐橙 特级"


def test_the_message_reads_in_chinese():
    from livestream_desk.messages import render
    from livestream_desk.messages.catalogue import catalogue_translator

    message = photo_path_problem("/etc/passwd")
    text = render(message, catalogue_translator("zh_CN"))
    assert "/etc/passwd" in text and "photo folder" not in text
