"""Validation and extraction of H5P packages: one test per rule, each with its exact message."""

from __future__ import annotations

import hashlib
import io
import os
import warnings
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage

from h5p.entpacken import H5PSpeicherFehler, entpacken
from h5p.validierung import Bibliothek, Grenzen, H5PPaketFehler, pruefen

from .pakete import (
    ECHTES_PAKET,
    MB,
    abhaengigkeit,
    als_zip,
    bibliothek_dateien,
    bibliothek_json,
    bombe,
    minimal,
    symlink,
    zip_aendern,
)

BEISPIEL = "H5P.Beispiel-1.0"


def meldungen(datei: io.BytesIO, **kwargs) -> list[str]:
    with pytest.raises(H5PPaketFehler) as fehler:
        pruefen(datei, **kwargs)
    return fehler.value.meldungen


def _ohne_warnung_zippen(dateien, zusatz) -> io.BytesIO:
    # zipfile warns about duplicate names; writing them is the point here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return als_zip(dateien, zusatz=zusatz)


# --- Valid packages -------------------------------------------------------------------------------
def test_minimales_paket_ist_gueltig():
    archiv = als_zip(minimal())

    paket = pruefen(archiv)

    assert paket.titel == "Minimales Beispiel"
    assert paket.hauptbibliothek == "H5P.Beispiel 1.0"
    assert paket.bibliotheken == [
        Bibliothek(
            ordner=BEISPIEL,
            machine_name="H5P.Beispiel",
            major=1,
            minor=0,
            patch=3,
            titel="Bibliothek H5P.Beispiel",
            laufbar=True,
            preloaded_js=["scripts/beispiel.js"],
            preloaded_css=["styles/beispiel.css"],
            abhaengigkeiten=[],
        )
    ]
    assert paket.content_json == {"frage": "Ist das ein Test?", "richtig": True}
    assert paket.h5p_json["mainLibrary"] == "H5P.Beispiel"
    assert [name for name, _ in paket.dateien] == list(minimal())
    assert paket.gesamtgroesse == sum(groesse for _, groesse in paket.dateien)
    assert paket.sha256 == hashlib.sha256(archiv.getvalue()).hexdigest()


def test_echtes_paket_besteht_als_pfad_und_als_dateiobjekt():
    paket = pruefen(ECHTES_PAKET)
    with open(ECHTES_PAKET, "rb") as datei:
        aus_datei = pruefen(datei)

    assert paket.titel == "Hello World"
    assert paket.hauptbibliothek == "H5P.TrueFalse 1.6"
    assert len(paket.bibliotheken) == 10
    # Its h5p.json gives versions as strings, and it carries an extra top-level file.
    assert paket.h5p_json["preloadedDependencies"][0]["majorVersion"] == "1"
    assert "H5P_CONTENT_HERE.txt" not in dict(paket.dateien)
    assert paket.sha256 == hashlib.sha256(ECHTES_PAKET.read_bytes()).hexdigest()
    assert aus_datei == paket


def test_versionen_duerfen_als_text_kommen():
    dateien = minimal()
    dateien["h5p.json"]["preloadedDependencies"] = [abhaengigkeit("H5P.Beispiel", "1", "0")]
    dateien[f"{BEISPIEL}/library.json"] |= {"majorVersion": "1", "minorVersion": "0"}

    assert pruefen(als_zip(dateien)).hauptbibliothek == "H5P.Beispiel 1.0"


def test_uebersprungene_und_zusaetzliche_dateien_werden_toleriert():
    dateien = minimal() | {
        "__MACOSX/H5P.Beispiel-1.0/._library.json": b"\x00\x05\x16\x07",
        ".DS_Store": b"\x00\x00\x00\x01Bud1",
        "content/.DS_Store": b"\x00",
        "H5P_CONTENT_HERE.txt": "",
        "LIESMICH": "Nur oben im Paket",
    }

    paket = pruefen(als_zip(dateien))

    assert [name for name, _ in paket.dateien] == list(minimal())


