"""Wagtail's document and image upload forms with our size limits (WAGTAILDOCS_DOCUMENT_FORM_BASE,
WAGTAILIMAGES_IMAGE_FORM_BASE): the single and the multiple upload of the admin build on them."""

from __future__ import annotations

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import groesse_pruefen


class DokumentForm(BaseDocumentForm):
    def clean_file(self):
        datei = self.cleaned_data.get("file")
        if datei is not None and hasattr(datei, "size"):
            groesse_pruefen(datei, art="dokument")
        return datei


class BildForm(BaseImageForm):
    """Wagtail checks WAGTAILIMAGES_MAX_UPLOAD_SIZE (set from the same limit) first; this keeps
    the rule in one place should that setting ever diverge."""

    def clean_file(self):
        datei = self.cleaned_data.get("file")
        if datei is not None and hasattr(datei, "size"):
            groesse_pruefen(datei, art="bild")
        return datei
