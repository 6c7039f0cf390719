"""When an entry happened, as a person says it: "this morning", "yesterday evening",
"Saturday", "Tue 14 May". The hour is the activity's own local time (a 06:00 run in
Lonavla was a morning run wherever the reader is); the day is counted from the reader's
today. Morning, afternoon, evening and night are the engine's, the words its titles use
("Night run" at 04:30), so an entry never says "this morning" of a "Night run"."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from saathi.tracks.titles import part_of_day
from saathi.units import day_text


def when_text(local_start: datetime, today: date) -> str:
    day, part = local_start.date(), part_of_day(local_start).lower()
    yesterday = today - timedelta(days=1)
    if part == "night":
        # The small hours belong to the night before: a 04:30 start today was last night.
        night_of = day - timedelta(days=1) if local_start.hour < 12 else day
        if night_of == today:
            return "tonight"
        if night_of == yesterday:
            return "last night"
    elif day == today:
        return f"this {part}"
    elif day == yesterday:
        return f"yesterday {part}"
    if today - timedelta(days=7) < day < today:
        return f"{day:%A}"
    return day_text(day, today)
