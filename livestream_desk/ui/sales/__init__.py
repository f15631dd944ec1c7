"""销售 Sales: the sales page, entry and refund dialogs, the livestream sales view and the live console."""
