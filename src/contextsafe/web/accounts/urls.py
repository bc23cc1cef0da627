from django.urls import path

from contextsafe.web.accounts import admin_views, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-in/code/", views.code, name="code"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("purpose/", views.purpose, name="purpose"),
    path("admin/", admin_views.index, name="admin"),
    path("admin/organisations/new/", admin_views.new_organisation, name="admin-new-organisation"),
    path("admin/users/new/", admin_views.new_user, name="admin-new-user"),
    path("admin/users/<int:pk>/", admin_views.user_detail, name="admin-user"),
    path("admin/users/<int:pk>/lock/", admin_views.lock, name="admin-lock"),
    path("admin/users/<int:pk>/unlock/", admin_views.unlock, name="admin-unlock"),
    path("admin/users/<int:pk>/reset-totp/", admin_views.reset_totp, name="admin-reset-totp"),
    path("admin/users/<int:pk>/role/", admin_views.change_role, name="admin-role"),
]
