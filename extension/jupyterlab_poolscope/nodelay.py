"""A Jupyter server extension: TCP_NODELAY on the kernel websockets, so that a cell's answer is not held back.

A kernel answers a cell with a burst of small messages (status busy, execute_input, execute_result, status idle,
execute_reply), and the server relays each one as a websocket frame of a few hundred bytes. jupyter_server leaves
Nagle's algorithm on for its websockets (tornado's default; tornado's docs say to call `set_nodelay(True)` for
small interactive messages): the second frame of a burst then waits until the browser acknowledges the first,
which the browser delays, up to Linux's 40 ms minimum. Measured in JupyterLab 4.6 and Chromium on this machine
(test/bench/RESULTS.md): `1 + 1` painted after a median ~60 ms with ipykernel and with poolscope alike, the
execute_input frame arriving ~40 ms after status busy; with no delay, ~30-37 ms.

The server's kernel websocket connection class (any: the default, or a gateway's) is wrapped in one that sets
TCP_NODELAY when its websocket opens; nothing else about the connection changes.
"""

from jupyter_core.utils import ensure_async

SETTING = "kernel_websocket_connection_class"


def no_delay(base):
    """`base`, a kernel websocket connection class, as one that turns Nagle's algorithm off before connecting."""
    if getattr(base, "_poolscope_no_delay", False):
        return base

    async def connect(self):
        # the handler calls connect() from its open(), when tornado's websocket connection exists
        self.websocket_handler.set_nodelay(True)
        return await ensure_async(base.connect(self))

    return type(base.__name__, (base,), {"connect": connect, "_poolscope_no_delay": True, "__module__": __name__})


def _load_jupyter_server_extension(serverapp):
    settings = serverapp.web_app.settings
    base = settings.get(SETTING)
    if base is None:
        serverapp.log.warning("poolscope: no kernel websocket connection class to set TCP_NODELAY on")
        return
    settings[SETTING] = no_delay(base)
    serverapp.log.info("poolscope: kernel websockets send without delay (TCP_NODELAY)")
