"""The livestream editor driven through the schedule page: create, edit, cancel, clashes, series."""
from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt

from livestream_desk.services import schedule
from livestream_desk.ui.schedule.editor import to_qdatetime

from .schedule_support import fixed_clock, people, schedule_page, wait_idle

__all__ = ["fixed_clock", "schedule_page"]  # fixtures of schedule_support, asked for by name


def open_new(qtbot, page, day=None):
    page.new_livestream(day)
    wait_idle(qtbot, page)
    assert page.editor is not None
    return page.editor


def set_times(editor, start: datetime, end: datetime) -> None:
    editor.start_edit.setDateTime(to_qdatetime(start))
    editor.end_edit.setDateTime(to_qdatetime(end))


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_create_edit_and_cancel_through_the_editor(qtbot, schedule_page, db):
    page = schedule_page
    host, _, room, _ = people(db)
    editor = open_new(qtbot, page, date(2026, 12, 3))
    editor.title_edit.setText("年货节专场")  # QTest cannot type CJK key by key
    choose(editor.platform_combo, "douyin")
    choose(editor.account_combo, room)
    choose(editor.host_combo, host)
    set_times(editor, datetime(2026, 12, 3, 19, 30), datetime(2026, 12, 3, 22, 0))
    editor.theme_edit.setText("年货节")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.editor is None)

    (row,) = schedule.list_livestreams(db)
    assert (row.title, row.platform, row.account_name, row.host_name) == ("年货节专场", "douyin", "婺源皇菊直播间", "小王")
    assert (row.scheduled_start, row.planned_minutes, row.theme) == (datetime(2026, 12, 3, 19, 30), 150, "年货节")
    qtbot.waitUntil(lambda: row.id in page.month_view.visible_ids())
    assert page.details.title_label.text() == "年货节专场"  # the new one is selected

    page.open_livestream(row.id)
    wait_idle(qtbot, page)
    editor = page.editor
    assert editor.title_edit.text() == "年货节专场"
    editor.title_edit.setText("年货节专场（加场）")
    editor.end_edit.setDateTime(to_qdatetime(datetime(2026, 12, 3, 23, 0)))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.editor is None)
    row = schedule.get_livestream(db, row.id)
    assert (row.title, row.planned_minutes) == ("年货节专场（加场）", 210)

    page.open_livestream(row.id)
    wait_idle(qtbot, page)
    qtbot.mouseClick(page.editor.cancel_stream_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert schedule.get_livestream(db, row.id).status == "cancelled"

    page.set_active(True)  # the window does this when the page is shown; Edit → Undo works then
    assert page.undo.undo_action.isEnabled()
    page.undo.undo_action.trigger()
    wait_idle(qtbot, page)
    assert schedule.get_livestream(db, row.id).status == "planned"


def test_messages_next_to_the_fields(qtbot, schedule_page, db):
    page = schedule_page
    editor = open_new(qtbot, page)
    set_times(editor, datetime(2026, 11, 28, 20, 0), datetime(2026, 11, 28, 19, 0))
    assert not editor.errors["end"].isHidden()
    assert "结束" in editor.errors["end"].text() or "end" in editor.errors["end"].text()
    assert not editor.errors["start"].isHidden()  # planned in the past
    set_times(editor, datetime(2026, 12, 1, 20, 0), datetime(2026, 12, 1, 22, 0))
    assert editor.errors["end"].isHidden() and editor.errors["start"].isHidden()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # no title
    wait_idle(qtbot, page)
    assert not editor.errors["title"].isHidden()
    assert editor.errors["title"].text()
    assert page.editor is editor and editor.isVisible()
    assert schedule.list_livestreams(db) == ()


def test_clash_warning_names_the_other_livestream(qtbot, schedule_page, db):
    page = schedule_page
    host, _, room, _ = people(db)
    schedule.create_livestream(db, schedule.LivestreamInput("皇菊早场", "douyin", datetime(2026, 12, 2, 20, 0), 120,
                                                            room, host))
    editor = open_new(qtbot, page)
    editor.title_edit.setText("快手加场")
    choose(editor.platform_combo, "kuaishou")
    choose(editor.host_combo, host)
    set_times(editor, datetime(2026, 12, 2, 21, 0), datetime(2026, 12, 2, 23, 0))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.clash_box is not None and editor.clash_box.isVisible())
    box = editor.clash_box
    assert "皇菊早场" in box.informativeText() and "小王" in box.informativeText()

    editor.go_back_button.click()  # go back: nothing saved, the editor stays open
    wait_idle(qtbot, page)
    assert len(schedule.list_livestreams(db)) == 1
    assert editor.isVisible() and editor.save_button.isEnabled()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.clash_box is not None and editor.clash_box.isVisible())
    editor.save_anyway_button.click()
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.editor is None)
    titles = sorted(row.title for row in schedule.list_livestreams(db))
    assert titles == ["快手加场", "皇菊早场"]


