"""Demo-Inhalte für Lernkette: eigenes Lehrmaterial auf Grundlage öffentlicher Fakten."""

# Personen, Organisationen und Präsentationsprojekte in TEILNEHMENDE und PRAESENTATIONEN sind
# frei erfunden; Ähnlichkeiten mit realen Personen sind nicht beabsichtigt.

from typing import Any, TypedDict


class Kurs(TypedDict):
    titel: str
    zusammenfassung: str
    zielgruppe: str
    stunden: int
    anwesenheit_schwelle: int
    foerderhinweis: str


class Lektion(TypedDict, total=False):
    titel: str
    minuten: int
    pflicht: bool
    h5p: bool
    inhalt: list[tuple[str, Any]]


class Modul(TypedDict):
    titel: str
    lernziele: list[str]
    lektionen: list[Lektion]


class Teilnehmende(TypedDict):
    vorname: str
    nachname: str
    organisation: str
    organisationsart: str
    kreis_schluessel: str
    geschlecht: str
    geburtsjahr: int
    fortschritt: float


class Praesentation(TypedDict):
    teilnehmende_index: int
    titel: str
    abstract: str
    status: str


class Praesenztag(TypedDict):
    tag: int
    beginn: str
    ende: str
    unterrichtseinheiten: int


class Praesenztermin(TypedDict):
    modul: int
    titel: str
    ort: str
    kreis_schluessel: str
    woche_nach_start: int
    tage: list[Praesenztag]
    schwerpunkte: list[str]


#: Eine Unterrichtseinheit (UE) dauert 45 Minuten.
MINUTEN_PRO_UNTERRICHTSEINHEIT = 45

KURS: Kurs = {
    "titel": "Prävention in der kommunalen Familienpolitik",
    "zusammenfassung": (
        "Der Zertifikatskurs vermittelt Grundlagen, Methoden und Praxisbeispiele für den Aufbau "
        "kommunaler Präventionsketten – von der Schwangerschaft bis zum Übergang in den Beruf. "
        "In vier Modulen mit Online-Lektionen und zweitägigen Präsenzterminen arbeiten Sie an "
        "einem Präventionsvorhaben Ihrer eigenen Kommune und stellen es zum Abschluss vor."
    ),
    "zielgruppe": (
        "Beschäftigte in Kommunal- und Kreisverwaltungen sowie bei freien Trägern in "
        "Nordrhein-Westfalen, die familienfreundliche Rahmenbedingungen planen, steuern und "
        "gestalten oder Netzwerke für Kinder, Jugendliche und Familien koordinieren."
    ),
    "stunden": 120,
    "anwesenheit_schwelle": 80,
    "foerderhinweis": (
        "Gefördert vom Familienministerium des Landes Nordrhein-Westfalen und aus Mitteln des "
        "Europäischen Sozialfonds (ESF Plus)."
    ),
}


# ---------------------------------------------------------------------------------------------
# Modul 1
# ---------------------------------------------------------------------------------------------

_M1_PRAEVENTIONSKETTE: Lektion = {
    "titel": "Was ist eine kommunale Präventionskette?",
    "minuten": 35,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Im Lauf ihrer Kindheit begegnen Kinder und ihre Eltern vielen Institutionen: der "
            "Hebamme und der Geburtsklinik, der Kinderarztpraxis, der Kita, der Grundschule, "
            "der weiterführenden Schule, der Jugendarbeit und schließlich der Berufsberatung. "
            "Jede dieser Stellen leistet für sich gute Arbeit. Trotzdem gehen Familien "
            "zwischen den Zuständigkeiten verloren – besonders dann, wenn ihnen Geld, Zeit, "
            "Sprachkenntnisse oder Vertrauen in Behörden fehlen. An dieser Stelle setzt die "
            "Idee der Präventionskette an.</p>"
            "<h2>Begriff und Grundgedanke</h2>"
            "<p>Eine kommunale Präventionskette ist eine <strong>Gesamtstrategie der "
            "Kommune</strong>: Angebote und Fachkräfte aus verschiedenen Bereichen werden so "
            "aufeinander abgestimmt, dass Kinder von der Schwangerschaft bis zum Eintritt ins "
            "Berufsleben ohne Brüche begleitet werden. Sie ist kein weiteres Projekt neben den "
            "bestehenden Angeboten, sondern eine Arbeitsweise, mit der vorhandene Ressourcen "
            "gemeinsam geplant, gesteuert und weiterentwickelt werden. Das Bild der Kette sagt "
            "zweierlei: Die Glieder greifen ineinander, und die Kette hält nur so viel aus wie "
            "ihr schwächstes Glied.</p>"
            "<h2>Vom Kind aus denken</h2>"
            "<p>Maßstab ist die Sicht des Kindes und seiner Familie. Welche Unterstützung braucht "
            "ein Kind in welcher Lebensphase, und wie erfährt die Familie davon? Aus dieser "
            "Perspektive ist es zweitrangig, ob ein Angebot vom Jugendamt, vom Gesundheitsamt, "
            "von der Schule oder von einem freien Träger stammt. Es kommt darauf an, dass es "
            "rechtzeitig da ist, gut erreichbar ist und zur Lebenslage passt.</p>"
            "<h2>Merkmale einer Präventionskette</h2>"
            "<ul>"
            "<li><strong>Biografiebegleitend:</strong> Sie umfasst alle Lebensphasen und achtet "
            "besonders auf die Übergänge, etwa von der Familie in die Kita oder von der Schule "
            "in die Ausbildung.</li>"
            "<li><strong>Bereichsübergreifend:</strong> Gesundheit, Bildung, Kinder- und "
            "Jugendhilfe, Soziales, Integration und Stadtentwicklung arbeiten an gemeinsamen "
            "Zielen.</li>"
            "<li><strong>Strukturell verankert:</strong> Es gibt einen politischen Auftrag, eine "
            "verantwortliche Steuerung und eine Koordination mit klarem Mandat.</li>"
            "<li><strong>Sozialräumlich ausgerichtet:</strong> Ressourcen fließen verstärkt "
            "dorthin, wo die Belastungen am größten sind – nach dem Grundsatz „Ungleiches "
            "ungleich behandeln“.</li>"
            "<li><strong>Beteiligungsorientiert:</strong> Familien werden nicht nur versorgt, "
            "sondern gestalten Angebote mit.</li>"
            "</ul>"
            "<h2>Verhalten und Verhältnisse</h2>"
            "<p>Die Fachdiskussion unterscheidet <em>Verhaltensprävention</em>, die am Wissen und "
            "Handeln einzelner Menschen ansetzt (zum Beispiel ein Elternkurs), und "
            "<em>Verhältnisprävention</em>, die Lebensbedingungen verändert (zum Beispiel ein "
            "gut erreichbares Familienzentrum im Quartier). Präventionsketten verbinden "
            "beides. Ihr Schwerpunkt liegt aber auf den Verhältnissen: auf Strukturen, die es "
            "Familien leicht machen, Unterstützung früh und ohne Scham anzunehmen.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Zum Weiterdenken",
                "text": "Skizzieren Sie für Ihre Kommune eine Zeitleiste von der Schwangerschaft "
                "bis zum 18. Lebensjahr. Tragen Sie ein, welche Stellen Familien in jeder "
                "Phase sicher erreichen und wo die Kette Lücken hat. Die Skizze brauchen Sie "
                "im ersten Präsenztermin.",
            },
        ),
    ],
}

_M1_ARMUT: Lektion = {
    "titel": "Vertiefung: Aufwachsen in Armut – Lebenslagen, Risiken und Schutzfaktoren",
    "minuten": 30,
    "pflicht": False,
    "inhalt": [
        (
            "text",
            "<p>Präventionsketten sind in Nordrhein-Westfalen ausdrücklich auch ein Instrument "
            "gegen die Folgen von Kinderarmut. Wer eine Präventionskette mitgestaltet, sollte "
            "daher verstehen, wie Armut das Aufwachsen prägt – und wie man darauf reagiert, "
            "ohne Familien zu beschämen.</p>"
            "<h2>Was heißt Armut bei Kindern?</h2>"
            "<p>In Deutschland wird Armut meist relativ gemessen: Als armutsgefährdet gilt ein "
            "Haushalt, dessen bedarfsgewichtetes Einkommen unter 60 Prozent des mittleren "
            "Einkommens liegt. Für die kommunale Planung ist außerdem der Anteil der Kinder "
            "aussagekräftig, die in Haushalten mit Leistungen nach dem SGB II leben. Diese "
            "Zahl lässt sich kleinräumig auswerten und zeigt, wie ungleich Armut über die "
            "Stadtteile verteilt ist.</p>"
            "<h2>Der Lebenslagenansatz</h2>"
            "<p>Armut bedeutet mehr als fehlendes Geld. Die Armutsforschung – etwa die "
            "Langzeitstudie von AWO und ISS zur Kinderarmut – betrachtet mehrere Dimensionen "
            "der Lebenslage eines Kindes:</p>"
            "<ul>"
            "<li>die materielle Grundversorgung, also Wohnen, Ernährung und Kleidung,</li>"
            "<li>die kulturelle Lage, also Bildung, Sprache und Zugang zu Kultur,</li>"
            "<li>die soziale Lage, also Freundschaften, Vereine und Teilhabe,</li>"
            "<li>die gesundheitliche Lage, also körperliche und seelische Entwicklung.</li>"
            "</ul>"
            "<p>Kinder aus einkommensarmen Familien sind in mehreren dieser Dimensionen häufiger "
            "benachteiligt. Armut führt aber nicht zwangsläufig zu Entwicklungsproblemen: "
            "Viele Kinder entwickeln sich trotz schwieriger Bedingungen gut.</p>"
            "<h2>Risiko- und Schutzfaktoren</h2>"
            "<p>Die Resilienzforschung beschreibt, was Kinder stärkt: mindestens eine verlässliche "
            "Bezugsperson, ein positives Selbstbild, die Erfahrung, selbst etwas bewirken zu "
            "können, unterstützende Freundschaften sowie gute Kitas und Schulen. Eine "
            "Präventionskette kann Armut selten beseitigen. Sie kann aber Schutzfaktoren "
            "systematisch stärken und Belastungen abfedern.</p>"
            "<h2>Armutssensibel handeln</h2>"
            "<ul>"
            "<li><strong>Kostenfallen prüfen:</strong> Eintritt, Material, Ausflüge und "
            "Fahrtkosten verhindern oft die Teilnahme.</li>"
            "<li><strong>Leistungen erschließen:</strong> Familien aktiv auf das Bildungs- und "
            "Teilhabepaket hinweisen und beim Antrag helfen.</li>"
            "<li><strong>Haltung reflektieren:</strong> Familien nicht als „Problemfälle“ "
            "beschreiben, sondern als Partner mit eigenen Stärken.</li>"
            "<li><strong>Wege verkürzen:</strong> Angebote dorthin bringen, wo Familien ohnehin "
            "sind – in Kita, Schule, Kinderarztpraxis und Quartier.</li>"
            "</ul>",
        ),
        (
            "hinweis",
            {
                "titel": "Datenquelle in Ihrer Kommune",
                "text": "Fragen Sie bei Ihrer Jugendhilfe- oder Sozialplanung nach kleinräumigen "
                "Daten zu Kindern in Haushalten mit SGB-II-Leistungen. Sie sind ein guter "
                "Ausgangspunkt, um Schwerpunkt-Sozialräume für die Präventionskette "
                "auszuwählen.",
            },
        ),
    ],
}

