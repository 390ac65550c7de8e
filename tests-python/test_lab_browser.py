"""The lessons in a real JupyterLab, in a headless Chromium, checked as a student sees them
(`make lab-test`; lab_browser.py starts both). Lessons 03, 06 and 08 draw the network,
the plots and the digits: each is opened, its outputs cleared, Run > Run All Cells, and the
rendered page is read: no errors, HTML tables drawn, pictures at their own size, explain's
formulas typeset by MathJax, train's live progress in one output updated in place, no text
cut off at the output area's edge. Every code cell is saved as a PNG under
.build/lab-test/LESSON/ (NETBOOK_LAB_SHOTS elsewhere) to be looked at."""
import json
import os
import re
import time

import pytest

from conftest import LONG_TRAIN_CELL, ROOT
from lab_browser import LabPage, LabServer, start_browser

LESSONS = ["03-backprop-by-hand", "06-xor", "08-digits"]
SHOTS = os.environ.get("NETBOOK_LAB_SHOTS", str(ROOT / ".build" / "lab-test"))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    server = LabServer(tmp_path_factory.mktemp("jupyterlab"))
    server.start()
    driver = None
    try:
        driver = start_browser()
        yield LabPage(server, driver)
    finally:
        if driver:
            driver.quit()
        server.stop()


@pytest.fixture(scope="module")
def lessons(lab):
    """Each lesson run once in the browser: what it showed when opened, what the run left
    (lab_browser.RUN_ALL_CELLS_JS), and its stored notebook; screenshots on the way."""
    runs = {}

    def run(name):
        if name not in runs:
            lab.open(f"{name}.ipynb")
            opened = lab.stored_view()
            report = lab.run_all_cells()
            lab.screenshot_cells(os.path.join(SHOTS, name), [c["index"] for c in report["cells"]])
            stored = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text())
            runs[name] = dict(opened=opened, report=report, stored=stored)
        return runs[name]
    return run


def shown_outputs(report):
    return [(cell, out) for cell in report["cells"] for out in cell["shown"]]


def bundles(outputs):
    """The outputs a notebook keeps, as (output_type, MIME types) without empty displays."""
    kept = []
    for o in outputs:
        if o["output_type"] == "stream":
            kept.append(("stream", o["name"]))
        elif o["output_type"] == "error":
            kept.append(("error", o["ename"]))
        elif o.get("data"):
            kept.append((o["output_type"], tuple(sorted(o["data"]))))
    return kept


