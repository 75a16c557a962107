"""The shortcuts that keep the reports quick at 100,000 documents write what the plain way
wrote: the documents table's JSON rows as Jinja's `tojson` wrote them row by row, the JSON
report as `dataclasses.asdict` and `json.dumps` gave it, the quadrant chart from a
generator as from a list."""

from __future__ import annotations

import dataclasses
import json
import math

import jinja2
import pytest

from auditor.model import AuditResult, Finding, Severity
from auditor.output import write_reports
from auditor.render import RenderOptions, charts, filters, html
from auditor.render.html import build_report, render_html
from auditor.render.json import json_pieces, render_json
from tests.conftest import benchmark
from tests.results import hand_built

HOSTILE = "</script><script>alert(1)</script><!-- & 'x' \"y\" \u2028\u2029 é 日本 \U0001f600"


def _benchmark():
    return benchmark("report_size")


@pytest.fixture(scope="module")
def big() -> AuditResult:
    """More documents than the HTML holds as rows, the first ones hostile or odd."""
    result = _benchmark().synthetic_result(html.DOCUMENTS_INLINE_LIMIT + 7)
    odd = [
        result.documents[0]
        | {
            "title": HOSTILE,
            "owner": HOSTILE,
            "type": "<svg onload=alert(1)>",
            "path": "<img src=x onerror=alert(1)>.md",
            "is_entry": True,
            "dates": {
                "reviewed": {"value": "2024-01-02T10:11:12+00:00", "source": "git"},
                "expires": {"value": "2027-01-01", "source": "frontmatter:expires"},
            },
        },
        result.documents[1] | {"title": None, "owner": None, "type": None, "dates": {}},
        result.documents[2]
        | {"dates": {"changed": {"value": "not a date", "source": "x"}}, "score": 0},
    ]
    return dataclasses.replace(result, documents=odd + result.documents[3:])


# The documents table's JSON rows --------------------------------------------------------

#: The template's rows before they were written in Python: one `tojson` a row.
REFERENCE_ROWS = (
    '[{% for d in rows %}{{ [d.path, d.title, d.type, d.owner, d.date, {"reviewed": 1, '
    '"changed": 2}.get(d.date_kind, 0), d.expires, d.words, d.links_in, d.links_out, '
    "d.findings, d.score, 1 if d.is_entry else 0]|tojson }}"
    "{% if not loop.last %},{% endif %}{% endfor %}]"
)


