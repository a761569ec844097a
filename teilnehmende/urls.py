"""Enrolment URLs, included below /mein-lernen/ by kurse/urls.py."""

from django.urls import path

from . import views, views_praesentation

app_name = "teilnehmende"

urlpatterns = [
    path("anmelden/<int:durchgang_id>/", views.anmelden, name="anmelden"),
    path("anmeldungen/<int:pk>/stornieren/", views.stornieren, name="stornieren"),
    path("anmeldungen/<int:pk>/anwesenheit/", views.meine_anwesenheit, name="anwesenheit"),
    path("termine/<int:pk>/kalender.ics", views.termin_kalender, name="termin_kalender"),
    path("durchgaenge/<int:pk>/termine.ics", views.durchgang_kalender, name="durchgang_kalender"),
    # Final presentation of one enrolment.
    path(
        "praesentation/<int:anmeldung_id>/",
        views_praesentation.praesentation,
        name="praesentation",
    ),
    path(
        "praesentation/<int:anmeldung_id>/zurueckziehen/",
        views_praesentation.zurueckziehen,
        name="praesentation_zurueckziehen",
    ),
    path(
        "praesentation/versionen/<int:pk>/einwilligung/",
        views_praesentation.einwilligung_aendern,
        name="einwilligung_praxisbeispiel",
    ),
    path(
        "praesentation/versionen/<int:pk>/datei/",
        views_praesentation.version_datei,
        name="version_datei",
    ),
    path("einwilligung/", views.einwilligung_erneuern, name="einwilligung"),
]
