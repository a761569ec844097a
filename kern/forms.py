"""Forms of the DSGVO self-service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

PASSWORT_FALSCH = _("Das Passwort ist nicht korrekt.")
PASSWORT_FEHLT = _("Bitte geben Sie zur Bestätigung Ihr Passwort ein.")
BESTAETIGUNG_FEHLT = _("Bitte bestätigen Sie, dass Sie Ihr Konto endgültig löschen möchten.")
PASSWORT_ZU_OFT = _(
    "Zu viele Versuche: Ihr Passwort kann höchstens %(rate)s bestätigt werden. Bitte warten "
    "Sie einen Moment und versuchen Sie es dann erneut."
)
_ZEITRAUM = {"s": "Sekunde", "m": "Minute", "h": "Stunde", "d": "Tag"}


def passwort_zu_oft_meldung() -> str:
    """The message with the real limit of ACCOUNT_RATE_LIMITS["reauthenticate"] ("10/m/user")."""
    from django.conf import settings

    rate = settings.ACCOUNT_RATE_LIMITS["reauthenticate"].split(",")[0]
    anzahl, zeitraum = rate.split("/")[:2]
    menge = zeitraum.rstrip("smhd")
    einheit = _ZEITRAUM.get(zeitraum[-1:], zeitraum)
    je = f"{menge} {einheit}n" if menge and menge != "1" else einheit
    return str(PASSWORT_ZU_OFT % {"rate": f"{anzahl}-mal je {je}"})


class KontoLoeschenForm(forms.Form):
    passwort = forms.CharField(
        label=_("Ihr Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": PASSWORT_FEHLT},
    )
    bestaetigung = forms.BooleanField(
        label=_("Ja, ich möchte mein Konto und meine persönlichen Daten endgültig löschen."),
        error_messages={"required": BESTAETIGUNG_FEHLT},
    )

    def __init__(self, *args, nutzer, **kwargs):
        super().__init__(*args, **kwargs)
        self.nutzer = nutzer

    def clean_passwort(self):
        passwort = self.cleaned_data["passwort"]
        if not self.nutzer.check_password(passwort):
            raise forms.ValidationError(PASSWORT_FALSCH, code="passwort_falsch")
        return passwort
