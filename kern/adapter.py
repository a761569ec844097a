from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group

from .rollen import TEILNEHMENDE


class KontoAdapter(DefaultAccountAdapter):
    """Everyone who registers themself is a participant; staff roles are given by admins."""

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "LERNKETTE_REGISTRIERUNG_OFFEN", True)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            gruppe, _ = Group.objects.get_or_create(name=TEILNEHMENDE)
            user.groups.add(gruppe)
        return user
