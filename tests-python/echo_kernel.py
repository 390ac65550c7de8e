"""The smallest kernel that satisfies measure_kernel.py: raw pyzmq, no interpreter, each
reply built from a few dictionaries. Its round trip is mostly the client's own cost
(jupyter_client serialising, signing, polling and parsing), so measure_kernel.py runs it to
show how much of any kernel's figure is the client's.

    python tests-python/echo_kernel.py -f CONNECTION_FILE"""
import datetime
import hashlib
import hmac
import json
import sys
import uuid

import zmq

DELIM = b"<IDS|MSG>"


def main():
    with open(sys.argv[sys.argv.index("-f") + 1]) as f:
        info = json.load(f)
    key = info["key"].encode()
    session = uuid.uuid4().hex
    ctx = zmq.Context()
    url = f"{info['transport']}://{info['ip']}:"
    shell, control = ctx.socket(zmq.ROUTER), ctx.socket(zmq.ROUTER)
    iopub, hb = ctx.socket(zmq.PUB), ctx.socket(zmq.REP)
    for sock, port in [(shell, "shell_port"), (control, "control_port"), (iopub, "iopub_port"),
                       (hb, "hb_port")]:
        sock.bind(url + str(info[port]))
    stdin = ctx.socket(zmq.ROUTER)
    stdin.bind(url + str(info["stdin_port"]))

    def send(sock, idents, msg_type, content, parent):
        header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session,
                  "username": "echo", "date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
                  "version": "5.3"}
        parts = [json.dumps(p).encode() for p in (header, parent, {}, content)]
        sig = hmac.new(key, digestmod=hashlib.sha256)
        for p in parts:
            sig.update(p)
        sock.send_multipart(idents + [DELIM, sig.hexdigest().encode()] + parts)

    poller = zmq.Poller()
    for sock in (shell, control, hb):
        poller.register(sock, zmq.POLLIN)
    count = 0
    while True:
        for sock, _ in poller.poll():
            frames = sock.recv_multipart()
            if sock is hb:
                hb.send_multipart(frames)
                continue
            d = frames.index(DELIM)
            idents, parent = frames[:d], json.loads(frames[d + 2])
            content = json.loads(frames[d + 5])
            kind = parent["msg_type"]
            send(iopub, [b"status"], "status", {"execution_state": "busy"}, parent)
            if kind == "kernel_info_request":
                send(sock, idents, "kernel_info_reply",
                     {"status": "ok", "protocol_version": "5.3", "implementation": "echo",
                      "implementation_version": "0", "banner": "",
                      "language_info": {"name": "echo", "version": "0", "file_extension": ".txt",
                                        "mimetype": "text/plain"}}, parent)
            elif kind == "execute_request":
                count += 1
                send(iopub, [b"execute_input"], "execute_input",
                     {"code": content["code"], "execution_count": count}, parent)
                send(sock, idents, "execute_reply",
                     {"status": "ok", "execution_count": count, "payload": [], "user_expressions": {}},
                     parent)
            elif kind == "shutdown_request":
                send(sock, idents, "shutdown_reply", {"status": "ok", "restart": False}, parent)
                send(iopub, [b"status"], "status", {"execution_state": "idle"}, parent)
                return 0
            send(iopub, [b"status"], "status", {"execution_state": "idle"}, parent)


if __name__ == "__main__":
    sys.exit(main())
