"""The dashboard page (概览): monthly net sales and growth, KPI cards, the empty state.

`DashboardPage` is imported on first use, so that the window can show early figures
(early_view.py, kpi_cards.py) before the page and the database layer are loaded.
"""


def __getattr__(name: str):
    if name == "DashboardPage":
        from .page import DashboardPage

        return DashboardPage
    raise AttributeError(name)


__all__ = ["DashboardPage"]
