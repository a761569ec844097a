"""Course material: Wagtail documents that only the course's people may download.

Wagtail serves every document at /dokumente/<id>/<name> (`wagtail.documents.views.serve`). A
document in the collection "Kursmaterial" (or one below it) is course material:

- the collection carries a Wagtail view restriction "login" (CollectionViewRestriction): the
  editors see the lock in the admin, and Wagtail's own `before_serve_document` hook sends
  anonymous visitors to the login;
- our `before_serve_document` hook (kurse/wagtail_hooks.py) then lets through only those who may
  see a live lesson that uses the document (`kurse.lektion_ansehen`: participants with a seat in
  a cohort of the course, its trainers) and Redaktion/Administration; everyone else gets 403.
  Which lessons use a document comes from Wagtail's reference index (blocks and rich-text links).

Documents in other collections (e.g. the good-practice library) stay public. Documents must be
served by the view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), never by a redirect to storage.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _

KURSMATERIAL = "Kursmaterial"
NICHT_IM_KURSMATERIAL = _(
    "Dokumente in Lektionen müssen in der Sammlung „Kursmaterial“ liegen, damit nur die "
    "Teilnehmenden des Kurses sie herunterladen können. Bitte verschieben Sie das Dokument dorthin "
    "oder laden Sie es dort hoch."
)


@transaction.atomic
def kursmaterial_sicherstellen():
    """The collection "Kursmaterial" below the root with its login restriction (idempotent)."""
    from wagtail.models import Collection, CollectionViewRestriction

    wurzel = Collection.get_first_root_node()
    if wurzel is None:
        return None
    sammlung = wurzel.get_children().filter(name=KURSMATERIAL).first()
    if sammlung is None:
        sammlung = wurzel.add_child(name=KURSMATERIAL)
    if not CollectionViewRestriction.objects.filter(collection=sammlung).exists():
        CollectionViewRestriction.objects.create(
            collection=sammlung, restriction_type=CollectionViewRestriction.LOGIN
        )
    return sammlung


def ist_kursmaterial(dokument) -> bool:
    """Whether the document lies in "Kursmaterial" or a collection below it."""
    from wagtail.models import Collection

    kursmaterial = Collection.objects.filter(depth=2, name=KURSMATERIAL).first()
    return kursmaterial is not None and dokument.collection.path.startswith(kursmaterial.path)


def lektionen_mit_dokument(dokument):
    """Live lessons whose published content uses the document (Wagtail's reference index)."""
    from wagtail.models import Page, ReferenceIndex

    from .models import LektionSeite

    seiten = ReferenceIndex.get_references_to(dokument).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(s) for s in seiten.values_list("object_id", flat=True)}
    return LektionSeite.objects.live().filter(pk__in=ids)
