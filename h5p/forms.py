"""Upload form of the Wagtail admin: the file is checked in clean(), stored by the service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from kern.uploads import groesse_pruefen

from .services import paket_hochladen, paket_pruefen_fuer_upload


class H5PPaketForm(WagtailAdminModelForm):
    datei = forms.FileField(
        label=_("H5P-Datei"),
        help_text=_(
            "Eine .h5p-Datei, die alle Bibliotheken enthält (beim Export „Bibliotheken "
            "einschließen“ wählen). Sie wird vor dem Speichern vollständig geprüft."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    class Meta:
        fields: list[str] = []

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        groesse_pruefen(datei, art="h5p_paket")  # before a byte of the archive is read
        self._geprueft = paket_pruefen_fuer_upload(datei=datei)
        return datei

    def save(self, commit=True):
        datei = self.cleaned_data["datei"]
        self.instance = paket_hochladen(
            datei=datei,
            dateiname=datei.name,
            nutzer=getattr(self, "for_user", None),
            geprueft=self._geprueft,
        )
        return self.instance


# --- Resume state posted by the player (h5p/views.py) -----------------------------------------

FELD_ZU_LANG = _("„%(feld)s“ darf höchstens %(max)s Zeichen lang sein.")
ZWISCHENSTAND_ZU_GROSS = _("Der Zwischenstand ist größer als die erlaubten %(max)s.")


class ZwischenstandForm(forms.Form):
    """Field lengths as the model declares them (SQLite does not enforce max_length)."""

    datentyp = forms.CharField(max_length=127)
    unterinhalt = forms.CharField(max_length=127)
    data = forms.CharField(required=False, strip=False, empty_value="0")
    preload = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("datentyp", "unterinhalt"):
            self.fields[name].error_messages["max_length"] = FELD_ZU_LANG % {
                "feld": name,
                "max": 127,
            }

    def clean_data(self):
        from django.conf import settings

        from kern.uploads import lesbar

        daten = self.cleaned_data["data"]
        max_bytes = settings.H5P_ZWISCHENSTAND_MAX_BYTES
        if len(daten.encode()) > max_bytes:
            raise forms.ValidationError(
                ZWISCHENSTAND_ZU_GROSS % {"max": lesbar(max_bytes)}, code="zu_gross"
            )
        return daten
