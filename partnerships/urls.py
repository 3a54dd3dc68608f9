from django.urls import path

from partnerships import feeds, views
from partnerships.views import interests as registers

app_name = "partnerships"

urlpatterns = [
    path("boards/<slug:slug>/", views.board_detail, name="board"),
    path("boards/<slug:slug>/interests/", registers.board_register, name="board_register"),
    path(
        "boards/<slug:slug>/<slug:which>.csv",
        registers.board_register_csv,
        name="board_register_csv",
    ),
    path(
        "boards/<slug:slug>/<slug:which>.json",
        registers.board_register_json,
        name="board_register_json",
    ),
    path("boards/<slug:slug>/calendar.ics", views.board_calendar, name="board_calendar"),
    path("boards/<slug:slug>/feed.rss", feeds.BoardChanges(), name="board_feed"),
    path("boards/<slug:slug>/feed.atom", feeds.BoardChangesAtom(), name="board_atom"),
    path("systems/<slug:slug>/calendar.ics", views.system_calendar, name="system_calendar"),
    path("systems/<slug:slug>/feed.rss", feeds.SystemChanges(), name="system_feed"),
    path("systems/<slug:slug>/feed.atom", feeds.SystemChangesAtom(), name="system_atom"),
    path("bodies/", views.body_index, name="bodies"),
    path("people/", views.people_index, name="people"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("organisations/", views.organisation_index, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting"),
    path("papers/<int:pk>/file/", views.paper_file, name="paper-file"),
    path(
        "boards/<slug:slug>/decisions/",
        views.decision_register,
        {"scope": "board"},
        name="board_decisions",
    ),
    path(
        "systems/<slug:slug>/decisions/",
        views.decision_register,
        {"scope": "system"},
        name="system_decisions",
    ),
]