def _reference_rows(result: AuditResult) -> str:
    env = jinja2.Environment(autoescape=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    rows = [html._document_row(doc, f"doc-{i}") for i, doc in enumerate(result.documents, 1)]
    return env.from_string(REFERENCE_ROWS).render(rows=rows)


def test_json_rows_are_what_tojson_wrote_row_by_row(big):
    report = build_report(big, {})
    assert not report.documents_inline
    assert report.documents_data == _reference_rows(big)
    assert report.documents_total == len(big.documents)
    assert len(report.documents) == html.DOCUMENTS_PAGE_SIZE  # only the first page as rows
    assert report.documents[0].title == HOSTILE


def test_json_rows_can_not_end_the_script_element(big):
    data = build_report(big, {}).documents_data
    assert data.isascii()
    for character in "<>&'\u2028\u2029":
        assert character not in data
    assert r"\u003c/script\u003e" in data and r"\u2028\u2029" in data
    rows = json.loads(data)
    assert rows[0][:4] == [
        "<img src=x onerror=alert(1)>.md",
        HOSTILE,
        "<svg onload=alert(1)>",
        HOSTILE,
    ]
    assert rows[0][4:7] == ["2024-01-02", 1, "2027-01-01"]
    assert rows[0][-1] == 1 and rows[1][-1] == 0
    assert rows[1][1:7] == [None, None, None, None, 0, None]  # no title, type, owner, date
    assert rows[2][4:6] == ["not a date", 2]

    page = render_html(big, {})
    start = page.index('<script type="application/json" id="doc-data"')
    body = page[page.index(">", start) + 1 : page.index("</script>", start)]
    assert body == data


@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
def test_rows_written_in_chunks_are_one_array(chunk):
    values = [[HOSTILE, None, 1, 2.5, True], [], ["a"], {"k": "<v>"}, "x", 3]
    expected = jinja2.utils.htmlsafe_json_dumps(values, **filters.JSON_OPTIONS)
    assert filters.script_json(iter(values), chunk=chunk) == expected
    assert filters.script_json([]) == "[]"


def test_rows_inline_up_to_the_limit():
    result = _benchmark().synthetic_result(50)
    report = build_report(result, {})
    assert report.documents_inline and report.documents_data is None
    assert len(report.documents) == report.documents_total == 50
    assert 'id="doc-data"' not in render_html(result, {})


# The quadrant chart -----------------------------------------------------------------------


@pytest.mark.parametrize("density_above", [10_000, 100])
def test_the_chart_reads_a_generator_as_a_list(density_above):
    points = [
        charts.Point(f"p{i}.md", None if i % 7 == 0 else i * 3 % 1000, float(i % 60), f"{i}")
        for i in range(600)
    ]
    options = dict(
        cadence_days=365,
        threshold=10,
        text=charts.ChartText({q: q for q in charts.QUADRANTS}, "x", "y", "0", "old", "none"),
        age_tick=str,
        views_tick=str,
        density_above=density_above,
    )
    assert charts.quadrant_chart(iter(points), **options) == charts.quadrant_chart(
        points, **options
    )


# The JSON report ----------------------------------------------------------------------------


def _typed(value):
    """The value with each leaf's type (True is not 1) and each dict's key order."""
    if isinstance(value, dict):
        return [(k, _typed(v)) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return (type(value).__name__, [_typed(v) for v in value])
    return (type(value).__name__, value)


def _odd_result() -> AuditResult:
    finding = Finding(
        "T020",
        "broken-link",
        Severity.ERROR,
        "a.md",
        HOSTILE,
        3,
        evidence={"target": "b.md", "lines": [1, 2], "pair": ("x", 1), "nested": {"k": [{}]}},
        fingerprint="f",
    )
    result = hand_built(
        [{"path": "a.md", "title": HOSTILE, "dates": {}, "views": 1.5, "score": 75}],
        [finding],
    )
    return dataclasses.replace(
        result,
        suppressed=[dataclasses.replace(finding, suppressed_by="config")],
        inputs={"usage": {"top_unmatched": [{"page": "/x", "views": 3.0}]}, "empty": {}},
        history={"runs": [], "previous": None, "new": [], "fixed": []},
        scope={"kind": "files", "paths": ["a.md"], 1: "a number as key", None: True},
    )


@pytest.mark.parametrize("make", ["odd", "synthetic"])
def test_to_dict_is_asdict(make):
    result = _odd_result() if make == "odd" else _benchmark().synthetic_result(300)
    plain = result.to_dict()
    assert _typed(plain) == _typed(dataclasses.asdict(result))
    # a copy: changing it changes nothing in the result
    plain["documents"][0]["title"] = "changed"
    plain["findings"][0]["evidence"]["changed"] = True
    assert result.documents[0]["title"] != "changed"
    assert "changed" not in result.findings[0].evidence


@pytest.mark.parametrize("make", ["odd", "synthetic"])
def test_the_json_report_holds_what_asdict_held(make):
    result = _odd_result() if make == "odd" else _benchmark().synthetic_result(300)
    text = render_json(result)
    before = json.dumps(dataclasses.asdict(result), indent=2, ensure_ascii=False) + "\n"
    assert json.loads(text) == json.loads(before)
    assert list(json.loads(text)) == list(json.loads(before))  # the same order
    assert text.endswith("}\n")
    if make == "odd":  # not \u-escaped: UTF-8, as before
        assert json.dumps(HOSTILE, ensure_ascii=False) in text


def test_the_json_report_writes_an_entry_a_line():
    result = _benchmark().synthetic_result(300)
    lines = render_json(result).splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert lines[1] == '  "tool": {'
    entries = [line for line in lines if line.startswith("    {")]
    assert len(entries) == len(result.findings) + len(result.documents) + len(result.rules) + 1
    for line in entries:  # each entry a line, each line JSON
        assert isinstance(json.loads(line.strip().rstrip(",")), dict)
    paths = {json.loads(line.rstrip(","))["path"] for line in entries if '"score"' in line}
    assert {d["path"] for d in result.documents} <= paths


def test_the_json_report_is_written_as_it_is_made(tmp_path):
    """Pieces of about an entry each, written a megabyte at a time: a report of gigabytes
    is never held whole in memory."""
    result = _benchmark().synthetic_result(300)
    pieces = list(json_pieces(result))
    longest_line = max(len(line) for line in render_json(result).splitlines())
    assert len(pieces) > len(result.findings) + len(result.documents)
    assert max(len(piece) for piece in pieces) <= longest_line + len(",\n    ")
    write_reports(result, {"json": tmp_path / "report.json"}, RenderOptions())
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == "".join(pieces)


def test_the_json_report_refuses_nan():
    result = hand_built([{"path": "a.md", "views": math.nan}])
    with pytest.raises(ValueError):
        render_json(result)
