"""Forms of the DSGVO self-service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .namen import NAME_MAX, TITEL_MAX

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


# --- names: sign-up (allauth's ACCOUNT_SIGNUP_FORM_CLASS) and the profile page -----------------

VORNAME_FEHLT = _("Bitte geben Sie Ihren Vornamen an.")
NACHNAME_FEHLT = _("Bitte geben Sie Ihren Nachnamen an.")
NAME_ZU_LANG = _("Bitte kürzen Sie den Namen auf höchstens %(limit_value)d Zeichen.")
TITEL_ZU_LANG = _("Bitte kürzen Sie den Titel auf höchstens %(limit_value)d Zeichen.")
NAME_UNGUELTIG = _(
    "Bitte geben Sie einen Namen aus Buchstaben an (ohne Ziffern und ohne die Zeichen < > @)."
)
NAME_HILFE = _("So erscheint Ihr Name auf dem Zertifikat und in der Teilnahmeliste.")

# Lenient on purpose (names of every script, "d'Alembert", "Dr. h.c."): at least one letter; no
# digits, markup or e-mail addresses; no control characters.
_NAME_MUSTER = r"^(?=.*[^\W\d_])[^\d<>@\x00-\x1f\x7f]+$"


def _namensfeld(label, fehlt, max_laenge: int, zu_lang, autocomplete: str, required: bool):
    from django.core.validators import RegexValidator

    return forms.CharField(
        label=label,
        max_length=max_laenge,
        required=required,
        validators=[RegexValidator(_NAME_MUSTER, NAME_UNGUELTIG, code="name_ungueltig")],
        error_messages={"required": fehlt, "max_length": zu_lang},
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
    )


class NamensFelder(forms.Form):
    """First name, last name and optional academic title (sign-up and profile)."""

    titel = _namensfeld(
        _("Akademischer Titel (optional)"),
        None,
        TITEL_MAX,
        TITEL_ZU_LANG,
        "honorific-prefix",
        required=False,
    )
    first_name = _namensfeld(
        _("Vorname"), VORNAME_FEHLT, NAME_MAX, NAME_ZU_LANG, "given-name", required=True
    )
    last_name = _namensfeld(
        _("Nachname"), NACHNAME_FEHLT, NAME_MAX, NAME_ZU_LANG, "family-name", required=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["titel"].help_text = _("z. B. „Dr.“ – erscheint vor Ihrem Namen.")
        self.fields["last_name"].help_text = NAME_HILFE


class RegistrierungForm(NamensFelder):
    """Extra fields of allauth's sign-up form; the adapter stores them (kern.adapter)."""

    field_order = ["titel", "first_name", "last_name", "email", "password1", "password2"]

    def signup(self, request, user) -> None:
        """allauth calls this after saving the user; the adapter has stored the names."""


class ProfilForm(NamensFelder):
    """The names on /konto/profil/ (saved by kern.services.namen_aendern)."""
