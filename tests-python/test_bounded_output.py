"""Showing a huge tensor through nb-run is bounded in bytes (every MIME type of the
.ipynb it writes, and print's stream) and in memory, and still shows the right first and
last values: checked against numpy's linspace."""
import json
import subprocess
import sys
import textwrap

import numpy as np

from test_nbrun_ipynb import nb_run_binary

ROWS = 20_000_000
CELL = textwrap.dedent(f"""\
    tensor a = linspace(0, 1, {ROWS})
    print a
    show a
    """)

# The peak resident memory of one child process, measured in a process of its own so that
# other tests' children do not count (ru_maxrss of RUSAGE_CHILDREN is the largest child's).
PEAK_OF = textwrap.dedent("""\
    import resource, subprocess, sys
    result = subprocess.run(sys.argv[1:], capture_output=True)
    print(result.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    sys.stderr.write(result.stderr.decode(errors="replace"))
    """)


def run_with_peak(args):
    result = subprocess.run([sys.executable, "-c", PEAK_OF, *args], capture_output=True, text=True, timeout=600)
    code, peak_kb = result.stdout.split()
    return int(code), int(peak_kb) * 1024, result.stderr


def test_a_twenty_million_row_tensor_is_shown_in_bounded_bytes_and_memory(tmp_path):
    source = tmp_path / "big.txt"
    source.write_text(CELL)
    notebook = tmp_path / "big.ipynb"
    code, peak, stderr = run_with_peak([nb_run_binary(), "--to", "ipynb", "-o", str(notebook), str(source)])
    assert code == 0, stderr
    # The tensor itself is 160 MB of doubles; showing it must not build anything of its size
    # (before, its JSON form alone peaked at 9.4 GB).
    assert peak < 600 * 1024 * 1024, f"peak resident memory {peak / 2**20:.0f} MB"

    outputs = json.loads(notebook.read_text())["cells"][0]["outputs"]
    expected = np.linspace(0, 1, ROWS)
    edges = [0, 1, 2, ROWS - 3, ROWS - 2, ROWS - 1]
    shown = [o for o in outputs if o["output_type"] in ("execute_result", "display_data")]
    assert len(shown) == 2                              # tensor a = …, show a
    for output in shown:
        data = output["data"]
        for mime, value in data.items():
            text = value if isinstance(value, str) else "".join(value) if isinstance(value, list) else json.dumps(value)
            assert len(text.encode()) < 8_000, f"{mime}: {len(text)} bytes"
        form = data["application/vnd.netbook+json"]
        assert form["shape"] == [ROWS, 1]
        assert form["summarized"] is True
        assert form["rowIndex"] == [i + 1 for i in edges]
        assert form["colIndex"] == [1]
        np.testing.assert_allclose([row[0] for row in form["data"]], expected[edges], rtol=0, atol=1e-15)
        lines = data["text/plain"].splitlines() if isinstance(data["text/plain"], str) else "".join(data["text/plain"]).splitlines()
        assert lines[0] == f"a ({ROWS}×1)"
        # The values shown, as numpy shows them (scientific: 5e-08 is below 1e-4).
        numpy_text = np.array2string(expected[edges], precision=4, floatmode="fixed").strip("[]").split()
        assert [line.strip() for line in lines[1:]] == numpy_text[:3] + ["..."] + numpy_text[3:]

    streams = [o for o in outputs if o["output_type"] == "stream"]
    text = "".join("".join(s["text"]) if isinstance(s["text"], list) else s["text"] for s in streams)
    assert len(text.encode()) < 200, text           # before: 220 MB
    numpy_text = np.array2string(expected[edges], precision=4, floatmode="fixed").strip("[]").split()
    assert [line.strip() for line in text.splitlines()] == numpy_text[:3] + ["..."] + numpy_text[3:]
