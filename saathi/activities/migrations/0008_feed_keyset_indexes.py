"""The feed's indexes (see Activity.Meta): newest first by (start_time, id), per person
for the circle's ranges from the keyset cursor, and across everyone for a busy circle."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0007_route_previews"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(
                fields=["owner", "-start_time", "-id"], name="activity_owner_keyset"
            ),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["-start_time", "-id"], name="activity_newest"),
        ),
    ]
