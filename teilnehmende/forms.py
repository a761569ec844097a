"""The enrolment form: ESF entry questionnaire plus consent."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.models import Kreis

from .einwilligung import TEXTVERSION
from .models import (
    EINTRITTSDATEN_FELDER,
    ERSTES_GEBURTSJAHR,
    GEBURTSJAHR_UNGUELTIG,
    Bildung,
    Erwerbsstatus,
    Geschlecht,
    Organisationsart,
)

AUSWAHL_FEHLT = _("Bitte wählen Sie eine Antwort aus – oder „keine Angabe“.")
ORGANISATIONSART_FEHLT = _("Bitte wählen Sie die Art Ihrer Organisation aus.")
ORGANISATION_FEHLT = _("Bitte geben Sie Ihre Organisation an.")
KOMMUNE_FEHLT = _("Bitte geben Sie die Kommune an, in der Sie tätig sind.")
KREIS_FEHLT = _("Bitte wählen Sie Ihren Kreis oder Ihre kreisfreie Stadt – oder „außerhalb NRW“.")
EINWILLIGUNG_FEHLT = _(
    "Ohne Ihre Einwilligung in die Datenverarbeitung ist eine Anmeldung leider nicht möglich."
)
UNGUELTIGE_AUSWAHL = _("Bitte wählen Sie einen der angebotenen Einträge aus.")

AUSSERHALB_NRW = "ausserhalb"


def _auswahl(label, choices, fehlt, hilfe=""):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        help_text=hilfe,
        error_messages={"required": fehlt, "invalid_choice": UNGUELTIGE_AUSWAHL},
    )


class AnmeldeForm(forms.Form):
    geschlecht = _auswahl(_("Geschlecht"), Geschlecht.choices, AUSWAHL_FEHLT)
    geburtsjahr = forms.IntegerField(
        label=_("Geburtsjahr"),
        required=False,
        help_text=_("Freiwillig. Lassen Sie das Feld leer, wenn Sie es nicht angeben möchten."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
        error_messages={"invalid": GEBURTSJAHR_UNGUELTIG},
    )
    erwerbsstatus = _auswahl(
        _("Erwerbsstatus am Tag des Eintritts"), Erwerbsstatus.choices, AUSWAHL_FEHLT
    )
    bildung = _auswahl(_("Höchster Bildungsabschluss"), Bildung.choices, AUSWAHL_FEHLT)
    organisationsart = _auswahl(
        _("Art Ihrer Organisation"), Organisationsart.choices, ORGANISATIONSART_FEHLT
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("Zum Beispiel: Stadt Hamm, Jugendamt, Sachgebiet Frühe Hilfen"),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": ORGANISATION_FEHLT},
    )
    kommune = forms.CharField(
        label=_("Kommune, in der Sie tätig sind"),
        max_length=100,
        error_messages={"required": KOMMUNE_FEHLT},
    )
    kreis = forms.ChoiceField(
        label=_("Kreis oder kreisfreie Stadt"),
        error_messages={"required": KREIS_FEHLT, "invalid_choice": UNGUELTIGE_AUSWAHL},
    )
    einwilligung = forms.BooleanField(
        label=_("Ich habe den Text gelesen und willige in die Verarbeitung meiner Daten ein."),
        error_messages={"required": EINWILLIGUNG_FEHLT},
    )
    einwilligung_textversion = forms.CharField(widget=forms.HiddenInput, initial=TEXTVERSION)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kreise = {str(kreis.pk): kreis for kreis in Kreis.objects.all()}
        self.fields["kreis"].choices = [
            ("", _("Bitte wählen")),
            (AUSSERHALB_NRW, _("außerhalb Nordrhein-Westfalens")),
            (_("Nordrhein-Westfalen"), [(pk, str(kreis)) for pk, kreis in self._kreise.items()]),
        ]

    def clean_geburtsjahr(self):
        jahr = self.cleaned_data["geburtsjahr"]
        if jahr is not None and not ERSTES_GEBURTSJAHR <= jahr <= timezone.localdate().year:
            raise forms.ValidationError(GEBURTSJAHR_UNGUELTIG, code="geburtsjahr")
        return jahr

    def clean_kreis(self):
        wert = self.cleaned_data["kreis"]
        return None if wert == AUSSERHALB_NRW else self._kreise[wert]

    def eintrittsdaten(self) -> dict:
        """The questionnaire answers as `anmeldung_erstellen` takes them."""
        return {feld: self.cleaned_data[feld] for feld in EINTRITTSDATEN_FELDER}


class EinwilligungForm(forms.Form):
    """Consent again after the text changed (same checkbox and hidden version as enrolment)."""

    einwilligung = AnmeldeForm.base_fields["einwilligung"]
    einwilligung_textversion = forms.CharField(
        widget=forms.HiddenInput,
        initial=TEXTVERSION,
        error_messages={"required": EINWILLIGUNG_FEHLT},
    )
