"""Permissions on certificates."""

import rules

from kern.rollen import ist_admin


@rules.predicate
def ist_eigenes_gueltiges_zertifikat(user, zertifikat) -> bool:
    return (
        zertifikat is not None
        and zertifikat.anmeldung.nutzer_id == user.pk
        and zertifikat.status == zertifikat.Status.GUELTIG
    )


# The holder downloads their valid certificate; admins any certificate.
rules.add_perm("zertifikate.herunterladen", ist_eigenes_gueltiges_zertifikat | ist_admin)
# Revoke, re-issue, bulk generation and the ZIP of a cohort: administrators only.
rules.add_perm("zertifikate.verwalten", ist_admin)
