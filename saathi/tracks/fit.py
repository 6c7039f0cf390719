"""Read a FIT file into a Track.

fit_scan.py finds the messages and fit_decode.py decodes them in bulk; this module turns
the columns of
record, event, lap, session, activity and file_id messages into a Track, in the words
of the FIT profile (sport names, device names), and says what was odd about the file.
"""

from __future__ import annotations

import numpy as np

from saathi.tracks import fit_profile as profile
from saathi.tracks.fit_decode import FloatArray, Messages
from saathi.tracks.fit_device import altitude_source, device_name
from saathi.tracks.fit_scan import IntArray, Scan, scan_file
from saathi.tracks.track import Lap, Session, Totals, Track, TrackError

# FIT time counts seconds from 1989-12-31T00:00Z.
FIT_EPOCH = 631065600
# Below this a FIT time counts from when the device was switched on, not from the epoch.
RELATIVE_TIME_LIMIT = 0x10000000
SEMICIRCLES_TO_DEGREES = 180.0 / 2**31
TIMER_EVENT = 0
TIMER_START = 0
TIMER_STOPS = {1, 4, 8, 9}  # stop, stop_all, stop_disable, stop_disable_all
TRANSITION = "transition"


def read_fit(data: bytes | memoryview) -> Track:
    """Decode a FIT file; several chained FIT files read as one recording."""
    buf = bytes(data)
    scan = scan_file(buf)
    messages = Messages(buf, scan)
    channels, warnings = _records(messages, scan)
    laps = _laps(messages)
    sessions = _sessions(messages, laps)
    track = Track(
        format="fit",
        time=channels["time"],
        lat=channels["lat"],
        lon=channels["lon"],
        alt=channels["alt"],
        distance=channels["distance"],
        speed=channels["speed"],
        heart_rate=channels["heart_rate"],
        cadence=channels["cadence"],
        power=channels["power"],
        temperature=channels["temperature"],
        pauses=_pauses(messages),
        laps=laps,
        sessions=sessions,
        local_offset_s=_local_offset(messages),
        warnings=warnings,
    )
    track.sport, track.sub_sport = _sport(messages, sessions)
    track.device, manufacturer, product = device_name(messages)
    track.altitude_source = altitude_source(track, manufacturer, product)
    track.totals = _file_totals(sessions)
    return track


def _records(messages: Messages, scan: Scan) -> tuple[dict[str, FloatArray], list[str]]:
    """The record messages as channels, and what a person should know about them."""
    index, columns = messages.table("record")
    warnings = list(scan.warnings)
    if scan.damage is not None:
        warnings.insert(0, _damage_warning(scan.damage, len(index)))
    if scan.last_message_garbled and len(index) and index[-1] == len(scan.kinds) - 1:
        # Its time would read as 2085 in the Strava app's file: left empty instead.
        messages.fit_time[index[-1]] = -1
        for values in columns.values():
            values[-1] = np.nan
        warnings[0] += " The last of them ran into the damage and is left empty."
    if len(index) == 0:
        reason = f" before the damage at byte {scan.damage[0]:,}" if scan.damage else ""
        raise TrackError(
            f"This FIT file has no track points (record messages){reason}.",
            offset=scan.damage[0] if scan.damage else None,
        )
    if _relative(messages.fit_time[index]):
        warnings.append(
            "This FIT file has no absolute date: its times count from when the device was "
            "switched on, so they show as dates in 1990."
        )
    return _channels(messages.fit_time[index], columns), warnings


def _damage_warning(damage: tuple[int, str], kept: int) -> str:
    offset, reason = damage
    points = "point" if kept == 1 else "points"
    if reason.startswith("the file ends"):
        where = f"This FIT file ends in the middle of a message (byte {offset:,})"
    else:
        where = f"This FIT file is damaged at byte {offset:,} ({reason})"
    return f"{where}: kept the {kept:,} {points} before it."


def _unix(fit_time: IntArray) -> FloatArray:
    seconds = fit_time.astype(np.float64) + FIT_EPOCH
    seconds[fit_time < 0] = np.nan
    return seconds


def _relative(fit_time: IntArray) -> bool:
    valid = fit_time[fit_time >= 0]
    return bool(valid.size) and bool((valid < RELATIVE_TIME_LIMIT).all())


