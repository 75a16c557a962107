"""Jekyll: pages, posts in _posts and their permalink styles, and redirect_from."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from auditor.load.sites.builder import Builder
from auditor.load.sites.config_files import as_text, as_texts, read_data
from auditor.load.sites.site_folder import Doc, Site, site_relative
from auditor.load.sites.sitemap import SiteMap

_JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_JEKYLL_POST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")


def read_jekyll(site: Site) -> SiteMap:
    config = read_data(site.config)
    host, base = as_text(config.get("url")) or "", as_text(config.get("baseurl")) or ""
    out = Builder("jekyll", site, [host.rstrip("/") + "/" + base.strip("/") if host else "", base])
    style = as_text(config.get("permalink")) or "date"
    template = _JEKYLL_STYLES.get(style, style)
    pretty = template.endswith("/")
    for doc, rel in site.in_dir(site_relative(site, as_text(config.get("source")) or ".")):
        parts = rel.split("/")
        permalink = as_text(doc.meta.get("permalink"))
        if "_posts" in parts[:-1]:
            match = _JEKYLL_POST.match(doc.name)
            if not match:
                continue
            folders = [p for p in parts[: parts.index("_posts")] if not p.startswith("_")]
            try:
                date = dt.date(*(int(g) for g in match.groups()[:3]))
            except ValueError:
                continue  # 2024-13-45-x.md: Jekyll refuses it too
            url = _jekyll_permalink(permalink or template, doc, folders, date, match.group(4))
        elif any(part.startswith("_") for part in parts):
            continue  # _drafts, _includes, _layouts …: not pages
        elif permalink:
            url = _jekyll_permalink(permalink, doc, [], None, doc.name)
        else:
            folder = posixpath.dirname(rel)
            if doc.name == "index":
                url = folder + "/"
            else:
                url = posixpath.join(folder, doc.name) + ("/" if pretty else ".html")
        out.serve(doc.path, url.lstrip("/"))
        for old in as_texts(doc.meta.get("redirect_from")):
            out.alias(doc.path, old)
    return out.build()


def _jekyll_permalink(template: str, doc: Doc, folders: list[str], date: dt.date | None,
                      title: str) -> str:  # fmt: skip
    """A permalink template (`/:categories/:year/:title/`) filled in for one document."""
    categories = [*folders, *as_texts(doc.meta.get("category"))]
    for value in as_texts(doc.meta.get("categories")):
        categories += value.split()
    slug = as_text(doc.meta.get("slug")) or title
    values = {
        "categories": "/".join(c.lower() for c in dict.fromkeys(categories)),
        "title": slug,
        "slug": re.sub(r"[^\w]+", "-", slug.lower()).strip("-"),
        "output_ext": ".html",
        "name": doc.name,
        "basename": doc.name,
    }
    if date is not None:
        values |= {
            "year": f"{date.year:04d}", "short_year": f"{date.year % 100:02d}",
            "month": f"{date.month:02d}", "i_month": str(date.month),
            "day": f"{date.day:02d}", "i_day": str(date.day),
            "y_day": f"{date.timetuple().tm_yday:03d}", "week": f"{date.isocalendar()[1]:02d}",
            "short_day": date.strftime("%a"),
        }  # fmt: skip
    url = re.sub(r":(\w+)", lambda m: values.get(m.group(1), m.group(0)), template)
    return re.sub(r"/{2,}", "/", url)
