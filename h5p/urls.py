from django.urls import path

from . import views

app_name = "h5p"

# Everything of the H5P bridge lives below /h5p/ (see config/urls.py).
urlpatterns = [
    path(
        "seiten/<int:seite_id>/pakete/<int:paket_id>/inhalt/<path:pfad>",
        views.inhalt,
        name="inhalt",
    ),
    path("seiten/<int:seite_id>/pakete/<int:paket_id>/xapi/", views.xapi, name="xapi"),
    path(
        "seiten/<int:seite_id>/pakete/<int:paket_id>/zwischenstand/<str:datentyp>/<str:unterinhalt>/",
        views.zwischenstand,
        name="zwischenstand",
    ),
    path("vorschau/<int:paket_id>/inhalt/<path:pfad>", views.vorschau_inhalt, name="vorschau"),
]
