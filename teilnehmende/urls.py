"""Enrolment URLs, included below /mein-lernen/ by kurse/urls.py."""

from django.urls import path

from . import views

app_name = "teilnehmende"

urlpatterns = [
    path("anmelden/<int:durchgang_id>/", views.anmelden, name="anmelden"),
    path("anmeldungen/<int:pk>/stornieren/", views.stornieren, name="stornieren"),
    path("einwilligung/", views.einwilligung_erneuern, name="einwilligung"),
]
