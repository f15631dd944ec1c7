"""Translated display names of the platform codes stored in the database."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..db.models import Platform


def platform_name(code: str) -> str:
    tr = QCoreApplication.translate
    names = {
        Platform.DOUYIN: tr("Platform", "Douyin"),
        Platform.KUAISHOU: tr("Platform", "Kuaishou"),
        Platform.SHIPINHAO: tr("Platform", "WeChat Channels"),
        Platform.TAOBAO: tr("Platform", "Taobao Live"),
        Platform.JD: tr("Platform", "JD Live"),
        Platform.PINDUODUO: tr("Platform", "Pinduoduo"),
        Platform.OTHER: tr("Platform", "Other"),
    }
    return names.get(code, code)