_M1_PROGRAMME: Lektion = {
    "titel": "Von „Kein Kind zurücklassen!“ zu „kinderstark“: Landesprogramme und Rechtsrahmen",
    "minuten": 40,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Kommunale Präventionsketten sind in Nordrhein-Westfalen nicht aus dem Nichts "
            "entstanden. Das Land hat ihren Aufbau seit 2012 mit aufeinander aufbauenden "
            "Programmen unterstützt. Zugleich stützen sich Präventionsketten auf bestehende "
            "gesetzliche Aufträge der Kommunen.</p>"
            "<h2>„Kein Kind zurücklassen!“ (KeKiz)</h2>"
            "<p>2012 startete die Landesinitiative „Kein Kind zurücklassen! Kommunen in NRW beugen "
            "vor“ gemeinsam mit der Bertelsmann Stiftung. 18 Modellkommunen – darunter "
            "Dortmund – bauten Präventionsketten auf und wurden wissenschaftlich begleitet. "
            "Später kamen weitere Kommunen hinzu, sodass schließlich 40 Städte und Kreise "
            "beteiligt waren, unter ihnen Ahlen und der Kreis Coesfeld. Die teilnehmenden "
            "Kommunen erhielten eine Förderung für Koordination vor Ort und tauschten sich in "
            "einem Lernnetzwerk über gelingende Ansätze aus. Leitgedanke war, vorbeugend zu "
            "handeln und jedem Kind faire Aussichten darauf zu eröffnen, gut aufzuwachsen, zu "
            "lernen und dazuzugehören – gleich, woher es kommt und wie viel seine Eltern "
            "verdienen.</p>"
            "<h2>„kinderstark – NRW schafft Chancen“</h2>"
            "<p>Seit 2020 führt das Landesprogramm „kinderstark“ diese Arbeit in die Fläche. Die "
            "meisten Jugendämter in Nordrhein-Westfalen nehmen teil. Vorrangig fördert das "
            "Programm <strong>strukturbildende Maßnahmen</strong>: Koordination, Vernetzung "
            "und fachbereichsübergreifende Zusammenarbeit. Daneben können Maßnahmen gefördert "
            "werden, die werdenden Eltern, Kindern und Jugendlichen unmittelbar bessere "
            "Möglichkeiten für Entwicklung und Teilhabe eröffnen. Ein weiteres Ziel ist die "
            "Verzahnung mit anderen Programmen, etwa Lotsendiensten in Geburtskliniken, "
            "Familiengrundschulzentren oder der Stärkung von Quartieren mit besonderen "
            "Belastungen. Ein fachliches Handbuch und ein Qualitätsrahmen geben Orientierung, "
            "die Kommunen an ihre Verhältnisse anpassen.</p>"
            "<h2>Rechtliche Anknüpfungspunkte</h2>"
            "<ul>"
            "<li><strong>SGB VIII:</strong> Die Kinder- und Jugendhilfe soll dazu beitragen, "
            "positive Lebensbedingungen für junge Menschen und ihre Familien zu schaffen (§ "
            "1). Die Jugendhilfeplanung (§ 80) und die Pflicht zur strukturellen "
            "Zusammenarbeit mit Schulen, Gesundheitswesen, Jobcentern und weiteren Stellen (§ "
            "81) bilden den Kern des Auftrags.</li>"
            "<li><strong>Bundeskinderschutzgesetz:</strong> Seit dem 1. Januar 2012 sieht das "
            "darin enthaltene Gesetz zur Kooperation und Information im Kinderschutz (KKG) den "
            "flächendeckenden Aufbau verbindlicher Netzwerke im Kinderschutz und in den Frühen "
            "Hilfen vor; organisiert werden sie in der Regel vom Jugendamt.</li>"
            "<li><strong>Gesundheit:</strong> Das Präventionsgesetz ermöglicht "
            "Gesundheitsförderung in Lebenswelten wie Kita, Schule und Kommune; der "
            "öffentliche Gesundheitsdienst liefert mit den Schuleingangsuntersuchungen "
            "wichtige Daten.</li>"
            "<li><strong>Schule:</strong> Schulen in Nordrhein-Westfalen sind aufgefordert, mit "
            "außerschulischen Partnern im Umfeld zusammenzuarbeiten.</li>"
            "</ul>"
            "<p>Eine Präventionskette schafft also selten neue Pflichten. Sie verbindet "
            "vorhandene Aufträge zu einer gemeinsamen Strategie.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Tipp",
                "text": "Klären Sie früh, welche Programme in Ihrer Kommune bereits laufen und "
                "wer sie verantwortet. Viele Kommunen entdecken dabei Doppelstrukturen – und "
                "Mittel, die sich besser bündeln lassen.",
            },
        ),
    ],
}

_M1_WISSENSCHECK: Lektion = {
    "titel": "Wissenscheck: Grundbegriffe der Präventionskette",
    "minuten": 10,
    "pflicht": True,
    "h5p": True,
    "inhalt": [
        (
            "text",
            "<p>Mit diesem kurzen Wissenscheck prüfen Sie, ob die wichtigsten Begriffe aus Modul 1 "
            "sitzen: Präventionskette, Lebensphasen und Übergänge, Verhaltens- und "
            "Verhältnisprävention sowie die Landesprogramme „Kein Kind zurücklassen!“ und "
            "„kinderstark“.</p>"
            "<p>Beantworten Sie die Frage und wählen Sie anschließend "
            "<strong>„Überprüfen“</strong>. Sobald Sie die Frage richtig beantwortet haben, wird "
            "die Lektion automatisch als erledigt markiert. Nach einer falschen Antwort wählen "
            "Sie <strong>„Wiederholen“</strong> und versuchen es noch einmal – so oft Sie "
            "möchten; es wird keine Note vergeben.</p>",
        ),
    ],
}

_MODUL_1: Modul = {
    "titel": "Grundlagen kommunaler Prävention",
    "lernziele": [
        "den Begriff der kommunalen Präventionskette erklären und von einzelnen "
        "Präventionsangeboten abgrenzen",
        "die Lebensphasen von der Schwangerschaft bis zum Berufseinstieg und ihre Übergänge als "
        "Ansatzpunkte für Prävention benennen",
        "die Landesprogramme „Kein Kind zurücklassen!“ und „kinderstark“ sowie die wichtigsten "
        "Rechtsgrundlagen einordnen",
        "Zusammenhänge zwischen Armut, Lebenslagen und Entwicklungschancen von Kindern beschreiben",
    ],
    "lektionen": [_M1_PRAEVENTIONSKETTE, _M1_ARMUT, _M1_PROGRAMME, _M1_WISSENSCHECK],
}


# ---------------------------------------------------------------------------------------------
# Modul 2
# ---------------------------------------------------------------------------------------------

_M2_STEUERUNG: Lektion = {
    "titel": "Steuerungsgruppe und Koordination: die Architektur einer Präventionskette",
    "minuten": 40,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Gute Absichten allein tragen keine Präventionskette. Damit viele Ämter und Träger "
            "dauerhaft an einem Strang ziehen, braucht es eine klare Struktur: Wer "
            "entscheidet, wer koordiniert, wer setzt um? Bewährt hat sich ein Aufbau mit drei "
            "Ebenen.</p>"
            "<h2>1. Politischer Auftrag und strategische Steuerung</h2>"
            "<p>Am Anfang steht idealerweise ein Beschluss des Rates oder Kreistags. Er macht die "
            "Präventionskette zur gemeinsamen Aufgabe der ganzen Verwaltung und nicht nur des "
            "Jugendamts. Die <strong>Steuerungsgruppe</strong> übersetzt diesen Auftrag in "
            "Ziele und Prioritäten. In ihr sitzen Leitungskräfte mit Entscheidungsbefugnis: "
            "aus Jugend, Schule, Gesundheit und Soziales, häufig auch aus Integration und "
            "Stadtplanung, dazu Jobcenter, Agentur für Arbeit und Wohlfahrtsverbände. Die "
            "Steuerungsgruppe</p>"
            "<ul>"
            "<li>legt strategische Ziele und Schwerpunkt-Sozialräume fest,</li>"
            "<li>entscheidet über den Einsatz von Personal und Mitteln,</li>"
            "<li>räumt Hindernisse zwischen Ämtern und Trägern aus dem Weg,</li>"
            "<li>erteilt Arbeitsaufträge und nimmt Ergebnisse ab.</li>"
            "</ul>"
            "<p>In Kreisen ist die Lage besonders: Neben dem Kreisjugendamt gibt es oft städtische "
            "Jugendämter. Eine kreisweite Steuerungsgruppe bringt dann Kreisverwaltung und "
            "Jugendamtsleitungen der Städte an einen Tisch.</p>"
            "<h2>2. Koordination</h2>"
            "<p>Die <strong>Koordinierungsstelle</strong> ist das Herz der Präventionskette. Sie "
            "bereitet Sitzungen vor, moderiert Prozesse, hält die Netzwerke zusammen, wertet "
            "Daten aus und sorgt für Kommunikation nach innen und außen. Häufig arbeitet ihr "
            "eine Planungsgruppe auf Fachebene zu. Entscheidend ist ein klares Mandat: Eine "
            "Koordination ohne Rückendeckung der Leitung wird schnell zur freundlichen "
            "Bittstellerin.</p>"
            "<h2>3. Umsetzung in Arbeitsgruppen und Sozialräumen</h2>"
            "<p>Auf der dritten Ebene arbeiten Fachkräfte in thematischen Arbeitsgruppen – etwa zu "
            "den Lebensphasen – oder in sozialräumlichen Netzwerken. Hier entstehen konkrete "
            "Vorschläge, die über die Koordination an die Steuerungsgruppe gehen.</p>"
            "<h2>Typische Stolpersteine</h2>"
            "<ul>"
            "<li>Die Steuerungsgruppe ist mit Vertretungen ohne Entscheidungsbefugnis besetzt.</li>"
            "<li>Zuständigkeiten zwischen Koordination, Jugendhilfeplanung und Frühen Hilfen sind "
            "ungeklärt.</li>"
            "<li>Ergebnisse der Arbeitsgruppen bleiben ohne Rückmeldung und versanden.</li>"
            "</ul>",
        ),
        (
            "hinweis",
            {
                "titel": "Aus der Praxis",
                "text": "In der Praxisbibliothek finden Sie Beispiele aus Ahlen und dem Kreis "
                "Coesfeld, wie Steuerungsgruppen zusammengesetzt wurden und wie "
                "Arbeitsgruppen ihnen zuarbeiten.",
            },
        ),
    ],
}

