"""Every message code has an English text and a finished Chinese one with the same placeholders."""
from __future__ import annotations

import string

import pytest

from livestream_desk.messages import CONTEXT, Message, Problem, catalogue_translator, render
from livestream_desk.messages.texts import TEXTS

ZH = catalogue_translator("zh_CN")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_every_code_has_english_and_chinese(code):
    english = TEXTS[code]
    assert english.strip(), code
    chinese = ZH(CONTEXT, english)
    assert chinese != english or not any(c.isalpha() and c.isascii() for c in english), f"{code}: no zh_CN text"
    assert _placeholders(chinese) == _placeholders(english), code


def test_codes_name_their_area():
    assert all("." in code and code == code.lower() for code in TEXTS)


def test_a_long_value_is_clipped():
    text = render(Message("common.file_unusable", path="/tmp/a.csv", reason="x" * 10_000))
    assert len(text) < 200


def test_numbers_get_thousands_separators_and_problems_render():
    problem = Problem("common.unknown_platform", value="weibo", choices=12000)
    assert str(problem) == "unknown platform “weibo”; use one of 12,000"
    assert render(problem.message, ZH).startswith("未知平台“weibo”")


def test_an_unknown_code_still_reads():
    assert render(Message("no.such.code", x=1)).startswith("no.such.code")
