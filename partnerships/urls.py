from django.urls import path

from partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("boards/<slug:slug>/", views.board_detail, name="board"),
    path("boards/<slug:slug>/calendar.ics", views.board_calendar, name="board_calendar"),
    path("systems/<slug:slug>/calendar.ics", views.system_calendar, name="system_calendar"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting"),
]
