"""The privacy cut: each activity's own trims, and the part others see.

AddField gives every existing row the same trim (the default is called once); the data
step draws each row its own. There are no privacy zones yet, so the only cut is "hide
the start and end" where its owner has it on (the default): the data step makes it with
the engine's plain functions (no model code, which may change after this migration), so
the start, end, places and title others see are the visible ones from the first
request. The chart picks of the visible part are left to the first view or the re-cut
job (cut_key stays blank: "not cut yet"), which make the same cut from the same trims.
"""

import numpy as np
from django.db import migrations, models

import saathi.activities.models
from saathi.activities.sports import TITLE_WORDS
from saathi.activities.streams import unpack
from saathi.tracks.places import nearest_place
from saathi.tracks.privacy import TRIM_M, along_route_m, visible_span
from saathi.tracks.titles import title_for


def _ends(lat, lon):
    fixes = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    if fixes.size == 0:
        return None, None
    a, b = int(fixes[0]), int(fixes[-1])
    return (float(lat[a]), float(lon[a])), (float(lat[b]), float(lon[b]))


def _title(row, first, last):
    from zoneinfo import ZoneInfo

    words = TITLE_WORDS.get(row.sport, row.sport)
    local = row.start_time.astimezone(ZoneInfo(row.timezone))
    return title_for(start=first, end=last, sport=words, local_start=local)[:200]


def _cut(row, streams):
    track = unpack(
        bytes(streams.data),
        breaks=streams.breaks,
        pauses=streams.pauses,
        file_format=row.file_format or "fit",
    )
    old = (
        (row.start_lat, row.start_lon) if row.start_lat is not None else None,
        (row.end_lat, row.end_lon) if row.end_lat is not None else None,
    )
    was_auto = row.title == _title(row, *old)
    span = visible_span(
        track.lat,
        track.lon,
        along_route_m(track.lat, track.lon),
        [],
        hide_ends=row.owner.hide_ends,
        trim_start_m=row.trim_start_m,
        trim_end_m=row.trim_end_m,
    )
    row.visible_first, row.visible_last = span if span else (None, None)
    lat = track.lat[span[0] : span[1] + 1] if span else np.empty(0)
    lon = track.lon[span[0] : span[1] + 1] if span else np.empty(0)
    first, last = _ends(lat, lon)
    fixed = np.isfinite(lat) & np.isfinite(lon)
    if fixed.any():
        row.visible_south, row.visible_north = float(lat[fixed].min()), float(lat[fixed].max())
        row.visible_west, row.visible_east = float(lon[fixed].min()), float(lon[fixed].max())
    row.start_lat, row.start_lon = first if first else (None, None)
    row.end_lat, row.end_lon = last if last else (None, None)
    start = nearest_place(*first) if first else None
    end = nearest_place(*last) if last else None
    row.start_place = start.name[:120] if start else ""
    row.end_place = end.name[:120] if end else ""
    if was_auto:
        row.title = _title(row, first, last)


def draw_trims_and_cut(apps, schema_editor):
    Activity = apps.get_model("activities", "Activity")
    ActivityStreams = apps.get_model("activities", "ActivityStreams")
    rng = np.random.default_rng()
    rows = Activity.objects.select_related("owner").order_by("pk")
    for row in rows.iterator(chunk_size=500):
        row.trim_start_m = float(rng.uniform(*TRIM_M))
        row.trim_end_m = float(rng.uniform(*TRIM_M))
        streams = ActivityStreams.objects.filter(activity_id=row.pk).first()
        if streams is not None and row.points:
            _cut(row, streams)
        row.save()


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0004_map_visibility_and_partners_level"),
        ("accounts", "0002_sharing_choices_and_profile"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="cut_key",
            field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AddField(
            model_name="activity",
            name="trim_end_m",
            field=models.FloatField(default=saathi.activities.models.new_trim),
        ),
        migrations.AddField(
            model_name="activity",
            name="trim_start_m",
            field=models.FloatField(default=saathi.activities.models.new_trim),
        ),
        migrations.AddField(
            model_name="activity",
            name="visible_east",
            field=models.FloatField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="activity",
            name="visible_first",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="activity",
            name="visible_last",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="activity",
            name="visible_north",
            field=models.FloatField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="activity",
            name="visible_south",
            field=models.FloatField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="activity",
            name="visible_west",
            field=models.FloatField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="activitystreams",
            name="visible_picks",
            field=models.BinaryField(blank=True, null=True),
        ),
        migrations.RunPython(draw_trims_and_cut, migrations.RunPython.noop),
    ]
