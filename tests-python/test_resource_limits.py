"""Issue 10 through a real Jupyter client: allocations beyond the session's memory budget
and hostile data files give error replies (with the text a student reads), and the
kernel — the same process — runs the next cell with its session intact."""
import pathlib

from conftest import run_cell


def error_of(reply):
    assert reply["content"]["status"] == "error", reply["content"]
    return reply["content"]["ename"], reply["content"]["evalue"]


def stream_text(messages):
    return "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")


def test_zeros_beyond_the_budget_is_an_error_and_the_kernel_goes_on(kernel):
    """The first reproducer: the 10th `tensor zN = zeros(50000000, 1)` aborted the kernel.
    With a 500 MB budget the second is already refused, before it allocates."""
    km, kc = kernel
    pid_before = km.provisioner.process.pid
    reply, _ = run_cell(kc, "memory 500MB")
    assert reply["content"]["status"] == "ok"
    reply, _ = run_cell(kc, "tensor z1 = zeros(50000000, 1);", timeout=60)
    assert reply["content"]["status"] == "ok"
    for n in range(2, 11):
        reply, _ = run_cell(kc, f"tensor z{n} = zeros(50000000, 1);", timeout=60)
        ename, evalue = error_of(reply)
        assert ename == "LimitError"
        assert "zeros(50000000, 1) needs 400.0 MB, but only 100.0 MB of the session's 500.0 MB memory budget is left" in evalue
    reply, messages = run_cell(kc, 'print "alive", z1[50000000, 1] + 1')
    assert reply["content"]["status"] == "ok"
    assert stream_text(messages) == "alive 1.0000\n"   # precision 4
    assert km.is_alive() and km.provisioner.process.pid == pid_before


def test_hostile_csv_files_are_located_errors(kernel, tmp_path: pathlib.Path):
    km, kc = kernel
    (tmp_path / "hex.csv").write_bytes(b"a,b\n1,0x10\n")
    (tmp_path / "nul.csv").write_bytes(b"a,b\n1,2\x00\n")
    (tmp_path / "cr.csv").write_bytes(b"x,label\r1,2\r3,1\r")
    (tmp_path / "long.csv").write_bytes(b"a,b\n" + b"1," * 2_000_000)
    cases = {
        "hex.csv": "row 1, column 2 (hex.csv:2:3): '0x10' is not a number",
        "nul.csv": "row 1, column 2 (nul.csv:2:3): '2\\0' is not a number",
        "long.csv": "line 2 of long.csv is longer than 1.0 MB (the limit for one row); is it a CSV file with one row per line?",
    }
    for name, message in cases.items():
        reply, _ = run_cell(kc, f'load d = csv("{tmp_path / name}")')
        ename, evalue = error_of(reply)
        assert (ename, message in evalue) == ("FileError", True), evalue
    reply, messages = run_cell(kc, f'load c = csv("{tmp_path / "cr.csv"}", label: "label")\nprint c.x.T')
    assert reply["content"]["status"] == "ok"
    assert "1.0000  3.0000" in stream_text(messages)
    assert km.is_alive()
