"""Demo-Seiteninhalte für Lernkette: eigens geschriebene Texte auf Grundlage öffentlicher Fakten."""

# Die Kontaktadresse barrierefreiheit@lernkette.example ist ein Platzhalter (reservierte Domain);
# vor dem Produktivbetrieb durch die echte Kontaktstelle ersetzen.

from typing import TypedDict


class Seite(TypedDict, total=False):
    titel: str
    intro: str
    stand: str
    inhalt: list[tuple[str, str]]


HOME: Seite = {
    "titel": "Lernkette – Prävention in der kommunalen Familienpolitik",
    "intro": (
        "<p>Lernkette ist die Lernplattform des Zertifikatskurses „Prävention in der kommunalen "
        "Familienpolitik“. Hier lernen Fachkräfte aus Kommunalverwaltungen und von freien "
        "Trägern in Nordrhein-Westfalen, wie kommunale Präventionsketten entstehen: Netzwerke, "
        "in denen Jugendamt, Gesundheitswesen, Kitas, Schulen, Jobcenter und viele weitere "
        "Partner Kinder und Familien von der Schwangerschaft bis zum Berufseinstieg "
        "begleiten.</p>"
        "<p>Teilnehmende bearbeiten Online-Lektionen und interaktive Übungen, behalten Fortschritt "
        "und Präsenzzeiten im Blick, reichen ihre Abschlusspräsentation ein und erhalten ein "
        "überprüfbares Zertifikat. Alle Besucherinnen und Besucher können in der "
        "Praxisbibliothek gute Beispiele aus nordrhein-westfälischen Kommunen finden – nach "
        "Lebensphase, Handlungsfeld, Programm und Region.</p>"
    ),
}


