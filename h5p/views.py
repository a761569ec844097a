"""Serving package files, receiving xAPI statements and resume state; rules in services."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kern.drosselung import gedrosselt

from . import kontingent
from .anbindung import Einbettung, einbettung_finden
from .forms import ZwischenstandForm
from .models import H5PPaket
from .selectors import nutzerdaten_lesen
from .services import aussage_speichern, nutzerdaten_speichern
from .speicher import paket_speicher
from .xapi import XAPIFehler, XAPIZuGross, aussage_lesen

# The file types a package may contain (see validierung.py) with the type we answer with.
MIME_TYPEN = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "eot": "application/vnd.ms-fontobject",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "webm": "video/webm",
    "mp4": "video/mp4",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "vtt": "text/vtt",
    "webvtt": "text/vtt",
    "txt": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
    "gltf": "model/gltf+json",
    "glb": "model/gltf-binary",
}
# Opened directly (not as a sub-resource), a package file must not run script in our origin.
DATEI_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox"


def _einbettung(request, seite_id: int, paket_id: int) -> Einbettung:
    einbettung = einbettung_finden(nutzer=request.user, seite_id=seite_id, paket_id=paket_id)
    if einbettung is None:
        raise Http404
    if not einbettung.darf_ansehen:
        raise PermissionDenied
    return einbettung


def _datei_antwort(paket: H5PPaket, pfad: str) -> HttpResponse:
    teile = pfad.split("/")
    if "\\" in pfad or any(not teil or teil.startswith(".") for teil in teile):
        raise Http404
    name = paket.praefix + pfad
    speicher = paket_speicher()
    # The player probes one folder name per library first; a real 404 lets it try the next.
    if not speicher.exists(name):
        raise Http404
    endung = teile[-1].rsplit(".", 1)[-1].lower() if "." in teile[-1] else ""
    art = MIME_TYPEN.get(endung, "application/octet-stream")
    intern = settings.LERNKETTE_X_ACCEL_PRAEFIX
    if intern and not settings.LERNKETTE_S3_BUCKET:
        # The web server sends the file from its internal location (docs/betrieb.md).
        antwort = HttpResponse(content_type=art)
        antwort["X-Accel-Redirect"] = intern.rstrip("/") + "/" + name
    else:
        antwort = FileResponse(speicher.open(name, "rb"), content_type=art)  # streamed
    antwort["X-Content-Type-Options"] = "nosniff"
    antwort["Content-Security-Policy"] = DATEI_CSP
    # Content-addressed, so it never changes; private, because access is checked per user.
    patch_cache_control(antwort, private=True, max_age=86400)
    return antwort


@require_GET
@login_required
def inhalt(request, seite_id: int, paket_id: int, pfad: str):
    """A file of the package embedded in a page, for those who may see that page."""
    _einbettung(request, seite_id, paket_id)
    return _datei_antwort(get_object_or_404(H5PPaket, pk=paket_id), pfad)


@require_GET
@login_required
def vorschau_inhalt(request, paket_id: int, pfad: str):
    """A file of the package for the preview in the Wagtail admin (editors, admins)."""
    paket = get_object_or_404(H5PPaket, pk=paket_id)
    if not request.user.has_perm("h5p.paket_vorschauen", paket):
        raise PermissionDenied
    return _datei_antwort(paket, pfad)


@require_POST
@login_required
@gedrosselt("xapi", json=True)  # per user (after the login check): 429 with German JSON
def xapi(request, seite_id: int, paket_id: int):
    """One top-level xAPI statement of the player; the logged-in user is its actor."""
    einbettung = _einbettung(request, seite_id, paket_id)
    max_bytes = settings.H5P_XAPI_MAX_BYTES
    laenge = request.META.get("CONTENT_LENGTH") or ""
    try:
        if laenge.isdigit() and int(laenge) > max_bytes:  # refused before reading the body
            raise XAPIZuGross(max_bytes)
        aussage = aussage_lesen(request.body, max_bytes=max_bytes)
    except XAPIZuGross as fehler:
        return JsonResponse({"fehler": fehler.meldung}, status=413)
    except XAPIFehler as fehler:
        return JsonResponse({"fehler": fehler.meldung}, status=400)
    zu_viel = kontingent.aussage_pruefen(nutzer=request.user, groesse=len(request.body))
    if zu_viel is not None:
        return JsonResponse({"fehler": zu_viel.meldung}, status=zu_viel.status)
    ergebnis = aussage_speichern(nutzer=request.user, einbettung=einbettung, aussage=aussage)
    return JsonResponse({"gespeichert": True, "erfuellt": ergebnis.erfuellt})


@require_http_methods(["GET", "POST"])
@login_required
@gedrosselt("h5p_zwischenstand", json=True)
def zwischenstand(request, seite_id: int, paket_id: int, datentyp: str, unterinhalt: str):
    """H5P core's contentUserData: GET answers {success, data}, POST stores or resets."""
    einbettung = _einbettung(request, seite_id, paket_id)
    form = ZwischenstandForm(
        {"datentyp": datentyp, "unterinhalt": unterinhalt}
        | ({} if request.method == "GET" else request.POST.dict())
    )
    if not form.is_valid():
        meldung = next(iter(form.errors.values()))[0]
        status = 413 if "data" in form.errors else 400
        return JsonResponse({"success": False, "message": meldung}, status=status)
    if request.method == "GET":
        daten = nutzerdaten_lesen(
            nutzer=request.user, einbettung=einbettung, datentyp=datentyp, unterinhalt=unterinhalt
        )
        return JsonResponse({"success": True, "data": daten if daten is not None else False})
    daten = form.cleaned_data["data"]
    if daten != "0":  # core sends 0 to reset
        zu_viel = kontingent.zwischenstand_pruefen(
            nutzer=request.user,
            seite_id=einbettung.seite_id,
            paket_id=einbettung.paket_id,
            datentyp=datentyp,
            unterinhalt=unterinhalt,
            groesse=len(daten.encode()),
        )
        if zu_viel is not None:
            return JsonResponse(
                {"success": False, "message": zu_viel.meldung}, status=zu_viel.status
            )
    nutzerdaten_speichern(
        nutzer=request.user,
        einbettung=einbettung,
        datentyp=datentyp,
        unterinhalt=unterinhalt,
        daten=None if daten == "0" else daten,
        vorladen=form.cleaned_data["preload"] == "1",
    )
    return JsonResponse({"success": True})
