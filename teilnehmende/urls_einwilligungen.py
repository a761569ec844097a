"""Consents self-service, included below /konto/daten/einwilligungen/ by config/urls.py."""

from django.urls import path

from . import views_einwilligung

app_name = "einwilligungen"

urlpatterns = [
    path("", views_einwilligung.einwilligungen, name="liste"),
    path("<int:pk>/widerrufen/", views_einwilligung.einwilligung_widerrufen, name="widerrufen"),
    path(
        "praxisbeispiel/<int:pk>/widerrufen/",
        views_einwilligung.praxisbeispiel_widerrufen,
        name="praxisbeispiel_widerrufen",
    ),
]
