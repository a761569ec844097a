"""Open Badges URLs (included at the root: did:web needs /.well-known/did.json)."""

from django.urls import path

from . import views

app_name = "openbadges"

urlpatterns = [
    path(".well-known/did.json", views.did_json, name="did"),
    path("zertifikate/openbadges/status/<int:pk>", views.statusliste, name="statusliste"),
    path("zertifikate/openbadges/pruefen/", views.pruefen, name="pruefen"),
    path(
        "mein-lernen/zertifikate/<int:pk>/openbadge.json",
        views.herunterladen,
        name="herunterladen",
    ),
]
