"""DSGVO self-service below /konto/daten/ (included before allauth's /konto/ in config/urls.py)."""

from django.urls import path

from . import views

app_name = "kern"

urlpatterns = [
    path("", views.daten_uebersicht, name="daten"),
    path("export/", views.datenexport_anfordern, name="datenexport_anfordern"),
    path("export/<int:pk>/", views.datenexport_herunterladen, name="datenexport"),
    path("loeschen/", views.konto_loeschen, name="konto_loeschen"),
]
