"""kg.render: the family pages and the index, as files and as a person sees them in headless Chromium."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lineage_graphs import add_film, add_opinion, add_review, desconocido, film
from rdflib import Dataset

from kg import lineage, render
from kg.cli import cli
from kg.store import write_graph
from kg.vocab import MARL, iri

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ORIG, HARD = film("El desconocido", 2015), film("Hard Hit", 2021)
SCRIPT = "<script>window.pwned = 1</script>"
IMG = '<img src=x onerror="window.pwned = 2">'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    render.write_site(desconocido(), out)
    return out


def evil() -> Dataset:
    """A family whose titles, names and review words try to become markup."""
    ds = Dataset()
    cat = ds.graph(iri("graph", "catalog"))
    orig = add_film(cat, f"Original {SCRIPT}", 2001, "FR", director=f"Dir {IMG}")
    remake = add_film(cat, f"Remake {IMG}", 2011, "US")
    g, _ = add_review(
        ds, "evil", remake, f"This is a remake of the French film. {SCRIPT} {IMG}", rating=7, remake_of=orig
    )
    add_opinion(g, "evil", 1, remake, f"praise {IMG}", MARL.Positive)
    return ds


# --------------------------------------------------------------------------- files


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v for k, v in attrs if k in ("src", "href") and v]


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_site_has_a_page_per_family_and_an_index(site: Path) -> None:
    assert sorted(p.name for p in (site / "families").iterdir()) == [
        "el-desconocido-2015.html",
        "seven-samurai-1954.html",
    ]
    index = (site / "index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr[^>]*>(.*?El desconocido.*?)</tr>", index, re.S)
    assert row is not None
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))]
    assert cells == ["El desconocido (2015)", "4", "2015–2023", "Germany, South Korea, Spain, United States", "3"]


def test_a_new_site_replaces_the_old_one_whole(tmp_path: Path) -> None:
    render.write_site(desconocido(), tmp_path)
    render.write_site(evil(), tmp_path)  # one family, none of the earlier ones
    pages = sorted(p.name for p in (tmp_path / "families").iterdir())
    assert len(pages) == 1 and not pages[0].startswith(("el-desconocido", "seven-samurai"))
    assert "El desconocido" not in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assets", "families", "index.html"]


def test_a_failure_while_writing_leaves_the_old_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    render.write_site(evil(), tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    real, calls = render.family_html, []

    def failing(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "family_html", failing)
    with pytest.raises(OSError, match="disk full"):
        render.write_site(desconocido(), tmp_path)  # two families: the second page fails
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # no page changed, none left half-written, no staging folder left


@pytest.mark.parametrize("inline", [False, True])
def test_pages_load_nothing_from_the_network(tmp_path: Path, inline: bool) -> None:
    render.write_site(desconocido(), tmp_path, inline=inline)
    for page in [tmp_path / "index.html", *sorted((tmp_path / "families").iterdir())]:
        for link in _parse(page).links:
            assert not re.match(r"^[a-z]+:|^//", link), f"{page.name} links out to {link}"
            assert (page.parent / link).resolve().exists(), f"{page.name}: {link} is missing"
        text = page.read_text(encoding="utf-8")
        assert "default-src 'none'" in text  # the page's own policy forbids anything else
        assert not re.search(r"@import|url\(\s*['\"]?https?:", text)
    if inline:
        assert not (tmp_path / "assets").exists()
        assert not any("src" in link for p in (tmp_path / "families").iterdir() for link in _parse(p).links)


def test_untrusted_text_never_becomes_markup(tmp_path: Path) -> None:
    render.write_site(evil(), tmp_path)
    for page in [tmp_path / "index.html", *(tmp_path / "families").iterdir()]:
        text = page.read_text(encoding="utf-8")
        assert SCRIPT not in text and IMG not in text and "<img" not in text.lower()
        assert "window.pwned" in text  # the words are there, escaped
        assert _parse(page).tags.count("img") == 0
        assert _parse(page).tags.count("script") == (1 if page.name == "index.html" else 3)


def test_family_data_lays_films_out_by_year(site: Path) -> None:
    G = lineage.to_digraph(desconocido())
    data = render.family_data(G, lineage.family_of(G, ORIG))
    films = [n for n in data["nodes"] if n["kind"] == "film"]
    assert len(films) == 4 and len([e for e in data["edges"] if e["kind"] == "remake"]) == 3
    by_year = sorted(films, key=lambda n: n["info"]["year"])
    assert [n["x"] for n in by_year] == sorted(n["x"] for n in by_year) and len({n["x"] for n in films}) == 4
    size = {n["id"]: n["size"] for n in films}
    assert size[HARD] > size[film("Retribution", 2023)] > size[ORIG]  # 2 reviews > 1 > 0
    assert {e["label"] for e in data["edges"] if e["kind"] == "remake"} == {"remake"}
    assert [x["country"] for x in data["legend"]] == ["Germany", "South Korea", "Spain", "United States"]
    assert len({x["colour"] for x in data["legend"]}) == 4
    assert all(n["hidden"] for n in data["nodes"] if n["kind"] in ("person", "opinion"))
    assert data["options"]["physics"]["enabled"] is False


def test_cli_lineage_and_render(tmp_path: Path) -> None:
    graph = write_graph(desconocido(), tmp_path / "kg.trig")
    runner = CliRunner()
    result = runner.invoke(cli, ["lineage", "Hard Hit", "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert "├── Hard Hit (2021) · South Korea · 2nd remake of El desconocido" in result.output
    result = runner.invoke(cli, ["lineage", "Hard Hit", "--graph", str(graph), "--format", "json"])
    assert json.loads(result.output)["size"] == 4
    result = runner.invoke(cli, ["render", "--graph", str(graph), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "wrote 2 family pages" in result.output
    assert (tmp_path / "out" / "families" / "seven-samurai-1954.html").exists()


# --------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver are needed in CI (Debian: chromium chromium-driver)")
        pytest.skip("chromium is not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    flags = "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
    for flag in flags.split() + ["--disable-component-update", "--disable-sync", "--window-size=1400,900"]:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.add_argument("--proxy-server=http://127.0.0.1:9")  # anything that tries the network goes nowhere
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    yield driver
    driver.quit()


def _open(driver: Any, page: Path, ready: str = "return !!window.filmkg") -> None:
    driver.get_log("performance")  # forget earlier pages' requests
    driver.get(page.resolve().as_uri())
    deadline = time.monotonic() + 10
    while not driver.execute_script(ready):
        assert time.monotonic() < deadline, f"{page.name} did not get ready"
        time.sleep(0.05)


def _requests(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _offline(driver: Any) -> None:
    outside = [u for u in _requests(driver) if not u.startswith(("file://", "data:"))]
    assert outside == [], f"the page asked the network for {outside}"
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors


def _hover(driver: Any, node: str) -> str:
    from selenium.webdriver.common.action_chains import ActionChains

    box = driver.find_element("id", "network")
    x, y = driver.execute_script(
        "var p = filmkg.network.canvasToDOM(filmkg.network.getPosition(arguments[0])); return [p.x, p.y];", node
    )
    ActionChains(driver).move_to_element_with_offset(
        box, int(x - box.size["width"] / 2), int(y - box.size["height"] / 2)
    ).perform()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        tips = driver.find_elements("css selector", "div.vis-tooltip")
        if tips and tips[0].is_displayed() and tips[0].text:
            return str(tips[0].text)
        time.sleep(0.05)
    return ""


@pytest.mark.browser
def test_index_in_a_browser(browser: Any, site: Path, tmp_path: Path) -> None:
    _open(browser, site / "index.html")
    rows = browser.find_elements("css selector", "#families tbody tr")
    assert [r.find_element("tag name", "a").text for r in rows] == ["El desconocido (2015)", "Seven Samurai (1954)"]
    search = browser.find_element("id", "search")
    search.send_keys("hard hit")  # a remake's title finds its family
    shown = [r.text for r in rows if r.is_displayed()]
    assert len(shown) == 1 and shown[0].startswith("El desconocido (2015)")
    assert browser.find_element("id", "count").text == "1 of 2 families"
    browser.save_screenshot(str(tmp_path / "index.png"))
    search.clear()
    search.send_keys("japan")
    assert [r.text.split(" (")[0] for r in rows if r.is_displayed()] == ["Seven Samurai"]
    _offline(browser)
    link = rows[0].find_element("tag name", "a").get_attribute("href")
    assert link.endswith("families/el-desconocido-2015.html")


@pytest.mark.browser
def test_family_page_in_a_browser(browser: Any, site: Path, tmp_path: Path) -> None:
    _open(browser, site / "families" / "el-desconocido-2015.html", "return !!(window.filmkg && filmkg.ready)")
    films = browser.execute_script("return filmkg.nodes.filter(n => n.kind === 'film').map(n => n.id)")
    remakes = browser.execute_script("return filmkg.edges.filter(e => e.kind === 'remake').length")
    assert sorted(films) == sorted(lineage.family_of(lineage.to_digraph(desconocido()), ORIG)) and remakes == 3
    assert browser.execute_script("return filmkg.visible()") == {"nodes": 4, "edges": 3}
    assert browser.execute_script("return filmkg.network.body.data.nodes.length") == len(
        browser.execute_script("return filmkg.nodes")
    )
    legend = [li.text for li in browser.find_elements("css selector", "#legend li")]
    assert legend == ["Germany", "South Korea", "Spain", "United States"]
    tip = _hover(browser, HARD)
    assert "Hard Hit (2021)" in tip and "also known as Restricted Call" in tip
    assert "2nd remake of El desconocido (2015)" in tip and "review r1" in tip and "remake of the Spanish" in tip
    browser.find_element("id", "search").send_keys("restricted call")
    assert browser.execute_script("return filmkg.network.getSelectedNodes()") == [HARD]
    assert browser.find_element("id", "found").text == "1 film"
    assert "rating 8.0/10 (mean of 2)" in browser.find_element("id", "details").text
    browser.save_screenshot(str(tmp_path / "family.png"))
    browser.find_element("id", "show-people").click()
    people = browser.execute_script("return filmkg.visible()")
    assert people["nodes"] == 4 + 6  # six actors and directors in this family
    browser.find_element("id", "show-opinions").click()
    assert browser.execute_script("return filmkg.visible()")["nodes"] == 4 + 6 + 2  # and two opinions
    browser.save_screenshot(str(tmp_path / "family-people-opinions.png"))
    _offline(browser)
    assert (tmp_path / "family.png").stat().st_size > 10_000


@pytest.mark.browser
def test_shared_people_are_highlighted(browser: Any, site: Path) -> None:
    _open(browser, site / "families" / "seven-samurai-1954.html", "return !!(window.filmkg && filmkg.ready)")
    browser.find_element("id", "show-people").click()
    shared = browser.execute_script(
        "return filmkg.nodes.filter(n => n.kind === 'person' && n.shared).map(n => n.label)"
    )
    assert shared == ["Eli Wallach"]
    _offline(browser)


@pytest.mark.browser
def test_markup_in_titles_and_reviews_is_shown_as_text(browser: Any, tmp_path: Path) -> None:
    render.write_site(evil(), tmp_path / "site")
    _open(browser, tmp_path / "site" / "index.html")
    assert browser.find_element("css selector", "#families a").text == f"Original {SCRIPT} (2001)"
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    [page] = (tmp_path / "site" / "families").iterdir()
    _open(browser, page, "return !!(window.filmkg && filmkg.ready)")
    assert browser.find_element("tag name", "h1").text == f"Original {SCRIPT} (2001)"
    remake = next(
        n for n in browser.execute_script("return filmkg.nodes") if n["kind"] == "film" and "Remake" in n["label"]
    )
    tip = _hover(browser, remake["id"])
    assert f"Remake {IMG} (2011)" in tip and f"remake of Original {SCRIPT} (2001)" in tip
    assert SCRIPT in tip and IMG in tip  # the review's own words, as words
    browser.find_element("id", "show-people").click()
    browser.find_element("id", "show-opinions").click()
    browser.find_element("id", "search").send_keys("original")
    details = browser.find_element("id", "details").text
    assert f"directed by Dir {IMG}" in details
    assert browser.find_elements("css selector", "img") == []
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    browser.save_screenshot(str(tmp_path / "evil.png"))
    _offline(browser)
