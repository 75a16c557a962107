"""Nederlands: de meldingen van de ingebouwde regels, in de je-vorm (zie `messages.py`).

A template's `%(key)s` is an evidence value, numbers and dates already written the Dutch
way; a function gets the whole `Context`. A rule left out keeps its English message.
"""

from __future__ import annotations

from auditor.render.messages import By, Context, Template


def _period(c: Context) -> str:
    """The usage window, from the evidence: "het afgelopen jaar"."""
    days = c.raw("window_days")
    if days == 365:
        return "het afgelopen jaar"
    return f"de afgelopen {c.cat.formats.number(int(days))} dagen"


def _times(c: Context, only: bool = True) -> str:
    n = int(c.raw("views"))
    if n == 0:
        return "geen enkele keer"
    said = {1: "één keer", 2: "twee keer"}.get(n, f"{c.cat.formats.number(n)} keer")
    return f"maar {said}" if only else said


def _read(c: Context, only: bool = True) -> str:
    text = f"{_period(c)} {_times(c, only)} gelezen"
    return text[0].upper() + text[1:]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _broken(what: str) -> Template:
    def text(c: Context) -> str:
        noun = {"image": "De afbeelding", "embed": "De insluiting"}.get(c.raw("kind"), "De link")
        return f"{noun} {what % c.values}"

    return text


def _anchor(c: Context) -> str:
    noun = {"image": "De afbeelding", "embed": "De insluiting"}.get(c.raw("kind"), "De link")
    anchor = str(c.raw("target")).partition("#")[2]
    if not anchor:
        raise ValueError("no anchor")
    return f"{noun} verwijst naar een sectie #{anchor} die {c.values['resolved']} niet heeft."


def _stale_popular(c: Context) -> str:
    if "age_days" in c.evidence:
        verb = {"changed": "gewijzigd", "reviewed": "herzien"}[c.raw("date_kind")]
        why = f"{c.values['age_days']} dagen geleden voor het laatst {verb}"
    else:
        why = f"de herzieningsdatum is {c.values['overdue_days']} dagen geleden verstreken"
    return f"{_read(c, only=False)}, maar {why}: lezers krijgen een gedateerd antwoord."


def _missing_date(c: Context) -> str:
    if c.evidence.get("problems"):
        return (
            f"De datum kan niet gelezen worden ({c.raw('problems')[0]}), dus niemand weet "
            "hoe actueel de pagina is."
        )
    if c.evidence.get("fallback"):
        return (
            "Geen herzienings- of wijzigingsdatum in de pagina of haar geschiedenis; enkel de "
            "wijzigingstijd van het bestand, en die zet een kopie of checkout opnieuw."
        )
    return "Geen herzienings- of wijzigingsdatum: niemand weet of de pagina nog klopt."


def _unused(c: Context) -> str:
    age = c.evidence.get("age_days")
    old = f", en de pagina is {c.values['age_days']} dagen oud" if age is not None else ""
    return f"{_read(c)}{old}: archiveer ze als niemand ze nodig heeft."


def _buried(c: Context) -> str:
    where = []
    buried_by = c.raw("buried_by")
    if "folders" in buried_by:
        where.append(f"{c.values['folder_depth']} mappen diep")
    if c.raw("click_depth") == "unreachable":
        where.append("geen pad van links leidt ernaartoe vanaf de startpagina")
    elif "links" in buried_by:
        where.append(f"{c.values['click_depth']} klikken van de startpagina")
    if not where:
        raise ValueError("no place named")
    return (
        f"{_read(c, only=False)}, meer dan {c.values['percentile']}% van de pagina's, "
        f"maar {' en '.join(where)}: haal ze naar boven."
    )


def _prominent(c: Context) -> str:
    linker = c.evidence.get("linked_from")
    where = (
        f"gelinkt vanaf de startpagina ({linker})"
        if linker
        else "op het hoogste niveau van de kennisbank"
    )
    return (
        f"{_read(c)}, en toch {where}: zet ze lager, om plaats te maken voor pagina's die "
        "lezers wel gebruiken."
    )


