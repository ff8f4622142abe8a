"""The event's own pages, relative to /e/<slug>/ (included once by dialogue_portal/urls.py).

Public pages first, then the back office under manage/ (names prefixed manage_).
"""

from django.urls import path

from .views import agenda, audit, documents, event, people

app_name = "events"

urlpatterns = [
    path("", event.EventHomeView.as_view(), name="event_home"),
    path("agenda/", agenda.AgendaView.as_view(), name="agenda"),
    path("agenda.ics", agenda.AgendaICalView.as_view(), name="agenda_ical"),
    path("programme.pdf", agenda.ProgrammePDFView.as_view(), name="programme_pdf"),
    path("agenda/<str:date>/", agenda.DayDetailView.as_view(), name="day_detail"),
    path("agenda/<str:date>/calendar.ics", agenda.DayICalView.as_view(), name="day_ical"),
    path("people/<slug:person_slug>/", people.PersonDetailView.as_view(), name="person_detail"),
    path("documents/<int:document_pk>/", documents.DocumentDownloadView.as_view(), name="document_download"),
    # Back office
    path("manage/", event.EventDashboardView.as_view(), name="manage_event"),
    path("manage/edit/", event.EventEditView.as_view(), name="manage_event_edit"),
    path("manage/preview/", agenda.PreviewView.as_view(), name="preview"),
    path("manage/days/", agenda.DayListView.as_view(), name="manage_days"),
    path("manage/days/add/", agenda.DayCreateView.as_view(), name="manage_day_add"),
    path("manage/days/<int:day_pk>/", agenda.DayEditView.as_view(), name="manage_day_edit"),
    path("manage/days/<int:day_pk>/delete/", agenda.DayDeleteView.as_view(), name="manage_day_delete"),
    path(
        "manage/days/<int:day_pk>/duplicate/", agenda.DayDuplicateView.as_view(), name="manage_day_duplicate"
    ),
    path("manage/agenda/", agenda.ItemListView.as_view(), name="manage_items"),
    path("manage/days/<int:day_pk>/items/add/", agenda.ItemCreateView.as_view(), name="manage_item_add"),
    path("manage/items/<int:item_pk>/", agenda.ItemEditView.as_view(), name="manage_item_edit"),
    path("manage/items/<int:item_pk>/delete/", agenda.ItemDeleteView.as_view(), name="manage_item_delete"),
    path("manage/items/<int:item_pk>/move/", agenda.ItemMoveView.as_view(), name="manage_item_move"),
    path("manage/people/", people.PersonListView.as_view(), name="manage_people"),
    path("manage/people/add/", people.PersonCreateView.as_view(), name="manage_person_add"),
    path("manage/people/<int:person_pk>/", people.PersonEditView.as_view(), name="manage_person_edit"),
    path(
        "manage/people/<int:person_pk>/delete/",
        people.PersonDeleteView.as_view(),
        name="manage_person_delete",
    ),
    path("manage/partners/", people.PartnerListView.as_view(), name="manage_partners"),
    path("manage/partners/add/", people.PartnerCreateView.as_view(), name="manage_partner_add"),
    path("manage/partners/<int:partner_pk>/", people.PartnerEditView.as_view(), name="manage_partner_edit"),
    path(
        "manage/partners/<int:partner_pk>/delete/",
        people.PartnerDeleteView.as_view(),
        name="manage_partner_delete",
    ),
    path("manage/documents/", documents.DocumentListView.as_view(), name="manage_documents"),
    path("manage/documents/add/", documents.DocumentCreateView.as_view(), name="manage_document_add"),
    path(
        "manage/documents/<int:document_pk>/",
        documents.DocumentEditView.as_view(),
        name="manage_document_edit",
    ),
    path(
        "manage/documents/<int:document_pk>/delete/",
        documents.DocumentDeleteView.as_view(),
        name="manage_document_delete",
    ),
    path("manage/roles/", people.RoleListView.as_view(), name="manage_roles"),
    path("manage/audit/", audit.AuditLogView.as_view(), name="manage_audit"),
    path("manage/roles/<int:role_pk>/revoke/", people.RoleRevokeView.as_view(), name="manage_role_revoke"),
]
