"""The server extension (extension/jupyterlab_poolscope/nodelay.py) as a real Jupyter server runs it: the socket
behind a kernel's websocket has TCP_NODELAY set, and without the extension it has not (so the check can fail).

The option is read on the server's own socket: Linux's pidfd_getfd gives this process a copy of the server's
file descriptor (the server is this test's child, which ptrace's rules allow), found by the connection's ports in
/proc/net/tcp. Timing the messages instead would be a benchmark (test/bench/RESULTS.md has one), not a check.
"""
import ctypes
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
from pathlib import Path

from tornado.ioloop import IOLoop
from tornado.websocket import websocket_connect

from jupyterlab_poolscope.nodelay import no_delay

JUPYTER = str(Path(sys.executable).with_name("jupyter"))
TOKEN = "nodelay-test"
SYS_PIDFD_GETFD = 438  # the same number on every Linux architecture (new syscalls share one table)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_socket(pid, local_port, remote_port):
    """A duplicate of the socket of process `pid` whose connection runs from local_port to remote_port."""
    inode = None
    want_local, want_remote = f"{local_port:04X}", f"{remote_port:04X}"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            f = line.split()
            if f[1].rsplit(":", 1)[1] == want_local and f[2].rsplit(":", 1)[1] == want_remote:
                inode = f[9]
    if inode is None:
        raise AssertionError(f"no connection {local_port} -> {remote_port} in /proc/net/tcp")
    fd = next(
        int(n) for n in os.listdir(f"/proc/{pid}/fd") if os.readlink(f"/proc/{pid}/fd/{n}") == f"socket:[{inode}]"
    )
    libc = ctypes.CDLL(None, use_errno=True)
    pidfd = os.pidfd_open(pid)
    try:
        dup = libc.syscall(SYS_PIDFD_GETFD, pidfd, fd, 0)
        if dup < 0:
            raise OSError(ctypes.get_errno(), "pidfd_getfd")
    finally:
        os.close(pidfd)
    return socket.socket(fileno=dup)


class Server:
    """`jupyter server` from .venv on a free port, in a folder of its own."""

    def __init__(self, *args):
        self.port = free_port()
        self.dir = tempfile.TemporaryDirectory()
        # the server's log goes to a file: a pipe nobody reads would stall a server that logs more than it holds
        self.log = open(Path(self.dir.name) / "server.log", "w+")
        self.proc = subprocess.Popen(
            [JUPYTER, "server", "--no-browser", f"--port={self.port}", "--ServerApp.ip=127.0.0.1",
             f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={self.dir.name}", "--allow-root", *args],
            stdout=subprocess.DEVNULL, stderr=self.log, text=True, cwd=self.dir.name,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                self.request("GET", "/api/status")
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.log.seek(0)
                    raise AssertionError(f"jupyter server did not start: {self.log.read()}")
                time.sleep(0.2)

    def request(self, method, path, body=None):
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {TOKEN}"},
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read() or b"null")

    def nodelay_of_kernel_websocket(self):
        """TCP_NODELAY on the server's side of a kernel's websocket."""
        kernel = self.request("POST", "/api/kernels", {"name": "poolscope"})
        try:
            url = f"ws://127.0.0.1:{self.port}/api/kernels/{kernel['id']}/channels?session_id=nodelay&token={TOKEN}"

            async def check():
                conn = await websocket_connect(url)
                try:
                    # the server sets the option in open(), before it sends anything: the first message (the
                    # kernel's status, or the server's own) says open() has run
                    await conn.read_message()
                    client_port = conn.stream.socket.getsockname()[1]
                    with server_socket(self.proc.pid, self.port, client_port) as s:
                        return s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
                finally:
                    conn.close()

            return IOLoop.current().run_sync(check, timeout=60)
        finally:
            self.request("DELETE", f"/api/kernels/{kernel['id']}")

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        self.dir.cleanup()


class NoDelayTests(unittest.TestCase):
    def test_kernel_websocket_sends_without_delay(self):
        server = Server()
        try:
            self.assertNotEqual(server.nodelay_of_kernel_websocket(), 0)
        finally:
            server.close()

    def test_without_the_extension_nagle_stays_on(self):
        server = Server("--ServerApp.jpserver_extensions=jupyterlab_poolscope=False")
        try:
            self.assertEqual(server.nodelay_of_kernel_websocket(), 0)
        finally:
            server.close()

    def test_wraps_any_connection_class_once(self):
        from jupyter_server.gateway.connections import GatewayWebSocketConnection
        from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

        for base in (ZMQChannelsWebsocketConnection, GatewayWebSocketConnection):
            wrapped = no_delay(base)
            self.assertTrue(issubclass(wrapped, base))
            self.assertIsNot(wrapped.connect, base.connect)
            self.assertIs(no_delay(wrapped), wrapped)


if __name__ == "__main__":
    unittest.main()
