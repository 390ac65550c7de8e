"""`nb-kernel install`: the kernel lands where Jupyter looks, as a copy that survives the
checkout it was built in, and Jupyter starts it from there."""
import json
import os
import pathlib
import shutil
import subprocess
import sys

import numpy as np
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

from conftest import run_cell
from test_stdio import nb_kernel_binary

# The lesson 03 network before any update (notebooks/03-backprop-by-hand.txt).
LESSON_FORWARD = """precision 8
tensor x = [0.1, 0.2]
tensor t = [0.4, 0.6]
layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
loss half_sse
forward x, t"""


def lesson_loss_text():
    """The loss LESSON_FORWARD prints, computed with numpy."""
    sigmoid = lambda z: 1 / (1 + np.exp(-z))
    x, t = np.array([0.1, 0.2]), np.array([0.4, 0.6])
    o = sigmoid(sigmoid(x @ np.array([[0.30, 0.40], [0.25, 0.35]])) @ np.array([[0.45, 0.70], [0.40, 0.60]]))
    return f"half_sse  {0.5 * np.sum((t - o) ** 2):.8f}"


def install(*args, env=None, binary=None):
    return subprocess.run([binary or nb_kernel_binary(), "install", *args], capture_output=True, text=True,
                          env=env or os.environ.copy(), timeout=60)


def spec_of(prefix, name="netbook"):
    return KernelSpecManager(kernel_dirs=[str(pathlib.Path(prefix) / "share/jupyter/kernels")]).get_kernel_spec(name)


def start_kernel(prefix):
    km = KernelManager(kernel_name="netbook")
    km.kernel_spec_manager = KernelSpecManager(kernel_dirs=[str(pathlib.Path(prefix) / "share/jupyter/kernels")])
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    return km, kc


def stop_kernel(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def text_outputs(messages):
    return "\n".join(m["content"]["data"]["text/plain"] for m in messages
                     if m["msg_type"] in ("execute_result", "display_data"))


def test_user_install_copies_the_kernel_into_the_kernelspec(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path))
    env.pop("XDG_DATA_HOME", None)
    result = install("--user", env=env)
    assert result.returncode == 0, result.stderr
    spec_dir = tmp_path / ".local/share/jupyter/kernels/netbook"
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert spec["argv"] == [str(spec_dir / "nb-kernel"), "-f", "{connection_file}"]
    assert os.access(spec["argv"][0], os.X_OK)
    assert (spec["display_name"], spec["language"], spec["interrupt_mode"]) == ("NetBook", "netbook", "message")
    assert (spec_dir / "logo-64x64.png").exists()
    assert f"Installed kernelspec netbook in {spec_dir}" in result.stdout
    assert "jupyter kernelspec uninstall netbook" in result.stdout


def test_the_installed_kernel_runs_after_the_built_binary_is_gone(tmp_path):
    """The checkout is cleaned (or moved) after `make run`: Jupyter still starts the kernel."""
    build = tmp_path / "checkout/.build"
    build.mkdir(parents=True)
    shutil.copy2(nb_kernel_binary(), build / "nb-kernel")
    prefix = tmp_path / "prefix"
    result = install("--prefix", str(prefix), binary=str(build / "nb-kernel"))
    assert result.returncode == 0, result.stderr
    shutil.rmtree(tmp_path / "checkout")

    assert spec_of(prefix).argv[0] == str(prefix / "share/jupyter/kernels/netbook/nb-kernel")
    km, kc = start_kernel(prefix)
    try:
        reply, messages = run_cell(kc, LESSON_FORWARD)
        assert reply["content"]["status"] == "ok"
        assert lesson_loss_text() in text_outputs(messages)
    finally:
        stop_kernel(km, kc)


def test_reinstalling_replaces_the_binary_without_breaking_a_running_kernel(tmp_path):
    """The new binary is renamed over the old one: writing into the file a kernel runs
    from would fail (ETXTBSY) or corrupt it."""
    prefix = tmp_path / "prefix"
    assert install("--prefix", str(prefix)).returncode == 0
    binary = prefix / "share/jupyter/kernels/netbook/nb-kernel"
    km, kc = start_kernel(prefix)
    try:
        before = binary.stat().st_ino
        result = install("--prefix", str(prefix))
        assert result.returncode == 0, result.stderr
        assert binary.stat().st_ino != before
        assert [p.name for p in binary.parent.iterdir() if p.name.startswith(".")] == []
        reply, messages = run_cell(kc, LESSON_FORWARD)
        assert reply["content"]["status"] == "ok" and lesson_loss_text() in text_outputs(messages)
    finally:
        stop_kernel(km, kc)
    km, kc = start_kernel(prefix)
    try:
        reply, messages = run_cell(kc, LESSON_FORWARD)
        assert lesson_loss_text() in text_outputs(messages)
    finally:
        stop_kernel(km, kc)


