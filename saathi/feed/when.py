"""When an entry happened, as a person says it: "this morning", "yesterday evening",
"Saturday", "Tue 14 May". The hour is the activity's own local time (a 06:00 run in
Lonavla was a morning run wherever the reader is); the day is counted from the reader's
today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from saathi.units import day_text


def part_of_day(hour: int) -> str:
    # A 04:30 start is an early morning, not last night.
    if hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 21:
        return "evening"
    return "night"


def when_text(local_start: datetime, today: date) -> str:
    day, part = local_start.date(), part_of_day(local_start.hour)
    if day == today:
        return "tonight" if part == "night" else f"this {part}"
    if day == today - timedelta(days=1):
        return "last night" if part == "night" else f"yesterday {part}"
    if today - timedelta(days=7) < day < today:
        return f"{day:%A}"
    return day_text(day, today)
