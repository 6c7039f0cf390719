from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from saathi.activities.changes import delete_activities, delete_activity
from saathi.activities.models import Activity, ImportJob
from saathi.records.records import rebuild


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "owner", "sport", "start_time", "distance_m", "source", "visibility"]
    list_filter = ["sport", "source", "visibility", "hidden_by_staff"]
    search_fields = ["title", "owner__handle"]
    raw_id_fields = ["owner"]
    date_hierarchy = "start_time"

    def save_model(self, request: HttpRequest, obj: Activity, form: Any, change: bool) -> None:
        # The admin writes any column, past edit_activity: judge the person's records
        # again from scratch rather than guess which changed.
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            rebuild(obj.owner_id)

    # Rows and stored files would go by themselves; records must be handed back.
    def delete_model(self, request: HttpRequest, obj: Activity) -> None:
        delete_activity(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Activity]) -> None:
        delete_activities(queryset)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["original_name", "owner", "state", "created", "finished"]
    list_filter = ["state"]
    search_fields = ["original_name", "sha256", "owner__handle"]
    raw_id_fields = ["owner", "activity", "duplicate_of"]