_M2_NETZWERK: Lektion = {
    "titel": "Netzwerkarbeit gestalten: Akteure, Phasen und Vereinbarungen",
    "minuten": 40,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Präventionsketten leben von Netzwerken. Netzwerke entstehen jedoch nicht von "
            "selbst, nur weil alle Beteiligten Kooperation für sinnvoll halten. Sie müssen "
            "bewusst aufgebaut, gepflegt und von Zeit zu Zeit erneuert werden.</p>"
            "<h2>Wer gehört dazu? Die Akteursanalyse</h2>"
            "<p>Am Anfang steht eine Bestandsaufnahme. Eine Netzwerkkarte zeigt, wer in der "
            "Kommune mit Kindern und Familien arbeitet: Jugendamt, Gesundheitsamt mit dem "
            "Kinder- und Jugendgesundheitsdienst, Kitas und Kindertagespflege, Schulen und "
            "Schulaufsicht, Jobcenter und Agentur für Arbeit, Wohlfahrtsverbände, "
            "Beratungsstellen, Hebammen, Kinder- und Jugendarztpraxen, Geburtskliniken, "
            "Sportvereine, Migrantenorganisationen, Kirchengemeinden und die Stadtplanung. "
            "Ordnen Sie die Akteure danach, wie groß ihr Einfluss und ihr Interesse sind. So "
            "erkennen Sie, wen Sie früh einbinden müssen und wen Sie erst noch gewinnen "
            "wollen.</p>"
            "<h2>Phasen eines Netzwerks</h2>"
            "<ol>"
            "<li><strong>Initiierung:</strong> Anlass klären, Schlüsselpersonen gewinnen, ein "
            "erstes gemeinsames Verständnis des Problems schaffen.</li>"
            "<li><strong>Aufbau:</strong> Ziele vereinbaren, Rollen verteilen, Arbeitsformen und "
            "Sitzungsrhythmus festlegen.</li>"
            "<li><strong>Stabilisierung:</strong> erste sichtbare Ergebnisse erzielen, Vertrauen "
            "festigen, Routinen entwickeln.</li>"
            "<li><strong>Verstetigung:</strong> Strukturen absichern, etwa durch "
            "Kooperationsvereinbarungen und feste Ressourcen – und das Netzwerk regelmäßig "
            "überprüfen.</li>"
            "</ol>"
            "<h2>Verbindlichkeit herstellen</h2>"
            "<p>Kooperationsvereinbarungen machen Zusammenarbeit unabhängig von einzelnen "
            "Personen. Sie beschreiben gemeinsame Ziele, Aufgaben und Ansprechpersonen, Wege "
            "der Vermittlung von Familien, den Umgang mit personenbezogenen Daten und einen "
            "Termin, an dem die Vereinbarung überprüft wird. Beim Datenschutz gilt: "
            "Informationen über Familien werden grundsätzlich nur mit deren Einwilligung "
            "weitergegeben. Viele Netzwerke arbeiten deshalb mit begleiteten Übergaben, bei "
            "denen die Familie selbst dabei ist.</p>"
            "<h2>Der Nutzen für alle</h2>"
            "<p>Fachkräfte investieren Zeit in Netzwerke nur, wenn sie einen Gewinn für ihre "
            "eigene Arbeit sehen: schnellere Vermittlung, weniger Doppelarbeit, Entlastung in "
            "schwierigen Fällen, Zugang zu Wissen. Machen Sie diesen Nutzen ausdrücklich zum "
            "Thema – und halten Sie Treffen schlank, gut vorbereitet und "
            "ergebnisorientiert.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Übung für die Projektarbeit",
                "text": "Erstellen Sie eine Netzwerkkarte für das Vorhaben, das Sie in Ihrer "
                "Abschlusspräsentation vorstellen möchten. Markieren Sie die drei Akteure, "
                "die Sie als Nächstes ansprechen wollen, und notieren Sie jeweils deren "
                "möglichen Nutzen.",
            },
        ),
    ],
}

_M2_PLANUNG: Lektion = {
    "titel": "Integrierte Planung: Fachplanungen zusammenführen",
    "minuten": 35,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>In jeder Kommune wird viel geplant – allerdings meist nebeneinander. Die "
            "Jugendhilfeplanung ermittelt Bedarfe an Kitaplätzen und Hilfen, die "
            "Schulentwicklungsplanung kümmert sich um Schulstandorte, der öffentliche "
            "Gesundheitsdienst berichtet über die Gesundheit der Kinder, die Sozialplanung "
            "beobachtet Armut, und die Stadtentwicklung plant Quartiere. Eine Präventionskette "
            "gewinnt enorm, wenn diese Planungen zusammenfinden.</p>"
            "<h2>Die beteiligten Fachplanungen</h2>"
            "<ul>"
            "<li><strong>Jugendhilfeplanung</strong> (§ 80 SGB VIII): Bestand, Bedarf und "
            "Maßnahmen der Kinder- und Jugendhilfe.</li>"
            "<li><strong>Schulentwicklungsplanung:</strong> Schulstandorte, Ganztag und "
            "Schülerzahlen.</li>"
            "<li><strong>Gesundheitsberichterstattung:</strong> etwa die Ergebnisse der "
            "Schuleingangsuntersuchungen; in Nordrhein-Westfalen bringen kommunale "
            "Gesundheitskonferenzen die Akteure des Gesundheitswesens zusammen.</li>"
            "<li><strong>Sozialplanung:</strong> Armutslagen, Leistungsbezug, soziale "
            "Infrastruktur.</li>"
            "<li><strong>Stadtentwicklung:</strong> integrierte Stadtteilkonzepte, zum Beispiel im "
            "Städtebauförderprogramm „Sozialer Zusammenhalt“.</li>"
            "</ul>"
            "<h2>Schritte zu einer integrierten Planung</h2>"
            "<ol>"
            "<li><strong>Gemeinsame Raumgliederung:</strong> Alle Planungen nutzen dieselben "
            "Sozialräume oder statistischen Bezirke. Nur so lassen sich Daten "
            "übereinanderlegen.</li>"
            "<li><strong>Gemeinsame Datenbasis:</strong> Ausgewählte Kennzahlen werden regelmäßig "
            "zusammengeführt und gemeinsam interpretiert.</li>"
            "<li><strong>Abgestimmte Ziele:</strong> Die Fachplanungen beziehen sich auf die "
            "Ziele, die die Steuerungsgruppe für die Präventionskette festgelegt hat.</li>"
            "<li><strong>Koordinierter Mitteleinsatz:</strong> Fördermittel aus verschiedenen "
            "Programmen werden so beantragt und eingesetzt, dass sie einander ergänzen statt "
            "konkurrieren.</li>"
            "</ol>"
            "<h2>Programme verzahnen</h2>"
            "<p>Eine typische Kommune arbeitet gleichzeitig mit Mitteln für Frühe Hilfen, "
            "kinderstark, Familienzentren, Familiengrundschulzentren, Schulsozialarbeit und "
            "Quartiersentwicklung. Jedes Programm hat eigene Berichtspflichten und Fristen. "
            "Die Präventionskette bietet den Rahmen, um diese Bausteine als Teile eines Ganzen "
            "zu steuern: Welche Lücke schließt welches Programm, und wo doppeln sich "
            "Angebote?</p>"
            "<p>Integrierte Planung beginnt oft klein – etwa mit einem gemeinsamen Arbeitstreffen "
            "der Planerinnen und Planer pro Quartal. Entscheidend ist, dass daraus ein fester "
            "Bestandteil der Verwaltungsroutine wird.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Kurzübung",
                "text": (
                    "Listen Sie auf, welche Fachplanungen es in Ihrer Kommune gibt, wer sie "
                    "verantwortet und welche Raumgliederung sie jeweils verwenden. Wo stimmen "
                    "die Sozialräume überein, wo nicht? Das Ergebnis ist ein guter "
                    "Gesprächsanlass für das nächste Treffen mit der Jugendhilfe- und der "
                    "Sozialplanung."
                ),
            },
        ),
    ],
}

