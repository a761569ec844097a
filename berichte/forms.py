"""The report filter (GET): period in whole quarters (from/to quarter, or year and quarter),
course, cohort, district, organisation type. Screen and exports read the same form."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.models import Kreis
from kurse.models import Durchgang, KursSeite
from teilnehmende.models import Organisationsart

from .selectors import AUSSERHALB_NRW, AUSSERHALB_NRW_TITEL, Berichtsfilter

QUARTAL_UNGUELTIG = _(
    "Bitte wählen Sie ein Quartal aus der Liste, zum Beispiel „1. Quartal 2026“. "
    "Berichte gibt es nur für ganze Quartale und Jahre."
)
ZEITRAUM_UMGEKEHRT = _(
    "Das Ende des Zeitraums liegt vor seinem Anfang. Bitte prüfen Sie die Quartale."
)
ZEITRAUM_DOPPELT = _(
    "Bitte wählen Sie entweder einen Zeitraum (von/bis) oder Jahr und Quartal – nicht beides."
)
QUARTAL_OHNE_JAHR = _("Bitte wählen Sie zum Quartal auch ein Jahr aus.")
JAHR_UNGUELTIG = _("Bitte geben Sie ein Jahr zwischen 2000 und 2100 an.")
AUSWAHL_UNGUELTIG = _("Bitte wählen Sie einen der angebotenen Einträge aus.")
DURCHGANG_PASST_NICHT = _("Dieser Durchgang gehört nicht zum gewählten Kurs.")
AUF_QUARTALE_ERWEITERT = _(
    "Berichte gibt es nur für ganze Quartale: Der Zeitraum wurde auf {von} bis {bis} erweitert."
)

ERSTES_JAHR, LETZTES_JAHR = 2000, 2100
QUARTALE = [("", _("alle"))] + [(str(q), _("{q}. Quartal").format(q=q)) for q in range(1, 5)]
_QUARTAL_MUSTER = re.compile(r"^(\d{4})-Q([1-4])$")


def quartal_text(jahr: int, quartal: int) -> str:
    return f"{jahr}-Q{quartal}"


def quartal_titel(jahr: int, quartal: int) -> str:
    return str(_("{q}. Quartal {jahr}")).format(q=quartal, jahr=jahr)


def quartal_beginn(jahr: int, quartal: int) -> datetime.date:
    return datetime.date(jahr, 3 * (quartal - 1) + 1, 1)


def quartal_ende(jahr: int, quartal: int) -> datetime.date:
    if quartal == 4:
        return datetime.date(jahr, 12, 31)
    return quartal_beginn(jahr, quartal + 1) - datetime.timedelta(days=1)


class QuartalFeld(forms.CharField):
    """A whole quarter, as "2026-Q1". An ISO date (old links with a day range) is snapped to
    the quarter that holds it (`geschnappt` says so, the page tells the user)."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.Select, **kwargs)

    def to_python(self, value) -> tuple[int, int] | None:
        text = (super().to_python(value) or "").strip()
        if not text:
            return None
        if treffer := _QUARTAL_MUSTER.match(text):
            jahr, quartal = int(treffer[1]), int(treffer[2])
        else:
            try:
                tag = datetime.date.fromisoformat(text)
            except ValueError:
                raise forms.ValidationError(QUARTAL_UNGUELTIG, code="invalid") from None
            jahr, quartal = tag.year, (tag.month - 1) // 3 + 1
            self.geschnappt = True
        if not ERSTES_JAHR <= jahr <= LETZTES_JAHR:
            raise forms.ValidationError(JAHR_UNGUELTIG, code="invalid")
        return jahr, quartal


def _quartalsauswahl() -> list[tuple[str, str]]:
    """Quarters from the first year with entries (at most 10 years back) to next year."""
    from teilnehmende.models import Eintrittsdaten

    heute = timezone.localdate()
    erstes = Eintrittsdaten.objects.order_by("stichtag").values_list("stichtag", flat=True).first()
    von = max(min(erstes.year if erstes else heute.year, heute.year), heute.year - 10)
    return [("", str(_("offen")))] + [
        (quartal_text(jahr, q), quartal_titel(jahr, q))
        for jahr in range(von, heute.year + 2)
        for q in range(1, 5)
    ]


class _DurchgangFeld(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.titel} ({obj.kurs.title}, {obj.beginn:%m/%Y})"


class BerichtsfilterForm(forms.Form):
    von = QuartalFeld(label=_("Eintritt ab Quartal"), required=False)
    bis = QuartalFeld(label=_("Eintritt bis Quartal"), required=False)
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
        auswahl = _quartalsauswahl()
        self.fields["von"].widget.choices = auswahl
        self.fields["bis"].widget.choices = auswahl
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

    def hinweise(self) -> list[str]:
        """Notes for the page: a day range of an old link that was widened to whole quarters."""
        if not (self.is_bound and self.is_valid()):
            return []
        if not any(getattr(self.fields[f], "geschnappt", False) for f in ("von", "bis")):
            return []
        filter_ = self.berichtsfilter()
        return [
            str(AUF_QUARTALE_ERWEITERT).format(
                von=filter_.von.strftime("%d.%m.%Y") if filter_.von else "–",
                bis=filter_.bis.strftime("%d.%m.%Y") if filter_.bis else "–",
            )
        ]

    def berichtsfilter(self) -> Berichtsfilter:
        """The validated filter (whole quarters); call after is_valid()."""
        daten = self.cleaned_data
        von = quartal_beginn(*daten["von"]) if daten.get("von") else None
        bis = quartal_ende(*daten["bis"]) if daten.get("bis") else None
        jahr, quartal = daten.get("jahr"), daten.get("quartal")
        if jahr:
            if quartal:
                von, bis = quartal_beginn(jahr, int(quartal)), quartal_ende(jahr, int(quartal))
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
