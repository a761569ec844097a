"""Demo-Praxisbeispiele für Lernkette: eigene Texte auf Grundlage öffentlicher Fakten."""

# Fakten stammen aus öffentlichen Berichten über die genannten Kommunen; alle Sätze sind neu
# formuliert. Zitate sind sinngemäße Wiedergaben und nur allgemein zugeordnet.

from typing import Any, TypedDict


class Praxisbeispiel(TypedDict):
    titel: str
    kommune: str
    kreis_schluessel: str
    phasen: list[str]
    handlungsfelder: list[str]
    programm: str
    angebotsart: str
    startjahr: int | None
    teaser: str
    inhalt: list[tuple[str, Any]]
    partner: list[str]
    kontakt: str


#: Gültige Werte der Taxonomie (BRIEF §4), zur Prüfung der Demo-Daten.
PHASEN = ("schwangerschaft_geburt", "kita", "schule", "jugend_beruf")
HANDLUNGSFELDER = (
    "gesundheit",
    "bildung",
    "kinder_jugendhilfe",
    "soziales",
    "integration",
    "stadtentwicklung",
)
PROGRAMME = ("kekiz", "kinderstark", "fruehe_hilfen", "sonstiges")
ANGEBOTSARTEN = (
    "lotsendienst",
    "willkommensbesuch",
    "netzwerk",
    "familienbuero",
    "kita_sozialarbeit",
    "familiengrundschulzentrum",
    "steuerungsgruppe",
    "sonstiges",
)

_ALLE_PHASEN = ["schwangerschaft_geburt", "kita", "schule", "jugend_beruf"]