def _effort(c: Context) -> str:
    made = f"{c.values['words']} woorden"
    if c.evidence.get("revisions") is not None:
        made += f", {c.values['revisions']} keer bewerkt"
    return (
        f"{_read(c)}, hoewel er het meeste werk in ging ({made}): weeg het onderhoud af "
        "tegen het gebruik."
    )


def _same_title(c: Context) -> str:
    others = [str(p) for p in c.raw("same_title")]
    named = ", ".join(others[:3])
    if len(others) > 3:
        named += f" en nog {len(others) - 3} andere"
    return (
        f'De titel "{c.values["title"]}" is ook de titel van {named}: lezers kunnen de '
        "pagina's niet uit elkaar houden."
    )


def _similar(c: Context) -> str:
    similarity = f"{float(c.raw('similarity')):.2f}".replace(".", c.cat.formats.decimal)
    text = f"Bijna dezelfde tekst als {c.values['similar_to']} (gelijkenis {similarity})"
    others = int(c.evidence.get("others") or 0)  # beyond `similar_to`; a pair has none
    if others:
        named = [str(p) for p in c.raw("also_similar")][:3]
        if others > len(named):
            listed = f"{', '.join(named)} en nog {c.cat.formats.number(others - len(named))} andere"
        else:
            listed = _and(named)
        pages = "1 andere pagina" if others == 1 else f"{c.values['others']} andere pagina's"
        text += f" en {pages} ({listed})"
    return f"{text}: hou één pagina over en link ernaar."


def _unreadable(c: Context) -> str:
    if "duplicate_key" in c.evidence:
        return (
            f"De frontmatter-sleutel '{c.values['duplicate_key']}' komt meer dan eens voor; "
            "de laatste waarde telt."
        )
    return f"Kan niet gelezen worden: {c.values['error']}."


def _folder(c: Context) -> str:
    v = c.values
    if int(c.raw("documents")) > int(c.raw("max_documents")):
        text = (
            f"{v['documents']} pagina's naast elkaar: groepeer ze in submappen "
            f"(hoogstens {v['max_documents']} in één map)"
        )
        return text + ("." if c.raw("has_index") else ", en voeg een indexpagina toe.")
    return (
        f"{v['documents']} pagina's en geen indexpagina: voeg er een toe die zegt waar je "
        f"begint (vanaf meer dan {v['max_without_index']} pagina's is die nodig)."
    )


def _external(c: Context) -> str:
    per_link = c.cat.formats.number(round(float(c.raw("words_per_link"))))
    return (
        f"{c.values['external_links']} van de {c.values['links']} links gaan naar andere "
        f"sites, met {per_link} woorden per link: schrijf op wat het team eruit haalt."
    )


def _data_dump(c: Context) -> str:
    share = c.cat.formats.percent(float(c.raw("table_share")))
    return (
        f"{c.values['table_rows']} tabelrijen maken {share} van de pagina uit: bewaar de "
        "gegevens in een rekenblad of databank en link ernaar."
    )


def _no_owner(c: Context) -> str:
    if c.evidence.get("codeowners"):
        fix = (
            "voeg `owner:` toe aan de frontmatter, of een regel voor de pagina aan "
            f"{c.values['codeowners']}"
        )
    elif c.evidence.get("codeowners_accepted"):
        fix = "voeg `owner:` toe aan de frontmatter, of maak een CODEOWNERS-bestand"
    else:
        fix = "voeg `owner:` toe aan de frontmatter"
    return f"Niemand staat als eigenaar genoemd, dus niemand houdt deze pagina bij: {fix}."


