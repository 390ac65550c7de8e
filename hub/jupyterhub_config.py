# JupyterHub configuration for `make hub-test` (hub/class_test.py writes the NETBOOK_HUB_*
# variables). A test class on one machine: DummyAuthenticator (any name, any password)
# and SimpleLocalProcessSpawner (every user's server runs as the hub's own Unix user,
# home /<dir>/<name>). Both are for testing only; a real class uses e.g. an OAuth
# authenticator and KubeSpawner (hub/README.md, "Zero to JupyterHub").
import os
import sys

c = get_config()  # noqa: F821  (JupyterHub provides it)

state = os.environ["NETBOOK_HUB_STATE"]            # a temporary directory, removed afterwards
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ["NETBOOK_HUB_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["NETBOOK_HUB_INTERNAL_PORT"])
c.JupyterHub.db_url = f"sqlite:///{state}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{state}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = f"{state}/jupyterhub.pid"

# The proxy: PyPI's configurable-http-proxy (a Python port of the Node.js one), from
# the same environment as the hub.
bin_dir = os.path.dirname(sys.executable)
c.ConfigurableHTTPProxy.command = [os.path.join(bin_dir, "configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['NETBOOK_HUB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.pid_file = f"{state}/proxy.pid"

c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = f"{state}/home/{{username}}"
c.Spawner.cmd = [os.path.join(bin_dir, "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
if os.getuid() == 0:
    c.Spawner.args = ["--allow-root"]   # jupyter_server refuses root otherwise
# Twenty servers starting at once on a small machine: give them time.
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600
c.JupyterHub.concurrent_spawn_limit = 0   # no limit

# The test's own client: a service whose token may create users, their tokens and
# their servers (the REST API an admin or a class-management tool uses).
c.JupyterHub.services = [{"name": "class-test", "api_token": os.environ["NETBOOK_HUB_SERVICE_TOKEN"]}]
c.JupyterHub.load_roles = [{
    "name": "class-test",
    "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
    "services": ["class-test"],
}]