BARRIEREFREIHEIT: Seite = {
    "titel": "Erklärung zur Barrierefreiheit",
    "stand": "2026-11-22",
    "inhalt": [
        (
            "text",
            "<p>Wir sind bemüht, die Lernplattform Lernkette im Einklang mit dem "
            "Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und der "
            "Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW) "
            "barrierefrei zugänglich zu machen. Beide setzen die Richtlinie (EU) 2016/2102 "
            "über den barrierefreien Zugang zu den Websites und mobilen Anwendungen "
            "öffentlicher Stellen um.</p>",
        ),
        (
            "text",
            "<h2>Geltungsbereich</h2>"
            "<p>Diese Erklärung gilt für die gesamte Lernplattform Lernkette: für die öffentlichen "
            "Seiten (Startseite, Praxisbibliothek, Prüfung von Zertifikaten, Seite in "
            "Leichter Sprache) ebenso wie für den Bereich nach der Anmeldung (Kursanmeldung, "
            "Lektionen und interaktive Übungen, Fortschritt und Anwesenheit, "
            "Abschlusspräsentationen, Auswertungen für Fördermittelgeber und "
            "Redaktionsbereich).</p>",
        ),
        (
            "text",
            "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>"
            "<p>Die Anforderungen ergeben sich aus §§ 3 und 4 BITV NRW. Maßstab sind die Web "
            "Content Accessibility Guidelines (WCAG) 2.1 auf Konformitätsstufe AA sowie die "
            "harmonisierte europäische Norm EN 301 549.</p>"
            "<p>Lernkette ist mit diesen Anforderungen <strong>teilweise vereinbar</strong>. Die "
            "Unvereinbarkeiten sind im folgenden Abschnitt aufgeführt.</p>",
        ),
        (
            "text",
            "<h2>Nicht barrierefreie Inhalte</h2>"
            "<h3>Unvereinbarkeit mit der BITV NRW</h3>"
            "<ul>"
            "<li><strong>Interaktive Übungen (H5P):</strong> Die Übungen beruhen auf "
            "Programmbibliotheken eines Drittanbieters und laufen in einem eingebetteten "
            "Rahmen. Einzelne Aufgabentypen, etwa Zuordnungen per Ziehen und Ablegen, sind "
            "nicht vollständig mit der Tastatur bedienbar; Rückmeldungen werden von "
            "Screenreadern nicht immer angesagt. Wir verwenden vorrangig Aufgabentypen, die "
            "als gut zugänglich gelten. Zu jeder Pflichtübung stellen wir auf Anfrage eine "
            "gleichwertige Alternative bereit.</li>"
            "<li><strong>Von Teilnehmenden hochgeladene Dokumente:</strong> "
            "Abschlusspräsentationen werden von den Teilnehmenden selbst als PDF-Dateien "
            "erstellt und hochgeladen. Wir können nicht sicherstellen, dass diese Dateien "
            "barrierefrei sind, zum Beispiel mit Tags, sinnvoller Lesereihenfolge und "
            "Alternativtexten. Wir geben Hinweise zur barrierefreien Gestaltung. Werden "
            "Präsentationen als Praxisbeispiel veröffentlicht, steht eine Zusammenfassung als "
            "barrierefreier Text auf der Seite des Praxisbeispiels.</li>"
            "<li><strong>Zertifikate als PDF:</strong> Die Zertifikatsdateien sind noch nicht "
            "vollständig nach dem Standard PDF/UA ausgezeichnet. Alle Angaben des Zertifikats "
            "lassen sich auf der barrierefreien Prüfseite abrufen; deren Adresse steht "
            "zusätzlich zum QR-Code als Text auf dem Zertifikat.</li>"
            "<li><strong>Diagramme in den Auswertungen:</strong> Die Diagramme für "
            "Fördermittelgeber haben noch keine vollständige Textbeschreibung. Alle "
            "dargestellten Zahlen stehen als Tabelle sowie zum Herunterladen als CSV- und "
            "XLSX-Datei zur Verfügung.</li>"
            "</ul>"
            "<h3>Unverhältnismäßige Belastung</h3>"
            "<p>Wir berufen uns derzeit nicht auf eine unverhältnismäßige Belastung.</p>"
            "<h3>Inhalte außerhalb des Anwendungsbereichs</h3>"
            "<p>Verlinkte Websites Dritter, die wir weder finanzieren noch entwickeln noch "
            "kontrollieren, fallen nicht unter diese Erklärung.</p>",
        ),
        (
            "text",
            "<h2>Erstellung dieser Erklärung</h2>"
            "<p>Diese Erklärung wurde am 22. November 2026 erstellt. Sie beruht auf einer "
            "Selbstbewertung: automatisierten Prüfungen aller öffentlichen Seiten und der "
            "wichtigsten Seiten nach der Anmeldung sowie manuellen Prüfungen der Bedienung "
            "mit Tastatur und Screenreader. Wir überprüfen die Erklärung mindestens einmal im "
            "Jahr und nach wesentlichen Änderungen der Plattform.</p>",
        ),
        (
            "text",
            "<h2>Barrieren melden: Feedback und Kontakt</h2>"
            "<p>Sind Ihnen Mängel bei der Barrierefreiheit aufgefallen? Oder benötigen Sie "
            "Inhalte, die hier nicht barrierefrei angeboten werden, in einer zugänglichen "
            "Form? Dann melden Sie sich bitte bei uns:</p>"
            "<ul>"
            "<li>über das Formular am Ende dieser Seite,</li>"
            "<li>per E-Mail an barrierefreiheit@lernkette.example.</li>"
            "</ul>"
            "<p>Bitte beschreiben Sie, auf welcher Seite Sie auf welches Problem gestoßen sind. "
            "Wir bestätigen den Eingang Ihrer Nachricht und antworten Ihnen in angemessener "
            "Frist, in der Regel innerhalb von zwei Wochen.</p>",
        ),
        (
            "text",
            "<h2>Durchsetzungsverfahren</h2>"
            "<p>Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten, "
            "können Sie sich an die <strong>Ombudsstelle für barrierefreie Informationstechnik "
            "des Landes Nordrhein-Westfalen</strong> wenden. Die Ombudsstelle ist der "
            "beziehungsweise dem Beauftragten der Landesregierung für die Belange der Menschen "
            "mit Behinderung zugeordnet; ihre Aufgaben sind in §§ 10d und 10e BGG NRW sowie in "
            "§§ 9 ff. BITV NRW geregelt. Sie vermittelt zwischen Ihnen und der öffentlichen "
            "Stelle, damit bestehende Barrieren beseitigt werden.</p>"
            "<p>Einen Antrag auf ein Ombudsverfahren können Sie per E-Mail oder per Post stellen. "
            "Das Antragsformular und weitere Informationen finden Sie auf der Website der "
            "Ombudsstelle unter www.lbbp.nrw.de/ombudsstelle.</p>"
            "<ul>"
            "<li>E-Mail: ombudsstelle-barrierefreie-it@mags.nrw.de</li>"
            "</ul>",
        ),
    ],
}


