"""Trainer review of final presentations, included at /trainer/begutachtungen/."""

from django.urls import path

from . import views_praesentation as views

app_name = "begutachtung"

urlpatterns = [
    path("", views.begutachtungen, name="liste"),
    path("<int:pk>/", views.begutachtung, name="begutachtung"),
    path("<int:pk>/beginnen/", views.beginnen, name="beginnen"),
    path("versionen/<int:pk>/datei/", views.version_datei, name="version_datei"),
]
