"""The livestream schedule (issue 8): livestreams, series, status flow, lineups, people, files.

Services take the open `Database` and return frozen dataclasses (rows.py). Errors are
`messages.Problem` with `schedule.*` codes (texts: messages/texts/schedule.py) or
`common.unknown_platform`; nothing is written when one is raised. Times are Beijing local
datetimes without tzinfo; money is integer fen. "now" is always `services.uow.now()`.

API summary (everything below is importable from `livestream_desk.services.schedule`)
----------------------------------------------------------------------------------------
Rows (rows.py)
  LivestreamRow(id, title, platform, account_id, account_name, account_retired, host_id, host_name,
      host_retired, scheduled_start, planned_minutes, actual_start, actual_end, status, theme, notes,
      series_id, lineup_size, planned_value_fen, viewers, peak_online, new_followers, likes,
      ad_spend_fen, other_cost_fen)  + .scheduled_end .duration_minutes .in_series .is_planned
  LivestreamInput(title, platform, scheduled_start, planned_minutes=120, account_id=None, host_id=None,
      theme="", notes="")         platform: key ("douyin") or Chinese name ("抖音")
  SeriesRule(weekdays: frozenset[int] 0=Mon…6=Sun, start_time: time, planned_minutes, first_day: date,
      until: date|None, count: int|None)
  Clash(kind "host"|"account", livestream_id, other_id, other_title, other_platform, other_start,
      other_end, name)  + .message (a Message to show: names the other livestream)
  SaveResult(livestream_id, clashes, livestream_ids, series_id)
  Rescheduled(livestream_id, old_start, new_start, clashes)
  LivestreamSnapshot(values, lineup, sale_ids)   (opaque; for undo)
  LineupItemRow(id, livestream_id, product_id, position, product_name, spec, unit, sku, list_price_fen,
      product_live_price_fen, live_price_fen, allotted_stock, talking_points, archived, stock)
      + .price_fen (sold at) .value_fen (price × allotted)
  LineupTotal(items, value_fen)
  AccountRow(id, platform, name, platform_account_id, retired, livestreams)
  HostRow(id, name, retired, livestreams)
  ReviewInput(viewers, peak_online, new_followers, likes, duration_minutes, ad_spend, other_cost)
      counts: int or typed text; money: typed text ("¥1,234.50") or Money; blank = empty / 0
  Upcoming(livestream: LivestreamRow, minutes_until)
  RunSheet(livestream, lines: tuple[RunSheetLine], total_value_fen, made_at, platform_name)
  RunSheetLine(order, product_name, spec, unit, list_price_fen, live_price_fen, allotted_stock,
      talking_points, archived)
  ListQuery(start, end, text, platform, status, host_id, account_id, order_by, descending, limit, offset)

Reading (queries.py) — one query each, joins, no N+1
  livestreams_between(db, start, end) -> tuple[LivestreamRow]     month / week views, by start
  list_livestreams(db, ListQuery) -> tuple[LivestreamRow]; count_livestreams(db, ListQuery) -> int
  get_livestream(db, id) -> LivestreamRow; get_livestreams(db, ids)
  upcoming_livestreams(db, limit=5, now=None) -> tuple[Upcoming]  dashboard
  due_reminders(db, lead_minutes=30, now=None) -> tuple[Upcoming] planned ones starting within lead

Editing (editing.py)
  check_livestream(db, LivestreamInput, livestream_id=None) -> tuple[Clash]   raises Problem on errors
  create_livestream(db, LivestreamInput) -> SaveResult        (warnings in .clashes; saved anyway)
  update_livestream(db, id, LivestreamInput) -> SaveResult    (one occurrence of a series too)
  duplicate_livestream(db, id, new_start=None, with_lineup=True) -> SaveResult
  reschedule_livestream(db, id, day: date) -> Rescheduled     drag to a day, keeps the time of day
  move_livestream(db, id, new_start: datetime) -> Rescheduled undo of a reschedule (past allowed)
  snapshot_livestreams(db, ids) -> tuple[LivestreamSnapshot]  take before an edit, for undo
  delete_livestreams(db, ids) -> tuple[LivestreamSnapshot]    undo: restore_livestreams(db, snapshots)
  restore_livestreams(db, snapshots)                          puts rows, lineups, sale attribution back

Series (series.py)
  series_dates(SeriesRule) -> tuple[date]                     preview
  create_series(db, template: LivestreamInput, SeriesRule) -> SaveResult (livestream_ids, series_id)
  series_occurrences(db, series_id) -> tuple[LivestreamRow]
  future_occurrence_ids(db, series_id) -> tuple[int]          what a series edit/cancel will touch
  update_series(db, series_id, LivestreamInput) -> SaveResult FUTURE planned occurrences only; each keeps
      its day, takes the time of day of input.scheduled_start
  cancel_series(db, series_id) -> tuple[int]                  undo: reopen_livestreams(db, ids)

Status flow (status.py)   planned → live → done; planned → cancelled → (reopen) planned; planned → done
  start_livestream(db, id) (actual_start = now), finish_livestream(db, id) (actual_end = now),
  cancel_livestream(db, id), reopen_livestream(db, id), reopen_livestreams(db, ids) -> LivestreamRow
  save_review(db, id, ReviewInput) -> LivestreamRow           live or done only

Live rooms and hosts (people.py)
  list_accounts(db, platform=None, include_retired=True) -> tuple[AccountRow]
  add_account(db, platform, name, platform_account_id="") -> id; rename_account(db, id, name, platform_account_id=None)
  set_account_retired(db, id, retired: bool)
  list_hosts(db, include_retired=True) -> tuple[HostRow]; add_host(db, name) -> id; rename_host(db, id, name)
  set_host_retired(db, id, retired: bool)

Lineup (lineup.py)
  lineup(db, livestream_id) -> tuple[LineupItemRow]; lineup_total(db, livestream_id) -> LineupTotal
  add_to_lineup(db, livestream_id, product_ids, position=None) -> tuple[item ids]
  remove_from_lineup(db, item_ids); move_lineup_item(db, item_id, position) -> new position
  move_lineup_item_up / move_lineup_item_down(db, item_id) -> new position
  set_lineup_order(db, livestream_id, item_ids)
  set_lineup_item(db, item_id, live_price=UNCHANGED, allotted_stock=UNCHANGED, talking_points=UNCHANGED)
  copy_lineup(db, from_id, to_id, replace=False) -> items copied
  restore_lineup(db, livestream_id, items: Sequence[LineupItemRow])   undo of any lineup change

Run sheet, files (runsheet.py, exports.py, calendar_file.py)
  runsheet(db, livestream_id) -> RunSheet     (PDF: ui/schedule/runsheet.py render_runsheet_pdf(data, path))
  export_livestreams(db, path.xlsx|.csv) -> rows written;  LIVESTREAM_COLUMNS
  export_calendar(db, path.ics, reminder_minutes=30, since=None) -> events written; calendar_text(rows, …)
  planned_livestreams(db, since=None) -> tuple[LivestreamRow]   (what the .ics holds)

Platforms (platforms.py)
  parse_platform(text) -> key (Problem common.unknown_platform); find_platform(text) -> key|None;
  chinese_name(key) -> "抖音"; CHINESE_NAMES
"""
from __future__ import annotations