def _channels(fit_time: IntArray, columns: dict[str, FloatArray]) -> dict[str, FloatArray]:
    """The Track's channels, made in place from the decoded columns to spare memory."""

    def first_of(*names: str) -> FloatArray:
        values = columns.pop(names[0])
        for name in names[1:]:
            other = columns.pop(name)
            missing = np.isnan(values)
            if missing.any():
                values[missing] = other[missing]
        return values

    packed = columns.pop("compressed_speed_distance")
    if np.isfinite(packed).any():
        columns["compressed_speed"], columns["compressed_distance"] = _compressed_speed_distance(
            packed
        )
    else:
        columns["compressed_speed"] = columns["compressed_distance"] = packed
    lat, lon = columns.pop("position_lat"), columns.pop("position_long")
    lat *= SEMICIRCLES_TO_DEGREES
    lon *= SEMICIRCLES_TO_DEGREES
    return {
        "time": _unix(fit_time),
        "lat": lat,
        "lon": lon,
        "alt": first_of("enhanced_altitude", "altitude"),
        "distance": first_of("distance", "compressed_distance"),
        "speed": first_of("enhanced_speed", "speed", "compressed_speed"),
        "heart_rate": columns["heart_rate"],
        "cadence": columns["cadence"],
        "power": columns["power"],
        "temperature": columns["temperature"],
    }


