"""The enrolment form (ESF entry questionnaire plus consent) and the trainer's attendance list."""

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
    Anmeldung,
    Anwesenheit,
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

STUNDEN_UNGUELTIG = _("Bitte geben Sie die Stunden als Zahl an, z. B. 6,5.")
STUNDEN_OHNE_STATUS = _("Bitte wählen Sie zu den Stunden auch „anwesend“ aus.")

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


class AnwesenheitForm(forms.Form):
    """One status (radio group) and one hours field per participant of a session.

    Field names carry the enrolment id (`status_<id>`, `stunden_<id>`). A participant left
    without status is not recorded (entries once made are kept); empty hours with "anwesend"
    mean the full session. The rules (hours, seats) are checked by the service.
    """

    def __init__(self, *args, anmeldungen: list[Anmeldung], vorhanden: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.anmeldungen = anmeldungen
        self.vorhanden = vorhanden
        for anmeldung in anmeldungen:
            name = anmeldung.nutzer.anzeigename
            bisher = vorhanden.get(anmeldung.pk)
            self.fields[f"status_{anmeldung.pk}"] = forms.ChoiceField(
                label=_("Anwesenheit von {name}").format(name=name),
                choices=Anwesenheit.Status.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=bisher.status if bisher else None,
                error_messages={"invalid_choice": UNGUELTIGE_AUSWAHL},
            )
            self.fields[f"stunden_{anmeldung.pk}"] = forms.DecimalField(
                label=_("Stunden von {name}").format(name=name),
                required=False,
                localize=True,
                max_digits=4,
                decimal_places=2,
                initial=(
                    bisher.stunden
                    if bisher and bisher.status == Anwesenheit.Status.ANWESEND
                    else None
                ),
                error_messages={
                    "invalid": STUNDEN_UNGUELTIG,
                    "max_digits": STUNDEN_UNGUELTIG,
                    "max_decimal_places": STUNDEN_UNGUELTIG,
                    "max_whole_digits": STUNDEN_UNGUELTIG,
                },
            )

    def zeilen(self):
        """(enrolment, status field, hours field, record or None) per participant."""
        return [
            (a, self[f"status_{a.pk}"], self[f"stunden_{a.pk}"], self.vorhanden.get(a.pk))
            for a in self.anmeldungen
        ]

    def clean(self):
        daten = super().clean()
        for anmeldung in self.anmeldungen:
            stunden = daten.get(f"stunden_{anmeldung.pk}")
            if stunden is not None and not daten.get(f"status_{anmeldung.pk}"):
                self.add_error(f"stunden_{anmeldung.pk}", STUNDEN_OHNE_STATUS)
        return daten

    def eintraege(self):
        """The lines with a status, as service input."""
        from .services import AnwesenheitEingabe

        return [
            AnwesenheitEingabe(
                anmeldung=a,
                status=self.cleaned_data[f"status_{a.pk}"],
                stunden=self.cleaned_data.get(f"stunden_{a.pk}"),
            )
            for a in self.anmeldungen
            if self.cleaned_data.get(f"status_{a.pk}")
        ]

    def fehler_uebernehmen(self, fehler: dict) -> None:
        """Attach the service's refusals (enrolment id → ValidationError) to the fields."""
        for anmeldung_pk, ungueltig in fehler.items():
            if hasattr(ungueltig, "error_dict"):
                for feld, meldungen in ungueltig.message_dict.items():
                    ziel = f"{feld}_{anmeldung_pk}" if feld in ("status", "stunden") else None
                    self.add_error(ziel, meldungen)
            else:
                self.add_error(f"status_{anmeldung_pk}", ungueltig.messages)


class EinwilligungForm(forms.Form):
    """Consent again after the text changed (same checkbox and hidden version as enrolment)."""

    einwilligung = AnmeldeForm.base_fields["einwilligung"]
    einwilligung_textversion = forms.CharField(
        widget=forms.HiddenInput,
        initial=TEXTVERSION,
        error_messages={"required": EINWILLIGUNG_FEHLT},
    )