_M2_MODERATION: Lektion = {
    "titel": "Vertiefung: Moderation, Rollenklärung und Konflikte im Netzwerk",
    "minuten": 30,
    "pflicht": False,
    "inhalt": [
        (
            "text",
            "<p>Koordinatorinnen und Koordinatoren von Präventionsketten verbringen viel Zeit in "
            "Sitzungen. Ob diese Sitzungen Energie geben oder rauben, hängt stark von ihrer "
            "Vorbereitung und Moderation ab.</p>"
            "<h2>Sitzungen wirksam gestalten</h2>"
            "<ul>"
            "<li><strong>Auftrag klären:</strong> Was soll am Ende der Sitzung stehen – eine "
            "Information, ein Austausch oder eine Entscheidung?</li>"
            "<li><strong>Tagesordnung mit Zielen:</strong> Zu jedem Punkt steht, was erreicht "
            "werden soll und wie viel Zeit dafür vorgesehen ist.</li>"
            "<li><strong>Visualisieren:</strong> Gemeinsame Notizen, Karten oder Netzwerkbilder "
            "machen Diskussionen nachvollziehbar.</li>"
            "<li><strong>Ergebnisprotokoll:</strong> Es hält Vereinbarungen, Zuständigkeiten und "
            "Fristen fest – nicht den Verlauf jeder Wortmeldung.</li>"
            "</ul>"
            "<h2>Rollen klären</h2>"
            "<p>Wer moderiert, sollte in diesem Moment nicht zugleich die Interessen des eigenen "
            "Amtes vertreten. Wenn die Koordination beide Rollen hat, hilft es, den "
            "Rollenwechsel offen anzusagen („Jetzt spreche ich für das Jugendamt“) oder die "
            "Moderation einzelner Punkte abzugeben.</p>"
            "<h2>Konflikte gehören dazu</h2>"
            "<p>In Netzwerken treffen unterschiedliche Aufträge, Fachsprachen und Hierarchien "
            "aufeinander. Typische Konfliktfelder sind die Konkurrenz freier Träger um "
            "Fördermittel, Sorgen um den Datenschutz, unterschiedliche Vorstellungen von "
            "Kinderschutz oder die Frage, wer die Kosten eines gemeinsamen Angebots trägt. "
            "Hilfreich ist es,</p>"
            "<ul>"
            "<li>hinter Positionen nach Interessen zu fragen: Was genau befürchtet die Schule, was "
            "braucht der Träger?</li>"
            "<li>Transparenz über Entscheidungswege und Mittelvergabe herzustellen,</li>"
            "<li>gemeinsame Kriterien zu entwickeln, bevor über konkrete Fälle oder Anträge "
            "gesprochen wird,</li>"
            "<li>ungelöste Grundsatzfragen bewusst an die Steuerungsgruppe weiterzugeben, statt "
            "sie im Arbeitskreis zu zerreden.</li>"
            "</ul>"
            "<p>Ein Netzwerk, in dem Konflikte offen angesprochen werden dürfen, ist meist "
            "stabiler als eines, in dem alle freundlich nicken und anschließend doch allein "
            "weiterarbeiten.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Reflexionsfrage",
                "text": "Denken Sie an die letzte Netzwerksitzung, an der Sie teilgenommen haben: "
                "Welche Entscheidung wurde getroffen, und wer war dafür verantwortlich, sie "
                "umzusetzen? Wenn Sie das nicht sicher sagen können, lohnt sich ein Blick auf "
                "Tagesordnung und Protokoll.",
            },
        ),
    ],
}

_MODUL_2: Modul = {
    "titel": "Netzwerke und Steuerung",
    "lernziele": [
        "die Ebenen Steuerung, Koordination und Umsetzung einer Präventionskette unterscheiden "
        "und sinnvoll besetzen",
        "eine Akteursanalyse für die eigene Kommune durchführen und Kooperationen verbindlich "
        "vereinbaren",
        "Netzwerktreffen zielorientiert planen, moderieren und auswerten",
        "Jugendhilfe-, Schul-, Gesundheits- und Sozialplanung mit der Präventionskette verknüpfen",
    ],
    "lektionen": [_M2_STEUERUNG, _M2_NETZWERK, _M2_PLANUNG, _M2_MODERATION],
}


# ---------------------------------------------------------------------------------------------
# Modul 3
# ---------------------------------------------------------------------------------------------

_M3_FRUEHE_HILFEN: Lektion = {
    "titel": "Frühe Hilfen: das erste Glied der Kette",
    "minuten": 40,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Rund um Schwangerschaft und Geburt sind Eltern besonders offen für Information und "
            "Unterstützung – und zugleich besonders gefordert. Die Frühen Hilfen nutzen dieses "
            "Zeitfenster. In vielen Kommunen bilden sie das erste und am besten ausgebaute "
            "Glied der Präventionskette.</p>"
            "<h2>Was sind Frühe Hilfen?</h2>"
            "<p>Frühe Hilfen sind <strong>koordinierte, freiwillige "
            "Unterstützungsangebote</strong> für werdende Eltern und Familien mit Kindern bis "
            "etwa drei Jahren. Sie sollen Eltern in ihren Beziehungs- und "
            "Erziehungskompetenzen stärken und so zu einem gesunden und geschützten Aufwachsen "
            "beitragen. Dazu gehören allgemeine Angebote für alle Familien, etwa Elterncafés "
            "oder Informationen nach der Geburt, ebenso wie gezielte Begleitung von Familien "
            "in belastenden Lebenslagen. Frühe Hilfen sind kein Instrument der Kontrolle: Sie "
            "setzen auf Vertrauen, Freiwilligkeit und die Zusammenarbeit von Kinder- und "
            "Jugendhilfe und Gesundheitswesen.</p>"
            "<h2>Rechtsgrundlagen</h2>"
            "<p>Mit dem Bundeskinderschutzgesetz, das am 1. Januar 2012 in Kraft trat, wurden "
            "Frühe Hilfen gesetzlich verankert. Das Gesetz zur Kooperation und Information im "
            "Kinderschutz (KKG) beschreibt Frühe Hilfen und sieht verbindliche Netzwerke vor, "
            "die in der Regel das Jugendamt organisiert und in denen unter anderem Jugendamt, "
            "Gesundheitsamt, Beratungsstellen, Geburtskliniken, Hebammen und Ärztinnen und "
            "Ärzte zusammenarbeiten.</p>"
            "<h2>Die Bundesstiftung Frühe Hilfen</h2>"
            "<p>Auf die Bundesinitiative Frühe Hilfen (2012 bis 2017) folgte 2018 die "
            "<strong>Bundesstiftung Frühe Hilfen</strong>. Sie stellt dauerhaft 51 Millionen "
            "Euro pro Jahr bereit, die über die Länder an die Kommunen fließen. Gefördert "
            "werden vor allem</p>"
            "<ul>"
            "<li>die Koordination der Netzwerke Frühe Hilfen,</li>"
            "<li>die psychosoziale Begleitung von Familien durch Gesundheitsfachkräfte, etwa "
            "Familienhebammen sowie Familien-Gesundheits- und Kinderkrankenpflegerinnen und "
            "-pfleger,</li>"
            "<li>ehrenamtliche Angebote wie Familienpatenschaften.</li>"
            "</ul>"
            "<p>Das Nationale Zentrum Frühe Hilfen (NZFH) unterstützt die Qualitätsentwicklung mit "
            "Forschung, Materialien und Empfehlungen.</p>"
            "<h2>Frühe Hilfen und Präventionskette</h2>"
            "<p>Netzwerke Frühe Hilfen sind ein idealer Ausgangspunkt für die Präventionskette: "
            "Sie bringen Jugendhilfe und Gesundheitswesen bereits zusammen. Manche Kommunen "
            "erweitern den Blick bewusst über das dritte Lebensjahr hinaus – der Märkische "
            "Kreis etwa richtete seine lokalen Netzwerke auf Kinder bis zwölf Jahre aus. "
            "Wichtig ist, dass Frühe Hilfen und Präventionskette nicht als Parallelstrukturen "
            "nebeneinanderstehen, sondern organisatorisch verbunden sind.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Prüffrage",
                "text": "Wie sind Netzwerkkoordination Frühe Hilfen und Koordination der "
                "Präventionskette in Ihrer Kommune organisatorisch verbunden? Gibt es "
                "gemeinsame Sitzungen, eine gemeinsame Leitung oder abgestimmte Ziele?",
            },
        ),
    ],
}

_M3_KITA_SCHULE: Lektion = {
    "titel": "Übergang Kita–Grundschule gestalten",
    "minuten": 40,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Der Schulstart ist für Kinder ein großer Schritt – und für ihre Eltern ebenfalls. "
            "Übergänge sind Phasen erhöhter Anforderungen. Gelingen sie, stärken sie das "
            "Selbstvertrauen eines Kindes. Misslingen sie, können sich Schwierigkeiten über "
            "Jahre fortsetzen. Deshalb verdienen Übergänge in einer Präventionskette besondere "
            "Aufmerksamkeit.</p>"
            "<h2>Übergang als gemeinsamer Prozess</h2>"
            "<p>Die Übergangsforschung betont, dass nicht nur das Kind einen Übergang bewältigt: "
            "Auch die Eltern werden zu Eltern eines Schulkindes, und Kita und Schule müssen "
            "ihre Arbeit aufeinander abstimmen. Ein gelingender Übergang ist deshalb das "
            "Ergebnis einer Zusammenarbeit von Kind, Familie, Kita und Schule.</p>"
            "<h2>Bausteine der Zusammenarbeit</h2>"
            "<ul>"
            "<li><strong>Kooperationsvereinbarungen</strong> zwischen Kitas und Grundschulen eines "
            "Sozialraums mit festen Ansprechpersonen.</li>"
            "<li><strong>Gegenseitige Hospitationen und gemeinsame Fortbildungen</strong> von "
            "Erzieherinnen, Erziehern und Lehrkräften.</li>"
            "<li><strong>Schnuppertage und Patenschaften</strong> für künftige Schulkinder.</li>"
            "<li><strong>Gemeinsame Elternabende</strong>, an denen Kita und Schule Fragen der "
            "Eltern beantworten – wenn nötig mit Sprachmittlung.</li>"
            "<li><strong>Weitergabe von Beobachtungen</strong> zur Entwicklung des Kindes, aber "
            "nur mit Einverständnis der Eltern.</li>"
            "</ul>"
            "<h2>Daten für die Planung</h2>"
            "<p>Die Schuleingangsuntersuchung des Kinder- und Jugendgesundheitsdienstes erreicht "
            "nahezu alle Kinder eines Jahrgangs. Ihre Ergebnisse – etwa zu Sprache, Motorik, "
            "Gewicht oder zur Teilnahme an Vorsorgeuntersuchungen – zeigen, in welchen "
            "Sozialräumen Unterstützung besonders nötig ist. Für Kinder, die keine Kita "
            "besuchen, stellt das Schulamt in Nordrhein-Westfalen rund zwei Jahre vor der "
            "Einschulung den Sprachstand fest; gerade diese Kinder sollte die Präventionskette "
            "im Blick haben.</p>"
            "<h2>Grundschule als Ort für Familien</h2>"
            "<p>Mit Familiengrundschulzentren wird die Grundschule zu einer Anlaufstelle für die "
            "ganze Familie – ähnlich wie Familienzentren im Kitabereich. Elterncafés, "
            "Beratung in der Schule und Angebote der Familienbildung erleichtern den Kontakt. "
            "Der Ausbau des Ganztags, auf den ab dem Schuljahr 2026/27 schrittweise ein "
            "Rechtsanspruch für Grundschulkinder besteht, eröffnet zusätzliche Möglichkeiten, "
            "Bildung, Betreuung und Unterstützung zu verbinden.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Für Ihre Projektarbeit",
                "text": "Fragen Sie beim Gesundheitsamt nach Auswertungen der "
                "Schuleingangsuntersuchung für Ihre Sozialräume. Schon wenige Kennzahlen "
                "helfen, Übergangsangebote gezielt dort zu starten, wo sie am dringendsten "
                "gebraucht werden.",
            },
        ),
    ],
}

