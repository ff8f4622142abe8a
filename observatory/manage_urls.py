"""The observatory in an event's back office, relative to /e/<slug>/ (dialogue_portal/urls.py)."""

from django.urls import path

from .views import manage

app_name = "observatory_manage"

M = "manage/observatory/"

urlpatterns = [
    path(M, manage.OverviewView.as_view(), name="overview"),
    path(M + "publish/", manage.PublishView.as_view(), name="publish"),
    path(M + "publish/<str:token>/", manage.PublishJobView.as_view(), name="publish_job"),
    path(M + "mapping/", manage.MappingView.as_view(), name="mapping"),
    path(M + "progress/", manage.ProgressView.as_view(), name="progress"),
    path(M + "entries/add/", manage.EntryFormView.as_view(), name="entry_add"),
    path(M + "entries/<int:entry_pk>/", manage.EntryFormView.as_view(), name="entry_edit"),
    path(M + "entries/<int:entry_pk>/delete/", manage.EntryDeleteView.as_view(), name="entry_delete"),
    path(
        M + "entries/<int:entry_pk>/commitments/add/",
        manage.CommitmentFormView.as_view(),
        name="commitment_add",
    ),
    path(
        M + "entries/<int:entry_pk>/commitments/<int:commitment_pk>/",
        manage.CommitmentFormView.as_view(),
        name="commitment_edit",
    ),
]
