"""What `make hub-test` found: per user, and the class's summary as an aligned table."""
import dataclasses
import os
import statistics

import psutil


@dataclasses.dataclass
class UserResult:
    name: str
    spawn_seconds: float = None     # token request to server ready
    lesson_seconds: float = None    # kernel start to the last cell checked
    done_seconds: float = None      # since the class started
    kernel_id: str = None
    kernel_argv0: str = None
    kernel_rss: int = None          # bytes
    kernel_uss: int = None          # what the kernel alone holds (its binary's pages are shared)
    server_rss: int = None
    failure: str = None


@dataclasses.dataclass
class Report:
    notebook: str
    cells: int
    users: list
    results: dict = None
    created_seconds: float = None
    all_done_seconds: float = None
    memory: dict = None
    versions: dict = None

    def __post_init__(self):
        self.results = {name: UserResult(name) for name in self.users}

    def failures(self):
        return [r for r in self.results.values() if r.failure]

    def text(self):
        done = [r for r in self.results.values() if not r.failure]
        every = list(self.results.values())   # memory: every kernel that ran, failed or not
        argv0 = {r.kernel_argv0 for r in self.results.values() if r.kernel_argv0}
        lines = [f"NetBook on JupyterHub: {len(self.users)} users, each runs {self.notebook} "
                 f"({self.cells} code cells) in its own server and kernel, all at once",
                 "  " + ", ".join(f"{k} {v}" for k, v in (self.versions or {}).items()),
                 f"  kernel: {', '.join(sorted(argv0)) or '?'}",
                 "",
                 f"{'time (s)':<34}{'min':>8}{'median':>8}{'max':>8}",
                 row("server ready (token, spawn)", [r.spawn_seconds for r in done], "{:.1f}"),
                 row("lesson (kernel start to checked)", [r.lesson_seconds for r in done], "{:.1f}"),
                 row("user done, since the class start", [r.done_seconds for r in done], "{:.1f}"),
                 f"{'users and tokens created':<34}{self.created_seconds or 0:>8.1f}",
                 f"{'all done':<34}{self.all_done_seconds or 0:>8.1f}",
                 "",
                 f"{'memory (RSS, MB)':<34}{'min':>8}{'median':>8}{'max':>8}{'total':>8}",
                 row("nb-kernel, per user", [mb(r.kernel_rss) for r in every if r.kernel_rss], "{:.1f}", total=True),
                 row("nb-kernel USS, per user", [mb(r.kernel_uss) for r in every if r.kernel_uss], "{:.1f}", total=True),
                 row("single-user server, per user", [mb(r.server_rss) for r in every if r.server_rss], "{:.1f}", total=True),
                 row("kernel + server, per user", [mb(r.kernel_rss + r.server_rss) for r in every
                                                   if r.kernel_rss and r.server_rss], "{:.1f}", total=True)]
        for name, rss in (self.memory or {}).items():
            lines.append(f"{name:<34}{mb(rss):>8.1f}")
        failures = self.failures()
        lines += ["", f"failures: {len(failures)} of {len(self.users)}"]
        lines += [f"  {r.name}: {r.failure}" for r in failures]
        return "\n".join(lines)


def row(label, values, form, total=False):
    if not values:
        return f"{label:<34}{'-':>8}{'-':>8}{'-':>8}"
    cells = [min(values), statistics.median(values), max(values)] + ([sum(values)] if total else [])
    return f"{label:<34}" + "".join(f"{form.format(v):>8}" for v in cells)


def mb(size):
    return size / 1e6


def measure_memory(hub, report):
    """RSS (and USS) of each user's nb-kernel (found by its kernel id in the connection file name)
    and single-user server (the jupyterhub-singleuser process whose home is the user's),
    and of the hub and proxy; fills in the users' results, returns the hub's own."""
    by_kernel_id = {r.kernel_id: r for r in report.results.values() if r.kernel_id}
    homes = {str(hub.state / "home" / name): report.results[name] for name in report.users}
    shared = {"hub": 0, "proxy": 0}
    for process in hub.processes():
        try:
            cmdline = process.cmdline()
            rss = process.memory_info().rss
            if process.pid == hub.process.pid:
                shared["hub"] += rss
            elif any("configurable-http-proxy" in part for part in cmdline):
                shared["proxy"] += rss
            elif cmdline and os.path.basename(cmdline[0]) == "nb-kernel":
                user = next((r for kid, r in by_kernel_id.items() if any(kid in part for part in cmdline)), None)
                if user:
                    user.kernel_rss, user.kernel_uss = rss, process.memory_full_info().uss
            elif any("jupyterhub-singleuser" in part for part in cmdline):
                user = homes.get(process.environ().get("HOME", ""))
                if user:
                    user.server_rss = rss
        except psutil.NoSuchProcess:
            continue
    return {"JupyterHub (once)": shared["hub"], "configurable-http-proxy (once)": shared["proxy"]}
