"""Wagtail documents for the tests: course material used in a lesson, and public documents."""

from __future__ import annotations

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from kurse.dokumente import kursmaterial_sicherstellen
from kurse.models import LektionSeite

INHALT = b"%PDF-1.4\n% Handout\n"


def dokument_anlegen(*, titel="Handout", name="handout.pdf", sammlung=None):
    """A document in "Kursmaterial" (default) or in the given collection."""
    dokument = get_document_model()(
        title=titel,
        file=ContentFile(INHALT, name=name),
        collection=sammlung or kursmaterial_sicherstellen(),
    )
    dokument.save()
    return dokument


def oeffentliche_sammlung():
    return Collection.get_first_root_node()


def dokument_einbauen(lektion: LektionSeite, dokument) -> LektionSeite:
    """Append a document block to the lesson and publish it (as an editor does in the admin)."""
    roh = list(lektion.inhalt.raw_data)
    roh.append({"type": "dokument", "value": {"dokument": dokument.pk, "beschreibung": ""}})
    lektion.inhalt = roh
    lektion.save_revision().publish()
    return LektionSeite.objects.get(pk=lektion.pk)
