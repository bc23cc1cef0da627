"""The profile as one self-contained HTML page: inline CSS and SVG only, nothing fetched.

Coordinates of harm must not reach a tile server, and a partner must be able to open the file on a
machine with no network: no scripts, fonts, images or links to anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import polars as pl

from contextsafe.profile.equality import GANGS_MATRIX_LESSON
from contextsafe.profile.figure1 import LEVELS

_CSS = """
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:0 auto;max-width:1100px;padding:0 20px 40px}
h1{font-size:28px;margin-top:24px}h2{border-top:2px solid #0b0c0c;padding-top:14px;margin-top:36px}
table{border-collapse:collapse;margin:8px 0 18px;font-size:13px}th,td{border-bottom:1px solid #b1b4b6;
padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f2f1}
.banner{background:#fff7bf;border-left:6px solid #ffdd00;padding:10px 14px;margin:14px 0}
.warning{background:#fbe9e7;border-left:6px solid #d4351c;padding:10px 14px;margin:14px 0}
.matrix td{width:40%}.matrix td.level{width:20%;font-weight:bold}.indicator{margin-bottom:6px}
.count{font-weight:bold;font-size:15px}.small{color:#505a5f;font-size:12px}svg{max-width:100%;height:auto}
.partner{border:4px solid #1d70b8;padding:6px 10px;display:inline-block;font-weight:bold}
@media print{h2{page-break-before:auto}svg{page-break-inside:avoid}}
"""


@dataclass
class Report:
    """Everything one version of the report shows."""

    title: str
    version: str  # "analyst" or "partner"
    purpose: str
    period: str
    generated: str
    threshold: int
    sources: pl.DataFrame
    excluded: list[tuple[str, str]]
    tables: dict[str, pl.DataFrame]
    charts: dict[str, str]  # map, network, upset, trends_concern, trends_context
    warnings: list[str]
    notes: dict[str, str] = field(default_factory=dict)


def render(report: Report) -> str:
    """The HTML document (a string)."""
    body = [_header(report), _governance(report), _equality_banner(report), _figure1(report), _overlap(report),
            _groups(report), _schools(report), _places(report), _trends(report), _equality(report), _notes(report)]
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{escape(report.title)}</title><style>{_CSS}</style></head><body>" + "".join(body)
            + "</body></html>")


def table_html(frame: pl.DataFrame, limit: int = 200, caption: str = "") -> str:
    """A plain HTML table of at most ``limit`` rows (the CSV beside the report has them all)."""
    head = "".join(f"<th>{escape(c.replace('_', ' '))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{escape(_cell(v))}</td>" for v in row) + "</tr>"
                   for row in frame.head(limit).iter_rows())
    more = f"<p class=\"small\">{frame.height - limit} more rows in the CSV.</p>" if frame.height > limit else ""
    cap = f"<caption class=\"small\">{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _header(r: Report) -> str:
    partner = ('<p class="partner">Partner version: no names, dates of birth, addresses or record identifiers; '
               f"places as hexagons; counts under {r.threshold} hidden ([c]), with secondary suppression.</p>"
               if r.version == "partner" else
               '<p class="banner">Analyst version: holds personal data under the run\'s purpose. Share the partner '
               "version (profile_redacted.html) instead.</p>")
    return (f"<h1>{escape(r.title)}</h1>{partner}<p>Purpose of this run: <strong>{escape(r.purpose)}</strong>. "
            f"Period: {escape(r.period)}. Produced {escape(r.generated)}.</p>"
            "<p class=\"small\">Every figure is a count or a fact with its evidence and source. No young person is "
            "given a score: victims and young people who harm are both children in need of safeguarding.</p>")


def _governance(r: Report) -> str:
    excluded = "".join(f"<li><strong>{escape(s)}</strong>: {escape(why)}</li>" for s, why in r.excluded)
    excluded_html = (f"<div class=\"warning\"><p>Sources excluded from this run ({len(r.excluded)}):</p>"
                     f"<ul>{excluded}</ul></div>" if r.excluded else "<p>No source was excluded.</p>")
    return ("<h2 id=\"sources\">Sources and purpose</h2>" + excluded_html
            + table_html(r.sources, caption="Sources used: agency, legal basis, information sharing agreement"))


def _equality_banner(r: Report) -> str:
    items = "".join(f"<li>{escape(w)}</li>" for w in r.warnings[:40])
    more = f"<li>… {len(r.warnings) - 40} more in the equality table.</li>" if len(r.warnings) > 40 else ""
    body = f"<ul>{items}{more}</ul>" if r.warnings else "<p>No group is over-represented by the rule below.</p>"
    return (f"<h2 id=\"equality-warnings\">Before acting on any list: equality</h2><div class=\"warning\">"
            f"<p>{escape(GANGS_MATRIX_LESSON)}</p>{body}<p class=\"small\">{escape(r.notes.get('equality', ''))}"
            "</p></div>")


def _figure1(r: Report) -> str:
    fig = r.tables["figure1"]
    rows = []
    for level in LEVELS:
        cells = []
        for kind in ("vulnerability", "resilience"):
            part = fig.filter((pl.col("level") == level) & (pl.col("kind") == kind))
            cells.append("".join(
                f"<div class=\"indicator\"><span class=\"count\">{escape(_cell(x['count']))}</span> "
                f"{escape(x['unit'])} — {escape(x['indicator'])}<div class=\"small\">{escape(x['evidence'])}"
                f"{' · source: ' + escape(x['sources']) if x['sources'] else ''}</div></div>"
                for x in part.iter_rows(named=True)))
        rows.append(f"<tr><td class=\"level\">{escape(level)}</td><td>{cells[0]}</td><td>{cells[1]}</td></tr>")
    return ("<h2 id=\"figure1\">Figure 1: vulnerability and resilience at every level</h2>"
            "<table class=\"matrix\"><thead><tr><th>level</th><th>indicators of vulnerability</th>"
            "<th>indicators of resilience</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _overlap(r: Report) -> str:
    return ("<h2 id=\"overlap\">Overlap: the same young people across lists</h2>" + r.charts.get("upset", "")
            + table_html(r.tables["overlap_totals"], caption="per list: young people on it, and on it only"))


def _groups(r: Report) -> str:
    members = r.tables["peer_group_members"]
    return ("<h2 id=\"peer-groups\">Peer groups</h2><p class=\"small\">" + escape(r.notes.get("peer_groups", ""))
            + "</p>" + r.charts.get("network", "") + table_html(r.tables["peer_group_summary"])
            + table_html(members, limit=400, caption=_members_caption(r)))


def _members_caption(r: Report) -> str:
    if r.version == "partner":
        return (f"members of groups of {r.threshold} or more, by code only (roles and ages would reveal small "
                "counts); smaller groups are in the summary with their size hidden")
    return "members: a role other than 'member' only with recorded evidence"


def _schools(r: Report) -> str:
    return ("<h2 id=\"schools\">Schools</h2><p><strong>" + escape(r.notes.get("concentration", "")) + "</strong></p>"
            + table_html(r.tables["schools"]))


def _places(r: Report) -> str:
    places = r.tables["places"].filter(pl.col("spot").is_in(["hot", "cold"]))
    return ("<h2 id=\"places\">Public spaces</h2><p class=\"small\">" + escape(r.notes.get("places", "")) + "</p>"
            + r.charts.get("map", "") + table_html(places, caption="hexagons that are significant hot or cold spots"))


def _trends(r: Report) -> str:
    return ("<h2 id=\"trends\">Trends</h2><p class=\"small\">Rule: " + escape(r.notes.get("trends", "")) + "</p>"
            + r.charts.get("trends_concern", "") + r.charts.get("trends_context", "")
            + table_html(r.tables["trend_changes"]))


def _equality(r: Report) -> str:
    return ("<h2 id=\"equality\">Equality monitoring: every list and group</h2>"
            + table_html(r.tables["equality"], limit=2000))


def _notes(r: Report) -> str:
    items = "".join(f"<li><strong>{escape(k.replace('_', ' '))}</strong>: {escape(v)}</li>"
                    for k, v in sorted(r.notes.items()))
    return f"<h2 id=\"method\">Method and limitations</h2><ul>{items}</ul>"