_M3_SCHULE_BERUF: Lektion = {
    "titel": "Jugendphase und Übergang Schule–Beruf",
    "minuten": 35,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Viele Präventionsketten sind in den frühen Lebensjahren gut ausgebaut und werden "
            "mit zunehmendem Alter der Kinder dünner. Dabei reicht der Auftrag ausdrücklich "
            "bis zum Eintritt ins Berufsleben. Die Jugendphase bringt eigene Übergänge mit "
            "sich: den Wechsel auf die weiterführende Schule, die Pubertät, die "
            "Berufsorientierung und schließlich den Schritt in Ausbildung, Studium oder "
            "Arbeit.</p>"
            "<h2>Wer ist in dieser Phase wichtig?</h2>"
            "<ul>"
            "<li><strong>Schulsozialarbeit</strong> als niedrigschwellige Ansprechperson für "
            "Jugendliche, Eltern und Lehrkräfte,</li>"
            "<li><strong>Offene Kinder- und Jugendarbeit</strong> mit Jugendzentren, mobiler "
            "Arbeit und Freizeitangeboten,</li>"
            "<li><strong>Jugendsozialarbeit</strong> nach § 13 SGB VIII für junge Menschen mit "
            "besonderem Unterstützungsbedarf,</li>"
            "<li><strong>Agentur für Arbeit und Jobcenter</strong> mit Berufsberatung und "
            "Förderangeboten,</li>"
            "<li><strong>Betriebe, Kammern und Berufskollegs</strong> als Orte von Praktikum und "
            "Ausbildung.</li>"
            "</ul>"
            "<h2>Die Landesinitiative „Kein Abschluss ohne Anschluss“</h2>"
            "<p>In Nordrhein-Westfalen regelt die Landesinitiative „Kein Abschluss ohne Anschluss“ "
            "(KAoA) die Berufs- und Studienorientierung an Schulen. Ab der achten Klasse "
            "durchlaufen Schülerinnen und Schüler verbindliche Elemente wie eine "
            "Potenzialanalyse und Berufsfelderkundungen. Kommunale Koordinierungsstellen "
            "bringen die Beteiligten vor Ort zusammen. Für die Präventionskette ist KAoA ein "
            "wichtiger Partner: Die Strukturen bestehen bereits und müssen nur mit den übrigen "
            "Gliedern der Kette verbunden werden.</p>"
            "<h2>Jugendberufsagenturen</h2>"
            "<p>In vielen Kommunen arbeiten Agentur für Arbeit, Jobcenter und Jugendhilfe in "
            "Jugendberufsagenturen zusammen, damit junge Menschen nicht zwischen den "
            "Rechtskreisen verloren gehen. Die Präventionskette kann dafür sorgen, dass "
            "Jugendliche mit Unterstützungsbedarf früh und mit Einverständnis der Familie an "
            "diese Stellen vermittelt werden.</p>"
            "<h2>Frühe Signale ernst nehmen</h2>"
            "<p>Häufige Fehlzeiten, ein Leistungseinbruch oder der Rückzug aus Freundschaften "
            "können Zeichen für wachsende Schwierigkeiten sein. Absprachen zwischen Schule, "
            "Schulsozialarbeit und Jugendhilfe helfen, in solchen Fällen schnell und "
            "abgestimmt zu reagieren.</p>"
            "<p>Jugendliche wollen in dieser Lebensphase ernst genommen werden. Angebote, die sie "
            "selbst mitgestalten, erreichen sie weit besser als Maßnahmen, die über ihre "
            "Köpfe hinweg geplant werden.</p>",
        ),
    ],
}

_M3_ZUGAENGE: Lektion = {
    "titel": "Vertiefung: Zugänge rund um die Geburt – Lotsendienste, Willkommensbesuche, "
    "Familienbüros",
    "minuten": 30,
    "pflicht": False,
    "inhalt": [
        (
            "text",
            "<p>Eine Präventionskette ist nur wirksam, wenn Familien von ihr erfahren. Rund um die "
            "Geburt gibt es mehrere bewährte Wege, fast alle Familien zu erreichen. Diese "
            "Lektion vergleicht drei davon.</p>"
            "<h2>Lotsendienste in Geburtskliniken</h2>"
            "<p>Babylotsinnen und -lotsen sprechen Eltern direkt in der Geburtsklinik oder bereits "
            "in der Schwangerschaftssprechstunde an. Sie klären im Gespräch, ob die Familie "
            "Unterstützung wünscht, informieren über Angebote in Wohnortnähe und stellen auf "
            "Wunsch erste Kontakte her. Der Vorteil: Die Klinik erreicht fast alle Familien, "
            "und der Kontakt entsteht in einer Situation, in der Eltern für Hilfe offen sind. "
            "In Dortmund etwa arbeiten seit 2021 in allen vier Geburtskliniken "
            "Babylotsinnen.</p>"
            "<h2>Willkommensbesuche</h2>"
            "<p>Bei Willkommensbesuchen erhalten Eltern nach der Geburt ein Besuchsangebot der "
            "Kommune. Fachkräfte bringen Informationen über Beratungs- und "
            "Unterstützungsangebote mit, oft ergänzt durch ein kleines Begrüßungsgeschenk. Der "
            "Besuch ist freiwillig. Er schafft einen ersten persönlichen Kontakt zum "
            "Jugendamt, der nicht mit einem Problem verbunden ist. Der Märkische Kreis bietet "
            "Willkommensbesuche seit 2011 an. Wichtig sind eine geklärte Rechtsgrundlage für "
            "das Anschreiben und ein sorgfältiger Umgang mit Daten.</p>"
            "<h2>Familienbüros</h2>"
            "<p>Familienbüros sind Service- und Lotsenstellen im Stadtteil oder in der Verwaltung. "
            "Sie beantworten Fragen, helfen bei Anträgen und vermitteln in passende Angebote. "
            "Manche Familienbüros arbeiten zusätzlich aufsuchend oder digital und erreichen so "
            "auch Familien, die selten ins Amt kommen.</p>"
            "<h2>Vergleich</h2>"
            "<ul>"
            "<li><strong>Reichweite:</strong> Lotsendienste und Willkommensbesuche erreichen "
            "nahezu einen ganzen Geburtsjahrgang; Familienbüros werden vor allem von Familien "
            "genutzt, die selbst kommen oder gezielt vermittelt werden.</li>"
            "<li><strong>Zeitpunkt:</strong> Lotsendienste setzen am frühesten an, "
            "Willkommensbesuche einige Wochen nach der Geburt, Familienbüros sind dauerhaft "
            "ansprechbar.</li>"
            "<li><strong>Anschluss:</strong> Alle drei Zugänge wirken nur, wenn es Angebote gibt, "
            "in die vermittelt werden kann. Ein Zugangsweg ohne tragfähiges Netzwerk dahinter "
            "weckt Erwartungen, die nicht erfüllt werden.</li>"
            "</ul>"
            "<p>Viele Kommunen kombinieren die Zugänge, damit jede Familie mindestens einen "
            "verlässlichen Kontakt erhält.</p>",
        ),
    ],
}

_MODUL_3: Modul = {
    "titel": "Frühe Hilfen und Übergänge",
    "lernziele": [
        "Auftrag, Rechtsgrundlagen und Angebote der Frühen Hilfen erläutern und die Rolle der "
        "Bundesstiftung Frühe Hilfen einordnen",
        "Zugangswege zu Familien rund um die Geburt vergleichen und für die eigene Kommune "
        "bewerten",
        "Gelingensbedingungen für den Übergang von der Kita in die Grundschule beschreiben",
        "Angebote der Jugendphase und des Übergangs Schule–Beruf in die Präventionskette einbinden",
    ],
    "lektionen": [_M3_FRUEHE_HILFEN, _M3_KITA_SCHULE, _M3_SCHULE_BERUF, _M3_ZUGAENGE],
}


# ---------------------------------------------------------------------------------------------
# Modul 4
# ---------------------------------------------------------------------------------------------

