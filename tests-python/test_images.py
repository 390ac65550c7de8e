"""Pictures through a real Jupyter client: `show image`, `show mistakes`, `show confusion`
and `show weights … as images` send image/svg+xml (well-formed, one square per pixel)
with the text drawing as text/plain, and no text/html (JupyterLab would show it instead).
Which answers are wrong is computed again with numpy."""
import json
import xml.etree.ElementTree as ET

import numpy as np

from conftest import run_cell

SVG = "{http://www.w3.org/2000/svg}"


def displayed(messages):
    return [m["content"]["data"] for m in messages if m["msg_type"] in ("execute_result", "display_data")]


def pixels(svg):
    root = ET.fromstring(svg)
    return [r for r in root.iter(SVG + "rect") if r.get("class") == "px"]


def test_show_image_sends_an_svg_and_a_text_drawing(kernel):
    _, kc = kernel
    values = [16 if (r + c) % 2 == 0 else 0 for r in range(8) for c in range(8)]
    reply, messages = run_cell(kc, f"show image {json.dumps(values)}")
    assert reply["content"]["status"] == "ok"
    [data] = displayed(messages)
    assert "text/html" not in data
    cells = pixels(data["image/svg+xml"])
    assert len(cells) == 64
    # A checkerboard: ink (black) where the value is 16, paper (white) where it is 0.
    assert [c.get("fill") for c in cells] == ["#000000" if v == 16 else "#ffffff" for v in values]
    lines = data["text/plain"].splitlines()
    assert lines[0].endswith(": 8×8, grey from 0 (' ') to 16 ('@')")
    assert lines[2] == "|" + "".join("@@" if v else "  " for v in values[:8]) + "|"


def test_too_large_an_image_is_an_error_and_the_kernel_goes_on(kernel):
    _, kc = kernel
    reply, _ = run_cell(kc, "show image zeros(100, 100)")
    assert reply["content"]["status"] == "error"
    assert "too large to draw: at most 64×64" in reply["content"]["evalue"]
    assert run_cell(kc, "show image eye(4)")[0]["content"]["status"] == "ok"


WEIGHTS = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.5, 0.0, 1.0], [0.0, 0.5, 1.0]])
X = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 1], [1, 1, 1, 1], [0, 0, 1, 0], [1, 1, 0, 0]], dtype=float)
T = np.array([1, 2, 3, 3, 1, 2])


def setup(kc):
    code = (f"layer out = dense(4 -> 3, softmax, bias: false, weights: {json.dumps(WEIGHTS.tolist())})\n"
            f"tensor X = {json.dumps(X.tolist())};\ntensor T = {json.dumps([[int(t)] for t in T])};")
    assert run_cell(kc, code)[0]["content"]["status"] == "ok"


def test_mistakes_show_the_rows_numpy_finds_wrong(kernel):
    _, kc = kernel
    setup(kc)
    predicted = np.argmax(X @ WEIGHTS, axis=1) + 1
    wrong = [i for i in range(len(T)) if predicted[i] != T[i]]
    assert wrong, "the example must have mistakes"
    reply, messages = run_cell(kc, "show mistakes X, T, shape: [2, 2]")
    assert reply["content"]["status"] == "ok"
    [data] = displayed(messages)
    svg = ET.fromstring(data["image/svg+xml"])
    assert len([r for r in svg.iter(SVG + "rect") if r.get("class") == "px"]) == 4 * len(wrong)
    captions = [f"row {i + 1}: {T[i]} → {predicted[i]}" for i in wrong]
    texts = [t.text for t in svg.iter(SVG + "text")]
    assert all(c in texts for c in captions), (captions, texts)
    assert all(c in data["text/plain"] for c in captions)
    assert f"{len(wrong)} of {len(T)} wrong" in data["text/plain"]


def test_confusion_counts_match_numpy_and_name_their_axes(kernel):
    _, kc = kernel
    setup(kc)
    predicted = np.argmax(X @ WEIGHTS, axis=1)
    counts = np.zeros((3, 3), dtype=int)
    for t, p in zip(T - 1, predicted):
        counts[t, p] += 1
    reply, messages = run_cell(kc, "show confusion X, T")
    assert reply["content"]["status"] == "ok"
    [data] = displayed(messages)
    form = data["application/vnd.netbook+json"]
    assert form["counts"] == counts.tolist()
    assert form["axes"] == ["true", "predicted"]
    texts = [t.text for t in ET.fromstring(data["image/svg+xml"]).iter(SVG + "text")]
    assert "true" in texts and "predicted" in texts
    assert "true \\ predicted" in data["text/plain"]


def test_weights_as_images_one_tile_per_unit(kernel):
    _, kc = kernel
    setup(kc)
    reply, messages = run_cell(kc, "show weights out as images")
    assert reply["content"]["status"] == "ok"
    [data] = displayed(messages)
    assert len(pixels(data["image/svg+xml"])) == WEIGHTS.size
    tiles = data["application/vnd.netbook+json"]["tiles"]
    assert [np.array(t["data"]).ravel().tolist() for t in tiles] == WEIGHTS.T.tolist()
