"""The poolscope JupyterLab renderer, packaged as a prebuilt extension."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-poolscope"}]