_M4_MONITORING: Lektion = {
    "titel": "Monitoring und kleinräumige Sozialberichterstattung",
    "minuten": 40,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Wo leben die Kinder, die eine Präventionskette am dringendsten braucht? Entwickeln "
            "sich die Lebenslagen in den Stadtteilen auseinander? Solche Fragen lassen sich "
            "nur mit Daten beantworten. Ein kleinräumiges Monitoring macht sichtbar, wo die "
            "Kette verstärkt werden muss.</p>"
            "<h2>Monitoring und Evaluation</h2>"
            "<p><strong>Monitoring</strong> ist die regelmäßige, möglichst gleichbleibende "
            "Beobachtung ausgewählter Kennzahlen. Es zeigt Entwicklungen und Auffälligkeiten, "
            "erklärt sie aber nicht. <strong>Evaluation</strong> untersucht dagegen gezielt, "
            "ob und warum eine bestimmte Maßnahme wirkt. Beide ergänzen sich.</p>"
            "<h2>Indikatoren entlang der Lebensphasen</h2>"
            "<ul>"
            "<li><strong>Rund um die Geburt:</strong> Geburten je Sozialraum, Anteil der Familien, "
            "die Angebote der Frühen Hilfen nutzen.</li>"
            "<li><strong>Kita-Alter:</strong> Betreuungsquoten unter und über drei Jahren, "
            "Teilnahme an den Früherkennungsuntersuchungen.</li>"
            "<li><strong>Schuleingang:</strong> Befunde der Schuleingangsuntersuchung zu Sprache, "
            "Motorik und Gewicht.</li>"
            "<li><strong>Schulzeit:</strong> Übergänge auf die weiterführenden Schulformen, "
            "Schulabgänge ohne Abschluss.</li>"
            "<li><strong>Übergang in den Beruf:</strong> Jugendarbeitslosigkeit, Einmündung in "
            "Ausbildung.</li>"
            "<li><strong>Querschnitt:</strong> Anteil der Kinder in Haushalten mit "
            "SGB-II-Leistungen, Hilfen zur Erziehung.</li>"
            "</ul>"
            "<h2>Datenquellen</h2>"
            "<p>Die Daten liegen meist schon vor – verteilt auf Statistikstelle, Jugendamt, "
            "Gesundheitsamt, Schulverwaltung, Jobcenter und die Statistik der Bundesagentur "
            "für Arbeit. Landesdaten stellt IT.NRW bereit. Die Aufgabe der Präventionskette "
            "ist es, diese Quellen zusammenzuführen und auf eine gemeinsame Raumgliederung zu "
            "beziehen.</p>"
            "<h2>Datenschutz und Aussagekraft</h2>"
            "<p>Ein Monitoring arbeitet ausschließlich mit zusammengefassten Zahlen. Werden Räume "
            "zu klein geschnitten, können Rückschlüsse auf einzelne Familien möglich werden; "
            "kleine Fallzahlen werden daher zusammengefasst oder nicht ausgewiesen. Kleine "
            "Zahlen schwanken außerdem stark, deshalb sind Mehrjahresvergleiche "
            "aussagekräftiger als einzelne Jahreswerte.</p>"
            "<h2>Vom Bericht zur Entscheidung</h2>"
            "<p>Ein Monitoring, das niemand liest, ist verlorene Mühe. Besprechen Sie die "
            "Ergebnisse regelmäßig in der Steuerungsgruppe, leiten Sie daraus Prioritäten ab, "
            "und bereiten Sie sie für Politik, Fachkräfte und Öffentlichkeit verständlich auf "
            "– mit Karten, wenigen Kernaussagen und klaren Empfehlungen.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Weniger ist mehr",
                "text": "Beginnen Sie mit fünf bis zehn Kennzahlen, die sich jährlich verlässlich "
                "beschaffen lassen. Ein schlankes Monitoring, das fortgeschrieben wird, nützt "
                "mehr als ein umfangreicher Bericht, der nur einmal erscheint.",
            },
        ),
    ],
}

_M4_WIRKUNG: Lektion = {
    "titel": "Wirkungsorientiert planen und evaluieren",
    "minuten": 40,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>„Wirkt das eigentlich?“ – diese Frage stellen Politik, Fördermittelgeber und "
            "Fachkräfte gleichermaßen. Wirkungsorientierung bedeutet, sie nicht erst am Ende "
            "eines Projekts zu stellen, sondern von Anfang an mitzudenken.</p>"
            "<h2>Output, Outcome, Impact</h2>"
            "<ul>"
            "<li><strong>Output:</strong> Was wird geleistet? Zum Beispiel 40 Elterncafé-Termine "
            "mit 300 Besuchen.</li>"
            "<li><strong>Outcome:</strong> Was verändert sich bei den Zielgruppen? Zum Beispiel "
            "fühlen sich Eltern sicherer im Umgang mit ihrem Baby oder nehmen häufiger "
            "Beratung in Anspruch.</li>"
            "<li><strong>Impact:</strong> Was verändert sich in der Kommune? Zum Beispiel sinkt "
            "langfristig der Anteil der Kinder mit Entwicklungsauffälligkeiten beim "
            "Schuleingang.</li>"
            "</ul>"
            "<p>Ein bekanntes Hilfsmittel ist die <em>Wirkungstreppe</em>: Sie beschreibt Stufen "
            "von „Angebote finden statt“ über „Zielgruppen werden erreicht und nehmen die "
            "Angebote an“ bis zu veränderten Einstellungen, verändertem Handeln und einer "
            "verbesserten Lebenslage.</p>"
            "<h2>Ein Wirkungsmodell entwickeln</h2>"
            "<p>Ein Wirkungsmodell beschreibt die Logik eines Vorhabens als Kette: Ressourcen "
            "(Personal, Geld, Räume) ermöglichen Aktivitäten, diese erzeugen Leistungen, aus "
            "denen Veränderungen bei den Zielgruppen folgen sollen. Formulieren Sie für jede "
            "Stufe Annahmen und prüfen Sie, ob sie plausibel sind. Oft zeigt sich schon dabei, "
            "dass ein wichtiger Zwischenschritt fehlt – etwa ein Weg, die Zielgruppe überhaupt "
            "zu erreichen.</p>"
            "<h2>Ziele messbar formulieren</h2>"
            "<p>Gute Ziele sind spezifisch, messbar, erreichbar, relevant und terminiert. Statt "
            "„Familien besser erreichen“ heißt es dann: „Bis Ende des nächsten Jahres nimmt "
            "die Hälfte der Familien mit Neugeborenen im Stadtteil an mindestens einem Angebot "
            "des Familienbüros teil.“</p>"
            "<h2>Beitrag statt Beweis</h2>"
            "<p>Kommunale Prävention wirkt in einem komplexen Umfeld. Ob sich die Entwicklung von "
            "Kindern verbessert, hängt von vielen Faktoren ab; eine einzelne Maßnahme lässt "
            "sich selten eindeutig als Ursache nachweisen. Realistischer ist es, den Beitrag "
            "eines Angebots plausibel zu belegen: durch gut dokumentierte Teilnahme, kurze "
            "Befragungen von Familien und Fachkräften, Fallbeispiele und die Entwicklung "
            "passender Kennzahlen im Monitoring.</p>"
            "<p>Wirkungsorientierung ist deshalb vor allem ein Lernwerkzeug. Sie hilft, Angebote "
            "zu verbessern, Ressourcen gezielt einzusetzen und gegenüber Politik und "
            "Fördermittelgebern nachvollziehbar zu berichten.</p>",
        ),
    ],
}

_M4_BETEILIGUNG: Lektion = {
    "titel": "Beteiligung von Familien, Kindern und Jugendlichen",
    "minuten": 40,
    "pflicht": True,
    "inhalt": [
        (
            "text",
            "<p>Präventive Angebote wirken nur, wenn Familien sie annehmen. Fachkräfte und "
            "Familien erbringen Unterstützung gemeinsam – man spricht von "
            "<em>Koproduktion</em>. Daraus folgt: Wer passgenaue Angebote will, muss die Sicht "
            "der Familien kennen und sie an der Planung beteiligen.</p>"
            "<h2>Ein Recht, nicht nur eine Methode</h2>"
            "<p>Die UN-Kinderrechtskonvention garantiert Kindern das Recht, in allen sie "
            "betreffenden Angelegenheiten gehört zu werden. Das SGB VIII verpflichtet die "
            "Kinder- und Jugendhilfe, junge Menschen entsprechend ihrem Entwicklungsstand zu "
            "beteiligen. Beteiligung ist also kein freiwilliges Extra, sondern Teil des "
            "fachlichen Auftrags.</p>"
            "<h2>Stufen der Beteiligung</h2>"
            "<p>Stufenmodelle der Partizipation helfen, ehrlich zu beschreiben, wie viel Einfluss "
            "Beteiligte tatsächlich haben:</p>"
            "<ol>"
            "<li><strong>Information:</strong> Familien erfahren, was geplant ist.</li>"
            "<li><strong>Anhörung und Einbeziehung:</strong> Ihre Meinung wird erfragt und fließt "
            "in Überlegungen ein.</li>"
            "<li><strong>Mitbestimmung:</strong> Familien entscheiden gemeinsam mit "
            "Fachkräften.</li>"
            "<li><strong>Entscheidungsmacht und Selbstorganisation:</strong> Familien verantworten "
            "Teile eines Angebots selbst, zum Beispiel ein von Eltern geführtes Café.</li>"
            "</ol>"
            "<p>Nicht jedes Vorhaben muss die höchste Stufe erreichen. Wichtig ist, offen zu "
            "sagen, worüber mitentschieden werden kann und worüber nicht.</p>"
            "<h2>Methoden, die Familien erreichen</h2>"
            "<ul>"
            "<li>kurze Befragungen beim Abholen in der Kita oder im Wartezimmer der "
            "Kinderarztpraxis,</li>"
            "<li>Stadtteilspaziergänge, bei denen Kinder ihre Lieblings- und Angstorte zeigen,</li>"
            "<li>Elterncafés und Gesprächsrunden mit Sprachmittlung,</li>"
            "<li>Jugendforen und digitale Umfragen für ältere Kinder und Jugendliche.</li>"
            "</ul>"
            "<h2>Schwer erreichbar – für wen?</h2>"
            "<p>Oft ist von „schwer erreichbaren Familien“ die Rede. Man kann die Perspektive "
            "umdrehen: Manche Institutionen sind für Familien schwer erreichbar – wegen "
            "Öffnungszeiten, Fachsprache, Formularen oder schlechter Erfahrungen. Beteiligung "
            "baut solche Hürden ab: durch Termine am Nachmittag, Kinderbetreuung, einfache "
            "Sprache, vertraute Orte und Menschen, denen die Familien bereits vertrauen.</p>"
            "<p>Und schließlich: Wer Familien beteiligt, schuldet ihnen eine Rückmeldung. "
            "Berichten Sie, was aus den Anregungen geworden ist – auch dann, wenn sich etwas "
            "nicht umsetzen ließ.</p>",
        ),
    ],
}

