"""A real JupyterLab in a headless Chromium, for tests that check what a student sees.

JupyterLab (from the test venv) serves a copy of notebooks/ with the venv's NetBook
kernelspec (`make kernelspec-venv`); Debian's chromium and chromedriver drive it through
selenium. Playwright's own browser download is not reachable here, Debian's packages are.
The app is exposed in the page (LabApp.expose_app_in_browser, as JupyterLab's own galata
tests do), so a test runs cells with the same commands as the Run menu and reads the
notebook model beside the rendered DOM."""
import json
import os
import pathlib
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("NETBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("NETBOOK_CHROMEDRIVER", "/usr/bin/chromedriver")
# A laptop screen; the file browser stays open as a student would have it.
WINDOW = (1366, 900)

# User settings of this JupyterLab only (JUPYTERLAB_SETTINGS_DIR): every cell in the DOM
# (no windowing, so off-screen outputs can be measured) and no news/update toast over the
# screenshots.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """`jupyter lab` on a loopback port, serving a scratch copy of the lessons (JupyterLab
    saves what it opens; the committed notebooks stay untouched)."""

    def __init__(self, workdir):
        self.workdir = pathlib.Path(workdir)
        self.root = self.workdir / "notebooks"
        self.port, self.token = free_port(), secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = self.workdir / "jupyterlab.log"
        self.process = None

    def start(self, timeout=90):
        shutil.copytree(ROOT / "notebooks", self.root)
        settings = self.workdir / "lab-settings"
        for name, values in SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env = dict(os.environ,
                   JUPYTERLAB_SETTINGS_DIR=str(settings),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.workdir / "workspaces"),
                   JUPYTER_CONFIG_DIR=str(self.workdir / "config"),
                   JUPYTER_RUNTIME_DIR=str(self.workdir / "runtime"))
        env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
                 f"--port={self.port}", "--ServerApp.port_retries=0",
                 f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
                 "--LabApp.expose_app_in_browser=True", "--allow-root"],
                cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}api/status?token={self.token}", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(f"JupyterLab did not answer within {timeout} s:\n{self.log_tail()}")

    def kernelspecs(self):
        with urllib.request.urlopen(f"{self.url}api/kernelspecs?token={self.token}", timeout=10) as r:
            return json.load(r)["kernelspecs"]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self, lines=40):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def start_browser():
    """Debian's headless Chromium through Debian's chromedriver (given by path, so selenium
    never tries to download a driver)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            raise FileNotFoundError(f"{path} is missing: `make test-deps` installs Debian's chromium and chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_script_timeout(180)
    return driver


# Runs in the page: opens nothing, waits for the open notebook and its kernel, records how
# each code cell's outputs change while every cell runs (update_display_data arrives as a
# "set" of an existing output, a new output as an "add"), then reports each code cell: its
# model outputs and what its output area shows.
RUN_ALL_CELLS_JS = """
const done = arguments[arguments.length - 1];
(async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.context.ready;
  await panel.sessionContext.ready;
  const kernel = () => panel.sessionContext.session && panel.sessionContext.session.kernel;
  while (!kernel() || kernel().status !== 'idle') await new Promise(r => setTimeout(r, 100));
  await app.commands.execute('notebook:clear-all-cell-outputs');
  const changes = panel.content.widgets.map(() => ({add: 0, set: 0}));
  panel.content.widgets.forEach((cell, i) => {
    if (cell.model.type === 'code')
      cell.model.outputs.changed.connect((_, args) => {
        if (args.type in changes[i]) changes[i][args.type] += 1;
      });
  });
  const started = performance.now();
  await app.commands.execute('notebook:run-all-cells');
  const codeCells = () => panel.content.widgets.filter(c => c.model.type === 'code');
  while (kernel().status !== 'idle' || codeCells().some(c => c.model.executionCount === null))
    await new Promise(r => setTimeout(r, 100));
  await new Promise(r => setTimeout(r, 1500));  // MathJax typesets after the output lands
  done({
    kernel: panel.sessionContext.kernelDisplayName,
    seconds: (performance.now() - started) / 1000,
    cells: panel.content.widgets.map((cell, index) => ({index, type: cell.model.type}))
      .filter(c => c.type === 'code').map(({index}) => {
        const cell = panel.content.widgets[index];
        const area = cell.node.querySelector('.jp-OutputArea');
        const box = e => { const r = e.getBoundingClientRect(); return {width: r.width, height: r.height}; };
        return {
          index,
          source: cell.model.sharedModel.getSource(),
          executionCount: cell.model.executionCount,
          changes: changes[index],
          outputs: cell.model.outputs.toJSON(),
          shown: [...area.querySelectorAll('.jp-OutputArea-output')].map(out => ({
            mime: out.getAttribute('data-mime-type'),
            text: out.innerText,
            ...box(out),
            scrollWidth: out.scrollWidth, clientWidth: out.clientWidth,
            scrollHeight: out.scrollHeight, clientHeight: out.clientHeight,
            // text and pre blocks that scroll sideways: their right end is hidden
            clipped: [...out.querySelectorAll('pre, table')].filter(
              e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > out.getBoundingClientRect().right + 1
            ).map(e => e.tagName + ': ' + e.innerText.split('\\n').find(l => l.length > 0)),
            images: [...out.querySelectorAll('img, svg:not(mjx-container svg)')].map(img => ({
              tag: img.tagName, ...box(img),
              naturalWidth: img.naturalWidth || 0, naturalHeight: img.naturalHeight || 0,
              src: (img.getAttribute('src') || '').slice(0, 40)})),
            tables: [...out.querySelectorAll('table')].map(t => ({
              rows: t.rows.length, ...box(t),
              header: t.rows.length ? [...t.rows[0].cells].map(c => c.innerText) : []})),
            math: out.querySelectorAll('mjx-container').length,
            // heights of the typeset fractions: in display equations, and in table cells
            displayMath: [...out.querySelectorAll('mjx-container[display="true"] mjx-frac')].map(m => box(m).height),
            cellMath: [...out.querySelectorAll('td mjx-container mjx-frac')].map(m => box(m).height),
          })),
        };
      }),
  });
})().catch(e => done({error: String(e && e.stack || e)}));
"""


class LabPage:
    """One notebook open in JupyterLab in the browser."""

    def __init__(self, server, driver):
        self.server, self.driver = server, driver

    def open(self, notebook, timeout=120):
        """Opens the notebook: the first through its URL, later ones in the same page with
        File > Open's command, in a new tab (JupyterLab loads once)."""
        if self.driver.execute_script("return !!window.jupyterapp;"):
            opened = self.driver.execute_async_script("""const done = arguments[arguments.length - 1];
                window.jupyterapp.commands.execute('docmanager:open', {path: arguments[0]})
                  .then(() => done(true), e => done(String(e)));""", notebook)
            if opened is not True:
                raise RuntimeError(f"JupyterLab did not open {notebook}: {opened}")
        else:
            self.driver.get(f"{self.server.url}lab/tree/{notebook}?token={self.server.token}")
        self.wait_for(f"""const app = window.jupyterapp;
            const w = app && app.shell.currentWidget;
            return !!(w && w.context && w.context.path === {json.dumps(notebook)} &&
                      w.content.widgets.length > 0 && w.node.querySelector('.jp-Cell'));""", timeout)

    def wait_for(self, script, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.driver.execute_script(script):
                return
            time.sleep(0.2)
        raise TimeoutError(f"the page did not get ready within {timeout} s: {script}")

    def run_all_cells(self):
        report = self.driver.execute_async_script(RUN_ALL_CELLS_JS)
        if "error" in report:
            raise RuntimeError(f"running the notebook in the page failed: {report['error']}")
        return report

    def stored_view(self):
        """What the opened notebook shows before anything runs (its stored outputs)."""
        return self.driver.execute_script("""
            const panel = window.jupyterapp.shell.currentWidget;
            return panel.content.widgets.filter(c => c.model.type === 'code').map(cell =>
              [...cell.node.querySelectorAll('.jp-OutputArea-output')].map(out => ({
                 mime: out.getAttribute('data-mime-type'), text: out.innerText,
                 clipped: [...out.querySelectorAll('pre')].filter(e => e.scrollWidth > e.clientWidth + 1).length})));""")

    def screenshot_cells(self, directory, indices, name=None):
        """Each code cell (input and outputs) as a PNG: cell-NN.png by notebook position,
        or NAME.png."""
        directory = pathlib.Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        paths = []
        try:
            for index in indices:
                # A window tall enough for the whole cell: Chromium captures what is on screen.
                height = self.driver.execute_script(
                    "return window.jupyterapp.shell.currentWidget.content.widgets[arguments[0]]"
                    ".node.getBoundingClientRect().height;", index)
                self.driver.set_window_size(WINDOW[0], max(WINDOW[1], int(height) + 300))
                element = self.driver.execute_script(
                    "const c = window.jupyterapp.shell.currentWidget.content.widgets[arguments[0]];"
                    "c.node.scrollIntoView({block: 'start'}); return c.node;", index)
                path = directory / (f"{name}.png" if name else f"cell-{index:02d}.png")
                element.screenshot(str(path))
                paths.append(path)
        finally:
            self.driver.set_window_size(*WINDOW)
        return paths

    def screenshot(self, path):
        pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(path))
        return pathlib.Path(path)
