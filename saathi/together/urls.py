"""The pages of training together; included at the site's root (config/urls.py), since
they sit under outings/, tags/, suggestions/, people/ and one activity's address."""

from django.urls import path

from saathi.together import views

app_name = "together"

urlpatterns = [
    path("outings/<int:pk>/", views.outing, name="outing"),
    path("activities/<int:pk>/tags/", views.tag_people, name="tag_people"),
    path("tags/<int:pk>/", views.tag, name="tag"),
    path("tags/<int:pk>/accept/", views.accept_tag, name="accept_tag"),
    path("tags/<int:pk>/decline/", views.decline_tag, name="decline_tag"),
    path("suggestions/<int:pk>/", views.suggestion, name="suggestion"),
    path("suggestions/<int:pk>/answer/", views.answer_suggestion, name="answer_suggestion"),
    path("people/<str:handle>/together/", views.together_page, name="together"),
]
