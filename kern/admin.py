from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Kreis, Nutzer, Protokolleintrag


@admin.register(Nutzer)
class NutzerAdmin(UserAdmin):
    list_display = ("email", "first_name", "last_name", "is_active", "is_staff")
    search_fields = ("email", "first_name", "last_name")
    ordering = ("email",)


@admin.register(Kreis)
class KreisAdmin(admin.ModelAdmin):
    list_display = ("name", "schluessel", "art", "regierungsbezirk")
    list_filter = ("art", "regierungsbezirk")
    search_fields = ("name", "schluessel")


@admin.register(Protokolleintrag)
class ProtokolleintragAdmin(admin.ModelAdmin):
    """Read-only for everyone; only superusers may delete (e.g. after the retention period)."""

    list_display = ("zeitpunkt", "aktion", "akteur", "betroffen", "objekt_typ", "objekt_id")
    list_filter = ("aktion", "objekt_typ")
    date_hierarchy = "zeitpunkt"
    search_fields = ("objekt_id", "aktion")
    readonly_fields = [f.name for f in Protokolleintrag._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
