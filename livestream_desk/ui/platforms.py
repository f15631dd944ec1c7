"""Translated display names of the platform codes stored in the database."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..db.models import Platform


def platform_name(code: str) -> str:
    # Each call spelled out in full: lupdate only extracts literal translate("Context", "text").
    names = {
        Platform.DOUYIN: QCoreApplication.translate("Platform", "Douyin"),
        Platform.KUAISHOU: QCoreApplication.translate("Platform", "Kuaishou"),
        Platform.SHIPINHAO: QCoreApplication.translate("Platform", "WeChat Channels"),
        Platform.TAOBAO: QCoreApplication.translate("Platform", "Taobao Live"),
        Platform.JD: QCoreApplication.translate("Platform", "JD Live"),
        Platform.PINDUODUO: QCoreApplication.translate("Platform", "Pinduoduo"),
        Platform.OTHER: QCoreApplication.translate("Platform", "Other"),
    }
    return names.get(code, code)
