"""Completeness of the ESF records below /berichte/vollstaendigkeit/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "vollstaendigkeit"

urlpatterns = [
    path("", views.vollstaendigkeit_ansehen, name="start"),
    path("einladen/", views.einladungen_senden, name="einladen"),
]
