"""The account hub and the names below /konto/ (included before allauth in config/urls.py)."""

from django.urls import path

from . import views

app_name = "konto"

urlpatterns = [
    path("", views.konto_uebersicht, name="uebersicht"),
    path("profil/", views.profil, name="profil"),
    path("profil/zertifikate/", views.zertifikate_neu_ausstellen, name="zertifikate_neu"),
    path("registrieren/", views.registrieren, name="registrieren"),
]
