"""axe-core in the page: inject the vendored script, run the WCAG 2.0/2.1 A and AA rules."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

AXE_JS = Path(settings.BASE_DIR) / "static" / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_pruefen(page) -> list[dict]:
    """The violations axe-core finds in the page as it is now (an empty list is the goal)."""
    assert AXE_JS.exists(), f"{AXE_JS} fehlt: scripts/vendor_frontend.sh ausführen."
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as a <script> tag: the site's strict CSP
        # (script-src 'self', no inline scripts) would block an injected tag, and rightly so.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    ergebnis = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    return ergebnis["violations"]


def verstoesse_lesbar(verstoesse: list[dict], *, seite: str) -> str:
    """One block per rule: what is wrong, where (CSS selector, HTML) and how to fix it."""
    zeilen = [f"{seite}: {len(verstoesse)} Regel(n) verletzt"]
    for v in verstoesse:
        zeilen.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for knoten in v["nodes"][:5]:
            ziel = " ".join(str(t) for t in knoten["target"])
            zeilen.append(f"    - {ziel}")
            zeilen.append(f"      {knoten['html'][:160]}")
            for hinweis in knoten.get("failureSummary", "").splitlines()[1:3]:
                zeilen.append(f"      {hinweis.strip()}")
        if len(v["nodes"]) > 5:
            zeilen.append(f"    … und {len(v['nodes']) - 5} weitere Stellen")
    return "\n".join(zeilen)


def ohne_verstoesse(page, *, seite: str = "") -> None:
    """Assert zero violations on the current page; the message lists each one readably."""
    verstoesse = axe_pruefen(page)
    assert not verstoesse, verstoesse_lesbar(verstoesse, seite=seite or page.url)
