"""The route previews the feed draws (ActivityStreams.preview and visible_preview),
drawn for the activities already stored from their stored picks.

The data step reads the picks with the plain column reader and draws with the card's
own function, so the previews are what a new import stores. Picks stored in an older
shape give "" here and are drawn when the activity page makes them again.
"""

from django.db import migrations, models

from saathi.activities.charts import route_svg_path
from saathi.activities.streams import unpack_columns


def _preview(picks):
    if not picks:
        return ""
    header, columns = unpack_columns(bytes(picks))
    if header.get("picks") != 1 or "route.lat" not in columns:
        return ""
    return route_svg_path(columns["route.lat"], columns["route.lon"])


def draw_previews(apps, schema_editor):
    ActivityStreams = apps.get_model("activities", "ActivityStreams")
    rows = ActivityStreams.objects.only("picks", "visible_picks").order_by("pk")
    batch = []
    for streams in rows.iterator(chunk_size=200):
        streams.preview = _preview(streams.picks)
        streams.visible_preview = _preview(streams.visible_picks)
        batch.append(streams)
        if len(batch) == 200:
            ActivityStreams.objects.bulk_update(batch, ["preview", "visible_preview"])
            batch = []
    ActivityStreams.objects.bulk_update(batch, ["preview", "visible_preview"])


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0006_who_may_comment"),
    ]

    operations = [
        migrations.AddField(
            model_name="activitystreams",
            name="preview",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="activitystreams",
            name="visible_preview",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(draw_previews, migrations.RunPython.noop, elidable=True),
    ]
