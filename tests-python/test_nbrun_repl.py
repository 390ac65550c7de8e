"""nb-run with no notebook on a terminal is a REPL: multi-line cells while a bracket is
open, one session kept across cells, errors with a caret, Ctrl-D exits with status 0."""
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
