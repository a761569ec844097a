"""Permissions on Open Badges credentials."""

import rules

from zertifikate.rules import ist_eigenes_gueltiges_zertifikat

# Only the holder takes the credential into a wallet: it carries their (hashed) e-mail address.
# A rule, not a permission: superusers pass every `has_perm`, and this one is for the holder only.
rules.add_rule("openbadges.herunterladen", ist_eigenes_gueltiges_zertifikat)
