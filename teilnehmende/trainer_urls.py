"""Attendance URLs of the trainer area, included below /trainer/ by config/urls.py."""

from django.urls import path

from . import views

app_name = "anwesenheit"

urlpatterns = [
    path("termine/<int:pk>/anwesenheit/", views.anwesenheit_erfassen, name="erfassen"),
    path("termine/<int:pk>/alle-anwesend/", views.alle_anwesend_markieren, name="alle_anwesend"),
    path("termine/<int:pk>/teilnahmeliste.pdf", views.teilnahmeliste, name="teilnahmeliste"),
]
