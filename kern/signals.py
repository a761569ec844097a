"""Role changes (group membership, superuser flag) go to the audit log, however they happen."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver

from .protokoll import protokollieren

Nutzer = get_user_model()


@receiver(m2m_changed, sender=Nutzer.groups.through)
def gruppen_geaendert(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    namen = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
    schluessel = "hinzugefuegt" if action == "post_add" else "entfernt"
    if reverse:  # group.user_set.add(...): instance is the group, pk_set the users
        for nutzer in Nutzer.objects.filter(pk__in=pk_set):
            protokollieren(
                aktion="rolle_geaendert", betroffen=nutzer, details={schluessel: [instance.name]}
            )
        return
    protokollieren(aktion="rolle_geaendert", betroffen=instance, details={schluessel: namen})


@receiver(pre_save, sender=Nutzer)
def superuser_geaendert(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"is_superuser", "is_staff"} & set(update_fields):
        return  # e.g. last_login on every login
    vorher = Nutzer.objects.filter(pk=instance.pk).values("is_superuser", "is_staff").first()
    if vorher is None:
        return
    geaendert = {
        feld: [vorher[feld], getattr(instance, feld)]
        for feld in ("is_superuser", "is_staff")
        if vorher[feld] != getattr(instance, feld)
    }
    if geaendert:
        protokollieren(aktion="rolle_geaendert", betroffen=instance, details=geaendert)
