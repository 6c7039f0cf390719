from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from saathi.activities.models import Activity, ImportJob


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "owner", "sport", "start_time", "distance_m", "source", "visibility"]
    list_filter = ["sport", "source", "visibility"]
    search_fields = ["title", "owner__handle"]
    raw_id_fields = ["owner"]
    date_hierarchy = "start_time"

    def save_model(self, request: HttpRequest, obj: Activity, form: Any, change: bool) -> None:
        # The admin writes any column, past Activity.edit: judge the person's records
        # again from scratch rather than guess which changed.
        from saathi.records.records import rebuild

        with transaction.atomic():
            super().save_model(request, obj, form, change)
            rebuild(obj.owner_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Activity]) -> None:
        # One by one through Activity.delete, not one SQL DELETE: each takes its
        # original file and its place in the records with it.
        with transaction.atomic():
            for activity in queryset:
                activity.delete()


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["original_name", "owner", "state", "created", "finished"]
    list_filter = ["state"]
    search_fields = ["original_name", "sha256", "owner__handle"]
    raw_id_fields = ["owner", "activity", "duplicate_of"]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ImportJob]) -> None:
        # ImportJob.delete removes the stored original once the transaction commits.
        with transaction.atomic():
            for job in queryset:
                job.delete()
