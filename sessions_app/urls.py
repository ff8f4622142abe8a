from django.urls import path

from .views import organiser as o
from .views import participant as p

app_name = "sessions_app"

E = "e/<slug:slug>/"
M = E + "tables/manage/<int:session_id>/"
urlpatterns = [
    # participants
    path(E + "register/", p.RegisterView.as_view(), name="register"),
    path(E + "register/cancel/", p.CancelRegistrationView.as_view(), name="register_cancel"),
    path(E + "my-tables/", p.MyTablesView.as_view(), name="my_tables"),
    path(E + "my-tables.ics", p.MyTablesICalView.as_view(), name="my_tables_ical"),
    path(E + "my-tables/<str:token>.ics", p.MyTablesFeedView.as_view(), name="my_tables_feed"),
    path(E + "tables/<int:session_id>/rank/", p.RankingView.as_view(), name="ranking"),
    path(E + "tables/<int:session_id>/switch/", p.SwitchView.as_view(), name="switch"),
    path(E + "directory/", p.DirectoryView.as_view(), name="directory"),
    path(E + "materials/<int:material_id>/", p.MaterialDownloadView.as_view(), name="material_download"),
    # facilitators
    path(E + "tables/facilitating/", o.FacilitatingView.as_view(), name="facilitating"),
    path(E + "tables/roster/<int:table_id>/", o.TableRosterView.as_view(), name="table_roster"),
    # organisers: registrations
    path(E + "registrations/", o.RegistrationListView.as_view(), name="registrations"),
    path(
        E + "registrations/export.<str:fmt>", o.RegistrationExportView.as_view(), name="registrations_export"
    ),
    path(
        E + "registrations/<int:pk>/<str:action>/",
        o.RegistrationDecisionView.as_view(),
        name="registration_decide",
    ),
    # organisers: table sessions
    path(E + "tables/manage/", o.SessionListView.as_view(), name="sessions"),
    path(E + "tables/manage/new/", o.SessionCreateView.as_view(), name="session_create"),
    path(M, o.SessionDetailView.as_view(), name="session_detail"),
    path(M + "rotations/", o.RotationCountView.as_view(), name="rotation_count"),
    path(M + "tables/new/", o.TableFormView.as_view(), name="table_create"),
    path(M + "tables/<int:table_id>/", o.TableFormView.as_view(), name="table_edit"),
    path(M + "tables/<int:table_id>/materials/", o.MaterialsView.as_view(), name="materials"),
    path(M + "materials/<int:material_id>/delete/", o.MaterialDeleteView.as_view(), name="material_delete"),
    path(M + "allocation/", o.AllocationView.as_view(), name="allocation"),
    path(M + "allocation/run/", o.AllocateView.as_view(), name="allocate"),
    path(M + "allocation/move/", o.MoveView.as_view(), name="move"),
    path(M + "allocation/publish/", o.PublishView.as_view(), name="publish"),
    path(M + "rosters.<str:fmt>", o.RosterExportView.as_view(), name="rosters_export"),
    # organisers: breakout groups
    path(E + "groups/manage/", o.GroupListView.as_view(), name="groups"),
    path(E + "groups/manage/<int:item_id>/new/", o.GroupFormView.as_view(), name="group_create"),
    path(E + "groups/manage/<int:item_id>/place/", o.PlaceGroupsView.as_view(), name="groups_place"),
    path(E + "groups/manage/<int:item_id>/<int:group_id>/", o.GroupFormView.as_view(), name="group_edit"),
    path(
        E + "groups/manage/<int:item_id>/<int:group_id>/delete/",
        o.GroupDeleteView.as_view(),
        name="group_delete",
    ),
    path(
        E + "groups/manage/<int:item_id>/<int:group_id>/roster/",
        o.GroupRosterView.as_view(),
        name="group_roster",
    ),
]