def test_bibliotheksordner_darf_nur_den_maschinennamen_tragen():
    dateien = minimal()
    library_json = dateien.pop(f"{BEISPIEL}/library.json")
    for name in [name for name in dateien if name.startswith(BEISPIEL)]:
        del dateien[name]
    dateien |= bibliothek_dateien("H5P.Beispiel", library_json)

    assert pruefen(als_zip(dateien)).bibliotheken[0].ordner == "H5P.Beispiel"


def test_editor_abhaengigkeiten_duerfen_fehlen():
    dateien = minimal()
    dateien[f"{BEISPIEL}/library.json"]["editorDependencies"] = [abhaengigkeit("H5PEditor.Fehlt")]

    assert pruefen(als_zip(dateien)).titel == "Minimales Beispiel"


def test_svg_in_bibliothek_ist_erlaubt():
    dateien = minimal() | {f"{BEISPIEL}/icon.svg": "<svg/>"}

    assert f"{BEISPIEL}/icon.svg" in dict(pruefen(als_zip(dateien)).dateien)


# --- h5p.json and content.json --------------------------------------------------------------------
def test_h5p_json_fehlt():
    dateien = minimal()
    del dateien["h5p.json"]

    assert meldungen(als_zip(dateien)) == ["Die Datei „h5p.json“ fehlt im Hauptordner des Pakets."]


def test_h5p_json_ist_kein_gueltiges_json():
    dateien = minimal() | {"h5p.json": '{"title": "Kaputt",\n  "language": }'}

    assert meldungen(als_zip(dateien)) == [
        "Die Datei „h5p.json“ enthält kein gültiges JSON (Fehler in Zeile 2, Spalte 15)."
    ]


def test_h5p_json_pflichtfelder_und_formate():
    dateien = minimal()
    del dateien["h5p.json"]["embedTypes"]
    dateien["h5p.json"]["language"] = "Deutsch (Deutschland)"

    assert meldungen(als_zip(dateien)) == [
        "In „h5p.json“ hat das Feld „language“ einen ungültigen Wert; erwartet wird ein "
        "Sprachcode aus 1 bis 10 Buchstaben oder „-“.",
        "In „h5p.json“ fehlt das Pflichtfeld „embedTypes“.",
    ]


def test_h5p_json_hauptbibliothek_muss_vorgeladen_werden():
    dateien = minimal()
    dateien["h5p.json"]["mainLibrary"] = "H5P.Anders"

    assert meldungen(als_zip(dateien)) == [
        "In „h5p.json“ steht die Hauptbibliothek „H5P.Anders“ nicht unter „preloadedDependencies“."
    ]


def test_content_json_fehlt():
    dateien = minimal()
    del dateien["content/content.json"]

    assert meldungen(als_zip(dateien)) == [
        "Die Datei „content/content.json“ fehlt; jedes H5P-Paket braucht sie im Ordner „content“."
    ]


def test_content_json_ist_kein_gueltiges_json():
    dateien = minimal() | {"content/content.json": "{'frage': 1}"}

    assert meldungen(als_zip(dateien)) == [
        "Die Datei „content/content.json“ enthält kein gültiges JSON (Fehler in Zeile 1, Spalte 2)."
    ]


def test_content_json_muss_ein_objekt_sein():
    dateien = minimal() | {"content/content.json": [1, 2]}

    assert meldungen(als_zip(dateien)) == [
        "Die Datei „content/content.json“ muss ein JSON-Objekt („{…}“) enthalten."
    ]


def test_json_muss_utf8_sein():
    dateien = minimal() | {"content/content.json": '{"frage": "Größe?"}'.encode("latin-1")}

    assert meldungen(als_zip(dateien)) == [
        "Die Datei „content/content.json“ ist nicht in UTF-8 kodiert."
    ]


