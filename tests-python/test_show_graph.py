"""`show graph` through the real kernel, as JupyterLab receives it: lesson 003's apple-and-
orange graph as an SVG with each arrow's value above it and, after `backward price`, the
gradient below it in red. The expected numbers come from the lesson's own MulLayer and
AddLayer, written out here in Python."""
import xml.etree.ElementTree as ET

from conftest import run_cell

SVG = "{http://www.w3.org/2000/svg}"
RED = "#c0392b"

APPLES = """tensor apple = 100
tensor apple_num = 2
tensor orange = 150
tensor orange_num = 3
tensor tax = 1.1
tensor apple_price = apple * apple_num
tensor orange_price = orange * orange_num
tensor all_price = apple_price + orange_price
tensor price = all_price * tax;"""


def lesson_003():
    """The lesson's forward and backward: each arrow's (value, gradient), top to bottom."""
    apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
    apple_price, orange_price = apple * apple_num, orange * orange_num
    all_price = apple_price + orange_price
    price = all_price * tax
    dprice = 1
    dall_price, dtax = dprice * tax, dprice * all_price             # MulLayer.backward
    dapple_price, dorange_price = dall_price * 1, dall_price * 1     # AddLayer.backward
    dapple, dapple_num = dapple_price * apple_num, dapple_price * apple
    dorange, dorange_num = dorange_price * orange_num, dorange_price * orange
    return [(apple, dapple), (apple_num, dapple_num), (apple_price, dapple_price),
            (orange, dorange), (orange_num, dorange_num), (orange_price, dorange_price),
            (all_price, dall_price), (tax, dtax), (price, dprice)]


def graph_drawing(kc, code):
    reply, outputs = run_cell(kc, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    shown = [m["content"]["data"] for m in outputs if m["msg_type"] in ("display_data", "execute_result")]
    drawing = shown[-1]
    # JupyterLab shows the SVG: no text/html to outrank it; the text twin for consoles.
    assert "text/html" not in drawing and "text/plain" in drawing
    return drawing, ET.fromstring(drawing["image/svg+xml"])


def texts(svg, red):
    return ["".join(e.itertext()) for e in svg.iter(f"{SVG}text") if (e.get("fill") == RED) == red]


def test_before_backward_the_arrows_carry_only_their_values(kernel):
    _, kc = kernel
    drawing, svg = graph_drawing(kc, "precision 1\n" + APPLES + "\nshow graph price")
    assert texts(svg, red=True) == []
    values = {f"{v:.1f}" for v, _ in lesson_003()}
    assert values <= set(texts(svg, red=False))
    assert "backward price adds the gradients" in drawing["text/plain"]


def test_after_backward_each_arrow_carries_the_lessons_gradient_below_it(kernel):
    _, kc = kernel
    drawing, svg = graph_drawing(kc, "precision 1\n" + APPLES + "\nbackward price;\nshow graph price")
    arrows = svg.findall(f".//{SVG}polyline")
    assert len(arrows) == len(lesson_003())
    # Each arrow's value sits above it and its gradient, in red, below it: pair them by height.
    numbers = [(float(e.get("y")), float(e.get("x")), "".join(e.itertext()), e.get("fill") == RED)
               for e in svg.iter(f"{SVG}text") if "".join(e.itertext()).replace(".", "").isdigit()]
    pairs = set()
    for y, x, value, red in numbers:
        if red:
            continue
        below = [g for gy, gx, g, r in numbers if r and abs(gx - x) < 1 and 0 < gy - y < 30]
        assert len(below) == 1, (value, below)
        pairs.add((value, below[0]))
    assert pairs == {(f"{v:.1f}", f"{g:.1f}") for v, g in lesson_003()}
    assert "apple_num ---" in drawing["text/plain"] and "<- 110.0" in drawing["text/plain"]


def test_the_json_form_carries_what_each_arrow_carries_back(kernel):
    _, kc = kernel
    drawing, _ = graph_drawing(kc, APPLES + "\ntensor twice = price * price\nbackward twice;\nshow graph twice")
    nodes = drawing["application/vnd.netbook+json"]["nodes"]
    twice = next(n for n in nodes if n["name"] == "twice")
    price = (100 * 2 + 150 * 3) * 1.1  # 715.0000000000001 in binary floating point, as the kernel has it
    # d(twice)/d(price) along each of the two arrows is the other factor; their sum is 2·price.
    assert [g["data"][0][0] for g in twice["inputGrads"]] == [price, price]
    assert next(n for n in nodes if n["name"] == "price")["grad"]["data"][0][0] == 2 * price
    assert next(n for n in nodes if n["name"] == "apple")["inputGrads"] is None
