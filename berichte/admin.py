from django.contrib import admin

from .models import ExportProtokoll


@admin.register(ExportProtokoll)
class ExportProtokollAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the export view, never edited."""

    list_display = ("erstellt_am", "nutzer_email", "art", "filter")
    list_filter = ("art",)
    search_fields = ("nutzer_email",)
    date_hierarchy = "erstellt_am"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