# --- Libraries ------------------------------------------------------------------------------------
def test_bibliotheksordner_mit_ungueltigem_namen():
    dateien = {
        name.replace(BEISPIEL, "H5P Beispiel-1.0"): inhalt for name, inhalt in minimal().items()
    }

    assert meldungen(als_zip(dateien)) == [
        "Der Bibliotheksordner „H5P Beispiel-1.0“ hat einen ungültigen Namen; erlaubt sind nur "
        "Buchstaben, Ziffern, „_“, „-“ und „.“ (etwa „H5P.TrueFalse-1.6“)."
    ]


def test_bibliotheksordner_passt_nicht_zur_library_json():
    dateien = {
        name.replace(BEISPIEL, "H5P.Beispiel-2.0"): inhalt for name, inhalt in minimal().items()
    }

    assert meldungen(als_zip(dateien)) == [
        "Der Bibliotheksordner „H5P.Beispiel-2.0“ passt nicht zu seiner „library.json“: "
        "Für „H5P.Beispiel 1.0“ muss er „H5P.Beispiel-1.0“ heißen."
    ]


def test_library_json_fehlt():
    dateien = minimal() | {"H5P.Extra-1.0/scripts/extra.js": "/* extra */"}

    assert meldungen(als_zip(dateien)) == [
        "Im Bibliotheksordner „H5P.Extra-1.0“ fehlt die Datei „library.json“."
    ]


def test_library_json_pflichtfelder_und_formate():
    dateien = minimal()
    library_json = dateien[f"{BEISPIEL}/library.json"]
    del library_json["title"]
    library_json["runnable"] = "ja"
    library_json["preloadedDependencies"] = [{"machineName": "H5P.Hilfe"}]

    datei = f"„{BEISPIEL}/library.json“"
    assert meldungen(als_zip(dateien)) == [
        f"In {datei} fehlt das Pflichtfeld „title“.",
        f"In {datei} hat das Feld „runnable“ einen ungültigen Wert; erwartet wird 0 oder 1.",
        f"In {datei} fehlt das Pflichtfeld „preloadedDependencies[0].majorVersion“.",
        f"In {datei} fehlt das Pflichtfeld „preloadedDependencies[0].minorVersion“.",
    ]


def test_vorgeladene_datei_fehlt():
    dateien = minimal()
    del dateien[f"{BEISPIEL}/scripts/beispiel.js"]

    assert meldungen(als_zip(dateien)) == [
        f"Die Datei „{BEISPIEL}/scripts/beispiel.js“ fehlt, obwohl „{BEISPIEL}/library.json“ "
        "sie unter „preloadedJs“ lädt."
    ]


def test_bibliothek_doppelt():
    dateien = minimal() | bibliothek_dateien("H5P.Beispiel", bibliothek_json())

    assert meldungen(als_zip(dateien)) == [
        f"Die Bibliothek „H5P.Beispiel 1.0“ liegt mehrfach im Paket (auch im Ordner „{BEISPIEL}“)."
    ]


def test_sprachdateien_und_semantics_werden_geprueft():
    dateien = minimal() | {
        f"{BEISPIEL}/language/de.json": {"semantics": []},
        f"{BEISPIEL}/language/deutsch_de.json": {"semantics": []},
        f"{BEISPIEL}/language/fr.json": "{kaputt",
        f"{BEISPIEL}/semantics.json": "[",
    }

    assert meldungen(als_zip(dateien)) == [
        f"Die Sprachdatei „{BEISPIEL}/language/deutsch_de.json“ hat einen ungültigen Namen; "
        "erwartet wird ein Sprachcode wie „de.json“ oder „zh-hans.json“.",
        f"Die Datei „{BEISPIEL}/language/fr.json“ enthält kein gültiges JSON "
        "(Fehler in Zeile 1, Spalte 2).",
        f"Die Datei „{BEISPIEL}/semantics.json“ enthält kein gültiges JSON "
        "(Fehler in Zeile 1, Spalte 2).",
    ]


