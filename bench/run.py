"""`make bench`: how fast the site builds and how light its pages are. A benchmark, never a test.

Prints a table and writes bench/results.json with:

- build: the real site as the therapist builds it, `make publish` as a whole process
  (into a temporary folder), against the `pelican` command on the same content and
  settings with our plugins switched off (PLUGINS reduced to the third-party sitemap
  plugin); nine pairs of alternating runs; medians and ratio, and beside them the CPU
  time of each run (user + system, all its processes) and the load average.
- entry: what one more FAQ entry costs: our build with 200 and with 2,000 generated
  entries (five runs each, median), (t2000 - t200) / 1800, against the Markdown
  floor: python-markdown with the build's extensions converting the same files in
  this one process (one Markdown instance, reset between files), per file.
- scale: synthetic FAQ collections of 10, 100 and 1,000 entries written into
  content/faq of a temporary copy of the content; our build with the real settings
  unchanged, against plain Pelican building the same files as pages (PAGE_PATHS
  gains "faq"); three runs each, interleaved; median, ratio, growth 100 -> 1,000.
- weight: every page of a production build served on 127.0.0.1 (tools/site_server.py,
  with the `_headers` cache rules), opened in Chromium twice in one browser context: a
  first view and a repeat view. For each: the requests the server got, and the bytes
  of those files as a host sends them to a browser that takes brotli (the build's
  `.br` copy) or only gzip (its `.gz` copy), and uncompressed. No request routing, so
  Chromium's cache works as on the real site.
- lighthouse: Lighthouse (npm, pinned) on every page, mobile preset: four scores.
- longfaq: a FAQ of 70 answers (the practice's own, and generated ones of about 150
  words drawn from the site's own text, in seven topics), built and loaded in
  Chromium: faq.html with everything it loads, raw, gzip (level 9) and brotli
  (quality 11), each file; and the calibration of the generated text: brotli bytes
  per word of the practice's real answers against generated answers of the same
  lengths.

Usage: python bench/run.py [--quick] [--only PARTS]
  --quick: one run each, for trying it out
  --only build,scale: run only these parts (of build, scale, weight, lighthouse), print
    their table and leave bench/results.json as it is (it always holds a full run)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

from tools.chromium import CHROMIUM, CHROMIUM_ARGS  # one source for Chromium's flags
from tools.site_server import serve  # the server the tests use, sending _headers

ROOT = Path(__file__).resolve().parent.parent

PYTHON = sys.executable
PELICAN = str(Path(PYTHON).parent / "pelican")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "bench" / "results.json"
PLAIN_PLUGINS = ["pelican.plugins.sitemap"]
SCALE_SIZES = (10, 100, 1000)
LIGHTHOUSE_ATTEMPTS = 3
PARTS = ("build", "entry", "scale", "weight", "lighthouse", "longfaq")
ENTRY_SIZES = (200, 2000)
LONG_FAQ_ENTRIES = 70
LONG_FAQ_WORDS = 150
# The share of generated words that follow the previous one as in our text (see write_long_faq).
LONG_FAQ_CHAIN_SHARE = 0.3
# The long FAQ's visible text as the weight target assumed it: "about 15 KB" brotli.
LONG_FAQ_ASSUMED_TEXT_BYTES = 15 * 1024
# Generated answers compared with the real ones drawn with this many seeds (median and range).
CALIBRATION_SEEDS = 9
LONG_FAQ_TOPICS = ("Before", "Safety", "Sessions", "Feelings", "After", "Costs", "Practical")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

TARGETS = {
    "build_ratio_max": 1.15,
    "entry_floor_ratio_max": 5.0,
    "scale_growth_100_to_1000_max": 10.0,
    "scale_ratio_1000_max": 1.5,
    "page_weight_gzip_max_bytes": 14 * 1024,
    "repeat_view_requests": 1,
    "lighthouse_min": 100,
    "long_faq_brotli_max_bytes": 24 * 1024,
}


def run(cmd: list[str], env: dict | None = None) -> float:
    """Run a build; return its wall time in seconds (raise with its output if it fails)."""
    return run_timed(cmd, env)[0]


def run_timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run a build; return its wall time and the CPU time (user + system) of all its processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed:\n{result.stdout}{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ours(content: Path, output: Path) -> list[str]:
    settings = str(ROOT / "publishconf.py")
    return [
        PYTHON,
        "-m",
        "tools.build",
        "--settings",
        settings,
        "--content",
        str(content),
        "--output",
        str(output),
    ]


def make_publish(content: Path, output: Path) -> list[str]:
    """`make publish` as the therapist runs it, into `output`."""
    return ["make", "--no-print-directory", "-s", "publish", f"INPUTDIR={content}", f"OUTPUTDIR={output}"]


def practice_settings(content: Path) -> dict:
    """The settings our practice plugin makes from content/practice.toml, which the theme needs.

    Plain Pelican runs without our plugins, so it is given them as plain values instead.
    """
    from practice_site.practice import apply_to_settings, read_practice

    settings: dict = {}
    apply_to_settings(settings, read_practice(content))
    return {key: value for key, value in settings.items() if key.isupper() and not key.startswith("_")}


def plain(content: Path, output: Path, extra: dict | None = None) -> list[str]:
    settings = {"PLUGINS": PLAIN_PLUGINS, **practice_settings(content), **(extra or {})}
    cmd = [PELICAN, str(content), "-o", str(output), "-s", str(ROOT / "publishconf.py"), "-q"]
    # One -e with every KEY=VALUE: Pelican keeps only the last -e given.
    return [*cmd, "-e", *(f"{key}={json.dumps(value)}" for key, value in settings.items())]


def compare(ours_cmd: list[str], plain_cmd: list[str], runs: int) -> dict:
    """Interleaved runs of both builds: medians, and ours / plain.

    Wall time is the measure; the CPU time of each run (all its processes) and the
    load average are kept beside it, since on a busy machine they tell how much of a
    difference is the machine's.
    """
    times: dict[str, list[float]] = {"ours": [], "plain": []}
    cpu: dict[str, list[float]] = {"ours": [], "plain": []}
    load_before = os.getloadavg()[0]
    for _ in range(runs):
        for name, cmd in (("ours", ours_cmd), ("plain", plain_cmd)):
            wall, used = run_timed(cmd)
            times[name].append(wall)
            cpu[name].append(used)
    medians = {k: statistics.median(v) for k, v in times.items()}
    cpu_medians = {k: statistics.median(v) for k, v in cpu.items()}
    return {
        "runs": times,
        "ours_median_s": medians["ours"],
        "plain_median_s": medians["plain"],
        "ratio": medians["ours"] / medians["plain"],
        "cpu_runs": cpu,
        "ours_cpu_median_s": cpu_medians["ours"],
        "plain_cpu_median_s": cpu_medians["plain"],
        "cpu_ratio": cpu_medians["ours"] / cpu_medians["plain"],
        "load_average": [load_before, os.getloadavg()[0]],
    }


def bench_build(work: Path, runs: int) -> dict:
    return compare(
        make_publish(ROOT / "content", work / "ours"), plain(ROOT / "content", work / "plain"), runs
    )


def markdown_floor(files: list[Path]) -> float:
    """Seconds python-markdown takes, in this process, to convert `files` with the build's extensions."""
    import markdown
    from pelican.settings import read_settings
    from practice_site.cost_calculator.model import build_model
    from practice_site.cost_calculator.placeholders import PricePlaceholderExtension, placeholder_values
    from practice_site.practice import ensure_loaded

    settings = read_settings(str(ROOT / "publishconf.py"), override={"PATH": str(ROOT / "content")})
    ensure_loaded(settings)  # PRICING, from content/practice.toml
    configs = dict(settings["MARKDOWN"].get("extension_configs", {}))
    configs.setdefault("markdown.extensions.meta", {})  # Pelican's Markdown reader adds it
    pricing = settings["PRICING"]
    extension = PricePlaceholderExtension(placeholder_values(pricing, build_model(pricing)))
    converter = markdown.Markdown(
        extensions=[*configs, extension],
        extension_configs=configs,
        output_format=settings["MARKDOWN"].get("output_format", "html5"),
    )
    texts = [file.read_text(encoding="utf-8") for file in files]
    start = time.perf_counter()
    for text in texts:
        converter.reset()
        converter.convert(text)
    return time.perf_counter() - start


