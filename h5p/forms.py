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
