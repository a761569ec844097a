from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Kreis, Nutzer


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
