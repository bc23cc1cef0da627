"""Browser test: profile.html opened in Debian's headless Chromium with every request but the file
itself aborted. The map, network, UpSet and trend charts must be drawn, and no request may leave."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def open_offline(path: Path) -> tuple[dict[str, int], list[str]]:
    """Counts of drawn SVG elements per chart, and every request other than the file that was attempted."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-packages.sh (make test does)")
    url = path.resolve().as_uri()
    attempted: list[str] = []

    def route(r):  # noqa: ANN001, ANN202 - a Playwright route
        if r.request.url == url:
            return r.continue_()
        attempted.append(r.request.url)
        return r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda request: None if request.url == url else attempted.append(request.url))
            page.route("**/*", route)
            page.goto(url, wait_until="load")
            counts = {
                "map hexagons": page.locator("svg[data-chart=map] path.hex").count(),
                "map boundaries": page.locator("svg[data-chart=map] path:not(.hex)").count(),
                "network nodes": page.locator("svg[data-chart=network] circle.node").count(),
                "trend lines": page.locator("svg[data-chart=trend] polyline.series").count(),
                "upset dots": page.locator("#overlap ~ svg circle").count(),
                "visible map": int(page.locator("svg[data-chart=map]").first.is_visible()),
            }
        finally:
            browser.close()
    return counts, sorted(set(attempted))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["profile.html", "profile_redacted.html"])
def test_report_renders_offline_and_requests_nothing(profile_run, name):
    counts, attempted = open_offline(profile_run.out / name)
    assert attempted == [], f"external requests attempted: {attempted}"
    assert all(n > 0 for n in counts.values()), counts


def test_a_report_prints_to_pdf_with_chromium(tmp_path):
    from contextsafe.profile.exports import print_pdf

    html = tmp_path / "report.html"
    html.write_text("<!DOCTYPE html><html><body><h1>Profile</h1><svg data-chart='map' width='10' height='10'>"
                    "<rect width='10' height='10'/></svg></body></html>", encoding="utf-8")
    pdf = print_pdf(html, tmp_path / "report.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
