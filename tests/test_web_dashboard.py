"""The dashboard in a real browser: Playwright driving Debian's chromium, headless, against a server
over fixture events. Skipped when chromium or playwright is missing, except under CI (CI=true).

A screenshot of each scenario is written to ``artifacts/``. The first-render time with 100,000
events is printed, not asserted.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api_client import ApiSettings, create_app
from serve_fixtures import fill_fixture, fixture_events
from sitrep.store import Store, open_store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
LOCAL = "http://127.0.0.1:"


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(missing)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def serve() -> Iterator[Any]:
    """serve(store) -> base URL of a uvicorn server on that store, in a thread, stopped after the test."""
    import uvicorn  # noqa: PLC0415

    servers: list[tuple[Any, threading.Thread]] = []

    def start(store: Store, **settings: Any) -> str:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(ApiSettings(**settings), store=store), host="127.0.0.1", port=port, log_level="warning"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        servers.append((server, thread))
        return f"{LOCAL}{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


def open_page(browser: Any, url: str) -> tuple[Any, list[str]]:
    """A page with every request off this machine refused and recorded, console errors recorded."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            problems.append(f"external request: {route.request.url}")
            route.abort()

    page.route("**/*", route)
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto(url)
    return page, problems


def wait_ready(page: Any, after: int = 0) -> None:
    page.wait_for_function(
        "after => Number(document.body.dataset.ready || 0) > after", arg=after, timeout=30_000
    )


def ready(page: Any) -> int:
    return int(page.evaluate("Number(document.body.dataset.ready || 0)"))


def rows(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#events tbody tr[data-id]", "rows => rows.map(r => ({id: r.dataset.id, type: r.dataset.type}))"
    )


def map_points(page: Any) -> int:
    return int(page.get_attribute("#map", "data-points") or 0)


@pytest.fixture
def fixture_store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "dashboard.db") as store:
        fill_fixture(store)
        yield store


def test_map_filters_table_and_evidence(browser: Any, serve: Any, fixture_store: Store) -> None:
    base = serve(fixture_store)
    page, problems = open_page(browser, base + "/")
    wait_ready(page)
    located = [e for e in fixture_events() if e.latitude is not None]
    assert map_points(page) == len(located) and int(page.get_attribute("#map", "data-drawn") or 0) > 0
    assert len(rows(page)) == len(fixture_events())
    assert "events" in page.inner_text("#summary")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))

    # Filtering by type updates the table, the map and the address (shareable).
    before = ready(page)
    page.select_option("#f-event_type", "Battles")
    wait_ready(page, before)
    battles = [e for e in fixture_events() if e.event_type == "Battles"]
    assert {r["type"] for r in rows(page)} == {"Battles"} and len(rows(page)) == len(battles)
    assert map_points(page) == len(battles)
    assert "event_type=Battles" in page.url
    page.screenshot(path=str(ARTIFACTS / "dashboard-battles.png"))

    # Clicking an event shows its fields, claims and the evidence highlighted in its sentence.
    page.click("#events tbody tr[data-id]:has-text('Armed clash') >> nth=0")
    page.wait_for_selector("#panel:not([hidden]) mark.evidence")
    marks = page.eval_on_selector_all("#panel mark", "ms => ms.map(m => m.textContent)")
    panel = page.inner_text("#panel")
    assert any("clashed" in m or "fought" in m for m in marks), marks
    assert "claims" in panel.lower() and "Armed clash" in panel
    href = page.get_attribute("#panel a.source-link", "href") or ""
    assert href.startswith("https://news.example/")
    assert "event=" in page.url
    page.screenshot(path=str(ARTIFACTS / "dashboard-event.png"))
    assert problems == []


def test_shared_url_brushing_and_export_links(browser: Any, serve: Any, fixture_store: Store) -> None:
    base = serve(fixture_store)
    page, problems = open_page(browser, base + "/?country=UKR")
    wait_ready(page)
    assert {r["id"].split(":")[0] for r in rows(page)} and len(rows(page)) == 2
    assert page.input_value("#f-country") == "UKR"
    csv_link = page.get_attribute("#export-csv", "href") or ""
    assert "format=csv" in csv_link and "country=UKR" in csv_link
    assert page.request.get(base + csv_link).text().count("\n") == 3  # header + 2 events

    page.click("#clear")
    wait_ready(page, 1)
    box = page.locator("#histogram").bounding_box()
    assert box is not None
    before = ready(page)
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.6, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    wait_ready(page, before)
    assert "since=" in page.url and "until=" in page.url
    since = page.input_value("#f-since")
    dates = page.eval_on_selector_all(
        "#events tbody tr[data-id] td:first-child", "c => c.map(x => x.textContent)"
    )
    assert dates and all(d >= since for d in dates)
    assert problems == []


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("bench_api", ROOT / "benchmarks" / "api.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.Generator()


# Where the first render's time went, from the page's Performance API (milliseconds since navigation).
TIMINGS = """() => {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const points = performance.getEntriesByType("resource").find((r) => r.name.includes("/api/points"));
  return {script: mark("sitrep:start"), request: points.startTime, response: points.responseStart,
          body: points.responseEnd, bytes: points.encodedBodySize, data: mark("sitrep:data"),
          drawn: mark("sitrep:drawn")};
}"""


@pytest.mark.slow
def test_first_render_with_100k_events(
    browser: Any, serve: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(tmp_path / "big.db") as store:
        for batch in _generator().batches(100_000):
            store.add_batch(batch)
        base = serve(store)
        started = time.perf_counter()
        page, problems = open_page(browser, base + "/")
        wait_ready(page)
        seconds = time.perf_counter() - started
        in_page = page.evaluate("Number(document.body.dataset.firstRenderMs)")
        t = page.evaluate(TIMINGS)
        with capsys.disabled():  # shown in the test log, also without -s
            print(
                f"\ndashboard first render with 100,000 events: {seconds:.2f} s from navigation "
                f"({in_page / 1000:.2f} s in the page: script start to map, table and timeline drawn); "
                f"ms since navigation: script {t['script']:.0f}, /api/points requested {t['request']:.0f}, "
                f"answered {t['response']:.0f}, received {t['body']:.0f} ({t['bytes'] / 1e6:.1f} MB), "
                f"all data {t['data']:.0f}, drawn {t['drawn']:.0f}"
            )
        assert map_points(page) == 100_000
        page.screenshot(path=str(ARTIFACTS / "dashboard-100k.png"))
        assert page.get_attribute("#map", "data-index") == "coarse"

        # Clicking clusters zooms in; past the coarse levels the worker's fine index draws the map.
        zoom = 2
        while zoom <= 6:
            page.click("#map .cluster >> nth=0")
            page.wait_for_function(f"() => Number(document.querySelector('#map').dataset.zoom) > {zoom}")
            zoom = int(page.get_attribute("#map", "data-zoom") or 0)
        page.wait_for_selector("#map[data-index='fine']")
        assert int(page.get_attribute("#map", "data-drawn") or 0) > 0
        assert problems == []


def test_protected_reads_ask_for_the_token(browser: Any, serve: Any, fixture_store: Store) -> None:
    token = "browser-test-token-0123456789"
    base = serve(fixture_store, token=token, protect_reads=True)
    page, problems = open_page(browser, base + "/")
    page.wait_for_selector("#login[open]")
    page.fill("#token", token)
    page.click("#login-form button")
    wait_ready(page)
    assert len(rows(page)) == len(fixture_events())
    assert all("401" in p for p in problems)  # the first requests, before the token
