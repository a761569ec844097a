"""Forms: the public number lookup and the admins' reason for a revocation or re-issue."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .nummern import NummerUngueltig, PruefzeichenFalsch, normalisieren
from .services import GRUND_FEHLT

NUMMER_FEHLT = _("Bitte geben Sie die Zertifikatsnummer ein.")
NUMMER_UNGUELTIG = _(
    "Das ist keine gültige Zertifikatsnummer. Sie hat die Form LK-2026-XXXX-XXXX-XXXX-XXXX."
)
NUMMER_TIPPFEHLER = _(
    "Die Nummer enthält einen Tippfehler: Das letzte Zeichen (Prüfzeichen) passt nicht zu den "
    "übrigen. Bitte vergleichen Sie die Nummer mit dem Zertifikat."
)


class PruefForm(forms.Form):
    nummer = forms.CharField(
        label=_("Zertifikatsnummer"),
        max_length=60,
        help_text=_("Steht unten auf dem Zertifikat, z. B. LK-2026-7KQ4-M9XD-3PTA-R8VK."),
        error_messages={"required": NUMMER_FEHLT},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_nummer(self) -> str:
        try:
            return normalisieren(self.cleaned_data["nummer"])
        except PruefzeichenFalsch:
            raise forms.ValidationError(NUMMER_TIPPFEHLER, code="tippfehler") from None
        except NummerUngueltig:
            raise forms.ValidationError(NUMMER_UNGUELTIG, code="ungueltig") from None


class GrundForm(forms.Form):
    grund = forms.CharField(
        label=_("Grund"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": GRUND_FEHLT},
    )
