from .rollen import ADMINISTRATION, FOERDERER, REDAKTION, TEILNEHMENDE, TRAINER, rollen


def navigation(request) -> dict:
    """Which areas the main navigation offers; the views check permissions themselves."""
    meine = rollen(getattr(request, "user", None))
    return {
        "nav": {
            "lernen": not meine or TEILNEHMENDE in meine,
            "trainer": bool(meine & {TRAINER, ADMINISTRATION}),
            "berichte": bool(meine & {FOERDERER, ADMINISTRATION}),
            "redaktion": bool(meine & {REDAKTION, ADMINISTRATION}),
            "zertifikate": ADMINISTRATION in meine,
        }
    }
