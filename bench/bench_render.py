"""Benchmark kg.render: an index of 10,000 families, and a family page of 200 films opened in Chromium.

Writes ``bench/results/render.json``. Needs Debian's chromium and chromedriver for the browser figures.

    PYTHONPATH=. python bench/bench_render.py           # 10,000 families; a 200-film family page, 5 loads
    PYTHONPATH=. python bench/bench_render.py --quick   # 200 families, a 50-film page: keeps the script working
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_lineage import synthetic_graph  # noqa: E402

from kg import lineage, render  # noqa: E402

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def browser(profile: str) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
        "--disable-component-update --disable-sync --window-size=1400,900 --proxy-server=http://127.0.0.1:9"
    ).split():
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    return driver


def load(driver: Any, page: Path, ready: str) -> dict[str, float]:
    """Open ``page`` fresh; wall time until ``ready`` holds, and the page's own clock."""
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    t = time.perf_counter()
    driver.get(page.resolve().as_uri())
    while not driver.execute_script(ready):
        time.sleep(0.01)
    wall = time.perf_counter() - t
    nav = driver.execute_script(
        "var n = performance.getEntriesByType('navigation')[0];"
        "return [n.domContentLoadedEventEnd, n.loadEventEnd, window.filmkg.drawnAt || 0];"
    )
    return {"wall_ms": round(wall * 1000, 1), "dom_ms": round(nav[0], 1), "load_ms": round(nav[1], 1),
            "drawn_ms": round(nav[2], 1)}  # fmt: skip


def median(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(statistics.median(r[k] for r in rows), 1) for k in rows[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "render.json"))
    args = parser.parse_args()
    families, films, loads = (200, 50, 2) if args.quick else (10_000, 200, 5)
    out = Path(tempfile.mkdtemp(prefix="filmkg-render-"))
    result: dict[str, Any] = {"benchmark": "render", "quick": args.quick}

    g = synthetic_graph(families * 3, family_sizes=(3, 3))
    t = time.perf_counter()
    G = lineage.to_digraph(g)
    result["index"] = {"families": families, "films": len(G), "triples": len(g)}
    result["index"]["to_digraph_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    written = render.write_pages(G, out / "many")
    result["index"]["write_site_s"] = round(time.perf_counter() - t, 2)
    result["index"]["pages"] = len(written)
    result["index"]["index_bytes"] = (out / "many" / "index.html").stat().st_size
    pages = list((out / "many" / "families").iterdir())
    result["index"]["family_page_mean_bytes"] = round(sum(p.stat().st_size for p in pages) / len(pages))

    g = synthetic_graph(films, family_sizes=(films, films), seed=3)
    G = lineage.to_digraph(g)
    render.write_pages(G, out / "big")
    [page] = (out / "big" / "families").iterdir()
    result["family"] = {"films": films, "page_bytes": page.stat().st_size,
                        "remake_links": G.number_of_edges()}  # fmt: skip

    if Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists():
        driver = browser(tempfile.mkdtemp(prefix="filmkg-chromium-"))
        try:
            index = out / "many" / "index.html"
            rows = [load(driver, index, "return !!window.filmkg") for _ in range(loads)]
            result["index"]["browser_open"] = median(rows)
            result["index"]["search_ms"] = driver.execute_script(
                "var s = document.getElementById('search'), t = performance.now();"
                "s.value = 'film 9999 v1'; s.dispatchEvent(new Event('input'));"
                "return [performance.now() - t, window.filmkg.shown()];"
            )
            rows = [load(driver, page, "return !!(window.filmkg && window.filmkg.ready)") for _ in range(loads)]
            result["family"]["browser_open"] = median(rows)
            result["family"]["browser_open_runs"] = rows
            result["family"]["people_opinions_toggle_ms"] = driver.execute_script(
                "var t = performance.now(); document.getElementById('show-people').click();"
                "document.getElementById('show-opinions').click(); return performance.now() - t;"
            )
            driver.save_screenshot(str(out / "big.png"))
        finally:
            driver.quit()
    else:
        result["browser"] = "chromium not installed: no browser figures"
    result["machine"] = {"cpus": os.cpu_count()}
    result["output"] = str(out)
    print(json.dumps(result, indent=2))
    if not args.quick:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
