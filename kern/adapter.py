from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group

from . import rollen
from .rollen import TEILNEHMENDE


def startseite(user) -> str:
    """Where a person lands after login: the page of their main role."""
    meine = rollen.rollen(user)
    if rollen.ADMINISTRATION in meine:
        return "/verwaltung/"
    if rollen.TRAINER in meine:
        return "/trainer/"
    if rollen.FOERDERER in meine:
        return "/berichte/"
    if rollen.REDAKTION in meine:
        return "/cms-admin/"
    return "/mein-lernen/"


class KontoAdapter(DefaultAccountAdapter):
    """Everyone who registers themself is a participant; staff roles are given by admins."""

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "LERNKETTE_REGISTRIERUNG_OFFEN", True)

    def save_user(self, request, user, form, commit=True):
        # first_name and last_name are taken over by allauth (same field names); the title not.
        user.titel = form.cleaned_data.get("titel", "")
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            gruppe, _ = Group.objects.get_or_create(name=TEILNEHMENDE)
            user.groups.add(gruppe)
        return user

    def get_login_redirect_url(self, request) -> str:
        return startseite(request.user)
