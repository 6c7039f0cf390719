"""Write saathi/tracks/fit_profile.py from Garmin's FIT SDK profile.

The FIT reader takes message numbers, field numbers, base types, scales and offsets
from Garmin's own profile instead of typing them by hand, but only the few messages it
reads: importing the whole SDK profile costs ~0.3 s and makes garmin-fit-sdk a runtime
dependency. Run again after upgrading garmin-fit-sdk:

    .venv/bin/python scripts/gen_fit_profile.py
    .venv/bin/ruff format saathi/tracks/fit_profile.py
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path
from typing import Any

from garmin_fit_sdk.profile import Profile

OUTPUT = Path(__file__).resolve().parent.parent / "saathi" / "tracks" / "fit_profile.py"

# The totals a lap and a session both carry.
SUMMARY_FIELDS = [
    "total_elapsed_time",
    "total_timer_time",
    "total_distance",
    "total_moving_time",
    "total_ascent",
    "total_descent",
    "avg_speed",
    "max_speed",
    "enhanced_avg_speed",
    "enhanced_max_speed",
    "avg_heart_rate",
    "max_heart_rate",
    "avg_cadence",
    "avg_power",
    "max_power",
    "total_calories",
]

# The messages and fields the reader turns into a Track; everything else is skipped.
# Every message's timestamp (field 253) is read by fit_decode.py itself.
WANTED: dict[str, list[str]] = {
    "file_id": ["type", "manufacturer", "product", "time_created", "product_name"],
    "device_info": ["device_index", "manufacturer", "product", "product_name"],
    "sport": ["sport", "sub_sport", "name"],
    "activity": ["total_timer_time", "num_sessions", "local_timestamp"],
    "event": ["event", "event_type"],
    "record": [
        "position_lat",
        "position_long",
        "altitude",
        "enhanced_altitude",
        "distance",
        "speed",
        "enhanced_speed",
        "compressed_speed_distance",
        "heart_rate",
        "cadence",
        "power",
        "temperature",
    ],
    "lap": ["start_time", *SUMMARY_FIELDS, "lap_trigger"],
    "session": ["start_time", "sport", "sub_sport", *SUMMARY_FIELDS],
}

# Enumerations the reader turns into words.
WANTED_TYPES = [
    "sport",
    "sub_sport",
    "manufacturer",
    "garmin_product",
    "event",
    "event_type",
    "lap_trigger",
]


def _fields(message_name: str, names: list[str]) -> dict[int, tuple[str, str, float, float]]:
    message = next(m for m in Profile["messages"].values() if m["name"] == message_name)
    by_name = {f["name"]: f for f in message["fields"].values()}
    out: dict[int, tuple[str, str, float, float]] = {}
    for name in names:
        field = by_name[name]
        # Multi-component fields (compressed_speed_distance) are unpacked by hand in fit.py.
        scale = float(field["scale"][0]) if len(field["scale"]) == 1 else 1.0
        offset = float(field["offset"][0]) if len(field["offset"]) == 1 else 0.0
        out[field["num"]] = (name, field["base_type"], scale, offset)
    return out


def _render() -> str:
    numbers = {m["name"]: num for num, m in Profile["messages"].items() if m["name"] in WANTED}
    fields = {numbers[name]: _fields(name, names) for name, names in WANTED.items()}
    types = {name: {int(k): v for k, v in Profile["types"][name].items()} for name in WANTED_TYPES}
    base_types = {int(k): v for k, v in Profile["types"]["fit_base_type"].items()}
    parts: list[tuple[str, str, Any]] = [
        ("MESSAGES", "dict[str, int]", numbers),
        ("FIELDS", "dict[int, dict[int, tuple[str, str, float, float]]]", fields),
        ("BASE_TYPES", "dict[int, str]", base_types),
        ("TYPES", "dict[str, dict[int, str]]", types),
    ]
    lines = [
        '"""The part of Garmin\'s FIT profile the reader uses. Generated: do not edit.',
        "",
        "Made by scripts/gen_fit_profile.py from garmin-fit-sdk's Profile",
        f"(profile version {Profile['version']['major']}.{Profile['version']['minor']}).",
        "FIELDS maps message number -> field number -> (name, base type, scale, offset):",
        "value = raw / scale - offset.",
        '"""',
        "",
        f'PROFILE_VERSION = "{Profile["version"]["major"]}.{Profile["version"]["minor"]}"',
        "",
    ]
    for name, annotation, value in parts:
        lines.append(f"{name}: {annotation} = {pprint.pformat(value, width=100, sort_dicts=False)}")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    OUTPUT.write_text(_render())
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
