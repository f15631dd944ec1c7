"""The schedule's search box (issue 7 item 14): `_`, `%` and `\\` are plain characters, not
LIKE wildcards that match every livestream (demo data)."""
from __future__ import annotations

import pytest

from livestream_desk.services import schedule as s


@pytest.mark.parametrize("text", ["_", "%", "__", "%%", "\\", "年_节"])
def test_wildcards_match_only_themselves(demo_db, text):
    assert s.list_livestreams(demo_db, s.ListQuery(text=text)) == ()
    assert s.count_livestreams(demo_db, s.ListQuery(text=text)) == 0


def test_plain_words_still_match(demo_db):
    every = s.list_livestreams(demo_db, s.ListQuery())
    word = every[0].title[:2]
    found = s.list_livestreams(demo_db, s.ListQuery(text=word))
    assert found and all(word.lower() in (r.title + r.theme + r.notes + r.account_name + r.host_name).lower()
                         for r in found)