# --- Dependencies ---------------------------------------------------------------------------------
def test_abhaengigkeit_fehlt():
    dateien = minimal()
    dateien["h5p.json"]["preloadedDependencies"].append(abhaengigkeit("H5P.Hilfe", 2, 1))

    assert meldungen(als_zip(dateien)) == [
        "Die Bibliothek „H5P.Hilfe 2.1“ fehlt im Paket; „h5p.json“ braucht sie."
    ]


def test_hauptbibliothek_fehlt():
    dateien = {name: inhalt for name, inhalt in minimal().items() if BEISPIEL not in name}

    assert meldungen(als_zip(dateien)) == [
        "Die Hauptbibliothek „H5P.Beispiel 1.0“ aus „h5p.json“ fehlt im Paket."
    ]


def test_abhaengigkeit_einer_abhaengigkeit_fehlt():
    dateien = minimal()
    dateien[f"{BEISPIEL}/library.json"]["preloadedDependencies"] = [abhaengigkeit("H5P.Hilfe")]
    hilfe = bibliothek_json("H5P.Hilfe", abhaengigkeiten=[abhaengigkeit("H5P.Grundlage")])
    dateien |= bibliothek_dateien("H5P.Hilfe-1.0", hilfe)

    assert meldungen(als_zip(dateien)) == [
        "Die Bibliothek „H5P.Grundlage 1.0“ fehlt im Paket; "
        "„H5P.Hilfe-1.0/library.json“ braucht sie."
    ]


# --- File types -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "meldung"),
    [
        (
            "content/shell.php",
            "Die Datei „content/shell.php“ ist nicht erlaubt: Die Endung „.php“ gehört nicht zu "
            "den erlaubten Dateitypen für Inhalte.",
        ),
        (
            "content/bild.svg",
            "Die Datei „content/bild.svg“ ist nicht erlaubt: Die Endung „.svg“ gehört nicht zu "
            "den erlaubten Dateitypen für Inhalte.",
        ),
        (
            f"{BEISPIEL}/seite.html",
            f"Die Datei „{BEISPIEL}/seite.html“ ist nicht erlaubt: Die Endung „.html“ gehört "
            "nicht zu den erlaubten Dateitypen für Bibliotheken.",
        ),
        (
            "content/LIESMICH",
            "Die Datei „content/LIESMICH“ ist nicht erlaubt: Dateien ohne Endung sind nicht "
            "erlaubt.",
        ),
    ],
    ids=["php", "svg-im-inhalt", "html", "ohne-endung"],
)
def test_nicht_erlaubter_dateityp(name, meldung):
    dateien = minimal() | {name: "<?php system($_GET['c']); ?><script>alert(1)</script>"}

    assert meldungen(als_zip(dateien)) == [meldung]


def test_alle_gruende_werden_gesammelt():
    dateien = minimal() | {"content/shell.php": "<?php ?>"}
    del dateien["content/content.json"]
    dateien["h5p.json"]["preloadedDependencies"].append(abhaengigkeit("H5P.Hilfe"))

    assert meldungen(als_zip(dateien)) == [
        "Die Datei „content/shell.php“ ist nicht erlaubt: Die Endung „.php“ gehört nicht zu den "
        "erlaubten Dateitypen für Inhalte.",
        "Die Datei „content/content.json“ fehlt; jedes H5P-Paket braucht sie im Ordner „content“.",
        "Die Bibliothek „H5P.Hilfe 1.0“ fehlt im Paket; „h5p.json“ braucht sie.",
    ]


