"""Messages of the livestream schedule (services/schedule)."""
from ._mark import QT_TRANSLATE_NOOP

TEXTS = {
    # the livestream editor
    "schedule.title_required": QT_TRANSLATE_NOOP("Messages", "Give the livestream a title."),
    "schedule.platform_required": QT_TRANSLATE_NOOP("Messages", "Choose the platform of the livestream."),
    "schedule.start_required": QT_TRANSLATE_NOOP("Messages", "Choose when the livestream starts."),
    "schedule.end_before_start": QT_TRANSLATE_NOOP(
        "Messages", "The livestream must end after it starts (planned length {minutes} minutes)."
    ),
    "schedule.too_long": QT_TRANSLATE_NOOP(
        "Messages", "A livestream of {minutes} minutes is too long; at most {limit} minutes."
    ),
    "schedule.planned_in_past": QT_TRANSLATE_NOOP(
        "Messages", "{start} has already passed: a planned livestream must start in the future."
    ),
    "schedule.unknown_account": QT_TRANSLATE_NOOP("Messages", "The live room (account) no longer exists; choose another."),
    "schedule.account_other_platform": QT_TRANSLATE_NOOP(
        "Messages", "The live room “{name}” is on another platform; choose one on this livestream's platform."
    ),
    "schedule.account_retired": QT_TRANSLATE_NOOP(
        "Messages", "The live room “{name}” is retired; choose another or bring it back first."
    ),
    "schedule.unknown_host": QT_TRANSLATE_NOOP("Messages", "The host no longer exists; choose another."),
    "schedule.host_retired": QT_TRANSLATE_NOOP(
        "Messages", "The host “{name}” is retired; choose another or bring them back first."
    ),
    "schedule.clash_host": QT_TRANSLATE_NOOP(
        "Messages", "The host {name} is already on “{title}” at {start}–{end}."
    ),
    "schedule.clash_account": QT_TRANSLATE_NOOP(
        "Messages", "The live room {name} is already used by “{title}” at {start}–{end}."
    ),
    "schedule.not_found": QT_TRANSLATE_NOOP(
        "Messages", "Livestream {id} does not exist (it may have been deleted meanwhile)."
    ),
    # recurring series
    "schedule.series_not_found": QT_TRANSLATE_NOOP("Messages", "That recurring series no longer exists."),
    "schedule.series_no_weekdays": QT_TRANSLATE_NOOP("Messages", "Choose at least one weekday for the series."),
    "schedule.series_needs_end": QT_TRANSLATE_NOOP(
        "Messages", "Say when the series ends: a last date or a number of livestreams."
    ),
    "schedule.series_until_before_first": QT_TRANSLATE_NOOP(
        "Messages", "The series' last date {until} is before its first date {first}."
    ),
    "schedule.series_too_many": QT_TRANSLATE_NOOP(
        "Messages", "The series would make {count} livestreams; at most {limit} at a time."
    ),
    "schedule.series_empty": QT_TRANSLATE_NOOP(
        "Messages", "No livestream of the series falls between {first} and {until}."
    ),
    "schedule.series_no_future": QT_TRANSLATE_NOOP(
        "Messages", "The series has no planned livestreams left in the future to change."
    ),
    # status flow
    "schedule.status_change_refused": QT_TRANSLATE_NOOP(
        "Messages", "A livestream that is {status} cannot be {action}."
    ),
    "schedule.only_planned_move": QT_TRANSLATE_NOOP(
        "Messages", "Only a planned livestream can be moved; this one is {status}."
    ),
    "schedule.review_not_done": QT_TRANSLATE_NOOP(
        "Messages", "Figures can be recorded once the livestream has started; this one is {status}."
    ),
    "schedule.status.planned": QT_TRANSLATE_NOOP("Messages", "planned"),
    "schedule.status.live": QT_TRANSLATE_NOOP("Messages", "live"),
    "schedule.status.done": QT_TRANSLATE_NOOP("Messages", "done"),
    "schedule.status.cancelled": QT_TRANSLATE_NOOP("Messages", "cancelled"),
    "schedule.action.start": QT_TRANSLATE_NOOP("Messages", "started"),
    "schedule.action.finish": QT_TRANSLATE_NOOP("Messages", "finished"),
    "schedule.action.cancel": QT_TRANSLATE_NOOP("Messages", "cancelled"),
    "schedule.action.reopen": QT_TRANSLATE_NOOP("Messages", "planned again"),
    # review figures
    "schedule.not_a_number": QT_TRANSLATE_NOOP("Messages", "{field}: “{value}” is not a whole number."),
    "schedule.negative": QT_TRANSLATE_NOOP("Messages", "{field} cannot be negative."),
    "schedule.too_large": QT_TRANSLATE_NOOP("Messages", "{field} is too large."),
    "schedule.bad_money": QT_TRANSLATE_NOOP("Messages", "{field}: “{value}” is not an amount of money."),
    "schedule.peak_above_viewers": QT_TRANSLATE_NOOP(
        "Messages", "Peak online ({peak}) cannot be more than the viewers ({viewers})."
    ),
    "schedule.field.viewers": QT_TRANSLATE_NOOP("Messages", "Viewers"),
    "schedule.field.peak_online": QT_TRANSLATE_NOOP("Messages", "Peak online"),
    "schedule.field.new_followers": QT_TRANSLATE_NOOP("Messages", "New followers"),
    "schedule.field.likes": QT_TRANSLATE_NOOP("Messages", "Likes"),
    "schedule.field.duration": QT_TRANSLATE_NOOP("Messages", "Duration (minutes)"),
    "schedule.field.ad_spend": QT_TRANSLATE_NOOP("Messages", "Ad spend"),
    "schedule.field.other_cost": QT_TRANSLATE_NOOP("Messages", "Other costs"),
    "schedule.field.live_price": QT_TRANSLATE_NOOP("Messages", "Live price"),
    "schedule.field.allotted_stock": QT_TRANSLATE_NOOP("Messages", "Allotted stock"),
    # accounts and hosts
    "schedule.name_required": QT_TRANSLATE_NOOP("Messages", "Enter a name."),
    "schedule.account_exists": QT_TRANSLATE_NOOP(
        "Messages", "There is already a live room “{name}” on this platform."
    ),
    "schedule.host_exists": QT_TRANSLATE_NOOP("Messages", "There is already a host “{name}”."),
    "schedule.account_missing": QT_TRANSLATE_NOOP("Messages", "That live room no longer exists."),
    "schedule.host_missing": QT_TRANSLATE_NOOP("Messages", "That host no longer exists."),
    # lineup
    "schedule.lineup_item_missing": QT_TRANSLATE_NOOP(
        "Messages", "That product is no longer in the lineup (refresh the lineup)."
    ),
    "schedule.product_missing": QT_TRANSLATE_NOOP("Messages", "Product {id} does not exist."),
    "schedule.lineup_copy_same": QT_TRANSLATE_NOOP("Messages", "Choose another livestream to copy the lineup from."),
    # exports
    "schedule.exported_livestreams": QT_TRANSLATE_NOOP("Messages", "{count} livestreams written to {target}"),
    "schedule.exported_calendar": QT_TRANSLATE_NOOP(
        "Messages", "{count} planned livestreams written to {target}, each with an alarm {minutes} minutes before"
    ),
    "schedule.exported_runsheet": QT_TRANSLATE_NOOP(
        "Messages", "The run sheet of “{title}” ({count} products) was written to {target}"
    ),
    "schedule.export_suffix": QT_TRANSLATE_NOOP(
        "Messages", "Cannot write {path}: the file name must end in {suffix}."
    ),
}