PRAXISBEISPIELE: list[Praxisbeispiel] = [
    {
        "titel": "„Frühe Hilfen im Verbund“: Die Präventionskette des Jugendamts Datteln",
        "kommune": "Datteln",
        "kreis_schluessel": "05562",
        "phasen": _ALLE_PHASEN,
        "handlungsfelder": ["kinder_jugendhilfe", "bildung", "soziales"],
        "programm": "fruehe_hilfen",
        "angebotsart": "netzwerk",
        "startjahr": None,
        "teaser": "Das Jugendamt der Stadt Datteln verbindet seine Angebote für Kinder, "
        "Jugendliche und Familien zu einer Präventionskette, die im Einzelfall schon vor der "
        "Geburt beginnt und bis zum Übergang in den Beruf reicht.",
        "inhalt": [
            (
                "text",
                "<p>Unter dem Titel „Frühe Hilfen im Verbund“ beschreibt das Jugendamt der Stadt "
                "Datteln, wie seine Leistungen für Kinder, Jugendliche und Familien als "
                "zusammenhängende Präventionskette wirken sollen. Vorgestellt wurde das "
                "Konzept als Abschlusspräsentation im Zertifikatskurs „Prävention in der "
                "kommunalen Familienpolitik“, den die Leitung des Fachbereichs Kinder, Jugend, "
                "Familie erfolgreich abgeschlossen hat.</p>"
                "<h2>Früh ansetzen</h2>"
                "<p>Die Kette beginnt früh: In Einzelfällen erhalten Mütter und Väter schon vor "
                "der Geburt ihres Kindes Beratung und Unterstützung. So lassen sich "
                "Belastungen auffangen, bevor sie sich verfestigen.</p>"
                "<h2>Bausteine entlang des Aufwachsens</h2>"
                "<p>Zum Gesamtangebot der Kinder-, Jugend- und Familienhilfe in Datteln gehören "
                "unter anderem:</p>"
                "<ul>"
                "<li>Erstbürgerbesuche bei Familien mit Neugeborenen,</li>"
                "<li>Betreuung in Kindertageseinrichtungen und in der Kindertagespflege,</li>"
                "<li>Angebote der Kinder- und Jugendarbeit,</li>"
                "<li>Schulsozialarbeit,</li>"
                "<li>Unterstützung beim Übergang von der Schule in den Beruf.</li>"
                "</ul>"
                "<h2>Zusammenarbeit als Voraussetzung</h2>"
                "<p>Damit diese Bausteine ineinandergreifen, setzt die Stadt auf eine engere "
                "Zusammenarbeit über Ämter- und Fachbereichsgrenzen hinweg – und darüber "
                "hinaus mit Bildungseinrichtungen und sozialen Dienstleistern wie Schulen und "
                "dem Jobcenter. Diese Kooperation gilt als Grundbedingung dafür, dass Kinder "
                "aus allen sozialen Schichten besser am gesellschaftlichen Leben teilhaben "
                "können. Die Stadtspitze unterstützte die Teilnahme an der Weiterbildung "
                "ausdrücklich, um das Netzwerk familienpräventiver Leistungen dort zu "
                "ergänzen, wo Bedarf besteht.</p>",
            ),
            (
                "zitat",
                {
                    "text": "Eine Präventionskette trägt nur, wenn Ämter, Schulen, Jobcenter und "
                    "soziale Dienste nicht nebeneinander, sondern miteinander arbeiten – dann "
                    "haben Kinder aus allen Familien bessere Chancen.",
                    "quelle": "Sinngemäß aus der Stadtverwaltung Datteln",
                },
            ),
        ],
        "partner": [
            "Jugendamt der Stadt Datteln",
            "Kindertageseinrichtungen und Kindertagespflege",
            "Schulen und Schulsozialarbeit",
            "Jobcenter",
            "soziale Dienstleister",
        ],
        "kontakt": "Stadt Datteln, Fachbereich Kinder, Jugend, Familie",
    },
    {
        "titel": "Ahlener Präventionskette: Steuerungsgruppe, Arbeitsgruppen und Arbeitskonferenz",
        "kommune": "Ahlen",
        "kreis_schluessel": "05570",
        "phasen": _ALLE_PHASEN,
        "handlungsfelder": ["kinder_jugendhilfe", "soziales", "bildung", "gesundheit"],
        "programm": "kekiz",
        "angebotsart": "steuerungsgruppe",
        "startjahr": None,
        "teaser": "Ahlen hat eine vom Rat beschlossene Präventionskette mit einer breit besetzten "
        "Steuerungsgruppe verankert und rund 150 städtische Beschäftigte in einer "
        "Arbeitskonferenz für das Vorhaben gewonnen.",
        "inhalt": [
            (
                "text",
                "<p>Der Rat der Stadt Ahlen hat eine Präventionskette beschlossen, die zusammen "
                "mit Trägern und Einrichtungen alle Übergänge im Leben eines Kindes begleiten "
                "soll – beginnend bei der Schwangerschaftsberatung und endend beim "
                "Berufseinstieg. Dafür sollen Familienhilfe, Kitas, Schulen, Sportvereine, "
                "Jugendämter und Arztpraxen planvoll miteinander kooperieren. Ahlen setzt "
                "damit den Gedanken der Landesinitiative „Kein Kind zurücklassen!“ um, der die "
                "Stadt zu Beginn eines Jahres gemeinsam mit 21 weiteren Kommunen beigetreten "
                "ist.</p>"
                "<h2>Eine lernende Steuerungsgruppe</h2>"
                "<p>Für die Vernetzung mit den Kooperationspartnern wurde eine „Steuerungsgruppe "
                "zur Präventionskette“ gegründet. Ihr gehören die Stadt, die in Ahlen tätigen "
                "Wohlfahrtsverbände, das Jobcenter, die Agentur für Arbeit, der evangelische "
                "Kirchenkreis und das Stadtteilforum an. Die Runde versteht sich als lernende "
                "Gruppe: Sie sammelt Vorschläge, die konsequent beim Kind ansetzen, und legt "
                "fest, was Vorrang hat. Vier Arbeitsgruppen arbeiten ihr zu und entwickeln "
                "Ideen, wie die Ziele der Präventionskette am besten erreicht werden "
                "können.</p>"
                "<h2>Die eigene Verwaltung mitnehmen</h2>"
                "<p>Ebenso wichtig wie die externen Partner sind die eigenen Beschäftigten. Rund "
                "150 Beschäftigte aus vier Fachbereichen der Stadt informierten sich einen Tag "
                "lang in einer verwaltungsinternen Arbeitskonferenz über Ziele und "
                "Arbeitsweise der Präventionskette und brachten in Arbeitsgruppen Anregungen "
                "aus ihrer eigenen Praxis ein. Die Verwaltungsspitze warb dort um breite "
                "Unterstützung und begründete den neuen Anlauf mit wachsenden "
                "Herausforderungen: Immer mehr Eltern fühlten sich mit Erziehungsaufgaben "
                "überfordert.</p>"
                "<h2>Ressourcen</h2>"
                "<p>Aus der Landesinitiative erhielt Ahlen bis Ende 2018 jährlich 30.000 Euro, um "
                "die Prävention in der Stadt voranzubringen. Damit wurde die städtische "
                "Koordination der Präventionskette für die Projektdauer um eine halbe Stelle "
                "verstärkt. Im Netzwerk der teilnehmenden Kommunen tauscht sich Ahlen über "
                "gelingende Ansätze aus.</p>",
            ),
            (
                "kennzahlen",
                [
                    {"wert": "rund 150", "bezeichnung": "Beschäftigte bei der Arbeitskonferenz"},
                    {"wert": "4", "bezeichnung": "Arbeitsgruppen für die Steuerungsgruppe"},
                    {"wert": "30.000 €", "bezeichnung": "Landesförderung pro Jahr bis Ende 2018"},
                    {"wert": "0,5", "bezeichnung": "zusätzliche Stelle für die Koordination"},
                ],
            ),
            (
                "zitat",
                {
                    "text": "Wir verstehen uns als Runde, die dazulernt: Wir sammeln Ideen, die "
                    "beim Kind ansetzen, und entscheiden gemeinsam, was zuerst angepackt wird.",
                    "quelle": "Sinngemäß aus der Fachbereichsleitung der Stadt Ahlen",
                },
            ),
        ],
        "partner": [
            "Stadt Ahlen",
            "Wohlfahrtsverbände in Ahlen",
            "Jobcenter",
            "Agentur für Arbeit",
            "Evangelischer Kirchenkreis",
            "Stadtteilforum",
        ],
        "kontakt": "Stadt Ahlen, Sozialfachbereich, Koordination der Präventionskette",
    },
    {
        "titel": "Kitas als Schlüsselorte der Ahlener Präventionskette",
        "kommune": "Ahlen",
        "kreis_schluessel": "05570",
        "phasen": ["kita"],
        "handlungsfelder": ["kinder_jugendhilfe", "bildung"],
        "programm": "kekiz",
        "angebotsart": "sonstiges",
        "startjahr": None,
        "teaser": "In Ahlen spielen die Kindertageseinrichtungen eine Schlüsselrolle in der "
        "Präventionskette, weil Fachkräfte dort beim Bringen und Abholen fast täglich mit "
        "Eltern ins Gespräch kommen.",
        "inhalt": [
            (
                "text",
                "<p>Im Anschluss an die verwaltungsinterne Arbeitskonferenz zur Präventionskette "
                "veranstaltete die Stadt Ahlen eine eigene Schwerpunktveranstaltung für ihre "
                "städtischen Kindertageseinrichtungen. Der Grund liegt im Alltag der Kitas: "
                "Wenn Eltern ihre Kinder morgens bringen oder nachmittags abholen, ergibt sich "
                "fast jeden Tag die Chance auf ein persönliches Gespräch. Kaum eine andere "
                "Einrichtung hat so regelmäßigen und unkomplizierten Kontakt zu Familien.</p>"
                "<h2>Früh hinsehen, rechtzeitig handeln</h2>"
                "<p>Diesen Vorteil will die Präventionskette nutzen. Fallen Fachkräften "
                "Auffälligkeiten auf, soll gezielt und früh gegengesteuert werden, bevor sich "
                "Schwierigkeiten verfestigen. Hintergrund sind Beobachtungen aus Kitas, "
                "Grundschulen und Offenen Ganztagsschulen: Zahlreiche Kinder kommen morgens "
                "übermüdet, ohne Frühstück oder nicht passend zum Wetter gekleidet in die "
                "Einrichtungen. Mit Kooperationspartnern arbeitet die Stadt schon seit Jahren "
                "daran, solchen Entwicklungen zu begegnen. Mit der Präventionskette soll ein "
                "neuer, abgestimmter Anlauf gelingen, der jedes Kind mitnimmt.</p>"
                "<h2>Alle Träger einbeziehen</h2>"
                "<p>Die Veranstaltung für die städtischen Kitas war als Auftakt gedacht. Im Sinne "
                "der Vernetzung sollte eine weitere Informationsveranstaltung für die "
                "Kindertageseinrichtungen anderer Träger folgen, damit die Präventionskette "
                "nicht an den Grenzen der städtischen Einrichtungen endet.</p>"
                "<h2>Was andere Kommunen daraus lernen können</h2>"
                "<ul>"
                "<li>Kitas sind ein natürlicher Zugang zu sehr vielen Familien mit Kindern im "
                "Vorschulalter.</li>"
                "<li>Eigene Veranstaltungen für Kitas machen deutlich, welche Rolle sie in der "
                "Präventionskette spielen.</li>"
                "<li>Wer alle Kita-Träger einbezieht, verhindert, dass Familien je nach "
                "Einrichtung unterschiedlich gut erreicht werden.</li>"
                "</ul>",
            ),
            (
                "zitat",
                {
                    "text": "Nirgends erreichen wir Eltern so gut wie in der Kita – das tägliche "
                    "Gespräch an der Tür müssen wir nutzen, um bei ersten Anzeichen "
                    "rechtzeitig zu reagieren.",
                    "quelle": "Sinngemäß aus der Koordination der Ahlener Präventionskette",
                },
            ),
        ],
        "partner": [
            "Städtische Kindertageseinrichtungen in Ahlen",
            "Kindertageseinrichtungen anderer Träger",
            "Grundschulen und Offene Ganztagsschulen",
        ],
        "kontakt": "Stadt Ahlen, Koordination der Präventionskette",
    },
    {
        "titel": "Fünf Lokale Netzwerke „Frühzeitige Hilfen“ im Märkischen Kreis",
        "kommune": "Märkischer Kreis",
        "kreis_schluessel": "05962",
        "phasen": ["schwangerschaft_geburt", "kita", "schule"],
        "handlungsfelder": ["kinder_jugendhilfe", "gesundheit", "bildung"],
        "programm": "fruehe_hilfen",
        "angebotsart": "netzwerk",
        "startjahr": None,
        "teaser": "Das Kreisjugendamt des Märkischen Kreises hat gemeinsam mit dem Kinder- und "
        "Jugendärztlichen Dienst fünf lokale Netzwerke aufgebaut, die Familien mit Kindern "
        "bis zwölf Jahren frühzeitig unterstützen sollen.",
        "inhalt": [
            (
                "text",
                "<p>Mit dem Bundeskinderschutzgesetz, das am 1. Januar 2012 in Kraft trat, müssen "
                "die Jugendämter den vorbeugenden Kinderschutz ausbauen und überall "
                "verlässliche Netzwerke einrichten. Der Märkische Kreis setzt diesen Auftrag "
                "im Zuständigkeitsgebiet seines Kreisjugendamts mit fünf Lokalen Netzwerken "
                "„Frühzeitige Hilfen“ um. Organisiert werden sie vom Fachdienst Soziale "
                "Dienste des Jugendamts, unterstützt vom Kinder- und Jugendärztlichen "
                "Dienst.</p>"
                "<h2>Die fünf Netzwerke</h2>"
                "<ul>"
                "<li>Netzwerk Herscheid</li>"
                "<li>Netzwerk West mit Schalksmühle und Halver</li>"
                "<li>Netzwerk Nord mit Balve und Neuenrade</li>"
                "<li>Netzwerk Nachrodt-Wiblingwerde</li>"
                "<li>Netzwerk Süd mit Meinerzhagen und Kierspe</li>"
                "</ul>"
                "<p>Zu den ersten Auftaktveranstaltungen kamen insgesamt 85 Fachkräfte aus Kinder- "
                "und Jugendhilfe, Gesundheitswesen und Bildung.</p>"
                "<h2>Angebote passend zum Ort</h2>"
                "<p>Die gezielte Vernetzung soll junge Eltern besser unterstützen – mit Angeboten, "
                "die zum jeweiligen Sozialraum passen. In den Netzwerktreffen werden "
                "bestehende Angebote aufeinander abgestimmt und neue entwickelt. Denkbar sind "
                "zum Beispiel Elterntrainings, Patenschaften oder Elterncafés. Entscheidend "
                "ist, dass sie auf die jeweilige Stadt oder Gemeinde zugeschnitten sind und "
                "dort auch umgesetzt werden können. Frühe Unterstützung soll dazu beitragen, "
                "dass schwierige Situationen möglichst gar nicht erst entstehen oder sich zum "
                "Guten wenden lassen.</p>"
                "<h2>Bewusst breiter Altersfokus</h2>"
                "<p>Das Kreisjugendamt richtet die Netzwerke auf Kinder von 0 bis 12 Jahren aus. "
                "Es geht damit über die Altersgruppe von 0 bis 3 Jahren hinaus, die das "
                "Nationale Zentrum Frühe Hilfen empfiehlt. Im Vordergrund steht ein früher "
                "Zugang zu Familien, ohne die Zielgruppe zu eng zu begrenzen.</p>",
            ),
            (
                "kennzahlen",
                [
                    {"wert": "5", "bezeichnung": "lokale Netzwerke im Gebiet des Kreisjugendamts"},
                    {"wert": "85", "bezeichnung": "Fachkräfte bei den Auftaktveranstaltungen"},
                    {"wert": "0–12", "bezeichnung": "Jahre: Altersgruppe der Netzwerke"},
                ],
            ),
        ],
        "partner": [
            "Jugendamt des Märkischen Kreises, Fachdienst Soziale Dienste",
            "Kinder- und Jugendärztlicher Dienst",
            "Fachkräfte aus Kinder- und Jugendhilfe, Gesundheitswesen und Bildung",
            "Städte und Gemeinden im Gebiet des Kreisjugendamts",
        ],
        "kontakt": "Märkischer Kreis, Kreisjugendamt, Fachdienst Soziale Dienste",
    },
    {
        "titel": "Willkommensbesuche für Familien mit Neugeborenen im Märkischen Kreis",
        "kommune": "Märkischer Kreis",
        "kreis_schluessel": "05962",
        "phasen": ["schwangerschaft_geburt"],
        "handlungsfelder": ["kinder_jugendhilfe"],
        "programm": "fruehe_hilfen",
        "angebotsart": "willkommensbesuch",
        "startjahr": 2011,
        "teaser": "Seit 2011 bietet das Kreisjugendamt des Märkischen Kreises Eltern von "
        "Neugeborenen einen freiwilligen Willkommensbesuch an, bei dem sie sich über Beratung "
        "und Unterstützung informieren können.",
        "inhalt": [
            (
                "text",
                "<p>Die Geburt eines Kindes stellt den Alltag einer Familie auf den Kopf. Viele "
                "Fragen tauchen erst in den ersten Wochen auf – und nicht alle Eltern wissen, "
                "an wen sie sich wenden können. Das Kreisjugendamt des Märkischen Kreises geht "
                "deshalb seit 2011 auf frischgebackene Eltern zu und bietet ihnen einen "
                "Willkommensbesuch an.</p>"
                "<h2>Freiwillig und informativ</h2>"
                "<p>Der Besuch ist ein freiwilliges Angebot. Er soll Eltern über die Beratungs- "
                "und Unterstützungsmöglichkeiten informieren, die ihnen offenstehen. Ob sie "
                "das Angebot annehmen, entscheiden die Familien selbst.</p>"
                "<h2>Teil eines Netzwerks</h2>"
                "<p>Die Willkommensbesuche gehören zu den bestehenden Angeboten, die in den "
                "Lokalen Netzwerken „Frühzeitige Hilfen“ des Kreises koordiniert werden. In "
                "diesen Netzwerken stimmen Fachkräfte aus Kinder- und Jugendhilfe, "
                "Gesundheitswesen und Bildung ihre Angebote ab und entwickeln neue – etwa "
                "Elterntrainings, Patenschaften oder Elterncafés, jeweils zugeschnitten auf "
                "die einzelne Stadt oder Gemeinde. Der Willkommensbesuch kann so zur Brücke "
                "werden: Wer Eltern kurz nach der Geburt kennenlernt, kann später gezielt auf "
                "passende Angebote vor Ort hinweisen.</p>"
                "<h2>Worauf es bei Willkommensbesuchen ankommt</h2>"
                "<ul>"
                "<li><strong>Freiwilligkeit betonen:</strong> Ein Besuch, der als Kontrolle "
                "missverstanden wird, schreckt Familien ab.</li>"
                "<li><strong>Anschluss sichern:</strong> Der Besuch entfaltet seinen Nutzen erst, "
                "wenn es vor Ort Angebote gibt, auf die verwiesen werden kann.</li>"
                "<li><strong>Früh ansetzen:</strong> Frühzeitige Unterstützung kann dazu "
                "beitragen, dass Problemlagen gar nicht erst entstehen.</li>"
                "</ul>",
            ),
            (
                "kennzahlen",
                [{"wert": "2011", "bezeichnung": "Beginn der Willkommensbesuche"}],
            ),
        ],
        "partner": [
            "Jugendamt des Märkischen Kreises",
            "Lokale Netzwerke „Frühzeitige Hilfen“",
        ],
        "kontakt": "Märkischer Kreis, Kreisjugendamt, Fachdienst Soziale Dienste",
    },
    {
        "titel": "Dortmund: Präventionskette mit Koordinierungsstelle und gesamtstädtischem "
        "Rahmenkonzept",
        "kommune": "Dortmund",
        "kreis_schluessel": "05913",
        "phasen": _ALLE_PHASEN,
        "handlungsfelder": ["bildung", "kinder_jugendhilfe", "gesundheit", "soziales"],
        "programm": "kinderstark",
        "angebotsart": "netzwerk",
        "startjahr": 2012,
        "teaser": "Dortmund baut seit 2012 eine kommunale Präventionskette auf – zunächst als "
        "Modellkommune von „Kein Kind zurücklassen!“, heute mit „kinderstark“ und einer "
        "Koordinierungsstelle beim Jugendamt.",
        "inhalt": [
            (
                "text",
                "<p>Dortmund gehörte 2012 zu den 18 Modellkommunen der Landesinitiative „Kein Kind "
                "zurücklassen!“. Seitdem baut die Stadt ihre Präventionskette gemeinsam mit "
                "internen und externen Partnern kontinuierlich aus – zunächst über das "
                "Landesprogramm „Kommunale Präventionsketten“, heute mit „kinderstark – NRW "
                "schafft Chancen“. Ziel ist es, Bildung, Kinder- und Jugendhilfe, "
                "Gesundheitswesen und soziale Unterstützungssysteme zu einer lückenlosen Kette "
                "zu verknüpfen, die in der Schwangerschaft beginnt und bis zum Start ins "
                "Berufsleben reicht. Besonderes Gewicht liegt auf Angeboten, die genau auf den "
                "Bedarf in den einzelnen Stadtteilen zugeschnitten sind.</p>"
                "<h2>Eine Koordinierungsstelle für die Gesamtstrategie</h2>"
                "<p>Beim Jugendamt wurde eine Koordinierungsstelle eingerichtet. Sie führt "
                "vorhandene und neue Bausteine der Präventionskette in einer Gesamtstrategie "
                "zusammen und moderiert den gesamten Prozess. Dabei bindet sie die beteiligten "
                "Institutionen, Fachkräfte und Teilnetzwerke über passende Beteiligungsformate "
                "ein. Angestrebt wird ein gesamtstädtisches Rahmenkonzept, das abgestimmte "
                "Handlungskonzepte in gemeinsamer Verantwortung verbindlich regelt. Fachliche "
                "Grundlage sind das fachliche Handbuch des Landesprogramms und dessen "
                "Qualitätsrahmen, beide auf die Dortmunder Verhältnisse zugeschnitten.</p>"
                "<h2>Frühe Hilfen und kinderstark unter einem Dach</h2>"
                "<p>Die Koordinierungsstelle „kinderstark“ und die Koordinationsstelle „Frühe "
                "Hilfen“ sind gemeinsam an die Präventionsfachstelle angebunden. So ist "
                "gesichert, dass beide Strukturen eng zusammenwirken und keine Parallelwelten "
                "entstehen.</p>"
                "<h2>Bausteine</h2>"
                "<p>Zu den gesamtstädtisch mit freien Trägern umgesetzten Maßnahmen gehören "
                "Babylotsinnen in den Geburtskliniken, Kita-Sozialarbeit, "
                "Familiengrundschulzentren sowie die sozialräumlichen Präventionsnetzwerke "
                "INFamilie mit den Familienbüros. Die Praxisbibliothek stellt sie jeweils "
                "einzeln vor.</p>",
            ),
            (
                "kennzahlen",
                [
                    {"wert": "2012", "bezeichnung": "Einstieg als Modellkommune"},
                    {"wert": "18", "bezeichnung": "Modellkommunen in der ersten Phase von KeKiz"},
                ],
            ),
        ],
        "partner": [
            "Jugendamt der Stadt Dortmund",
            "Präventionsfachstelle",
            "Koordinationsstelle Frühe Hilfen",
            "freie Träger der Kinder- und Jugendhilfe",
        ],
        "kontakt": "Stadt Dortmund, Jugendamt, Koordinierungsstelle kinderstark",
    },
    {
        "titel": "Babylotsinnen in allen Dortmunder Geburtskliniken",
        "kommune": "Dortmund",
        "kreis_schluessel": "05913",
        "phasen": ["schwangerschaft_geburt"],
        "handlungsfelder": ["gesundheit", "kinder_jugendhilfe"],
        "programm": "fruehe_hilfen",
        "angebotsart": "lotsendienst",
        "startjahr": 2021,
        "teaser": "Seit 2021 sprechen Babylotsinnen in allen vier Dortmunder Geburtskliniken "
        "(werdende) Eltern an und zeigen ihnen den Weg zu Unterstützung in ihrem Wohnumfeld.",
        "inhalt": [
            (
                "text",
                "<p>Seit 2021 arbeiten Babylotsinnen in sämtlichen vier Geburtskliniken der Stadt. "
                "Grundlage ist eine Vereinbarung zwischen Jugendamt und Kliniken. Das Angebot "
                "ist freiwillig und präventiv: Die Babylotsinnen sprechen werdende und "
                "frischgebackene Eltern im Klinikalltag an, informieren über "
                "Unterstützungsangebote in der Nähe des Wohnorts, stellen erste Kontakte her "
                "und begleiten Familien, wenn diese es wünschen.</p>"
                "<h2>Gemeinsam entwickelt</h2>"
                "<p>Leitbild, Informationsflyer und Einsatzkonzept der Babylotsinnen gelten für "
                "die ganze Stadt. Sie sind partizipativ entstanden – erarbeitet mit den "
                "Trägern, den Entscheidungsverantwortlichen der Kliniken und den Fachkräften "
                "selbst. So arbeiten die Lotsinnen in allen Häusern nach denselben "
                "Grundsätzen, und Eltern erhalten überall verlässliche Informationen.</p>"
                "<h2>Qualität sichern</h2>"
                "<p>Gemeinsam mit den Frühen Hilfen in Dortmund finden regelmäßig Qualitätszirkel "
                "der Babylotsinnen statt. Dort werden Erfahrungen ausgetauscht, Abläufe "
                "abgestimmt und das Konzept weiterentwickelt.</p>"
                "<h2>Der Platz in der Präventionskette</h2>"
                "<p>In der Geburtsklinik lassen sich sehr viele Familien erreichen, und zwar in "
                "einem Moment, in dem sie für Information und Hilfe besonders offen sind. Die "
                "Babylotsinnen bilden damit ein frühes Glied der Dortmunder Präventionskette "
                "und verbinden das Gesundheitswesen mit den Angeboten der Kinder- und "
                "Jugendhilfe im Stadtteil. Erklärtes Ziel ist, dass jedes Dortmunder Kind gut "
                "ins Leben startet, gesund aufwächst, von gestärkten Eltern begleitet wird "
                "und zuversichtlich nach vorn blicken kann.</p>",
            ),
            (
                "kennzahlen",
                [
                    {"wert": "4", "bezeichnung": "Geburtskliniken mit Babylotsinnen"},
                    {"wert": "2021", "bezeichnung": "Start in allen Dortmunder Geburtskliniken"},
                ],
            ),
            (
                "zitat",
                {
                    "text": "Ein Gespräch in der Klinik kann der Anfang sein: Wir zeigen Eltern, "
                    "welche Hilfe es in ihrem Stadtteil gibt, und gehen die ersten Schritte "
                    "mit, wenn sie das möchten.",
                    "quelle": "Sinngemäß aus dem Kreis der Dortmunder Babylotsinnen",
                },
            ),
        ],
        "partner": [
            "Jugendamt der Stadt Dortmund",
            "die vier Dortmunder Geburtskliniken",
            "Frühe Hilfen Dortmund",
            "Träger der Babylotsinnen",
        ],
        "kontakt": "Stadt Dortmund, Jugendamt, Koordinationsstelle Frühe Hilfen",
    },
    {
        "titel": "Kita-Sozialarbeit in den Dortmunder Stadtbezirken",
        "kommune": "Dortmund",
        "kreis_schluessel": "05913",
        "phasen": ["kita"],
        "handlungsfelder": ["kinder_jugendhilfe", "soziales"],
        "programm": "kinderstark",
        "angebotsart": "kita_sozialarbeit",
        "startjahr": None,
        "teaser": "Kita-Sozialarbeit bringt in Dortmund niedrigschwellige, aufsuchende Beratung "
        "dorthin, wo Familien mit kleinen Kindern ohnehin sind – in Kitas und "
        "Kindertagespflege.",
        "inhalt": [
            (
                "text",
                "<p>Die Kita-Sozialarbeit ist ein Baustein der Dortmunder Präventionskette für die "
                "Lebensphase rund um die Kita. Sie wird in Dortmunder Stadtbezirken umgesetzt, "
                "ist aufsuchend und sozialräumlich angelegt, wirkt präventiv und ist bewusst "
                "niedrigschwellig. Die Nutzung ist freiwillig.</p>"
                "<h2>Was Kita-Sozialarbeit leistet</h2>"
                "<ul>"
                "<li>Sie unterstützt Eltern bei erzieherischen Herausforderungen.</li>"
                "<li>Sie hilft bei der Suche nach Wegen aus familiären Problemlagen.</li>"
                "<li>Sie hilft bei komplizierten Anträgen und Behördengängen.</li>"
                "<li>Sie vermittelt Familien in passende Unterstützungsangebote vor Ort.</li>"
                "</ul>"
                "<h2>Vernetzt im Stadtbezirk</h2>"
                "<p>Die Fachkräfte kooperieren eng mit Kitas und Tagespflegestellen, ebenso mit "
                "weiteren Akteurinnen und Akteuren im jeweiligen Stadtbezirk – etwa "
                "Großtagespflegestellen, Frühförderstellen, Familienbüros und "
                "Beratungsstellen. Diese Vernetzung ist der Schlüssel: Sie erlaubt es, "
                "Familien ohne Umwege an die Stelle zu vermitteln, die ihnen tatsächlich "
                "weiterhilft.</p>"
                "<h2>Ein Konzept, das mitwächst</h2>"
                "<p>2021 wurde ein Rahmenkonzept „Kita-Sozialarbeit“ erarbeitet. Es wird seitdem "
                "fortlaufend überarbeitet und an die Erfahrungen aus der Praxis angepasst.</p>"
                "<h2>Warum gerade die Kita?</h2>"
                "<p>Die Kita ist für viele Familien ein vertrauter Ort. Wer dort regelmäßig "
                "ansprechbar ist, erreicht auch Eltern, die eine Beratungsstelle von sich aus "
                "kaum aufsuchen würden. Zugleich kann Kita-Sozialarbeit die pädagogischen "
                "Fachkräfte entlasten, die familiäre Belastungen oft als Erste bemerken, aber "
                "selten Zeit für eine intensive Begleitung haben.</p>",
            ),
            (
                "zitat",
                {
                    "text": "Wir sind da, wo die Familien ohnehin sind – und wir helfen auch "
                    "dann, wenn es um einen Antrag geht, der einfach nicht zu verstehen ist.",
                    "quelle": "Sinngemäß aus der Dortmunder Kita-Sozialarbeit",
                },
            ),
        ],
        "partner": [
            "Jugendamt der Stadt Dortmund",
            "Kindertageseinrichtungen und Kindertagespflegestellen",
            "Großtagespflegestellen",
            "Frühförderstellen",
            "Familienbüros",
            "Beratungsstellen",
        ],
        "kontakt": "Stadt Dortmund, Jugendamt, Koordinierungsstelle kinderstark",
    },
    {
        "titel": "Familiengrundschulzentren: Die Präventionskette in Dortmunder Grundschulen",
        "kommune": "Dortmund",
        "kreis_schluessel": "05913",
        "phasen": ["schule"],
        "handlungsfelder": ["bildung", "kinder_jugendhilfe", "soziales"],
        "programm": "kinderstark",
        "angebotsart": "familiengrundschulzentrum",
        "startjahr": None,
        "teaser": "Mit Familiengrundschulzentren setzt Dortmund seine Präventions- und "
        "Bildungskette im Primarbereich fort: Grundschulen werden zu Anlaufstellen für "
        "Familien im Quartier.",
        "inhalt": [
            (
                "text",
                "<p>Nach der Kita wird der Kontakt zu Familien oft lockerer. Dortmund verlängert "
                "deshalb mit dem Aufbau von Familiengrundschulzentren die Präventions- und "
                "Bildungskette der Stadt in die Grundschulzeit hinein. Für die "
                "Präventionskette ist das ein wichtiger Schritt: Unterstützung, die Familien "
                "in der Kita-Zeit kennengelernt haben, kann in der Grundschule eine "
                "Fortsetzung finden, und der Kontakt reißt am Übergang nicht ab.</p>"
                "<h2>Knotenpunkte im Quartier</h2>"
                "<p>Familiengrundschulzentren sind sozialräumliche Knotenpunkte: Die Grundschule "
                "wird zur Anlaufstelle nicht nur für Kinder, sondern für Familien aus dem "
                "ganzen Quartier. Eltern finden hier Ansprechpersonen, Informationen und "
                "Angebote an einem Ort, den sie durch ihre Kinder ohnehin kennen.</p>"
                "<h2>Koordination bei einem Träger im Bildungsnetz</h2>"
                "<p>Die Entwicklung der Konzepte begleitet eine Koordinierungsstelle, die bei "
                "einem Träger aus dem Dortmunder Bildungsnetz angesiedelt ist. Sie bezieht "
                "alle wichtigen Beteiligten ein, insbesondere das pädagogische Personal der "
                "Ganztagsbetreuung und die Schulsozialarbeit. Ziel ist, an den Schulen "
                "ganzheitliche Schulentwicklungsprozesse anzustoßen. Das "
                "Familiengrundschulzentrum soll also kein Zusatzangebot am Rand bleiben, "
                "sondern die Schule als Ganzes weiterentwickeln.</p>"
                "<h2>Was das Beispiel zeigt</h2>"
                "<ul>"
                "<li>Die Präventionskette endet nicht mit dem Schuleintritt; sie braucht in der "
                "Grundschule eine eigene Struktur.</li>"
                "<li>Ganztag und Schulsozialarbeit sind zentrale Partner, weil sie nah an Kindern "
                "und Eltern arbeiten.</li>"
                "<li>Eine eigene Koordination begleitet die Schulen in ihrer Entwicklung und "
                "bündelt Erfahrungen über Standorte hinweg.</li>"
                "</ul>",
            ),
            (
                "zitat",
                {
                    "text": "Eltern sollen die Grundschule als Ort erleben, an dem auch sie "
                    "selbst willkommen sind und Unterstützung finden.",
                    "quelle": "Sinngemäß aus der Koordination der Dortmunder "
                    "Familiengrundschulzentren",
                },
            ),
        ],
        "partner": [
            "Jugendamt der Stadt Dortmund",
            "Träger im Bildungsnetz (Koordinierungsstelle)",
            "Grundschulen",
            "Ganztagsbetreuung",
            "Schulsozialarbeit",
        ],
        "kontakt": "Koordinierungsstelle Familiengrundschulzentren bei einem Träger im Dortmunder "
        "Bildungsnetz",
    },
    {
        "titel": "INFamilie: Sozialräumliche Präventionsnetzwerke in Dortmund",
        "kommune": "Dortmund",
        "kreis_schluessel": "05913",
        "phasen": ["schwangerschaft_geburt", "kita", "schule"],
        "handlungsfelder": ["kinder_jugendhilfe", "soziales"],
        "programm": "kinderstark",
        "angebotsart": "netzwerk",
        "startjahr": None,
        "teaser": "In den Dortmunder Präventionsnetzwerken INFamilie schließen Fachkräfte vor Ort "
        "gemeinsam Lücken in der Präventionskette – koordiniert von den Familienbüros und "
        "begleitet von der städtischen Koordinierungsstelle.",
        "inhalt": [
            (
                "text",
                "<p>Eine gesamtstädtische Strategie allein reicht nicht: Welche Angebote fehlen, "
                "zeigt sich erst im einzelnen Stadtteil. Dortmund setzt seine Präventionskette "
                "deshalb vor allem in den sozialräumlichen Präventionsnetzwerken INFamilie "
                "um.</p>"
                "<h2>Lücken vor Ort schließen</h2>"
                "<p>In den Netzwerken INFamilie arbeiten die Akteurinnen und Akteure eines "
                "Sozialraums zusammen. Gemeinsam ermitteln sie, wo die Präventionskette in "
                "ihrem Gebiet Lücken hat, und schließen diese mit bedarfsorientierten "
                "Maßnahmen. Die Netzwerke sind damit die Ebene, auf der aus der "
                "Gesamtstrategie konkrete Angebote für Familien werden.</p>"
                "<h2>Koordination durch die Familienbüros</h2>"
                "<p>Koordiniert werden die sozialräumlichen Netzwerke von Mitarbeiterinnen und "
                "Mitarbeitern der kommunalen Familienbüros. Sie kennen die Familien und "
                "Einrichtungen in ihrem Bezirk und gehören zugleich zur Verwaltung – eine gute "
                "Voraussetzung, um zwischen Stadtteil und Gesamtstrategie zu vermitteln.</p>"
                "<h2>Qualität sichern</h2>"
                "<p>Die Koordinierungsstelle beim Jugendamt ist für die Qualitätssicherung der "
                "Netzwerke INFamilie zuständig. Sie wirkt deshalb mit, wenn neue Netzwerke "
                "aufgebaut werden, und führt den Qualitätszirkel der INFamilie-Netzwerke. Dort "
                "tauschen sich die Koordinierenden der einzelnen Netzwerke regelmäßig aus und "
                "stimmen ihr Vorgehen ab.</p>"
                "<h2>Übertragbare Elemente</h2>"
                "<p>Für Kommunen, die ähnliche Strukturen aufbauen wollen, lohnt der Blick auf "
                "folgende Elemente:</p>"
                "<ul>"
                "<li>eine klare Aufgabenteilung zwischen gesamtstädtischer Koordination und "
                "sozialräumlichen Netzwerken,</li>"
                "<li>feste Koordinierende je Netzwerk mit Verankerung in der Verwaltung,</li>"
                "<li>ein regelmäßiger Qualitätszirkel, der Erfahrungen aus den Stadtteilen "
                "bündelt.</li>"
                "<li>die Beteiligung der gesamtstädtischen Koordination schon beim Aufbau neuer "
                "Netzwerke, damit gemeinsame Qualitätsstandards von Anfang an gelten.</li>"
                "</ul>",
            ),
        ],
        "partner": [
            "Jugendamt der Stadt Dortmund, Koordinierungsstelle",
            "Familienbüros",
            "Einrichtungen und Fachkräfte in den Sozialräumen",
        ],
        "kontakt": "Stadt Dortmund, Jugendamt, Koordinierungsstelle kinderstark",
    },
    {
        "titel": "Familienbüros: Service- und Lotsenstellen für Dortmunder Familien",
        "kommune": "Dortmund",
        "kreis_schluessel": "05913",
        "phasen": ["schwangerschaft_geburt", "kita", "schule"],
        "handlungsfelder": ["kinder_jugendhilfe", "soziales"],
        "programm": "kinderstark",
        "angebotsart": "familienbuero",
        "startjahr": None,
        "teaser": "Die kommunalen Familienbüros in Dortmund sind niedrigschwellige Anlaufstellen "
        "für (werdende) Eltern – im Stadtbezirk, unterwegs und digital.",
        "inhalt": [
            (
                "text",
                "<p>An die kommunalen Familienbüros können sich werdende Eltern und Familien "
                "unkompliziert wenden: Sie sind Service- und Lotsenstelle in einem. Sie "
                "beantworten Fragen, informieren über Angebote und vermitteln Familien "
                "dorthin, wo sie passende Unterstützung erhalten. Zugleich koordinieren "
                "Mitarbeiterinnen und Mitarbeiter der Familienbüros die sozialräumlichen "
                "Präventionsnetzwerke INFamilie.</p>"
                "<h2>Beratung auch unterwegs</h2>"
                "<p>Dank einer digitalen Anbindung können die Mitarbeitenden Eltern und Familien "
                "zum Teil auch mobil beraten und unterstützen, etwa bei ihrer aufsuchenden "
                "Arbeit. Außerdem ermöglichen sie Eltern einen digitalen, barrierefreien "
                "Zugang zum Online-Angebot „Guter Start NRW“.</p>"
                "<h2>„Familienbüro to go“</h2>"
                "<p>Im Aufbau ist das Projekt „Familienbüro to go“. Es soll weitere leicht "
                "erreichbare Anlaufstellen schaffen – für werdende Eltern, Familien und "
                "Partnerorganisationen. Angebote der Familienbegleitung und Familienbildung "
                "sowie Gruppenangebote werden dabei an einer zentralen Anlaufstelle gebündelt "
                "und für Interessierte bereitgehalten.</p>"
                "<h2>Teil der Präventionskette</h2>"
                "<p>Die Familienbüros verbinden mehrere Glieder der Dortmunder Präventionskette: "
                "Sie sind für Eltern schon in der Schwangerschaft ansprechbar, koordinieren "
                "die Netzwerke INFamilie und gehören zu den Partnern, mit denen sich etwa die "
                "Kita-Sozialarbeit in den Stadtbezirken vernetzt.</p>"
                "<h2>Warum Familienbüros wirken können</h2>"
                "<p>Familien erleben Verwaltung häufig als unübersichtlich. Eine feste "
                "Anlaufstelle, die berät und weitervermittelt, senkt die Hemmschwelle. "
                "Koordiniert dieselbe Stelle zugleich das Netzwerk im Stadtteil, kennt sie "
                "die Angebote aus erster Hand und kann gezielt vermitteln. Für andere "
                "Kommunen ist vor allem diese Verbindung von Einzelberatung und "
                "Netzwerkkoordination interessant.</p>",
            ),
        ],
        "partner": [
            "Stadt Dortmund, Jugendamt",
            "Präventionsnetzwerke INFamilie",
            "Anbieter der Familienbegleitung und Familienbildung",
        ],
        "kontakt": "Stadt Dortmund, Familienbüro im jeweiligen Stadtbezirk",
    },
    {
        "titel": "Kreis Coesfeld: Steuerungsgruppe auf gesamtkommunaler Leitungsebene",
        "kommune": "Kreis Coesfeld",
        "kreis_schluessel": "05558",
        "phasen": ["schwangerschaft_geburt", "kita", "schule"],
        "handlungsfelder": [
            "bildung",
            "soziales",
            "kinder_jugendhilfe",
            "integration",
            "gesundheit",
        ],
        "programm": "kekiz",
        "angebotsart": "steuerungsgruppe",
        "startjahr": 2017,
        "teaser": "Im Kreis Coesfeld haben Leitungskräfte aus Jugend, Bildung, Gesundheit, "
        "Soziales und Integration 2017 eine gemeinsame Steuerungsgruppe für den Aufbau der "
        "Präventionskette gebildet.",
        "inhalt": [
            (
                "text",
                "<p>Kinder in ihrem Aufwachsen ganzheitlich fördern und dabei ihre Vielfalt und "
                "ihre unterschiedlichen Stärken berücksichtigen – diesem Ziel haben sich im "
                "Kreis Coesfeld Leitungskräfte aus Jugend, Bildung, Gesundheit, Soziales und "
                "Integration gemeinsam verschrieben. Dass der Kreis bei „Kein Kind "
                "zurücklassen!“ mitmacht, bündelt und stützt diese Prozesse. Der Leitgedanke "
                "lautet: „Auf den Anfang kommt es an.“</p>"
                "<h2>Vom Workshop zur Steuerungsgruppe</h2>"
                "<p>In einem ersten Planungsworkshop entstanden eine Steuerungsgruppe und eine "
                "Planungsgruppe. Im Sommer 2017 nahm die Steuerungsgruppe ihre Arbeit auf: "
                "Unter Leitung des Landrats kamen Abteilungsleitungen der Kreisverwaltung mit "
                "den Leitungen der städtischen Jugendämter zusammen. Damit sitzen der Kreis "
                "und die kreisangehörigen Städte mit eigenem Jugendamt an einem Tisch – eine "
                "wichtige Voraussetzung für eine Präventionskette in einem Flächenkreis.</p>"
                "<h2>Leitlinien und nächste Schritte</h2>"
                "<p>Als Leitlinien für die weitere Zielfindung hat die Leitungsebene gerechte "
                "Chancen, Möglichkeiten zur Teilhabe und den Respekt vor Vielfalt festgelegt "
                "und die Planungsgruppe mit der Ausarbeitung beauftragt. Als Nächstes sollten "
                "strategische Ziele entstehen: zur Sprachförderung in Bildungsprozessen und zu "
                "Informations- und Lotsensystemen, die Eltern den Zugang zu "
                "Unterstützungsangeboten erleichtern. Die Landesinitiative lief zunächst bis "
                "Ende 2018, um ihre Ergebnisse auszuwerten. Der Kreis bekannte sich unabhängig "
                "davon zur ämterübergreifenden Zusammenarbeit und wollte den Prozess mit "
                "Schwerpunkt auf Prävention und Familienförderung fortführen.</p>"
                "<h2>Qualifizierte Prozessbegleitung</h2>"
                "<p>Moderiert und organisiert wird der Prozess von einer Mitarbeiterin der "
                "Kreisverwaltung, die zuvor gemeinsam mit 23 weiteren Teilnehmenden den "
                "Zertifikatskurs „Prävention in der kommunalen Familienpolitik“ abgeschlossen "
                "hat.</p>",
            ),
            (
                "kennzahlen",
                [
                    {"wert": "5", "bezeichnung": "Leitungsbereiche in der Steuerungsgruppe"},
                    {
                        "wert": "24",
                        "bezeichnung": "Absolventinnen und Absolventen im Kursdurchgang",
                    },
                ],
            ),
            (
                "zitat",
                {
                    "text": "Präventionsketten aufzubauen ist eine gemeinsame Aufgabe aller Ämter "
                    "– ganz gleich, wer gerade politisch den Ton angibt.",
                    "quelle": "Sinngemäß aus der Kreisverwaltung Coesfeld",
                },
            ),
        ],
        "partner": [
            "Kreisverwaltung Coesfeld",
            "Jugendämter der kreisangehörigen Städte",
            "Planungsgruppe Präventionskette",
        ],
        "kontakt": "Kreis Coesfeld, Prozessmoderation Präventionskette",
    },
]
