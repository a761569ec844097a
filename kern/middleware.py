from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from .rollen import braucht_mfa

MFA_EINRICHTEN = _(
    "Für Ihre Rolle ist eine Zwei-Faktor-Authentifizierung vorgeschrieben. "
    "Bitte richten Sie jetzt eine Authenticator-App ein."
)
# Paths a user without a second factor can still reach: account pages (incl. setting up MFA).
FREIE_PFADE = ("/konto/", "/static/", "/media/", "/healthz", "/barrierefreiheit/")


class MfaPflichtMiddleware:
    """Sends staff roles to the TOTP set-up until they have one (LERNKETTE_MFA_PFLICHT)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(FREIE_PFADE)
            and braucht_mfa(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(request, MFA_EINRICHTEN)
            return redirect("mfa_activate_totp")
        return self.get_response(request)
