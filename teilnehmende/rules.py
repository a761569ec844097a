"""Object permissions of enrolments."""

import rules

from kern.rollen import ist_admin, ist_teilnehmende


@rules.predicate
def ist_eigene_anmeldung(user, anmeldung) -> bool:
    return anmeldung is not None and anmeldung.nutzer_id == user.pk


rules.add_perm("teilnehmende.anmelden", ist_teilnehmende)
rules.add_perm("teilnehmende.anmeldung_stornieren", ist_eigene_anmeldung | ist_admin)