def bench_entry(work: Path, runs: int) -> dict:
    """One more FAQ entry: our build's cost per entry against the Markdown floor per file."""
    times, floors = {}, {}
    for count in ENTRY_SIZES:
        content = work / f"entry-content-{count}"
        shutil.copytree(ROOT / "content", content)
        write_faq_entries(content / "faq", count)
        times[count] = statistics.median(
            run(ours(content, work / f"entry-ours-{count}")) for _ in range(runs)
        )
        files = sorted((content / "faq").glob("*.md"))
        floors[count] = statistics.median(markdown_floor(files) for _ in range(runs))
    low, high = ENTRY_SIZES
    per_entry = (times[high] - times[low]) / (high - low)
    floor = (floors[high] - floors[low]) / (high - low)
    return {
        "build_s": times,
        "floor_s": floors,
        "per_entry_ms": per_entry * 1000,
        "floor_per_entry_ms": floor * 1000,
        "ratio": per_entry / floor,
    }


def write_faq_entries(faq_dir: Path, count: int) -> None:
    """`count` FAQ entries as the therapist writes them: a question, its place, an answer."""
    faq_dir.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        (faq_dir / f"bench-question-{number:04d}.md").write_text(
            f"Title: Benchmark question number {number}: what happens in session {number}?\n"
            f"Order: {1000 + number}\n\n"
            f"This is the answer to benchmark question {number}. It is one paragraph of plain "
            "words, about as long as a real answer, so that the build does the work it would "
            "do for the practice's own questions.\n",
            encoding="utf-8",
        )


