"""The current consent text and its version: the one place to change them.

Change TEXTVERSION whenever TEXT changes in substance; consents record the version agreed to.
"""

from django.utils.translation import gettext_lazy as _

from .models import Einwilligung

ZWECK = Einwilligung.Zweck.TEILNAHME
TEXTVERSION = "2026-11-01"
TEXT = _(
    "Ich willige ein, dass die Angaben aus diesem Fragebogen und meine Teilnahmedaten "
    "(Anmeldung, Lernfortschritt, Anwesenheit, Abschlusspräsentation und Zertifikat) zur "
    "Durchführung des Kurses sowie für die Nachweise gegenüber dem Land Nordrhein-Westfalen und "
    "dem Europäischen Sozialfonds (ESF Plus) verarbeitet werden. Fördermittelgeber erhalten nur "
    "zusammengefasste Zahlen ohne Namen. Die ESF-Angaben werden bis zum Ende der gesetzlichen "
    "Aufbewahrungsfrist gespeichert und danach anonymisiert. Ich kann meine Einwilligung jederzeit "
    "mit Wirkung für die Zukunft widerrufen."
)