# --- Hostile archives -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "meldung"),
    [
        (
            "content/../../etc/cron.d/job.txt",
            "Die Datei „content/../../etc/cron.d/job.txt“ hat einen unsicheren Pfad: „..“ ist "
            "als Pfadteil nicht erlaubt.",
        ),
        (
            "/etc/passwd.txt",
            "Die Datei „/etc/passwd.txt“ hat einen unsicheren Pfad: Absolute Pfade und "
            "Laufwerksbuchstaben sind nicht erlaubt.",
        ),
        (
            "C:/Windows/system.ini.txt",
            "Die Datei „C:/Windows/system.ini.txt“ hat einen unsicheren Pfad: Absolute Pfade und "
            "Laufwerksbuchstaben sind nicht erlaubt.",
        ),
        (
            "content\\bild.png",
            "Die Datei „content\\bild.png“ hat einen unsicheren Pfad: Backslashes („\\“) sind "
            "nicht erlaubt.",
        ),
        (
            "content//bild.png",
            "Die Datei „content//bild.png“ hat einen unsicheren Pfad: Leere Pfadteile und "
            "Steuerzeichen sind nicht erlaubt.",
        ),
        (
            "content/bild\x1b.png",
            "Die Datei „content/bild\ufffd.png“ hat einen unsicheren Pfad: Leere Pfadteile und "
            "Steuerzeichen sind nicht erlaubt.",
        ),
    ],
    ids=[
        "elternverzeichnis",
        "absolut",
        "laufwerk",
        "backslash",
        "leerer-pfadteil",
        "steuerzeichen",
    ],
)
def test_unsicherer_pfad(name, meldung):
    assert meldungen(als_zip(minimal(), zusatz=[(name, "x")])) == [meldung]


def test_symbolischer_link():
    archiv = als_zip(minimal(), zusatz=[symlink("content/link.txt", "/etc/passwd")])

    assert meldungen(archiv) == [
        "Die Datei „content/link.txt“ ist ein symbolischer Link; Links sind in H5P-Paketen "
        "nicht erlaubt."
    ]


@pytest.mark.parametrize(
    ("zweiter_name", "gemeldet"),
    [
        ("content/content.json", "content/content.json"),
        ("content/Content.JSON", "content/Content.JSON"),
        ("content/content.json/versteckt.json", "content/content.json"),
    ],
    ids=["gleich", "gross-klein", "datei-als-ordner"],
)
def test_doppelte_namen(zweiter_name, gemeldet):
    archiv = _ohne_warnung_zippen(minimal(), zusatz=[(zweiter_name, "{}")])

    assert meldungen(archiv) == [
        f"Der Name „{gemeldet}“ kommt im Paket mehrfach vor (auch als Ordner oder in anderer "
        "Groß-/Kleinschreibung)."
    ]


def test_verschluesselte_datei():
    archiv = zip_aendern(als_zip(minimal()), "content/content.json", flags=0x1)

    assert meldungen(archiv) == [
        "Die Datei „content/content.json“ ist verschlüsselt; verschlüsselte Dateien sind nicht "
        "erlaubt."
    ]


def test_nicht_unterstuetzte_kompression():
    info = zipfile.ZipInfo("content/daten.txt")
    info.compress_type = zipfile.ZIP_BZIP2

    assert meldungen(als_zip(minimal(), zusatz=[(info, "Text")])) == [
        "Die Datei „content/daten.txt“ ist mit einem nicht unterstützten Verfahren komprimiert; "
        "erlaubt sind nur „Stored“ und „Deflate“."
    ]


def test_ueberlappende_dateien():
    css = f"{BEISPIEL}/styles/beispiel.css"
    archiv = zip_aendern(als_zip(minimal()), css, offset_von=f"{BEISPIEL}/scripts/beispiel.js")

    assert meldungen(archiv) == [
        f"Die Datei „{css}“ überlappt im Archiv mit einer anderen Datei; das Paket wird als "
        "mögliche ZIP-Bombe abgelehnt."
    ]


def test_lokaler_name_weicht_vom_verzeichnis_ab():
    archiv = zip_aendern(
        als_zip(minimal()), "content/content.json", lokaler_name="content/content.jsox"
    )

    assert meldungen(archiv) == [
        "Das Paket ist beschädigt: Die Datei „content/content.json“ lässt sich nicht fehlerfrei "
        "entpacken."
    ]


