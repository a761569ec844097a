from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin

from .aufgaben import ausstehende_einstellen, erneut_einstellen
from .models import AusstehendeAufgabe, FehlgeschlageneAufgabe, Kreis, Nutzer, Protokolleintrag
from .rollen import ADMINISTRATION, hat_rolle


@admin.register(Nutzer)
class NutzerAdmin(UserAdmin):
    list_display = ("email", "titel", "first_name", "last_name", "is_active", "is_staff")
    search_fields = ("email", "first_name", "last_name")
    ordering = ("email",)
    # The academic title sits with the names (kern.namen prints it before them).
    fieldsets = tuple(
        (titel, {**optionen, "fields": ("titel", *optionen["fields"])})
        if "first_name" in optionen["fields"]
        else (titel, optionen)
        for titel, optionen in UserAdmin.fieldsets
    )


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


class NurAdministration:
    """Operations data for the Administration role only (superusers are in it): other staff,
    e.g. editors with model permissions, neither see nor open it."""

    def has_module_permission(self, request):
        return request.user.is_active and hat_rolle(request.user, ADMINISTRATION)

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and hat_rolle(request.user, ADMINISTRATION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and hat_rolle(request.user, ADMINISTRATION)


@admin.register(FehlgeschlageneAufgabe)
class FehlgeschlageneAufgabeAdmin(NurAdministration, admin.ModelAdmin):
    """Dead letters of Celery (kern.aufgaben): what failed, why, and "erneut ausführen"."""

    list_display = (
        "zeitpunkt",
        "aufgabe",
        "args",
        "ausnahme",
        "wiederholungen",
        "erneut_eingestellt_am",
    )
    list_filter = ("aufgabe", ("erneut_eingestellt_am", admin.EmptyFieldListFilter))
    date_hierarchy = "zeitpunkt"
    search_fields = ("aufgabe", "task_id", "ausnahme")
    readonly_fields = [f.name for f in FehlgeschlageneAufgabe._meta.fields]
    actions = ["erneut_ausfuehren"]

    @admin.action(description="Ausgewählte Aufgaben erneut ausführen")
    def erneut_ausfuehren(self, request, queryset):
        anzahl = erneut_einstellen(eintraege=queryset.order_by("pk"), nutzer=request.user)
        self.message_user(request, f"{anzahl} Aufgabe(n) erneut eingestellt.", messages.SUCCESS)


@admin.register(AusstehendeAufgabe)
class AusstehendeAufgabeAdmin(NurAdministration, admin.ModelAdmin):
    """The outbox: tasks waiting for the broker; beat sends them every minute."""

    list_display = ("angelegt_am", "aufgabe", "args", "versuche", "letzter_fehler")
    readonly_fields = [f.name for f in AusstehendeAufgabe._meta.fields]
    actions = ["jetzt_einstellen"]

    @admin.action(description="Jetzt an den Broker senden")
    def jetzt_einstellen(self, request, queryset):
        anzahl = ausstehende_einstellen()
        verbleibend = AusstehendeAufgabe.objects.count()
        stufe = messages.SUCCESS if not verbleibend else messages.WARNING
        self.message_user(
            request, f"{anzahl} gesendet, {verbleibend} warten weiter auf den Broker.", stufe
        )
