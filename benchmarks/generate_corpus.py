"""Generate a synthetic team wiki of N Markdown documents for the benchmarks.

The corpus has the shape of a real wiki, and is the same for the same arguments and seed:

- sizes log-normal around 5 KB (median about 5 KB, a long tail to 100 KB);
- nested folders (up to four levels) of 10 to 60 documents, most with an index.md or
  README.md entry page listing the folder;
- YAML frontmatter: title, summary (most), owner (from about 200 people; some missing),
  type (guide, how-to, policy, reference, meeting-notes, …), reviewed and updated dates
  spread over five years (mostly ISO, some 13/05/2023 or "May 13, 2023"); a few documents
  have no frontmatter, only a `# Title`;
- headings, prose from a small vocabulary with abbreviations (a few defined, as in
  "Service Level Agreement (SLA)"), lists, code blocks, tables (a few of them data dumps);
- relative links between documents (about 3% broken, some with #anchors of real
  headings), [[wikilinks]] in some documents, images (most of them present as small PNG
  files in each area's img/ folder, some missing), external links;
- a few exact and near duplicates.

    python benchmarks/generate_corpus.py /tmp/bench/corpus-10k/wiki --documents 10000
    python benchmarks/generate_corpus.py /tmp/bench/corpus-100k/wiki --documents 100000 \\
        --git-commits 100000 --usage

--git-commits C makes OUT a git repository of C commits by several authors, back-dated
over five years, built with one `git fast-import` stream and checked out: pages are added
over time (a fifth of them in a first bulk import), edited, a few renamed and a few
deleted. --usage writes a GA4-style page-view export with Zipf-like views for most pages
to OUT/../usage.csv (or the file given), outside the scanned folder. OUT must be new or
empty. No kb-audit.toml is written: benchmarks/run.py passes the options.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import re
import struct
import subprocess
import sys
import time
import zlib
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

END = dt.date(2026, 11, 27)  # the day benchmarks/run.py audits as of
SPAN_DAYS = 5 * 365
MAX_DEPTH = 4
MEDIAN_BYTES = 5_000
SIGMA = 0.75  # of the log-normal sizes: the 99th percentile near 30 KB
MIN_BYTES, MAX_BYTES = 300, 100_000
BROKEN_LINKS = 0.03
BROKEN_ANCHORS = 0.01
EXACT_DUPLICATES = 0.003
NEAR_DUPLICATES = 0.004
SAME_TITLES = 0.02  # of titles drawn twice, the share left as they are (duplicate titles)

AREAS: dict[str, tuple[str, ...]] = {
    "engineering": ("platform", "deployment", "ci-pipelines", "databases", "api", "mobile-app",
                    "search", "observability", "kubernetes", "code-review", "testing",
                    "architecture"),
    "operations": ("incident-response", "on-call", "backups", "monitoring", "capacity",
                   "runbooks", "change-management", "networking", "disaster-recovery"),
    "security": ("access-control", "vulnerabilities", "passwords", "mfa", "audits",
                 "encryption", "phishing", "secrets"),
    "product": ("roadmap", "discovery", "releases", "pricing", "feedback", "analytics",
                "experiments"),
    "people": ("onboarding", "leave", "expenses", "travel", "recruitment", "training",
               "performance-reviews", "benefits", "remote-work"),
    "finance": ("invoicing", "budgets", "procurement", "payroll", "reporting", "audit"),
    "sales": ("pipeline", "contracts", "proposals", "partners", "demos", "tenders"),
    "support": ("escalations", "tickets", "knowledge-base", "customer-success", "sla",
                "macros"),
    "legal": ("gdpr", "agreements", "privacy", "compliance", "licences"),
    "it-services": ("laptops", "vpn", "printers", "accounts", "software", "phones", "wifi"),
    "data": ("data-warehouse", "dashboards", "etl", "data-quality", "machine-learning",
             "metrics"),
    "design": ("design-system", "research", "accessibility", "brand", "templates"),
}  # fmt: skip
SUBFOLDERS = (
    "archive", "how-tos", "policies", "reference", "meeting-notes", "decisions", "projects",
    "team-notes", "guides", "faq", "2022", "2023", "2024", "2025", "q1-planning", "q3-planning",
    "emea", "americas", "apac", "tooling", "vendors", "checklists",
)  # fmt: skip
FIRST = (
    "Anna", "Bram", "Chloé", "Daan", "Emma", "Finn", "Greet", "Hugo", "Ines", "Jonas", "Kato",
    "Lars", "Mila", "Noor", "Pieter", "Ruth", "Sam", "Tess", "Victor", "Wout",
)  # fmt: skip
LAST = (
    "Janssens", "Peeters", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet",
)  # fmt: skip
TEAMS = (
    "platform", "support", "security", "data", "finance", "people", "design", "sales",
    "operations", "product", "legal", "IT", "mobile", "billing", "search",
)  # fmt: skip
NOUNS = (
    "service", "database", "dashboard", "queue", "certificate", "account", "report",
    "process", "checklist", "template", "cluster", "pipeline", "budget", "contract", "request",
    "review", "release", "backup", "alert", "integration", "policy", "workflow", "schedule",
    "licence", "laptop",
)  # fmt: skip
VERBS = (
    ("deploy", "deploys"), ("configure", "configures"), ("renew", "renews"),
    ("restore", "restores"), ("request", "requests"), ("rotate", "rotates"),
    ("update", "updates"), ("review", "reviews"), ("set up", "sets up"),
    ("migrate", "migrates"), ("monitor", "monitors"), ("approve", "approves"),
    ("archive", "archives"), ("troubleshoot", "troubleshoots"), ("reset", "resets"),
    ("install", "installs"), ("test", "tests"), ("scale", "scales"),
    ("document", "documents"), ("escalate", "escalates"),
)  # fmt: skip
PERIODS = ("week", "month", "quarter", "year", "sprint", "release", "two weeks", "six months")
ABBREVIATIONS = {
    "SLA": "Service Level Agreement", "VPN": "Virtual Private Network",
    "SSO": "Single Sign-On", "MFA": "Multi-Factor Authentication",
    "RPO": "Recovery Point Objective", "RTO": "Recovery Time Objective",
    "KPI": "Key Performance Indicator", "OKR": "Objectives and Key Results",
    "CAB": "Change Advisory Board", "SRE": "Site Reliability Engineering",
    "ADR": "Architecture Decision Record", "PTO": "Paid Time Off",
    "DPA": "Data Processing Agreement", "ETL": "Extract, Transform, Load",
    "MDM": "Mobile Device Management", "RCA": "Root Cause Analysis",
    "CSAT": "Customer Satisfaction Score", "NDA": "Non-Disclosure Agreement",
    "SOP": "Standard Operating Procedure", "IAM": "Identity and Access Management",
}  # fmt: skip
KNOWN_ABBREVIATIONS = ("API", "HR", "IT", "PDF", "URL", "SSH", "DNS", "VAT", "FAQ", "ID")
SENTENCES = (
    "The {team} team {verbs} the {noun} every {period}.",
    "Before you {verb} the {noun}, check that the {topic} {noun2} is up to date.",
    "If the {noun} fails, open a ticket with the {team} team and mention the {abbr} number.",
    "We {verb} every {topic} {noun} through the {abbr} portal.",
    "Most questions about {topic} are answered in the {noun} overview.",
    "Ask {person} when the {noun} needs a new owner.",
    "This {noun} is reviewed every {period} by the {team} team.",
    "Keep the {noun} short: nobody reads a {topic} {noun2} of ten pages.",
    "The {abbr} applies to every {noun} that handles customer data.",
    "You need {abbr} access before you can {verb} the {topic} {noun}.",
    "It takes about {number} minutes to {verb} a {noun}, most of it waiting for the {noun2}.",
    "In {year} we moved the {topic} {noun} to the new {noun2}.",
    "Nobody should {verb} the {noun} on a Friday afternoon.",
    "The {noun} has {number} steps; the third one is the one people forget.",
    "When in doubt, {verb} the {noun2} first and the {noun} second.",
    "{person} wrote the first version of this {noun} after the {topic} incident.",
    "The {team} team keeps a list of every {topic} {noun} in the {abbr} register.",
    "Our target is a {abbr} of {number} hours for every {noun}.",
    "Use the {noun} template, not a copy of an old {noun2}.",
    "The {topic} {noun} is owned by the {team} team, who {verb} it every {period}.",
    "A {noun} without an owner is a {noun} nobody will {verb}.",
    "Link the {abbr} ticket in the {noun} so that others can follow the history.",
    "Write down what you changed and why: the next person to {verb} the {noun} will thank you.",
    "We measure the {noun} against the {abbr} every {period}.",
    "The old {noun2} still works, but it will be switched off in {year}.",
    "For {topic}, the {noun} is the single source of truth.",
    "The checklist below covers the {number} things to {verb} before a {noun} goes live.",
    "Costs for the {noun} are booked on the {team} budget.",
    "Escalate to {person} if the {noun} is not restored within {number} hours.",
    "The {topic} {noun} runs in two regions, so one can {verb} the other.",
)  # fmt: skip
DEFINITIONS = (
    "The {long} ({abbr}) says what the {team} team promises for every {noun}.",
    "Every {noun} follows the {long} ({abbr}) of the {team} team.",
    "We call this the {long} ({abbr}); it covers the {topic} {noun}.",
)
GENERIC_HEADINGS = (
    "Overview", "Purpose", "Scope", "Before you start", "Prerequisites", "Steps",
    "Troubleshooting", "Who to contact", "Background", "Decision", "Consequences",
    "Known issues", "Rollback", "Related pages", "Configuration", "Examples", "Costs",
    "Roles and responsibilities", "Exceptions", "How to get access", "What to do next",
    "Timeline", "Open questions", "Risks", "Checklist", "Frequently asked questions",
    "Contacts", "History", "Limits", "Definitions", "Alternatives considered", "Action items",
    "Attendees", "Agenda", "Notes", "Results", "Follow-up", "Approval", "Testing", "Support",
)  # fmt: skip
TYPES = (
    ("how-to", 25), ("guide", 15), ("reference", 14), ("meeting-notes", 12), ("policy", 9),
    ("runbook", 9), ("decision", 6), ("faq", 5), ("overview", 5),
)  # fmt: skip
QUALIFIERS = ("EMEA", "Americas", "APAC", "2023", "2024", "2025", "old", "draft", "team copy")
LANGUAGES = ("bash", "yaml", "python", "sql", "json", "text")
EXTERNAL = (
    "https://docs.python.org/3/library/", "https://kubernetes.io/docs/concepts/",
    "https://en.wikipedia.org/wiki/Service-level_agreement", "https://www.postgresql.org/docs/",
    "https://owasp.org/www-project-top-ten/", "https://sre.google/sre-book/table-of-contents/",
    "https://www.gov.uk/guidance/service-manual", "https://12factor.net/",
    "https://semver.org/", "https://www.markdownguide.org/basic-syntax/",
    "https://gdpr-info.eu/", "https://martinfowler.com/articles/",
    "https://status.example.org/", "https://helpdesk.example.org/new-ticket",
)  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def main() -> None:
    args = _arguments()
    out = args.out
    if out.exists() and any(out.iterdir()):
        sys.exit(f"{out} is not empty: give a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus = Generator(args.documents, args.seed)
    print(f"planned {args.documents:,} documents in {len(corpus.folders):,} folders "
          f"and {len(corpus.assets):,} images: {_since(started)}")  # fmt: skip
    if args.git_commits:
        step = time.perf_counter()
        history = History(corpus, args.git_commits, args.seed)
        history.build(out)
        print(f"git: {args.git_commits:,} commits ({history.renamed:,} renames, "
              f"{len(history.retired):,} deleted pages): generated and imported "
              f"{history.import_seconds:.1f} s, checked out: {_since(step)} in all")  # fmt: skip
    else:
        step = time.perf_counter()
        corpus.write(out)
        print(f"wrote the documents and images: {_since(step)}")
    _print_stats(corpus)
    if args.usage is not None:
        step = time.perf_counter()
        rows = write_usage(corpus, args.usage, args.seed)
        print(f"usage: {rows:,} rows in {args.usage}: {_since(step)}")
    print(f"done in {_since(started)}: {out}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to create (new or empty)")
    parser.add_argument("--documents", "-n", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--git-commits", type=int, default=0, metavar="C",
                        help="make OUT a git repository of C back-dated commits")  # fmt: skip
    parser.add_argument("--usage", nargs="?", const="", metavar="FILE",
                        help="write a page-view export (default OUT/../usage.csv)")  # fmt: skip
    args = parser.parse_args()
    if args.documents < 1:
        parser.error("--documents must be at least 1")
    if args.usage is not None:
        args.usage = Path(args.usage) if args.usage else args.out.parent / "usage.csv"
    return args


@dataclass(slots=True)
class Folder:
    path: str  # POSIX, relative to the root; "" for the root
    depth: int
    area: str
    topic: str
    children: list[int] = field(default_factory=list)
    first: int = 0  # the index of its first document
    count: int = 0
    entry: str | None = None  # "index.md", "README.md" or None
    limit: int = 0  # how many subfolders it may get


class Pools:
    """Pre-built text: sentences, headings (and their anchors), code blocks, tables and
    the dates as written, so that a document is assembled from chunks."""

    def __init__(self, rng: random.Random) -> None:
        topics = sorted({t for ts in AREAS.values() for t in ts})
        self.people = [f"{first} {last}" for first in FIRST for last in LAST]
        abbreviations = list(ABBREVIATIONS)

        def fill(template: str, explained: float) -> str:
            """The template with words drawn; an abbreviation that needs explaining in
            the share `explained` of them, else one everyone knows."""
            verb, verbs = rng.choice(VERBS)
            abbr = rng.choice(abbreviations if rng.random() < explained else KNOWN_ABBREVIATIONS)
            words = {"team": rng.choice(TEAMS), "verb": verb, "verbs": verbs}
            words |= {"noun": rng.choice(NOUNS), "noun2": rng.choice(NOUNS)}
            words |= {"topic": _words(rng.choice(topics)), "period": rng.choice(PERIODS)}
            words |= {"abbr": abbr, "long": ABBREVIATIONS.get(abbr, "")}
            words |= {"person": rng.choice(self.people), "number": rng.randrange(2, 48)}
            return template.format(**words, year=rng.randrange(2019, 2027))

        self.sentences = [fill(rng.choice(SENTENCES), 0.04) + " " for _ in range(6_000)]
        self.sentences += [fill(rng.choice(DEFINITIONS), 1.0) + " " for _ in range(60)]
        steps = {
            f"Step {k}: {verb} the {noun}"
            for k in range(1, 8)
            for verb, _ in VERBS[:12]
            for noun in NOUNS[:10]
        }
        steps = sorted(steps)
        rng.shuffle(steps)
        self.headings = list(GENERIC_HEADINGS) + steps[:160]
        self.anchors = [_github_slug(h) for h in self.headings]
        self.code = [self._code(rng) for _ in range(40)]
        self.tables = [self._table(rng, rng.randrange(3, 9)) for _ in range(40)]
        self.dumps = [self._table(rng, rng.randrange(40, 90)) for _ in range(6)]
        self.external = [*EXTERNAL] + [
            f"https://jira.example.org/browse/OPS-{rng.randrange(100, 9999)}" for _ in range(30)
        ]
        days = [END - dt.timedelta(days=d) for d in range(SPAN_DAYS + 1)]
        self.iso = [d.isoformat() for d in days]
        self.dmy = [f"{d.day:02d}/{d.month:02d}/{d.year}" for d in days]
        self.written = [f"{MONTHS[d.month - 1]} {d.day}, {d.year}" for d in days]

    def _code(self, rng: random.Random) -> str:
        language = rng.choice(LANGUAGES)
        noun, number = rng.choice(NOUNS), rng.randrange(1, 99)
        body = {
            "bash": f"kubectl rollout restart deployment/{noun}-{number}\n"
            f"kubectl rollout status deployment/{noun}-{number} --timeout=300s\n",
            "yaml": f"{noun}:\n  replicas: {number % 5 + 1}\n  owner: team-{rng.choice(TEAMS)}\n"
            f'  schedule: "0 {number % 24} * * *"\n',
            "python": f"def check_{noun}(limit={number}):\n    return {noun}_count() < limit\n",
            "sql": f"SELECT id, name, updated_at\nFROM {noun}s\nWHERE age_days > {number}\n"
            "ORDER BY updated_at;\n",
            "json": f'{{"{noun}": {{"enabled": true, "retries": {number % 7}}}}}\n',
            "text": f"{noun.upper()}_LIMIT={number}\n{noun.upper()}_OWNER=team\n",
        }[language]
        return f"```{language}\n{body}```\n\n"

    def _table(self, rng: random.Random, rows: int) -> str:
        header = "| Name | Owner | Status | Due |\n|---|---|---|---|\n"
        lines = [
            f"| {rng.choice(NOUNS)} {rng.randrange(1, 999)} | {rng.choice(self.people)} "
            f"| {rng.choice(('open', 'done', 'blocked', 'in review'))} "
            f"| {END.year - rng.randrange(0, 4)}-{rng.randrange(1, 13):02d}-01 |\n"
            for _ in range(rows)
        ]
        return header + "".join(lines) + "\n"


class Generator:
    """The plan of the corpus (folders, paths, titles, headings) and the writing of its
    documents. Every random choice comes from a seeded generator, in a fixed order."""

    def __init__(self, documents: int, seed: int) -> None:
        rng = random.Random(f"{seed}-plan")
        self.pools = Pools(random.Random(f"{seed}-pools"))
        self.folders = _plan_folders(documents, rng)
        self.n = documents
        self.folder_of = array("i", bytes(4 * documents))
        self.names: list[str] = []
        self.titles: list[str] = []
        self.types: list[str] = []
        self.heading_of = array("i", bytes(4 * documents))
        self.duplicate = bytearray(documents)  # 1: an exact copy, 2: a near copy of a page
        self._plan_documents(rng)
        self.assets = self._plan_assets()
        self.text_rng = random.Random(f"{seed}-text")
        self.sizes: list[int] = []
        self.stats = {"links": 0, "broken links": 0, "anchors": 0, "wikilinks": 0,
                      "images": 0, "missing images": 0, "external links": 0,
                      "exact duplicates": 0, "near duplicates": 0,
                      "no frontmatter": 0}  # fmt: skip
        self._reservoir: list[tuple[str, str]] = []

    # -- the plan --------------------------------------------------------------------------

    def _plan_documents(self, rng: random.Random) -> None:
        seen: dict[str, int] = {}
        kinds = [t for t, _ in TYPES]
        weights = [w for _, w in TYPES]
        headings = len(self.pools.headings)
        for index, folder in enumerate(self.folders):
            taken: set[str] = set()
            for k in range(folder.count):
                doc = folder.first + k
                self.folder_of[doc] = index
                self.heading_of[doc] = rng.randrange(headings)
                entry = k == 0 and folder.entry is not None
                if entry:
                    kind = "overview"
                    title = _words(folder.topic).capitalize() if folder.path else "Team wiki"
                    if title in seen and folder.depth > 1:  # "Archive (platform)"
                        title += f" ({_words(folder.path.split('/')[-2])})"
                    name = folder.entry
                else:
                    kind = rng.choices(kinds, weights)[0]
                    title = _title(kind, folder, rng)
                    roll = rng.random()
                    if roll < EXACT_DUPLICATES + NEAR_DUPLICATES:
                        self.duplicate[doc] = 1 if roll < EXACT_DUPLICATES else 2
                title = _unique(title, seen, rng)
                if not entry:
                    name = _slug(title)
                    while name + ".md" in taken:
                        name += f"-{rng.randrange(10)}"
                    name += ".md"
                taken.add(name)
                self.names.append(name)
                self.titles.append(title)
                self.types.append(kind)

    def _plan_assets(self) -> list[str]:
        per_area: dict[str, int] = {}
        for folder in self.folders:
            per_area[folder.area] = per_area.get(folder.area, 0) + folder.count
        self.images = {area: max(3, count // 25) for area, count in per_area.items()}
        return [f"{area}/img/diagram-{k:03d}.png" for area, n in self.images.items()
                for k in range(n)]  # fmt: skip

    def path(self, doc: int) -> str:
        folder = self.folders[self.folder_of[doc]].path
        return f"{folder}/{self.names[doc]}" if folder else self.names[doc]

    # -- writing ---------------------------------------------------------------------------

    def documents(self):
        """(path, bytes) of every document, in folder order."""
        for doc in range(self.n):
            data = self.document(doc).encode()
            self.sizes.append(len(data))
            yield self.path(doc), data

    def write(self, out: Path) -> None:
        made: set[str] = set()
        for path, data in self.documents():
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(out / folder, exist_ok=True)
                made.add(folder)
            _write(out / path, data)
        png = _png()
        for area in self.images:
            os.makedirs(out / area / "img", exist_ok=True)
        for asset in self.assets:
            _write(out / asset, png)

    def document(self, doc: int) -> str:
        rng = self.text_rng
        folder = self.folders[self.folder_of[doc]]
        title, kind = self.titles[doc], self.types[doc]
        entry = folder.entry is not None and doc == folder.first
        size = int(rng.lognormvariate(math.log(MEDIAN_BYTES), SIGMA))
        size = min(MAX_BYTES, max(MIN_BYTES, size))
        if self.duplicate[doc] and self._reservoir:
            source_title, body = rng.choice(self._reservoir)
            if self.duplicate[doc] == 1:
                self.stats["exact duplicates"] += 1
                title = source_title if rng.random() < 0.4 else title
            else:
                self.stats["near duplicates"] += 1
                body += self._paragraph(rng, 2)
        elif entry:
            body = self._entry_body(doc, folder, rng)
        else:
            body = self._body(doc, folder, size, rng)
            if len(body) > 1_500:
                if len(self._reservoir) < 64:
                    self._reservoir.append((title, body))
                elif rng.random() < 0.02:
                    self._reservoir[rng.randrange(64)] = (title, body)
        if rng.random() < 0.03 and not entry:
            self.stats["no frontmatter"] += 1
            return f"# {title}\n\n{body}"
        heading = f"# {title}\n\n" if rng.random() < 0.4 else ""
        return self._frontmatter(title, kind, folder, rng) + heading + body

    def _frontmatter(self, title: str, kind: str, folder: Folder, rng: random.Random) -> str:
        pools = self.pools
        lines = ["---", f'title: "{title}"']
        if rng.random() < 0.8:
            verb = rng.choice(VERBS)[1]
            lines.append(f'summary: "How the {rng.choice(TEAMS)} team {verb} '
                         f'{_words(folder.topic)} {rng.choice(NOUNS)}s."')  # fmt: skip
        if rng.random() < 0.88:
            people = pools.people
            if rng.random() < 0.5:  # a few people own many pages
                person = people[min(len(people) - 1, int(rng.paretovariate(1.2)) - 1)]
            else:
                person = rng.choice(people)
            if rng.random() < 0.05:  # written as an address
                first, last = person.split(" ", 1)
                person = f"{first}.{last.replace(' ', '')}@example.org".lower()
            lines.append(f"owner: {person}")
        if rng.random() < 0.85:
            lines.append(f"type: {kind}")
        for key, share in (("reviewed", 0.55), ("updated", 0.6)):
            if rng.random() < share:
                lines.append(f"{key}: {self._date(rng)}")
        if rng.random() < 0.5:
            lines.append(f"tags: [{folder.area}, {rng.choice(NOUNS)}]")
        lines.append("---\n\n")
        return "\n".join(lines)

    def _date(self, rng: random.Random) -> str:
        day = rng.randrange(SPAN_DAYS)
        roll = rng.random()
        if roll < 0.8:
            return self.pools.iso[day]
        if roll < 0.92:
            return self.pools.dmy[day]
        if roll < 0.97:
            return self.pools.written[day]
        return f"{self.pools.iso[day]} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:00"

    def _body(self, doc: int, folder: Folder, size: int, rng: random.Random) -> str:
        pools = self.pools
        wiki = rng.random() < 0.1  # Obsidian-style links in this document
        parts = [self._paragraph(rng, rng.randrange(1, 4))] if rng.random() < 0.7 else []
        length = sum(map(len, parts))
        headings, section = len(pools.headings), 0
        first_heading = self.heading_of[doc]
        while length < size or not section:
            heading = pools.headings[(first_heading + 7 * section) % headings]
            piece = [f"## {heading}\n\n"]
            for _ in range(rng.randrange(1, 5)):
                roll = rng.random()
                if roll < 0.15:
                    piece.append(self._list(rng))
                else:
                    paragraph = self._paragraph(rng, rng.randrange(2, 7))
                    if roll > 0.7:
                        paragraph = f"{paragraph[:-2]} {self._link(doc, folder, wiki, rng)}\n\n"
                    elif roll > 0.66:
                        paragraph = f"{paragraph[:-2]} {self._external(rng)}\n\n"
                    piece.append(paragraph)
            roll = rng.random()
            if roll < 0.1:
                piece.append(rng.choice(pools.code))
            elif roll < 0.14:
                piece.append(rng.choice(pools.tables))
            elif roll < 0.142:
                piece.append(rng.choice(pools.dumps))
            elif roll < 0.22:
                piece.append(self._image(folder, rng))
            parts.extend(piece)
            length += sum(map(len, piece))
            section += 1
        return "".join(parts)

    def _entry_body(self, doc: int, folder: Folder, rng: random.Random) -> str:
        parts = [self._paragraph(rng, 2), "## Pages in this section\n\n"]
        for other in range(folder.first + 1, folder.first + folder.count):
            parts.append(f"- [{self.titles[other]}]({self.names[other]})\n")
            self.stats["links"] += 1
        subsections = [c for c in folder.children if self.folders[c].entry]
        if subsections:
            parts.append("\n## Subsections\n\n")
            for child in subsections:
                sub = self.folders[child]
                name = sub.path.rsplit("/", 1)[-1]
                parts.append(f"- [{self.titles[sub.first]}]({name}/{sub.entry})\n")
                self.stats["links"] += 1
        parts.append("\n")
        if rng.random() < 0.3:
            parts.append(self._image(folder, rng))
        return "".join(parts)

    def _paragraph(self, rng: random.Random, sentences: int) -> str:
        return "".join(rng.choices(self.pools.sentences, k=sentences))[:-1] + "\n\n"

    def _list(self, rng: random.Random) -> str:
        items = rng.choices(self.pools.sentences, k=rng.randrange(3, 7))
        return "".join(f"- {item[:-1]}\n" for item in items) + "\n"

    def _link(self, doc: int, folder: Folder, wiki: bool, rng: random.Random) -> str:
        """A sentence with a link to another document, now and then a broken one."""
        self.stats["links"] += 1
        roll = rng.random()
        if roll < 0.5 and folder.count > 1:  # a page in the same folder
            target = folder.first + rng.randrange(folder.count)
        elif roll < 0.65 and folder.children:
            child = self.folders[rng.choice(folder.children)]
            target = child.first + rng.randrange(child.count)
        else:
            target = rng.randrange(self.n)
        if target == doc:
            target = (doc + 1) % self.n
        title = self.titles[target]
        anchor = ""
        roll = rng.random()
        if roll < BROKEN_ANCHORS:
            anchor, self.stats["broken links"] = "#old-section", self.stats["broken links"] + 1
        elif roll < 0.15 and self._has_own_headings(target):
            anchor = "#" + self.pools.anchors[self.heading_of[target]]
            self.stats["anchors"] += 1
        broken = rng.random() < BROKEN_LINKS
        self.stats["broken links"] += broken
        if wiki:
            self.stats["wikilinks"] += 1
            if broken:
                title = f"{title} (old)"
            heading = f"#{self.pools.headings[self.heading_of[target]]}" if anchor else ""
            return f"See [[{title}{heading}]]."
        target_folder = self.folders[self.folder_of[target]].path
        name = self.names[target]
        if broken:  # renamed since, or moved to an archive
            name = name[:-3] + "-old.md" if rng.random() < 0.7 else "archive/" + name
        path = _relative(folder.path, target_folder) + name
        return f"See [{title}]({path}{anchor}) for the details."

    def _has_own_headings(self, doc: int) -> bool:
        """Whether the document's first heading is its planned one: not an entry page or a
        copy of another page."""
        folder = self.folders[self.folder_of[doc]]
        return not self.duplicate[doc] and not (folder.entry and doc == folder.first)

    def _external(self, rng: random.Random) -> str:
        self.stats["external links"] += 1
        url = rng.choice(self.pools.external)
        return f"More in [the {rng.choice(NOUNS)} documentation]({url})."

    def _image(self, folder: Folder, rng: random.Random) -> str:
        self.stats["images"] += 1
        count = self.images[folder.area]
        k = rng.randrange(count)
        name = f"diagram-{k:03d}.png"
        if rng.random() < 0.05:
            self.stats["missing images"] += 1
            name = f"screenshot-{k:03d}.png"
        text = f"Diagram of the {_words(folder.topic)} {rng.choice(NOUNS)}"
        return f"![{text}]({_relative(folder.path, folder.area + '/img')}{name})\n\n"


class History:
    """A git history for the corpus, written as one `git fast-import` stream.

    Each document is added in one commit (a fifth of them in a first bulk import) and
    edited in later ones; its last version is the generated text, earlier ones are cut
    short (blob marks 3i+1, 3i+2, 3i+3). A few documents are renamed, a few other pages
    added and later deleted; the images come with the first commit."""

    def __init__(self, corpus: Generator, commits: int, seed: int) -> None:
        rng = random.Random(f"{seed}-git")
        self.corpus = corpus
        self.commits = commits
        n = corpus.n
        start = dt.datetime.combine(END - dt.timedelta(days=SPAN_DAYS), dt.time(9),
                                    dt.UTC).timestamp()  # fmt: skip
        span = (SPAN_DAYS - 1) * 86_400
        self.times = sorted(int(start + rng.random() * span) for _ in range(commits))
        self.times[0] = int(start)
        people = corpus.pools.people[:40]
        self.authors = [(p, _email(p), rng.choice(("+0100", "+0200"))) for p in people]
        self.author_of = [int(len(people) * rng.random() ** 2) for _ in range(commits)]
        order = list(range(n))
        rng.shuffle(order)
        initial = n // 5 if commits > 1 else n
        self.added: list[list[int]] = [[] for _ in range(commits)]
        self.added[0] = sorted(order[:initial])
        rest = order[initial:]
        for k, doc in enumerate(rest):
            self.added[1 + k * (commits - 1) // len(rest)].append(doc)
        self.edited: list[list[int]] = [[] for _ in range(commits)]
        self.touches = array("i", bytes(4 * n))
        first, last = array("i", bytes(4 * n)), array("i", bytes(4 * n))
        born: list[int] = []
        for c in range(commits):
            for doc in self.added[c]:
                self.touches[doc] += 1
                first[doc] = last[doc] = c
            if c and born:
                count = rng.choice((0, 1, 1, 1, 2, 2, 3, 5)) or (0 if self.added[c] else 1)
                for _ in range(count):
                    pick = rng.random() if rng.random() < 0.5 else 1 - rng.random() ** 0.5
                    doc = born[int(len(born) * pick)]
                    if doc not in self.edited[c] and last[doc] != c:
                        self.edited[c].append(doc)
                        self.touches[doc] += 1
                        last[doc] = c
            born.extend(self.added[c])
        self._plan_renames(rng, first, last)
        self._plan_retired(rng)

    def _plan_renames(self, rng: random.Random, first: array, last: array) -> None:
        corpus = self.corpus
        self.renames: dict[int, list[int]] = {}  # commit -> documents renamed in it
        self.old_path: dict[int, str] = {}
        self.rename_at: dict[int, int] = {}
        paths = {corpus.path(d) for d in range(corpus.n)}
        wanted = max(3, self.commits // 100)
        for _ in range(wanted * 4):
            if len(self.old_path) >= wanted:
                break
            doc = rng.randrange(corpus.n)
            if last[doc] <= first[doc] or doc in self.old_path:
                continue
            folder = corpus.folders[corpus.folder_of[doc]]
            name = corpus.names[doc]
            if name in ("index.md", "README.md"):
                continue
            if rng.random() < 0.5:
                old = f"{folder.path}/{name[:-3]}-draft.md".lstrip("/")
            else:
                other = corpus.folders[rng.randrange(len(corpus.folders))].path
                old = f"{other}/{name}".lstrip("/")
            if old in paths:
                continue
            paths.add(old)
            at = rng.randint(first[doc] + 1, last[doc])
            self.old_path[doc], self.rename_at[doc] = old, at
            self.renames.setdefault(at, []).append(doc)
        self.renamed = len(self.old_path)

    def _plan_retired(self, rng: random.Random) -> None:
        """Pages added and deleted later: {commit: [(path, added?)]}."""
        corpus = self.corpus
        self.retired: list[str] = []
        self.retire_ops: dict[int, list[tuple[str, bool]]] = {}
        if self.commits < 3:
            return
        for k in range(max(2, self.commits // 200)):
            folder = corpus.folders[rng.randrange(len(corpus.folders))].path
            path = f"{folder}/retired-{k}-{rng.choice(NOUNS)}.md".lstrip("/")
            added = rng.randrange(1, self.commits - 1)
            deleted = rng.randrange(added + 1, self.commits)
            self.retired.append(path)
            self.retire_ops.setdefault(added, []).append((path, True))
            self.retire_ops.setdefault(deleted, []).append((path, False))

    def build(self, out: Path) -> None:
        env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
        started = time.perf_counter()
        git = ["git", "-C", str(out), "-c", "gc.auto=0"]
        subprocess.run([*git, "init", "-q", "-b", "main"], check=True, env=env)
        importer = subprocess.Popen([*git, "fast-import", "--quiet", "--done"],
                                    stdin=subprocess.PIPE, env=env)  # fmt: skip
        assert importer.stdin is not None
        try:
            self._stream(importer.stdin)
        finally:
            importer.stdin.close()
        if importer.wait():
            sys.exit("git fast-import failed")
        self.import_seconds = time.perf_counter() - started
        subprocess.run([*git, "-c", "checkout.workers=0", "reset", "-q", "--hard"], check=True,
                       env=env)  # fmt: skip

    def _stream(self, sink: BinaryIO) -> None:
        corpus = self.corpus
        png_mark = 3 * corpus.n + 1
        sink.write(_blob(png_mark, _png()))
        for doc, (_, data) in enumerate(corpus.documents()):
            sink.write(_blob(3 * doc + 1, data))
            touches = self.touches[doc]
            if touches >= 2:
                sink.write(_blob(3 * doc + 2, _cut(data, 0.6, b"\n<!-- TODO: finish -->\n")))
            if touches >= 3:
                sink.write(_blob(3 * doc + 3, _cut(data, 0.85, b"\n")))
        seen = array("i", bytes(4 * corpus.n))
        for c in range(self.commits):
            ops: list[bytes] = []
            if c == 0:
                ops += [f"M 100644 :{png_mark} {a}\n".encode() for a in corpus.assets]
            for doc in self.renames.get(c, ()):
                ops.append(f'R "{self.old_path[doc]}" "{corpus.path(doc)}"\n'.encode())
            for doc in (*self.added[c], *self.edited[c]):
                seen[doc] += 1
                left = self.touches[doc] - seen[doc]
                mark = 3 * doc + 1 if left == 0 else 3 * doc + (2 if seen[doc] % 2 else 3)
                ops.append(f"M 100644 :{mark} {self._path_at(doc, c)}\n".encode())
            for path, added in self.retire_ops.get(c, ()):
                if added:
                    text = f"# Retired page\n\nThis {path} is no longer used.\n".encode()
                    ops.append(f"M 100644 inline {path}\ndata {len(text)}\n".encode() + text)
                else:
                    ops.append(f"D {path}\n".encode())
            sink.write(self._commit(c) + b"".join(ops) + b"\n")
        sink.write(b"done\n")

    def _path_at(self, doc: int, commit: int) -> str:
        at = self.rename_at.get(doc)
        return self.old_path[doc] if at is not None and commit < at else self.corpus.path(doc)

    def _commit(self, c: int) -> bytes:
        name, email, zone = self.authors[self.author_of[c]]
        titles = self.corpus.titles
        if c == 0:
            message = "Import the wiki from Confluence"
        elif self.renames.get(c):
            message = f"Rename {self.old_path[self.renames[c][0]]}"
        elif self.added[c]:
            more = len(self.added[c]) - 1
            message = f"Add {titles[self.added[c][0]]}" + (f" and {more} more" if more else "")
        elif self.edited[c]:
            message = f"Update {titles[self.edited[c][0]]}"
        else:
            message = "Tidy up"
        data = message.encode()
        when = f"{name} <{email}> {self.times[c]} {zone}"
        return (f"commit refs/heads/main\nauthor {when}\ncommitter {when}\n"
                f"data {len(data)}\n").encode() + data + b"\n"  # fmt: skip


def write_usage(corpus: Generator, target: Path, seed: int) -> int:
    """A GA4 "Pages and screens" export: Zipf-like views for 88% of the documents (the
    root's entry page the most read), plus rows for pages that are gone and searches."""
    rng = random.Random(f"{seed}-usage")
    order = list(range(1, corpus.n))
    rng.shuffle(order)
    order = [0, *order][: max(1, int(corpus.n * 0.88))]
    top = max(500, 3 * corpus.n)
    rows = []
    for rank, doc in enumerate(order, start=1):
        views = max(1, int(top / rank**0.95 * rng.uniform(0.8, 1.2)))
        rows.append((_url(corpus, doc), views, max(1, int(views * rng.uniform(0.3, 0.9)))))
    for k in range(max(3, corpus.n // 50)):
        url = (f"/search?q={rng.choice(NOUNS)}" if k % 3 == 0
               else f"/{rng.choice(list(AREAS))}/old-{rng.choice(NOUNS)}-{k}/")  # fmt: skip
        rows.append((url, rng.randrange(1, 40), 1))
    rows.sort(key=lambda row: -row[1])
    start, end = END - dt.timedelta(days=365), END - dt.timedelta(days=1)
    head = (
        "# ----------------------------------------\n"
        "# Pages and screens: Page path and screen class\n"
        "# Account: Example Team\n# Property: Team wiki - GA4\n"
        "# ----------------------------------------\n#\n# All Users\n"
        f"# Start date: {start:%Y%m%d}\n# End date: {end:%Y%m%d}\n"
        "Page path and screen class,Views,Active users\n"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="") as fh:
        fh.write(head)
        fh.writelines(f"{url},{views},{users}\n" for url, views, users in rows)
    return len(rows)


def _url(corpus: Generator, doc: int) -> str:
    folder = corpus.folders[corpus.folder_of[doc]]
    if folder.entry and doc == folder.first:
        return f"/{folder.path}/" if folder.path else "/"
    return "/" + corpus.path(doc)[:-3]


def _plan_folders(documents: int, rng: random.Random) -> list[Folder]:
    """Folders of 10 to 60 documents each (the root a few), up to MAX_DEPTH deep."""
    areas = list(AREAS)[: min(len(AREAS), max(3, documents // 2_000))]
    root = Folder("", 0, areas[0], "handbook", count=rng.randrange(3, 9), entry="README.md")
    folders = [root]
    for area in areas:
        folders.append(Folder(area, 1, area, area, entry="index.md", limit=rng.randrange(4, 14)))
        root.children.append(len(folders) - 1)
    open_parents = list(range(1, len(folders)))
    total = root.count
    for folder in folders[1:]:
        folder.count = rng.randrange(10, 61)
        total += folder.count
    while total < documents:
        at = rng.randrange(len(open_parents))
        parent_index = open_parents[at]
        parent = folders[parent_index]
        taken = {folders[c].path.rsplit("/", 1)[-1] for c in parent.children} | {parent.topic}
        words = AREAS[parent.area] if parent.depth == 1 else SUBFOLDERS + AREAS[parent.area]
        free = [w for w in words if w not in taken]
        topic = rng.choice(free or words)
        name = topic if free else f"{topic}-{len(parent.children) + 1}"
        entry = rng.choices(("index.md", "README.md", None), (60, 15, 25))[0]
        child = Folder(f"{parent.path}/{name}", parent.depth + 1, parent.area, topic, entry=entry)
        child.count, child.limit = rng.randrange(10, 61), rng.randrange(2, 12)
        folders.append(child)
        parent.children.append(len(folders) - 1)
        if len(parent.children) >= parent.limit:
            open_parents.pop(at)
        if child.depth < MAX_DEPTH:
            open_parents.append(len(folders) - 1)
        if not open_parents:  # every branch full: let the areas grow wider
            open_parents = list(range(1, len(areas) + 1))
            for index in open_parents:
                folders[index].limit += 10
        total += child.count
    # Trim to the number asked: the last folders give up documents (and may go empty).
    excess = total - documents
    for folder in reversed(folders):
        cut = min(excess, folder.count - (1 if folder is root else 0))
        folder.count -= cut
        excess -= cut
        if not excess:
            break
    kept = _drop_empty(folders)
    first = 0
    for folder in kept:
        folder.first = first
        first += folder.count
    return kept


def _drop_empty(folders: list[Folder]) -> list[Folder]:
    """The folders with documents, children lists renumbered. A folder keeps its entry
    page only when it has more than one document."""
    keep = [i for i, f in enumerate(folders) if f.count]
    renumber = {old: new for new, old in enumerate(keep)}
    kept = [folders[i] for i in keep]
    for folder in kept:
        folder.children = [renumber[c] for c in folder.children if c in renumber]
        if folder.count == 1 and folder.path:
            folder.entry = None
    return kept


def _title(kind: str, folder: Folder, rng: random.Random) -> str:
    topic = _words(folder.topic if rng.random() < 0.7 else rng.choice(AREAS[folder.area]))
    noun = rng.choice(NOUNS)
    verb = rng.choice(VERBS)[0]
    match kind:
        case "how-to":
            return rng.choice((f"How to {verb} the {topic} {noun}",
                               f"{verb.capitalize()} a {noun} for {topic}"))  # fmt: skip
        case "guide":
            return rng.choice((f"{topic.capitalize()} {noun} guide",
                               f"Getting started with the {topic} {noun}",
                               f"{topic.capitalize()} for new joiners"))  # fmt: skip
        case "reference":
            return f"{topic.capitalize()} {noun} reference"
        case "meeting-notes":
            day = END - dt.timedelta(days=rng.randrange(SPAN_DAYS))
            return (
                f"{rng.choice(TEAMS).capitalize()} {rng.choice(('weekly', 'retro', 'sync'))} {day}"
            )
        case "policy":
            return f"{topic.capitalize()} {noun} policy"
        case "runbook":
            return f"Runbook: {topic} {noun} {rng.choice(('outage', 'failover', 'restore'))}"
        case "decision":
            return f"ADR-{rng.randrange(1, 999):03d}: {verb} the {topic} {noun}"
        case "faq":
            return f"{topic.capitalize()} {noun} FAQ"
        case _:
            return f"{topic.capitalize()} {noun}s overview"


def _unique(title: str, seen: dict[str, int], rng: random.Random) -> str:
    """Most titles drawn again get a qualifier; a few stay duplicates, as in real wikis."""
    count = seen.get(title, 0)
    seen[title] = count + 1
    if not count or rng.random() < SAME_TITLES:
        return title
    qualifier = QUALIFIERS[count - 1] if count <= len(QUALIFIERS) else f"v{count + 1}"
    return f"{title} ({qualifier})"


@lru_cache(maxsize=1 << 16)
def _relative(source: str, target: str) -> str:
    """The relative prefix from folder `source` to folder `target` ('' or ending in '/')."""
    a = source.split("/") if source else []
    b = target.split("/") if target else []
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return "../" * (len(a) - common) + "".join(part + "/" for part in b[common:])


def _words(name: str) -> str:
    return name.replace("-", " ")


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-") or "page"


def _github_slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _email(person: str) -> str:
    ascii_name = person.replace("é", "e").replace(" ", ".").lower()
    return f"{ascii_name}@example.org"


def _write(path: Path, data: bytes) -> None:
    """Write a new file: os.open costs half of open() here, and a million files add up."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _cut(data: bytes, share: float, tail: bytes) -> bytes:
    """An earlier version of a document: its first `share`, cut at a line end."""
    at = data.rfind(b"\n", 0, int(len(data) * share))
    return data[: at + 1 if at > 0 else len(data)] + tail


def _blob(mark: int, data: bytes) -> bytes:
    return f"blob\nmark :{mark}\ndata {len(data)}\n".encode() + data + b"\n"


def _png() -> bytes:
    """A valid 1×1 white PNG (69 bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _print_stats(corpus: Generator) -> None:
    sizes = sorted(corpus.sizes)
    if not sizes:
        return
    total = sum(sizes)

    def at(share: float) -> str:
        return f"{sizes[min(len(sizes) - 1, int(len(sizes) * share))] / 1000:.1f}"

    print(f"documents: {len(sizes):,}, {total / 2**20:,.0f} MB; size in KB: median {at(0.5)}, "
          f"p90 {at(0.9)}, p99 {at(0.99)}, max {sizes[-1] / 1000:.1f}")  # fmt: skip
    entries = sum(1 for f in corpus.folders if f.entry)
    depth = max(f.depth for f in corpus.folders)
    print(f"folders: {len(corpus.folders):,} ({entries:,} with an entry page), depth {depth}")
    print("planted: " + ", ".join(f"{v:,} {k}" for k, v in corpus.stats.items()))


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.1f} s"


if __name__ == "__main__":
    main()
