"""The personal follow-up link below /verbleib/ (config/urls.py): works without login."""

from django.urls import path

from . import views

app_name = "verbleib"

urlpatterns = [path("<str:token>/", views.verbleib, name="antworten")]
