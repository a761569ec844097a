"""Upload of a credential file for verification on the public page."""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kern.uploads import groesse_pruefen

DATEI_FEHLT = _("Bitte wählen Sie die Nachweisdatei (JSON) aus.")
KEIN_JSON = _(
    "Die Datei ist keine JSON-Datei. Laden Sie die Datei hoch, die Sie als Open Badge "
    "(.json) heruntergeladen haben."
)


class NachweisForm(forms.Form):
    datei = forms.FileField(
        label=_("Nachweisdatei (Open Badge, JSON)"),
        help_text=_("Die Datei, die die Inhaberin oder der Inhaber Ihnen gegeben hat."),
        error_messages={"required": DATEI_FEHLT},
        widget=forms.ClearableFileInput(
            attrs={"accept": ".json,application/json,application/ld+json"}
        ),
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        groesse_pruefen(datei, art="json")
        try:
            self.cleaned_data["dokument"] = json.loads(datei.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ValidationError(KEIN_JSON, code="kein_json") from None
        return datei
