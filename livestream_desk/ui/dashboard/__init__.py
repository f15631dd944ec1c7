"""The dashboard page (概览): monthly net sales and growth, KPI cards, the empty state."""
from .page import DashboardPage

__all__ = ["DashboardPage"]
