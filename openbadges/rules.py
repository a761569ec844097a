"""Permissions on Open Badges credentials."""

import rules

from zertifikate.rules import ist_eigenes_gueltiges_zertifikat

# Only the holder takes the credential into a wallet: it carries their (hashed) e-mail address.
rules.add_perm("openbadges.herunterladen", ist_eigenes_gueltiges_zertifikat)
