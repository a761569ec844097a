"""Model permissions the editorial roles need for the library's snippets (runs after migrate)."""

from __future__ import annotations

from kern.rollen import ADMINISTRATION, REDAKTION

# Editors manage municipalities; districts and the BRIEF §4 taxonomy are read-mostly for them.
RECHTE = {
    REDAKTION: [
        ("cms", "add_kommune"),
        ("cms", "change_kommune"),
        ("cms", "delete_kommune"),
        ("cms", "view_kommune"),
        ("cms", "view_phase"),
        ("cms", "view_handlungsfeld"),
        ("kern", "view_kreis"),
    ],
}
RECHTE[ADMINISTRATION] = RECHTE[REDAKTION]


def redaktionsrechte_einrichten(**kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    for gruppenname, rechte in RECHTE.items():
        gruppe = Group.objects.filter(name=gruppenname).first()
        if gruppe is None:
            continue
        for app_label, codename in rechte:
            recht = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if recht is not None:
                gruppe.permissions.add(recht)