@pytest.mark.parametrize("name", LESSONS)
def test_every_cell_runs_in_the_netbook_kernel_without_errors(lessons, name):
    report = lessons(name)["report"]
    assert report["kernel"] == "NetBook"
    assert all(cell["executionCount"] for cell in report["cells"]), "every code cell ran"
    errors = [(c["index"], o) for c in report["cells"] for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors, errors
    stderr = [(c["index"], o["text"]) for c, o in shown_outputs(report) if o["mime"] == "application/vnd.jupyter.stderr"]
    assert not stderr, f"warnings or errors on the page: {stderr}"


@pytest.mark.parametrize("name", LESSONS)
def test_the_page_shows_what_the_lesson_stores(lessons, name):
    """Cell by cell the same outputs (kinds, MIME types and plain text) as the stored
    notebook that nb-run wrote: nothing added in the browser, nothing lost."""
    run = lessons(name)
    code = [c for c in run["stored"]["cells"] if c["cell_type"] == "code"]
    assert len(code) == len(run["report"]["cells"])
    for stored, ran in zip(code, run["report"]["cells"]):
        assert bundles(ran["outputs"]) == bundles(stored["outputs"]), f"cell {ran['index']}: {ran['source']}"
        plain = lambda outs: ["".join(o["data"]["text/plain"]) for o in outs if o.get("data", {}).get("text/plain")]
        assert plain(ran["outputs"]) == plain(stored["outputs"]), f"cell {ran['index']}"
        # each kept output is drawn once: no empty boxes, no duplicates
        assert len(ran["shown"]) == len(bundles(stored["outputs"])), f"cell {ran['index']}"


@pytest.mark.parametrize("name", LESSONS)
def test_html_tables_are_drawn_with_their_rows(lessons, name):
    report = lessons(name)["report"]
    counted = 0
    for cell in report["cells"]:
        html = [o for o in cell["outputs"] if "text/html" in o.get("data", {}) and not {"image/svg+xml", "text/markdown"} & set(o["data"])]
        shown = [s for s in cell["shown"] if s["mime"] == "text/html"]
        assert len(shown) == len(html), f"cell {cell['index']}"
        for output, view in zip(html, shown):
            source = "".join(output["data"]["text/html"])
            rows = [len(re.findall(r"<tr[ >]", t)) for t in re.findall(r"<table.*?</table>", source, re.S)]
            assert [t["rows"] for t in view["tables"]] == rows, f"cell {cell['index']}: {view['text'][:80]}"
            for table in view["tables"]:
                assert table["width"] > 40 and table["height"] > 10, f"cell {cell['index']}: {table}"
                assert any(h.strip() for h in table["header"]), f"cell {cell['index']}: a header row"
            counted += len(rows)
    assert counted >= 5, "the lesson's tables were found"


# The pictures each lesson draws, in order: the network after forward, with W1's path, after backward (03),
# data/loss/decision plots (06),
# digits, the network (instead of its weights), the loss curve, the confusion table and
# the mistakes (08).
# Each is named by a word of its SVG <title> (what a screen reader says).
PICTURES = {"03-backprop-by-hand": ["network", "network", "network"],
            "06-xor": ["scatter plot", "training loss", "training loss", "decision"],
            "08-digits": ["digits.x", "network", "training loss", "confusion", "mistakes"]}


@pytest.mark.parametrize("name", LESSONS)
def test_pictures_are_drawn_at_their_own_size(lessons, name):
    report = lessons(name)["report"]
    svgs = [(cell, o) for cell in report["cells"] for o in cell["outputs"] if "image/svg+xml" in o.get("data", {})]
    shown = [(cell, s) for cell, s in shown_outputs(report) if s["mime"] == "image/svg+xml"]
    titles = [re.search(r"<title>([^<]*)</title>", "".join(o["data"]["image/svg+xml"])).group(1) for _, o in svgs]
    assert len(titles) == len(PICTURES[name]), titles
    assert all(word in title for word, title in zip(PICTURES[name], titles)), titles
    assert len(shown) == len(svgs)
    for (cell, view), (_, output) in zip(shown, svgs):
        svg = "".join(output["data"]["image/svg+xml"])
        width, height = (float(v) for v in re.search(r'<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"', svg).groups())
        [image] = view["images"]
        where = f"cell {cell['index']} ({cell['source'].splitlines()[-1]})"
        # loaded (a broken SVG has no natural size), shown at the size it declares, inside
        # the output area, large enough to read and no wider than a laptop's notebook
        assert (image["naturalWidth"], image["naturalHeight"]) == (round(width), round(height)), where
        assert abs(image["width"] - width) <= 1 and abs(image["height"] - height) <= 1, where
        assert image["width"] <= view["width"], where
        assert 300 <= width <= 900 and 150 <= height <= 900, where


def test_explain_formulas_are_typeset_by_mathjax(lessons):
    report = lessons("03-backprop-by-hand")["report"]
    explained = [(cell, s) for cell, s in shown_outputs(report) if s["mime"] == "text/markdown"]
    assert len(explained) == 8, "explain for W1…W8"
    for cell, view in explained:
        # the chain rule and one small fraction per factor row, all typeset
        assert view["math"] >= 5, f"cell {cell['index']}: {view['math']} formulas typeset"
        assert "$" not in view["text"] and "\\frac" not in view["text"], f"cell {cell['index']}: raw TeX on the page"
        assert view["tables"] and view["tables"][0]["header"] == ["factor", "how it is computed", "value"]
        # the factors' fractions as tall as the equation's: readable from the back of a room
        equation = min(view["displayMath"])
        assert len(view["cellMath"]) == 4 and min(view["cellMath"]) >= 0.8 * equation, \
            f"cell {cell['index']}: factor fractions {view['cellMath']} px high beside the equation's {equation} px"


@pytest.mark.parametrize("name", LESSONS)
def test_no_text_is_cut_off_at_the_output_areas_edge(lessons, name):
    """Text blocks and tables fit the output area of a 1366-pixel-wide window, with the
    file browser open: nothing ends under a horizontal scroll bar. Also the stored
    notebook as first opened (untrusted: its SVGs show their text twins)."""
    run = lessons(name)
    clipped = [(c["index"], s["clipped"]) for c, s in shown_outputs(run["report"]) if s["clipped"]]
    assert not clipped, clipped
    opened = [(i, o["text"][:60]) for i, cell in enumerate(run["opened"]) for o in cell if o["clipped"]]
    assert not opened, opened


@pytest.mark.parametrize("name", ["06-xor", "08-digits"])
def test_train_keeps_one_live_output(lessons, name):
    """train's progress goes to one display that is updated in place and left empty: the
    cell ends with the stored outputs and at most that one empty display."""
    report = lessons(name)["report"]
    cells = [c for c in report["cells"] if re.search(r"^train ", c["source"], re.M)]
    assert cells
    for cell in cells:
        empty = [o for o in cell["outputs"] if o["output_type"] == "display_data" and not o["data"]]
        assert len(empty) <= 1, f"cell {cell['index']}"
        assert cell["changes"]["add"] == len(cell["outputs"]), f"cell {cell['index']}: outputs added and removed"
        if empty:
            assert cell["changes"]["set"] >= 1, f"cell {cell['index']}: the live display was updated"


# In the page: a new cell at the end of the open notebook with `code`, run as Shift+Enter runs it.
RUN_NEW_CELL_JS = """
const app = window.jupyterapp, notebook = app.shell.currentWidget.content;
notebook.activeCellIndex = notebook.widgets.length - 1;
app.commands.execute('notebook:insert-cell-below');
notebook.activeCell.model.sharedModel.setSource(arguments[0]);
app.commands.execute('notebook:run-cell');
return notebook.activeCellIndex;
"""

# What the cell shows now: its output count, and each output that reads as train's progress
# line with whether any of its parts is wider than its box (cut off at the right).
SAMPLE_CELL_JS = """
const cell = window.jupyterapp.shell.currentWidget.content.widgets[arguments[0]];
const outputs = [...cell.node.querySelectorAll('.jp-OutputArea-output')];
return {outputs: cell.model.outputs.length, running: cell.model.executionCount === null,
        progress: outputs.filter(o => /step \\d+\\/\\d+/.test(o.innerText)).map(o => ({
          text: o.innerText.trim(),
          clipped: [...o.querySelectorAll('pre, svg')].filter(e =>
            e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > o.getBoundingClientRect().right + 1
          ).map(e => e.tagName)}))};
"""

INTERRUPT_JS = """
const done = arguments[arguments.length - 1];
(async () => {
  const app = window.jupyterapp, panel = app.shell.currentWidget;
  await app.commands.execute('notebook:interrupt-kernel');
  const cell = panel.content.widgets[arguments[0]];
  while (cell.model.executionCount === null) await new Promise(r => setTimeout(r, 100));
  done({outputs: cell.model.outputs.toJSON(),
        shown: [...cell.node.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText)});
})().catch(e => done({error: String(e && e.stack || e)}));
"""


def test_live_progress_updates_one_output_in_place_until_interrupted(lab, lessons):
    """A long train in a new cell: its progress line changes in one output while the
    cell's output count stays put, the whole line fits the output area, and the toolbar's
    interrupt stops it."""
    lessons("06-xor")  # a lesson open in the page, its kernel idle
    # the lesson's own layers go first (a new network in the same session)
    index = lab.driver.execute_script(RUN_NEW_CELL_JS, "reset network\n" + LONG_TRAIN_CELL)
    samples, deadline = [], time.monotonic() + 60
    while time.monotonic() < deadline and len({p["text"] for s in samples for p in s["progress"]}) < 4:
        samples.append(lab.driver.execute_script(SAMPLE_CELL_JS, index))
        if samples[-1]["progress"] and sum(1 for s in samples if s["progress"]) == 2:
            lab.screenshot_cells(SHOTS, [index], name="live-train")
        time.sleep(0.2)
    result = lab.driver.execute_async_script(INTERRUPT_JS, index)
    assert "error" not in result, result["error"]
    lab.screenshot_cells(SHOTS, [index], name="live-train-interrupted")

    training = [s for s in samples if s["progress"]]
    texts = [p["text"] for s in training for p in s["progress"]]
    assert len(set(texts)) >= 4, f"progress seen: {texts}; the cell showed {samples[-3:]}"
    assert all(len(s["progress"]) == 1 for s in training), "one progress output at a time"
    assert len({s["outputs"] for s in training}) == 1, "no output added while training"
    assert all(s["running"] for s in training)
    clipped = [p for s in training for p in s["progress"] if p["clipped"]]
    assert not clipped, f"progress line cut off: {clipped[:2]}"
    # interrupted: the progress display emptied, KeyboardInterrupt-like error shown
    assert not any(re.search(r"step \d+/\d+", t) for t in result["shown"]), result["shown"]
    assert [o["output_type"] for o in result["outputs"]][-1] == "error", result["shown"]
