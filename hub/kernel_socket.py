"""A kernel of a Jupyter server, driven through the server's REST and websocket API as
JupyterLab drives it: POST /api/kernels starts one, /api/kernels/ID/channels carries the
Jupyter messages as JSON (each with its "channel"). Tornado's client, which JupyterHub
already depends on.

    kernel = await KernelSocket.start("http://127.0.0.1:8000/user/ana/", token, "netbook")
    reply, outputs = await kernel.execute("precision 8")
"""
import asyncio
import datetime
import json
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect


class KernelSocket:
    def __init__(self, server_url, token, kernel_id, socket, session):
        self.server_url, self.token, self.kernel_id, self.socket = server_url, token, kernel_id, socket
        self.session = session

    @classmethod
    async def start(cls, server_url, token, kernel_name, timeout=120):
        response = await AsyncHTTPClient().fetch(HTTPRequest(
            server_url + "api/kernels", method="POST", body=json.dumps({"name": kernel_name}),
            headers=auth(token), request_timeout=timeout))
        kernel_id = json.loads(response.body)["id"]
        session = uuid.uuid4().hex   # the client's session, as JupyterLab names it in the URL
        ws_url = server_url.replace("http", "ws", 1) + f"api/kernels/{kernel_id}/channels?session_id={session}"
        socket = await websocket_connect(HTTPRequest(ws_url, headers=auth(token), request_timeout=timeout),
                                         max_message_size=64 << 20)
        return cls(server_url, token, kernel_id, socket, session)

    def message(self, msg_type, content, channel="shell"):
        return {
            "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": self.session,
                       "username": "class-test", "version": "5.3",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": [],
        }

    async def execute(self, code, timeout=120):
        """Runs one cell; returns (execute_reply content, outputs as nbformat stores them)."""
        request = self.message("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        msg_id = request["header"]["msg_id"]
        await self.socket.write_message(json.dumps(request))
        reply, idle, outputs = None, False, []
        while reply is None or not idle:
            raw = await asyncio.wait_for(self.socket.read_message(), timeout)
            if raw is None:
                raise ConnectionError("the kernel's websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if msg["channel"] == "shell" and kind == "execute_reply":
                reply = content
            elif kind == "status":
                idle = content["execution_state"] == "idle"
            elif kind == "stream":
                outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
            elif kind in ("execute_result", "display_data"):
                outputs.append({"output_type": kind, "data": content["data"]})
            elif kind == "error":
                outputs.append({"output_type": "error", "ename": content["ename"], "evalue": content["evalue"]})
            elif kind == "clear_output":
                outputs.clear()
        return reply, outputs


def auth(token):
    return {"Authorization": f"token {token}"}

