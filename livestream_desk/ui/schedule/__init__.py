"""The schedule page (直播排期) and its dialogs (issue 8). Modules, one job each:

page.py           the page: month / week / list views, navigation, details panel, operations
calendar_view.py  the custom-painted month calendar and week agenda (drag to reschedule)
list_model.py     the list view's table model and sort proxy
details.py        the side panel with the status flow buttons
editor.py         the livestream editor (one livestream or a weekly series, clash warning)
review.py         the review (复盘) figures form
lineup.py         the lineup (排品) editor
people_dialog.py  live rooms and hosts: add, rename, retire
actions.py        undoable changes as page operations, the editor's clash check
files.py          the page's run sheet (preview, PDF) and phone calendar (.ics) commands
runsheet.py       the run sheet: A4 PDF (needs only a QGuiApplication) and print preview
reminders.py      reminders before planned livestreams (tray notifications)
upcoming.py       the dashboard's list of upcoming livestreams
texts.py          status names, platform colours, time formats
"""
