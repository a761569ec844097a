from django.urls import path

from . import views

app_name = "berichte"

urlpatterns = [
    path("", views.BerichteStartView.as_view(), name="start"),
]