def test_series_through_the_editor_and_editing_its_future(qtbot, schedule_page, db, monkeypatch):
    page = schedule_page
    editor = open_new(qtbot, page)
    editor.title_edit.setText("皇菊每周专场")
    set_times(editor, datetime(2026, 12, 22, 20, 0), datetime(2026, 12, 22, 22, 0))  # a Tuesday
    editor.series_box.setChecked(True)
    for weekday, check in enumerate(editor.weekday_checks):
        check.setChecked(weekday in (1, 4))  # Tuesday and Friday
    editor.until_radio.setChecked(True)
    editor.until_edit.setDate(QDate(2027, 1, 8))
    assert "5" in editor.series_preview.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.editor is None)
    rows = schedule.list_livestreams(db)
    assert [r.scheduled_start for r in rows] == [
        datetime(2026, 12, 22, 20), datetime(2026, 12, 25, 20), datetime(2026, 12, 29, 20),
        datetime(2027, 1, 1, 20), datetime(2027, 1, 5, 20), datetime(2027, 1, 8, 20),
    ]
    assert len({r.series_id for r in rows}) == 1 and rows[0].series_id

    # a week later: the first two have passed (one went live and ended)
    from livestream_desk.services import uow

    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 12, 27, 9, 0))
    page.open_livestream(rows[2].id)
    wait_idle(qtbot, page)
    editor = page.editor
    assert editor.future_in_series == 4
    editor.title_edit.setText("皇菊每周专场（新时间）")
    editor.start_edit.setDateTime(to_qdatetime(datetime(2026, 12, 29, 19, 0)))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.scope_box is not None and editor.scope_box.isVisible())
    editor.whole_series_button.click()
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: page.editor is None)

    after = schedule.list_livestreams(db)
    assert [(r.scheduled_start, r.title) for r in after] == [
        (datetime(2026, 12, 22, 20), "皇菊每周专场"),
        (datetime(2026, 12, 25, 20), "皇菊每周专场"),
        (datetime(2026, 12, 29, 19), "皇菊每周专场（新时间）"),
        (datetime(2027, 1, 1, 19), "皇菊每周专场（新时间）"),
        (datetime(2027, 1, 5, 19), "皇菊每周专场（新时间）"),
        (datetime(2027, 1, 8, 19), "皇菊每周专场（新时间）"),
    ]


def test_editing_one_occurrence_leaves_the_others(qtbot, schedule_page, db):
    page = schedule_page
    result = schedule.create_series(
        db, schedule.LivestreamInput("每周专场", "douyin", None),
        schedule.SeriesRule(frozenset({0}), time(20, 0), 120, date(2026, 11, 30), count=3))
    page.open_livestream(result.livestream_ids[1])
    wait_idle(qtbot, page)
    editor = page.editor
    editor.title_edit.setText("改了这一场")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.scope_box is not None and editor.scope_box.isVisible())
    editor.only_this_button.click()
    wait_idle(qtbot, page)
    titles = [r.title for r in schedule.list_livestreams(db)]
    assert titles == ["每周专场", "改了这一场", "每周专场"]
