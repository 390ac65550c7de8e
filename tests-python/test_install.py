"""`nb-kernel install`: the kernelspec lands where Jupyter looks, and Jupyter finds it."""
import json
import os
import subprocess

from jupyter_client.kernelspec import KernelSpecManager

from test_stdio import nb_kernel_binary


def install(*args, env=None):
    return subprocess.run([nb_kernel_binary(), "install", *args], capture_output=True, text=True,
                          env=env or os.environ.copy(), timeout=30)


def test_user_install_follows_home(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path))
    env.pop("XDG_DATA_HOME", None)
    result = install("--user", env=env)
    assert result.returncode == 0, result.stderr
    spec_dir = tmp_path / ".local/share/jupyter/kernels/netbook"
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert spec["argv"][1:] == ["-f", "{connection_file}"]
    assert os.path.isabs(spec["argv"][0]) and os.access(spec["argv"][0], os.X_OK)
    assert (spec["display_name"], spec["language"], spec["interrupt_mode"]) == ("NetBook", "netbook", "message")
    assert (spec_dir / "logo-64x64.png").exists()


def test_prefix_install_is_found_by_jupyter_client(tmp_path):
    result = install("--prefix", str(tmp_path), "--name", "netbook-dev", "--display-name", "NetBook (dev)")
    assert result.returncode == 0, result.stderr
    manager = KernelSpecManager(kernel_dirs=[str(tmp_path / "share/jupyter/kernels")])
    spec = manager.get_kernel_spec("netbook-dev")
    assert spec.display_name == "NetBook (dev)" and spec.language == "netbook"


def test_sys_prefix_without_an_environment_says_what_to_do():
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "CONDA_PREFIX")}
    result = install("--sys-prefix", env=env)
    assert result.returncode != 0
    assert "VIRTUAL_ENV" in result.stderr and "--prefix" in result.stderr
