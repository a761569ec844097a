"""Object permissions of enrolments."""

import rules

from kern.rollen import ist_admin, ist_teilnehmende, ist_trainer


@rules.predicate
def ist_eigene_anmeldung(user, anmeldung) -> bool:
    return anmeldung is not None and anmeldung.nutzer_id == user.pk


rules.add_perm("teilnehmende.anmelden", ist_teilnehmende)
rules.add_perm("teilnehmende.anmeldung_stornieren", ist_eigene_anmeldung | ist_admin)


@rules.predicate
def ist_trainer_des_termins(user, termin) -> bool:
    from kurse.selectors import ist_trainer_des_durchgangs

    return ist_trainer_des_durchgangs(nutzer=user, durchgang=termin.durchgang)


# Attendance and the sign-in sheet of a session: the cohort's trainers and administrators.
rules.add_perm(
    "teilnehmende.anwesenheit_erfassen", ist_admin | (ist_trainer & ist_trainer_des_termins)
)
# A participant's own attendance overview.
rules.add_perm("teilnehmende.anwesenheit_ansehen", ist_eigene_anmeldung)