def test_the_installed_copy_can_reinstall_itself(tmp_path):
    prefix = tmp_path / "prefix"
    assert install("--prefix", str(prefix)).returncode == 0
    spec_dir = prefix / "share/jupyter/kernels/netbook"
    again = install("--prefix", str(prefix), "--display-name", "NetBook 2", binary=str(spec_dir / "nb-kernel"))
    assert again.returncode == 0, again.stderr
    assert spec_of(prefix).display_name == "NetBook 2"
    assert (spec_dir / "logo-32x32.png").stat().st_size > 0 and os.access(spec_dir / "nb-kernel", os.X_OK)


def test_a_binary_with_logos_beside_it_installs_those(tmp_path):
    """hub/Dockerfile's last stage: the binary and the logos in one directory, no checkout."""
    stage = tmp_path / "stage"
    stage.mkdir()
    shutil.copy2(nb_kernel_binary(), stage / "nb-kernel")
    for name in ("logo-32x32.png", "logo-64x64.png"):
        (stage / name).write_bytes(b"stage " + name.encode())
    prefix = tmp_path / "conda"
    result = install("--prefix", str(prefix), binary=str(stage / "nb-kernel"))
    assert result.returncode == 0, result.stderr
    spec_dir = prefix / "share/jupyter/kernels/netbook"
    assert (spec_dir / "logo-64x64.png").read_bytes() == b"stage logo-64x64.png"
    assert (spec_dir / "nb-kernel").read_bytes() == (stage / "nb-kernel").read_bytes()


def test_prefix_install_is_found_by_jupyter_client(tmp_path):
    result = install("--prefix", str(tmp_path), "--name", "netbook-dev", "--display-name", "NetBook (dev)")
    assert result.returncode == 0, result.stderr
    spec = spec_of(tmp_path, "netbook-dev")
    assert spec.display_name == "NetBook (dev)" and spec.language == "netbook"
    assert spec.argv[0] == str(tmp_path / "share/jupyter/kernels/netbook-dev/nb-kernel")


def test_jupyter_kernelspec_uninstall_removes_everything(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path))
    env.pop("XDG_DATA_HOME", None)
    env.pop("JUPYTER_DATA_DIR", None)
    env["JUPYTER_PREFER_ENV_PATH"] = "0"   # the user directory before this venv's kernels
    assert install("--user", env=env).returncode == 0
    kernels = tmp_path / ".local/share/jupyter/kernels"
    jupyter = pathlib.Path(sys.executable).parent / "jupyter-kernelspec"
    result = subprocess.run([str(jupyter), "uninstall", "-y", "netbook"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert str(kernels / "netbook") in result.stdout + result.stderr
    assert list(kernels.iterdir()) == []


def test_sys_prefix_is_the_environment_of_python3_on_the_path(tmp_path):
    """In a Jupyter Docker image no environment is activated: python3's sys.prefix counts.
    (A stand-in python3 answers the question, so nothing lands in a real environment.)"""
    environment = tmp_path / "conda"
    bin_dir = environment / "bin"
    bin_dir.mkdir(parents=True)
    python3 = bin_dir / "python3"
    python3.write_text(f'#!/bin/sh\n[ "$1 $2" = "-c import sys; print(sys.prefix)" ] && echo {environment}\n')
    python3.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "CONDA_PREFIX")}
    env["PATH"] = str(bin_dir)
    result = install("--sys-prefix", env=env)
    assert result.returncode == 0, result.stderr
    assert spec_of(environment).argv[0] == str(environment / "share/jupyter/kernels/netbook/nb-kernel")


def test_sys_prefix_follows_virtual_env(tmp_path):
    env = dict(os.environ, VIRTUAL_ENV=str(tmp_path))
    result = install("--sys-prefix", env=env)
    assert result.returncode == 0, result.stderr
    assert spec_of(tmp_path).argv[0] == str(tmp_path / "share/jupyter/kernels/netbook/nb-kernel")


def test_sys_prefix_without_an_environment_says_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "CONDA_PREFIX")}
    env["PATH"] = str(tmp_path)   # no python3 either
    result = install("--sys-prefix", env=env)
    assert result.returncode != 0
    assert "VIRTUAL_ENV" in result.stderr and "python3" in result.stderr and "--prefix" in result.stderr
