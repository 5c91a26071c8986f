"""The poolscope JupyterLab renderer, packaged as a prebuilt extension, and a server extension that sends kernel
messages without delay (nodelay.py)."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-poolscope"}]


def _jupyter_server_extension_points():
    return [{"module": "jupyterlab_poolscope.nodelay"}]
