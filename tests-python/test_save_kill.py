"""`save` never damages what was saved: nb-run saves a large session over the same file
again and again and is killed with SIGKILL at random moments; after each kill the file
is either absent (no save had finished yet) or a complete session that `restore` reads,
holding the value of one of the saves that had started. Temporary files of a killed
save are removed by the next save to the same path (issue 10, item 7)."""
import json
import os
import pathlib
import random
import signal
import subprocess
import time

import numpy as np

from test_nbrun_ipynb import nb_run_binary

SAVES = 40
KILLS = 12


def saving_notebook(target: pathlib.Path) -> str:
    # 600×500 numbers: a file of about 6 MB, so that a save takes long enough to be
    # interrupted in the middle (writing, flushing or renaming).
    cells = ["seed 7\ntensor big = randn(600, 500);"]
    for k in range(1, SAVES + 1):
        cells.append(f"tensor k = {k}\nsave \"{target}\"")
    return "".join(f"# %%\n{c}\n" for c in cells)


def run_and_kill(notebook: pathlib.Path, delay: float, during_write: bool) -> bool:
    """Runs the notebook and kills it after `delay` seconds, or, with `during_write`,
    `delay` seconds after a save's temporary file appears (the moments when the bytes are
    written, flushed and renamed: most of a save is encoding, and a kill at a random
    moment rarely lands there). Returns whether a temporary file was seen."""
    process = subprocess.Popen([nb_run_binary(), "--color", "never", str(notebook)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = False
    if during_write:
        deadline = time.monotonic() + 60
        while not seen and time.monotonic() < deadline and process.poll() is None:
            seen = any(p.name.startswith(".session.json.netbook-save-") for p in notebook.parent.iterdir())
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return seen


def restore_and_print(target: pathlib.Path, tmp_path: pathlib.Path) -> subprocess.CompletedProcess:
    check = tmp_path / "check.txt"
    check.write_text(f"restore \"{target}\"\nprint k\nprint sum(big)\n")
    return subprocess.run([nb_run_binary(), "--color", "never", str(check)],
                          capture_output=True, text=True, timeout=120)


def test_kill_9_during_saves_never_leaves_a_damaged_file(tmp_path):
    target = tmp_path / "session.json"
    notebook = tmp_path / "saves.txt"
    notebook.write_text(saving_notebook(target))
    rng = random.Random(20261203)
    seen_values = set()
    caught_writing = 0
    for attempt in range(KILLS):
        during_write = attempt % 2 == 1
        delay = rng.uniform(0, 0.02) if during_write else rng.uniform(0.3, 4.0)
        caught_writing += run_and_kill(notebook, delay, during_write)
        if not target.exists():
            continue
        # The file is complete JSON written by NetBook…
        saved = json.loads(target.read_text())
        assert saved["format"] == "netbook-session"
        names = {t["name"]: saved["nodes"][t["node"]] for t in saved["tensors"]}
        k = names["k"]["value"]["data"][0]
        assert 1 <= k <= SAVES
        seen_values.add(k)
        # …and restore reads it: k is the saved one, big sums as numpy sums the file's numbers.
        result = restore_and_print(target, tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = [l for l in result.stdout.splitlines() if l.strip() and not l.startswith(("In [", "   ..."))]
        assert f"restored {target}" in result.stdout
        printed = [l for l in lines if not l.startswith("restored")]
        assert float(printed[0]) == k
        expected = np.sum(np.array(names["big"]["value"]["data"], dtype=np.float64))
        assert abs(float(printed[1]) - expected) <= 1e-3 * max(1.0, abs(expected))
    assert seen_values, "no save finished before a kill: the delays are too short for this machine"
    assert caught_writing >= KILLS // 2 - 1, "the kills meant for the write phase never saw a temporary file"
    # Killed saves may have left temporaries; the next save removes those of dead processes.
    one = tmp_path / "one.txt"
    one.write_text(f"tensor k = 0\nsave \"{target}\"\n")
    subprocess.run([nb_run_binary(), "--color", "never", str(one)], check=True, capture_output=True, timeout=120)
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".session.json."))
    assert leftovers == []


def test_save_refuses_devices_fifos_and_directories(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    notebook = tmp_path / "refuse.txt"
    cells = [f"tensor x = [1]\nsave \"{p}\"" for p in ("/dev/null", fifo, tmp_path)]
    cells.append("print \"still here\", x")
    notebook.write_text("".join(f"# %%\n{c}\n" for c in cells))
    result = subprocess.run([nb_run_binary(), "--color", "never", "--keep-going", str(notebook)],
                            capture_output=True, text=True, timeout=60)
    out = result.stdout
    assert "cannot write '/dev/null': it is a device, not a regular file" in out
    assert f"cannot write '{fifo}': it is a FIFO (named pipe), not a regular file" in out
    assert f"cannot write '{tmp_path}': it is a directory, not a regular file" in out
    assert "still here 1" in out
    assert stat_is_fifo(fifo)
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def stat_is_fifo(path: pathlib.Path) -> bool:
    import stat
    return stat.S_ISFIFO(os.stat(path).st_mode)
