"""Enrolment URLs, included below /mein-lernen/ by kurse/urls.py."""

from django.urls import path

from . import views

app_name = "teilnehmende"

urlpatterns = [
    path("anmelden/<int:durchgang_id>/", views.anmelden, name="anmelden"),
    path("anmeldungen/<int:pk>/stornieren/", views.stornieren, name="stornieren"),
    path("anmeldungen/<int:pk>/anwesenheit/", views.meine_anwesenheit, name="anwesenheit"),
    path("termine/<int:pk>/kalender.ics", views.termin_kalender, name="termin_kalender"),
    path("durchgaenge/<int:pk>/termine.ics", views.durchgang_kalender, name="durchgang_kalender"),
]
