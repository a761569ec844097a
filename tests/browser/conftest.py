"""Browser tests: Playwright drives Debian's Chromium against one live server with demo content.

One browser per session (pytest-playwright), one live server per session (pytest-django). Every
test starts from the demo content: the live server needs a transactional database, which is
emptied after each test, so the demo is created again (serialized rollback restores what the
migrations loaded, e.g. the Wagtail root page and the districts).
"""

from __future__ import annotations

import os
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.test import Client
from playwright.sync_api import expect

from kern.demo import DEMO_DOMAIN, demo_passwort

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTEFAKTE = Path(settings.BASE_DIR) / "test-artifacts"
WARTEZEIT_MS = 5000
expect.set_options(timeout=WARTEZEIT_MS)


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    grund = pytest.mark.skip(
        reason=f"{CHROMIUM} fehlt: Browser-Tests übersprungen (apt-get install chromium)."
    )
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(grund)


@pytest.fixture(scope="session", autouse=True)
def _alte_fehlerbilder_entfernen():
    shutil.rmtree(ARTEFAKTE / "fehler", ignore_errors=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # `playwright install` cannot download here; Debian's Chromium is the browser.
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session", autouse=True)
def _orm_neben_playwright():
    """Playwright's sync API keeps an event loop running in the main thread; Django refuses ORM
    calls there unless told that this is safe (it is: the test code itself is synchronous)."""
    vorher = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if vorher is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = vorher


@pytest.fixture(scope="session")
def _serialisierte_datenbank(django_db_setup):
    """What pytest-django serialised after the migrations (restored before each test)."""
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(scope="session")
def playwright(_serialisierte_datenbank, playwright):
    """Playwright's sync API marks the main thread's event loop as running; from then on Django
    (asgiref's Local) keeps database connections in a separate storage. The new connections get
    the serialised migration data, and are closed before Playwright stops."""
    for alias, inhalt in _serialisierte_datenbank.items():
        connections[alias]._test_serialized_contents = inhalt
    yield playwright
    connections.close_all()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Our users browse in German; Chromium would otherwise ask for English (LocaleMiddleware).
    return {**browser_context_args, "locale": "de-DE"}


@pytest.fixture
def new_context(new_context):
    """Contexts fail fast: a page of ours answers in milliseconds, not Playwright's 30 s."""

    def _neuer_kontext(**optionen):
        kontext = new_context(**optionen)
        kontext.set_default_timeout(WARTEZEIT_MS)
        return kontext

    return _neuer_kontext


@pytest.fixture(scope="session")
def base_url(live_server):
    """pytest-playwright passes this to every browser context, so `page.goto("/")` works."""
    return live_server.url


@pytest.fixture(autouse=True)
def demo(django_db_serialized_rollback, live_server):
    """Every browser test starts on the demo site (`demo_anlegen`)."""
    call_command("demo_anlegen", stdout=StringIO())
    # What the demo sent while it was built (enrolments, reviews) is no journey's mail.
    mail.outbox.clear()
    return live_server


@pytest.fixture
def anmelden_in(live_server):
    """Log a demo account into a browser context by session cookie (the login form itself is
    tested in the journeys): `anmelden_in(kontext, "trainerin")`."""

    def _anmelden(kontext, lokal: str) -> None:
        client = Client()
        assert client.login(username=f"{lokal}@{DEMO_DOMAIN}", password=demo_passwort())
        sitzung = client.cookies[settings.SESSION_COOKIE_NAME].value
        kontext.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": sitzung, "url": live_server.url}]
        )

    return _anmelden


def waagerechter_ueberstand(page) -> int:
    """CSS pixels the page is wider than the viewport (WCAG 1.4.10 Reflow: 0 is the goal)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


#: Elements that stick out of the viewport (unless an ancestor clips them) or scroll sideways
#: inside the page (a wide table in an overflow container): at most a few per page, outermost first.
#: The one exception is WCAG 1.4.10's own: a table of figures (two-dimensional, `zahlentabelle`)
#: in a keyboard-reachable, named scroll region (`role="region" tabindex="0"`).
_UEBERSTEHENDE_ELEMENTE_JS = """() => {
    const zahlentabelle = (el) => el.matches("[role=region][tabindex='0']")
        && el.querySelector(":scope > table.zahlentabelle") !== null;
    const breite = document.documentElement.clientWidth;
    const befunde = [];
    const gemeldet = new Set();
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + [...el.classList].map((k) => "." + k).join("");
    const beschnitten = (el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== "visible") return true;
        }
        return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
        if (befunde.length >= 8) break;
        if ([...gemeldet].some((g) => g.contains(el))) continue;
        const stil = getComputedStyle(el);
        if (stil.display === "none" || stil.visibility === "hidden") continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (["auto", "scroll"].includes(stil.overflowX) && el.scrollWidth > el.clientWidth + 1) {
            if (zahlentabelle(el)) continue;
            const breiten = `${el.scrollWidth} > ${el.clientWidth} px`;
            befunde.push(`${name(el)} scrollt seitwärts (${breiten})`);
            gemeldet.add(el);
        } else if ((r.right > breite + 1 || r.left < -1) && !beschnitten(el)) {
            const lage = `${Math.round(r.left)}…${Math.round(r.right)} px`;
            befunde.push(`${name(el)} ragt heraus (${lage})`);
            gemeldet.add(el);
        }
    }
    return befunde;
}"""


def ueberstehende_elemente(page) -> list[str]:
    """Why a reader would scroll sideways: the page itself is wider than the viewport, an element
    sticks out of it, or a container scrolls sideways inside the page. Empty is the goal."""
    befunde = []
    if (ueberstand := waagerechter_ueberstand(page)) > 0:
        befunde.append(f"Seite {ueberstand} px zu breit")
    return befunde + page.evaluate(_UEBERSTEHENDE_ELEMENTE_JS)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    bericht = yield
    if bericht.failed and bericht.when == "call" and "browser" in item.funcargs:
        pfade = _bildschirmfotos_sichern(item.funcargs["browser"], item.nodeid)
        bericht.sections.append(("Bildschirmfotos", "\n".join(pfade)))
    return bericht


def _bildschirmfotos_sichern(browser, nodeid: str) -> list[str]:
    """A failing browser test leaves a full-page screenshot of every page still open."""
    name = re.sub(r"[^\w.-]+", "_", nodeid.split("tests/browser/")[-1])
    ziel = ARTEFAKTE / "fehler"
    ziel.mkdir(parents=True, exist_ok=True)
    pfade = []
    for k, kontext in enumerate(browser.contexts):
        for s, seite in enumerate(kontext.pages):
            pfad = ziel / f"{name}-{k}-{s}.png"
            try:
                seite.screenshot(path=str(pfad), full_page=True)
            except Exception as fehler:  # the test's own failure matters more than this one
                pfade.append(f"{pfad}: {fehler}")
            else:
                pfade.append(str(pfad))
    return pfade