def _compressed_speed_distance(packed: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Unpack record.compressed_speed_distance: 12 bits of speed, 12 of rolling distance.

    Speed is in 1/100 m/s; distance in 1/16 m, counting up and wrapping at 4096, so the
    distance is the running sum of the (wrapped) steps from the first value.
    """
    speed = np.full(len(packed), np.nan)
    distance = np.full(len(packed), np.nan)
    valid = np.flatnonzero(np.isfinite(packed))
    if valid.size == 0:
        return speed, distance
    bits = packed[valid].astype(np.int64)
    speed[valid] = (bits & 0xFFF) / 100.0
    rolling = (bits >> 12) & 0xFFF
    steps = np.diff(rolling) & 0xFFF
    distance[valid] = (rolling[0] + np.concatenate(([0], np.cumsum(steps)))) / 16.0
    return speed, distance


def _pauses(messages: Messages) -> list[tuple[float, float]]:
    """Timer stop -> start intervals; a stop never followed by a start is the end."""
    index, columns = messages.table("event")
    times = _unix(messages.fit_time[index])
    timer = columns["event"] == TIMER_EVENT
    pauses: list[tuple[float, float]] = []
    stopped_at: float | None = None
    for when, kind in zip(
        times[timer].tolist(), columns["event_type"][timer].tolist(), strict=True
    ):
        if when != when:  # NaN: an event without a time cannot bound a pause
            continue
        if kind in TIMER_STOPS and stopped_at is None:
            stopped_at = when
        elif kind == TIMER_START and stopped_at is not None:
            if when > stopped_at:
                pauses.append((stopped_at, when))
            stopped_at = None
    return pauses


def _number(value: float) -> float | None:
    return None if value != value else float(value)


def _totals(columns: dict[str, FloatArray], row: int) -> Totals:
    def get(*names: str) -> float | None:
        for name in names:
            value = _number(columns[name][row])
            if value is not None:
                return value
        return None

    return Totals(
        distance_m=get("total_distance"),
        timer_s=get("total_timer_time"),
        elapsed_s=get("total_elapsed_time"),
        moving_s=get("total_moving_time"),
        ascent_m=get("total_ascent"),
        descent_m=get("total_descent"),
        avg_speed_mps=get("enhanced_avg_speed", "avg_speed"),
        max_speed_mps=get("enhanced_max_speed", "max_speed"),
        avg_hr=get("avg_heart_rate"),
        max_hr=get("max_heart_rate"),
        avg_cadence=get("avg_cadence"),
        avg_power=get("avg_power"),
        max_power=get("max_power"),
        calories=get("total_calories"),
    )


def _spans(messages: Messages, index: IntArray, columns: dict[str, FloatArray]) -> FloatArray:
    """(start, end) in Unix seconds of each lap or session row; NaN where unknown.

    start + elapsed time is the end: the message's own timestamp is usually when it was
    written, at the end, but some devices (Garmin Edge MTB, Forerunner 255 and 965 here)
    stamp it with the start, so it only stands in when the others are missing.
    """
    stamp = _unix(messages.fit_time[index])
    elapsed = columns["total_elapsed_time"]
    start = columns["start_time"] + FIT_EPOCH
    start = np.where(np.isnan(start), stamp - elapsed, start)
    # Elapsed time is cut to the millisecond while records fall on whole seconds, so the
    # later of the two keeps the last record in.
    end = np.fmax(stamp, start + elapsed)
    return np.stack((start, np.fmax(start, end)), axis=1)


def _laps(messages: Messages) -> list[Lap]:
    index, columns = messages.table("lap")
    spans = _spans(messages, index, columns)
    triggers = profile.TYPES["lap_trigger"]
    laps = []
    for row, (start, end) in enumerate(spans.tolist()):
        trigger = _number(columns["lap_trigger"][row])
        laps.append(
            Lap(
                start=start,
                end=end,
                totals=_totals(columns, row),
                trigger=None if trigger is None else triggers.get(int(trigger)),
            )
        )
    return laps


def _name(kind: str, value: float | None, default: str = "generic") -> str:
    return default if value is None else profile.TYPES[kind].get(int(value), default)


def _sessions(messages: Messages, laps: list[Lap]) -> list[Session]:
    index, columns = messages.table("session")
    spans = _spans(messages, index, columns)
    # A lap belongs to the last session that starts at or before it. Laps start on whole
    # seconds but their elapsed times do not, so a session's last lap can end a fraction
    # of a second after it: the session is stretched to hold its laps.
    owner = np.searchsorted(spans[:, 0], [lap.start for lap in laps], side="right") - 1
    sessions = []
    for row, (start, end) in enumerate(spans.tolist()):
        own = [lap.end for lap, i in zip(laps, owner.tolist(), strict=True) if i == row]
        sessions.append(
            Session(
                sport=_name("sport", _number(columns["sport"][row])),
                sub_sport=_name("sub_sport", _number(columns["sub_sport"][row])),
                start=start,
                end=max([end, *own]),
                totals=_totals(columns, row),
            )
        )
    return sessions


def _sport(messages: Messages, sessions: list[Session]) -> tuple[str, str]:
    for session in sessions:
        if session.sport != TRANSITION:
            return session.sport, session.sub_sport
    if sessions:
        return sessions[0].sport, sessions[0].sub_sport
    _, columns = messages.table("sport")
    if len(columns["sport"]):
        return (
            _name("sport", _number(columns["sport"][0])),
            _name("sub_sport", _number(columns["sub_sport"][0])),
        )
    return "generic", "generic"


def _local_offset(messages: Messages) -> float | None:
    """activity.local_timestamp - activity.timestamp, when both are real dates."""
    index, columns = messages.table("activity")
    for row in range(len(index)):
        utc = int(messages.fit_time[index[row]])
        local = _number(columns["local_timestamp"][row])
        if utc < RELATIVE_TIME_LIMIT or local is None or local < RELATIVE_TIME_LIMIT:
            continue
        offset = local - utc
        if abs(offset) <= 14 * 3600:  # the widest real UTC offsets are -12 h and +14 h
            return offset
    return None


def _file_totals(sessions: list[Session]) -> Totals | None:
    """The device's totals for the whole file: one session's, or several combined."""
    if not sessions:
        return None
    if len(sessions) == 1:
        return sessions[0].totals
    parts = [s.totals for s in sessions]

    def total(name: str) -> float | None:
        values = [getattr(t, name) for t in parts if getattr(t, name) is not None]
        return float(sum(values)) if values else None

    def peak(name: str) -> float | None:
        values = [getattr(t, name) for t in parts if getattr(t, name) is not None]
        return float(max(values)) if values else None

    def timer_weighted(name: str) -> float | None:
        pairs = [(getattr(t, name), t.timer_s) for t in parts]
        known = [(float(v), float(w)) for v, w in pairs if v is not None and w]
        weight = sum(w for _, w in known)
        return sum(v * w for v, w in known) / weight if weight else None

    distance, timer = total("distance_m"), total("timer_s")
    # The first to the last session's end, unless the sessions overlap (the fenix 2
    # multisport file here does) and their own elapsed times add up to more.
    span = max(sessions[-1].end - sessions[0].start, total("elapsed_s") or 0.0)
    return Totals(
        distance_m=distance,
        timer_s=timer,
        elapsed_s=span if span == span else total("elapsed_s"),
        moving_s=total("moving_s"),
        ascent_m=total("ascent_m"),
        descent_m=total("descent_m"),
        avg_speed_mps=distance / timer if distance is not None and timer else None,
        max_speed_mps=peak("max_speed_mps"),
        avg_hr=timer_weighted("avg_hr"),
        max_hr=peak("max_hr"),
        avg_cadence=timer_weighted("avg_cadence"),
        avg_power=timer_weighted("avg_power"),
        max_power=peak("max_power"),
        calories=total("calories"),
    )
