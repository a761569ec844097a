"""The report filter (GET): period (from/to, or year and quarter), course, cohort, district,
organisation type. Screen and exports read the same form."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from kern.models import Kreis
from kurse.models import Durchgang, KursSeite
from teilnehmende.models import Organisationsart

from .selectors import AUSSERHALB_NRW, AUSSERHALB_NRW_TITEL, Berichtsfilter

DATUM_UNGUELTIG = _("Bitte geben Sie ein gültiges Datum an, zum Beispiel 31.03.2026.")
ZEITRAUM_UMGEKEHRT = _(
    "Das Ende des Zeitraums liegt vor seinem Anfang. Bitte prüfen Sie die Daten."
)
ZEITRAUM_DOPPELT = _(
    "Bitte wählen Sie entweder einen Zeitraum (von/bis) oder Jahr und Quartal – nicht beides."
)
QUARTAL_OHNE_JAHR = _("Bitte wählen Sie zum Quartal auch ein Jahr aus.")
JAHR_UNGUELTIG = _("Bitte geben Sie ein Jahr zwischen 2000 und 2100 an.")
AUSWAHL_UNGUELTIG = _("Bitte wählen Sie einen der angebotenen Einträge aus.")
DURCHGANG_PASST_NICHT = _("Dieser Durchgang gehört nicht zum gewählten Kurs.")

ERSTES_JAHR, LETZTES_JAHR = 2000, 2100
QUARTALE = [("", _("alle"))] + [(str(q), _("{q}. Quartal").format(q=q)) for q in range(1, 5)]


class _DurchgangFeld(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.titel} ({obj.kurs.title}, {obj.beginn:%m/%Y})"


class BerichtsfilterForm(forms.Form):
    von = forms.DateField(
        label=_("Eintritt von"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATUM_UNGUELTIG},
    )
    bis = forms.DateField(
        label=_("Eintritt bis"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATUM_UNGUELTIG},
    )
    jahr = forms.IntegerField(
        label=_("Jahr"),
        required=False,
        min_value=ERSTES_JAHR,
        max_value=LETZTES_JAHR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": JAHR_UNGUELTIG,
            "min_value": JAHR_UNGUELTIG,
            "max_value": JAHR_UNGUELTIG,
        },
    )
    quartal = forms.ChoiceField(
        label=_("Quartal"),
        required=False,
        choices=QUARTALE,
        error_messages={"invalid_choice": AUSWAHL_UNGUELTIG},
    )
    kurs = forms.ModelChoiceField(
        label=_("Kurs"),
        required=False,
        queryset=KursSeite.objects.order_by("title"),
        empty_label=_("alle Kurse"),
        error_messages={"invalid_choice": AUSWAHL_UNGUELTIG},
    )
    durchgang = _DurchgangFeld(
        label=_("Durchgang"),
        required=False,
        queryset=Durchgang.objects.select_related("kurs").order_by("-beginn", "titel"),
        empty_label=_("alle Durchgänge"),
        error_messages={"invalid_choice": AUSWAHL_UNGUELTIG},
    )
    kreis = forms.ChoiceField(
        label=_("Kreis oder kreisfreie Stadt"),
        required=False,
        error_messages={"invalid_choice": AUSWAHL_UNGUELTIG},
    )
    organisationsart = forms.ChoiceField(
        label=_("Art der Organisation"),
        required=False,
        choices=[("", _("alle Arten"))] + Organisationsart.choices,
        error_messages={"invalid_choice": AUSWAHL_UNGUELTIG},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kreis"].choices = [
            ("", _("alle")),
            *((str(k.pk), str(k)) for k in Kreis.objects.order_by("name")),
            (AUSSERHALB_NRW, AUSSERHALB_NRW_TITEL),
        ]

    def clean(self):
        daten = super().clean()
        von, bis = daten.get("von"), daten.get("bis")
        jahr, quartal = daten.get("jahr"), daten.get("quartal")
        if von and bis and bis < von:
            self.add_error("bis", ZEITRAUM_UMGEKEHRT)
        if (von or bis) and (jahr or quartal):
            self.add_error("jahr", ZEITRAUM_DOPPELT)
        if quartal and not jahr and "jahr" not in self.errors:
            self.add_error("jahr", QUARTAL_OHNE_JAHR)
        kurs, durchgang = daten.get("kurs"), daten.get("durchgang")
        if kurs and durchgang and durchgang.kurs_id != kurs.pk:
            self.add_error("durchgang", DURCHGANG_PASST_NICHT)
        return daten

    def berichtsfilter(self) -> Berichtsfilter:
        """The validated filter; call after is_valid()."""
        daten = self.cleaned_data
        von, bis = daten.get("von"), daten.get("bis")
        jahr, quartal = daten.get("jahr"), daten.get("quartal")
        if jahr:
            if quartal:
                erster_monat = 3 * (int(quartal) - 1) + 1
                von = datetime.date(jahr, erster_monat, 1)
                if erster_monat == 10:
                    naechster = datetime.date(jahr + 1, 1, 1)
                else:
                    naechster = datetime.date(jahr, erster_monat + 3, 1)
                bis = naechster - datetime.timedelta(days=1)
            else:
                von, bis = datetime.date(jahr, 1, 1), datetime.date(jahr, 12, 31)
        kreis = daten.get("kreis") or None
        if kreis and kreis != AUSSERHALB_NRW:
            kreis = int(kreis)
        return Berichtsfilter(
            von=von,
            bis=bis,
            kurs_id=daten["kurs"].pk if daten.get("kurs") else None,
            durchgang_id=daten["durchgang"].pk if daten.get("durchgang") else None,
            kreis=kreis,
            organisationsart=daten.get("organisationsart") or None,
        )
