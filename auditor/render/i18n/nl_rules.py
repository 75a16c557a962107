"""De regels in het Nederlands: per regel-id de samenvatting en de secties die het rapport toont.

Keys per rule: "summary" and the doc sections "What it does", "Why", "Example", "Fix" (the
English section titles, which `TEXT["doc_sections"]` translates). The options of a rule are
shown as the rule documents them, in English. A rule missing here (a plugin's, say) is
shown in English, with a note.
"""

from __future__ import annotations

from inspect import cleandoc


def _rule(summary: str, what: str, why: str, example: str, fix: str) -> dict[str, str]:
    return {
        "summary": summary,
        "What it does": cleandoc(what),
        "Why": cleandoc(why),
        "Example": cleandoc(example),
        "Fix": cleandoc(fix),
    }


RULES: dict[str, dict[str, str]] = {
    "C001": _rule(
        "Een afkorting wordt gebruikt, maar niet uitgelegd in het document of in de woordenlijst.",
        """
        Vindt afkortingen die een document gebruikt maar nergens uitlegt, en die de
        woordenlijst niet definieert. Een afkorting is een woord van 2 tot 6 hoofdletters en
        cijfers met minstens twee hoofdletters (`SLA`, `AVG`, `K8S`, ook meervouden zoals
        `SLAs` en `KPI's`) in de lopende tekst: code, de adressen van links, Romeinse cijfers,
        ticketnummers (`OPS-123`), woorden in hoofdletters voor de nadruk (`NOT`, `NIET`) en
        regels die helemaal in hoofdletters staan, tellen niet mee.

        Ze is uitgelegd in het document met een voluit geschreven vorm waarvan de beginletters
        kloppen, in het Engels of het Nederlands en in beide volgordes — "Service Level
        Agreement (SLA)", "SLA (Service Level Agreement)", "SLA: Service Level Agreement",
        "SLA staat voor …", "Algemene Verordening Gegevensbescherming (hierna: AVG)" (kleine
        woorden zoals *of*, *the*, *van*, *de* mogen wegvallen) — of met een regel die ze
        definieert: `SLA: …`, `**SLA** – …`, een definitielijst. Eén uitleg ergens in het
        document volstaat.

        De woordenlijst definieert afkortingen voor alle documenten: het bestand dat je met
        `--glossary` meegeeft (Markdown of tekst met regels `TERM: betekenis`, tabellen of
        definitielijsten; CSV/TSV; YAML/JSON), en woordenlijstpagina's in de kennisbank
        (`glossary-pages`), waar een tabelrij of lijstitem dat met de afkorting begint,
        volstaat als definitie. Afkortingen die iedereen kent, staan op de lijst `allow`.

        Er is één bevinding per document, bij het eerste gebruik van de eerste niet
        uitgelegde afkorting; het bewijs somt ze allemaal op, met de regel waarop ze voor het
        eerst voorkomen.
        """,
        """
        De wegwijzer vraagt om concepten, woorden en afkortingen te expliciteren (CO3). Een
        nieuwe collega die `RPO` tegenkomt, moet het aan iemand vragen, of gokken. De
        wegwijzer toont zelf hoe makkelijk dat gebeurt: hij verwijst naar zijn
        "JERI-principe" zonder ooit te zeggen waar JERI voor staat.
        """,
        """
        ```markdown
        Restores moeten de RPO halen die in de SLA is afgesproken.
        ```
        zonder dat een van beide afkortingen voluit staat, op de pagina of in de woordenlijst.
        """,
        """
        Schrijf de afkorting voluit bij het eerste gebruik: "de Recovery Point Objective
        (RPO)". Zet afkortingen die op veel pagina's voorkomen liever in de woordenlijst. Een
        afkorting die elke lezer kent, mag op de lijst `allow`.
        """,
    ),
    "O001": _rule(
        "Niemand staat als eigenaar van het document vermeld, in de frontmatter of in CODEOWNERS.",
        """
        Vindt documenten die niemand als eigenaar noemen: geen eigenaar in de frontmatter
        (`owner`, `owners`, `maintainer`, `maintainers`, `eigenaar`; in te stellen onder
        `[frontmatter]`) of in een commentaar in Google-stijl `<!--* freshness: { owner: … }
        *-->`, en geen regel in CODEOWNERS die ze dekt. CODEOWNERS wordt gelezen zoals GitHub
        en GitLab het lezen: uit `.github/`, de hoofdmap, `docs/` of `.gitlab/` van de
        gescande map, of anders van de hoofdmap van de repository erboven (of het bestand dat
        je met `codeowners` instelt); de patronen gelden vanaf de hoofdmap van de repository,
        de laatste passende regel wint, en een regel zonder eigenaars laat zijn bestanden
        zonder eigenaar. Documenten die niet te lezen zijn, of met een kapotte frontmatter,
        laat de regel over aan `parse-error`.
        """,
        """
        Kennis creëren, delen en *onderhouden* hoort in iemands functieprofiel (PE6), en de
        kennisambassadeurs van de wegwijzer zijn de mensen die de kwaliteit bewaken (PL5). Een
        pagina die van niemand is, wordt door niemand onderhouden: ze veroudert zonder dat
        iemand het merkt (TE6).
        """,
        """
        ```markdown
        ---
        title: Het databankwachtwoord vernieuwen
        reviewed: 2026-03-02
        ---
        ```
        en geen regel in CODEOWNERS voor `how-to/`.
        """,
        """
        Noem de persoon die de pagina juist houdt, in de frontmatter (`owner: Jan Peeters`),
        of geef de map een eigenaar in CODEOWNERS (`/how-to/ @platform-team`).
        """,
    ),
    "O002": _rule(
        "De eigenaar van het document staat niet op de lijst van huidige medewerkers.",
        """
        Met een lijst van de mensen die hier nu werken (`--roster BESTAND`) vindt de regel
        documenten met een eigenaar die er niet op staat. Heeft een pagina meerdere
        eigenaars, dan moet elk van hen op de lijst staan. Namen worden vergeleken zonder te
        letten op hoofdletters, accenten of de scheidingstekens in `jan.peeters`; `@jpeeters`
        en `jpeeters` zijn dezelfde handle; en een e-mailadres past bij het adres op de lijst,
        of het deel voor de `@` (`jan.peeters@…`) past bij een naam of handle. Teams
        (`@org/team`) gelden als actueel, tenzij `check-teams` aan staat: een lijst bevat
        mensen, en de leden van een team worden in GitHub of GitLab bijgehouden. Zonder lijst
        wordt de regel overgeslagen, en dat staat in het rapport.

        De lijst bevat één persoon per regel (`#` begint een commentaar), bijvoorbeeld
        `Jan Peeters <jan.peeters@example.org> @jpeeters`, of is een CSV/TSV waarvan de
        kolommen `name`, `handle`, `github`, `email`… elke persoon benoemen, of YAML/JSON: een
        lijst van namen, een lijst van records, of een mapping vanuit namen.
        """,
        """
        De wegwijzer rekent op kennisambassadeurs die de kwaliteit bewaken van wat gedeeld
        wordt (PL5), en maakt van het onderhouden van kennis een deel van het functieprofiel
        (PE6). Als de eigenaar het team verlaten heeft, heeft de pagina geen hoeder meer,
        terwijl ze nog een eigenaar lijkt te hebben: niemand zal merken dat ze veroudert (TE6).
        """,
        """
        ```markdown
        ---
        title: Handboek voor de wachtdienst
        owner: Lotte Maes
        ---
        ```
        terwijl Lotte vorige lente naar een andere afdeling ging en niet meer op de lijst
        staat.
        """,
        """
        Draag de pagina over aan een huidige collega en zet diens naam in `owner:` (of in
        CODEOWNERS). Werkt de eigenaar hier nog, voeg die dan toe aan de lijst.
        """,
    ),
    "P001": _rule(
        "Het document zegt niet of het een tool, inspiratie of theorie is.",
        """
        Vindt documenten die niet zeggen wat voor materiaal ze zijn. De soort wordt gelezen
        uit de frontmatter-sleutels onder `[frontmatter] type` (standaard `type`, `kind`,
        `category`, `soort`) en moet een van de waarden in `allowed` zijn (`tool`,
        `inspiration`, `theory`), of een woord dat `synonyms` daarop afbeeldt: `hulpmiddel`
        en `how-to` zijn tools, `voorbeeld` en `case-study` inspiratie, `theorie` en
        `explanation` theorie. Hoofdletters, spaties en underscores maken niet uit; bij
        meerdere waarden (`type: [tool, theory]`) volstaat één toegelaten waarde. Is de
        gevonden waarde niet toegelaten, dan zegt de bevinding welke het was.

        Startpagina's (`index`, `README`, …) zijn standaard vrijgesteld: ze leiden naar
        materiaal in plaats van het zelf te zijn. Documenten waarvan de frontmatter niet te
        lezen is, laat de regel over aan `parse-error`.
        """,
        """
        De wegwijzer deelt zijn materiaal in drie soorten in: een TOOL is onmiddellijk
        toepasbaar, INSPIRATIE is toepasbaar na aanpassing aan je eigen context, THEORIE of
        MODEL is voor als je meer wil lezen — en hij raadt aan het te rangschikken als
        'prioritair gebruiken' of 'in snuffelen'. Die rangschikking is het principe van de
        wegwijzer om je structuur op bruikbaarheid te bouwen, frequent tegenover sporadisch
        gebruik (TE2): een lezer die de soort ziet, weet voor het lezen of de pagina hem nu
        helpt.
        """,
        """
        ```markdown
        ---
        title: Een hotfix uitrollen
        ---
        ```
        of `type: page`, wat geen soort materiaal is.
        """,
        """
        Zet de soort in de frontmatter: `type: tool` voor stappen om te volgen, `type:
        inspiration` voor een voorbeeld om aan te passen, `type: theory` voor achtergrond.
        Gebruikt het team al andere woorden, beeld ze dan af met `synonyms`.
        """,
    ),
    "P002": _rule(
        "Weinig documenten bieden iets anders dan tekst: afbeeldingen, schema's, video of audio.",
        """
        Bekijkt de kennisbank als geheel: de regel meldt één keer wanneer minder dan
        `min-share` (standaard 10%) van de leesbare documenten iets anders dan tekst biedt.
        Een document biedt
        - een **afbeelding** als het een beeld toont (`![…](…)`, `<img>`, `<picture>`,
          inline `<svg>`, een `![[embed]]` van een afbeelding) of ernaar linkt; SVG-bestanden
          tellen als afbeelding; statusbadges in een README tellen niet;
        - een **schema** als het een codeblok `mermaid`, `plantuml`, `graphviz`/`dot`, `d2`,
          … bevat, of een tekening uit draw.io of Excalidraw toont of ernaar linkt
          (`.drawio`, `.drawio.svg`, `.excalidraw`, …), een Visio- of BPMN-bestand;
        - **video** met een speler `<video>` of `<iframe>`, een videobestand (`.mp4`,
          `.webm`, …) of een link naar YouTube, Vimeo, Loom, Microsoft Stream en dergelijke;
        - **audio** met een speler `<audio>`, een geluidsbestand (`.mp3`, `.m4a`, …) of een
          link naar een podcast (Apple Podcasts, een aflevering of show op Spotify,
          SoundCloud, …).

        Het pad van de bevinding is `.`, de kennisbank als geheel; het bewijs bevat het
        aandeel en het aantal documenten per soort. Met minder dan `min-documents`
        documenten zegt een mix weinig, en meldt de regel niets. Pagina's uit een
        Confluence-export worden nog niet op media gelezen.
        """,
        """
        "One size fits all" werkt niet: mensen leren verschillend — door te lezen, via
        podcasts, video, een buddy — dus maak een MIX van vormen (TA3). Een kennisbank met
        enkel tekst bedient alleen wie leert door te lezen; een schema of een
        schermopname van twee minuten zegt vaak wat drie pagina's niet zeggen.
        """,
        """
        Een wiki van 300 pagina's, waarvan 6 met een afbeelding en geen enkele met een schema
        of video.
        """,
        """
        Waar een beeld sneller uitlegt dan woorden, voeg er een toe: een schema van de
        architectuur of het proces (een blok `mermaid` staat bij de tekst en blijft makkelijk
        te onderhouden), een schermafbeelding van het scherm dat je uitlegt, een korte
        schermopname van een procedure, de opname van een kennissessie.
        """,
    ),
    "T001": _rule(
        "Het document werd niet herzien of gewijzigd binnen zijn herzieningstermijn.",
        """
        Vindt documenten waarvan de laatste herziening (of, bij gebrek daaraan, de laatste
        wijziging) ouder is dan hun herzieningstermijn: 365 dagen, tenzij het document, zijn
        soort of zijn map iets anders vraagt. Een `review_interval: 6 months` in de
        frontmatter van het document wint van de configuratie; daarna het eerste passende
        padpatroon; dan zijn soort; dan de standaard.
        """,
        """
        Het technische domein van de wegwijzer zegt het in hoofdletters: zorg dat je kennis
        ONDERHOUDT (TE6). Als mensen twee keer zoeken en een gedateerd antwoord krijgen, komen
        ze geen derde keer terug (TA5): één verouderde pagina kost het vertrouwen waar de hele
        kennisbank op draait.
        """,
        """
        ```markdown
        ---
        title: Handboek voor de wachtdienst
        reviewed: 2023-02-01
        ---
        ```
        Bij een audit op 27 november 2026 werd deze pagina meer dan drie jaar geleden voor het
        laatst herzien.
        """,
        """
        Lees de pagina na met iemand die het werk vandaag doet. Verbeter wat veranderd is en
        zet `reviewed:` dan op de datum van vandaag. Heeft niemand de pagina nog nodig,
        archiveer of verwijder ze dan: 100% bijhouden leidt tot bevuiling van de kennisbank
        (TA4).
        """,
    ),
    "T002": _rule(
        "De eigen herzienings- of vervaldatum van het document is voorbij.",
        """
        Vindt documenten waarvan de uitdrukkelijke datum om te herzien (`review_by`,
        `expires`, `valid_until`, `geldig_tot`, … — de sleutels zijn in te stellen onder
        `[frontmatter]` als `expiry-date`) voorbij is.
        """,
        """
        Wie de pagina schreef, beloofde dat ze tegen die datum opnieuw bekeken zou worden
        (TE6). Een pagina voorbij haar eigen vervaldatum is het gedateerde antwoord waardoor
        mensen niet meer in de kennisbank zoeken (TA5).
        """,
        """
        ```markdown
        ---
        title: Reiskosten 2025
        valid_until: 2025-12-31
        ---
        ```
        """,
        """
        Herzie de pagina en schuif de datum op, of archiveer de pagina als haar tijd voorbij
        is.
        """,
    ),
    "T003": _rule(
        "Een verouderd of over tijd geraakt document hoort bij de meest gelezen.",
        """
        Vindt documenten die verouderd zijn (zoals `stale-content` dat beoordeelt: laatste
        herziening, of bij gebrek daaraan laatste wijziging, ouder dan de
        herzieningstermijn) of voorbij hun eigen herzieningsdatum, *en* die bij de meest
        gelezen horen: in het bovenste kwart van de paginaweergaven onder de pagina's die in
        de gebruiksperiode minstens één keer gelezen werden. Een eigen `review_interval` van
        het document wint, zoals bij `stale-content`; de opties voor de termijn zijn dezelfde
        en worden voor deze regel apart ingesteld.

        Kwantielen hebben genoeg pagina's nodig om iets te betekenen: met minder dan
        `min-documents` gelezen pagina's meldt de regel niets.
        """,
        """
        De wegwijzer noemt het een weetje: als mensen twee keer zoeken en een gedateerd
        antwoord krijgen, komen ze geen derde keer terug (TA5). Een verouderde pagina die
        niemand opent, doet weinig kwaad; een verouderde pagina die veel mensen lezen, geeft
        dat gedateerde antwoord elke dag. Herzie deze eerst (TE6).
        """,
        """
        ```markdown
        ---
        title: Onkostennota's
        reviewed: 2023-05-02
        ---
        ```
        Het voorbije jaar 1.240 keer gelezen, meer dan 95% van de pagina's, maar voor het
        laatst herzien drie en een half jaar voor de audit.
        """,
        """
        Herzie de pagina nu, met iemand die het werk vandaag doet, en zet `reviewed:` op de
        datum van vandaag. Haar lezers zijn precies wie het vertrouwen in de kennisbank zal
        verliezen.
        """,
    ),
    "T004": _rule(
        "Er is geen herzienings- of wijzigingsdatum te vinden, dus de actualiteit is niet te "
        "beoordelen.",
        """
        Vindt documenten zonder herzieningsdatum, wijzigingsdatum of uiterste
        herzieningsdatum in hun frontmatter (of een actualiteitscommentaar) en zonder
        versiegeschiedenis, of waarvan de datum niet te lezen is, zodat niet te zeggen is hoe
        actueel ze zijn. De wijzigingstijd van een bestand telt niet: een kopie of checkout
        zet die opnieuw. Documenten waarvan de frontmatter niet te lezen was, laat de regel
        over aan `parse-error`.
        """,
        """
        Wat je niet kunt dateren, kun je niet onderhouden (TE6). Zonder datum kan
        `stale-content` een pagina van vorige week niet onderscheiden van een van vijf jaar
        geleden, en lezers kunnen dat evenmin.
        """,
        """
        ```markdown
        ---
        title: VPN instellen
        ---
        ```
        """,
        """
        Voeg `reviewed: JJJJ-MM-DD` toe met de datum waarop iemand de pagina voor het laatst
        nakeek, of `updated:` met de datum waarop ze voor het laatst veranderde.
        """,
    ),
    "T010": _rule(
        "Niemand las het document in de gebruiksperiode: een kandidaat voor het archief.",
        """
        Vindt documenten die niemand in de gebruiksperiode las (of niet meer dan `max-views`
        keer) en die ouder zijn dan een respijtperiode, standaard 90 dagen: een pagina van
        vorige maand heeft haar kans nog niet gehad. Haar leeftijd loopt vanaf de vroegste
        datum die bekend is — haar eerste commit, als de versiegeschiedenis gelezen wordt,
        of haar herzienings- of wijzigingsdatum — want elk daarvan bewijst dat de pagina toen
        al bestond. De wijzigingstijd van een bestand telt niet: een verse kopie of checkout
        laat elke pagina nieuw lijken. Een pagina zonder andere datum wordt toch beoordeeld,
        en de bevinding zegt dat haar leeftijd onbekend is: niets zegt dat ze nieuw is, en
        anders zou een kennisbank zonder datums nooit beoordeeld worden.

        Startpagina's (`index`, `README`, …) zijn niet vrijgesteld: een startpagina die
        niemand opent, is goed om te weten. Pagina's die ongelezen mogen blijven, zoals een
        archief, kun je vrijstellen met `exempt`. Een pagina die enkel via haar titel aan de
        gebruiksgegevens gekoppeld werd, wordt beoordeeld zoals elke andere; de bevinding zegt
        hoe ze gekoppeld werd.
        """,
        """
        Hou niet alle informatie bij: 80% ervan wordt na een jaar niet meer gebruikt, en 100%
        bijhouden leidt tot bevuiling van de kennisbank (TA4). Elke ongelezen pagina is een
        zoekresultaat meer tussen een lezer en de pagina die hij nodig heeft.
        """,
        """
        `meetings/2023-offsite-logistiek.md`, twee jaar oud, het voorbije jaar geen enkele
        keer gelezen.
        """,
        """
        Archiveer of verwijder de pagina. Moet ze wel gelezen worden, zoek dan uit waarom dat
        niet gebeurt: link ernaar vanop de plek waar lezers kijken (TA1), of geef ze een titel
        waarop ze zouden zoeken.
        """,
    ),
    "T011": _rule(
        "Een van de meest gelezen documenten zit diep in de structuur verstopt.",
        """
        Vindt de meest gelezen documenten — het bovenste tiende van de paginaweergaven onder
        de pagina's die minstens één keer gelezen werden — die diep zitten: `folder-depth`
        mappen diep of meer (standaard 3: `a/b/c/pagina.md`), of `click-depth` klikken of meer
        van de startpagina (standaard 4), of er via links helemaal niet te bereiken. De
        startpagina is de startpagina (`index`, `README`, …) bovenaan de kennisbank, of elke
        startpagina als er bovenaan geen is; pagina's in de navigatie van de site tellen als
        één klik ver.

        Kwantielen hebben genoeg pagina's nodig om iets te betekenen: met minder dan
        `min-documents` gelezen pagina's meldt de regel niets. Is geen enkele pagina via
        links te bereiken (een map zonder index of README), dan wordt de klikdiepte niet
        beoordeeld, enkel de mapdiepte.
        """,
        """
        Maak je structuur niet op inhoud, maar op bruikbaarheid: wat mensen vaak gebruiken,
        hoort vooraan, wat ze af en toe gebruiken, verder naar achteren (TE2). Een pagina die
        veel lezers nodig hebben maar weinigen via klikken vinden, kost elk van hen een
        zoektocht, of de tijd van een collega (TA1).
        """,
        """
        `teams/platform/runbooks/deploy/how-to-deploy.md`, meer gelezen dan 98% van de
        pagina's, vier mappen diep en vijf klikken van de startpagina.
        """,
        """
        Zet de pagina hoger in de mappenstructuur, of link ernaar vanop de startpagina of in
        de navigatie, waar wie ze vaak nodig heeft eerst kijkt.
        """,
    ),
    "T012": _rule(
        "Een document dat weinig mensen lezen, staat bovenaan of wordt gelinkt vanop de "
        "startpagina.",
        """
        Vindt documenten die weinig of geen lezers openen — ongelezen in de gebruiksperiode,
        of in het onderste tiende van de paginaweergaven — hoewel ze op de meest zichtbare
        plaatsen staan: in de bovenste map van de kennisbank, of gelinkt vanop een
        startpagina bovenaan (de pagina `index`, `README` of `home` in de hoofdmap).

        Startpagina's zelf worden niet beoordeeld: ze zijn de structuur, geen inhoud om te
        verplaatsen. Links vanop de indexpagina's van submappen maken een pagina niet
        prominent: elke pagina wordt gelinkt vanop de index van haar map. De navigatie van de
        site evenmin, want die somt vaak elke pagina op. Pagina's jonger dan `grace-days`
        (gedateerd zoals bij `unused-content`) blijven ongemoeid: een nieuwe pagina heeft
        haar lezers nog niet gehad. Met minder dan `min-documents` pagina's betekent het
        onderste tiende niets, en worden enkel ongelezen pagina's gemeld.
        """,
        """
        Maak je structuur niet op inhoud, maar op bruikbaarheid: frequent gebruik vooraan,
        sporadisch gebruik verder naar achteren (TE2). Elke pagina op de eerste rij die
        niemand opent, duwt een pagina die lezers wel nodig hebben uit het zicht.
        """,
        """
        `2022-aankondiging-reorganisatie.md` in de hoofdmap van de wiki, gelinkt vanop
        `index.md`, het voorbije jaar geen enkele keer gelezen.
        """,
        """
        Verplaats de pagina naar een map waar ze thuishoort, en haal de link weg van de
        startpagina. Heeft niemand ze nog nodig, archiveer ze dan (TA4).
        """,
    ),
    "T013": _rule(
        "Er ging veel werk in het document, maar weinig mensen lezen het.",
        """
        Weegt het werk dat in elk document ging — zijn grootte in bytes maal het aantal
        commits dat het veranderde — af tegen het gebruik. Vindt documenten in het bovenste
        kwart qua werk waarvan de paginaweergaven in het onderste kwart zitten.

        Zonder versiegeschiedenis telt elke pagina als één versie, dus is het werk enkel de
        grootte; de bevinding zegt dat. Pagina's jonger dan `grace-days` (gedateerd zoals bij
        `unused-content`) blijven ongemoeid: een nieuwe pagina heeft haar lezers nog niet
        gehad. Met minder dan `min-documents` pagina's betekenen kwartielen niets en meldt de
        regel niets.
        """,
        """
        Hou rekening met de tijd die je in iets steekt om het te maken en de frequentie van
        gebruik: dat moet in balans zijn (TE4). Een lange pagina die steeds weer bewerkt wordt
        maar die weinigen lezen, kost tijd die een korte, veel gelezen pagina beter zou
        terugbetalen, en elke bewerking houdt een pagina in leven die de kennisbank misschien
        niet nodig heeft (TA4).
        """,
        """
        `architecture/legacy-billing.md`: 6.000 woorden, 48 keer bewerkt, het voorbije jaar
        twee keer gelezen.
        """,
        """
        Vraag je af of de pagina haar onderhoud waard is. Snoei ze tot wat lezers nodig
        hebben, voeg ze samen met een pagina die ze wel lezen, of archiveer ze en stop met
        onderhouden.
        """,
    ),
    "T020": _rule(
        "Een link, afbeelding of wikilink verwijst naar een pagina, bestand of sectie die niet "
        "bestaat.",
        """
        Vindt links, afbeeldingen en wikilinks binnen de kennisbank die verwijzen naar een
        document, bestand of kopanker dat niet bestaat. Relatieve paden, links naar mappen
        die een `index.md` of `README.md` serveert, links zonder extensie, doelen met
        procentcodering, site-absolute links via de URL-regels van de sitegenerator (MkDocs,
        Docusaurus, Hugo, `permalink`), `.html`-links naar Markdown-bronnen, HTML
        `<a href>` en `<img src>`, en `[[wikilinks]]` en `![[embeds]]` op pagina- of
        bestandsnaam worden allemaal opgezocht voor een link kapot heet. Een link die enkel
        werkt waar hoofdletters niet tellen (Windows, macOS), wordt ook gemeld: op de
        webserver werkt hij niet. Links naar andere sites worden hier niet gecontroleerd, en
        evenmin links naar adressen die een sitegenerator misschien serveert zonder bestand
        in de gescande map (een React-pagina, een map buiten de scan): het JSON-rapport telt
        die als niet geverifieerd.
        """,
        """
        De eerste stap is dat mensen informatie heel makkelijk en snel kunnen vinden (TA1),
        en de structuur is hoe ze die vinden (TE1). Een dode link is een doodlopende weg op
        dat pad, en een teken dat niemand de pagina onderhoudt.
        """,
        """
        ```markdown
        Zie de [handleiding voor uitrol](../ops/deploy.md#rollback).
        ```
        terwijl `ops/deploy.md` hernoemd werd, of geen kop "Rollback" heeft.
        """,
        """
        Laat de link naar de nieuwe plaats van de pagina wijzen, of haal hem weg. Hernoem je
        een pagina, zoek dan naar links naar haar oude naam.
        """,
    ),
    "T021": _rule(
        "Geen enkel ander document linkt naar dit document, en het is geen startpagina.",
        """
        Vindt documenten waar geen enkel ander document naar linkt, die geen startpagina zijn
        (`index`, `README`, `home`, `_index`; in te stellen met `entry-pages`) en die de
        navigatie van de site (de nav in `mkdocs.yml`, Docusaurus-sidebars) niet opsomt.
        Links van een pagina naar zichzelf tellen niet.
        """,
        """
        Denk eerst na over je structuur en hang kennis er logisch aan vast (TE1). Een pagina
        waar niets naar linkt, staat buiten de structuur: mensen vinden ze enkel bij toeval,
        als ze ze al vinden (TA1).
        """,
        """
        `notes/oude-vpn-instellingen.md`, waar geen enkele pagina naar linkt.
        """,
        """
        Link naar de pagina vanop de pagina waar lezers ze zouden zoeken, of vanop de index
        van haar map. Zou niemand ze zoeken, archiveer ze dan.
        """,
    ),
    "T022": _rule(
        "Een ander document heeft dezelfde titel.",
        """
        Vindt documenten die hun titel delen met een ander document. Titels worden vergeleken
        na Unicode-normalisatie (NFKC), zonder te letten op hoofdletters, leestekens en
        spaties: `Deploy runbook`, `deploy-runbook` en `Deploy Runbook!` zijn dezelfde titel.
        Elk document van zo'n groep wordt gemeld, met de namen van de andere.

        De titel is die welke de lader vindt: de `title` in de frontmatter, anders de eerste
        kop van niveau 1, anders de bestandsnaam. Startpagina's (`index`, `README`, `home`,
        `_index`) waarvan de titel enkel hun bestandsnaam is, tellen niet: elke map heeft er
        een, zo is het afgesproken. Andere pagina's zonder eigen titel tellen wel:
        zoekresultaten en links tonen hun bestandsnaam, en twee keer `notes.md` ziet er daar
        hetzelfde uit. Titels die mogen terugkomen, zoals `Overview` in de map van elke dienst,
        kun je toelaten met `ignore-titles`.
        """,
        """
        Denk eerst na over je structuur en hang kennis er logisch aan vast (TE1). Twee
        pagina's met één titel zijn ofwel één onderwerp op twee plaatsen, ofwel twee
        onderwerpen die lezers in zoekresultaten en links niet uit elkaar kunnen houden: beide
        maken kennis moeilijker te vinden (TA1).
        """,
        """
        `ops/deploy.md` met `title: Deploy runbook`, en `platform/Deploy-Runbook.md` waarvan
        de eerste kop `# Deploy Runbook` is.
        """,
        """
        Gaan beide pagina's over hetzelfde onderwerp, voeg ze dan samen tot één. Zo niet,
        geef elk een titel die zegt wat ze onderscheidt: `Deploy runbook: betalings-API`.
        """,
    ),
    "T023": _rule(
        "Het document is bijna een kopie van een ander document.",
        """
        Vindt documenten waarvan de tekst bijna dezelfde is als die van een ander document:
        het aandeel van hun shingles van 5 woorden (reeksen van vijf opeenvolgende woorden
        lopende tekst, zonder code, zonder op hoofdletters te letten) dat ze gemeen hebben —
        de Jaccard-gelijkenis — is minstens `threshold`, standaard 0,8. Elk zo'n document
        wordt één keer gemeld, met de pagina die er het meest op lijkt (van even gelijkende
        pagina's de eerste volgens pad) en hun gelijkenis. Heeft een pagina meer bijna-kopieën
        (bijvoorbeeld een van vele pagina's ingevuld uit één sjabloon), dan telt de melding
        ze ook en noemt ze er nog tot vijf, de meest gelijkende eerst.

        De gelijkenis wordt geschat uit de MinHash-handtekening van 128 waarden van elk
        document (berekend bij het lezen van het document; standaardfout 0,035 bij 0,8), en
        enkel paren die over een hele band van hun handtekening overeenkomen, worden
        vergeleken; zo kosten 100.000 documenten seconden, niet de vijf miljard vergelijkingen
        van elk paar. De banden laten een paar precies op de drempel 95 keer op 100 door, een
        paar 0,05 erboven zo goed als altijd; daarna beslist de schatting. Pagina's met
        dezelfde handtekening worden als één vergeleken: duizend kopieën van een pagina kosten
        wat één kost. Pagina's korter dan `min-words` woorden worden niet vergeleken: korte
        pagina's met gelijkaardige bewoording (aanzetten, een link en een regel) zeggen
        weinig. Pagina's van minder dan 20 woorden, en pagina's waarvan de frontmatter niet
        te lezen was, hebben geen handtekening en worden nooit vergeleken. De grootte van de
        shingles ligt vast.
        """,
        """
        Hou niet alle informatie bij (TA4): een kopie die naast haar origineel blijft bestaan,
        veroudert op haar eentje, en lezers die beide vinden, weten niet welke ze moeten
        geloven. Hang elk stuk kennis aan één logische plaats in de structuur (TE1).
        """,
        """
        `onboarding/laptop-setup.md` en `it/nieuwe-laptop.md`: de tweede is een kopie van de
        eerste met een paar woorden anders (gelijkenis 0,91).
        """,
        """
        Hou één pagina. Voeg wat de kopie toevoegt in die pagina in, en verwijder dan de kopie
        of herleid ze tot een link naar de pagina die blijft.
        """,
    ),
    "T024": _rule(
        "Het bestand kan niet als document gelezen worden.",
        """
        Meldt bestanden met de extensie van een document die niet als document te lezen
        zijn: misvormde frontmatter (YAML, TOML of JSON), frontmatter die geen mapping van
        sleutels naar waarden is, een sleutel die twee keer voorkomt (de laatste waarde telt,
        zoals sitegeneratoren doen), of bytes die geen tekst zijn in een gekende codering. De
        bevinding bevat de melding en de regel van de parser. De rest van het document wordt
        gecontroleerd waar dat kan.
        """,
        """
        Een pagina die de tools niet kunnen lezen, is meestal ook een pagina die de wiki
        verkeerd toont: haar titel, datums en eigenaar gaan verloren, dus niemand kan ze
        vinden of onderhouden (TA1, TE6).
        """,
        """
        ```markdown
        ---
        title: 'It\\'s broken'
        ---
        ```
        YAML laat geen `\\'` toe tussen enkele aanhalingstekens.
        """,
        """
        Verbeter de frontmatter op de vermelde regel (zet waarden met `:` of `%` tussen
        aanhalingstekens, schrijf `''` voor een aanhalingsteken tussen enkele
        aanhalingstekens), of bewaar het bestand opnieuw als UTF-8.
        """,
    ),
    "T030": _rule(
        "Het document heeft geen samenvatting, samenvattende sectie of korte inleidende alinea.",
        """
        Vindt documenten zonder samenvatting: geen samenvatting in de frontmatter (`summary`,
        `description`, `abstract`, `tldr`, `samenvatting`, … — in te stellen onder
        `[frontmatter]`), geen samenvattende sectie (een kop zoals "Summary", "TL;DR",
        "Samenvatting" of "In het kort"), en geen korte inleidende alinea voor de eerste
        sectie. Korte documenten zijn vrijgesteld: ze zijn hun eigen samenvatting.
        """,
        """
        Help mensen nadenken over wat ze willen schrijven: belangrijke boodschappen,
        conclusies (TA2). Kennis neem je op in kleine, behapbare brokjes (TE5); een lezer moet
        in tien seconden weten of de pagina zijn vraag beantwoordt.
        """,
        """
        Een pagina van 900 woorden die meteen begint met "## Installatie".
        """,
        """
        Zet onder de titel twee of drie zinnen over waarvoor de pagina dient en wat haar
        conclusie is, of een `summary:` in de frontmatter.
        """,
    ),
    "T031": _rule(
        "Het document is te lang om in één keer op te nemen.",
        """
        Vindt documenten waarvan de tekst, zonder codeblokken, meer woorden telt dan de limiet
        (standaard 1.500).
        """,
        """
        Bied kennis aan in kleine, behapbare brokjes op het juiste moment (TE5). Een heel
        lange pagina verstopt het ene antwoord waarvoor een lezer kwam tussen vele waarvoor
        hij niet kwam, en wordt zelden als geheel onderhouden.
        """,
        """
        Een pagina "Alles over onboarding" van 4.000 woorden.
        """,
        """
        Splits de pagina langs haar secties in pagina's die elk één vraag beantwoorden, en
        hou een korte overzichtspagina die ernaar linkt.
        """,
    ),
    "T032": _rule(
        "Een map bevat te veel documenten naast elkaar, of veel zonder indexpagina.",
        """
        Vindt mappen die rechtstreeks te veel documenten bevatten (submappen tellen niet):
        meer dan `max-documents` (standaard 20), of meer dan `max-without-index` (standaard
        7) als de map geen indexpagina heeft. Een indexpagina is een startpagina (`index`,
        `README`, `home`, `_index`; in te stellen met `entry-pages`) in de map, of een
        mapnotitie: een pagina met de naam van de map, erin (`guides/guides.md`) of ernaast
        (`guides.md` naast `guides/`).

        Er is één bevinding per map. Haar pad is de map met een schuine streep achteraan
        (`guides/`, en `./` voor de bovenste map), zoals bij overgeslagen mappen: een map is
        geen document, dus de bevinding verlaagt de score van geen enkel document.
        """,
        """
        Bied kennis aan in kleine, behapbare brokjes op het juiste moment; anders is er een
        "paradox van keuze" bij je mensen (TE5). Dertig paginatitels naast elkaar, of een
        dozijn zonder iets dat zegt waar te beginnen, laten een lezer kiezen voor hij kan
        lezen.
        """,
        """
        `procedures/` met 34 pagina's naast elkaar, of `onboarding/` met 9 pagina's en geen
        `README.md`.
        """,
        """
        Groepeer de pagina's in een paar submappen volgens de vraag die ze beantwoorden, en
        geef elke map een indexpagina die zegt welke pagina je eerst leest. Archiveer wat
        niemand nodig heeft.
        """,
    ),
    "T033": _rule(
        "Het document is vooral een lijst links naar andere sites, met weinig eigen inhoud.",
        """
        Vindt documenten die vooral een lijst links naar andere sites zijn: minstens
        `min-links` links (standaard 5), waarvan minstens `min-external-share` (70%) buiten
        de kennisbank leidt, met weinig tekst eromheen — minder dan `max-words-per-link`
        woorden (30) per link, de linkteksten meegerekend. Links en wikilinks tellen;
        afbeeldingen, links naar een sectie van dezelfde pagina (een inhoudstafel) en links
        `mailto:`/`tel:` niet. Een link naar het eigen adres van de site (`base-urls`) is
        intern.
        """,
        """
        Zorg voor een interne kennisbasis, ga niet alles extern zoeken (TE3). Een pagina
        bladwijzers stuurt elke lezer naar buiten om dezelfde bronnen opnieuw te zoeken, te
        lezen en te beoordelen; wat het team eruit leerde, staat nergens.
        """,
        """
        Een pagina "Kubernetes-bronnen": twaalf links naar blogposts en documentatie van
        leveranciers, elk met een titel van drie woorden en verder niets.
        """,
        """
        Schrijf op wat het team uit die bronnen haalt: het antwoord, de beslissing, de
        stappen die hier gelden, en hou de twee of drie links die dat onderbouwen.
        """,
    ),
    "T034": _rule(
        "Het document is vooral een grote tabel met gegevens die in een datasysteem thuishoren.",
        """
        Vindt documenten die gedomineerd worden door tabelgegevens: minstens `min-rows`
        tabelrijen (standaard 30, kopregels niet meegeteld) die minstens `min-share` (de
        helft) van de regels van het bestand uitmaken. Een rij van een Markdown-tabel is één
        regel, dus het aandeel regels is het deel van de pagina waar de lezer als tabel
        doorheen scrolt. De regels tellen het hele bestand, met frontmatter en lege regels,
        zodat de regel eerder te weinig dan te veel meldt. In Confluence-exports zijn de
        regels die van het HTML-bestand, dus daar is het aandeel ruw.
        """,
        """
        Maak voor technische keuzes onderscheid tussen data-gedreven oplossingen
        (transacties) en informatie-gedreven oplossingen: communicatie en kennis (TE7). Een
        inventaris, een prijslijst of een logboek dat als tabel op een pagina bijgehouden
        wordt, kun je niet sorteren, filteren, valideren of voeden vanuit het systeem waar het
        vandaan komt, en het bedelft de uitleg die de pagina heeft.
        """,
        """
        `assets/laptops.md`: een tabel van 240 rijen met serienummers, eigenaars en
        aankoopdatums.
        """,
        """
        Hou de gegevens bij in een systeem dat ervoor gemaakt is (een rekenblad, een
        databank, de inventaris- of ticketingtool) en link ernaar. Hou op de pagina wat een
        lezer nodig heeft om de gegevens te begrijpen en te gebruiken: wat erin staat, wie ze
        bijhoudt, hoe je ze leest.
        """,
    ),
}
