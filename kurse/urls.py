from django.urls import path

from . import views

app_name = "kurse"

urlpatterns = [
    # Learner area: everything under /mein-lernen/ (enrolment: teilnehmende/urls.py).
    path("mein-lernen/", views.mein_lernen, name="mein_lernen"),
    path(
        "mein-lernen/lektionen/<int:pk>/erledigt/",
        views.lektion_erledigt,
        name="lektion_erledigt",
    ),
    # Trainer area: everything under /trainer/.
    path("trainer/", views.TrainerStartView.as_view(), name="trainer_start"),
    path(
        "trainer/durchgaenge/<int:pk>/",
        views.TrainerDurchgangView.as_view(),
        name="trainer_durchgang",
    ),
]