_M4_ABSCHLUSS: Lektion = {
    "titel": "Arbeitshilfe: Ihre Abschlusspräsentation vorbereiten",
    "minuten": 25,
    "pflicht": False,
    "inhalt": [
        (
            "text",
            "<p>Zum Abschluss des Kurses stellen Sie ein Präventionsvorhaben aus Ihrer Kommune "
            "vor. Das kann ein laufendes Projekt sein, an dem Sie mitarbeiten, oder ein "
            "Vorhaben, das Sie während des Kurses entwickelt haben. Diese Arbeitshilfe zeigt, "
            "wie Sie Ihre Präsentation aufbauen und einreichen.</p>"
            "<h2>Ein bewährter Aufbau</h2>"
            "<ol>"
            "<li><strong>Ausgangslage:</strong> Welche Lücke in der Präventionskette haben Sie "
            "erkannt? Welche Daten oder Beobachtungen belegen sie?</li>"
            "<li><strong>Ziele:</strong> Was soll sich für Kinder und Familien verändern? "
            "Formulieren Sie mindestens ein messbares Ziel.</li>"
            "<li><strong>Akteure und Steuerung:</strong> Wer ist beteiligt, wer entscheidet, wie "
            "ist das Vorhaben in die Strukturen Ihrer Kommune eingebunden?</li>"
            "<li><strong>Maßnahmen:</strong> Was wird konkret getan, mit welchen Ressourcen und in "
            "welchem Zeitraum?</li>"
            "<li><strong>Beteiligung:</strong> Wie fließt die Sicht der Familien ein?</li>"
            "<li><strong>Wirkung:</strong> Woran erkennen Sie, ob das Vorhaben erfolgreich ist? "
            "Skizzieren Sie Ihr Wirkungsmodell.</li>"
            "<li><strong>Reflexion und nächste Schritte:</strong> Was hat gut funktioniert, was "
            "würden Sie anders machen, wie geht es weiter?</li>"
            "</ol>"
            "<h2>Bewertung</h2>"
            "<p>Ihre Trainerin oder Ihr Trainer begutachtet die Präsentation anhand eines "
            "Bewertungsrasters. Es berücksichtigt den Bezug zur Präventionskette, die Analyse "
            "der Ausgangslage, die Umsetzbarkeit, die Wirkungsorientierung, die Beteiligung "
            "und die Verständlichkeit der Darstellung. Sie erhalten zu jeder eingereichten "
            "Fassung eine Rückmeldung. Werden Überarbeitungen erbeten, können Sie eine neue "
            "Fassung hochladen; alle Fassungen und Kommentare bleiben für Sie sichtbar.</p>"
            "<h2>Einreichen</h2>"
            "<ul>"
            "<li>Laden Sie Ihre Präsentation als PDF hoch und ergänzen Sie einen Titel und eine "
            "kurze Zusammenfassung von drei bis fünf Sätzen.</li>"
            "<li>Achten Sie auf Barrierefreiheit: gut lesbare Schrift, ausreichende Kontraste, "
            "Alternativtexte für Grafiken.</li>"
            "<li>Verwenden Sie keine personenbezogenen Daten von Familien. Fallbeispiele sollten "
            "so verfremdet sein, dass niemand erkennbar ist.</li>"
            "</ul>"
            "<p>Gelungene Präsentationen können – nur mit Ihrer ausdrücklichen Zustimmung – als "
            "Praxisbeispiel in die öffentliche Bibliothek von Lernkette aufgenommen werden. "
            "So profitieren auch andere Kommunen von Ihren Erfahrungen.</p>",
        ),
        (
            "hinweis",
            {
                "titel": "Zertifikat",
                "text": "Das Zertifikat wird automatisch ausgestellt, sobald alle "
                "Pflichtlektionen erledigt sind, Sie an mindestens 80 Prozent der Präsenzzeit "
                "teilgenommen haben und Ihre Abschlusspräsentation angenommen wurde.",
            },
        ),
    ],
}

_MODUL_4: Modul = {
    "titel": "Wirkung, Monitoring und Beteiligung",
    "lernziele": [
        "ein kleinräumiges Monitoring mit geeigneten Indikatoren für die eigene Präventionskette "
        "entwerfen",
        "Wirkungsziele formulieren und ein Wirkungsmodell für ein Vorhaben entwickeln",
        "Stufen der Beteiligung unterscheiden und passende Methoden für Familien, Kinder und "
        "Jugendliche auswählen",
        "das eigene Praxisvorhaben nachvollziehbar aufbereiten und präsentieren",
    ],
    "lektionen": [_M4_MONITORING, _M4_WIRKUNG, _M4_BETEILIGUNG, _M4_ABSCHLUSS],
}

MODULE: list[Modul] = [_MODUL_1, _MODUL_2, _MODUL_3, _MODUL_4]


# ---------------------------------------------------------------------------------------------
# Teilnehmende (fiktiv). Zwölf Pflichtlektionen: fortschritt ist ein Vielfaches von 1/12.
# ---------------------------------------------------------------------------------------------

TEILNEHMENDE: list[Teilnehmende] = [
    {
        "vorname": "Sabine",
        "nachname": "Hoffmann",
        "organisation": "Jugendamt der Stadt Hamm, Sachgebiet Frühe Hilfen",
        "organisationsart": "kommune",
        "kreis_schluessel": "05915",
        "geschlecht": "weiblich",
        "geburtsjahr": 1974,
        "fortschritt": 1.0,
    },
    {
        "vorname": "Mehmet",
        "nachname": "Yılmaz",
        "organisation": "Stadt Gelsenkirchen, Koordinierungsstelle Präventionskette",
        "organisationsart": "kommune",
        "kreis_schluessel": "05513",
        "geschlecht": "maennlich",
        "geburtsjahr": 1983,
        "fortschritt": 0.92,
    },
    {
        "vorname": "Katharina",
        "nachname": "Brinkmann",
        "organisation": "Kreis Coesfeld, Fachdienst Jugend und Familie",
        "organisationsart": "kommune",
        "kreis_schluessel": "05558",
        "geschlecht": "weiblich",
        "geburtsjahr": 1979,
        "fortschritt": 1.0,
    },
    {
        "vorname": "Jana",
        "nachname": "Kowalski",
        "organisation": "Familienwerk Emscher-Lippe e. V., Recklinghausen",
        "organisationsart": "freier_traeger",
        "kreis_schluessel": "05562",
        "geschlecht": "weiblich",
        "geburtsjahr": 1990,
        "fortschritt": 0.75,
    },
    {
        "vorname": "Thomas",
        "nachname": "Becker",
        "organisation": "Stadt Bielefeld, Amt für Jugend und Familie, Jugendhilfeplanung",
        "organisationsart": "kommune",
        "kreis_schluessel": "05711",
        "geschlecht": "maennlich",
        "geburtsjahr": 1968,
        "fortschritt": 0.67,
    },
    {
        "vorname": "Aylin",
        "nachname": "Demir",
        "organisation": "Kinderbrücke Dortmund-Nord gGmbH",
        "organisationsart": "freier_traeger",
        "kreis_schluessel": "05913",
        "geschlecht": "weiblich",
        "geburtsjahr": 1992,
        "fortschritt": 0.83,
    },
    {
        "vorname": "Lukas",
        "nachname": "Schneider",
        "organisation": "Kreis Warendorf, Amt für Kinder, Jugendliche und Familien",
        "organisationsart": "kommune",
        "kreis_schluessel": "05570",
        "geschlecht": "maennlich",
        "geburtsjahr": 1987,
        "fortschritt": 0.5,
    },
    {
        "vorname": "Maria",
        "nachname": "Nowak",
        "organisation": "Märkischer Kreis, Kreisjugendamt, Fachdienst Soziale Dienste",
        "organisationsart": "kommune",
        "kreis_schluessel": "05962",
        "geschlecht": "weiblich",
        "geburtsjahr": 1976,
        "fortschritt": 1.0,
    },
    {
        "vorname": "Fatma",
        "nachname": "Aksoy",
        "organisation": "Jugendhilfe im Quartier e. V., Duisburg",
        "organisationsart": "freier_traeger",
        "kreis_schluessel": "05112",
        "geschlecht": "weiblich",
        "geburtsjahr": 1985,
        "fortschritt": 0.58,
    },
    {
        "vorname": "Jonas",
        "nachname": "Wagner",
        "organisation": "Stadt Köln, Amt für Kinder, Jugend und Familie, Stabsstelle Prävention",
        "organisationsart": "kommune",
        "kreis_schluessel": "05315",
        "geschlecht": "maennlich",
        "geburtsjahr": 1994,
        "fortschritt": 0.42,
    },
    {
        "vorname": "Elena",
        "nachname": "Petrović",
        "organisation": "Familienbildungsstätte Am Wall e. V., Münster",
        "organisationsart": "freier_traeger",
        "kreis_schluessel": "05515",
        "geschlecht": "weiblich",
        "geburtsjahr": 1981,
        "fortschritt": 1.0,
    },
    {
        "vorname": "Andreas",
        "nachname": "Lange",
        "organisation": "Stadt Herne, Fachbereich Kinder, Jugend und Familie",
        "organisationsart": "kommune",
        "kreis_schluessel": "05916",
        "geschlecht": "maennlich",
        "geburtsjahr": 1965,
        "fortschritt": 0.33,
    },
    {
        "vorname": "Nina",
        "nachname": "Hartmann",
        "organisation": "Kreis Lippe, Fachgebiet Familienförderung und Prävention",
        "organisationsart": "kommune",
        "kreis_schluessel": "05766",
        "geschlecht": "weiblich",
        "geburtsjahr": 1988,
        "fortschritt": 1.0,
    },
    {
        "vorname": "Sören",
        "nachname": "Albers",
        "organisation": "Netzwerk Familie Siegerland e. V., Siegen",
        "organisationsart": "freier_traeger",
        "kreis_schluessel": "05970",
        "geschlecht": "divers",
        "geburtsjahr": 1991,
        "fortschritt": 0.75,
    },
    {
        "vorname": "Claudia",
        "nachname": "Krämer",
        "organisation": "Rhein-Sieg-Kreis, Kreisjugendamt, Netzwerk Frühe Hilfen",
        "organisationsart": "kommune",
        "kreis_schluessel": "05382",
        "geschlecht": "weiblich",
        "geburtsjahr": 1972,
        "fortschritt": 0.92,
    },
    {
        "vorname": "Hakan",
        "nachname": "Öztürk",
        "organisation": "Stadt Wuppertal, Jugendamt, Koordination kinderstark",
        "organisationsart": "kommune",
        "kreis_schluessel": "05124",
        "geschlecht": "maennlich",
        "geburtsjahr": 1980,
        "fortschritt": 0.67,
    },
    {
        "vorname": "Julia",
        "nachname": "Meyer",
        "organisation": "Kreis Steinfurt, Kreisjugendamt, Koordination Präventionskette",
        "organisationsart": "kommune",
        "kreis_schluessel": "05566",
        "geschlecht": "weiblich",
        "geburtsjahr": 1989,
        "fortschritt": 1.0,
    },
    {
        "vorname": "Agnieszka",
        "nachname": "Wiśniewska",
        "organisation": "Elternschule Niederrhein e. V., Kleve",
        "organisationsart": "freier_traeger",
        "kreis_schluessel": "05154",
        "geschlecht": "weiblich",
        "geburtsjahr": 1977,
        "fortschritt": 0.83,
    },
    {
        "vorname": "Daniel",
        "nachname": "Fischer",
        "organisation": "Stadt Mönchengladbach, Fachbereich Kinder, Jugend und Familie",
        "organisationsart": "kommune",
        "kreis_schluessel": "05116",
        "geschlecht": "maennlich",
        "geburtsjahr": 1984,
        "fortschritt": 0.25,
    },
    {
        "vorname": "Lea",
        "nachname": "Schmitz",
        "organisation": "Kreis Düren, Gesundheitsamt, Kinder- und Jugendgesundheitsdienst",
        "organisationsart": "kommune",
        "kreis_schluessel": "05358",
        "geschlecht": "weiblich",
        "geburtsjahr": 1993,
        "fortschritt": 0.58,
    },
    {
        "vorname": "Samira",
        "nachname": "Haddad",
        "organisation": "Quartierswerk Bochum e. V., Familienzentrum Sonnenblick",
        "organisationsart": "freier_traeger",
        "kreis_schluessel": "05911",
        "geschlecht": "weiblich",
        "geburtsjahr": 1986,
        "fortschritt": 0.92,
    },
    {
        "vorname": "Michael",
        "nachname": "Hülsmann",
        "organisation": "Kreis Borken, Fachbereich Jugend und Familie",
        "organisationsart": "kommune",
        "kreis_schluessel": "05554",
        "geschlecht": "keine_angabe",
        "geburtsjahr": 1970,
        "fortschritt": 0.83,
    },
    {
        "vorname": "Ingrid",
        "nachname": "Vogt",
        "organisation": "Jobcenter Kreis Unna, Team unter 25",
        "organisationsart": "sonstige",
        "kreis_schluessel": "05978",
        "geschlecht": "weiblich",
        "geburtsjahr": 1967,
        "fortschritt": 0.42,
    },
    {
        "vorname": "Tobias",
        "nachname": "Rehm",
        "organisation": "St.-Liborius-Klinik Paderborn, Sozialdienst der Geburtshilfe",
        "organisationsart": "sonstige",
        "kreis_schluessel": "05774",
        "geschlecht": "maennlich",
        "geburtsjahr": 1982,
        "fortschritt": 0.17,
    },
]


