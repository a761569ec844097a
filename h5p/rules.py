"""Object permissions of the H5P bridge (`user.has_perm("h5p.…", obj)`).

Who may load an activity embedded in a page is decided by the page's app (h5p/anbindung.py).
"""

import rules


@rules.predicate
def darf_pakete_sehen(user, paket=None) -> bool:
    # Editors and admins hold the model permission (given to their groups in apps.py).
    return user.has_perm("h5p.view_h5ppaket")


# The package preview in the Wagtail admin runs the package's JavaScript in our origin.
rules.add_perm("h5p.paket_vorschauen", rules.is_authenticated & darf_pakete_sehen)
