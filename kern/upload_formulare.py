"""Wagtail's document upload form with our size limit (WAGTAILDOCS_DOCUMENT_FORM_BASE): the
single and the multiple upload of the admin both build on it."""

from __future__ import annotations

from wagtail.documents.forms import BaseDocumentForm

from .uploads import groesse_pruefen


class DokumentForm(BaseDocumentForm):
    def clean_file(self):
        datei = self.cleaned_data.get("file")
        if datei is not None and hasattr(datei, "size"):
            groesse_pruefen(datei, art="dokument")
        return datei
