"""The HTML report in a real browser: headless Chromium driven by Selenium.

``transcript-tool report samples/mock-interview-raw-caption.txt --format html
--output report.html`` is opened from a file:// URL: the page must render (a
screenshot that is not one colour; as many timeline segments and question
cards in the DOM as the report has turns and questions; clicking a segment
jumps to its turn), and a transcript full of markup must run no script
(Selenium raises UnexpectedAlertPresentException on an alert; onerror/onload
payloads would change the title or set a window flag) and show its text
literally, with the page's Content-Security-Policy and without it (escaping
alone must be enough).

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs
them) and ``selenium``. Without them the tests skip, saying why, except when
the environment variable CI is set: then they fail.

``UPDATE_SCREENSHOT=1 pytest tests/test_browser.py`` also writes
docs/report-screenshot.png (the top of the sample's report, 1200 pixels wide).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from transcript_tool import analyze, load_rubric, read_transcript, score
from transcript_tool.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "samples/mock-interview-raw-caption.txt"
SCREENSHOT = REPO / "docs" / "report-screenshot.png"
WIDTH, HEIGHT = 1200, 900
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    f"--window-size={WIDTH},{HEIGHT}",
)
HOSTILE = (
    "Interviewer: Hello <script>alert(1)</script> tell me about yourself?\n"
    'Candidate: Sure "><img src=x onerror="document.title=\'pwned\'"> I built things '
    "because it mattered <svg/onload=window.pwned=1> and </title><script>alert(2)</script>.\n"
    "Interviewer: What was the hardest bug you fixed? <iframe src=javascript:alert(3)>\n"
    "Candidate: A race condition <img src=x onerror=alert(4)>, because of caching.\n"
)
LITERALS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror="document.title=\'pwned\'">',
    "<svg/onload=window.pwned=1>",
    "</title><script>alert(2)</script>",
    "<iframe src=javascript:alert(3)>",
    "<img src=x onerror=alert(4)>",
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"{reason}; CI is set, so the browser test must run", pytrace=False)
    pytest.skip(reason)


def find_browser() -> tuple[str, str] | None:
    """Chromium and its driver: CHROMIUM / CHROMEDRIVER, else on PATH or in /usr/bin."""
    binary = os.environ.get("CHROMIUM") or next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name) or shutil.which(name, path="/usr/bin"))
        ),
        None,
    )
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    driver = driver or shutil.which("chromedriver", path="/usr/bin")
    return (binary, driver) if binary and driver else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed (pip install -e '.[test]')")
    found = find_browser()
    if found is None:
        unavailable("no Chromium and ChromeDriver (apt-get install chromium chromium-driver)")
    assert found is not None
    binary, driver_path = found
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="transcript-tool-chromium-")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the pixels (RGB or RGBA bytes) of an 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * size
    previous = bytearray(stride)
    pixels: list[bytes] = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + guess) & 0xFF
        pixels.extend(bytes(line[i : i + size]) for i in range(0, stride, size))
        previous = line
    return width, height, pixels


def no_alert(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    pytest.fail(f"the page opened an alert: {text!r}")


def load(driver: Any, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + 10
    while driver.execute_script("return document.readyState") != "complete":
        assert time.monotonic() < deadline, "the page did not finish loading"
        time.sleep(0.05)
    time.sleep(0.3)  # let any onerror/onload handler run, were there one


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's report, written by the command the README shows."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        assert main(["report", SAMPLE, "--format", "html", "--output", str(out)]) == 0
    finally:
        os.chdir(cwd)
    return out


def test_the_sample_report_renders(browser: Any, sample_html: Path) -> None:
    report = score(analyze(read_transcript(REPO / SAMPLE)), load_rubric("default"))
    load(browser, sample_html)
    no_alert(browser)
    assert browser.title == f"Interview report: {SAMPLE}"
    count = "return document.querySelectorAll(arguments[0]).length"
    segments = ".timeline svg.across .segment"
    assert browser.execute_script(count, segments) == len(report.transcript.turns)
    assert browser.execute_script(count, "article.question-card") == len(report.analysis.questions)
    assert browser.execute_script(count, ".turn") == len(report.transcript.turns)
    assert browser.execute_script(count, "script, img, iframe, link") == 0
    box = browser.execute_script(
        "const r = document.querySelector('.timeline > svg.across').getBoundingClientRect();"
        "return [r.width, r.height];"
    )
    assert box[0] > 800 and box[1] > 80, box  # laid out at full width, not collapsed
    widths = browser.execute_script(
        "return [...document.querySelectorAll('.timeline .across .segment')]"
        ".map(e => e.getBoundingClientRect().width);"
    )
    assert min(widths) > 0 and max(widths) > 20

    width, height, pixels = png_pixels(browser.get_screenshot_as_png())
    assert width == WIDTH and height > HEIGHT // 2  # the viewport, less any window chrome
    colours = Counter(pixels[::7])
    assert len(colours) > 50, "the screenshot is (nearly) one colour"
    assert colours.most_common(1)[0][1] < 0.9 * sum(colours.values())

    # clicking the widest segment jumps to its turn in the transcript
    turn = browser.execute_script(
        "const s = [...document.querySelectorAll('.timeline .across .segment')];"
        "s.sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width);"
        "s[0].scrollIntoView({block: 'center'}); return s[0].dataset.turn;"
    )
    segment = browser.find_element("css selector", f'.across .segment[data-turn="{turn}"]')
    segment.click()
    time.sleep(0.2)
    assert browser.execute_script("return location.hash") == f"#turn-{turn}"
    top = browser.execute_script(
        "return document.getElementById(arguments[0]).getBoundingClientRect().top;",
        f"turn-{turn}",
    )
    assert -2 <= top < browser.execute_script("return window.innerHeight")  # scrolled to it
    tooltip = browser.execute_script(
        "return document.querySelector(`.across .segment[data-turn='${arguments[0]}'] title`)"
        ".textContent;",
        turn,
    )
    words = report.transcript.turns[int(turn)].text.split()
    assert " ".join(words[:6]) in tooltip
    no_alert(browser)

    if os.environ.get("UPDATE_SCREENSHOT"):
        save_screenshot(browser, sample_html)


def test_on_a_phone_the_timeline_runs_down_the_page(browser: Any, sample_html: Path) -> None:
    """At 400 pixels the timeline kept the page's width and shrank its lane
    labels and ticks to specks, and the timing table made the whole page
    scroll sideways. Until the thirty-ninth session the timeline kept 40rem
    and scrolled within its panel, its end off screen; now it runs down the
    page, a column per lane, as wide as the screen, its labels at their
    size, and a segment tapped there jumps to its turn too."""
    browser.set_window_size(400, HEIGHT)
    try:
        load(browser, sample_html)
        sizes = browser.execute_script(
            "const t = document.querySelector('.timeline');"
            "const across = t.querySelector('svg.across').getBoundingClientRect();"
            "const up = t.querySelector('svg.upright').getBoundingClientRect();"
            "const label = t.querySelector('svg.upright .lane-label').getBoundingClientRect();"
            "return [across.width, up.width, up.height, label.height, t.scrollWidth,"
            " t.clientWidth, document.documentElement.scrollWidth, window.innerWidth];"
        )
        across, width, height, label, scrolled, shown, page, screen = sizes
        assert across == 0 and 250 < width <= screen and height > width, sizes
        assert label >= 10, sizes  # 11px text, not the specks of the drawing across
        assert scrolled <= shown and page <= screen, sizes
        turn = browser.execute_script(
            "const s = [...document.querySelectorAll('.timeline .upright .segment')];"
            "s.sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height);"
            "s[0].scrollIntoView({block: 'center'}); return s[0].dataset.turn;"
        )
        browser.find_element("css selector", f'.upright .segment[data-turn="{turn}"]').click()
        time.sleep(0.2)
        assert browser.execute_script("return location.hash") == f"#turn-{turn}"
    finally:
        browser.set_window_size(WIDTH, HEIGHT)


def test_the_calibration_report_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    """calibrate --report: its agreement table made the page scroll sideways
    at 400 pixels; it scrolls within itself there now."""
    folder = tmp_path / "rated"
    folder.mkdir()
    rows = ["transcript,criterion,rating"]
    names = ("behavioral-interview", "data-analyst-screen", "ml-case-interview")
    for rating, name in enumerate(names, start=3):
        shutil.copy(REPO / "samples" / f"{name}.txt", folder)
        rows.append(f"{name},conciseness,{rating}")
    (tmp_path / "ratings.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    page = tmp_path / "calibration.html"
    argv = ["calibrate", str(tmp_path / "ratings.csv"), "-t", str(folder), "-q"]
    assert main([*argv, "--report", str(page)]) == 0
    browser.set_window_size(400, HEIGHT)
    try:
        load(browser, page)
        no_alert(browser)
        sizes = browser.execute_script(
            "const t = document.querySelector('table');"
            "return [t.scrollWidth, t.clientWidth,"
            " document.documentElement.scrollWidth, window.innerWidth];"
        )
        table, shown, page_width, screen = sizes
        assert table > shown and page_width <= screen, sizes
    finally:
        browser.set_window_size(WIDTH, HEIGHT)


def save_screenshot(driver: Any, page: Path) -> None:
    """The top of the report (header, summary, timeline, the first cards) as
    docs/report-screenshot.png."""
    import base64

    load(driver, page)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": WIDTH, "height": 2000, "scale": 1},
        },
    )
    SCREENSHOT.write_bytes(base64.b64decode(shot["data"]))


@pytest.mark.parametrize("policy", [True, False], ids=["with-csp", "escaping-alone"])
def test_a_hostile_transcript_runs_no_script(browser: Any, tmp_path: Path, policy: bool) -> None:
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    page = tmp_path / "hostile.html"
    assert main(["report", str(source), "--format", "html", "--output", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    if not policy:
        html, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", html)
        assert removed == 1
        page.write_text(html, encoding="utf-8")
    load(browser, page)
    no_alert(browser)
    assert browser.title == f"Interview report: {source}"
    assert browser.execute_script("return window.pwned === undefined") is True
    assert (
        browser.execute_script(
            "return document.querySelectorAll('script, img, iframe, svg svg, [onerror], [onload]')"
            ".length"
        )
        == 0
    )
    shown = browser.execute_script("return document.querySelector('.transcript').innerText")
    for literal in LITERALS:
        assert literal in shown, literal
    cards = browser.execute_script(
        "return [...document.querySelectorAll('.question-text')].map(e => e.textContent);"
    )
    assert cards[0] == "Hello <script>alert(1)</script> tell me about yourself?"
    no_alert(browser)
