"""Which part of a route others see: the ends are cut, past any zone and a further
stretch along the route, and never a passage in the middle."""

from __future__ import annotations

import math

import numpy as np

from saathi.tracks.privacy import Span, Zone, along_route_m, visible_part, visible_span
from saathi.tracks.track import Track
from tests.tracks.privacy_routes import HOME, out_and_back, to_lat_lon, to_metres

NOWHERE: list[Zone] = []
HOME_ZONE = Zone(HOME[0], HOME[1], 500.0)


def straight(length_m: float = 5000.0, step_m: float = 5.0) -> tuple[np.ndarray, np.ndarray]:
    """Due east from home, a sample every `step_m`."""
    east = np.arange(0.0, length_m + step_m, step_m)
    return to_lat_lon(east, np.zeros_like(east))


def span(
    lat: np.ndarray,
    lon: np.ndarray,
    zones: list[Zone],
    *,
    hide_ends: bool = True,
    trim_start_m: float = 300.0,
    trim_end_m: float = 250.0,
) -> Span | None:
    return visible_span(
        lat,
        lon,
        along_route_m(lat, lon),
        zones,
        hide_ends=hide_ends,
        trim_start_m=trim_start_m,
        trim_end_m=trim_end_m,
    )


def test_with_no_zone_and_ends_shown_everything_is_visible() -> None:
    lat, lon = straight()
    assert span(lat, lon, NOWHERE, hide_ends=False) == (0, lat.size - 1)


def test_hiding_the_ends_cuts_the_trim_from_the_first_and_last_point() -> None:
    lat, lon = straight()
    first, last = span(lat, lon, NOWHERE)
    assert first == 60  # 300 m at 5 m a sample
    assert last == lat.size - 1 - 50  # 250 m


def test_a_zone_at_the_start_hides_it_and_the_trim_beyond_its_edge() -> None:
    lat, lon = straight()
    first, last = span(lat, lon, [HOME_ZONE], hide_ends=False)
    east, _ = to_metres(lat[first : first + 1], lon[first : first + 1])
    assert 800.0 <= east[0] <= 810.0  # 500 m of zone, then 300 m
    assert last == lat.size - 1  # the far end is in no zone and its ends are shown


def test_a_passage_through_a_zone_in_the_middle_stays_visible() -> None:
    lat, lon = straight(8000.0)
    zone_lat, zone_lon = to_lat_lon(np.array([4000.0]), np.array([0.0]))
    zone = Zone(float(zone_lat[0]), float(zone_lon[0]), 300.0)
    assert span(lat, lon, [zone], hide_ends=False) == (0, lat.size - 1)


def test_a_route_that_comes_back_into_the_zone_within_the_trim_starts_it_again() -> None:
    # Out 600 m (100 m past the edge), back to 400 m (inside), then away east.
    east = np.concatenate(
        [np.arange(0, 600, 5.0), np.arange(600, 400, -5.0), np.arange(400, 3000, 5.0)]
    )
    lat, lon = to_lat_lon(east, np.zeros_like(east))
    first, _ = span(lat, lon, [HOME_ZONE], hide_ends=False)
    shown, _ = to_metres(lat[first : first + 1], lon[first : first + 1])
    assert shown[0] >= 800.0  # 300 m past where it last left the zone


def test_a_track_with_no_positions_is_all_visible() -> None:
    nan = np.full(100, np.nan)
    assert visible_span(
        nan, nan, np.zeros(100), [HOME_ZONE], hide_ends=True, trim_start_m=300, trim_end_m=300
    ) == (0, 99)


def test_an_empty_track_has_nothing_visible() -> None:
    empty = np.empty(0)
    assert (
        visible_span(empty, empty, empty, [], hide_ends=True, trim_start_m=300, trim_end_m=300)
        is None
    )


def test_a_run_that_never_leaves_the_zone_shows_nothing() -> None:
    lat, lon = out_and_back(math.radians(30), length_m=400.0)
    assert span(lat, lon, [HOME_ZONE]) is None


def test_a_short_walk_shorter_than_both_trims_shows_nothing() -> None:
    lat, lon = straight(500.0)
    assert span(lat, lon, NOWHERE) is None


def test_samples_before_the_first_fix_are_hidden_with_the_start() -> None:
    lat, lon = straight()
    lat[:10] = lon[:10] = np.nan
    first, _ = span(lat, lon, NOWHERE)
    assert first == 70  # the trim counts from the first fix


def test_the_visible_part_is_a_track_of_its_own() -> None:
    lat, lon = straight(1000.0)
    n = lat.size
    channels = Track.empty_channels(n)
    channels.update(
        lat=lat, lon=lon, time=1_700_000_000.0 + np.arange(n), heart_rate=np.arange(n, dtype=float)
    )
    track = Track(
        format="fit", breaks=[10, 150], pauses=[(1_700_000_005.0, 1_700_000_006.0)], **channels
    )

    part = visible_part(track, (40, 160))

    assert len(part) == 121
    assert part.heart_rate[0] == 40 and part.heart_rate[-1] == 160
    assert part.breaks == [110]
    assert part.pauses == []