def bench_scale(work: Path, runs: int) -> list[dict]:
    rows = []
    for count in SCALE_SIZES:
        content = work / f"content-{count}"
        shutil.copytree(ROOT / "content", content)
        write_faq_entries(content / "faq", count)
        # Plain Pelican builds the same files as ordinary pages.
        plain_cmd = plain(
            content, work / f"plain-{count}", {"PAGE_PATHS": ["pages", "faq"], "PAGE_EXCLUDES": []}
        )
        rows.append({"entries": count, **compare(ours(content, work / f"ours-{count}"), plain_cmd, runs)})
    return rows


def page_names(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def address(url: str, name: str) -> str:
    """The address visitors use for a page: `/` rather than `/index.html`."""
    return f"{url}/{name.removesuffix('index.html')}"


def sent_bytes(site: Path, path: str) -> dict[str, int]:
    """The body a host sends for `path`: uncompressed, its `.br` copy, its `.gz` copy.

    A file without a copy (compression would not make it smaller) is sent as it is.
    """
    file = site / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    if not file.is_file():
        return {"raw": 0, "br": 0, "gzip": 0}
    raw = file.stat().st_size
    sizes = {"raw": raw}
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
        copy = file.with_name(file.name + suffix)
        sizes[encoding] = copy.stat().st_size if copy.is_file() else raw
    return sizes


def view_summary(site: Path, paths: list[str]) -> dict:
    files = {path: sent_bytes(site, path) for path in paths}
    totals = {kind: sum(f[kind] for f in files.values()) for kind in ("raw", "br", "gzip")}
    return {"requests": len(paths), **totals, "files": files}


def bench_weight(site: Path, url: str, request_log: list[str], names: list[str] | None = None) -> dict:
    """Each page, first view and repeat view in one context: requests and bytes sent."""
    from playwright.sync_api import sync_playwright

    pages = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in names or page_names(site):
            context = browser.new_context()
            page = context.new_page()
            views = []
            for _view in ("first", "repeat"):
                del request_log[:]
                page.goto(address(url, name))
                page.wait_for_load_state("networkidle")
                views.append(view_summary(site, list(request_log)))
            context.close()
            pages[name] = {
                "html_raw": (site / name).stat().st_size,
                "first": views[0],
                "repeat": views[1],
            }
        browser.close()
    return pages


def long_faq_words() -> list[str]:
    """Every word of the site's own Markdown (pages and answers), as often as the practice uses it."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "content").rglob("*.md"))
    return re.findall(r"[A-Za-z’']{2,}", re.sub(r"^\w+:.*$|\{[^}]*\}|\([^)]*\)", " ", text, flags=re.M))


def generated_answer(chooser: random.Random, words: list[str], length: int) -> list[str]:
    """`length` words in sentences of 8 to 20: the sentences of one answer.

    Each word is, LONG_FAQ_CHAIN_SHARE of the time, one that follows the previous word
    somewhere in `words` (a word-level Markov chain of order 1), else any word of `words`,
    drawn as often as the practice uses it.
    """
    followers: dict[str, list[str]] = {}
    for word, following in zip(words, words[1:], strict=False):
        followers.setdefault(word, []).append(following)
    sentences, total, previous = [], 0, ""
    while total < length:
        count = min(chooser.randint(8, 20), length - total)
        chosen = []
        for _ in range(count):
            chained = chooser.random() < LONG_FAQ_CHAIN_SHARE and previous in followers
            previous = chooser.choice(followers[previous] if chained else words)
            chosen.append(previous)
        sentence = " ".join(chosen)
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        total += count
    return sentences


def write_long_faq(faq_dir: Path, count: int) -> None:
    """`count` answers of about 150 words, in seven topics, from the words of the site's own pages.

    Words of the site's own text, drawn at random (fixed seed) as often as the practice
    uses them, or (30% of them) following the previous word as somewhere in that text.
    Chosen by calibration against the practice's real writing (`calibrate_text`, printed
    by the bench): brotli bytes per word of generated texts of the same lengths as the
    real ones, at two sample sizes, the answers (about 670 words) and answers with the
    other pages' own text (about 2,100). Words drawn by frequency alone: 1-2% better than
    the real text on the first, 5% worse on the second (real text gains more as it
    grows: phrases come back). A pure chain (order 1 or 2): 15-25% better than the real
    answers, and at 70 answers about twice as well: over only about 1,700 words of our
    own text it copies whole phrases. A 30% share of chained words: 3% better on the
    first, 2.5% worse on the second, the closest on both.
    """
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    from tools.new_faq import existing_entries, link_name, taken_names

    words = long_faq_words()
    taken = taken_names(existing_entries(faq_dir))
    # Questions shaped like the practice's own: as long as one of them, starting as one does
    # ("What", "Can", "Is" ...), each with the link name (Slug) `make faq` gives it.
    questions = [
        match.group(1).split()
        for path in sorted((ROOT / "content" / "faq").glob("*.md"))
        if (match := re.search(r"^Title:\s*(.+)$", path.read_text(encoding="utf-8"), re.M))
    ]
    chooser = random.Random(11)
    for number in range(1, count + 1):
        sentences = generated_answer(chooser, words, LONG_FAQ_WORDS)
        half = len(sentences) // 2
        answer = " ".join(sentences[:half]) + "\n\n" + " ".join(sentences[half:])
        length = len(chooser.choice(questions))
        first = chooser.choice(questions)[0]
        question = " ".join([first, *(chooser.choice(words) for _ in range(length - 1))])
        name = link_name(slugify(question, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]), taken)
        taken.add(name)
        (faq_dir / f"long-{number:03d}.md").write_text(
            f"Title: {question}?\n"
            f"Slug: {name}\n"
            f"Topic: {LONG_FAQ_TOPICS[number % len(LONG_FAQ_TOPICS)]}\n"
            f"Order: {1000 + number}\n\n{answer}\n",
            encoding="utf-8",
        )


def brotli_per_word(texts: list[str]) -> float:
    """Brotli bytes (quality 11, as the build) per word of `texts`, one answer a line."""
    import brotli

    joined = "\n".join(" ".join(text.split()) for text in texts)
    return len(brotli.compress(joined.encode(), quality=11)) / len(joined.split())


def calibration_row(label: str, real: list[str], words: list[str]) -> dict:
    """Brotli per word of the texts `real`, and of generated texts of the same lengths
    (seeds 1 to CALIBRATION_SEEDS: median and range)."""
    lengths = [len(text.split()) for text in real]
    generated = []
    for seed in range(1, CALIBRATION_SEEDS + 1):
        chooser = random.Random(seed)
        generated.append(brotli_per_word([" ".join(generated_answer(chooser, words, n)) for n in lengths]))
    return {
        "sample": label,
        "texts": len(real),
        "words": sum(lengths),
        "real_brotli_per_word": round(brotli_per_word(real), 3),
        "generated_brotli_per_word_median": round(statistics.median(generated), 3),
        "generated_brotli_per_word_range": [round(min(generated), 3), round(max(generated), 3)],
    }


TEXT_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "th", "td", "figcaption")


def text_blocks(element) -> list[str]:
    """The text of each paragraph, list item, heading ... in `element` that holds no other."""
    return [
        " ".join(block.get_text(" ").split())
        for block in element.find_all(TEXT_BLOCKS)
        if not block.find(TEXT_BLOCKS)
    ]


def calibrate_text(site: Path) -> list[dict]:
    """The generated text against the practice's real writing as visitors read it, at two sample
    sizes: the real answers (the FAQ page), then those and every other page's own text, so that
    a reader sees whether the two also grow alike (brotli gains per word as a text grows)."""
    from bs4 import BeautifulSoup

    own_slugs = {
        match.group(1)
        for path in (ROOT / "content" / "faq").glob("*.md")
        if (match := re.search(r"^Slug:\s*(\S+)", path.read_text(encoding="utf-8"), re.M))
    }
    faq = BeautifulSoup((site / "faq.html").read_text(encoding="utf-8"), "html.parser")
    answers = [
        entry.select_one(".faq__answer")
        for entry in faq.select("details.faq__entry")
        if entry.get("id") in own_slugs
    ]
    # The other pages' own text, each paragraph, item or heading once: pages show answers
    # again ({faq:...}) and the same call to action, which a writer does not write twice;
    # the cost calculator is a form, not prose.
    seen = {block for answer in answers for block in text_blocks(answer)}
    pages = []
    for path in sorted(site.glob("*.html")):
        if path.name != "faq.html":
            main = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").main
            for form in main.select(".cost-calculator"):
                form.decompose()
            new = [block for block in text_blocks(main) if block not in seen]
            seen.update(new)
            if new:
                pages.append(" ".join(new))
    answer_texts = [answer.get_text(" ") for answer in answers]
    words = long_faq_words()
    return [
        calibration_row("the practice's answers", answer_texts, words),
        calibration_row("answers and pages", answer_texts + pages, words),
    ]


def bench_long_faq(work: Path) -> dict:
    """faq.html with 70 answers, and all it loads: raw, gzip and brotli; its visible text alone;
    the calibration of the generated text against the practice's real answers."""
    import brotli

    content = work / "content-longfaq"
    shutil.copytree(ROOT / "content", content)
    # The practice's own questions stay (other pages show some of them); generated ones make 70.
    write_long_faq(content / "faq", LONG_FAQ_ENTRIES - len(list((content / "faq").glob("*.md"))))
    site = work / "served-longfaq"
    site.mkdir()
    request_log: list[str] = []
    with serve(site, request_log) as url:
        run([*ours(content, site)], env={"SITEURL": url})
        page = bench_weight(site, url, request_log, ["faq.html"])["faq.html"]
    first = page["first"]  # a first view: the bytes of the build's .gz and .br copies
    html = (site / "faq.html").read_text(encoding="utf-8")
    main = html[html.index("<main") : html.index("</main>")]
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main))).encode()
    return {
        "entries": LONG_FAQ_ENTRIES,
        "visible_text_bytes": len(text),
        "visible_text_brotli": len(brotli.compress(text, quality=11)),
        "calibration": calibrate_text(site),
        "requests": first["requests"],
        "raw": first["raw"],
        "gzip": first["gzip"],
        "brotli": first["br"],
        "html_raw": page["html_raw"],
        "files": first["files"],
    }


