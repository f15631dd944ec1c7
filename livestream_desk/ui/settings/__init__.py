"""设置 Settings page."""
from .page import SettingsPage

__all__ = ["SettingsPage"]
