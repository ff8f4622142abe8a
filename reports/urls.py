"""The URLs of the findings area (records, takeaways, collation, evaluation) and of the outcome report,
relative to /e/<slug>/ (included once by dialogue_portal/urls.py).

Participants' pages first, then the back office under manage/.
"""

from django.urls import path

from .views import collation, evaluation, findings, outcome, takeaways

app_name = "reports"

F = "manage/findings/"
RECORD = F + "records/<int:record_pk>/"
C = "manage/collation/"
EV = "manage/evaluation/"
R = "manage/report/"

urlpatterns = [
    # participants
    path("takeaways/", takeaways.MyTakeawaysView.as_view(), name="takeaways"),
    path(
        "takeaways/<int:day_pk>/write/", takeaways.TakeawayWriteView.as_view(), name="findings_takeaway_write"
    ),
    path("evaluation/", evaluation.AnswerView.as_view(), name="evaluation_answer"),
    # back office: consolidation records
    path(F, findings.RecordListView.as_view(), name="findings_list"),
    path(
        F + "start/table/<int:table_pk>/<int:rotation>/",
        findings.StartTableRecordView.as_view(),
        name="findings_start_table",
    ),
    path(
        F + "start/group/<int:group_pk>/<int:part>/",
        findings.StartGroupRecordView.as_view(),
        name="findings_start_group",
    ),
    path(F + "start/item/<int:item_pk>/", findings.StartItemRecordView.as_view(), name="findings_start_item"),
    path(RECORD, findings.RecordDetailView.as_view(), name="findings_detail"),
    path(RECORD + "edit/", findings.RecordEditView.as_view(), name="findings_edit"),
    path(RECORD + "do/<slug:action>/", findings.RecordTransitionView.as_view(), name="findings_transition"),
    path(RECORD + "history/", findings.RecordHistoryView.as_view(), name="findings_history"),
    path(RECORD + "history/<int:version>/", findings.RecordVersionView.as_view(), name="findings_version"),
    path(
        RECORD + "history/<int:version>/restore/",
        findings.RecordRestoreView.as_view(),
        name="findings_restore",
    ),
    path(F + "template/", findings.TemplateSettingsView.as_view(), name="findings_template"),
    path(F + "template/<int:item_pk>/", findings.SectionsEditView.as_view(), name="findings_sections"),
    # back office: daily takeaways
    path(F + "takeaways/", takeaways.TakeawayListView.as_view(), name="findings_takeaways"),
    path(
        F + "takeaways/<int:day_pk>/authors/",
        takeaways.TakeawayAuthorsView.as_view(),
        name="findings_takeaway_authors",
    ),
    # back office: collation
    path(C, collation.SearchView.as_view(), name="collation_search"),
    path(C + "collect/", collation.CollectView.as_view(), name="collation_collect"),
    path(C + "themes/", collation.ThemeListView.as_view(), name="collation_themes"),
    path(C + "themes/new/", collation.ThemeFormView.as_view(), name="collation_theme_new"),
    path(C + "themes/<int:theme_pk>/", collation.ThemeDetailView.as_view(), name="collation_theme"),
    path(C + "themes/<int:theme_pk>/edit/", collation.ThemeFormView.as_view(), name="collation_theme_edit"),
    path(C + "themes/<int:theme_pk>/merge/", collation.MergeView.as_view(), name="collation_merge"),
    path(C + "findings/<int:collated_pk>/", collation.CollatedEditView.as_view(), name="collation_item"),
    path(C + "themes/<int:theme_pk>/write/", collation.CollatedWriteView.as_view(), name="collation_write"),
    path(C + "glance/", collation.GlanceView.as_view(), name="collation_glance"),
    # back office: evaluation
    path(EV, evaluation.ManageView.as_view(), name="evaluation_manage"),
    path(
        EV + "questions/<int:question_pk>/delete/",
        evaluation.DeleteQuestionView.as_view(),
        name="evaluation_question_delete",
    ),
    path(EV + "results/", evaluation.ResultsView.as_view(), name="evaluation_results"),
    path(EV + "results.csv", evaluation.ResultsCsvView.as_view(), name="evaluation_csv"),
    # back office: the outcome report
    path(R, outcome.ReportManageView.as_view(), name="report_manage"),
    path(R + "texts/<str:lang>/", outcome.ReportTextsView.as_view(), name="report_texts"),
    path(R + "cover/", outcome.ReportCoverView.as_view(), name="report_cover"),
    path(R + "sections/add/", outcome.ReportSectionAddView.as_view(), name="report_section_add"),
    path(
        R + "sections/<int:section_pk>/delete/",
        outcome.ReportSectionDeleteView.as_view(),
        name="report_section_delete",
    ),
    path(
        R + "sections/<int:section_pk>/move/",
        outcome.ReportSectionMoveView.as_view(),
        name="report_section_move",
    ),
    path(
        R + "sections/<int:section_pk>/include/",
        outcome.ReportSectionToggleView.as_view(),
        name="report_section_toggle",
    ),
    path(R + "preview/", outcome.ReportPreviewView.as_view(), name="report_preview"),
    path(R + "pdf/", outcome.ReportPdfView.as_view(), name="report_pdf"),
]
