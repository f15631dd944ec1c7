"""报表 Reports page."""
from .page import ReportsPage

__all__ = ["ReportsPage"]
