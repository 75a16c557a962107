"""Usage data: page-view exports read into views per page (`read_usage`), then matched to
the documents (`map_usage`).

Formats, told from the content, never the file name (see layout.py): CSV and TSV analytics
exports (GA4 with its `#` comment lines and second table, Matomo in UTF-16, Plausible,
Confluence analytics, Dutch exports with `;`), JSON Lines, and web server access logs in
the Common and Combined Log Formats, each possibly gzipped (known by its magic bytes).
Files are streamed in chunks and summed per page as they go, so memory follows the number
of pages, not of rows.
"""

from auditor.load.usage.mapping import UsageMatch, map_usage
from auditor.load.usage.reader import PageViews, read_usage

__all__ = ["PageViews", "UsageMatch", "map_usage", "read_usage"]
