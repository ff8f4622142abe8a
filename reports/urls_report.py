from django.urls import path

from . import views_report as views

urlpatterns = [
    path("e/<slug:slug>/report/", views.ReportManageView.as_view(), name="report_manage"),
    path("e/<slug:slug>/report/texts/<str:lang>/", views.ReportTextsView.as_view(), name="report_texts"),
    path(
        "e/<slug:slug>/report/sections/<int:pk>/move/",
        views.ReportSectionMoveView.as_view(),
        name="report_section_move",
    ),
    path(
        "e/<slug:slug>/report/sections/<int:pk>/include/",
        views.ReportSectionToggleView.as_view(),
        name="report_section_toggle",
    ),
    path("e/<slug:slug>/report/preview/", views.ReportPreviewView.as_view(), name="report_preview"),
    path("e/<slug:slug>/report/pdf/", views.ReportPdfView.as_view(), name="report_pdf"),
]
