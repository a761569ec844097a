"""Certificate URLs (included at the root: the public page is fixed at /zertifikate/pruefen/)."""

from django.urls import path

from . import views

app_name = "zertifikate"

urlpatterns = [
    path("zertifikate/pruefen/", views.pruefen, name="pruefen"),
    path("zertifikate/pruefen/<str:nummer>/", views.pruefen_nummer, name="pruefen_nummer"),
    path("mein-lernen/zertifikate/<int:pk>/pdf/", views.herunterladen, name="herunterladen"),
    path("zertifikate/verwaltung/", views.verwaltung, name="verwaltung"),
    path(
        "zertifikate/verwaltung/durchgaenge/<int:pk>/",
        views.verwaltung_durchgang,
        name="verwaltung_durchgang",
    ),
    path(
        "zertifikate/verwaltung/durchgaenge/<int:pk>/erzeugen/",
        views.stapel_start,
        name="stapel_start",
    ),
    path(
        "zertifikate/verwaltung/durchgaenge/<int:pk>/zertifikate.zip",
        views.zip_herunterladen,
        name="zip",
    ),
    path(
        "zertifikate/verwaltung/auftraege/<int:pk>/status/",
        views.auftrag_status,
        name="auftrag_status",
    ),
    path(
        "zertifikate/verwaltung/zertifikate/<int:pk>/widerrufen/",
        views.widerrufen,
        name="widerrufen",
    ),
    path(
        "zertifikate/verwaltung/zertifikate/<int:pk>/neu-ausstellen/",
        views.neu_ausstellen,
        name="neu_ausstellen",
    ),
]