def _unknown_owner(c: Context) -> str:
    unknown = [str(o) for o in c.raw("unknown_owners")]
    owners = c.raw("owners")
    verb = "staat" if len(unknown) == 1 else "staan"
    if len(unknown) < len(owners):
        fix = f"haal {'die naam' if len(unknown) == 1 else 'die namen'} weg bij de eigenaars"
    else:
        fix = "geef de pagina aan iemand die er wel op staat"
    return f"{_and(unknown)} {verb} niet op de lijst van huidige medewerkers: {fix}."


def _no_type(c: Context) -> str:
    allowed = [str(a) for a in c.raw("allowed")]
    kinds = allowed[0] if len(allowed) == 1 else ", ".join(allowed[:-1]) + " of " + allowed[-1]
    found = [str(f) for f in c.evidence.get("found") or []]
    if len(found) > 1:
        quoted = ", ".join(f"'{v}'" for v in found)
        return f"Geen van de soorten ({quoted}) is een soort materiaal: gebruik {kinds}."
    if found:
        return f"Soort '{found[0]}' is geen soort materiaal: gebruik {kinds}."
    return f"Geen soort materiaal: zet `type:` met {kinds} in de frontmatter."


def _format_mix(c: Context) -> str:
    pct = c.cat.formats.percent
    v = c.values
    if int(c.raw("with_media")):
        lead = (
            f"Maar {v['with_media']} van de {v['documents']} pagina's "
            f"({pct(float(c.raw('share')))}) bieden"
        )
    else:
        lead = f"Geen van de {v['documents']} pagina's biedt"
    return (
        f"{lead} meer dan tekst: voeg afbeeldingen, diagrammen, video of audio toe waar ze "
        f"helpen (mik op {pct(float(c.raw('min_share')))} van de pagina's)."
    )


def _abbreviations(c: Context) -> str:
    used = dict(c.raw("abbreviations"))
    named = [f"{abbr} (regel {c.cat.formats.number(line)})" for abbr, line in used.items()]
    listed = ", ".join(named[:6]) + (f" en nog {len(named) - 6}" if len(named) > 6 else "")
    what = "afkorting wordt" if len(named) == 1 else "afkortingen worden"
    return (
        f"{len(named)} {what} gebruikt maar nergens uitgelegd: {listed}. Schrijf ze voluit "
        "bij het eerste gebruik, of zet ze in de woordenlijst."
    )


MESSAGES: dict[str, Template] = {
    "T020": By(
        "problem",
        {
            "missing": _broken("verwijst naar %(target)s, dat niet bestaat."),
            "missing-anchor": _anchor,
            "outside": _broken("verwijst naar buiten de kennisbank (%(target)s)."),
            "case-mismatch": _broken(
                "verwijst naar %(target)s, dat enkel bestaat als %(resolved)s: zo werkt de "
                "link niet waar hoofdletters tellen."
            ),
            "empty": _broken("heeft geen doel."),
        },
    ),
    "T001": (
        "Al %(age_days)s dagen niet herzien (sinds %(date)s); deze pagina hoort om de "
        "%(cadence_days)s dagen herzien te worden."
    ),
    "T002": "De herzieningsdatum %(date)s is %(overdue_days)s dagen geleden verstreken.",
    "T003": _stale_popular,
    "T004": _missing_date,
    "T010": _unused,
    "T011": _buried,
    "T012": _prominent,
    "T013": _effort,
    "T021": "Geen enkele andere pagina linkt hierheen: lezers vinden ze niet.",
    "T022": _same_title,
    "T023": _similar,
    "T024": _unreadable,
    "T030": (
        "Geen samenvatting: wie de %(words)s woorden leest, ziet niet in één oogopslag "
        "wat erin staat."
    ),
    "T031": "%(words)s woorden: splits de pagina op in kleinere pagina's (grens %(max_words)s).",
    "T032": _folder,
    "T033": _external,
    "T034": _data_dump,
    "O001": _no_owner,
    "O002": _unknown_owner,
    "P001": _no_type,
    "P002": _format_mix,
    "C001": _abbreviations,
}
