"""`make hub-test`: a class on a real JupyterHub. Starts JupyterHub (hub/jupyterhub_config.py:
DummyAuthenticator, SimpleLocalProcessSpawner, PyPI's configurable-http-proxy), creates N
users and an API token for each through the hub's REST API, starts every user's server,
and runs a lesson's code cells in a NetBook kernel of each server through the server's
kernel API (REST + websocket), all users at once. Each user's outputs must equal the ones
stored in the notebook and contain the lesson's figure. Prints the time to all done, the
memory of each user's kernel and server, and the failures; exits 1 if any user failed.

    .venv-hub/bin/python hub/class_test.py --users 20 notebooks/03-backprop-by-hand.ipynb
"""
import argparse
import asyncio
import difflib
import json
import pathlib
import secrets
import shutil
import tempfile
import time
import traceback

from tornado.httpclient import AsyncHTTPClient

from hub_process import HubProcess
from kernel_socket import KernelSocket
from report import Report, measure_memory

HERE = pathlib.Path(__file__).resolve().parent


def comparable(outputs):
    """What a reader sees of a cell's outputs, as tests-python/test_notebooks_nbclient.py
    compares them: each output's kind and text, consecutive pieces of one stream joined,
    displays without data left out."""
    result = []
    for output in outputs:
        kind = output["output_type"]
        if kind == "stream":
            item = (kind, output["name"], "".join(output["text"]))
        elif kind == "error":
            item = (kind, output["ename"], output["evalue"])
        elif not output.get("data"):
            continue
        else:
            data = output["data"]
            text = data.get("text/plain")
            item = (kind, sorted(data), "".join(text) if isinstance(text, list) else text)
        if result and kind == "stream" and result[-1][:2] == item[:2]:
            result[-1] = (*item[:2], result[-1][2] + item[2])
        else:
            result.append(item)
    return result


def difference(stored, got, limit=20):
    """The first lines of a unified diff of two cells' outputs, stored first."""
    text = lambda items: "\n".join(str(part) for item in items for part in item).splitlines()
    lines = list(difflib.unified_diff(text(stored), text(got), "stored", "kernel", lineterm="", n=1))
    return "\n".join("    " + line for line in lines[:limit])


async def run_user(hub, name, cells, figure, kernel_name, result):
    """One student: a token, a server, the lesson in a kernel. Fills in `result`."""
    started = time.monotonic()
    token = (await hub.api("POST", f"/users/{name}/tokens", {"note": "class test", "expires_in": 3600}))["token"]
    await hub.api("POST", f"/users/{name}/server", token=token)
    while True:   # the server starts in the background; the hub says when it is ready
        server = (await hub.api("GET", f"/users/{name}", token=token))["servers"].get("", {})
        if server.get("ready"):
            break
        if not server.get("pending") and not server.get("ready") and time.monotonic() - started > 5:
            raise RuntimeError(f"the server of {name} stopped while starting (hub log: {hub.log_path})")
        await asyncio.sleep(0.5)
    result.spawn_seconds = time.monotonic() - started
    server_url = hub.url + server["url"].lstrip("/")
    specs = (await hub.get_json(server_url + "api/kernelspecs", token))["kernelspecs"]
    if kernel_name not in specs:
        raise RuntimeError(f"the server has no kernel '{kernel_name}' (it has {', '.join(sorted(specs))}); "
                           "install it with VIRTUAL_ENV=.venv-hub nb-kernel install --sys-prefix")
    result.kernel_argv0 = specs[kernel_name]["spec"]["argv"][0]

    lesson_started = time.monotonic()
    kernel = await KernelSocket.start(server_url, token, kernel_name)
    result.kernel_id = kernel.kernel_id
    texts = []
    for number, (source, stored) in enumerate(cells, start=1):
        reply, outputs = await kernel.execute(source)
        if reply["status"] != "ok":
            raise RuntimeError(f"cell {number}: {reply.get('ename')}: {reply.get('evalue')}")
        if comparable(outputs) != comparable(stored):
            raise RuntimeError(f"cell {number} ({source.splitlines()[0]}): the outputs differ from the stored ones:\n"
                               + difference(comparable(stored), comparable(outputs)))
        texts += [item[2] or "" for item in comparable(outputs)]
    if not any(figure in text for text in texts):
        raise RuntimeError(f"no output shows {figure}")
    result.lesson_seconds = time.monotonic() - lesson_started
    result.done_seconds = time.monotonic() - hub.class_started


async def run_class(args, hub):
    notebook = json.loads(pathlib.Path(args.notebook).read_text())
    cells = [("".join(c["source"]), c["outputs"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    names = [f"student{n:02d}" for n in range(1, args.users + 1)]
    report = Report(notebook=pathlib.Path(args.notebook).stem, cells=len(cells), users=names)

    await hub.wait_ready()
    hub.class_started = time.monotonic()
    await hub.api("POST", "/users", {"usernames": names})
    report.created_seconds = time.monotonic() - hub.class_started

    async def student(name):
        result = report.results[name]
        try:
            await run_user(hub, name, cells, args.figure, args.kernel, result)
        except Exception as error:   # one student's failure is reported, the class goes on
            result.failure = f"{type(error).__name__}: {error}"
            if args.verbose:
                traceback.print_exc()

    await asyncio.gather(*(student(name) for name in names))
    report.all_done_seconds = time.monotonic() - hub.class_started
    report.memory = measure_memory(hub, report)   # kernels still running, lesson in memory
    report.versions = await hub.versions()
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook", nargs="?", default=str(HERE.parent / "notebooks/03-backprop-by-hand.ipynb"))
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--figure", default="0.02323634", help="a number the lesson's outputs must show")
    parser.add_argument("--kernel", default="netbook", help="the kernelspec's name")
    parser.add_argument("--keep", action="store_true", help="keep the hub's directory (logs, homes)")
    parser.add_argument("--verbose", action="store_true", help="print each failure's traceback")
    args = parser.parse_args()

    AsyncHTTPClient.configure(None, max_clients=4 * args.users)
    state = pathlib.Path(tempfile.mkdtemp(prefix="netbook-hub-"))
    hub = HubProcess(state, HERE / "jupyterhub_config.py", service_token=secrets.token_hex(32))
    try:
        hub.start()
        report = asyncio.run(run_class(args, hub))
    finally:
        hub.stop()
        if args.keep:
            print(f"hub directory kept: {state}")
        else:
            shutil.rmtree(state, ignore_errors=True)
    print(report.text())
    raise SystemExit(1 if report.failures() else 0)


if __name__ == "__main__":
    main()
