"""The English interface shows no Chinese but names (issue 7 item 20): every source text of the
translation file may hold Chinese only as a platform's own name, a column name of the sellers'
files, the 万 a seller types, or an example of what to type. A Chinese word for a thing of the
app (战报, 助农, 库存…) in an English text is an untranslated label."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from scripts.update_translations import ts_path

PLATFORM_NAMES = {"抖音", "抖店", "快手", "快手小店", "京东", "视频号", "淘宝", "拼多多", "其他"}
FILE_COLUMNS = {"商家编码"}  # named as in the files the messages are about
TYPED_UNITS = {"万"}  # "5万" is what a seller types for 50,000
EXAMPLES = {"婺源皇菊", "皇菊", "朵", "盒", "年货节", "双十一", "富硒", "进货入库"}  # after "e.g."
ALLOWED = PLATFORM_NAMES | FILE_COLUMNS | TYPED_UNITS | EXAMPLES
FILE_COLUMN_CONTEXTS = {"Messages"}


def _sources():
    root = ET.parse(ts_path()).getroot()
    for context in root:
        name = context.find("name").text
        for message in context.findall("message"):
            yield name, message.find("source").text or ""


def test_english_texts_hold_chinese_only_as_names_and_examples():
    wrong = []
    for context, source in _sources():
        for run in re.findall(r"[\u4e00-\u9fff]+", source):
            if run not in ALLOWED or (run in FILE_COLUMNS and context not in FILE_COLUMN_CONTEXTS):
                wrong.append(f"{context}: {run} in “{source}”")
    assert wrong == []


def test_examples_are_marked_as_examples():
    for context, source in _sources():
        if any(word in source for word in EXAMPLES - {"皇菊"}):
            assert "e.g." in source, f"{context}: “{source}”"
