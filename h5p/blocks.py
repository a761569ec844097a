"""The StreamField block "H5P-Aktivität" for pages of other apps (e.g. kurse.LektionSeite)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from .anbindung import Regel

SCHWELLE_FEHLT = _("Bitte geben Sie für die Regel „Punkte“ die Mindestpunktzahl in Prozent an.")

REGELN = [
    (Regel.ABGESCHLOSSEN, _("Abgeschlossen: Die Aufgabe wurde beantwortet oder beendet")),
    (Regel.BESTANDEN, _("Bestanden: Die Aufgabe wurde richtig gelöst")),
    (Regel.PUNKTE, _("Punkte: Mindestanteil der Punkte erreicht")),
]


class H5PAktivitaetBlock(blocks.StructBlock):
    paket = SnippetChooserBlock("h5p.H5PPaket", label=_("H5P-Paket"))
    ueberschrift = blocks.CharBlock(
        label=_("Überschrift"),
        required=False,
        max_length=200,
        help_text=_("Leer lassen, um den Titel des Pakets zu zeigen."),
    )
    regel = blocks.ChoiceBlock(
        choices=REGELN,
        default=Regel.ABGESCHLOSSEN,
        label=_("Abschlussregel"),
        help_text=_("Wann gilt die Aktivität – und damit die Lektion – als erledigt?"),
    )
    schwelle = blocks.IntegerBlock(
        label=_("Mindestpunktzahl in Prozent"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Nur für die Regel „Punkte“, z. B. 80."),
    )

    class Meta:
        icon = "pick"
        label = _("H5P-Aktivität")
        template = "h5p/blocks/aktivitaet.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("regel") == Regel.PUNKTE and value.get("schwelle") is None:
            raise StructBlockValidationError(
                block_errors={"schwelle": ValidationError(SCHWELLE_FEHLT)}
            )
        return value