# ---------------------------------------------------------------------------------------------
# Abschlusspräsentationen (fiktiv); teilnehmende_index verweist auf TEILNEHMENDE.
# status: eingereicht | in_begutachtung | ueberarbeitung_erbeten | angenommen
# ---------------------------------------------------------------------------------------------

PRAESENTATIONEN: list[Praesentation] = [
    {
        "teilnehmende_index": 0,
        "titel": "Von der Geburtsklinik ins Quartier: Ein Übergabeverfahren für Hamm",
        "abstract": (
            "Die Präsentation beschreibt, wie Familien nach einem Gespräch mit dem Lotsendienst "
            "der Geburtsklinik verlässlich im Familienbüro ihres Stadtteils ankommen sollen. "
            "Kern ist eine begleitete Übergabe mit Einwilligung der Eltern, die Klinik, Frühe "
            "Hilfen und Familienbüros gemeinsam entwickeln. Ein halbjährlicher Qualitätszirkel "
            "soll auswerten, wie viele Vermittlungen zustande kommen und wo sie scheitern."
        ),
        "status": "angenommen",
    },
    {
        "teilnehmende_index": 2,
        "titel": "Sprachbildung als roter Faden: Ein kreisweites Netzwerk für den Schulstart",
        "abstract": (
            "Ausgehend von Befunden der Schuleingangsuntersuchung stellt die Präsentation ein "
            "Netzwerk aus Kitas, Grundschulen und Familienbildung in drei Kommunen des Kreises "
            "vor. Gemeinsame Fortbildungen und abgestimmte Elternabende sollen Sprachbildung "
            "über den Übergang hinweg verbinden. Abschließend skizziert sie, wie sich das "
            "Netzwerk auf weitere Kommunen des Kreises übertragen ließe."
        ),
        "status": "angenommen",
    },
    {
        "teilnehmende_index": 7,
        "titel": "Willkommensbesuche weiterdenken: Elterncafés in ländlichen Gemeinden",
        "abstract": (
            "Viele Eltern nehmen den Willkommensbesuch gern an, finden danach aber kaum "
            "wohnortnahe Treffpunkte. Die Präsentation zeigt, wie lokale Netzwerke in "
            "kleineren Gemeinden Elterncafés mit Kirchengemeinden, Hebammen und Kitas "
            "aufbauen. Sie diskutiert Fahrwege, Ehrenamt und die Frage, wie Angebote ohne "
            "eigene Räume dauerhaft bestehen können."
        ),
        "status": "angenommen",
    },
    {
        "teilnehmende_index": 12,
        "titel": "Kleinräumiges Monitoring im Flächenkreis: Indikatoren und Datenwege",
        "abstract": (
            "Die Präsentation beschreibt den Aufbau eines Monitorings für die Präventionskette in "
            "einem Kreis mit vielen kleinen Gemeinden. Sie erläutert die Auswahl von acht "
            "Kennzahlen, die Vereinbarungen mit Gesundheitsamt und Jobcenter über "
            "Datenlieferungen und den Umgang mit kleinen Fallzahlen. Abschließend wird "
            "gezeigt, wie die Ergebnisse in der Steuerungsgruppe beraten werden."
        ),
        "status": "ueberarbeitung_erbeten",
    },
    {
        "teilnehmende_index": 16,
        "titel": "Jugendliche fragen, Angebote ändern: Beteiligungswerkstätten am Übergang",
        "abstract": (
            "In Werkstätten an Berufskollegs und Jugendzentren haben Jugendliche beschrieben, was "
            "ihnen beim Übergang von der Schule in den Beruf fehlt. Die Präsentation stellt "
            "die Methode, die wichtigsten Anliegen und die daraus abgeleiteten Änderungen an "
            "Beratungszeiten und Informationswegen vor. Sie reflektiert außerdem, wie die "
            "Rückmeldung an die Jugendlichen organisiert wurde."
        ),
        "status": "in_begutachtung",
    },
    {
        "teilnehmende_index": 10,
        "titel": "Familienbildung im Familiengrundschulzentrum: Kurse dort, wo Kinder lernen",
        "abstract": (
            "Ein freier Träger der Familienbildung verlegt Elternkurse in zwei Grundschulen, die "
            "sich zu Familiengrundschulzentren entwickeln. Die Präsentation beschreibt die "
            "Abstimmung mit Schulleitung, Ganztag und Schulsozialarbeit sowie die Gestaltung "
            "niedrigschwelliger Formate wie Elternfrühstück und Lernnachmittage. Ein "
            "Wirkungsmodell zeigt, welche Veränderungen bei Eltern und Kindern erwartet werden."
        ),
        "status": "eingereicht",
    },
]


# ---------------------------------------------------------------------------------------------
# Präsenztermine: je Modul zwei Tage; Gebäudenamen sind erfunden.
# ---------------------------------------------------------------------------------------------

_ZWEI_TAGE: list[Praesenztag] = [
    {"tag": 1, "beginn": "09:30", "ende": "17:00", "unterrichtseinheiten": 8},
    {"tag": 2, "beginn": "09:00", "ende": "14:30", "unterrichtseinheiten": 6},
]

PRAESENZTERMINE: list[Praesenztermin] = [
    {
        "modul": 1,
        "titel": "Präsenztermin Modul 1: Auftakt und Grundlagen",
        "ort": "Tagungshaus Am Aasee, Münster",
        "kreis_schluessel": "05515",
        "woche_nach_start": 3,
        "tage": _ZWEI_TAGE,
        "schwerpunkte": [
            "Kennenlernen und Erwartungen",
            "Lücken in der eigenen Präventionskette sichtbar machen",
            "Themenfindung für die Projektarbeit",
        ],
    },
    {
        "modul": 2,
        "titel": "Präsenztermin Modul 2: Netzwerke und Steuerung",
        "ort": "Fortbildungszentrum Phoenix-Ufer, Dortmund",
        "kreis_schluessel": "05913",
        "woche_nach_start": 15,
        "tage": _ZWEI_TAGE,
        "schwerpunkte": [
            "Akteursanalyse und Netzwerkkarte",
            "Rollenspiel: Sitzung einer Steuerungsgruppe",
            "Kollegiale Beratung zu den Praxisvorhaben",
        ],
    },
    {
        "modul": 3,
        "titel": "Präsenztermin Modul 3: Frühe Hilfen und Übergänge",
        "ort": "Bildungszentrum Rheinufer, Köln",
        "kreis_schluessel": "05315",
        "woche_nach_start": 28,
        "tage": _ZWEI_TAGE,
        "schwerpunkte": [
            "Zugangswege rund um die Geburt im Vergleich",
            "Werkstatt: Übergang Kita–Grundschule",
            "Austausch mit einer Praxisgruppe aus der Region",
        ],
    },
    {
        "modul": 4,
        "titel": "Präsenztermin Modul 4: Wirkung, Beteiligung und Abschluss",
        "ort": "Seminarhaus Rheinblick, Düsseldorf",
        "kreis_schluessel": "05111",
        "woche_nach_start": 42,
        "tage": _ZWEI_TAGE,
        "schwerpunkte": [
            "Wirkungsmodelle für die Praxisvorhaben",
            "Beteiligungsmethoden ausprobieren",
            "Generalprobe der Abschlusspräsentationen",
        ],
    },
]
