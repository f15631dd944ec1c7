"""Platform names as people type them: keys (douyin) or Chinese names (抖音, 抖店…) → the key."""
from __future__ import annotations

import unicodedata

from ...db.models import Platform
from ...messages import Problem

# The Chinese names DESIGN §7 lists, first = the display name; then other common spellings.
CHINESE_NAMES: dict[str, tuple[str, ...]] = {
    Platform.DOUYIN: ("抖音", "抖店", "抖音直播", "抖音小店"),
    Platform.KUAISHOU: ("快手", "快手小店", "快手直播"),
    Platform.SHIPINHAO: ("视频号", "微信视频号", "视频号小店"),
    Platform.TAOBAO: ("淘宝", "淘宝直播", "天猫", "点淘"),
    Platform.JD: ("京东", "京东直播"),
    Platform.PINDUODUO: ("拼多多", "多多直播"),
    Platform.OTHER: ("其他", "其它"),
}
# Not "tiktok": TikTok is another company's shop, not 抖音; its orders must not count as 抖店's.
_ENGLISH = {"wechat": Platform.SHIPINHAO, "channels": Platform.SHIPINHAO, "pdd": Platform.PINDUODUO,
            "jingdong": Platform.JD}

_LOOKUP: dict[str, str] = {}
for _key, _names in CHINESE_NAMES.items():
    _LOOKUP[_key] = _key
    for _name in _names:
        _LOOKUP[_name] = _key
_LOOKUP.update(_ENGLISH)


def chinese_name(platform: str) -> str:
    """抖音 for douyin; the key itself when unknown (for files written without Qt)."""
    names = CHINESE_NAMES.get(platform)
    return names[0] if names else platform


def find_platform(text: object) -> str | None:
    """The platform key named by `text` (key, Chinese or common name), or None."""
    cleaned = unicodedata.normalize("NFKC", str(text or "")).strip()
    return _LOOKUP.get(cleaned.lower()) or _LOOKUP.get(cleaned)


def parse_platform(text: object) -> str:
    """The platform key named by `text`; Problem common.unknown_platform otherwise."""
    key = find_platform(text)
    if key is None:
        choices = tuple(f"{k} / {chinese_name(k)}" for k in Platform.ALL)  # a tuple: not clipped as one value
        raise Problem("common.unknown_platform", value=str(text or ""), choices=choices)
    return key


__all__ = ["CHINESE_NAMES", "chinese_name", "find_platform", "parse_platform"]
