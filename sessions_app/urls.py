"""The URLs of the tables area (registration, table sessions, allocation, breakout groups), relative to
/e/<slug>/ (included once by dialogue_portal/urls.py).

Participants' pages first, then the back office under manage/ (facilitators' pages included).
"""

from django.urls import path

from .views import allocation, checkin, facilitating, groups, outbox, participant, registration, tables

app_name = "sessions_app"

REG = "manage/registrations/"
T = "manage/tables/"
S = T + "<int:table_session_pk>/"
G = "manage/groups/<int:item_pk>/"
FAC = "manage/facilitating/"

urlpatterns = [
    # participants
    path("register/", registration.RegisterView.as_view(), name="register"),
    path("register/cancel/", registration.CancelRegistrationView.as_view(), name="register_cancel"),
    path("my-tables/", participant.MyTablesView.as_view(), name="my_tables"),
    path("my-tables.ics", participant.MyTablesICalView.as_view(), name="my_tables_ical"),
    path("my-agenda.ics", participant.MyAgendaICalView.as_view(), name="my_agenda_ical"),
    path("my-agenda/<str:token>.ics", participant.MyAgendaFeedView.as_view(), name="my_agenda_feed"),
    path("my-tables/<str:token>.ics", participant.MyTablesFeedView.as_view(), name="my_tables_feed"),
    path("tables/<int:table_session_pk>/rank/", participant.RankingView.as_view(), name="ranking"),
    path("tables/<int:table_session_pk>/switch/", participant.SwitchView.as_view(), name="switch"),
    path("directory/", participant.DirectoryView.as_view(), name="directory"),
    path("my-badge.pdf", checkin.MyBadgeView.as_view(), name="my_badge"),
    path(
        "materials/<int:material_pk>/", participant.MaterialDownloadView.as_view(), name="material_download"
    ),
    # back office: facilitators
    path(FAC, facilitating.FacilitatingView.as_view(), name="facilitating"),
    path(FAC + "tables/<int:table_pk>/roster/", facilitating.TableRosterView.as_view(), name="table_roster"),
    # back office: registrations
    path(REG, registration.RegistrationListView.as_view(), name="registrations"),
    path(
        REG + "export.<str:fmt>", registration.RegistrationExportView.as_view(), name="registrations_export"
    ),
    path(REG + "bulk/", registration.BulkDecisionView.as_view(), name="registrations_bulk"),
    path(
        REG + "<int:registration_pk>/<str:action>/",
        registration.RegistrationDecisionView.as_view(),
        name="registration_decide",
    ),
    # back office: the outbox and messages to registrants
    path("manage/outbox/", outbox.OutboxView.as_view(), name="outbox"),
    path("manage/outbox/write/", outbox.MessageComposeView.as_view(), name="message_compose"),
    # back office: check-in at the venue
    path("manage/checkin/", checkin.CheckInView.as_view(), name="checkin"),
    path("manage/checkin/attendance/", checkin.AttendanceView.as_view(), name="attendance"),
    path(
        "manage/checkin/attendance/counts.json",
        checkin.AttendanceCountsView.as_view(),
        name="attendance_counts",
    ),
    path("manage/checkin/badges.pdf", checkin.BadgesView.as_view(), name="badges"),
    path("manage/checkin/badges/<int:registration_pk>.pdf", checkin.BadgeView.as_view(), name="badge"),
    # back office: table sessions
    path(T, tables.SessionListView.as_view(), name="sessions"),
    path(T + "new/", tables.SessionCreateView.as_view(), name="session_create"),
    path(S, tables.SessionDetailView.as_view(), name="session_detail"),
    path(S + "rotations/", tables.RotationCountView.as_view(), name="rotation_count"),
    path(S + "rotations/times/", tables.RotationTimesView.as_view(), name="rotation_times"),
    path(S + "tables/new/", tables.TableFormView.as_view(), name="table_create"),
    path(S + "tables/<int:table_pk>/", tables.TableFormView.as_view(), name="table_edit"),
    path(S + "tables/<int:table_pk>/materials/", tables.MaterialsView.as_view(), name="materials"),
    path(
        S + "materials/<int:material_pk>/delete/", tables.MaterialDeleteView.as_view(), name="material_delete"
    ),
    path(S + "allocation/", allocation.AllocationView.as_view(), name="allocation"),
    path(S + "allocation/run/", allocation.AllocateView.as_view(), name="allocate"),
    path(S + "allocation/move/", allocation.MoveView.as_view(), name="move"),
    path(S + "allocation/publish/", allocation.PublishView.as_view(), name="publish"),
    path(S + "allocation/send/", allocation.ResendView.as_view(), name="allocation_resend"),
    path(S + "allocation/jobs/<uuid:token>/", allocation.AllocationJobView.as_view(), name="allocation_job"),
    path(S + "rosters.<str:fmt>", allocation.RosterExportView.as_view(), name="rosters_export"),
    # back office: breakout groups
    path("manage/groups/", groups.GroupListView.as_view(), name="groups"),
    path(G + "new/", groups.GroupFormView.as_view(), name="group_create"),
    path(G + "place/", groups.PlaceGroupsView.as_view(), name="groups_place"),
    path(G + "<int:group_pk>/", groups.GroupFormView.as_view(), name="group_edit"),
    path(G + "<int:group_pk>/delete/", groups.GroupDeleteView.as_view(), name="group_delete"),
    path(G + "<int:group_pk>/roster/", groups.GroupRosterView.as_view(), name="group_roster"),
]
