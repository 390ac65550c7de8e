"""nb-run with no notebook on a terminal is a REPL: multi-line cells while a bracket is
open, one session kept across cells, errors with a caret, Ctrl-C stops a long train, Ctrl-D exits with status 0."""
import os
import pty
import select
import time

from test_nbrun_ipynb import nb_run_binary


def read_until(fd, marker, timeout=10.0):
    out = b""
    end = time.time() + timeout
    while marker.encode() not in out and time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out.decode()


def spawn_repl():
    """nb-run with no argument on a pseudo-terminal: (pid, terminal fd)."""
    binary = nb_run_binary()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "--color", "never"])
    return pid, fd


def test_repl_session():
    pid, fd = spawn_repl()
    try:
        assert "In [1]: " in read_until(fd, "In [1]: ")
        os.write(fd, b"tensor x = [[1, 2],\n")
        assert "...: " in read_until(fd, "...: "), "an open bracket continues the cell"
        os.write(fd, b"[3, 4]]\n")
        shown = read_until(fd, "In [2]: ")
        assert "x (2×2)" in shown and "3.0000  4.0000" in shown
        os.write(fd, b"x @ x\n")
        shown = read_until(fd, "In [3]: ")
        assert "15.0000  22.0000" in shown, "x is still defined: one session"
        os.write(fd, b"tensor y = nope\n")
        shown = read_until(fd, "In [4]: ")
        assert "unknown name 'nope'" in shown and "^^^^" in shown
        os.write(fd, b"\x04")
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    finally:
        os.close(fd)


def test_repl_exit_ends_the_session():
    """`exit` (or `quit`), as in IPython, ends the REPL with status 0."""
    pid, fd = spawn_repl()
    try:
        read_until(fd, "In [1]: ")
        os.write(fd, b"quit\n")
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    finally:
        os.close(fd)


def test_ctrl_c_stops_a_long_train_and_the_repl_goes_on():
    """Ctrl-C at the terminal (SIGINT) stops `train` at a step boundary with a
    KeyboardInterrupt, keeps the steps done so far, and returns to the prompt."""
    pid, fd = spawn_repl()
    try:
        read_until(fd, "In [1]: ")
        for n, line in enumerate([b"seed 1", b"dataset s = spiral(n: 300, classes: 3)",
                                  b"layer h = dense(2 -> 64, relu)", b"layer o = dense(64 -> 3, softmax)",
                                  b"loss cross_entropy"], start=2):
            os.write(fd, line + b"\n")
            read_until(fd, f"In [{n}]: ")
        os.write(fd, b"train s.x, s.y, epochs: 1000000, batch: 10\n")
        time.sleep(1.0)
        os.write(fd, b"\x03")   # the terminal turns Ctrl-C into SIGINT
        shown = read_until(fd, "In [7]: ", timeout=20)
        assert "KeyboardInterrupt: line 1, column 1: train interrupted after step" in shown, shown[-800:]
        steps = int(shown.split("interrupted after step ")[1].split()[0])
        assert steps > 0
        os.write(fd, b"show history\n")
        shown = read_until(fd, "In [8]: ")
        # Shown as a tensor when long, as a table of steps when short (a busy machine may
        # get fewer than NetworkViews.maxTableCells / 2 steps done in the second).
        steps_part = shown.split("loss per epoch")[0]
        assert f"loss history ({steps}×1)" in steps_part or f"({steps} rows;" in steps_part, \
            "the history keeps every completed step"
        os.write(fd, b"\x04")
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    finally:
        os.close(fd)