LEICHTE_SPRACHE: Seite = {
    "titel": "Lernkette in Leichter Sprache",
    "inhalt": [
        (
            "text",
            "<h2>Was ist Lern·kette?</h2>"
            "<p>Lern·kette ist eine Seite im Internet.</p>"
            "<p>Auf dieser Seite können Sie lernen.</p>"
            "<p>Es geht um eine Fort·bildung.</p>"
            "<p>Eine Fort·bildung ist ein Kurs für Menschen, die schon arbeiten.</p>"
            "<p>Der Kurs heißt: Prävention in der kommunalen Familien·politik.</p>"
            "<p>Prävention ist ein schweres Wort.</p>"
            "<p>Prävention bedeutet: Man hilft früh.</p>"
            "<p>Dann werden Probleme nicht so groß.</p>"
            "<p>In dem Kurs geht es um Kinder und Familien in Nordrhein-Westfalen.</p>"
            "<p>In einer Stadt helfen viele Stellen den Familien.</p>"
            "<p>Zum Beispiel: das Jugend·amt, die Kita, die Schule und die Ärztin.</p>"
            "<p>Diese Stellen sollen gut zusammen·arbeiten.</p>"
            "<p>Dann bekommen Kinder früh Hilfe.</p>"
            "<p>Von der Geburt bis zum Beruf.</p>"
            "<p>Das nennt man: Präventions·kette.</p>",
        ),
        (
            "text",
            "<h2>Für wen ist Lern·kette?</h2>"
            "<p>Lern·kette ist für Menschen, die bei einer Stadt arbeiten.</p>"
            "<p>Oder bei einem Kreis.</p>"
            "<p>Oder bei einem Verein, der Familien hilft.</p>"
            "<p>Diese Menschen planen Hilfe für Familien.</p>"
            "<p>Auf Lern·kette gibt es auch gute Beispiele aus vielen Städten.</p>"
            "<p>Die Beispiele kann sich jeder Mensch ansehen.</p>"
            "<p>Dafür brauchen Sie kein Konto.</p>",
        ),
        (
            "text",
            "<h2>So melden Sie sich an</h2>"
            "<ol>"
            "<li>Sie brauchen eine E-Mail-Adresse.</li>"
            "<li>Sie klicken auf: Registrieren.</li>"
            "<li>Sie schreiben Ihren Namen und Ihre E-Mail-Adresse auf.</li>"
            "<li>Sie denken sich ein Pass·wort aus. Ein Pass·wort ist ein geheimes Wort. Nur Sie "
            "kennen das Pass·wort.</li>"
            "<li>Sie bekommen eine E-Mail von uns. In der E-Mail ist ein Link. Sie klicken auf den "
            "Link.</li>"
            "<li>Jetzt klicken Sie auf: Anmelden. Sie schreiben Ihre E-Mail-Adresse und Ihr "
            "Pass·wort auf.</li>"
            "</ol>",
        ),
        (
            "text",
            "<h2>So lernen Sie</h2>"
            "<p>Der Kurs hat 4 Teile.</p>"
            "<p>Die Teile heißen: Module.</p>"
            "<p>In jedem Modul gibt es Lektionen.</p>"
            "<p>Eine Lektion ist ein kleiner Lern·schritt.</p>"
            "<p>Sie lesen einen Text.</p>"
            "<p>Manchmal lösen Sie eine Aufgabe.</p>"
            "<p>Sie sind mit einer Lektion fertig?</p>"
            "<p>Dann klicken Sie auf: Als erledigt markieren.</p>"
            "<p>Sie sehen immer, wie weit Sie im Kurs sind.</p>"
            "<p>Es gibt auch Treffen mit der Gruppe.</p>"
            "<p>Jedes Treffen dauert 2 Tage.</p>",
        ),
        (
            "text",
            "<h2>So bekommen Sie ein Zerti·fikat</h2>"
            "<p>Ein Zerti·fikat ist ein Nachweis.</p>"
            "<p>Darauf steht: Sie haben den Kurs geschafft.</p>"
            "<p>Dafür machen Sie 3 Dinge:</p>"
            "<ul>"
            "<li>Sie machen alle Lektionen, die Pflicht sind.</li>"
            "<li>Sie kommen zu den Treffen. Sie sind bei 80 von 100 Stunden dabei.</li>"
            "<li>Sie zeigen ein Projekt aus Ihrer Stadt. Das heißt: Abschluss·präsentation. Ihre "
            "Trainerin oder Ihr Trainer prüft die Abschluss·präsentation.</li>"
            "</ul>"
            "<p>Dann bekommen Sie das Zerti·fikat.</p>"
            "<p>Sie können das Zerti·fikat herunter·laden.</p>"
            "<p>Auf dem Zerti·fikat ist eine Nummer.</p>"
            "<p>Mit der Nummer kann jeder prüfen: Das Zerti·fikat ist echt.</p>",
        ),
        (
            "text",
            "<h2>Sie finden eine Barriere?</h2>"
            "<p>Eine Barriere ist ein Hindernis.</p>"
            "<p>Zum Beispiel: Sie können einen Text schlecht lesen.</p>"
            "<p>Oder ein Knopf funktioniert nur mit der Maus.</p>"
            "<p>Bitte sagen Sie uns Bescheid.</p>"
            "<p>Dafür gibt es ein Formular.</p>"
            "<p>Das Formular ist auf der Seite: Erklärung zur Barriere·freiheit.</p>"
            "<p>Wir antworten Ihnen.</p>"
            "<p>Wir versuchen, das Problem zu lösen.</p>"
            "<p>Sie bekommen keine Antwort?</p>"
            "<p>Oder die Antwort hilft Ihnen nicht?</p>"
            "<p>Dann können Sie sich bei der Ombuds·stelle melden.</p>"
            "<p>Die Ombuds·stelle gehört zum Land Nordrhein-Westfalen.</p>"
            "<p>Die Ombuds·stelle hilft bei Problemen mit Barrieren im Internet.</p>",
        ),
    ],
}
