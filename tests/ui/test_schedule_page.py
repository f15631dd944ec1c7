"""The schedule page: views, drag to reschedule with undo, status flow, review form, lineup."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QPoint, Qt

from livestream_desk.services import schedule
from livestream_desk.ui.schedule.calendar_view import MONTH

from .schedule_support import NOW, fixed_clock, people, products, schedule_page, wait_idle

__all__ = ["fixed_clock", "schedule_page"]  # fixtures of schedule_support, asked for by name


def plan(db, title="皇菊专场", start=datetime(2026, 12, 2, 20, 0), minutes=120, platform="douyin", **kwargs):
    return schedule.create_livestream(db, schedule.LivestreamInput(title, platform, start, minutes, **kwargs)).livestream_id


def test_month_week_and_list_show_the_livestreams(qtbot, schedule_page, db):
    page = schedule_page
    host, _, room, _ = people(db)
    first = plan(db, "皇菊专场", account_id=room, host_id=host)
    second = plan(db, "快手年货节", datetime(2026, 12, 5, 19, 0), platform="kuaishou")
    page.refresh()
    wait_idle(qtbot, page)
    assert page.period_label.text().startswith("2026")
    assert set(page.month_view.visible_ids()) == {first, second}  # the grid of November shows 1–6 December
    assert page.month_view.today == NOW.date()

    page.step(1)
    wait_idle(qtbot, page)
    assert "12" in page.period_label.text()
    assert set(page.month_view.visible_ids()) == {first, second}
    page.step(1)
    wait_idle(qtbot, page)
    assert page.month_view.visible_ids() == []
    page.go_today()
    wait_idle(qtbot, page)

    page.set_mode("week")
    wait_idle(qtbot, page)
    assert page.week_view.visible_ids() == []  # the week of 23–29 November
    page.step(1)
    wait_idle(qtbot, page)
    assert set(page.week_view.visible_ids()) == {first, second}

    page.set_mode("list")
    wait_idle(qtbot, page)
    page.show_date(date(2026, 12, 1))
    wait_idle(qtbot, page)
    model = page.list_proxy
    assert model.rowCount() == 2
    page.list_view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by title
    titles = [model.index(r, 2).data() for r in range(2)]
    assert titles == sorted(titles)
    assert {model.index(r, 5).data() for r in range(2)} == {"小王", ""}
    page.filter_edit.setText("年货")
    assert model.rowCount() == 1 and model.index(0, 2).data() == "快手年货节"


def test_drag_to_another_day_reschedules_and_undo_moves_back(qtbot, schedule_page, db):
    page = schedule_page
    ls_id = plan(db)
    page.refresh()
    wait_idle(qtbot, page)
    view = page.month_view
    assert view.mode == MONTH
    source = view.item_rect(ls_id).center()
    target = view.day_rect(date(2026, 12, 4)).center()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=source)
    qtbot.mouseMove(view, source + QPoint(20, 5))
    qtbot.mouseMove(view, target)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=target)
    wait_idle(qtbot, page)
    assert schedule.get_livestream(db, ls_id).scheduled_start == datetime(2026, 12, 4, 20, 0)
    qtbot.waitUntil(lambda: view.item_rect(ls_id) is not None and view.day_rect(date(2026, 12, 4)).contains(
        view.item_rect(ls_id).center()))

    page.set_active(True)
    page.undo.undo_action.trigger()
    wait_idle(qtbot, page)
    assert schedule.get_livestream(db, ls_id).scheduled_start == datetime(2026, 12, 2, 20, 0)
    page.undo.redo_action.trigger()
    wait_idle(qtbot, page)
    assert schedule.get_livestream(db, ls_id).scheduled_start == datetime(2026, 12, 4, 20, 0)


def test_status_flow_buttons_record_the_actual_times(qtbot, schedule_page, db, monkeypatch):
    from livestream_desk.services import uow

    page = schedule_page
    ls_id = plan(db, start=datetime(2026, 11, 29, 10, 30))
    page.refresh()
    wait_idle(qtbot, page)
    page.month_view.select(ls_id)
    details = page.details
    assert details.start_button.isVisible() and details.cancel_button.isVisible()
    assert not details.review_button.isVisible()

    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 29, 10, 34, 12))
    qtbot.mouseClick(details.start_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    row = schedule.get_livestream(db, ls_id)
    assert (row.status, row.actual_start) == ("live", datetime(2026, 11, 29, 10, 34, 12))
    qtbot.waitUntil(lambda: details.finish_button.isVisible() and not details.start_button.isVisible())

    monkeypatch.setattr(uow, "clock", lambda: datetime(2026, 11, 29, 12, 50, 0))
    qtbot.mouseClick(details.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    row = schedule.get_livestream(db, ls_id)
    assert (row.status, row.actual_end) == ("done", datetime(2026, 11, 29, 12, 50, 0))
    qtbot.waitUntil(lambda: details.review_button.isVisible())

    # the review form: a bad amount gets its message next to the field and nothing is saved
    qtbot.mouseClick(details.review_button, Qt.MouseButton.LeftButton)
    dialog = page.review_dialog
    dialog.edits["viewers"].setText("12,345")
    dialog.edits["peak_online"].setText("800")
    dialog.edits["ad_spend"].setText("12元5角")
    dialog.save()
    assert not dialog.errors["ad_spend"].isHidden() and dialog.errors["ad_spend"].text()
    assert schedule.get_livestream(db, ls_id).viewers is None
    dialog.edits["ad_spend"].setText("¥1,234.50")
    dialog.edits["likes"].setText("-3")
    dialog.save()
    wait_idle(qtbot, page)
    assert not dialog.errors["likes"].isHidden()
    dialog.edits["likes"].setText("５６０")  # full-width digits as a phone keyboard types them
    dialog.save()
    wait_idle(qtbot, page)
    row = schedule.get_livestream(db, ls_id)
    assert (row.viewers, row.peak_online, row.likes, row.ad_spend_fen) == (12345, 800, 560, 123450)


def test_cancel_and_plan_again_from_the_panel(qtbot, schedule_page, db):
    page = schedule_page
    ls_id = plan(db)
    page.refresh()
    wait_idle(qtbot, page)
    page.month_view.select(ls_id)
    qtbot.mouseClick(page.details.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert schedule.get_livestream(db, ls_id).status == "cancelled"
    qtbot.waitUntil(lambda: page.details.reopen_button.isVisible())
    qtbot.mouseClick(page.details.reopen_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert schedule.get_livestream(db, ls_id).status == "planned"


def test_lineup_reorder_by_keyboard_persists(qtbot, schedule_page, db):
    page = schedule_page
    made = products(db, 3)
    ls_id = plan(db)
    schedule.add_to_lineup(db, ls_id, [p.id for p in made])
    page.refresh()
    wait_idle(qtbot, page)
    page.month_view.select(ls_id)
    page.open_lineup()
    dialog = page.lineup_dialog
    wait_idle(qtbot, page)
    assert dialog.model.rowCount() == 3
    assert "¥" in dialog.total_label.text()

    view = dialog.view
    view.setFocus()
    dialog.select_item_row(2)  # 修水宁红茶
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, page)
    names = [item.product_name for item in schedule.lineup(db, ls_id)]
    assert names == ["婺源皇菊", "修水宁红茶", "江西大米"]
    qtbot.waitUntil(lambda: dialog.model.item_at(1) is not None and dialog.model.item_at(1).product_name == "修水宁红茶")
    assert view.currentIndex().row() == 1  # the moved row stays selected: press again to go on
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, page)
    assert [i.product_name for i in schedule.lineup(db, ls_id)] == ["修水宁红茶", "婺源皇菊", "江西大米"]
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, page)
    assert [i.product_name for i in schedule.lineup(db, ls_id)] == ["婺源皇菊", "修水宁红茶", "江西大米"]

    # edit in place: live price and allotted stock; the planned total follows
    item = dialog.model.item_at(0)
    dialog.model.setData(dialog.model.index(0, 4), "¥35.00")
    wait_idle(qtbot, page)
    dialog.model.setData(dialog.model.index(0, 5), "30")
    wait_idle(qtbot, page)
    saved = next(i for i in schedule.lineup(db, ls_id) if i.id == item.id)
    assert (saved.live_price_fen, saved.allotted_stock) == (3500, 30)
    qtbot.waitUntil(lambda: "¥1,050.00" in dialog.total_label.text())

    # a bad price: message, nothing saved
    dialog.model.setData(dialog.model.index(0, 4), "abc")
    wait_idle(qtbot, page)
    assert not dialog.error_label.isHidden()
    assert next(i for i in schedule.lineup(db, ls_id) if i.id == item.id).live_price_fen == 3500

    # undo in the dialog puts the order back as well
    dialog.undo_button.click()
    wait_idle(qtbot, page)
    dialog.undo_button.click()
    wait_idle(qtbot, page)
    assert next(i for i in schedule.lineup(db, ls_id) if i.id == item.id).live_price_fen == 4090


def test_lineup_search_adds_products_by_pinyin(qtbot, schedule_page, db):
    page = schedule_page
    products(db, 3)
    ls_id = plan(db)
    page.refresh()
    wait_idle(qtbot, page)
    page.month_view.select(ls_id)
    page.open_lineup()
    dialog = page.lineup_dialog
    wait_idle(qtbot, page)
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 3)
    dialog.search_edit.setText("hj")  # 皇菊 by its initials; searched as the typing pauses
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 1)
    wait_idle(qtbot, page)
    assert dialog.results.rowCount() == 1 and dialog.results.row_at(0).name == "婺源皇菊"
    dialog.select_result(0)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    (item,) = schedule.lineup(db, ls_id)
    assert (item.product_name, item.live_price_fen) == ("婺源皇菊", 4090)


def test_reminder_shows_before_a_planned_livestream(qtbot, schedule_page, db):
    page = schedule_page
    plan(db, "马上开播", start=NOW + timedelta(minutes=20))
    plan(db, "还早", start=NOW + timedelta(hours=5))
    shown = []
    page.reminders.reminded.connect(lambda title, body: shown.append(title))
    page.reminders.check_now()
    wait_idle(qtbot, page)
    assert len(shown) == 1 and "马上开播" in shown[0]
    page.reminders.check_now()
    wait_idle(qtbot, page)
    assert len(shown) == 1  # once only


def test_upcoming_box_lists_the_next_planned_livestreams(qtbot, schedule_page, db):
    from livestream_desk.ui.schedule.upcoming import UpcomingLivestreams

    page = schedule_page
    plan(db, "明晚皇菊专场", start=NOW + timedelta(days=1))
    cancelled = plan(db, "取消的一场", start=NOW + timedelta(hours=3))
    schedule.cancel_livestream(db, cancelled)
    box = UpcomingLivestreams(page)
    box.refresh()
    wait_idle(qtbot, page)
    assert "明晚皇菊专场" not in box.list_label.text()  # only while its page is the one on screen
    page.set_active(True)
    wait_idle(qtbot, page)
    assert "明晚皇菊专场" in box.list_label.text() and "11-30 10:00" in box.list_label.text()
    assert "取消的一场" not in box.list_label.text()


def test_selection_follows_to_the_other_views(qtbot, schedule_page, db):
    page = schedule_page
    ls_id = plan(db, start=datetime(2026, 11, 29, 20, 0))  # in the month the list shows, and this week
    page.refresh()
    wait_idle(qtbot, page)
    page.month_view.select(ls_id)
    page.set_mode("list")
    wait_idle(qtbot, page)
    assert page.selected_id() == ls_id and page.details.row.id == ls_id
    page.set_mode("week")
    wait_idle(qtbot, page)
    assert page.week_view.selected_id == ls_id


def test_rooms_and_hosts_dialogs_add_rename_retire(qtbot, schedule_page, db):
    page = schedule_page
    page.manage_people("hosts")
    dialog = page.people_dialog
    wait_idle(qtbot, page)
    dialog.name_edit.setText("小王")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    dialog.name_edit.setText("小王")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # the same name again: a message, nothing added
    wait_idle(qtbot, page)
    assert not dialog.error_label.isHidden()
    assert [h.name for h in schedule.list_hosts(db)] == ["小王"]
    dialog.view.selectRow(0)
    dialog.name_edit.setText("王主播")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    (host,) = schedule.list_hosts(db)
    assert (host.name, host.retired) == ("王主播", True)
    dialog.reject()

    # a retired host is not offered for a new livestream, but stays on the one that has it
    ls_id = plan(db, host_id=None)
    page.new_livestream()
    wait_idle(qtbot, page)
    combo = page.editor.host_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [None]
    page.editor.reject()
    wait_idle(qtbot, page)
    schedule.set_host_retired(db, host.id, False)
    schedule.update_livestream(db, ls_id, schedule.LivestreamInput("皇菊专场", "douyin", datetime(2026, 12, 2, 20, 0),
                                                                   120, host_id=host.id))
    schedule.set_host_retired(db, host.id, True)
    page.open_livestream(ls_id)
    wait_idle(qtbot, page)
    combo = page.editor.host_combo
    assert combo.currentData() == host.id and "王主播" in combo.currentText()


def test_lineup_drag_drop_sets_the_order(qtbot, schedule_page, db):
    from PySide6.QtCore import QModelIndex

    page = schedule_page
    made = products(db, 3)
    ls_id = plan(db)
    schedule.add_to_lineup(db, ls_id, [p.id for p in made])
    page.refresh()
    wait_idle(qtbot, page)
    page.month_view.select(ls_id)
    page.open_lineup()
    dialog = page.lineup_dialog
    wait_idle(qtbot, page)
    model = dialog.model
    data = model.mimeData([model.index(2, 1)])  # drag 修水宁红茶 …
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())  # … above the first row
    wait_idle(qtbot, page)
    assert [i.product_name for i in schedule.lineup(db, ls_id)] == ["修水宁红茶", "婺源皇菊", "江西大米"]