def bench_lighthouse(site: Path, url: str) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    scores = {}
    for name in page_names(site):
        # Lighthouse's trace sometimes fails on a busy machine (NO_NAVSTART): try again.
        for _attempt in range(LIGHTHOUSE_ATTEMPTS):
            result = subprocess.run(
                [
                    str(LIGHTHOUSE),
                    address(url, name),
                    "--output=json",
                    "--output-path=stdout",
                    "--quiet",
                    f"--only-categories={','.join(CATEGORIES)}",
                    f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode == 0:
                break
        if result.returncode != 0:
            scores[name] = {"error": result.stderr.strip()[-500:]}
            continue
        report = json.loads(result.stdout)
        scores[name] = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
        scores[name]["below_100"] = sorted(
            audit_id
            for c in CATEGORIES
            for ref in report["categories"][c]["auditRefs"]
            if ref["weight"] and (report["audits"][(audit_id := ref["id"])]["score"] or 0) < 1
        )
    return scores


def guarded(label: str, function, *args):
    """Run one part of the benchmark; a failure is reported, and the other parts still run."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - a benchmark reports what failed and goes on
        print(f"{label} failed: {error}", file=sys.stderr)
        return {"error": str(error)}


def table(results: dict) -> str:
    lines = []
    build = results.get("build", {"error": "not run"})
    if "error" not in build:
        lines += [
            f"Build cost (real site; make publish against pelican, median of {len(build['runs']['ours'])} "
            "alternating pairs)",
            f"  make publish {build['ours_median_s']:.3f} s | plain Pelican {build['plain_median_s']:.3f} s"
            f" | ratio {build['ratio']:.2f} (target <= {TARGETS['build_ratio_max']})",
            f"  CPU time {build['ours_cpu_median_s']:.3f} s | {build['plain_cpu_median_s']:.3f} s"
            f" | ratio {build['cpu_ratio']:.2f}; load average {build['load_average'][0]:.1f}"
            f" -> {build['load_average'][1]:.1f} on {os.cpu_count()} cores",
            "",
        ]
    entry = results.get("entry", {"error": "not run"})
    if "error" not in entry:
        lines += [
            f"One more FAQ entry ({' and '.join(str(n) for n in ENTRY_SIZES)} generated entries)",
            f"  ours {entry['per_entry_ms']:.3f} ms | Markdown floor {entry['floor_per_entry_ms']:.3f} ms | "
            f"ratio {entry['ratio']:.2f} (target <= {TARGETS['entry_floor_ratio_max']})",
            "",
        ]
    scale = results.get("scale")
    if isinstance(scale, list):
        lines.append("Scale (synthetic FAQ entries)")
        lines.append(f"  {'entries':>7} | {'ours s':>7} | {'plain s':>7} | {'ratio':>5}")
        for row in scale:
            lines.append(
                f"  {row['entries']:>7} | {row['ours_median_s']:>7.2f} | {row['plain_median_s']:>7.2f} | "
                f"{row['ratio']:>5.2f}"
            )
        lines.append(
            f"  growth 100 -> 1000: ours {results['scale_growth']['ours']:.2f}x, "
            f"plain {results['scale_growth']['plain']:.2f}x "
            f"(target: ours <= {TARGETS['scale_growth_100_to_1000_max']}x, "
            f"ratio at 1000 <= {TARGETS['scale_ratio_1000_max']})"
        )
        lines.append("")
    weight = results.get("weight", {"error": "not run"})
    lighthouse = results.get("lighthouse", {"error": "not run"})
    if "error" not in weight:
        lines.append(
            f"Pages (targets: all it loads <= {TARGETS['page_weight_gzip_max_bytes']} B gzip; "
            f"repeat view {TARGETS['repeat_view_requests']} request; Lighthouse 100). Bytes as sent: "
            "br = brotli copies, gz = gzip copies"
        )
        lines.append(
            f"  {'page':<24} | {'html B':>6} | {'1st req':>7} | {'1st B':>6} | {'1st br':>6} | "
            f"{'1st gz':>6} | "
            f"{'rep req':>7} | {'rep br':>6} | {'rep gz':>6} | perf a11y bp  seo"
        )
        for name, w in weight.items():
            scores = lighthouse.get(name, {}) if isinstance(lighthouse, dict) else {}
            score_text = (
                " ".join(f"{scores[c]:>4}" for c in CATEGORIES)
                if "performance" in scores
                else "  (no Lighthouse)"
            )
            first, repeat = w["first"], w["repeat"]
            lines.append(
                f"  {name:<24} | {w['html_raw']:>6} | {first['requests']:>7} | {first['raw']:>6} | "
                f"{first['br']:>6} | {first['gzip']:>6} | {repeat['requests']:>7} | {repeat['br']:>6} | "
                f"{repeat['gzip']:>6} | {score_text}"
            )
    long_faq = results.get("longfaq", {"error": "not run"})
    if "error" not in long_faq:
        lines += [
            "",
            f"Long FAQ ({long_faq['entries']} answers, the practice's and generated ones of about "
            f"{LONG_FAQ_WORDS} words, "
            f"faq.html with all it loads, {long_faq['requests']} requests)",
            f"  raw {long_faq['raw']} B | gzip {long_faq['gzip']} B | brotli {long_faq['brotli']} B "
            f"(target <= {TARGETS['long_faq_brotli_max_bytes']} B) | HTML alone {long_faq['html_raw']} B | "
            f"visible text alone {long_faq['visible_text_bytes']} B, "
            f"{long_faq['visible_text_brotli']} B brotli",
            # The target was set for text of about 15 KB brotli: this says how the rest compares.
            f"  all but the visible text (markup, JSON-LD, styles, script, icon): about "
            f"{long_faq['brotli'] - long_faq['visible_text_brotli']} B brotli; the target assumed "
            f"{LONG_FAQ_ASSUMED_TEXT_BYTES} B of text, leaving "
            f"{TARGETS['long_faq_brotli_max_bytes'] - LONG_FAQ_ASSUMED_TEXT_BYTES} B for the rest",
            f"  {'file':<34} | {'raw':>7} | {'gzip':>6} | {'brotli':>6}",
        ]
        for path, sizes in long_faq["files"].items():
            lines.append(
                f"  {path.rsplit('/', 1)[-1]:<34} | {sizes['raw']:>7} | {sizes['gzip']:>6} | {sizes['br']:>6}"
            )
        lines.append(
            "  text calibration, brotli B per word: the practice's real text | generated, same lengths"
        )
        for row in long_faq["calibration"]:
            low, high = row["generated_brotli_per_word_range"]
            lines.append(
                f"    {row['sample']:<24} ({row['texts']:>2} texts, {row['words']:>5} words): "
                f"real {row['real_brotli_per_word']:.3f} | "
                f"generated {row['generated_brotli_per_word_median']:.3f} "
                f"(median of {CALIBRATION_SEEDS} seeds, {low:.3f}-{high:.3f})"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each instead of five and three")
    parser.add_argument(
        "--only",
        type=lambda text: [part.strip() for part in text.split(",") if part.strip()],
        default=list(PARTS),
        help=f"comma-separated parts to run, of {','.join(PARTS)} (default: all; results.json is "
        "written only for a full run)",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.only) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}: choose from {', '.join(PARTS)}")
    full = set(args.only) == set(PARTS)
    build_runs, entry_runs, scale_runs = (1, 1, 1) if args.quick else (9, 5, 3)
    results: dict = {"targets": TARGETS, "plain_pelican": f"PLUGINS = {PLAIN_PLUGINS}"}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        if "build" in args.only:
            print("Build cost...", file=sys.stderr)
            results["build"] = guarded("build cost", bench_build, work, build_runs)
        if "entry" in args.only:
            print("Entry cost...", file=sys.stderr)
            results["entry"] = guarded("entry cost", bench_entry, work, entry_runs)
        if "scale" in args.only:
            print("Scale...", file=sys.stderr)
            results["scale"] = guarded("scale", bench_scale, work, scale_runs)
        if isinstance(results.get("scale"), list):
            by_count = {row["entries"]: row for row in results["scale"]}
            results["scale_growth"] = {
                side: by_count[1000][f"{side}_median_s"] / by_count[100][f"{side}_median_s"]
                for side in ("ours", "plain")
            }
        # The pages are built for the address they are served at, so that canonical
        # URLs, styles and the CSP all match the origin the browser sees.
        site = work / "served"
        site.mkdir()
        if {"weight", "lighthouse"} & set(args.only):
            request_log: list[str] = []
            with serve(site, request_log) as url:
                run(ours(ROOT / "content", site), env={"SITEURL": url})
                if "weight" in args.only:
                    print("Weight...", file=sys.stderr)
                    results["weight"] = guarded("weight", bench_weight, site, url, request_log)
                if "lighthouse" in args.only:
                    print("Lighthouse...", file=sys.stderr)
                    results["lighthouse"] = guarded("lighthouse", bench_lighthouse, site, url)
        if "longfaq" in args.only:
            print("Long FAQ...", file=sys.stderr)
            results["longfaq"] = guarded("long FAQ", bench_long_faq, work)
    print(table(results))
    if full:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"\nWritten to {RESULTS.relative_to(ROOT)}")
    else:
        print(f"\n(Only {', '.join(args.only)}: {RESULTS.relative_to(ROOT)} was not changed.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
