"""The 战报 cards (render.py): phone-sized PNG images of a livestream's or a month's results."""
