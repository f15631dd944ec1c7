"""Documents the app draws with Qt for the command line and the GUI alike (no widgets): the
period report as an A4 PDF (report_pdf.py). Kept out of ui/reports so that the CLI does not
import the reports page.
"""
