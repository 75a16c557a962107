"""The guide's numbered principles (see the guide "Wegwijzer voor leermarkt - kennisdeling
anno 2023"), shortened, so a report can say what a rule's principle id stands for.

English is the reference; every other language of the report has the same ids (a test
checks), in the guide's own Dutch wording where it has one.
"""

PRINCIPLES: dict[str, str] = {
    "PL1": "Knowledge sharing is not an end in itself.",
    "PL3": "Reflect, choose and prioritise what to capture.",
    "PL5": "Work with knowledge ambassadors who guard quality.",
    "PE6": "Creating, sharing and maintaining knowledge belong in the job profile.",
    "CO3": "Make concepts, words, abbreviations and processes explicit.",
    "TE1": "Think about your structure first, and attach knowledge to it logically.",
    "TE2": "Build the structure around use: frequent versus occasional.",
    "TE3": "Keep an internal knowledge base; don't look for everything outside.",
    "TE4": "Balance the time it takes to make something against how often it is used.",
    "TE5": "Offer knowledge in small, digestible pieces at the right moment.",
    "TE6": "MAINTAIN your knowledge.",
    "TE7": "Tell data-driven solutions (transactions) apart from knowledge.",
    "TA1": "Make sure people can find information very easily and quickly.",
    "TA2": "Help people with structure: key messages, conclusions.",
    "TA3": "One size does not fit all: offer a mix of formats.",
    "TA4": "Don't keep all information: 80% is no longer used after a year.",
    "TA5": "People who get an outdated answer twice don't come back a third time.",
}

PRINCIPLES_NL: dict[str, str] = {
    "PL1": "Maak van kennisdeling géén einddoel of een doel op zich.",
    "PL3": "Reflecteer, maak keuzes en stel prioriteiten: wat wil je capteren?",
    "PL5": "Werk met kennisambassadeurs die zorgen voor kwaliteitsbewaking.",
    "PE6": "Kennis delen, creëren en onderhouden zijn delen van het functieprofiel.",
    "CO3": "Expliciteer concepten, woorden, afkortingen en processen.",
    "TE1": "Denk eerst na over je structuur en hang kennis LOGISCH vast.",
    "TE2": "Maak je structuur op bruikbaarheid: frequent vs. sporadisch gebruik.",
    "TE3": "Zorg voor een interne kennisbasis, ga niet alles extern zoeken.",
    "TE4": "Breng de tijd die je in iets steekt en de frequentie van gebruik in balans.",
    "TE5": "Bied kennis aan in kleine, behapbare brokjes op het juiste moment.",
    "TE6": "Zorg dat je kennis ONDERHOUDT.",
    "TE7": "Maak onderscheid tussen data-gedreven oplossingen (transacties) en kennis.",
    "TA1": "Zorg dat mensen informatie heel makkelijk en snel kunnen vinden.",
    "TA2": "Help mensen met een structuur: belangrijke boodschappen, conclusies.",
    "TA3": "'One size fits all' werkt niet: maak een MIX van vormen.",
    "TA4": "Hou niet alle informatie bij: 80% wordt na een jaar niet meer gebruikt.",
    "TA5": "Wie 2 keer een gedateerd antwoord krijgt, komt geen derde keer terug.",
}

#: The principles by language code.
BY_LANGUAGE: dict[str, dict[str, str]] = {"en": PRINCIPLES, "nl": PRINCIPLES_NL}


def principles(lang: str) -> dict[str, str]:
    """The principle texts in `lang`, English for a language that has none."""
    return BY_LANGUAGE.get(lang, PRINCIPLES)
