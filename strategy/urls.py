from django.urls import path

from strategy import views

app_name = "strategy"

urlpatterns = [
    path("strategies/<slug:slug>/", views.strategy_detail, name="strategy"),
    path("glossary/", views.glossary, name="glossary"),
]
