from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import gesundheit, services
from .drosselung import gedrosselt
from .forms import KontoLoeschenForm, ProfilForm, passwort_zu_oft_meldung
from .models import Datenexport
from .namen import hat_namen


@never_cache
def healthz(request):
    gesund, teile = gesundheit.alle()
    return JsonResponse(
        {"status": "ok" if gesund else "fehler", **teile}, status=200 if gesund else 503
    )


# --- DSGVO self-service (/konto/daten/) --------------------------------------------------------

DATENEXPORT_ANGEFORDERT = _(
    "Ihr Datenexport wird erstellt. Sobald er bereit ist, können Sie ihn hier herunterladen."
)
KONTO_GELOESCHT = _(
    "Ihr Konto ist gelöscht. Ihre persönlichen Daten wurden entfernt; für die Nachweise gegenüber "
    "den Fördermittelgebern bleiben nur anonymisierte Angaben ohne Bezug zu Ihrer Person."
)


@login_required
def daten_uebersicht(request):
    return render(
        request,
        "kern/daten.html",
        {
            "exporte": Datenexport.objects.filter(nutzer=request.user)[:5],
            "loeschbar": not request.user.is_superuser,
        },
    )


@require_POST
@login_required
@gedrosselt("datenexport")
def datenexport_anfordern(request):
    try:
        services.datenexport_anfordern(nutzer=request.user)
    except ValidationError as fehler:
        messages.error(request, fehler.messages[0])
    else:
        messages.success(request, DATENEXPORT_ANGEFORDERT)
    return redirect("kern:daten")


@login_required
def datenexport_herunterladen(request, pk: int):
    # Someone else's export answers 404 like a missing one: ids reveal nothing.
    export = get_object_or_404(
        Datenexport, pk=pk, nutzer=request.user, status=Datenexport.Status.FERTIG
    )
    speicher = services.export_speicher()
    if not export.datei or not speicher.exists(export.datei):
        raise Http404
    antwort = FileResponse(
        speicher.open(export.datei, "rb"),
        as_attachment=True,
        filename=f"lernkette-daten-{export.fertig_am:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    patch_cache_control(antwort, private=True, no_store=True)
    return antwort


@login_required
def konto_loeschen(request):
    if request.user.is_superuser:
        messages.error(request, services.ADMIN_NICHT_LOESCHBAR)
        return redirect("kern:daten")
    # An empty POST is a submission too: it must show the errors, not a blank form.
    form = KontoLoeschenForm(
        request.POST if request.method == "POST" else None, nutzer=request.user
    )
    # Every password try counts (allauth's "reauthenticate" rate): no unlimited guessing.
    if request.method == "POST" and not ratelimit.consume(
        request, action="reauthenticate", user=request.user
    ):
        kontext = {"form": KontoLoeschenForm(nutzer=request.user)}
        kontext["drosselung"] = passwort_zu_oft_meldung()
        return render(request, "kern/konto_loeschen.html", kontext, status=429)
    if request.method == "POST" and form.is_valid():
        nutzer = request.user
        services.konto_loeschen(nutzer=nutzer)
        logout(request)
        messages.success(request, KONTO_GELOESCHT)
        return redirect("/")
    return render(request, "kern/konto_loeschen.html", {"form": form})


# --- the account: hub (/konto/), names (/konto/profil/), admin overview (/verwaltung/) ---------

NAME_GESPEICHERT = _("Ihr Name ist gespeichert.")
NAME_UNVERAENDERT = _("Ihr Name ist unverändert.")
ZERTIFIKATE_NEU = _(
    "Ihr Zertifikat wurde mit Ihrem neuen Namen neu ausgestellt. Die alte Nummer verweist auf "
    "das neue Zertifikat."
)
KEINE_ZERTIFIKATE_NEU = _("Es gibt kein gültiges Zertifikat mit einem älteren Namen.")


@login_required
def konto_uebersicht(request):
    return render(request, "kern/konto.html", {"name_fehlt": not hat_namen(request.user)})


def _weiter(request) -> str:
    weiter = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        weiter, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return weiter
    return ""


@login_required
def profil(request):
    from zertifikate.selectors import zertifikate_mit_altem_namen

    nutzer = request.user
    anfangs = {
        "titel": nutzer.titel,
        "first_name": nutzer.first_name,
        "last_name": nutzer.last_name,
    }
    form = ProfilForm(request.POST if request.method == "POST" else None, initial=anfangs)
    if request.method == "POST" and form.is_valid():
        geaendert = services.namen_aendern(
            nutzer=nutzer,
            vorname=form.cleaned_data["first_name"],
            nachname=form.cleaned_data["last_name"],
            titel=form.cleaned_data["titel"],
        )
        messages.success(request, NAME_GESPEICHERT if geaendert else NAME_UNVERAENDERT)
        return redirect(_weiter(request) or "konto:profil")
    return render(
        request,
        "kern/profil.html",
        {
            "form": form,
            "weiter": _weiter(request),
            "alte_zertifikate": zertifikate_mit_altem_namen(nutzer=nutzer),
        },
    )


@require_POST
@login_required
def zertifikate_neu_ausstellen(request):
    """The holder asks for their valid certificates to carry the current name."""
    from zertifikate.services import mit_neuem_namen_ausstellen

    if not hat_namen(request.user):
        return redirect("konto:profil")
    if mit_neuem_namen_ausstellen(nutzer=request.user):
        messages.success(request, ZERTIFIKATE_NEU)
    else:
        messages.info(request, KEINE_ZERTIFIKATE_NEU)
    return redirect("konto:profil")


def registrieren(request):
    """/konto/registrieren/ is the address people guess; the form lives at allauth's URL."""
    return redirect("account_signup", permanent=True)


@login_required
def verwaltung(request):
    if not request.user.has_perm("kern.verwaltung"):
        raise PermissionDenied
    return render(request, "kern/verwaltung.html")
