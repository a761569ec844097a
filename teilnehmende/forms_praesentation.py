"""Forms of the final presentation: hand in a version, score it with the rubric, filter."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import dateipruefung
from .models import Abschlusspraesentation, Begutachtung
from .services_praesentation import (
    ENTSCHEIDUNG_UNBEKANNT,
    KOMMENTAR_FEHLT,
    PUNKTE_FEHLEN,
    PUNKTE_UNGUELTIG,
)

TITEL_FEHLT = _("Bitte geben Sie den Titel Ihrer Präsentation an.")
TITEL_ZU_LANG = _("Der Titel darf höchstens 200 Zeichen lang sein.")
KURZFASSUNG_FEHLT = _("Bitte beschreiben Sie Ihr Projekt in einer kurzen Zusammenfassung.")
KURZFASSUNG_ZU_LANG = _("Die Kurzfassung darf höchstens 3000 Zeichen lang sein.")
DATEI_FEHLT = _("Bitte wählen Sie die Datei Ihrer Präsentation aus.")
LINK_UNGUELTIG = _("Bitte geben Sie eine vollständige Internetadresse an, z. B. https://…")


class EinreichungsForm(forms.Form):
    titel = forms.CharField(
        label=_("Titel der Präsentation"),
        max_length=200,
        error_messages={"required": TITEL_FEHLT, "max_length": TITEL_ZU_LANG},
    )
    kurzfassung = forms.CharField(
        label=_("Kurzfassung"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Worum geht es in Ihrem Präventionsprojekt? Höchstens 3000 Zeichen."),
        error_messages={"required": KURZFASSUNG_FEHLT, "max_length": KURZFASSUNG_ZU_LANG},
    )
    datei = forms.FileField(
        label=_("Datei"),
        error_messages={"required": DATEI_FEHLT, "empty": dateipruefung.DATEI_LEER},
    )
    link = forms.URLField(
        label=_("Link (freiwillig)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Zum Beispiel zu einem Video oder zur Projektseite Ihrer Kommune."),
        error_messages={"invalid": LINK_UNGUELTIG},
    )
    einwilligung_praxisbeispiel = forms.BooleanField(
        label=_("Meine Präsentation darf als Praxisbeispiel veröffentlicht werden."),
        required=False,
        help_text=_(
            "Freiwillig. Die Redaktion bereitet dann aus Titel und Kurzfassung ein Praxisbeispiel "
            "für die öffentliche Bibliothek vor. Sie können die Einwilligung jederzeit widerrufen."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typen = dateipruefung.erlaubte_typen()
        self.fields["datei"].help_text = _("Erlaubt: %(formate)s, höchstens %(max)s MB.") % {
            "formate": dateipruefung.erlaubt_text(),
            "max": dateipruefung.max_bytes() // dateipruefung.MB,
        }
        self.fields["datei"].widget.attrs["accept"] = ",".join(f".{t}" for t in typen)

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        dateipruefung.pruefen(datei, datei.name)
        return datei


class BegutachtungsForm(forms.Form):
    """One points field per criterion of the rubric, then comment and decision."""

    kommentar = forms.CharField(
        label=_("Rückmeldung an die teilnehmende Person"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        error_messages={"required": KOMMENTAR_FEHLT},
    )
    entscheidung = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[
            (Begutachtung.Entscheidung.ANGENOMMEN, _("Präsentation annehmen")),
            (Begutachtung.Entscheidung.UEBERARBEITUNG, _("Überarbeitung erbitten")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": ENTSCHEIDUNG_UNBEKANNT,
            "invalid_choice": ENTSCHEIDUNG_UNBEKANNT,
        },
    )

    def __init__(self, *args, kriterien, **kwargs):
        super().__init__(*args, **kwargs)
        self.kriterien = list(kriterien)
        punktfelder = {}
        for k in self.kriterien:
            fehler = PUNKTE_UNGUELTIG % {"kriterium": k.titel, "max": k.max_punkte}
            punktfelder[self.feldname(k)] = forms.IntegerField(
                label=_("%(kriterium)s (0 bis %(max)s Punkte)")
                % {"kriterium": k.titel, "max": k.max_punkte},
                min_value=0,
                max_value=k.max_punkte,
                help_text=k.beschreibung,
                error_messages={
                    "required": PUNKTE_FEHLEN % {"kriterium": k.titel},
                    "invalid": fehler,
                    "min_value": fehler,
                    "max_value": fehler,
                },
            )
        # Criteria first, in the rubric's order; then comment and decision.
        self.fields = punktfelder | dict(self.fields)

    @staticmethod
    def feldname(kriterium) -> str:
        return f"kriterium_{kriterium.pk}"

    def punkte(self) -> dict[int, int]:
        return {k.pk: self.cleaned_data[self.feldname(k)] for k in self.kriterien}


class BegutachtungsFilter(forms.Form):
    durchgang = forms.TypedChoiceField(
        label=_("Durchgang"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, durchgaenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["durchgang"].choices = [("", _("Alle meine Durchgänge"))] + [
            (d.pk, f"{d.titel} ({d.kurs.title})") for d in durchgaenge
        ]
        self.fields["status"].choices = [
            ("", _("Offen (eingereicht oder in Begutachtung)")),
            *Abschlusspraesentation.Status.choices,
            ("alle", _("Alle")),
        ]

    def auswahl(self) -> dict:
        if not self.is_valid():
            return {"durchgang_id": None, "status": None}
        return {
            "durchgang_id": self.cleaned_data["durchgang"],
            "status": self.cleaned_data["status"] or None,
        }


def fehler_verteilen(form: forms.Form, fehler: ValidationError) -> None:
    """Show a service's ValidationError on the form (as errors of the whole form)."""
    for meldung in fehler.messages:
        form.add_error(None, meldung)
