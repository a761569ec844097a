"""The five roles of Lernkette: the one place that answers "may this user do X (to that object)".

Roles are Django groups (created by a data migration). Object rules are `rules` predicates
registered as Django permissions in each app's `rules.py`, so views ask
`user.has_perm("app.aktion", obj)`.
"""

from __future__ import annotations

import rules
from django.conf import settings

TEILNEHMENDE = "Teilnehmende"
TRAINER = "Trainer/innen"
FOERDERER = "Fördermittelgeber"
REDAKTION = "Redaktion"
ADMINISTRATION = "Administration"

ALLE_ROLLEN = (TEILNEHMENDE, TRAINER, FOERDERER, REDAKTION, ADMINISTRATION)
# Roles that see more than their own data; they need a second factor when MFA is mandatory.
MITARBEITENDE_ROLLEN = frozenset({TRAINER, FOERDERER, REDAKTION, ADMINISTRATION})


def rollen(user) -> frozenset[str]:
    """The user's role names, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_lernkette_rollen", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            cached |= {ADMINISTRATION}
        user._lernkette_rollen = cached
    return cached


def hat_rolle(user, *namen: str) -> bool:
    return bool(rollen(user) & set(namen))


def braucht_mfa(user) -> bool:
    return bool(settings.LERNKETTE_MFA_PFLICHT and rollen(user) & MITARBEITENDE_ROLLEN)


ist_teilnehmende = rules.predicate(lambda user: hat_rolle(user, TEILNEHMENDE), name="teilnehmende")
ist_trainer = rules.predicate(lambda user: hat_rolle(user, TRAINER), name="trainer")
ist_foerderer = rules.predicate(lambda user: hat_rolle(user, FOERDERER), name="foerderer")
ist_redaktion = rules.predicate(lambda user: hat_rolle(user, REDAKTION), name="redaktion")
ist_admin = rules.predicate(lambda user: hat_rolle(user, ADMINISTRATION), name="admin")


def berechtigungen_einrichten(group_model=None, permission_model=None) -> None:
    """Give the editorial roles access to the Wagtail admin (idempotent).

    Runs after every migrate: model permissions only exist once post_migrate has created them.
    """
    from django.contrib.auth.models import Group, Permission

    group_model = group_model or Group
    permission_model = permission_model or Permission
    zugang = permission_model.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if zugang is None:
        return
    for name in (REDAKTION, ADMINISTRATION):
        gruppe, _ = group_model.objects.get_or_create(name=name)
        gruppe.permissions.add(zugang)
    _seitenrechte_fuer_redaktion()


def _seitenrechte_fuer_redaktion() -> None:
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
    from wagtail.models.media import Collection

    root = Page.get_first_root_node()
    wurzel_sammlung = Collection.get_first_root_node()
    if root is None or wurzel_sammlung is None:
        return
    for name in (REDAKTION, ADMINISTRATION):
        gruppe = Group.objects.get(name=name)
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
            perm = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if perm:
                GroupPagePermission.objects.get_or_create(group=gruppe, page=root, permission=perm)
        for app_label, codename in (
            ("wagtailimages", "add_image"),
            ("wagtailimages", "change_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "change_document"),
            ("wagtaildocs", "choose_document"),
        ):
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm:
                GroupCollectionPermission.objects.get_or_create(
                    group=gruppe, collection=wurzel_sammlung, permission=perm
                )


def berechtigungen_einrichten_nach_migration(**kwargs) -> None:
    berechtigungen_einrichten()
