from django.urls import path

from . import views

app_name = "berichte"

urlpatterns = [
    path("", views.BerichteStartView.as_view(), name="start"),
    path("export.csv", views.ExportCsvView.as_view(), name="export_csv"),
    path("export.xlsx", views.ExportXlsxView.as_view(), name="export_xlsx"),
    path("einzeldaten.csv", views.EinzeldatenExportView.as_view(), name="einzeldaten_csv"),
]
