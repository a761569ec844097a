"""Exit records of a cohort below /trainer/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "esf_trainer"

urlpatterns = [
    path("durchgaenge/<int:pk>/austritte/", views.austritte, name="austritte"),
    path(
        "anmeldungen/<int:pk>/austritt-nicht-erhebbar/",
        views.nicht_erhebbar,
        name="nicht_erhebbar",
    ),
]
