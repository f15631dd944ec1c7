"""Help inside the app: the user guide (Help → 使用说明, F1) and the first-start tour.

The guide is HTML shipped in resources/help/<language>/ (one page per topic) with pictures
made by `livestream-desk screenshot` (scripts/make_help_images.py); it is read from the
resources folder only, never from the network.
"""
