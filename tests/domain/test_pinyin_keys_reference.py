"""The search keys and name sort keys stay exactly what the plain rule gives.

domain/pinyin_keys.py is written for speed (a 100,000-row import computes them for every
product: runs cut once, per-run caches, the place and producer keys joined once). The
reference below is the rule written plainly, as the module was before those changes; the
two must agree on a catalogue like the benchmark's and on the awkward cases: heteronyms
read in context (重庆, 长沙, 银行), Latin letters, digits, full-width forms, ü, spaces
between Han runs, characters pypinyin cannot read.
"""
from __future__ import annotations

import random
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin
from pypinyin.constants import RE_HANS

from livestream_desk.domain import pinyin_keys

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import bench_import_products as bench  # noqa: E402  (the benchmark's catalogue)

_SPACES = re.compile(r"\s+")
_HAN = re.compile("(" + RE_HANS.pattern.removeprefix("^").removesuffix("$") + ")")


def ref_normalise(text) -> str:
    if text is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", str(text))).strip().lower()


def ref_runs(text: str) -> list[tuple[str, bool]]:
    return [(part, i % 2 == 1) for i, part in enumerate(_HAN.split(text)) if part]


@lru_cache(maxsize=None)
def read(run: str, style=Style.NORMAL) -> tuple[str, ...]:
    """pypinyin's reading of one Han run (cached: the 100,000 names repeat their words)."""
    return tuple(lazy_pinyin(run, style=style, errors="default"))


def ref_forms(text: str) -> tuple[str, ...]:
    if text.isascii():
        return ()
    compact = _SPACES.sub("", text)
    spelled, initials, has_han = [], [], False
    for run, is_han in ref_runs(compact):
        if is_han:
            has_han = True
            syllables = read(run)
            spelled.append("".join(syllables))
            if len(syllables) == len(run):
                initials.append("".join(s[:1] for s in syllables))
            else:
                initials.append("".join(read(run, Style.FIRST_LETTER)))
        else:
            spelled.append(run)
            initials.append(run)
    if not has_han:
        return ()
    full = "".join(spelled).lower()
    forms = [full, "".join(initials).lower()]
    if "v" in full and "v" not in compact.lower():
        forms.append(full.replace("v", "u"))
    return tuple(dict.fromkeys(f for f in forms if f))


def ref_keys_of(text) -> list[str]:
    norm = ref_normalise(text)
    return [norm, *ref_forms(norm)] if norm else []


def ref_search_keys(name, sku="", origin="", producer="") -> str:
    keys = ref_keys_of(name)
    if sku:
        keys.append(ref_normalise(sku))
    parts = origin.split() if isinstance(origin, str) else [p for p in origin if p]
    for part in parts:
        keys += ref_keys_of(part)
    keys += ref_keys_of(producer)
    return " ".join(dict.fromkeys(k for k in keys if k))


def ref_sort_key(text) -> str:
    norm = ref_normalise(text)
    if not norm:
        return ""

    def words(item: str) -> list[str]:
        item = re.sub(r"\d+", lambda m: m.group().rjust(10, "0"), item)
        return [w for w in re.split(r"[\W_]+", item) if w]

    out: list[str] = []
    for run, is_han in ref_runs(norm):
        out += [s.lower() for s in read(run)] if is_han else words(run)
    return " ".join(out)[:pinyin_keys.NAME_SORT_LIMIT]


TRICKY = [
    "重庆火锅", "长沙臭豆腐", "银行卡", "行长", "重重", "长长久久", "中国银行 重庆分行", "绿茶", "女儿红", "吕梁v",
    "ＡＢＣ１２３茶", "１２斤装", "abc", "", "  ", "婺源 皇菊", "婺源　皇菊", "Σ茶Σ", "ΣΣ茶", "〇号", "𠮷野家",
    "乐乐 音乐", "会计 开会", "朝阳 朝代", "绿 lv", "旅游VIP", "さくら茶", "한국차", "茶-2斤/盒", "No.1 茶", "茶\t叶",
    "传奇_茶", "Ⅻ号茶", "婺源皇菊 12号", "LV绿", "驴肉 lu", "茶 茶 茶",
]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x4E00, 0x9FFF, 37)] + list("重庆长沙银行绿女ab 12Vv-ＡＢ１ 　")
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10))) for _ in range(count)]


@pytest.mark.parametrize("text", TRICKY + _random_texts(600))
def test_keys_of_awkward_texts_are_the_plain_rule(text):
    assert pinyin_keys.pinyin_forms(text) == ref_forms(text)
    assert pinyin_keys.name_sort_key(text) == ref_sort_key(text)
    assert pinyin_keys.search_keys_for(text, text, text, text) == ref_search_keys(text, text, text, text)
    assert pinyin_keys.search_keys_for(text) == ref_search_keys(text)
    assert pinyin_keys.search_keys_for("", "", text, text) == ref_search_keys("", "", text, text)
    assert pinyin_keys.search_keys_for("重庆 " + text, "重庆", ("重庆", text), text) == ref_search_keys(
        "重庆 " + text, "重庆", ("重庆", text), text)
    assert pinyin_keys.search_keys_for(text, "x", "江西省 " + text, None) == ref_search_keys(
        text, "x", "江西省 " + text, None)


def test_keys_of_the_benchmark_catalogue_are_the_plain_rule():
    """Every row of the benchmark's 100,000-row file (names, codes, origins, producers)."""
    for i in range(100_000):
        short, county, town, village = bench.PLACES[i % len(bench.PLACES)]
        goods = bench.GOODS[(i // len(bench.PLACES)) % len(bench.GOODS)]
        name, sku = f"{short}{goods} {i // 160 + 1}号", f"JX-{i:06d}"
        origin, producer = f"江西省 {county} {town} {village}", f"{county}{goods}专业合作社"
        assert pinyin_keys.search_keys_for(name, sku, origin, producer) == ref_search_keys(name, sku, origin, producer)
        assert pinyin_keys.name_sort_key(name) == ref_sort_key(name)
