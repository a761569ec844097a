"""Permissions of the ESF exit record and the completeness overview."""

import rules

from kern.rollen import ist_admin, ist_trainer


@rules.predicate
def ist_trainer_des_durchgangs(user, durchgang) -> bool:
    from kurse.selectors import ist_trainer_des_durchgangs as pruefen

    return durchgang is not None and pruefen(nutzer=user, durchgang=durchgang)


@rules.predicate
def ist_eigene_anmeldung(user, anmeldung) -> bool:
    return anmeldung is not None and anmeldung.nutzer_id == user.pk


# The exit questionnaire: only the person of the enrolment. A rule, not a permission, so that
# superusers are refused too (has_perm grants them everything): the answers are her own.
rules.add_rule("esf.austritt_ausfuellen", ist_eigene_anmeldung)
# Which exit records of a cohort are missing, and "not obtainable": its trainers and admins.
rules.add_perm("esf.austritte_verwalten", ist_admin | (ist_trainer & ist_trainer_des_durchgangs))
# Completeness of entry, exit and follow-up with names: administration only.
rules.add_perm("esf.vollstaendigkeit", ist_admin)
