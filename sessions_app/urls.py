from django.urls import path

from .views import allocation, facilitating, groups, participant, registration, tables

app_name = "sessions_app"

E = "e/<slug:slug>/"
M = E + "tables/manage/<int:session_id>/"
urlpatterns = [
    # participants
    path(E + "register/", registration.RegisterView.as_view(), name="register"),
    path(E + "register/cancel/", registration.CancelRegistrationView.as_view(), name="register_cancel"),
    path(E + "my-tables/", participant.MyTablesView.as_view(), name="my_tables"),
    path(E + "my-tables.ics", participant.MyTablesICalView.as_view(), name="my_tables_ical"),
    path(E + "my-tables/<str:token>.ics", participant.MyTablesFeedView.as_view(), name="my_tables_feed"),
    path(E + "tables/<int:session_id>/rank/", participant.RankingView.as_view(), name="ranking"),
    path(E + "tables/<int:session_id>/switch/", participant.SwitchView.as_view(), name="switch"),
    path(E + "directory/", participant.DirectoryView.as_view(), name="directory"),
    path(
        E + "materials/<int:material_id>/",
        participant.MaterialDownloadView.as_view(),
        name="material_download",
    ),
    # facilitators
    path(E + "tables/facilitating/", facilitating.FacilitatingView.as_view(), name="facilitating"),
    path(E + "tables/roster/<int:table_id>/", facilitating.TableRosterView.as_view(), name="table_roster"),
    # organisers: registrations
    path(E + "registrations/", registration.RegistrationListView.as_view(), name="registrations"),
    path(
        E + "registrations/export.<str:fmt>",
        registration.RegistrationExportView.as_view(),
        name="registrations_export",
    ),
    path(
        E + "registrations/<int:pk>/<str:action>/",
        registration.RegistrationDecisionView.as_view(),
        name="registration_decide",
    ),
    # organisers: table sessions
    path(E + "tables/manage/", tables.SessionListView.as_view(), name="sessions"),
    path(E + "tables/manage/new/", tables.SessionCreateView.as_view(), name="session_create"),
    path(M, tables.SessionDetailView.as_view(), name="session_detail"),
    path(M + "rotations/", tables.RotationCountView.as_view(), name="rotation_count"),
    path(M + "tables/new/", tables.TableFormView.as_view(), name="table_create"),
    path(M + "tables/<int:table_id>/", tables.TableFormView.as_view(), name="table_edit"),
    path(M + "tables/<int:table_id>/materials/", tables.MaterialsView.as_view(), name="materials"),
    path(
        M + "materials/<int:material_id>/delete/", tables.MaterialDeleteView.as_view(), name="material_delete"
    ),
    path(M + "allocation/", allocation.AllocationView.as_view(), name="allocation"),
    path(M + "allocation/run/", allocation.AllocateView.as_view(), name="allocate"),
    path(M + "allocation/move/", allocation.MoveView.as_view(), name="move"),
    path(M + "allocation/publish/", allocation.PublishView.as_view(), name="publish"),
    path(M + "rosters.<str:fmt>", allocation.RosterExportView.as_view(), name="rosters_export"),
    # organisers: breakout groups
    path(E + "groups/manage/", groups.GroupListView.as_view(), name="groups"),
    path(E + "groups/manage/<int:item_id>/new/", groups.GroupFormView.as_view(), name="group_create"),
    path(E + "groups/manage/<int:item_id>/place/", groups.PlaceGroupsView.as_view(), name="groups_place"),
    path(
        E + "groups/manage/<int:item_id>/<int:group_id>/", groups.GroupFormView.as_view(), name="group_edit"
    ),
    path(
        E + "groups/manage/<int:item_id>/<int:group_id>/delete/",
        groups.GroupDeleteView.as_view(),
        name="group_delete",
    ),
    path(
        E + "groups/manage/<int:item_id>/<int:group_id>/roster/",
        groups.GroupRosterView.as_view(),
        name="group_roster",
    ),
]