from .editing import (
    check_livestream,
    create_livestream,
    delete_livestreams,
    duplicate_livestream,
    move_livestream,
    reschedule_livestream,
    restore_livestreams,
    snapshot_livestreams,
    update_livestream,
)
from .lineup import (
    UNCHANGED,
    add_to_lineup,
    copy_lineup,
    lineup,
    lineup_total,
    move_lineup_item,
    move_lineup_item_down,
    move_lineup_item_up,
    remove_from_lineup,
    restore_lineup,
    set_lineup_item,
    set_lineup_order,
)
from .people import (
    add_account,
    add_host,
    list_accounts,
    list_hosts,
    rename_account,
    rename_host,
    set_account_retired,
    set_host_retired,
)
from .platforms import CHINESE_NAMES, chinese_name, find_platform, parse_platform
from .queries import (
    count_livestreams,
    due_reminders,
    get_livestream,
    get_livestreams,
    livestreams_between,
    list_livestreams,
    upcoming_livestreams,
)
from .rows import (
    AccountRow,
    Clash,
    HostRow,
    LineupItemRow,
    LineupTotal,
    ListQuery,
    LivestreamInput,
    LivestreamRow,
    LivestreamSnapshot,
    Rescheduled,
    ReviewInput,
    RunSheet,
    RunSheetLine,
    SaveResult,
    SeriesRule,
    Upcoming,
)
from .runsheet import runsheet
from .calendar_file import DEFAULT_REMINDER_MINUTES, calendar_text, export_calendar, planned_livestreams
from .exports import LIVESTREAM_COLUMNS, STATUS_NAMES, export_livestreams
from .series import (
    cancel_series,
    create_series,
    future_occurrence_ids,
    series_dates,
    series_occurrences,
    update_series,
)
from .status import (
    cancel_livestream,
    finish_livestream,
    reopen_livestream,
    reopen_livestreams,
    save_review,
    start_livestream,
)

__all__ = [
    "check_livestream", "create_livestream", "delete_livestreams", "duplicate_livestream", "move_livestream",
    "reschedule_livestream", "restore_livestreams", "snapshot_livestreams", "update_livestream",
    "UNCHANGED", "add_to_lineup", "copy_lineup", "lineup", "lineup_total", "move_lineup_item",
    "move_lineup_item_down", "move_lineup_item_up", "remove_from_lineup", "restore_lineup", "set_lineup_item",
    "set_lineup_order",
    "add_account", "add_host", "list_accounts", "list_hosts", "rename_account", "rename_host",
    "set_account_retired", "set_host_retired",
    "CHINESE_NAMES", "chinese_name", "find_platform", "parse_platform",
    "count_livestreams", "due_reminders", "get_livestream", "get_livestreams", "livestreams_between",
    "list_livestreams", "upcoming_livestreams",
    "AccountRow", "Clash", "HostRow", "LineupItemRow", "LineupTotal", "ListQuery", "LivestreamInput",
    "LivestreamRow", "LivestreamSnapshot", "Rescheduled", "ReviewInput", "RunSheet", "RunSheetLine",
    "SaveResult", "SeriesRule", "Upcoming",
    "runsheet",
    "DEFAULT_REMINDER_MINUTES", "calendar_text", "export_calendar", "planned_livestreams",
    "LIVESTREAM_COLUMNS", "STATUS_NAMES", "export_livestreams",
    "cancel_series", "create_series", "future_occurrence_ids", "series_dates", "series_occurrences",
    "update_series",
    "cancel_livestream", "finish_livestream", "reopen_livestream", "reopen_livestreams", "save_review",
    "start_livestream",
]
