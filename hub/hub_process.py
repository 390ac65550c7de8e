"""The JupyterHub process of `make hub-test` and its REST API, called as the class-test
service (hub/jupyterhub_config.py gives that service its token and scopes)."""
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from importlib.metadata import version

import psutil
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HubProcess:
    def __init__(self, state, config, service_token):
        self.state, self.config, self.service_token = state, config, service_token
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = state / "jupyterhub.log"
        self.process = None
        self.class_started = time.monotonic()

    def start(self):
        env = dict(os.environ,
                   NETBOOK_HUB_STATE=str(self.state), NETBOOK_HUB_PORT=str(self.port),
                   NETBOOK_HUB_INTERNAL_PORT=str(free_port()), NETBOOK_HUB_PROXY_API_PORT=str(free_port()),
                   NETBOOK_HUB_SERVICE_TOKEN=self.service_token)
        # The hub's environment is the one this script runs in (.venv-hub): its bin first,
        # so the hub finds configurable-http-proxy and jupyterhub-singleuser.
        env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(self.config)], cwd=self.state, env=env,
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    async def wait_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                await self.api("GET", "/")
                return
            except (ConnectionError, OSError, HTTPClientError):
                await asyncio.sleep(0.5)
        raise TimeoutError(f"JupyterHub did not answer within {timeout} s:\n{self.log_tail()}")

    async def api(self, method, path, body=None, token=None):
        """The hub's REST API (/hub/api/...) as the service, or as a user with `token`."""
        return await self.get_json(self.url + "hub/api" + path, token or self.service_token, method, body)

    async def get_json(self, url, token, method="GET", body=None):
        request = HTTPRequest(url, method=method, headers={"Authorization": f"token {token}"},
                              body=None if body is None and method == "GET" else json.dumps(body or {}),
                              request_timeout=600)
        try:
            response = await AsyncHTTPClient().fetch(request)
        except HTTPClientError as error:
            detail = error.response.body.decode(errors="replace")[:500] if error.response else ""
            raise HTTPClientError(error.code, f"{method} {url}: {detail}") from None
        return json.loads(response.body) if response.body else None

    async def versions(self):
        hub = (await self.api("GET", "/"))["version"]
        packages = ["configurable-http-proxy", "jupyter_server", "jupyterlab", "tornado"]
        return {"jupyterhub": hub, **{name: version(name) for name in packages}, "python": sys.version.split()[0]}

    def processes(self):
        """The hub and everything it started (proxy, servers, kernels)."""
        try:
            hub = psutil.Process(self.process.pid)
            return [hub] + hub.children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def stop(self):
        """SIGTERM: the hub stops every server and the proxy (cleanup_servers); whatever
        of its processes is still there 60 s later is killed, by its pid."""
        if self.process is None:
            return
        started = self.processes()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                pass
        for process in started:
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass

    def log_tail(self, lines=40):
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
