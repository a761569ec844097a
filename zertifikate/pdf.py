"""The certificate as PDF/A-2b, A4 landscape, rendered by WeasyPrint from an HTML template."""

from __future__ import annotations

import threading

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from . import angaben
from .models import Zertifikat
from .umfang import modulzeilen, umfang

PDF_VARIANTE = "pdf/a-2b"


def qr_code(url: str) -> str:
    """The verification URL as QR code: a small PNG data URI (draws faster than the SVG).
    A fixed mask spares segno scoring all eight; every mask is valid for readers."""
    return segno.make(url, error="m", micro=False, mask=0).png_data_uri(scale=4, border=4)


def pdf_kontext(zertifikat: Zertifikat) -> dict:
    from .services import verifikations_url

    anmeldung = zertifikat.anmeldung
    durchgang = anmeldung.durchgang
    kurs = durchgang.kurs
    module = modulzeilen(zertifikat)
    trainer = [t.anzeigename for t in durchgang.trainer.order_by("last_name")]
    url = verifikations_url(zertifikat.nummer)
    return {
        "zertifikat": zertifikat,
        "kurs": kurs,
        "durchgang": durchgang,
        "module": module,
        "umfang": umfang(zertifikat, module=module),
        "angaben": angaben.werte(anmeldung),
        "trainer": trainer,
        "ort": settings.ZERTIFIKAT_ORT,
        "programmleitung": settings.ZERTIFIKAT_PROGRAMMLEITUNG,
        "ausgestellt_am": timezone.localtime(zertifikat.ausgestellt_am).date(),
        "pruef_url": url,
        "pruef_url_basis": settings.SITE_URL.rstrip("/") + reverse("zertifikate:pruefen"),
        "qr_code": qr_code(url),
        "foerderhinweis": kurs.foerderhinweis
        or "Gefördert vom Land Nordrhein-Westfalen und aus Mitteln des Europäischen "
        "Sozialfonds Plus (ESF Plus) der Europäischen Union.",
    }


def zertifikat_html(zertifikat: Zertifikat) -> str:
    with translation.override("de"):
        return render_to_string("zertifikate/pdf.html", pdf_kontext(zertifikat))


_je_thread = threading.local()


def _schriften() -> FontConfiguration:
    """One font configuration per thread: building it costs about as much as a page layout."""
    if not hasattr(_je_thread, "schriften"):
        _je_thread.schriften = FontConfiguration()
    return _je_thread.schriften


def zertifikat_pdf(zertifikat: Zertifikat) -> bytes:
    html = zertifikat_html(zertifikat)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        pdf_variant=PDF_VARIANTE, font_config=_schriften()
    )
