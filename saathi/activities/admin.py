from django.contrib import admin

from saathi.activities.models import Activity, ImportJob


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "owner", "sport", "start_time", "distance_m", "source", "visibility"]
    list_filter = ["sport", "source", "visibility"]
    search_fields = ["title", "owner__handle"]
    raw_id_fields = ["owner"]
    date_hierarchy = "start_time"


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["original_name", "owner", "state", "created", "finished"]
    list_filter = ["state"]
    search_fields = ["original_name", "sha256", "owner__handle"]
    raw_id_fields = ["owner", "activity", "duplicate_of"]