def test_kein_zip():
    assert meldungen(io.BytesIO(b"<html>kein Paket</html>")) == [
        "Die hochgeladene Datei ist kein H5P-Paket: Sie lässt sich nicht als ZIP-Archiv öffnen."
    ]


# --- Caps -----------------------------------------------------------------------------------------
def test_zip_bombe_mit_falschen_groessenangaben():
    # 101 MB of zeros that the headers declare as 1000 bytes: past the 100 MB cap per file.
    archiv = bombe(101 * MB, angegeben=1000)
    assert zipfile.ZipFile(archiv).getinfo("content/bombe.json").file_size == 1000

    assert meldungen(archiv) == [
        "Die Datei „content/bombe.json“ ist entpackt größer als die im Archiv angegebenen "
        "1000 Bytes; das Paket wird als mögliche ZIP-Bombe abgelehnt."
    ]


def test_zu_viele_dateien():
    dateien = minimal() | {f"content/datei-{nummer}.txt": "" for nummer in range(2000)}

    assert meldungen(als_zip(dateien)) == ["Das Paket enthält mehr als 2000 Dateien und Ordner."]


def test_zu_stark_komprimiert():
    dateien = minimal() | {"content/leer.txt": b" " * (2 * MB)}

    assert meldungen(als_zip(dateien)) == [
        "Die Datei „content/leer.txt“ ist stärker komprimiert als erlaubt (mehr als 100 : 1); "
        "das Paket wird als mögliche ZIP-Bombe abgelehnt."
    ]


def test_datei_zu_gross():
    dateien = minimal() | {"content/daten.txt": os.urandom(2048)}

    assert meldungen(als_zip(dateien), grenzen=Grenzen(max_dateigroesse=1024)) == [
        "Die Datei „content/daten.txt“ ist entpackt größer als die erlaubten 1 KB je Datei."
    ]


def test_pakete_zusammen_zu_gross():
    dateien = minimal() | {f"content/daten-{nummer}.txt": os.urandom(4096) for nummer in range(3)}

    assert meldungen(als_zip(dateien), grenzen=Grenzen(max_gesamtgroesse=10 * 1024)) == [
        "Die Dateien des Pakets sind entpackt zusammen größer als die erlaubten 10 KB."
    ]


def test_grenzen_kommen_aus_den_einstellungen(settings):
    settings.H5P_GRENZEN = {"max_dateien": 3}

    assert meldungen(als_zip(minimal())) == ["Das Paket enthält mehr als 3 Dateien und Ordner."]


def test_unbekannte_grenze_in_den_einstellungen(settings):
    settings.H5P_GRENZEN = {"max_irgendwas": 3}

    with pytest.raises(ImproperlyConfigured):
        pruefen(als_zip(minimal()))


