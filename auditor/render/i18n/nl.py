"""Nederlands (Vlaanderen): elke zichtbare tekst van het HTML-rapport, in de je-vorm.

The keys are exactly those of `en.py` (a test checks). The vocabulary follows the guide
"Wegwijzer voor leermarkt – kennisdeling anno 2023": kennisdeling, kennisbank, onderhouden,
propere systemen. The rules' descriptions are in `nl_rules.py`.
"""

from __future__ import annotations

from typing import Any

from auditor.render.filters import Formats
from auditor.render.i18n.nl_rules import RULES

__all__ = ["FORMATS", "RULES", "TEXT"]

FORMATS = Formats(
    thousands=".",
    decimal=",",
    months=(
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
)  # fmt: skip

TEXT: dict[str, Any] = {
    "lang": "nl",
    "page_title": "Netheidsrapport van de kennisbank",
    "scanned": "Gescande map",
    "audit_date": "Datum van de audit",
    "tool": "Tool",
    "facts_label": "Wat werd gescand",
    "fact_documents": "Gecontroleerde documenten",
    "fact_files_seen": "Bekeken bestanden",
    "fact_assets": "Afbeeldingen en andere bestanden",
    "fact_skipped": "Overgeslagen bestanden",
    "nav_label": "Inhoud",
    "nav": {
        "summary": "Samenvatting",
        "use": "Gebruik",
        "todo": "Eerst aanpakken",
        "archive": "Archiefplan",
        "views": "Eigenaars en mappen",
        "clean": "In orde",
        "skipped": "Niet gecontroleerd",
        "documents": "Documenten",
        "reference": "Overzicht van de regels",
    },
    "summary_heading": "Samenvatting",
    "score_label": "Netheidsscore",
    "score_out_of": "op 100",
    "band": {"good": "Goed", "fair": "Redelijk", "poor": "Werk aan de winkel"},
    "band_hint": {
        "good": "90 of meer: de kennisbank is in goede staat.",
        "fair": "70 tot 89: in redelijke staat, met wat opruimwerk.",
        "poor": "Onder 70: de kennisbank heeft aandacht nodig.",
    },
    "score_method": "Hoe de score berekend wordt",
    "score_method_text": (
        "Elk document begint op 100 en verliest %(error)s punten per fout, %(warning)s per "
        "waarschuwing en %(info)s per opmerking (nooit onder 0). De score is het gemiddelde "
        "over alle documenten."
    ),
    "trend_change": "%(change)s sinds de audit van %(date)s",
    "trend_new_fixed": "%(new)s nieuwe bevindingen, %(fixed)s opgelost sindsdien.",
    "trend_first": "De eerste audit in de geschiedenis: hier begint de trend.",
    "trend_label": "De score over de laatste %(runs)s audits",
    "git_history_off": "De versiegeschiedenis werd niet gelezen (git-history = false).",
    "actions_heading": "Pak eerst dit aan",
    #: The top actions on the first screen, by rule; other rules use `action_generic`.
    "actions": {
        "T003": "Herzie eerst de veelgelezen pagina's met een verouderd antwoord: %(n)s",
        "T002": "Pagina's voorbij hun eigen herzieningsdatum, te herzien of te archiveren: %(n)s",
        "T020": "Kapotte links om te herstellen, elk een doodlopende weg voor een lezer: %(n)s",
        "T024": "Pagina's die niet te lezen zijn, te herstellen: %(n)s",
        "T001": "Pagina's voorbij hun herzieningsritme, te herzien: %(n)s",
        "T010": (
            "Pagina's die niemand het voorbije jaar las, te archiveren als niemand ze nodig "
            "heeft: %(n)s"
        ),
        "T011": "Veelgelezen pagina's die diep verstopt zitten, hoger te plaatsen: %(n)s",
        "T021": "Pagina's waar niets naar linkt, te koppelen of te archiveren: %(n)s",
        "T022": (
            "Pagina's met dezelfde titel als een andere, te hernoemen of samen te voegen: %(n)s"
        ),
        "T023": "Bijna dubbele pagina's, samen te voegen of te schrappen: %(n)s",
        "O001": "Pagina's zonder eigenaar, aan iemand toe te vertrouwen: %(n)s",
        "O002": "Pagina's van mensen die vertrokken zijn, over te dragen: %(n)s",
        "T030": "Pagina's zonder samenvatting, te voorzien van twee of drie zinnen: %(n)s",
        "T031": "Pagina's die te lang zijn om te verwerken, op te splitsen: %(n)s",
    },
    "action_generic": "%(summary)s: %(n)s",
    #: Reasons the pipeline gives in English (skipped files and rules, silenced findings,
    #: date orders): a pattern matching the whole reason -> its text, {0}… its groups.
    "reasons": {
        r"hidden folder": "verborgen map",
        r"hidden file": "verborgen bestand",
        r"dependency folder": "map met afhankelijkheden",
        r"Python cache folder": "Python-cachemap",
        r"symbolic link to a folder \(not followed\)": (
            "symbolische link naar een map (niet gevolgd)"
        ),
        r"excluded by configuration": "uitgesloten in de configuratie",
        r"binary file with a document extension": "binair bestand met de extensie van een document",
        r"unreadable: (.+)": "onleesbaar: {0}",
        r"not selected \(--select\)": "niet geselecteerd (--select)",
        r"ignored \(--ignore\)": "genegeerd (--ignore)",
        r"needs (.+) data, which was not given": (
            "heeft gegevens nodig die niet gegeven werden ({0})"
        ),
        r"failed: (.+)": "mislukt: {0}",
        r"document: ignored for the file": "document: genegeerd voor het hele bestand",
        r"document: ignore comment on line (\d+)": "document: ignore-commentaar op regel {0}",
        r"config: overrides for (.+)": "configuratie: overrides voor {0}",
        r"proven by (.+)": "bewezen door {0}",
        r"default \(day first\)": "standaard (dag eerst)",
        r"configured": "ingesteld",
    },
    "basis_heading": "Waarop de audit steunt",
    "date_sources": "Hoe de actualiteit van elk document gedateerd werd",
    "date_source": {
        "frontmatter": "een datum in de pagina zelf",
        "comment": "een actualiteitscommentaar in de pagina",
        "confluence": "de regel 'laatst gewijzigd' van Confluence",
        "git": "de versiegeschiedenis (git)",
        "mtime": "de wijzigingstijd van het bestand (onbetrouwbaar)",
        "none": "helemaal geen datum",
    },
    "mtime_warning": (
        "%(n)s documenten zijn enkel gedateerd met de wijzigingstijd van hun bestand, en die "
        "verandert bij elke kopie of checkout: hoe actueel ze zijn, is onzeker. Voeg "
        "herzieningsdatums toe, of laat de audit lopen op de git-repository van de wiki."
    ),
    "numeric_order": (
        "Datums zoals 03/04/2025 in '%(key)s' werden gelezen met %(order)s (%(basis)s)."
    ),
    "order_name": {"DMY": "de dag eerst", "MDY": "de maand eerst"},
    "site_kind": "Links werden opgezocht zoals %(kind)s de site serveert (%(config)s).",
    "site_name": {
        "mkdocs": "MkDocs",
        "docusaurus": "Docusaurus",
        "hugo": "Hugo",
        "jekyll": "Jekyll",
    },
    "unverified_links": (
        "%(n)s links verwijzen naar adressen die de site misschien serveert zonder bestand in "
        "deze map (gegenereerde pagina's, mappen buiten de scan); die werden niet gecontroleerd."
    ),
    "findings_label": "Bevindingen per ernst",
    "severity": {"error": "Fouten", "warning": "Waarschuwingen", "info": "Opmerkingen"},
    "severity_one": {"error": "Fout", "warning": "Waarschuwing", "info": "Opmerking"},
    "severity_hint": {
        "error": "Stuk of fout: pak deze eerst aan.",
        "warning": "Hindert lezers: plan een oplossing.",
        "info": "Goed om te weten: verbeter wanneer het kan.",
    },
    "docs_with_findings": "%(n)s van de %(total)s documenten hebben minstens één bevinding.",
    "use_heading": "Gebruik: wat mensen lezen",
    "use_none": (
        "Geef met --usage een export van paginaweergaven mee (uit je wiki of je "
        "webstatistieken) om te zien welke pagina's gelezen worden, welke niemand opent en wat "
        "naar het archief kan."
    ),
    "use_no_figures": (
        "De gebruiksgegevens bevatten voor geen enkel document cijfers: er valt niets te tonen."
    ),
    "window": {"year": "het voorbije jaar", "days": "de voorbije %(n)s dagen"},
    "unread_label": "Niet gelezen pagina's",
    "unread_sentence": "%(percent)s van je pagina's werd %(window)s niet gelezen.",
    "unread_count": "%(n)s van de %(total)s pagina's werden niet bekeken.",
    "unread_guide": (
        "De wegwijzer zegt dat 80% van de informatie na een jaar niet meer gebruikt wordt: "
        "zorg voor propere systemen."
    ),
    "unread_guide_short": (
        "De wegwijzer: 80% van de informatie wordt na een jaar niet meer gebruikt."
    ),
    "unread_scope": "%(n)s documenten hadden geen gebruikscijfers en tellen niet mee.",
    "bar_ours": "Je pagina's die %(window)s niet gelezen werden",
    "bar_guide": "De wegwijzer: informatie die na een jaar niet meer gebruikt wordt",
    "match_heading": "Hoe goed de gebruiksgegevens gekoppeld werden",
    "match_files": "Gebruiksgegevens",
    "match_sentence": (
        "%(percent)s van de %(total)s paginaweergaven van %(window)s werd aan een document "
        "gekoppeld."
    ),
    "match_by_title": (
        "%(n)s pagina's werden via hun titel gekoppeld, omdat hun adres niet overeenkwam."
    ),
    "warning_heading": "Opgelet: de gebruiksbevindingen zijn onbetrouwbaar",
    "warning_body": (
        "Documenten waarvan de paginaweergaven niet gekoppeld werden, lijken ongelezen. Zolang "
        "de koppeling niet beter is, kijk je de grafiek, het archiefplan en de "
        "gebruiksbevindingen best na voor je er iets mee doet."
    ),
    "unmatched_heading": "Meest bekeken adressen die bij geen enkel document passen",
    "col_page": "Adres",
    "col_views": "Weergaven",
    "chart_heading": "Leeftijd en gebruik van elke pagina",
    "chart_caption": (
        "Elke stip is een pagina. Links van de lijn: herzien of gewijzigd in de laatste "
        "%(cadence)s dagen; rechts: langer geleden, of nooit gedateerd."
    ),
    "split": {
        "median": "Boven de lijn: %(n)s keer of vaker bekeken, zoals de drukst bezochte helft "
        "van je pagina's; eronder: minder weergaven.",
        "any": "Boven de lijn: minstens één keer bekeken; eronder: door niemand bekeken.",
    },
    "chart_hover": "Wijs een stip aan om de pagina te zien.",
    "chart_caption_density": (
        "Elk vierkantje is een groep pagina's: hoe donkerder, hoe meer pagina's. Links van "
        "de lijn: herzien of gewijzigd in de laatste %(cadence)s dagen; rechts: langer "
        "geleden, of nooit gedateerd."
    ),
    "chart_hover_density": "Wijs een vierkantje aan om te zien hoeveel pagina's het bevat.",
    "cell": "%(n)s pagina's",
    "cell_one": "1 pagina",
    "chart_summary": "Pagina's per hoek:",
    "quadrant": {
        "keep": "Behouden",
        "review": "Nu herzien",
        "promote": "Beter zichtbaar maken of afvoeren",
        "archive": "Archiveren",
    },
    "quadrant_where": {
        "keep": "Recent en gelezen",
        "review": "Oud maar gelezen",
        "promote": "Recent maar weinig gelezen",
        "archive": "Oud en weinig gelezen",
    },
    "quadrant_hint": {
        "keep": "Actueel en gebruikt: hou dat zo.",
        "review": "Lezers krijgen een gedateerd antwoord: herzie deze eerst.",
        "promote": "Maak ze makkelijker vindbaar, of voer ze af als niemand ze nodig heeft.",
        "archive": "Kandidaten voor het archief.",
    },
    "quadrant_caption": "Pagina's in elke hoek van de grafiek",
    "col_corner": "Hoek",
    "col_pages": "Pagina's",
    "axis_age": "Tijd sinds de laatste herziening of wijziging \u2192",
    "axis_views": "Paginaweergaven \u2192",
    "zero_views": "0",
    "older": "ouder",
    "undated": "geen datum",
    "tick_today": "vandaag",
    "tick_months": "%(n)s maanden",
    "tick_year": "1 jaar",
    "tick_years": "%(n)s jaar",
    "dot": "%(title)s\n%(path)s\n%(age)s \u00b7 %(views)s",
    "dot_age": "%(n)s dagen geleden %(kind)s",
    "dot_undated": "geen datum",
    "dot_view": "1 weergave",
    "dot_views": "%(n)s weergaven",
    "archive_heading": "Archiefplan",
    "archive_intro": (
        "Pagina's die %(window)s niemand las, de oudste eerst. De wegwijzer: hou niet alle "
        "informatie bij; 100%% bijhouden leidt tot bevuiling van de kennisbank (TA4)."
    ),
    "archive_nothing_moved": (
        "Er werd niets verplaatst of verwijderd: dit is een lijst die het team samen "
        "overloopt. Archiveer elke pagina, of hou ze en zeg waarom."
    ),
    "archive_csv_hint": (
        "Wil je deze lijst als rekenblad? Start kb-audit dan met --format archive-csv."
    ),
    "archive_more": (
        "\u2026 en nog %(n)s: zie het rekenblad van het archiefplan (--format archive-csv) "
        "of het JSON-rapport."
    ),
    "archive_none": "Geen enkele pagina komt in aanmerking voor het archief.",
    "archive_not_run": "De controle op ongebruikte pagina's liep niet: %(reason)s.",
    "archive_unavailable": "deze versie van kb-audit heeft die controle niet",
    "archive_poor_match": (
        "De gebruiksgegevens waren slecht te koppelen (zie de waarschuwing bij Gebruik): "
        "sommige van deze pagina's worden misschien toch gelezen."
    ),
    "archive_caption": "Kandidaten voor het archief",
    "archive_show": "Kandidaten voor het archief",
    "col_last_change": "Laatst herzien / gewijzigd",
    "date_unreliable": "bestandsdatum, onbetrouwbaar",
    "todo_heading": "Eerst aanpakken",
    "todo_intro": (
        "Elk blok hieronder is één soort probleem, het ernstigste eerst. Je leest waarom het "
        "ertoe doet, hoe je het oplost en waar het gevonden werd."
    ),
    "todo_none": "Niets te doen: geen enkele regel vond iets.",
    "finding_one": "bevinding",
    "finding_many": "bevindingen",
    "principle": "Principe uit de wegwijzer",
    "why": "Waarom het ertoe doet",
    "fix": "Hoe je het oplost",
    "no_doc": "Deze regel heeft geen beschrijving.",
    "untranslated": (
        "De beschrijving van deze regel is nog niet vertaald: je leest ze in het Engels."
    ),
    "where": "Waar het gevonden werd",
    "show_findings": "Toon alle bevindingen",
    "findings_caption": "Bevindingen van regel",
    "findings_more": (
        "\u2026 en nog %(n)s: zie de documententabel (filter: enkel documenten met "
        "bevindingen) of het JSON-rapport."
    ),
    "col_document": "Document",
    "col_line": "Lijn",
    "col_message": "Wat er mis is",
    "whole_kb": "(de hele kennisbank)",
    "baselined": "voorlopig aanvaard (baseline)",
    "baseline_expired": "baseline-vermelding verlopen",
    "full_doc": "Volledige beschrijving van",
    "clean_heading": "In orde",
    "clean_intro": "Deze controles liepen en vonden niets om te melden:",
    "clean_none": "Geen enkele controle kwam er zonder bevindingen vanaf.",
    "skipped_heading": "Wat niet gecontroleerd werd",
    "skipped_rules_heading": "Controles die niet liepen",
    "skipped_rules_none": "Alle controles liepen.",
    "suppressed_heading": "Bewust stilgezette bevindingen",
    "suppressed_intro": (
        "Een pagina of de configuratie vroeg om deze te negeren. Ze tellen niet mee in de "
        "score, maar ze staan hier wel: kijk af en toe na of de reden nog klopt."
    ),
    "suppressed_none": "Er werd geen enkele bevinding stilgezet.",
    "col_silenced_by": "Stilgezet door",
    "skipped_files_heading": "Overgeslagen bestanden",
    "skipped_files_none": "Er werd geen enkel bestand overgeslagen.",
    "col_rule": "Controle",
    "col_reason": "Reden",
    "col_path": "Pad",
    "documents_heading": "Documenten",
    "documents_intro": (
        "Elk gecontroleerd document met zijn gegevens. Score: 100 min de punten die zijn "
        "bevindingen kosten."
    ),
    "documents_caption": "Alle gecontroleerde documenten",
    "documents_none": "Er werden geen documenten gevonden.",
    "col_title": "Titel en pad",
    "col_type": "Soort",
    "col_owner": "Eigenaar",
    "col_words": "Woorden",
    "col_date": "Herzien / gewijzigd",
    "col_links_in": "Inkomende links",
    "col_links_out": "Uitgaande links",
    "col_findings": "Bevindingen",
    "col_score": "Score",
    "entry_page": "startpagina",
    "date_kind": {"reviewed": "herzien", "changed": "gewijzigd"},
    "expires": "herzien voor",
    "untitled": "(geen titel)",
    "search_label": "Zoek op titel of pad",
    "only_findings": "Enkel documenten met bevindingen",
    "rows_shown": "{shown} van {total} documenten getoond",
    "sort_hint": "Kies een kolomkop om te sorteren.",
    "pager_label": "Pagina's van de documententabel",
    "page_first": "Eerste",
    "page_previous": "Vorige",
    "page_of": "Pagina {page} van {pages}",
    "page_next": "Volgende",
    "page_last": "Laatste",
    "documents_noscript": (
        "Zonder JavaScript toont deze tabel de eerste %(shown)s van de %(total)s documenten. "
        "Zet JavaScript aan om ze allemaal te doorbladeren, te doorzoeken en te sorteren; het "
        "JSON-rapport (--format json) somt elk document op."
    ),
    "reference_heading": "Overzicht van de regels",
    "reference_intro": (
        "De volledige beschrijving van elke controle, met het principe uit de wegwijzer dat "
        "ze toepast."
    ),
    "default_severity": "Ernst",
    "doc_sections": {
        "What it does": "Wat de regel doet",
        "Why": "Waarom",
        "Example": "Voorbeeld",
        "Fix": "Oplossing",
        "Options": "Opties",
    },
    # De overzichten per eigenaar en per map, en de leeftijd van de documenten (views.py).
    "views_heading": "Per eigenaar en per map",
    "views_intro": "Wie wat moet doen, waar de problemen zitten en hoe oud de pagina's zijn.",
    "owners_heading": "Per eigenaar",
    "owners_intro": (
        "Wat elke eigenaar moet doen: de pagina's die je beheert, de bevindingen erop en wat "
        "je eerst oplost. Eigenaars met de meeste fouten staan bovenaan, daarna die met de "
        "meeste waarschuwingen."
    ),
    "owners_caption": "Documenten en bevindingen per eigenaar",
    "owners_none": "Er zijn geen documenten, dus ook geen eigenaars om te tonen.",
    "owners_more": "Nog %(n)s eigenaars, met minder bevindingen, staan hier niet.",
    "no_owner": "Geen eigenaar",
    "col_owned": "Documenten",
    "col_with_findings": "Met bevindingen",
    "col_actions": "Eerst aanpakken",
    "actions_none": "Niets te doen.",
    "action_on": "op",
    "folders_heading": "Per map",
    "folders_intro": (
        "Waar de problemen zitten: elke map op het hoogste niveau, gevolgd door de mappen "
        "erin, de grootste eerst. Hoe donkerder een vak, hoe meer bevindingen per document."
    ),
    "folders_caption": "Documenten en bevindingen per map",
    "folders_none": "Er zijn geen documenten, dus ook geen mappen om te tonen.",
    "folders_more": "Nog %(n)s kleinere mappen staan hier niet.",
    "folder_root": "(bovenaan in de gescande map)",
    "col_folder": "Map",
    "col_documents": "Documenten",
    "col_per_document": "Bevindingen per document",
    "heat_legend": "Kleur: bevindingen per document",
    "heat_scale": {
        "0": "geen",
        "1": "tot 0,25",
        "2": "tot 0,5",
        "3": "tot 1",
        "4": "meer dan 1",
    },
    "ages_heading": "Hoe oud de pagina's zijn",
    "ages_intro": (
        "Documenten volgens de tijd sinds hun laatste herziening of, als dat er niet is, hun "
        "laatste wijziging."
    ),
    "ages_label": (
        "Documenten volgens de tijd sinds hun laatste herziening of wijziging: %(counts)s."
    ),
    "age_count": "%(bucket)s: %(n)s",
    "ages_caption": "Documenten volgens de tijd sinds hun laatste herziening of wijziging",
    "col_age": "Tijd sinds de laatste herziening of wijziging",
    "age_bucket": {
        "m3": "< 3 maanden",
        "m6": "3\u20136 maanden",
        "y1": "6\u201312 maanden",
        "y2": "1\u20132 jaar",
        "older": "> 2 jaar",
        "none": "geen datum",
    },
    "back_to_top": "Terug naar boven",
    "footer": "Gemaakt met",
    # De korte samenvatting in Markdown voor een CI-job of een merge request.
    "summary_md": {
        "title": "Audit van de kennisbank",
        "findings": {"one": "1 bevinding", "many": "%(n)s bevindingen"},
        "count": {
            "error": {"one": "1 fout", "many": "%(n)s fouten"},
            "warning": {"one": "1 waarschuwing", "many": "%(n)s waarschuwingen"},
            "info": {"one": "1 opmerking", "many": "%(n)s opmerkingen"},
        },
        "in_documents": "%(findings)s in %(documents)s van de %(total)s documenten: %(counts)s.",
        "no_findings": "Geen bevindingen in %(total)s documenten.",
        "failing": {
            "one": "1 bevinding laat de build falen",
            "many": "%(n)s bevindingen laten de build falen",
        },
        "failing_none": "Geen enkele bevinding laat de build falen",
        "suppressed": "Stilgezet door een pagina of de configuratie, dus niet meegeteld: %(n)s.",
        "baseline": (
            "Tegenover de baseline: %(new)s nieuw, %(unchanged)s staan er al in (die laten de "
            "build niet falen), %(expired)s met een verlopen vermelding (die laten hem weer "
            "falen)."
        ),
        "baseline_file": "Baseline: %(file)s.",
        "scope_changed": "Enkel de documenten die sinds %(ref)s gewijzigd zijn, werden nagekeken.",
        "scope_files": "Enkel de documenten die met --files gegeven werden, werden nagekeken.",
        "scope_other": "Slechts een deel van de map werd nagekeken.",
        "scope_documents": "Nagekeken documenten: %(n)s.",
        "rules_heading": "Bevindingen per controle",
        "col_rule": "Controle",
        "col_name": "Naam",
        "col_severity": "Ernst",
        "col_count": "Bevindingen",
        "top_heading": "Eerst aan te pakken",
        "more": "\u2026 en nog %(n)s.",
        "state": {"new": "nieuw", "unchanged": "in de baseline", "expired": "baseline verlopen"},
        "report_link": "Open het volledige rapport",
    },
}
