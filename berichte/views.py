"""Funder figures on screen and as CSV/XLSX: thin views over `selectors.bericht_erstellen`."""

from __future__ import annotations

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .diagramme import balkendiagramm
from .exporte import csv_zeilen, einzeldaten_csv, xlsx_datei
from .forms import BerichtsfilterForm
from .geheimhaltung import STUNDEN_RUNDUNG, hinweis
from .models import ExportProtokoll
from .selectors import MASSZAHLEN, Berichtsfilter, bericht_erstellen
from .services import export_protokollieren

XLSX_TYP = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filterform(request) -> BerichtsfilterForm:
    return BerichtsfilterForm(request.GET or None)


def _dateiname(endung: str) -> str:
    return f"lernkette-zahlen-{timezone.localtime():%Y-%m-%d-%H%M}.{endung}"


class BerichteStartView(PermissionRequiredMixin, TemplateView):
    permission_required = "berichte.ansehen"
    template_name = "berichte/start.html"

    def get_context_data(self, **kwargs):
        kontext = super().get_context_data(**kwargs)
        form = _filterform(self.request)
        kontext |= {
            "form": form,
            "hinweis": hinweis(),
            "stunden_rundung": STUNDEN_RUNDUNG,
            "filterhinweise": form.hinweise(),
            "masszahlen": MASSZAHLEN,
            "darf_einzeldaten": self.request.user.has_perm("berichte.einzeldaten_exportieren"),
        }
        if not form.is_bound or form.is_valid():
            filter_ = form.berichtsfilter() if form.is_bound else None
            bericht = bericht_erstellen(filter=filter_ or Berichtsfilter())
            kontext |= {
                "bericht": bericht,
                "abschnitte": [(t, balkendiagramm(t)) for t in bericht.tabellen],
                "abfrage": self.request.GET.urlencode(),
            }
        return kontext


class _ExportView(PermissionRequiredMixin, View):
    permission_required = "berichte.ansehen"

    def get(self, request, *args, **kwargs):
        form = _filterform(request)
        if form.is_bound and not form.is_valid():
            fehler = " ".join(str(m) for liste in form.errors.values() for m in liste)
            return HttpResponse(
                _("Die Filter sind ungültig: {fehler}").format(fehler=fehler),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        filter_ = form.berichtsfilter() if form.is_bound else Berichtsfilter()
        return self.antwort(filter_)


class ExportCsvView(_ExportView):
    def antwort(self, filter_):
        antwort = StreamingHttpResponse(
            csv_zeilen(bericht_erstellen(filter=filter_)), content_type="text/csv; charset=utf-8"
        )
        antwort["Content-Disposition"] = f'attachment; filename="{_dateiname("csv")}"'
        return antwort


class ExportXlsxView(_ExportView):
    def antwort(self, filter_):
        return FileResponse(
            xlsx_datei(bericht_erstellen(filter=filter_)),
            as_attachment=True,
            filename=_dateiname("xlsx"),
            content_type=XLSX_TYP,
        )


class EinzeldatenExportView(_ExportView):
    """Individual ESF records for the managing authority: administration only, logged."""

    permission_required = "berichte.einzeldaten_exportieren"

    def antwort(self, filter_):
        export_protokollieren(
            nutzer=self.request.user, art=ExportProtokoll.Art.EINZELDATEN, filter=filter_
        )
        # ?vollstaendig=1: only records that count for the ESF (esf/, /berichte/vollstaendigkeit/).
        nur_vollstaendig = self.request.GET.get("vollstaendig") == "1"
        antwort = StreamingHttpResponse(
            einzeldaten_csv(filter=filter_, nur_vollstaendig=nur_vollstaendig),
            content_type="text/csv; charset=utf-8",
        )
        name = f"lernkette-esf-einzeldaten-{timezone.localtime():%Y-%m-%d-%H%M}.csv"
        antwort["Content-Disposition"] = f'attachment; filename="{name}"'
        return antwort