# --- Extraction -----------------------------------------------------------------------------------
class ZaehlenderSpeicher(FileSystemStorage):
    """Records every save; fails on save number ``fehler_bei`` when it is set."""

    def __init__(self, *args, fehler_bei: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fehler_bei = fehler_bei
        self.gespeichert: list[str] = []

    def _save(self, name, content):
        if self.fehler_bei is not None and len(self.gespeichert) + 1 == self.fehler_bei:
            raise OSError("Speicher voll")
        self.gespeichert.append(name)
        return super()._save(name, content)


def _dateien_unter(wurzel: Path) -> set[str]:
    return {pfad.relative_to(wurzel).as_posix() for pfad in wurzel.rglob("*") if pfad.is_file()}


def test_entpacken_schreibt_jede_datei_unter_den_hash(tmp_path):
    archiv = als_zip(minimal())
    sha256 = hashlib.sha256(archiv.getvalue()).hexdigest()
    speicher = ZaehlenderSpeicher(location=tmp_path)

    praefix = entpacken(archiv, storage=speicher)

    assert praefix == f"h5p/{sha256}/"
    assert _dateien_unter(tmp_path) == {praefix + name for name in minimal()}
    with zipfile.ZipFile(archiv) as original:
        for name in minimal():
            assert (tmp_path / praefix / name).read_bytes() == original.read(name)
    # h5p.json comes last: its presence marks a complete extraction.
    assert speicher.gespeichert[-1] == praefix + "h5p.json"


def test_entpacken_des_echten_pakets(tmp_path):
    speicher = FileSystemStorage(location=tmp_path)

    praefix = entpacken(ECHTES_PAKET, storage=speicher)

    geschrieben = _dateien_unter(tmp_path)
    assert len(geschrieben) == len(pruefen(ECHTES_PAKET).dateien)
    assert praefix + "H5P.TrueFalse-1.6/library.json" in geschrieben
    assert praefix + "H5P_CONTENT_HERE.txt" not in geschrieben


def test_entpacken_ist_idempotent(tmp_path):
    archiv = als_zip(minimal())
    speicher = ZaehlenderSpeicher(location=tmp_path)
    praefix = entpacken(archiv, storage=speicher)
    speicher.gespeichert.clear()

    assert entpacken(archiv, storage=speicher) == praefix
    assert speicher.gespeichert == []


def test_entpacken_ersetzt_reste_eines_abgebrochenen_laufs(tmp_path):
    archiv = als_zip(minimal())
    praefix = f"h5p/{hashlib.sha256(archiv.getvalue()).hexdigest()}/"
    rest = tmp_path / praefix / "content" / "content.json"
    rest.parent.mkdir(parents=True)
    rest.write_bytes(b'{"halb')

    entpacken(archiv, storage=FileSystemStorage(location=tmp_path))

    assert rest.read_bytes() == zipfile.ZipFile(archiv).read("content/content.json")
    assert _dateien_unter(tmp_path) == {praefix + name for name in minimal()}


def test_entpacken_hinterlaesst_bei_speicherfehler_nichts(tmp_path):
    archiv = als_zip(minimal())
    speicher = ZaehlenderSpeicher(location=tmp_path, fehler_bei=3)

    with pytest.raises(OSError, match="Speicher voll"):
        entpacken(archiv, storage=speicher)

    assert len(speicher.gespeichert) == 2
    assert _dateien_unter(tmp_path) == set()
    assert not (tmp_path / "h5p" / hashlib.sha256(archiv.getvalue()).hexdigest()).exists()


class UmbenennenderSpeicher(FileSystemStorage):
    """Picks another name, as a storage does when the name is taken meanwhile."""

    def get_available_name(self, name, max_length=None):
        return name.replace(".json", "_a1b2c3.json")


def test_entpacken_bricht_ab_wenn_der_speicher_umbenennt(tmp_path):
    archiv = als_zip(minimal())
    praefix = f"h5p/{hashlib.sha256(archiv.getvalue()).hexdigest()}/"

    with pytest.raises(H5PSpeicherFehler) as fehler:
        entpacken(archiv, storage=UmbenennenderSpeicher(location=tmp_path))

    assert str(fehler.value) == (
        f"Der Speicher hat „{praefix}content/content.json“ unter dem abweichenden Namen "
        f"„{praefix}content/content_a1b2c3.json“ abgelegt; das Entpacken wurde abgebrochen."
    )
    assert _dateien_unter(tmp_path) == set()


def test_entpacken_lehnt_ungueltige_pakete_ab_ohne_zu_schreiben(tmp_path):
    with pytest.raises(H5PPaketFehler) as fehler:
        entpacken(bombe(2 * MB), storage=FileSystemStorage(location=tmp_path))

    assert fehler.value.meldungen == [
        "Die Datei „content/bombe.json“ ist entpackt größer als die im Archiv angegebenen "
        "1000 Bytes; das Paket wird als mögliche ZIP-Bombe abgelehnt."
    ]
    assert list(tmp_path.iterdir()) == []
