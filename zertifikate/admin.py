"""Certificates in the Django admin: read only. Revocation and re-issue need a reason and go
through the services, on the pages below /zertifikate/verwaltung/ (linked from each row)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Stapelauftrag, Zertifikat


@admin.register(Zertifikat)
class ZertifikatAdmin(admin.ModelAdmin):
    list_display = ("nummer", "inhaber_name", "kurs_titel", "status", "ausgestellt_am", "aktionen")
    list_filter = ("status",)
    search_fields = ("nummer", "inhaber_name", "anmeldung__nutzer__email")
    list_select_related = ("anmeldung",)
    date_hierarchy = "ausgestellt_am"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Aktionen"))
    def aktionen(self, obj):
        if obj.status == Zertifikat.Status.ERSETZT:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("zertifikate:verwaltung_durchgang", args=[obj.anmeldung.durchgang_id]),
            _("Widerrufen oder neu ausstellen"),
        )


@admin.register(Stapelauftrag)
class StapelauftragAdmin(admin.ModelAdmin):
    list_display = ("durchgang", "gestartet_am", "status", "gesamt", "erledigt", "fehlgeschlagen")
    list_select_related = ("durchgang__kurs",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
