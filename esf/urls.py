"""Exit questionnaire below /mein-lernen/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "esf"

urlpatterns = [
    path("anmeldungen/<int:pk>/austritt/", views.austritt, name="austritt"),
]
